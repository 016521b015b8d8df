/**
 * Pure helpers of the embed builder: the element a partner pastes, its attributes, its theme, and
 * the matching feed and calendar links. No React, no DOM: unit-tested in Node (snippet.test.ts).
 *
 * Every attribute value is HTML-escaped, the element and attribute names are constants, and the
 * `style` attribute is built only from values that are valid CSS colours / font-family lists, so
 * nothing an editor types (or a slug coming from the API) can break out of the snippet.
 */

import { styleAttribute, type Theme } from './theme';
import { EMBED_KINDS, EMBED_PREFIX } from '../../../../cms/shared/embed';
import { WIDGET_DEFAULT_PAGE_SIZE as DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../../cms/shared/paging';

// The theme's checks live in theme.ts; re-exported so that callers keep one entry point.
export { isCssColor, isFontFamily, themeDeclarations, invalidThemeKeys, styleAttribute, type Theme } from './theme';

export const WIDGETS = ['practices', 'practice', 'sessions', 'statements', 'submit'] as const;
export type WidgetName = (typeof WIDGETS)[number];

/** The custom element of each widget (defined by `<publicUrl>/widgets/solidarity.js`). */
export const WIDGET_TAG: Record<WidgetName, string> = {
  practices: 'solidarity-practices',
  practice: 'solidarity-practice',
  sessions: 'solidarity-sessions',
  statements: 'solidarity-statements',
  submit: 'solidarity-submit-practice',
};

// The content model's own lists, shared with the server (plain constants, no server code).
export { PRACTICE_CRITERIA, SESSION_KINDS, STATEMENT_KINDS } from '../../../server/src/content-types/vocabulary';
/** The `controls` of <solidarity-practices> (widgets/src/components/practices/controls.ts; snippet.test.ts ties them). */
export const PRACTICE_CONTROLS = ['topic', 'country', 'organisation', 'call', 'search'] as const;
/** A visitor control of <solidarity-practices>. */
export type PracticeControl = (typeof PRACTICE_CONTROLS)[number];
/** The widgets' `layout` values (snippet.test.ts ties them to widgets/custom-elements.json). */
export const LAYOUTS = ['list', 'grid'] as const;
/** <solidarity-sessions>' `when` values (snippet.test.ts ties them to widgets/custom-elements.json). */
export const WHEN = ['upcoming', 'past'] as const;

/** The widgets' own default page size (left out of the snippet) and the maximum: one definition in cms/shared/paging.ts. */
export { WIDGET_DEFAULT_PAGE_SIZE as DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../../cms/shared/paging';

export interface EmbedSettings {
  widget: WidgetName;
  locale?: string;
  topic?: string;
  organisation?: string;
  country?: string;
  call?: string;
  criteria?: string;
  kind?: string;
  q?: string;
  /** the practice of the single-practice widget */
  slug?: string;
  layout?: 'list' | 'grid';
  pageSize?: number;
  when?: 'upcoming' | 'past';
  controls?: string[];
  /** the submission form's link to the privacy notice (http(s) only) */
  privacyUrl?: string;
  theme?: Theme;
}

type FilterKey = 'topic' | 'organisation' | 'country' | 'call' | 'criteria' | 'kind' | 'q';

/** The filters each widget (and its feed or calendar) understands, in snippet order. */
export const WIDGET_FILTERS: Record<WidgetName, readonly FilterKey[]> = {
  practices: ['topic', 'country', 'organisation', 'call', 'criteria', 'q'],
  practice: [],
  sessions: ['topic', 'organisation', 'kind', 'q'],
  statements: ['topic', 'organisation', 'kind', 'q'],
  submit: ['call'],
};

/** An absolute http(s) URL, as the `privacy-url` of the form may be. */
export const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string' || !value.trim()) return false;
  try {
    const u = new URL(value.trim());
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

export const isListWidget = (w: WidgetName): boolean => w === 'practices' || w === 'sessions' || w === 'statements';

/** Escapes text for an HTML attribute value (double-quoted) or element content. */
export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const clean = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The page size as the widgets read it: 1..50. */
export const clampPageSize = (n: unknown): number => {
  const v = Math.floor(Number(n));
  if (!Number.isFinite(v) || v < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(v, MAX_PAGE_SIZE);
};

/**
 * The attributes of the element, raw (not escaped), in a stable order. The preview sets exactly
 * these with `setAttribute`; the snippet writes them escaped.
 */
export const widgetAttributes = (s: EmbedSettings): [string, string][] => {
  if (!Object.prototype.hasOwnProperty.call(WIDGET_TAG, s.widget)) throw new Error(`Unknown widget: ${String(s.widget)}`);
  const attrs: [string, string][] = [];
  const add = (name: string, value: unknown) => {
    const v = typeof value === 'number' ? String(value) : clean(value);
    if (v) attrs.push([name, v]);
  };
  if (s.widget === 'practice') add('slug', s.slug);
  add('locale', s.locale);
  for (const key of WIDGET_FILTERS[s.widget]) add(key, s[key]);
  if (s.widget === 'sessions') add('when', s.when && (WHEN as readonly string[]).includes(s.when) ? s.when : undefined);
  if (isListWidget(s.widget)) {
    if (s.layout === 'grid') add('layout', 'grid');
    if (s.pageSize !== undefined && clampPageSize(s.pageSize) !== DEFAULT_PAGE_SIZE) add('page-size', clampPageSize(s.pageSize));
  }
  if (s.widget === 'submit' && isHttpUrl(s.privacyUrl)) add('privacy-url', s.privacyUrl);
  if (s.widget === 'practices' && s.controls?.length) {
    const controls = PRACTICE_CONTROLS.filter((c) => s.controls?.includes(c));
    if (controls.length) add('controls', controls.join(','));
  }
  add('style', styleAttribute(s.theme));
  return attrs;
};

/** The fallback link's text, by the snippet's language (primary subtag; English otherwise). */
export const FALLBACK_TEXT: Record<string, string> = {
  en: 'View on Solidarity Commons',
  ca: 'Mostra-ho a Solidarity Commons',
  es: 'Verlo en Solidarity Commons',
  el: 'Δείτε το στο Solidarity Commons',
  fr: 'Voir sur Solidarity Commons',
};

/**
 * The public page a widget's fallback link points to (the `/embed/<locale>/...` pages, scheme in
 * cms/shared/embed.ts): one practice's page; a list's page with the same filters; for the form, the
 * practices of its call. Its locale is the snippet's, else `defaultLocale` (the server's default, for
 * a snippet that follows the partner page's language); without either the path has none and the
 * server redirects to its default.
 */
export const publicPageUrl = (publicUrl: string, s: EmbedSettings, defaultLocale = ''): string => {
  const base = normalizeBaseUrl(publicUrl),
    slug = clean(s.slug),
    locale = clean(s.locale) || clean(defaultLocale);
  const prefix = `${base}${EMBED_PREFIX}${locale ? `/${encodeURIComponent(locale)}` : ''}`;
  if (s.widget === 'practice' && slug) return `${prefix}/${EMBED_KINDS.practice}/${encodeURIComponent(slug)}`;
  const kind = s.widget === 'sessions' ? 'session' : s.widget === 'statements' ? 'statement' : 'practice';
  const query = new URLSearchParams();
  const filters: readonly FilterKey[] = s.widget === 'practice' ? [] : WIDGET_FILTERS[s.widget];
  for (const key of filters) if (clean(s[key])) query.append(key, clean(s[key]));
  if (s.widget === 'sessions' && s.when && (WHEN as readonly string[]).includes(s.when)) query.append('when', s.when);
  const search = query.toString();
  return `${prefix}/${EMBED_KINDS[kind]}${search ? `?${search}` : ''}`;
};

/**
 * `<solidarity-sessions locale="ca" topic="…"></solidarity-sessions>`, every value escaped. With
 * `publicUrl`, the element holds a fallback link to the public page (publicPageUrl, in the snippet's
 * locale else `defaultLocale`, its text in that language): shown where the script does not run (or
 * is stripped), hidden once the widget upgrades (its shadow root has no slot).
 */
export const elementHtml = (s: EmbedSettings, publicUrl?: string, defaultLocale = ''): string => {
  const attrs = widgetAttributes(s)
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  const tag = WIDGET_TAG[s.widget];
  const text = FALLBACK_TEXT[(clean(s.locale) || clean(defaultLocale)).toLowerCase().split(/[-_]/)[0]] ?? FALLBACK_TEXT.en;
  const fallback = publicUrl ? `<a href="${escapeHtml(publicPageUrl(publicUrl, s, defaultLocale))}">${escapeHtml(text)}</a>` : '';
  return `<${tag}${attrs}>${fallback}</${tag}>`;
};

/** Height in CSS pixels of the iframe snippet: a list's page, one item's page (as the oEmbed iframe's). */
export const IFRAME_HEIGHT = { list: 600, document: 400 } as const;

/**
 * The address of the public page showing the same content (publicPageUrl), for a WordPress user to
 * paste on its own line (oEmbed) or a site builder that allows only iframes; '' for the submission
 * form, which has no page of its own.
 */
export const embedPageUrl = (publicUrl: string, s: EmbedSettings, defaultLocale = ''): string =>
  s.widget === 'submit' ? '' : publicPageUrl(publicUrl, s, defaultLocale);

/** `<iframe src="<embedPageUrl>" ...>` for site builders that allow only iframes, every value escaped; '' for the submission form. */
export const iframeHtml = (publicUrl: string, s: EmbedSettings, defaultLocale = ''): string => {
  const url = embedPageUrl(publicUrl, s, defaultLocale);
  if (!url) return '';
  const height = s.widget === 'practice' ? IFRAME_HEIGHT.document : IFRAME_HEIGHT.list;
  return `<iframe src="${escapeHtml(url)}" title="Solidarity Commons" loading="lazy" style="width: 100%; height: ${height}px; border: 0"></iframe>`;
};

/** A call or practice as the public API lists it in one locale (what slugInLocale reads). */
export interface LocalizedItem {
  slug: string;
  documentId?: string;
}

/**
 * The slug of document `documentId` in `items` (a list read in another locale): a call or practice
 * has a slug per locale, and a snippet with `locale="ca"` must name the Catalan one. `slug` itself
 * when the document is not in the list (it has no text in that locale) or is not known.
 */
export const slugInLocale = (slug: string, documentId: string | undefined, items: readonly LocalizedItem[]): string => {
  if (!slug || !documentId) return slug;
  return items.find((item) => item.documentId === documentId)?.slug || slug;
};

/** A practice as the public API answers it for one locale (what practiceSlugIn reads). */
export interface LocalizedPractice {
  slug?: string;
  /** true when the practice has no text in the requested locale and the answer is another locale's */
  localeFallback?: boolean;
}

/**
 * The slug that names practice `documentId` (chosen as `slug`) in `locale`, for a single-practice
 * snippet whose language changes: slugs are localized, and the slug of another locale can name a
 * different practice there (a slug is unique per locale only). `read` is the public API's answer for
 * `/practices/<documentId>?locale=<locale>`; its slug when the practice has text in that locale, else
 * `slug` (the widget then shows the practice in a fallback language, as the API does for any
 * locale's slug), also when there is no documentId or the read fails. The same rule as the call's
 * (slugInLocale) and as the WordPress block's (integrations/wordpress/.../assets/editor.js `slugIn`).
 */
export const practiceSlugIn = async (
  slug: string,
  documentId: string | undefined,
  locale: string,
  read: (path: string, params: { locale: string }) => Promise<LocalizedPractice | null | undefined>
): Promise<string> => {
  if (!slug || !documentId) return slug;
  try {
    const doc = await read(`/practices/${encodeURIComponent(documentId)}`, { locale });
    return doc && !doc.localeFallback && typeof doc.slug === 'string' && doc.slug ? doc.slug : slug;
  } catch {
    return slug;
  }
};

/** The public base URL without trailing slashes; only http(s) URLs are accepted. */
export const normalizeBaseUrl = (url: string): string => {
  const u = new URL(url.trim());
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`Not an http(s) URL: ${url}`);
  u.search = '';
  u.hash = '';
  return u.href.replace(/\/+$/, '');
};

export const bundleUrl = (publicUrl: string): string => `${normalizeBaseUrl(publicUrl)}/widgets/solidarity.js`;

export const scriptTag = (publicUrl: string): string => `<script type="module" src="${escapeHtml(bundleUrl(publicUrl))}"></script>`;

/** What a partner pastes: the script tag and the element, with its fallback link (elementHtml). */
export const snippetHtml = (publicUrl: string, s: EmbedSettings, defaultLocale = ''): string =>
  `${scriptTag(publicUrl)}\n${elementHtml(s, publicUrl, defaultLocale)}`;

/** Query string of a feed or calendar, keys sorted and URL-encoded, empty values left out. */
export const feedQuery = (s: EmbedSettings): string => {
  const params: Record<string, string> = {};
  for (const key of WIDGET_FILTERS[s.widget]) {
    const v = clean(s[key]);
    if (v) params[key] = v;
  }
  const locale = clean(s.locale);
  if (locale) params.locale = locale;
  const u = new URLSearchParams();
  for (const key of Object.keys(params).sort()) u.set(key, params[key]);
  return u.toString();
};

/** The same URL with its http(s) scheme replaced by webcal (calendar subscription). */
export const webcalUrl = (url: string): string => url.replace(/^https?:/i, 'webcal:');

export type FeedFormat = 'rss' | 'atom' | 'json' | 'ics' | 'webcal';
export interface FeedLink {
  format: FeedFormat;
  url: string;
}

/**
 * The feeds (practices, statements: RSS, Atom, JSON Feed) or calendars (sessions: .ics and its
 * webcal:// subscription) for the same filters. A calendar holds past and upcoming sessions, so
 * `when` is not part of it.
 */
export const feedLinks = (publicUrl: string, s: EmbedSettings): FeedLink[] => {
  const base = `${normalizeBaseUrl(publicUrl)}/api/solidarity`;
  const q = feedQuery(s);
  const withQuery = (path: string) => `${base}${path}${q ? `?${q}` : ''}`;
  if (s.widget === 'practices' || s.widget === 'statements') {
    return (['rss', 'atom', 'json'] as const).map((format) => ({ format, url: withQuery(`/feeds/${s.widget}.${format}`) }));
  }
  if (s.widget === 'sessions') {
    const ics = withQuery('/sessions.ics');
    return [
      { format: 'ics', url: ics },
      { format: 'webcal', url: webcalUrl(ics) },
    ];
  }
  return [];
};

/** What the Embed page shows to copy: the snippet, the feed/calendar links and the public page of the same settings. */
export interface EmbedCode {
  /** the script tag and the element (snippetHtml); '' while no public URL is known */
  snippet: string;
  /** the feeds or calendars (feedLinks); [] while no public URL is known or when the settings are refused */
  feeds: FeedLink[];
  /** the public page's address (embedPageUrl); '' while no public URL is known, for the form, or when the settings are refused */
  pageUrl: string;
  /** the iframe of that page (iframeHtml); '' when pageUrl is */
  iframe: string;
}

/**
 * The snippet and links of the Embed page; `defaultLocale` (the server's) names the public pages'
 * language when the snippet follows the partner page's. Never throws: a public URL that is not
 * http(s) or an unknown widget gives the reason as an HTML comment in place of the snippet
 * (`<!-- Not an http(s) URL: … -->`), so the editor sees why nothing can be pasted, and no links.
 */
export const embedCode = (publicUrl: string, s: EmbedSettings, defaultLocale = ''): EmbedCode => {
  if (!publicUrl) return { snippet: '', feeds: [], pageUrl: '', iframe: '' };
  try {
    return {
      snippet: snippetHtml(publicUrl, s, defaultLocale),
      feeds: feedLinks(publicUrl, s),
      pageUrl: embedPageUrl(publicUrl, s, defaultLocale),
      iframe: iframeHtml(publicUrl, s, defaultLocale),
    };
  } catch (error) {
    return { snippet: `<!-- ${(error as Error).message} -->`, feeds: [], pageUrl: '', iframe: '' };
  }
};
