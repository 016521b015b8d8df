import type { Core } from '@strapi/strapi';
import { LIST_PARAMS } from '../embed/pages';
import { publicListUrl } from '../embed/urls';
import { getService } from '../services/get-service';
import { renderCalendar, renderDeadlines, CALENDAR_CONTENT_TYPE, DEFAULT_NOTICE_DAYS, type Deadline } from './calendar';
import { asSession, toDate, type Json } from './documents';
import { collectionTitle } from './labels';
import { CALENDAR_MAX, WALK_PAGE_SIZE, checkDeadlinesQuery, checkWalkQuery, feedQuery, walkQuery, type Query } from './query';
import { FEED_CONTENT_TYPES, FEED_FORMATS, feedEntries, renderFeed, type FeedCollection, type FeedFormat } from './syndication';

export const DEFAULT_NETWORK_NAME = 'Solidarity Commons';

/** The request a feed answers: its query, the public origin, its path and raw query string (for self links). */
export interface FeedRequest {
  query: Query;
  origin: string;
  path: string;
  querystring: string;
}

/** A rendered feed or calendar: the body and its media type. */
export interface Rendered {
  body: string;
  type: string;
}

/**
 * The HTML page of the list a feed follows (embed/urls.ts `publicListUrl`: `/embed/<locale>/<plural>?<filters>`),
 * with the feed's filters that the page understands (embed/pages.ts `LIST_PARAMS`, one value each):
 * the feed's `link` / `rel="alternate"` / `home_page_url` (RFC 4287 4.2.7.2: an alternate version of
 * the feed's resource), a page for people rather than the JSON list.
 */
const listPage = (type: 'practice' | 'statement', locale: string, request: FeedRequest): string => {
  const filters: Record<string, string> = {};
  for (const key of LIST_PARAMS[type]) {
    const value = request.query[key];
    if (key !== 'layout' && key !== 'page-size' && typeof value === 'string' && value.trim()) filters[key] = value;
  }
  return publicListUrl(type, locale, filters, request.origin);
};

/** A URL of this request with another path, the same query string, normalized. */
const sameQuery = (request: FeedRequest, path: string) =>
  new URL(`${request.origin}${path}${request.querystring ? `?${request.querystring}` : ''}`).href;

const host = (origin: string) => new URL(origin).host;

/** Pages of a list one after the other, from an already fetched first page, up to `limit` documents. */
export async function* walk(first: Json[], next: (page: number) => Promise<Json[]>, limit = Infinity) {
  let data = first;
  let seen = 0;
  for (let page = 1; ; page += 1) {
    const room = limit - seen;
    yield data.slice(0, room);
    seen += data.length;
    if (data.length < WALK_PAGE_SIZE || seen >= limit) return;
    data = await next(page + 1);
  }
}

/**
 * Feeds, calendars and open-data exports of the published content, read
 * through the public read API (reads/service.ts): the same validation,
 * locales and sanitizing as the JSON routes. Errors are Strapi's 400/404.
 */
const feedsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const api = () => getService(strapi, 'public-api');
  /** The network's name in feed and calendar titles (plugin config `networkName`). */
  const networkName = () => {
    const configured = strapi.plugin('solidarity').config('networkName') as unknown;
    return typeof configured === 'string' && configured.trim() ? configured.trim() : DEFAULT_NETWORK_NAME;
  };

  /** Days a move or cancellation stays news in calendars (plugin config `calendar.noticeDays`). */
  const noticeDays = () => {
    const configured = (strapi.plugin('solidarity').config('calendar') as { noticeDays?: unknown } | undefined)?.noticeDays;
    return typeof configured === 'number' && configured >= 0 ? configured : DEFAULT_NOTICE_DAYS;
  };

  /** Every document of a public list (at most CALENDAR_MAX), page after page, and the locale answered. */
  const walkAll = async (type: 'session' | 'call' | 'statement', query: Query, origin: string) => {
    const list = (page: number) => api().list({ type, query: walkQuery(query, page), origin });
    const first = await list(1);
    const docs: Json[] = [];
    for await (const page of walk(first.data, async (p) => (await list(p)).data, CALENDAR_MAX)) docs.push(...page);
    return { docs, locale: first.locale };
  };

  return {
    networkName,

    /** RSS, Atom or JSON Feed of the latest practices or statements. */
    async feed(collection: FeedCollection, format: FeedFormat, request: FeedRequest): Promise<Rendered> {
      const query = feedQuery(request.query);
      const { origin } = request;
      const type = collection === 'practices' ? 'practice' : 'statement';
      const { data, locale } = await api().list({ type, query, origin, detail: true });
      const self = Object.fromEntries(
        FEED_FORMATS.map((f) => [f, sameQuery(request, request.path.replace(/\.(rss|atom|json)$/, `.${f}`))])
      ) as Record<FeedFormat, string>;
      const body = renderFeed(format, {
        collection,
        network: networkName(),
        locale,
        origin,
        self,
        alternate: listPage(type, locale, request),
        entries: feedEntries(collection, data, locale, origin),
      });
      return { body, type: FEED_CONTENT_TYPES[format] };
    },

    /** An iCalendar subscription of the sessions (at most CALENDAR_MAX). */
    async sessionsCalendar(request: FeedRequest): Promise<Rendered> {
      const { query, origin } = request;
      checkWalkQuery(query, 'a calendar');
      const { docs, locale } = await walkAll('session', query, origin);
      const body = renderCalendar({
        name: collectionTitle(networkName(), 'sessions', locale),
        source: sameQuery(request, request.path),
        locale,
        host: host(origin),
        origin,
        now: new Date(),
        sessions: docs.map(asSession),
        noticeDays: noticeDays(),
      });
      return { body, type: CALENDAR_CONTENT_TYPE };
    },

    /** One session as iCalendar (404 when it is not published). */
    async sessionCalendar(idOrSlug: string, request: FeedRequest): Promise<Rendered> {
      const { query, origin } = request;
      checkWalkQuery(query, 'a session’s calendar');
      const { data, meta } = await api().findOne({ type: 'session', idOrSlug, query, origin });
      const session = asSession(data);
      const body = renderCalendar({
        name: `${networkName()} — ${session.title}`,
        source: sameQuery(request, request.path),
        locale: meta.locale,
        host: host(origin),
        origin,
        now: new Date(),
        sessions: [session],
        // the calendar of this one session: marked cancelled, never emptied
        noticeDays: Infinity,
      });
      return { body, type: CALENDAR_CONTENT_TYPE };
    },

    /**
     * The deadlines calendar: calls for practices (their `closesAt`) and open-call statements with a
     * deadline, one all-day event each; `locale` and `topic` narrow it like the list routes.
     */
    async deadlinesCalendar(request: FeedRequest): Promise<Rendered> {
      const { query, origin } = request;
      checkDeadlinesQuery(query);
      const calls = await walkAll('call', query, origin);
      const statements = await walkAll('statement', { ...query, kind: 'open-call' }, origin);
      const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
      const deadlineOf = (kind: Deadline['kind'], d: Json, at: unknown, text: unknown): Deadline | null => {
        const deadline = toDate(at);
        return deadline
          ? {
              kind,
              documentId: String(d.documentId),
              title: str(d.title) ?? str(d.slug) ?? String(d.documentId),
              deadline,
              url: str(d.url),
              text: str(text),
              updatedAt: toDate(d.updatedAt),
              ...(str(d.locale) ? { locale: str(d.locale) as string } : {}),
            }
          : null;
      };
      const deadlines = [
        ...calls.docs.map((d) => deadlineOf('call', d, d.closesAt, d.description)),
        ...statements.docs.map((d) => deadlineOf('statement', d, d.deadline, d.summary)),
      ]
        .filter((d): d is Deadline => d !== null)
        .sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
      const body = renderDeadlines({
        name: collectionTitle(networkName(), 'deadlines', calls.locale),
        source: sameQuery(request, request.path),
        locale: calls.locale,
        host: host(origin),
        deadlines,
      });
      return { body, type: CALENDAR_CONTENT_TYPE };
    },

    /**
     * Every published practice, page after page, for the open-data export. The
     * first page is read here, so a bad request is a 400 before any byte is sent.
     */
    async practicePages(query: Query, origin: string): Promise<{ locale: string; pages: AsyncGenerator<Json[]> }> {
      checkWalkQuery(query, 'an export');
      const list = async (page: number) =>
        (await api().list({ type: 'practice', query: walkQuery(query, page), origin, detail: true })).data;
      const first = await api().list({ type: 'practice', query: walkQuery(query, 1), origin, detail: true });
      return { locale: first.locale, pages: walk(first.data, list) };
    },
  };
};

export default feedsService;
