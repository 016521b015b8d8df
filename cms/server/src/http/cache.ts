import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { committedStoreReader, readStoreString } from './committed-version';
import { sendMaybeCompressed, type ContentEncoding } from './compression';
import { publicOrigin } from './origin';

export const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
/** Cache-Control of an error answer (4xx, 5xx): stored by no one without asking again (./cache.ts `uncachedErrors`). */
export const ERROR_CACHE_CONTROL = 'no-cache';
const VERSION_KEY = 'content-version';
const MAX_ENTRIES = 200;
const MAX_BODY_BYTES = 256 * 1024;

export interface Rendered {
  body: string;
  type: string;
  /** further headers of the answer (Content-Disposition...), replayed with the cached body */
  headers?: Record<string, string>;
  /** the body's gzip and brotli forms, made on first use and kept with the cached answer (./compression.ts) */
  encoded?: Partial<Record<ContentEncoding, Promise<Buffer>>>;
}

/**
 * HTTP caching of public reads, correct with any number of instances:
 * every write to the plugin's content (create, update, publish, unpublish,
 * delete) stores a new content version in the database. An ETag is the hash
 * of that shared version and the request, so a `304` costs one small query,
 * and the in-process response cache is keyed by the ETag: an instance can
 * never serve a body from before the latest write.
 */
const PUBLIC_PREFIX = '/api/solidarity/';

/**
 * Answers that depend on the clock as well as on content (upcoming sessions, open calls, the public
 * list page of one call, whose banner says whether the call takes submissions now). `query` is the
 * request's query string without its `?`.
 */
export const isTimeDependent = (path: string, query = ''): boolean =>
  /^\/api\/solidarity\/(sessions|calls)([/.?]|$)/.test(path) ||
  /^\/embed\/[^/]+\/sessions(\/|$)/.test(path) ||
  (/^\/embed\/[^/]+\/practices$/.test(path) && /(^|&)call=/.test(query));

const etagFor = (strapi: Core.Strapi, ctx: Context, version: string): string => {
  const minute = isTimeDependent(ctx.path, ctx.querystring) ? Math.floor(Date.now() / 60_000) : 0;
  const key = `${version}|${minute}|${ctx.get('Accept')}|${ctx.originalUrl}|${publicOrigin(strapi, ctx)}`;
  return `W/"${createHash('sha1').update(key).digest('base64url')}"`;
};

const setCacheHeaders = (ctx: Context, etag: string) => {
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', etag);
  ctx.vary('Accept');
  ctx.vary('Accept-Encoding');
};

/** Whether If-None-Match lists `etag` (weak comparison, RFC 9110 section 8.8.3.2). `*` is not a tag: see `isStar`. */
export const matches = (header: string | undefined, etag: string) =>
  Boolean(header) &&
  (header as string)
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag.replace(/^W\//, ''));

/**
 * Whether If-None-Match is `*`: "false if the origin server has a current representation" (RFC 9110
 * section 13.1.2), so a 304 only once the resource is known to exist; an unknown one stays a 404.
 */
export const isStar = (header: string | undefined) => Boolean(header) && (header as string).split(',').some((t) => t.trim() === '*');

const send = async (ctx: Context, rendered: Rendered): Promise<void> => {
  ctx.status = 200;
  ctx.type = rendered.type;
  for (const [name, value] of Object.entries(rendered.headers ?? {})) ctx.set(name, value);
  // compressed once per cached answer, not once per request
  await sendMaybeCompressed(ctx, rendered);
};

/**
 * Koa middleware: an error answer (status 400 and up) is not reused without
 * revalidation (`Cache-Control: no-cache`, unless the answer says `no-store`)
 * and carries no ETag, whatever the route had set before it failed. Public
 * reads set their caching headers before rendering (./cache.ts `serve`), so a
 * 404 (a draft's slug, say) or a 400 went out `public, max-age=60,
 * stale-while-revalidate=600`, and a CDN kept answering 404 for up to ten
 * minutes after the document was published. Mount it before anything that
 * answers; errors thrown past Strapi's error middleware are Koa's, which
 * drops every header anyway.
 */
export const uncachedErrors =
  () =>
  async (ctx: Context, next: () => Promise<unknown>): Promise<void> => {
    await next();
    if (ctx.status < 400) return;
    if (!/\bno-store\b/i.test(String(ctx.response.get('Cache-Control')))) ctx.set('Cache-Control', ERROR_CACHE_CONTROL);
    ctx.remove('ETag');
  };

const cacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  const responses = new Map<string, Rendered>();
  let clears = 0;
  const store = () => strapi.store({ type: 'plugin', name: 'solidarity' });
  const committed = committedStoreReader(strapi, 'solidarity');

  const remember = (key: string, value: Rendered) => {
    if (value.body.length > MAX_BODY_BYTES) return;
    if (responses.size >= MAX_ENTRIES) {
      const oldest = responses.keys().next().value;
      if (oldest !== undefined) responses.delete(oldest);
    }
    responses.set(key, value);
  };

  /** The committed content version, read now (see `version`). */
  const readVersion = async (): Promise<string> => {
    const value = committed.read(VERSION_KEY) ?? (await readStoreString(strapi, 'solidarity', VERSION_KEY));
    if (value !== undefined) return value ?? '0';
    return String((await store().get({ key: VERSION_KEY })) ?? '0');
  };
  const versionOfRequest = new WeakMap<object, Promise<string>>();
  /** The version read once for the GET or HEAD request `ctx` (the fast path's read is the route's: see `version`). */
  const versionOf = (ctx: object): Promise<string> => {
    let read = versionOfRequest.get(ctx);
    if (!read) {
      read = readVersion();
      versionOfRequest.set(ctx, read);
      read.catch(() => versionOfRequest.delete(ctx));
    }
    return read;
  };

  return {
    /**
     * The content version as last committed. On SQLite it is read on a
     * connection of its own, so that reads are not queued behind a publish
     * that holds the pool's only connection (see ./committed-version).
     */
    version(): Promise<string> {
      // Once per GET or HEAD request (Strapi's request context): its ETag, count memo, derived data
      // and locale sets all ask (five reads of the core store per uncached list on PostgreSQL). A
      // write committed meanwhile is seen by the next request, as it would be had it committed
      // just after this one began: what is remembered under the version read is never older than it.
      const ctx = strapi.requestContext.get();
      if (!ctx || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return readVersion();
      return versionOf(ctx);
    },

    /** Called after every write to the plugin's content types. */
    async bump(): Promise<void> {
      await store().set({ key: VERSION_KEY, value: `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}` });
    },

    /**
     * Answers a public GET from cache when possible: 304 for a matching
     * If-None-Match, the cached body for a known ETag, else renders it.
     */
    async serve(ctx: Context, render: () => Promise<Rendered>) {
      const etag = etagFor(strapi, ctx, await this.version());
      setCacheHeaders(ctx, etag);
      const inm = ctx.get('If-None-Match');
      if (matches(inm, etag)) {
        ctx.status = 304;
        return;
      }
      let rendered = responses.get(etag);
      if (!rendered) {
        // throws (404, 400...) for a resource that does not exist, `If-None-Match: *` or not
        rendered = await render();
        remember(etag, rendered);
      }
      if (isStar(inm)) {
        ctx.status = 304;
        return;
      }
      await send(ctx, rendered);
    },

    /**
     * ETag and 304 for answers that are streamed rather than held whole
     * (exports): true when the client's copy is current and 304 was set.
     * `exists` is awaited before a 304 to `If-None-Match: *`: it throws
     * (404, 400...) when there is no such resource.
     */
    async notModified(ctx: Context, exists: () => Promise<unknown>): Promise<boolean> {
      const etag = etagFor(strapi, ctx, `stream|${await this.version()}`);
      setCacheHeaders(ctx, etag);
      const inm = ctx.get('If-None-Match');
      if (!matches(inm, etag)) {
        if (!isStar(inm)) return false;
        await exists();
      }
      ctx.status = 304;
      return true;
    },

    /**
     * The same answers, as a Koa middleware mounted before Strapi's own stack:
     * a revalidation or a repeated read of public content skips the whole
     * pipeline. Misses fall through to the routes. `headers` (the app's
     * configured strapi::security, see security-headers.ts) wraps every
     * answer given here, 304s included, so that a cached answer carries the
     * same security headers as one rendered through the stack.
     */
    fastPath(headers: (ctx: Context, next: () => Promise<unknown>) => unknown = (_ctx, next) => next()) {
      return async (ctx: Context, next: () => Promise<unknown>) => {
        if (ctx.method !== 'GET' || !ctx.path.startsWith(PUBLIC_PREFIX) || responses.size === 0 && !ctx.get('If-None-Match')) {
          return next();
        }
        // the same read as the route's, when the request goes on to it (Strapi's request context is this ctx)
        const etag = etagFor(strapi, ctx, await versionOf(ctx));
        const inm = ctx.get('If-None-Match');
        const cached = responses.get(etag);
        // `If-None-Match: *` is answered here only for a cached answer (which exists); else the route decides
        if (!cached && !matches(inm, etag)) return next();
        await headers(ctx, async () => {
          setCacheHeaders(ctx, etag);
          ctx.set('Access-Control-Allow-Origin', '*');
          ctx.set('X-Content-Type-Options', 'nosniff');
          if (matches(inm, etag) || isStar(inm)) {
            ctx.status = 304;
            return;
          }
          await send(ctx, cached as Rendered);
        });
        return undefined;
      };
    },

    /** Forgets every cached answer, and (through `clears`) what was derived from the content, such as list counts. */
    clear() {
      responses.clear();
      clears += 1;
    },

    /** How many times clear() ran: part of the key of anything remembered per content version (reads/indexed-list.ts). */
    clears(): number {
      return clears;
    },

    /** Closes the SQLite version reader's connection (plugin destroy). */
    close() {
      committed.close();
    },
  };
};

export type CacheService = ReturnType<typeof cacheService>;
export default cacheService;
