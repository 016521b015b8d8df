import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

/** Every admin string goes through react-intl: the same ids in every locale, valid ICU messages. */
const DIR = __dirname;
const SRC = path.resolve(DIR, '..');
const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];
const load = (locale: string) => JSON.parse(readFileSync(path.join(DIR, `${locale}.json`), 'utf8')) as Record<string, string>;

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });

/** `t('key', 'English default'` and `id: tid('key'), defaultMessage: '...'` in the code. */
const used = (): Map<string, string> => {
  const found = new Map<string, string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^']+)',\s*'((?:[^'\\]|\\.)*)'/g)) found.set(`solidarity.${m[1]}`, m[2].replace(/\\(.)/g, '$1'));
    for (const m of text.matchAll(/id: tid\('([^']+)'\), defaultMessage: '((?:[^'\\]|\\.)*)'/g)) found.set(`solidarity.${m[1]}`, m[2]);
  }
  return found;
};

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('admin translations', () => {
  const en = load('en');

  it('has every id the code uses, with the code’s English default, and no other', () => {
    const code = used();
    expect(code.size).toBeGreaterThan(50);
    expect(Object.keys(en).sort()).toEqual([...code.keys()].sort());
    for (const [id, text] of code) expect(en[id], id).toBe(text);
  });

  it.each(LOCALES)('%s: same ids as English, same placeholders, valid ICU, ids prefixed solidarity.', (locale) => {
    const messages = load(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [id, message] of Object.entries(messages)) {
      expect(id.startsWith('solidarity.')).toBe(true);
      expect(message.trim(), id).not.toBe('');
      expect(placeholders(message), `${locale} ${id}`).toEqual(placeholders(en[id]));
      expect(() => new IntlMessageFormat(message, locale).format({ count: 2, status: 's', message: 'm', title: 't', locale: 'ca', relative: 'r', absolute: 'a', url: 'u', urls: 'u', tag: '<x>', who: 'w', attribute: '<html lang>', colour: '#fff', name: 'n', total: 1, criterion: 'c', score: 1, organisation: 'o', min: 0, max: 3, decision: 'd', deadline: 'd', label: 'l', weight: 1, names: 'n', mean: 1 }), `${locale} ${id}`).not.toThrow();
    }
  });
});
