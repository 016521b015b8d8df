import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { toJsonLd } from '../feeds/jsonld';
import { escapeHtml } from '../feeds/blocks';
import { assertUtf8, fieldError } from '../http/errors';
import { allowAnyOrigin, publicOrigin } from '../http/origin';
import { matchLocale } from '../locales/fallback';
import { isCountryCode } from '../content-types/countries';
import { getService } from '../services/get-service';
import { documentBody, errorPage, FRAME_SCRIPT, HOST_SCRIPT, listBody, listTitle, renderPage } from './page';
import { FRAME_JS, HOST_JS } from './scripts';
import { callBanner } from './call-banner';
import { OEMBED_PATH, parsePagePath, publicListUrl, publicPageUrl, type EmbedKind, type PagePath } from './urls';

type Json = Record<string, unknown>;

/**
 * The query parameters of a list's page, per kind: the widget's filters (the API's shortcuts, one
 * value each), then how the widget shows them. Their order is the canonical URL's.
 */
export const LIST_PARAMS: Record<EmbedKind, readonly string[]> = {
  practice: ['q', 'topic', 'country', 'organisation', 'call', 'criteria', 'layout', 'page-size'],
  session: ['q', 'topic', 'organisation', 'kind', 'when', 'layout', 'page-size'],
  statement: ['q', 'topic', 'organisation', 'kind', 'layout', 'page-size'],
};
const PRESENTATION = new Set(['layout', 'page-size']);

/**
 * Content-Security-Policy of the public pages: as the app's own, except that any site may frame
 * them (`frame-ancestors *`, CSP Level 2 section 7.7.3). The origin is named beside `'self'` for
 * sandboxed frames, whose own origin is opaque.
 */
const pageCsp = (origin: string) =>
  [
    "default-src 'self'",
    `script-src 'self' ${origin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    `connect-src 'self' ${origin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    'frame-ancestors *',
  ].join('; ');

/** Everything one public page shows, and what oEmbed says of it. */
export interface Page {
  kind: EmbedKind;
  /** the page's locale (a configured one) */
  locale: string;
  title: string;
  description: string;
  /** absolute canonical URL */
  canonical: string;
  body: string;
  jsonLd: unknown;
  /** names of the organisations behind the document (oEmbed `author_name`) */
  authors: string[];
  /** true for a list's page */
  list: boolean;
}

/** A page's address that is not the canonical one (region locale, no locale): where it lives. */
export class MovedError extends Error {
  constructor(
    readonly location: string,
    readonly permanent: boolean
  ) {
    super(`Moved to ${location}`);
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const names = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((o: Json) => str(o?.name)).filter(Boolean) : [];

/** The oEmbed secret of a page (WordPress's 10 alphanumeric characters): derived from its URL, so that answers cache. */
export const embedSecret = (url: string): string => createHash('sha256').update(url).digest('hex').slice(0, 10);

/**
 * The public pages (`/embed/...`), their two scripts, and the oEmbed endpoint's answer.
 * See README "Public pages and oEmbed" for the URL scheme.
 */
export const createEmbedPages = (strapi: Core.Strapi) => {
  const api = () => getService(strapi, 'public-api');
  const network = () => getService(strapi, 'feeds').networkName();

  /**
   * The configured locale of a page path: the path's own (a region locale or other spelling is a
   * MovedError to the canonical spelling; an unknown one a 404), else the default locale (a
   * MovedError, temporary: the default may change).
   */
  const pageLocale = async (page: PagePath, rebuild: (locale: string) => string): Promise<string> => {
    const { codes, defaultLocale } = await api().locales();
    if (page.locale === null) throw new MovedError(rebuild(defaultLocale), false);
    const code = matchLocale(page.locale, codes);
    if (!code) throw new errors.NotFoundError(`No locale "${page.locale}"`);
    if (code !== page.locale) throw new MovedError(rebuild(code), true);
    return code;
  };

  /** One value per parameter, only the list's own parameters (a 400 otherwise). */
  const listParams = (kind: EmbedKind, query: Record<string, unknown>): Record<string, string> => {
    const allowed = LIST_PARAMS[kind];
    const problems = Object.keys(query)
      .filter((k) => !allowed.includes(k))
      .map((k) => fieldError([k], 'not a parameter of this page'));
    const params: Record<string, string> = {};
    for (const key of allowed) {
      const value = query[key];
      if (value === undefined || value === '') continue;
      if (typeof value !== 'string') problems.push(fieldError([key], 'one value'));
      else params[key] = value;
    }
    if (params.layout !== undefined && !['list', 'grid'].includes(params.layout)) problems.push(fieldError(['layout'], 'list or grid'));
    if (params['page-size'] !== undefined && !/^(?:[1-9]|[1-4]\d|50)$/.test(params['page-size'])) {
      problems.push(fieldError(['page-size'], 'a whole number from 1 to 50'));
    }
    if (problems.length) throw new errors.ValidationError(problems[0]?.message ?? 'Invalid parameter', { errors: problems });
    return params;
  };

  /** Filters of a list that name a published document by its slug, and that document's type. */
  const SLUG_FILTERS = { topic: 'topic', organisation: 'organisation', call: 'call' } as const;

  /**
   * A list's filters that name nothing: a `topic`, `organisation` or `call` slug of no published
   * document, a `country` of two letters that is no ISO 3166-1 alpha-2 code (content-types/countries.ts),
   * a NotFoundError (the page is a 404, as is its oEmbed): the README's "an unknown filter is a 404".
   * A known country with no practice stays a 200 with an empty list; a malformed value stays a 400 (listParams, the API).
   */
  const assertKnownFilters = async (params: Record<string, string>): Promise<void> => {
    const country = params.country;
    if (country !== undefined && /^[A-Za-z]{2}$/.test(country) && !isCountryCode(country.toUpperCase())) {
      throw new errors.NotFoundError(`No country "${country}"`);
    }
    for (const [key, type] of Object.entries(SLUG_FILTERS)) {
      const value = params[key];
      if (value !== undefined && !(await api().repository.hasPublishedSlug(type, value))) throw new errors.NotFoundError(`No published ${type} "${value}"`);
    }
  };

  /**
   * `query` with its country code in upper case (`country=gr` → `GR`, the code's canonical form, as
   * the API reads it), or `query` itself when that changes nothing or the value is no country code.
   */
  const canonicalQuery = (query: Record<string, unknown>): Record<string, unknown> => {
    const country = query.country;
    if (typeof country !== 'string' || country === country.toUpperCase() || !isCountryCode(country.toUpperCase())) return query;
    return { ...query, country: country.toUpperCase() };
  };

  /**
   * The page at `page` (a parsed path) with `query`, for readers of the app's public `origin`. A
   * list's non-canonical filter value (a lower-case country code) is a MovedError (301) to the
   * canonical URL, as a region locale is (the two corrected at once).
   */
  const load = async (page: PagePath, query: Record<string, unknown>, origin: string): Promise<Page> => {
    const { kind, slug } = page;
    const search = new URLSearchParams(query as Record<string, string>).toString();
    const canonicalList = slug === null ? canonicalQuery(query) : query;
    const locale = await pageLocale(page, (code) =>
      slug === null ? publicListUrl(kind, code, canonicalList as Record<string, string>, origin) : `${publicPageUrl(kind, slug, code, origin)}${search ? `?${search}` : ''}`
    );
    if (slug !== null) {
      if (Object.keys(query).length) {
        throw new errors.ValidationError('A document’s page takes no parameters', {
          errors: Object.keys(query).map((k) => fieldError([k], 'not a parameter of this page')),
        });
      }
      const { data } = await api().findOne({ type: kind, idOrSlug: slug, query: { locale }, origin });
      const doc = data as unknown as Json;
      const canonical = publicPageUrl(kind, str(doc.slug) || str(doc.documentId), locale, origin);
      return {
        kind,
        locale,
        title: str(doc.title),
        description: str(doc.summary),
        canonical,
        body: documentBody(kind, doc, locale, canonical, origin),
        jsonLd: toJsonLd(kind, doc, origin),
        authors: names(doc.promoters ?? doc.organisers ?? doc.issuers),
        list: false,
      };
    }
    const params = listParams(kind, query);
    await assertKnownFilters(params);
    if (canonicalList !== query) throw new MovedError(publicListUrl(kind, locale, canonicalList as Record<string, string>, origin), true);
    const filters: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (!PRESENTATION.has(k)) filters[k] = v;
    // the widget's defaults: upcoming sessions; 10 a page
    const apiQuery: Record<string, unknown> = {
      ...filters,
      ...(kind === 'session' && !filters.when ? { when: 'upcoming' } : {}),
      locale,
      pageSize: params['page-size'] ?? '10',
    };
    const { data } = await api().list({ type: kind, query: apiQuery, origin });
    const docs = data as unknown as Json[];
    // a list of one call opens with the call's banner, as the widget shows it (the call exists: assertKnownFilters)
    // (the public API types its call; the banner reads it as plain JSON, defensively)
    const call = kind === 'practice' && filters.call ? ((await api().findOne({ type: 'call', idOrSlug: filters.call, query: { locale }, origin })).data as unknown as Json) : null;
    const title = listTitle(network(), kind, locale);
    const canonical = publicListUrl(kind, locale, params, origin);
    return {
      kind,
      locale,
      title,
      description: docs.map((d) => str(d.title)).filter(Boolean).slice(0, 5).join(' · '),
      canonical,
      body: listBody(kind, docs, locale, title, params, call ? callBanner(call, locale) : ''),
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'ItemList',
        name: title,
        url: canonical,
        itemListElement: docs.map((d, i) => ({ '@type': 'ListItem', position: i + 1, url: str(d.url), name: str(d.title) })),
      },
      authors: [],
      list: true,
    };
  };

  /** The oEmbed URL of a page (its discovery link). */
  const oembedUrl = (canonical: string, origin: string) => `${origin}${OEMBED_PATH}?url=${encodeURIComponent(canonical)}&format=json`;

  /** Sets the headers of a public page's answer: framable by any site, nothing else changed. */
  const pageHeaders = (ctx: Context, origin: string) => {
    ctx.remove('X-Frame-Options');
    ctx.set('Content-Security-Policy', pageCsp(origin));
    allowAnyOrigin(ctx);
  };

  /** GET /embed/<locale>/<plural>[/<slug>]: the page, a redirect to its canonical address, or an HTML 404/400. */
  const servePage = async (ctx: Context) => {
    const origin = publicOrigin(strapi, ctx);
    const page = parsePagePath(ctx.path);
    const fallbackLocale = async () => {
      const { codes, defaultLocale } = await api().locales();
      return (page?.locale && matchLocale(page.locale, codes)) || defaultLocale;
    };
    const fail = async (status: 404 | 400) => {
      ctx.remove('ETag');
      ctx.set('Cache-Control', 'no-store');
      pageHeaders(ctx, origin);
      ctx.status = status;
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = errorPage(await fallbackLocale(), status, network(), origin);
    };
    if (!page) return fail(404);
    try {
      assertUtf8(ctx);
      await getService(strapi, 'cache').serve(ctx, async () => {
        const p = await load(page, ctx.query as Record<string, unknown>, origin);
        const html = renderPage(
          {
            locale: p.locale,
            title: p.title,
            // a list's title already names the network (listTitle)
            documentTitle: p.list ? p.title : undefined,
            description: p.description,
            canonical: p.canonical,
            oembed: oembedUrl(p.canonical, origin),
            origin,
            network: network(),
            jsonLd: p.jsonLd,
          },
          p.body
        );
        return { body: html, type: 'text/html; charset=utf-8' };
      });
      pageHeaders(ctx, origin);
    } catch (error) {
      if (error instanceof MovedError) {
        ctx.remove('ETag');
        ctx.set('Cache-Control', error.permanent ? 'public, max-age=3600' : 'no-store');
        pageHeaders(ctx, origin);
        ctx.status = error.permanent ? 301 : 302;
        ctx.redirect(error.location);
        return undefined;
      }
      if (error instanceof errors.NotFoundError) return fail(404);
      if (error instanceof errors.ValidationError) return fail(400);
      throw error;
    }
    return undefined;
  };

  const script = (body: string) => async (ctx: Context) => {
    allowAnyOrigin(ctx);
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.body = body;
  };

  return { load, servePage, oembedUrl, frameScript: script(FRAME_JS), hostScript: script(HOST_JS) };
};

/** Mounts the public pages and their scripts (outside /api: they are pages, not API answers). */
export const registerEmbedPages = (strapi: Core.Strapi) => {
  const pages = createEmbedPages(strapi);
  const open = { auth: false as const };
  strapi.server.routes([
    { method: 'GET', path: FRAME_SCRIPT, handler: pages.frameScript, config: open },
    { method: 'GET', path: HOST_SCRIPT, handler: pages.hostScript, config: open },
    { method: 'GET', path: '/embed/:path(.*)', handler: pages.servePage, config: open },
  ]);
};

/** Default and largest size of the oEmbed iframe, in CSS pixels. */
export const OEMBED_WIDTH = 600;
export const OEMBED_HEIGHT = { document: 400, list: 600 } as const;

/** The oEmbed `html` of a page: WordPress's markup for an embedded post (blockquote fallback, then the iframe, then the host script). */
export const oembedHtml = (page: Pick<Page, 'canonical' | 'title'>, network: string, origin: string, width: number, height: number): string => {
  const e = escapeHtml;
  const secret = embedSecret(page.canonical);
  return (
    `<blockquote class="wp-embedded-content" data-secret="${secret}"><a href="${e(page.canonical)}">${e(page.title)}</a></blockquote>` +
    `<iframe class="wp-embedded-content" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" security="restricted"` +
    ` style="position: absolute; clip: rect(1px, 1px, 1px, 1px);" src="${e(page.canonical)}#?secret=${secret}" data-secret="${secret}"` +
    ` width="${width}" height="${height}" title="${e(`${page.title} — ${network}`)}" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>` +
    `<script src="${e(origin)}${HOST_SCRIPT}" async></script>`
  );
};
