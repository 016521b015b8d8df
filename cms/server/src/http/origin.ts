import { isIP } from 'node:net';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { fieldError } from './errors';

/** CORS and origin helpers shared by the public routes (reads, feeds, embed) and the submission routes. */

/** Public reads: anyone may fetch them from any origin, never with credentials. */
export const allowAnyOrigin = (ctx: Context) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.remove('Access-Control-Allow-Credentials');
};

const trustsProxy = (strapi: Core.Strapi): boolean => {
  const proxy = strapi.config.get('server.proxy') as unknown;
  if (proxy === true) return true;
  return typeof proxy === 'object' && proxy !== null && (proxy as { koa?: unknown }).koa === true;
};

/**
 * The public origin as configured: `PUBLIC_URL`, else Strapi's `server.url` (config/server.ts fills it
 * from `PUBLIC_URL` too; another app configuration may set it otherwise), without a trailing slash, or
 * null when neither is an http(s) URL. Only this, never a request header, should name the app in
 * production: a shared cache in front that ignores Host could otherwise keep links to any host.
 */
export const configuredPublicOrigin = (strapi: Core.Strapi): string | null => {
  for (const value of [process.env.PUBLIC_URL, strapi.config.get('server.url')]) {
    if (typeof value !== 'string' || !value.trim()) continue;
    try {
      const url = new URL(value.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    } catch {
      // not a URL: try the next one
    }
  }
  return null;
};

const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOST_PATTERN = new RegExp(`^(?:\\[([0-9a-f:.]+)\\]|(${LABEL}(?:\\.${LABEL})*\\.?))(?::(\\d{1,5}))?$`, 'i');

/**
 * Whether `host` is a syntactically valid `host[:port]` of an http URL (RFC 9110 section 7.2, RFC 3986
 * section 3.2.2): a DNS name (labels of letters, digits, `-` and `_` as container names have, at most
 * 63 characters, 253 in all), an IPv4 address, or an IPv6 address in brackets; a port from 1 to 65535.
 */
export const isValidHost = (host: string): boolean => {
  const match = HOST_PATTERN.exec(host);
  if (!match) return false;
  const [, ipv6, name, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  if (ipv6 !== undefined) return isIP(ipv6) === 6;
  return (name ?? '').length <= 253;
};

/** Thrown for a request whose Host (or trusted X-Forwarded-Host/-Proto) cannot name an origin: a 400. */
export class InvalidHostError extends errors.ValidationError {
  constructor() {
    super('The Host header is not a valid host[:port]', { errors: [fieldError(['headers', 'host'], 'a host name or address, with an optional port')] });
  }
}

/**
 * `scheme://host[:port]` the request was addressed to (its Host, or X-Forwarded-Proto/-Host behind a
 * trusted proxy), lower case. Throws InvalidHostError when the host is missing or not a valid
 * `host[:port]`, or the scheme is not http or https.
 */
export const requestOrigin = (strapi: Core.Strapi, ctx: Context): string => {
  const viaProxy = Boolean(strapi.server.app.proxy) || trustsProxy(strapi);
  const first = (name: string) => (viaProxy ? ctx.get(name).split(',')[0]?.trim() : '') || '';
  const socket = ctx.req.socket as { encrypted?: boolean };
  const proto = first('X-Forwarded-Proto').toLowerCase() || (socket.encrypted ? 'https' : 'http');
  // the raw header: Koa's ctx.host would drop a userinfo (`user@host`) rather than refuse it
  const host = first('X-Forwarded-Host') || ctx.get('Host');
  if ((proto !== 'http' && proto !== 'https') || !isValidHost(host)) throw new InvalidHostError();
  return `${proto}://${host.toLowerCase()}`;
};

/** `requestOrigin`, or null when the request's host is not valid (the submission allow-list then knows only the configured origin). */
export const requestOriginOrNull = (strapi: Core.Strapi, ctx: Context): string | null => {
  try {
    return requestOrigin(strapi, ctx);
  } catch (error) {
    if (error instanceof InvalidHostError) return null;
    throw error;
  }
};

/**
 * The app's public origin, without a trailing slash: the host of every link in public output (pages,
 * oEmbed, feeds, calendars, JSON-LD, canonical links, redirects, the OpenAPI document) and part of the
 * response cache's key. The configured one (`configuredPublicOrigin`: PUBLIC_URL, else server.url);
 * only when none is configured, the request's (`requestOrigin`, which refuses a malformed Host).
 */
export const publicOrigin = (strapi: Core.Strapi, ctx: Context): string =>
  configuredPublicOrigin(strapi) ?? requestOrigin(strapi, ctx);

/**
 * Middleware (mounted first): when no public origin is configured, a request whose Host is not a valid
 * `host[:port]` gets a 400 in Strapi's error format before anything can derive a link from it.
 */
export const hostGuard =
  (strapi: Core.Strapi) =>
  async (ctx: Context, next: () => Promise<unknown>): Promise<unknown> => {
    if (configuredPublicOrigin(strapi) === null) {
      try {
        requestOrigin(strapi, ctx);
      } catch (error) {
        if (!(error instanceof InvalidHostError)) throw error;
        ctx.status = 400;
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: null, error: { status: 400, name: error.name, message: error.message, details: error.details } };
        return undefined;
      }
    }
    return next();
  };

/** The startup warning of a production server without a configured public origin, or null when there is nothing to say. */
export const publicUrlWarning = (strapi: Core.Strapi, nodeEnv = process.env.NODE_ENV): string | null =>
  nodeEnv === 'production' && configuredPublicOrigin(strapi) === null
    ? 'PUBLIC_URL is not set: public links (pages, oEmbed, feeds, redirects) are built from each request\'s Host header, ' +
      'which a shared cache in front of the app may not key by. Set PUBLIC_URL to the address partners reach (see README, Production).'
    : null;

/** Expands an IPv6 address to its eight groups (null when it is not one). */
const ipv6Groups = (ip: string): string[] | null => {
  const [head = '', tail, extra] = ip.split('::');
  if (extra !== undefined) return null;
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  return groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g)) ? groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')) : null;
};

/**
 * The client address rate limits count by. Koa's `ctx.request.ip`, which
 * honours X-Forwarded-For when the server trusts its proxy (IS_PROXIED).
 * Strapi 5 reads that trust from `server.proxy.koa`; a plain `proxy: true`
 * is honoured here too. IPv6 clients are counted per /64, the block one
 * subscriber usually holds.
 */
export const clientIp = (strapi: Core.Strapi, ctx: Context): string => {
  let ip = ctx.request.ip ?? '';
  if (!strapi.server.app.proxy && trustsProxy(strapi)) {
    const forwarded = ctx.get('X-Forwarded-For').split(',')[0]?.trim();
    if (forwarded) ip = forwarded;
  }
  ip = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (ip.includes(':')) {
    const groups = ipv6Groups(ip.replace(/%.*$/, ''));
    if (groups) return `${groups.slice(0, 4).join(':')}::/64`;
  }
  return ip || 'unknown';
};
