import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** CORS and origin helpers shared by the public routes (reads, feeds, embed) and the submission routes. */

/** Public reads: anyone may fetch them from any origin, never with credentials. */
export const allowAnyOrigin = (ctx: Context) => {
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.remove('Access-Control-Allow-Credentials');
};

/** The public base URL (`server.url`, else the request's origin), without a trailing slash: the host of every link in public output. */
export const publicOrigin = (strapi: Core.Strapi, ctx: Context): string =>
  String(strapi.config.get('server.url') || ctx.request.origin).replace(/\/+$/, '');

const trustsProxy = (strapi: Core.Strapi): boolean => {
  const proxy = strapi.config.get('server.proxy') as unknown;
  if (proxy === true) return true;
  return typeof proxy === 'object' && proxy !== null && (proxy as { koa?: unknown }).koa === true;
};

/** `scheme://host` the request was addressed to, honouring X-Forwarded-Proto/Host behind a trusted proxy. */
export const requestOrigin = (strapi: Core.Strapi, ctx: Context): string => {
  if (strapi.server.app.proxy || !trustsProxy(strapi)) return ctx.request.origin;
  const proto = ctx.get('X-Forwarded-Proto').split(',')[0]?.trim() || ctx.protocol;
  const host = ctx.get('X-Forwarded-Host').split(',')[0]?.trim() || ctx.get('Host');
  return `${proto}://${host}`;
};

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
