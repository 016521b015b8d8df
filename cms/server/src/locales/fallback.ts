/**
 * Which language version of a document a reader of one locale gets: the locale's fallback chain.
 *
 * The rule (README "Languages"): the requested locale; then the locales configured for it in the
 * plugin's `fallbacks` (`{ ca: ['es', 'en'] }`), in order; then the default locale; then every other
 * locale of the app (in i18n's order). Since the chain names every locale, a document with at least
 * one published version shows in every language: no partner page hides it for want of a
 * translation. The reads (reads/repository.ts) pick, per document, the published version whose
 * locale comes first in the chain; a version in a locale the app no longer lists comes last.
 */

/**
 * The configured locale a requested one stands for, or null: `requested` itself (any case, `_` or `-`
 * between subtags: `pt_br` is `pt-BR`), else its language (the primary subtag of BCP 47, RFC 5646
 * section 2.2.1) when that is configured: `ca-ES`, `el_GR`, `EN-gb` and `es-419` stand for `ca`, `el`,
 * `en` and `es`. Partners build feed and calendar URLs from their page's region locale, as the widgets
 * accept one. A tag that is not well formed, or whose language the app does not have, matches nothing.
 */
export const matchLocale = (requested: string, codes: readonly string[]): string | null => {
  const tag = requested.trim().replace(/_/g, '-').toLowerCase();
  if (!/^[a-z]{2,8}(-[a-z0-9]{1,8})*$/.test(tag)) return null;
  const exact = codes.find((c) => c.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0];
  return codes.find((c) => c.toLowerCase() === language) ?? null;
};

/** The plugin's `fallbacks` option: requested locale → locales to try next, in order. */
export type FallbackConfig = Readonly<Record<string, readonly string[]>>;

/**
 * The chain of `locale`: `locale`, its configured fallbacks, `defaultLocale`, then the rest of
 * `codes`, each once, only locales of `codes` (a configured fallback the app does not have is skipped).
 */
export const fallbackChain = (
  locale: string,
  codes: readonly string[],
  defaultLocale: string,
  fallbacks: FallbackConfig = {}
): string[] => {
  const known = new Set(codes);
  const chain: string[] = [];
  for (const code of [locale, ...(fallbacks[locale] ?? []), defaultLocale, ...codes]) {
    if ((known.has(code) || code === locale) && !chain.includes(code)) chain.push(code);
  }
  return chain;
};

/** Where a document with versions in `have` shows to a reader of one locale. */
export interface Visibility {
  /** the reader's locale */
  locale: string;
  /** the version shown there (null: the document has no version at all) */
  shownIn: string | null;
  /** true when `shownIn` is not `locale` (marked `localeFallback: true` in the public API) */
  fallback: boolean;
}

/**
 * For every locale of `codes`, which of the document's versions (`have`, its locales) a reader of
 * that locale sees, by {@link fallbackChain}. Used by the review page ("will show in...").
 */
export const visibility = (
  have: readonly string[],
  codes: readonly string[],
  defaultLocale: string,
  fallbacks: FallbackConfig = {}
): Visibility[] =>
  codes.map((locale) => {
    const chain = fallbackChain(locale, codes, defaultLocale, fallbacks);
    const shownIn = chain.find((code) => have.includes(code)) ?? [...have].sort()[0] ?? null;
    return { locale, shownIn, fallback: shownIn !== null && shownIn !== locale };
  });
