import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_EVENTS } from '../../../../../../cms/shared/history';
import { historyAuthor, historyLabels, isHistoryEvent } from './historyLabels';

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
