import { describe, expect, it } from 'vitest';
import { tr, type Strings } from '../../src/internal/i18n.js';
import ca from '../../src/components/submit-practice/locales/ca.js';
import el from '../../src/components/submit-practice/locales/el.js';
import en from '../../src/components/submit-practice/locales/en.js';
import es from '../../src/components/submit-practice/locales/es.js';
import fr from '../../src/components/submit-practice/locales/fr.js';
import { loadForm, type FStrings } from '../../src/components/submit-practice/strings.js';

const all: Record<string, FStrings> = { en, ca, es, el, fr };

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v == 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
const flat = (o: FStrings) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string]));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('form strings (<solidarity-submit-practice>)', () => {
  for (const l of ['ca', 'es', 'el', 'fr'])
    describe(l, () => {
      it('has every English key and no other', () => {
        const missing = keys(en).filter((k) => !keys(all[l]).includes(k));
        const extra = keys(all[l]).filter((k) => !keys(en).includes(k));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('keeps the placeholders of every English string, and translates', () => {
        const e = flat(en),
          t = flat(all[l]);
        for (const k of Object.keys(e)) {
          expect(placeholders(t[k]), `${l}.${k}`).toEqual(placeholders(e[k]));
          expect(t[k].trim(), `${l}.${k}`).not.toBe('');
        }
        const same = Object.keys(e).filter((k) => e[k] == t[k]);
        expect(same.length, `${l}: untranslated? ${same.join(', ')}`).toBeLessThan(3);
      });

      it('loads on demand', async () => {
        expect(await loadForm(l)).toEqual(all[l]);
      });
    });

  it('loads English for an unknown locale', async () => {
    expect(await loadForm('en')).toEqual(en);
    expect(await loadForm('xx')).toEqual(en);
  });

  it('has the plural forms each language needs', () => {
    const s = (x: FStrings) => x as unknown as Strings;
    expect(tr(s(en), 'en', 'f429' as never, { n: 1 })).toMatch(/in 1 minute\.$/);
    expect(tr(s(en), 'en', 'f429' as never, { n: 10 })).toMatch(/in 10 minutes\.$/);
    expect(tr(s(ca), 'ca', 'left' as never, { n: 1 })).toBe('Queda 1 caràcter');
    expect(tr(s(fr), 'fr', 'left' as never, { n: 0 })).toBe('Il reste 0 caractère');
    expect(tr(s(el), 'el', 'problems' as never, { n: 3 })).toBe('Υπάρχουν προβλήματα σε 3 πεδία');
    expect(tr(s(es), 'es', 'eMin' as never, { n: 3 })).toBe('Escribe al menos 3 caracteres.');
  });
});
