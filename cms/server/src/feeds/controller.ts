import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { apiPath } from '../reads/presenters';
import { renderCalendar, CALENDAR_CONTENT_TYPE } from './calendar';
import { asSession, type Json } from './documents';
import {
  CSV_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  practicesCsvStream,
  practicesJsonStream,
} from './export';
import { collectionTitle } from './labels';
import { CALENDAR_MAX, WALK_PAGE_SIZE, checkWalkQuery, feedQuery, walkQuery, type Query } from './query';
import {
  FEED_CONTENT_TYPES,
  FEED_FORMATS,
  feedEntries,
  renderFeed,
  type FeedCollection,
  type FeedFormat,
} from './syndication';
import { assertUtf8 } from '../http/errors';
import { allowAnyOrigin, publicOrigin } from '../http/origin';
import { getService } from '../services/get-service';

type Handler = (ctx: Context) => Promise<void>;

export const DEFAULT_NETWORK_NAME = 'Solidarity Commons';

/** A URL of this request with another path, the same query string, normalized. */
const sameQuery = (origin: string, path: string, ctx: Context) =>
  new URL(`${origin}${path}${ctx.querystring ? `?${ctx.querystring}` : ''}`).href;

/** A Content-Disposition value: an ASCII file name, and the exact one per RFC 6266/5987. */
export const contentDisposition = (filename: string, type: 'inline' | 'attachment'): string => {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return ascii === filename
    ? `${type}; filename="${ascii}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
};

/** Feeds, calendars and open-data exports of the public content (see ../feeds). */
const feedsController = ({ strapi }: { strapi: Core.Strapi }): Record<string, Handler> => {
  const api = () => getService(strapi, 'public-api');
  const cache = () => getService(strapi, 'cache');
  const networkName = () => {
    const configured = strapi.plugin('solidarity').config('networkName') as unknown;
    return typeof configured === 'string' && configured.trim() ? configured.trim() : DEFAULT_NETWORK_NAME;
  };

  /** Pages of `list()` one after the other, from an already fetched first page. */
  async function* walk(first: Json[], next: (page: number) => Promise<Json[]>, limit = Infinity) {
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

  const feed =
    (collection: FeedCollection, format: FeedFormat): Handler =>
    async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      await cache().serve(ctx, async () => {
        const query = feedQuery(ctx.query as Query);
        const origin = publicOrigin(strapi, ctx);
        const type = collection === 'practices' ? 'practice' : 'statement';
        const { data, locale } = await api().list({ type, query, origin, detail: true });
        const self = Object.fromEntries(
          FEED_FORMATS.map((f) => [f, sameQuery(origin, ctx.path.replace(/\.(rss|atom|json)$/, `.${f}`), ctx)])
        ) as Record<FeedFormat, string>;
        const body = renderFeed(format, {
          collection,
          network: networkName(),
          locale,
          origin,
          self,
          alternate: sameQuery(origin, apiPath(type), ctx),
          entries: feedEntries(collection, data, locale, origin),
        });
        return { body, type: FEED_CONTENT_TYPES[format] };
      });
    };

  const host = (origin: string) => new URL(origin).host;

  const sessionsCalendar: Handler = async (ctx) => {
    allowAnyOrigin(ctx);
    assertUtf8(ctx);
    // Time-dependent (past/upcoming): the cache's ETag varies by minute for /sessions paths.
    await cache().serve(
      ctx,
      async () => {
        const query = ctx.query as Query;
        checkWalkQuery(query, 'a calendar');
        const origin = publicOrigin(strapi, ctx);
        const list = (page: number) => api().list({ type: 'session', query: walkQuery(query, page), origin });
        const first = await list(1);
        const sessions: Json[] = [];
        for await (const page of walk(first.data, async (p) => (await list(p)).data, CALENDAR_MAX)) sessions.push(...page);
        const body = renderCalendar({
          name: collectionTitle(networkName(), 'sessions', first.locale),
          source: sameQuery(origin, ctx.path, ctx),
          locale: first.locale,
          host: host(origin),
          origin,
          now: new Date(),
          sessions: sessions.map(asSession),
        });
        return { body, type: CALENDAR_CONTENT_TYPE, headers: { 'Content-Disposition': contentDisposition('sessions.ics', 'inline') } };
      }
    );
  };

  const sessionCalendar: Handler = async (ctx) => {
    allowAnyOrigin(ctx);
    assertUtf8(ctx);
    const idOrSlug = String(ctx.params.idOrSlug);
    // Time-dependent (past/upcoming): the cache's ETag varies by minute for /sessions paths.
    await cache().serve(
      ctx,
      async () => {
        const query = ctx.query as Query;
        checkWalkQuery(query, 'a session’s calendar');
        const origin = publicOrigin(strapi, ctx);
        const { data, meta } = await api().findOne({ type: 'session', idOrSlug, query, origin });
        const session = asSession(data);
        const body = renderCalendar({
          name: `${networkName()} — ${session.title}`,
          source: sameQuery(origin, ctx.path, ctx),
          locale: meta.locale,
          host: host(origin),
          origin,
          now: new Date(),
          sessions: [session],
        });
        return { body, type: CALENDAR_CONTENT_TYPE, headers: { 'Content-Disposition': contentDisposition(`${idOrSlug}.ics`, 'inline') } };
      }
    );
  };

  const exportPractices =
    (format: 'csv' | 'json'): Handler =>
    async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      if (await cache().notModified(ctx)) return;
      const query = ctx.query as Query;
      checkWalkQuery(query, 'an export');
      const origin = publicOrigin(strapi, ctx);
      const list = async (page: number) =>
        (await api().list({ type: 'practice', query: walkQuery(query, page), origin, detail: true })).data;
      // The first page validates the request: a bad one is a 400 before any byte is sent.
      const first = await api().list({ type: 'practice', query: walkQuery(query, 1), origin, detail: true });
      const pages = walk(first.data, list);
      ctx.set('Content-Disposition', contentDisposition(`practices-${first.locale}.${format}`, 'attachment'));
      ctx.status = 200;
      if (format === 'csv') {
        ctx.type = CSV_CONTENT_TYPE;
        ctx.body = practicesCsvStream(pages, origin, (error) =>
          strapi.log.error(`[solidarity] practices export stopped: ${error.message}`)
        );
      } else {
        ctx.type = JSON_CONTENT_TYPE;
        ctx.body = practicesJsonStream(pages, origin);
      }
    };

  return {
    practicesRss: feed('practices', 'rss'),
    practicesAtom: feed('practices', 'atom'),
    practicesJson: feed('practices', 'json'),
    statementsRss: feed('statements', 'rss'),
    statementsAtom: feed('statements', 'atom'),
    statementsJson: feed('statements', 'json'),
    sessionsCalendar,
    sessionCalendar,
    exportPracticesCsv: exportPractices('csv'),
    exportPracticesJson: exportPractices('json'),
  };
};

export default feedsController;
