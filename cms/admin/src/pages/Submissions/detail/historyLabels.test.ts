import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_EVENTS } from '../../../../../../cms/shared/history';
import { FICHE_WORDS } from '../../../../../../cms/shared/fiche-labels';
import { changeValue, historyAuthor, historyLabels, historyNote, isHistoryEvent } from './historyLabels';

const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];
const translations = (locale: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../translations', `${locale}.json`), 'utf8')) as Record<string, string>;

describe('review history labels', () => {
  it('label every kind of event the server writes, each translated in every admin language', () => {
    const asked: string[] = [];
    const labels = historyLabels((key, defaultMessage) => {
      asked.push(key);
      return defaultMessage;
    });
    expect(Object.keys(labels).sort()).toEqual([...HISTORY_EVENTS].sort());
    for (const event of HISTORY_EVENTS) expect(labels[event].trim(), event).not.toBe('');
    expect(new Set(Object.values(labels)).size, 'two events share a label').toBe(HISTORY_EVENTS.length);
    for (const locale of LOCALES) {
      const messages = translations(locale);
      for (const key of asked) expect(messages[`solidarity.${key}`], `${locale} ${key}`).toBeTruthy();
    }
  });

  it('tells known kinds from unknown ones (shown as their name)', () => {
    expect(HISTORY_EVENTS.every(isHistoryEvent)).toBe(true);
    expect(isHistoryEvent('something-newer')).toBe(false);
  });

  it('credits the contact, not the submission form, with what they did through the completion link', () => {
    const asked: string[] = [];
    const t = (key: string, defaultMessage: string) => {
      asked.push(key);
      return defaultMessage;
    };
    const contact = 'the contact, through the completion link';
    expect(historyAuthor(t, { action: 'completion-saved', by: null })).toBe(contact);
    expect(historyAuthor(t, { action: 'completion-completed', by: null })).toBe(contact);
    expect(historyAuthor(t, { action: 'submit', by: null })).toBe('the submission form');
    expect(historyAuthor(t, { action: 'completion-sent', by: { name: 'Laia Serra' } })).toBe('Laia Serra');
    for (const locale of LOCALES) {
      const messages = translations(locale);
      for (const key of asked) expect(messages[`solidarity.${key}`], `${locale} ${key}`).toBeTruthy();
    }
  });
});

describe('review history notes and changes in the admin language', () => {
  const catalan = translations('ca');
  /** A `t` that gives the Catalan message with `{count, plural, …}` resolved (one / other) and `#` replaced. */
  const tCa = (key: string, _default: string, values?: Record<string, string | number>) => {
    const message = catalan[`solidarity.${key}`] ?? '';
    const count = Number(values?.count);
    return message.replace(/\{count, plural, one \{([^}]*)\} other \{([^}]*)\}\}/, (_m, one: string, other: string) => (count === 1 ? one : other).replace('#', String(count)));
  };

  it('translates the server’s "Scored N criteria" notes of assess events, with the plural', () => {
    expect(historyNote(tCa, { action: 'assess', note: 'Scored 2 criteria' })).toBe('Puntuats 2 criteris');
    expect(historyNote(tCa, { action: 'assess', note: 'Scored 1 criteria' })).toBe('Puntuats 1 criteri');
    expect(historyNote(tCa, { action: 'assess', note: 'Scores revised (3 criteria)' })).toBe('Puntuacions revisades (3 criteris)');
    // an editor's or contact's note stays as written
    expect(historyNote(tCa, { action: 'request-info', note: 'Scored 2 criteria' })).toBe('Scored 2 criteria');
    expect(historyNote(tCa, { action: 'assess', note: 'Something else' })).toBe('Something else');
    expect(historyNote(tCa, { action: 'assess' })).toBeUndefined();
  });

  it('shows the budget range of a completion’s changes in words, other values as they are', () => {
    expect(changeValue('budgetRange', 'from-5k-to-20k', 'ca')).toBe(FICHE_WORDS.ca.budget['from-5k-to-20k']);
    expect(changeValue('budgetRange', 'from-5k-to-20k', 'fr')).toBe(FICHE_WORDS.fr.budget['from-5k-to-20k']);
    expect(changeValue('budgetRange', 'from-5k-to-20k', 'ca')).not.toContain('from-5k');
    expect(changeValue('budgetRange', '—', 'ca')).toBe('—');
    expect(changeValue('summary', 'from-5k-to-20k', 'ca')).toBe('from-5k-to-20k');
  });
});
