import { describe, expect, it } from 'vitest';
import { apiLocale, en as shared, LOCALES, load, primary, tr, uiLocale, type Strings } from '../../src/internal/i18n.js';
import en from '../../src/locales/en.js';
import common from '../../src/locales/en-common.js';
import few from '../../src/locales/en-few.js';
import practice from '../../src/locales/en-practice.js';
import practices from '../../src/locales/en-practices.js';
import sessions from '../../src/locales/en-sessions.js';
import statements from '../../src/locales/en-statements.js';
import ca from '../../src/locales/ca.js';
import el from '../../src/locales/el.js';
import es from '../../src/locales/es.js';
import fr from '../../src/locales/fr.js';

const all: Record<string, Strings> = { en, ca, es, el, fr };

/** Every key path of a strings object ("practices.one", "retry", ...). */
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v == 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('exist for exactly the supported locales', () => {
    expect(Object.keys(all).sort()).toEqual([...LOCALES].sort());
  });

  for (const l of LOCALES.filter((l) => l != 'en'))
    describe(l, () => {
      it('has every English key and no other', () => {
        const missing = keys(en).filter((k) => !keys(all[l]).includes(k));
        const extra = keys(all[l]).filter((k) => !keys(en).includes(k));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('keeps the placeholders of every English string, and translates', () => {
        const flat = (o: Strings) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string]));
        const e = flat(en),
          t = flat(all[l]);
        for (const k of Object.keys(e)) {
          expect(placeholders(t[k]), `${l}.${k}`).toEqual(placeholders(e[k]));
          expect(t[k].trim(), `${l}.${k}`).not.toBe('');
        }
        const same = Object.keys(e).filter((k) => e[k] == t[k] && !/^\{n\}|^Pages$|^Sessions?$|^\{|\(\.ics\)/.test(e[k]));
        expect(same.length, `${l}: untranslated? ${same.join(', ')}`).toBeLessThan(4);
      });

      it('loads on demand', async () => {
        expect(await load(l)).toEqual(all[l]);
      });
    });

  it('loads English for an unknown locale', async () => {
    expect(await load('xx')).toBe(shared);
    expect(shared).toBe(common);
  });

  it('English comes in parts (shared, a few widgets\', each widget, a practice\'s view) that make up the whole table, each key in one part', () => {
    const parts = [common, few, practice, practices, sessions, statements].map((p) => Object.keys(p));
    expect(parts.flat().sort()).toEqual(Object.keys(en).sort());
  });
});

describe('tr', () => {
  it('picks plural forms with Intl.PluralRules and formats numbers', () => {
    expect(tr(en, 'en', 'practices', { n: 1 })).toBe('1 practice');
    expect(tr(en, 'en', 'practices', { n: 12 })).toBe('12 practices');
    expect(tr(en, 'en', 'practices', { n: 1234 })).toBe('1,234 practices');
    expect(tr(ca, 'ca', 'practices', { n: 1 })).toBe('1 pràctica');
    expect(tr(ca, 'ca', 'practices', { n: 1234 })).toBe('1.234 pràctiques');
    expect(tr(fr, 'fr', 'sessions', { n: 0 })).toBe('0 session');
    expect(tr(fr, 'fr', 'sessions', { n: 2 })).toBe('2 sessions');
    expect(tr(el, 'el', 'statements', { n: 3 })).toBe('3 δηλώσεις');
    expect(tr(es, 'es', 'practices', { n: 1000000 })).toBe('1.000.000 prácticas');
  });

  it('fills placeholders', () => {
    expect(tr(es, 'es', 'page', { page: 2, count: 5 })).toBe('Página 2 de 5');
    expect(tr(en, 'en', 'fallback', { lang: 'Catalan' })).toBe('Available in Catalan');
  });

  it('shows an unknown key (a kind the UI does not know) as it is', () => {
    expect(tr(en, 'en', 'webinar')).toBe('Webinar');
    expect(tr(en, 'en', 'hackathon' as keyof Strings)).toBe('hackathon');
  });
});

describe('locales', () => {
  it('uiLocale: the attribute, then the page language, if supported; else English', () => {
    expect(uiLocale('ca')).toBe('ca');
    expect(uiLocale('ca-ES')).toBe('ca');
    expect(uiLocale('EL_gr')).toBe('el');
    expect(uiLocale(null, 'fr-BE')).toBe('fr');
    expect(uiLocale('', 'es')).toBe('es');
    expect(uiLocale('de', 'ca')).toBe('en');
    expect(uiLocale(null, 'pt-BR')).toBe('en');
    expect(uiLocale(undefined, '')).toBe('en');
  });

  it('apiLocale: sends the requested locale (primary subtag when supported)', () => {
    expect(apiLocale('ca-ES', 'ca')).toBe('ca');
    expect(apiLocale('de', 'en')).toBe('de');
    expect(apiLocale(null, 'es')).toBe('es');
    expect(primary('pt_BR')).toBe('pt');
  });
});
