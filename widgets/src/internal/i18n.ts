/** UI strings: English is bundled; ca, es, el, fr load on demand (one small chunk each). No DOM, no Lit. */
import { SHIPPED_LOCALES } from '../../../cms/shared/locales.js';
import en from '../locales/en.js';

export type Strings = typeof en;
export type Key = keyof Strings;
export type Vars = Record<string, string | number>;
/** A table of messages: text, or plural forms by `Intl.PluralRules` category (`one`, `other`...). */
export type Messages = Partial<Record<string, string | Record<string, string>>>;

/** English UI strings, where a key missing from any table falls back to. */
const fallback: Messages = en;

/** Locales with UI strings: the shipped ones (cms/shared/locales.ts). */
export const LOCALES: readonly string[] = SHIPPED_LOCALES;

const loaders: Record<string, () => Promise<{ default: Strings }>> = {
  ca: () => import('../locales/ca.js'),
  es: () => import('../locales/es.js'),
  el: () => import('../locales/el.js'),
  fr: () => import('../locales/fr.js'),
};

const cache: Record<string, Promise<Strings>> = { en: Promise.resolve(en) };

/** The strings of a supported locale (English when it is unknown or its chunk fails to load). */
export const load = (l: string): Promise<Strings> =>
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
 * Translates `key`: `{var}` placeholders, plural forms picked by Intl.PluralRules on `vars.n`.
 * An unknown key (a kind or criterion the UI does not know yet) is shown as it is.
 */
export const tr = <S extends Messages>(messages: S, locale: string, key: keyof S & string, vars: Vars = {}): string => {
  let message: string | Record<string, string> = messages[key] ?? fallback[key] ?? String(key);
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
