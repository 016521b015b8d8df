import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { assertUtf8 } from '../http/errors';
import { allowAnyOrigin, publicOrigin } from '../http/origin';
import { getService } from '../services/get-service';
import { CSV_CONTENT_TYPE, JSON_CONTENT_TYPE, practicesCsvStream, practicesJsonStream } from './export';
import type { Query } from './query';
import type { FeedRequest } from './service';
import type { FeedCollection, FeedFormat } from './syndication';

type Handler = (ctx: Context) => Promise<void>;

/** A Content-Disposition value: an ASCII file name, and the exact one per RFC 6266/5987. */
export const contentDisposition = (filename: string, type: 'inline' | 'attachment'): string => {
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return ascii === filename
    ? `${type}; filename="${ascii}"`
    : `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
};

/** Feeds, calendars and open-data exports of the public content: HTTP only, the work is in feeds/service.ts. */
const feedsController = ({ strapi }: { strapi: Core.Strapi }): Record<string, Handler> => {
  const feeds = () => getService(strapi, 'feeds');
  const cache = () => getService(strapi, 'cache');
  const requestOf = (ctx: Context): FeedRequest => ({
    query: ctx.query as Query,
    origin: publicOrigin(strapi, ctx),
    path: ctx.path,
    querystring: ctx.querystring,
  });

  const feed =
    (collection: FeedCollection, format: FeedFormat): Handler =>
    async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      await cache().serve(ctx, () => feeds().feed(collection, format, requestOf(ctx)));
    };

  const sessionsCalendar: Handler = async (ctx) => {
    allowAnyOrigin(ctx);
    assertUtf8(ctx);
    // Time-dependent (past/upcoming): the cache's ETag varies by minute for /sessions paths.
    await cache().serve(ctx, async () => ({
      ...(await feeds().sessionsCalendar(requestOf(ctx))),
      headers: { 'Content-Disposition': contentDisposition('sessions.ics', 'inline') },
    }));
  };

  const sessionCalendar: Handler = async (ctx) => {
    allowAnyOrigin(ctx);
    assertUtf8(ctx);
    const idOrSlug = String(ctx.params.idOrSlug);
    // Time-dependent (past/upcoming): the cache's ETag varies by minute for /sessions paths.
    await cache().serve(ctx, async () => ({
      ...(await feeds().sessionCalendar(idOrSlug, requestOf(ctx))),
      headers: { 'Content-Disposition': contentDisposition(`${idOrSlug}.ics`, 'inline') },
    }));
  };

  const deadlinesCalendar: Handler = async (ctx) => {
    allowAnyOrigin(ctx);
    assertUtf8(ctx);
    await cache().serve(ctx, async () => ({
      ...(await feeds().deadlinesCalendar(requestOf(ctx))),
      headers: { 'Content-Disposition': contentDisposition('calls.ics', 'inline') },
    }));
  };

  const exportPractices =
    (format: 'csv' | 'json'): Handler =>
    async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      const origin = publicOrigin(strapi, ctx);
      if (await cache().notModified(ctx, () => feeds().practicePages(ctx.query as Query, origin))) return;
      const { locale, pages } = await feeds().practicePages(ctx.query as Query, origin);
      ctx.set('Content-Disposition', contentDisposition(`practices-${locale}.${format}`, 'attachment'));
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
    deadlinesCalendar,
    exportPracticesCsv: exportPractices('csv'),
    exportPracticesJson: exportPractices('json'),
  };
};

export default feedsController;
