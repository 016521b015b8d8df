import { describe, expect, it } from 'vitest';
import { criteriaOf, deadline, phaseOf, PHASES, words } from '../../src/components/practices/call-banner.js';

const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];

describe('call banner: pure parts', () => {
  it('has every word in every UI locale, translated (not English outside English)', () => {
    const en = words('en');
    for (const l of LOCALES) {
      const w = words(l);
      for (const p of PHASES) expect(w.phases[p], `${l} ${p}`).toBeTruthy();
      expect(w.deadline, l).toContain('{date}');
      if (l != 'en') {
        for (const k of ['label', 'criteria', 'submit', 'selected'] as const) expect(w[k], `${l} ${k}`).not.toBe(en[k]);
        for (const p of PHASES) expect(w.phases[p], `${l} ${p}`).not.toBe(en.phases[p]);
      }
    }
    expect(words('xx')).toBe(en);
  });

  it('shows an unknown or missing phase as open', () => {
    expect(phaseOf({ phase: 'results' })).toBe('results');
    expect(phaseOf({ phase: 'assessment' })).toBe('assessment');
    expect(phaseOf({})).toBe('open');
    expect(phaseOf({ phase: 'closed' })).toBe('open');
    expect(phaseOf({ phase: { toString: () => 'results' } as unknown as string })).toBe('open');
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
