import type { Context, Next } from 'koa';
import { pageHeaders, refusalPage } from './page';
import { COMPLETION_PATH } from './service';

/** A completion page's URL as logs may show it: the path prefix, never the link's secret nor its query. */
export const redactedCompletionUrl = (url: string): string | null =>
  url === COMPLETION_PATH || url.startsWith(`${COMPLETION_PATH}/`) || url.startsWith(`${COMPLETION_PATH}?`) ? `${COMPLETION_PATH}/…` : null;

/**
 * `plugin::solidarity.completion-log` (config/middlewares.ts, right after `strapi::logger`): Strapi's
 * access log (@strapi/core middlewares/logger.js) writes `ctx.url` once the inner middlewares and the
 * route have answered, so this middleware, inside it, puts back a redacted URL for `/complete/<credential>`
 * when the answer is done, whatever it was (page, refusal, body-parser error): the credential is a
 * bearer secret and never reaches the logs. A client error answered before the route (`strapi::body`:
 * a body too large or unreadable, in JSON by strapi::errors) gets the link's refusal page with its
 * headers instead (413 or 400).
 */
export const completionLog = () => async (ctx: Context, next: Next) => {
  const redacted = redactedCompletionUrl(ctx.path);
  if (!redacted) return next();
  try {
    await next();
    // a request refused before the route (`strapi::body`: a body too large or unreadable), which
    // strapi::errors answered in JSON: the link's refusal page instead, with the page's headers
    if (ctx.status >= 400 && ctx.status < 500 && !ctx.response.is('html')) {
      const status = ctx.status;
      pageHeaders(ctx);
      ctx.status = status === 413 ? 413 : 400;
      ctx.body = refusalPage('forged', null);
    }
  } finally {
    ctx.url = redacted;
  }
  return undefined;
};
