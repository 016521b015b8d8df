import { EMBED_KINDS, EMBED_PREFIX, type EmbedKind } from '../../../../cms/shared/embed';

export { EMBED_KINDS, EMBED_PREFIX, OEMBED_PATH, OEMBED_URL_PATTERN, type EmbedKind } from '../../../../cms/shared/embed';

/** Whether a content type has a public page (practices, sessions, statements). */
export const isEmbedKind = (type: string): type is EmbedKind => Object.hasOwn(EMBED_KINDS, type);

/** The kind whose plural is `plural` (`practices` → `practice`), or null. */
export const kindOfPlural = (plural: string): EmbedKind | null =>
  (Object.keys(EMBED_KINDS) as EmbedKind[]).find((k) => EMBED_KINDS[k] === plural) ?? null;

/**
 * The public page of one document: `<origin>/embed/<locale>/<plural>/<slug>`, what feeds, calendars,
 * JSON-LD and shares link to (never a JSON address). `origin` is the app's public origin without a
 * trailing slash (http/origin.ts `publicOrigin`); left out, the answer is a path. `slug` and
 * `locale` are percent-encoded.
 */
export const publicPageUrl = (kind: EmbedKind, slug: string, locale: string, origin = ''): string =>
  `${origin}${EMBED_PREFIX}/${encodeURIComponent(locale)}/${EMBED_KINDS[kind]}/${encodeURIComponent(slug)}`;

/**
 * The public page of a filtered list: `<origin>/embed/<locale>/<plural>?<filters>`, the filters
 * (the widgets' attributes: `topic`, `country`, `kind`, `when`...) in the given order, empty ones left out.
 */
export const publicListUrl = (
  kind: EmbedKind,
  locale: string,
  filters: Readonly<Record<string, string | undefined>> = {},
  origin = ''
): string => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.append(key, value);
  const search = query.toString();
  return `${origin}${EMBED_PREFIX}/${encodeURIComponent(locale)}/${EMBED_KINDS[kind]}${search ? `?${search}` : ''}`;
};

/** What a public page's path names. */
export interface PagePath {
  /** the locale segment as written (not yet matched against the configured locales); null when absent */
  locale: string | null;
  kind: EmbedKind;
  /** the slug of one document, or null for the list */
  slug: string | null;
}

/**
 * Reads a public page's path (`/embed/ca/practices/x`, `/embed/ca/practices`, and without the locale
 * `/embed/practices/x`, `/embed/practices`), or null when it is not one. Segments are percent-decoded;
 * a malformed escape is not a page.
 */
export const parsePagePath = (path: string): PagePath | null => {
  if (!path.startsWith(`${EMBED_PREFIX}/`)) return null;
  let segments: string[];
  try {
    segments = path
      .slice(EMBED_PREFIX.length + 1)
      .replace(/\/+$/, '')
      .split('/')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (segments.some((s) => s === '')) return null;
  const [first = '', second, third, ...more] = segments;
  if (more.length) return null;
  const firstKind = kindOfPlural(first);
  if (firstKind) {
    if (third !== undefined) return null;
    return { locale: null, kind: firstKind, slug: second ?? null };
  }
  const kind = second === undefined ? null : kindOfPlural(second);
  if (!kind) return null;
  return { locale: first, kind, slug: third ?? null };
};
