import { describe, expect, it } from 'vitest';
import { BUDGET_RANGES, FICHE_NEW_KEYS, ficheVisibility } from '../../../cms/shared/fiche.js';
import { FICHE_WORDS } from '../../../cms/shared/fiche-labels.js';
import { FICHE_SHOWN, hasFiche } from '../../src/internal/fiche-keys.js';
import { LOCALES } from '../../src/internal/i18n.js';
import { WORDS, website, words } from '../../src/internal/practice-fiche.js';
import type { Practice } from '../../src/internal/types.js';

const practice = (fiche: Partial<Practice>): Practice => ({ documentId: 'd', slug: 's', locale: 'en', title: 't', ...fiche });

describe('the widgets’ fiche', () => {
  it('shows the fields the fiche added, in the order of its one definition (cms/shared/fiche.ts)', () => {
    expect([...FICHE_SHOWN]).toEqual(FICHE_NEW_KEYS);
    // every field public by default is among them, and the contact (always private) is not
    for (const k of ficheVisibility().public.filter((k) => FICHE_NEW_KEYS.includes(k))) expect(FICHE_SHOWN).toContain(k);
    expect(FICHE_SHOWN).not.toContain('contact');
  });

  it('has the headings and budget ranges of cms/shared/fiche-labels.ts in every UI locale', () => {
    expect(Object.keys(WORDS).sort()).toEqual([...LOCALES].sort());
    for (const l of LOCALES) {
      const shared = FICHE_WORDS[l as keyof typeof FICHE_WORDS];
      expect(shared, l).toBeTruthy();
      expect(WORDS[l].label, l).toEqual(Object.fromEntries(FICHE_SHOWN.map((k) => [k, shared.label[k]])));
      // in fiche order: the order the sections show in
      expect(Object.keys(WORDS[l].label), l).toEqual([...FICHE_SHOWN]);
      expect(WORDS[l].budget, l).toEqual(shared.budget);
      expect(Object.keys(WORDS[l].budget)).toEqual([...BUDGET_RANGES]);
    }
    expect(words('xx')).toBe(WORDS.en);
    expect(words('ca').label.partners).toBe('Entitats col·laboradores');
  });

  it('loads only for a practice with a filled fiche field', () => {
    expect(hasFiche(practice({}))).toBe(false);
    expect(hasFiche(practice({ context: '', objectives: null, figures: [], partners: [], budgetRange: '' }))).toBe(false);
    expect(hasFiche(practice({ lessons: 'x' }))).toBe(true);
    expect(hasFiche(practice({ budgetRange: 'none' }))).toBe(true);
    expect(hasFiche(practice({ partners: [{ name: 'A' }] }))).toBe(true);
    // a list item never has one: the same fields under other names do not count
    expect(hasFiche({ ...practice({}), summary: 'x', body: [] })).toBe(false);
  });

  it('links a partner’s website only when it is an absolute http(s) URL', () => {
    expect(website('https://coop.example.org/')).toBe('https://coop.example.org/');
    expect(website('http://coop.example.org')).toBe('http://coop.example.org/');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'mailto:a@b.c', '/relative', 'coop.example.org', '', null, 3])
      expect(website(bad), String(bad)).toBe(undefined);
  });
});
