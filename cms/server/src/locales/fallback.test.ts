import { describe, expect, it } from 'vitest';
import { pluginConfigSchema } from '../config';
import { fallbackChain, matchLocale, visibility } from './fallback';

/** The fallback chain rule (README "Languages"); the reads apply it in SQL (reads/fallback.test.ts, through the API). */
const CODES = ['en', 'ca', 'es', 'el', 'fr'];

describe('fallbackChain', () => {
  it('is the locale, its configured fallbacks, the default locale, then every other locale, each once', () => {
    expect(fallbackChain('ca', CODES, 'en', { ca: ['es', 'en'] })).toEqual(['ca', 'es', 'en', 'el', 'fr']);
    expect(fallbackChain('el', CODES, 'en', {})).toEqual(['el', 'en', 'ca', 'es', 'fr']);
    expect(fallbackChain('en', CODES, 'en', { ca: ['es'] })).toEqual(['en', 'ca', 'es', 'el', 'fr']);
  });

  it('skips a configured fallback the app does not have, and a repeated one', () => {
    expect(fallbackChain('fr', CODES, 'en', { fr: ['pt', 'ca', 'ca', 'fr'] })).toEqual(['fr', 'ca', 'en', 'es', 'el']);
  });
});

describe('visibility', () => {
  it('says which version each locale shows', () => {
    expect(visibility(['es', 'ca'], CODES, 'en', { el: ['es'] })).toEqual([
      { locale: 'en', shownIn: 'ca', fallback: true },
      { locale: 'ca', shownIn: 'ca', fallback: false },
      { locale: 'es', shownIn: 'es', fallback: false },
      { locale: 'el', shownIn: 'es', fallback: true },
      { locale: 'fr', shownIn: 'ca', fallback: true },
    ]);
    expect(visibility([], ['en'], 'en')).toEqual([{ locale: 'en', shownIn: null, fallback: false }]);
  });
});

describe('the fallbacks option', () => {
  const base = { locales: CODES, defaultLocale: 'en' };
  it('takes locale codes to lists of locale codes', () => {
    expect(pluginConfigSchema.safeParse({ ...base, fallbacks: { ca: ['es', 'en'] } }).success).toBe(true);
    expect(pluginConfigSchema.safeParse(base).data?.fallbacks).toEqual({});
  });
  it('refuses a chain that names its own locale, and what is not a locale code', () => {
    expect(pluginConfigSchema.safeParse({ ...base, fallbacks: { ca: ['ca'] } }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ ...base, fallbacks: { ca: 'es' } }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ ...base, fallbacks: { 'not a code': ['es'] } }).success).toBe(false);
  });
});

describe('matchLocale', () => {
  it('maps region locales and other spellings to the configured locale, and nothing else', () => {
    for (const [asked, code] of [
      ['ca', 'ca'],
      ['CA', 'ca'],
      ['ca-ES', 'ca'],
      ['ca_es', 'ca'],
      ['el-GR', 'el'],
      ['en-GB', 'en'],
      ['es-419', 'es'],
      ['fr-FR', 'fr'],
      [' fr ', 'fr'],
    ] as const) {
      expect(matchLocale(asked, CODES), asked).toBe(code);
    }
    expect(matchLocale('pt_br', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(matchLocale('pt-PT', ['en', 'pt-BR'])).toBeNull();
    for (const bad of ['xx', 'de-DE', '', 'c', 'ca--ES', 'ca-', '-ca', 'ca-ES-<x>', 'caa-ES']) expect(matchLocale(bad, CODES), bad).toBeNull();
  });
});
