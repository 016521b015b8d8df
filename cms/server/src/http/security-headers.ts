import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

type Middleware = (ctx: Context, next: Next) => Promise<unknown> | unknown;
type MiddlewareEntry = string | { name?: string; resolve?: string; config?: unknown };

/**
 * The app's own `strapi::security` middleware (helmet: Content-Security-Policy,
 * Strict-Transport-Security, X-Frame-Options, nosniff, Referrer-Policy...) and
 * `strapi::cors` (exposed headers, Vary), with the options of their entries in
 * config/middlewares.ts, composed, for responses that are answered before
 * Strapi's middleware stack (the cache fast path): they then carry exactly
 * the headers of the same response through the stack. Resolved on first use,
 * once the middleware registry is filled.
 */
export const configuredSecurity = (strapi: Core.Strapi, names: readonly string[] = ['strapi::security', 'strapi::cors']): Middleware => {
  let handlers: Middleware[] | null = null;
  const resolve = (): Middleware[] => {
    const entries = (strapi.config.get('middlewares', []) ?? []) as MiddlewareEntry[];
    return names.map((name) => {
      const entry = entries.find((e) => (typeof e === 'string' ? e : e.name) === name);
      const config = entry && typeof entry === 'object' ? (entry.config ?? {}) : {};
      // Strapi types its middleware factories loosely; this is the shape they all have.
      const factory = strapi.middleware(name) as unknown as (config: unknown, opts: { strapi: Core.Strapi }) => Middleware;
      return factory(config, { strapi });
    });
  };
  return (ctx, next) => {
    handlers ??= resolve();
    const run = (i: number): Promise<unknown> =>
      Promise.resolve(i < (handlers as Middleware[]).length ? (handlers as Middleware[])[i]?.(ctx, () => run(i + 1)) : next());
    return run(0);
  };
};

/**
 * `middleware`, mounted before Strapi's stack, with `headers` applied to the
 * answers it gives itself (those for which it does not call `next`): a 403,
 * 413 or 415 of the submission guard carries the same security headers as
 * any answer through the stack.
 */
export const withHeadersOnEarlyAnswers =
  (middleware: Middleware, headers: Middleware): Middleware =>
  async (ctx, next) => {
    let passed = false;
    await middleware(ctx, async () => {
      passed = true;
      await next();
    });
    if (!passed) await headers(ctx, async () => undefined);
  };
