import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/**
 * An error answered in Strapi's error format with a status Strapi's error
 * classes do not map (409, 415), or before Strapi's error middleware runs.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = errorName;
  }
}

/** `{ data: null, error: { status, name, message, details } }`, as Strapi answers errors. */
export const sendProblem = (ctx: Context, problem: HttpProblem): void => {
  ctx.status = problem.status;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = {
    data: null,
    error: { status: problem.status, name: problem.errorName, message: problem.message, details: problem.details },
  };
};

/** Wraps a controller action so that an HttpProblem it throws is answered in Strapi's format. */
export const answeringProblems =
  (action: (ctx: Context) => Promise<void>) =>
  async (ctx: Context): Promise<void> => {
    try {
      await action(ctx);
    } catch (error) {
      if (error instanceof HttpProblem) return sendProblem(ctx, error);
      throw error;
    }
  };

const trustsProxy = (strapi: Core.Strapi): boolean => {
  const proxy = strapi.config.get('server.proxy') as unknown;
  if (proxy === true) return true;
  return typeof proxy === 'object' && proxy !== null && (proxy as { koa?: unknown }).koa === true;
};

/** `scheme://host` the request was addressed to, honouring X-Forwarded-Proto/Host behind a trusted proxy. */
export const requestOrigin = (strapi: Core.Strapi, ctx: Context): string => {
  const app = strapi.server.app as unknown as { proxy?: boolean };
  if (app.proxy || !trustsProxy(strapi)) return ctx.request.origin;
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
  const app = strapi.server.app as unknown as { proxy?: boolean };
  if (!app.proxy && trustsProxy(strapi)) {
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
