/**
 * UI strings: the English every widget uses is bundled (locales/en-common.ts), each widget brings its
 * own English (locales/en-<widget>.ts); ca, es, el, fr load on demand (one small chunk each, every
 * widget's strings). No DOM, no Lit.
 */
import { SHIPPED_LOCALES } from '../../../cms/shared/locales.js';
import en from '../locales/en-common.js';
import type all from '../locales/en.js';

/** A locale's table: every UI string (locales/en.ts). */
export type Strings = typeof all;
export type Key = keyof Strings;
export type Vars = Record<string, string | number>;
/** A table of messages: text, or plural forms by `Intl.PluralRules` category (`one`, `other`...). */
export type Messages = Partial<Record<string, string | Record<string, string>>>;


/** Locales with UI strings: the shipped ones (cms/shared/locales.ts). */
export const LOCALES: readonly string[] = SHIPPED_LOCALES;

const loaders: Record<string, () => Promise<{ default: Strings }>> = {
  ca: () => import('../locales/ca.js'),
  es: () => import('../locales/es.js'),
  el: () => import('../locales/el.js'),
  fr: () => import('../locales/fr.js'),
};

const cache: Record<string, Promise<Messages>> = { en: Promise.resolve(en) };

/**
 * The strings of a supported locale (every widget's); for English, or when the locale is unknown or
 * its chunk fails to load, the shared English table (locales/en-common.ts; a widget's own English is
 * the `english` argument of `tr`).
 */
export const load = (l: string): Promise<Messages> =>
  (cache[l] ??= loaders[l]
    ? loaders[l]().then(
        (m) => m.default,
        () => (delete cache[l], en)
      )
    : cache.en);

/** Primary subtag, lower-case ("ca-ES" -> "ca"). */
export const primary = (l: string): string => l.toLowerCase().split(/[-_]/)[0];

/** UI locale: the requested one (attribute, then the page's lang) if supported, else English. */
export const uiLocale = (requested?: string | null, pageLang?: string | null): string => {
  const p = primary(requested || pageLang || 'en');
  return LOCALES.includes(p) ? p : 'en';
};

/** Locale sent to the API: the attribute's primary subtag if supported, the attribute as given if not, else the UI locale. */
export const apiLocale = (requested: string | null | undefined, ui: string): string =>
  !requested ? ui : LOCALES.includes(primary(requested)) ? primary(requested) : requested;

/**
 * Translates `key` from `messages`, else from `english` (the English of the widget or view that
 * shows it), else from the shared English: `{var}` placeholders, plural forms picked by
 * Intl.PluralRules on `vars.n`. An unknown key (a kind or criterion the UI does not know yet) is
 * shown as it is.
 */
export const tr = <S extends Messages>(messages: S, locale: string, key: keyof S & string, vars: Vars = {}, english?: Messages): string => {
  let message: string | Record<string, string> = messages[key] ?? english?.[key] ?? (en as Messages)[key] ?? String(key);
  if (typeof message != 'string') message = message[new Intl.PluralRules(locale).select(+vars.n)] ?? message.other;
  return message.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    return typeof value == 'number' ? value.toLocaleString(locale) : (value ?? '');
  });
};

/** Name of a language or region in locale `l` ("en" -> "anglès"); the code itself when unknown. */
export const displayName = (l: string, type: 'language' | 'region', code: string): string => {
  try {
    return new Intl.DisplayNames(l, { type }).of(code) || code;
  } catch {
    return code;
  }
};

export { en };
