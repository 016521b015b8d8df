import { describe, expect, it } from 'vitest';
import { criteriaOf, deadline, PHASES, words } from '../../src/components/practices/call-banner.js';
import { callStatus, statusWords } from '../../../cms/shared/call-banner-words.js';

const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];

describe('call banner: pure parts', () => {
  it('has every word in every UI locale, translated (not English outside English)', () => {
    const en = words('en');
    for (const l of LOCALES) {
      const w = words(l);
      for (const p of PHASES) expect(w.phases[p], `${l} ${p}`).toBeTruthy();
      for (const s of ['upcoming', 'closed'] as const) expect(statusWords(w, s), `${l} ${s}`).toBeTruthy();
      expect(w.deadline, l).toContain('{date}');
      if (l != 'en') {
        for (const k of ['label', 'criteria', 'submit', 'selected'] as const) expect(w[k], `${l} ${k}`).not.toBe(en[k]);
        for (const p of PHASES) expect(w.phases[p], `${l} ${p}`).not.toBe(en.phases[p]);
        for (const s of ['upcoming', 'closed'] as const) expect(w.notOpen[s], `${l} ${s}`).not.toBe(en.notOpen[s]);
      }
    }
    expect(words('xx')).toBe(en);
  });

  it('shows an unknown or missing phase as open', () => {
    const now = Date.now();
    expect(callStatus({ phase: 'results' }, now)).toBe('results');
    expect(callStatus({ phase: 'assessment' }, now)).toBe('assessment');
    expect(callStatus({}, now)).toBe('open');
    expect(callStatus({ phase: 'closed' }, now)).toBe('open');
    // an object where the API promises a string (an untrusted answer): the banner must not stringify it into a phase
    expect(callStatus({ phase: { toString: () => 'results' } as unknown as string }, now)).toBe('open');
  });

  it('never says open when the call takes no submissions (isOpen false): closed after closesAt, upcoming before', () => {
    const now = Date.parse('2026-05-01T00:00:00Z');
    expect(callStatus({ phase: 'open', isOpen: true, closesAt: '2026-06-01T00:00:00Z' }, now)).toBe('open');
    expect(callStatus({ phase: 'open', isOpen: false, closesAt: '2026-04-30T23:59:00Z' }, now)).toBe('closed');
    expect(callStatus({ phase: 'open', isOpen: false, closesAt: '2026-05-01T00:00:00Z' }, now)).toBe('closed');
    expect(callStatus({ phase: 'open', isOpen: false, closesAt: '2026-06-01T00:00:00Z' }, now)).toBe('upcoming');
    expect(callStatus({ phase: 'assessment', isOpen: false, closesAt: '2026-06-01T00:00:00Z' }, now)).toBe('assessment');
    expect(statusWords(words('en'), 'closed')).toBe('Closed for submissions, assessment pending');
    expect(statusWords(words('el'), 'open')).toBe('Ανοιχτή για υποβολές');
  });

  it('formats the deadline in the locale, and nothing for what is not a date', () => {
    expect(deadline('2030-06-30T21:59:00.000Z', 'en')).toMatch(/30 June 2030/);
    expect(deadline('2030-06-30T21:59:00.000Z', 'fr')).toMatch(/30 juin 2030/);
    expect(deadline('2030-06-30T21:59:00.000Z', 'ca')).toMatch(/juny/);
    expect(deadline('not a date', 'en')).toBe('');
    expect(deadline(null, 'en')).toBe('');
    expect(deadline(undefined, 'en')).toBe('');
  });

  it('reads criteria as objects or strings, dropping what has no label', () => {
    expect(criteriaOf({ criteria: [{ label: 'Impact' }, 'Youth', { description: 'x' }, null as never, { label: 3 as never }] })).toEqual(['Impact', 'Youth']);
    expect(criteriaOf({ criteria: 'x' as never })).toEqual([]);
    expect(criteriaOf({})).toEqual([]);
  });
});
