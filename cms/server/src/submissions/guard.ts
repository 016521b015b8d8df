import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { allowedOrigins, normalizeOrigin, submissionsConfig } from './config';
import { isActivePartnerOrigin } from './partner-sites';
import { foldPath } from '../http/path';
import { requestOriginOrNull } from '../http/origin';
import { HttpProblem, sendProblem } from '../http/problems';
import { fieldError } from '../http/errors';

export const SUBMISSIONS_PATH = '/api/solidarity/submissions';
export const CHALLENGE_PATH = '/api/solidarity/submissions/challenge';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** Set on `ctx.state` once the guard has answered or let a request through, so it runs once per request. */
const GUARDED = Symbol('solidarity.submissionsGuarded');

/**
 * Runs before Strapi's middleware stack for the two submission routes, so
 * that what must be refused is refused before a body is read:
 * - CORS: answers the allowed origin itself (never `*`, never credentials),
 *   preflights included; a request from another origin gets 403;
 * - a POST that is not JSON gets 415, one whose Content-Length exceeds the
 *   limit 413 (bodies without a length are measured after parsing).
 */
export const submissionsGuard = (strapi: Core.Strapi) => async (ctx: Context, next: Next) => {
  const path = foldPath(ctx.path);
  if (path !== SUBMISSIONS_PATH && path !== CHALLENGE_PATH) return next();
  return guard(strapi, ctx, next, path);
};

/**
 * The same checks as a route-level middleware of the two submission routes:
 * whatever path the router matched to them, the request has been through the
 * guard (the global one normally answers first; this one runs only if it did not).
 */
export const submissionsRouteGuard =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) =>
    // the POST route is the submission, the GET route its challenge
    guard(strapi, ctx, next, ctx.method === 'POST' ? SUBMISSIONS_PATH : CHALLENGE_PATH);

/**
 * Whether submissions are accepted from `origin` (normalised): the configured
 * allow-list (or the app's own origins, submissions/config.ts), else an active
 * partner site (read from the database, so every instance agrees at once).
 */
export const isAllowedOrigin = async (strapi: Core.Strapi, origin: string, ownOrigin: string | null): Promise<boolean> =>
  allowedOrigins(strapi, submissionsConfig(strapi), ownOrigin).has(origin) || (await isActivePartnerOrigin(strapi, origin));

const guard = async (strapi: Core.Strapi, ctx: Context, next: Next, path: string) => {
  const state = ctx.state as Record<symbol, boolean>;
  if (state[GUARDED]) return next();
  state[GUARDED] = true;
  const config = submissionsConfig(strapi);
  const header = ctx.get('Origin');
  const origin = header ? normalizeOrigin(header) : null;
  ctx.vary('Origin');

  if (header && !(origin && (await isAllowedOrigin(strapi, origin, requestOriginOrNull(strapi, ctx))))) {
    return sendProblem(
      ctx,
      new HttpProblem(403, 'ForbiddenError', `Submissions are not accepted from ${header}`, {
        hint: 'the network registers this website as a partner site (admin: Partner site), or adds it to SUBMISSIONS_ALLOWED_ORIGINS',
      })
    );
  }
  if (!header && !config.allowNoOrigin) {
    return sendProblem(ctx, new HttpProblem(403, 'ForbiddenError', 'Submissions need an Origin header'));
  }
  const methods = path === CHALLENGE_PATH ? 'GET, OPTIONS' : 'POST, OPTIONS';
  if (origin) ctx.set('Access-Control-Allow-Origin', origin);

  if (ctx.method === 'OPTIONS') {
    ctx.set('Access-Control-Allow-Methods', methods);
    ctx.set('Access-Control-Allow-Headers', 'Content-Type, Accept');
    ctx.set('Access-Control-Max-Age', '600');
    ctx.status = 204;
    return undefined;
  }

  if (path === SUBMISSIONS_PATH && ctx.method === 'POST') {
    const limit = config.submissions.maxBodyBytes;
    const length = Number(ctx.get('Content-Length') || 0);
    if (length > limit) {
      ctx.set('Connection', 'close');
      return sendProblem(
        ctx,
        new HttpProblem(413, 'PayloadTooLargeError', `The submission is too large: at most ${limit} bytes of JSON`, { limit })
      );
    }
    if (!ctx.request.is(JSON_TYPES)) {
      return sendProblem(
        ctx,
        ctx.get('Content-Type')
          ? new HttpProblem(415, 'UnsupportedMediaTypeError', 'Send the submission as JSON (Content-Type: application/json)')
          : new HttpProblem(400, 'ValidationError', 'Send the submission as a JSON body (Content-Type: application/json)', {
              errors: [fieldError([], 'the request body must be a JSON object')],
            })
      );
    }
  }

  await next();
  // Strapi's CORS middleware echoes any origin; these routes answer only the allowed one, without credentials.
  if (origin) ctx.set('Access-Control-Allow-Origin', origin);
  else ctx.remove('Access-Control-Allow-Origin');
  ctx.remove('Access-Control-Allow-Credentials');
  return undefined;
};
