import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PERMISSION_ACTIONS } from '../../../../cms/shared/permissions';
import { fieldError, type FieldError } from '../http/errors';

/** The partner-site content type (content-types/partner-site): never read by a public route. */
export const PARTNER_SITE_UID = 'plugin::solidarity.partner-site';

/** At most this many origins per partner site (a site, its www. twin, a staging copy...). */
export const MAX_PARTNER_ORIGINS = 20;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin (`https://host[:port]`, lower case, default port dropped, as
 * WHATWG URL's `origin` serialises it: RFC 6454 §6.1) of what an editor typed,
 * or the reason it is refused. A page address is reduced to its origin (an
 * editor pastes the page the form is on). Refused: anything but https
 * (http only for loopback hosts, for local testing), user names or
 * passwords in the address, wildcards, the opaque origin `null`.
 */
export const parsePartnerOrigin = (value: unknown): { origin: string } | { error: string } => {
  if (typeof value !== 'string' || !value.trim()) return { error: 'must be a website address such as https://member.example' };
  const text = value.trim();
  if (text.length > 2048) return { error: 'must be at most 2048 characters' };
  if (text.includes('*')) return { error: 'must be one website: wildcards are not allowed' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: 'must be a website address such as https://member.example' };
  }
  if (url.username || url.password) return { error: 'must not contain a user name or password' };
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return { error: 'must start with https://' };
  if (!url.hostname) return { error: 'must name a host' };
  return { origin: url.origin.toLowerCase() };
};

/**
 * The `origins` attribute as stored: a list of 1 to MAX_PARTNER_ORIGINS
 * distinct origins (parsePartnerOrigin). Accepts a list, or one string with
 * origins separated by spaces, commas or new lines (what an editor types in
 * the Content Manager's JSON field may be either). Returns the normalised
 * list or one field error per refused entry, under `path` (e.g. ['origins']).
 */
export const normalizePartnerOrigins = (
  value: unknown,
  path: (string | number)[] = ['origins']
): { origins: string[]; errors: [] } | { origins: null; errors: FieldError[] } => {
  const list: unknown[] = typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : Array.isArray(value) ? value : [];
  if (!Array.isArray(value) && typeof value !== 'string') {
    return { origins: null, errors: [fieldError(path, 'must be a list of website addresses such as ["https://member.example"]')] };
  }
  if (!list.length) return { origins: null, errors: [fieldError(path, 'must have at least one website address')] };
  if (list.length > MAX_PARTNER_ORIGINS) return { origins: null, errors: [fieldError(path, `must have at most ${MAX_PARTNER_ORIGINS} addresses`)] };
  const out: string[] = [];
  const problems: FieldError[] = [];
  list.forEach((entry, i) => {
    const parsed = parsePartnerOrigin(entry);
    if ('error' in parsed) problems.push(fieldError([...path, i], parsed.error, entry));
    else if (!out.includes(parsed.origin)) out.push(parsed.origin);
  });
  return problems.length ? { origins: null, errors: problems } : { origins: out, errors: [] };
};

interface PartnerRow {
  documentId: string;
  name: string;
  origins: unknown;
  active: boolean;
}

/**
 * The partner sites that list `origin` (a normalised origin), active or not.
 * Read from the database on every call: a site an editor adds or deactivates
 * counts at once on every instance of the app, with no cache to go stale.
 * The table holds the network's partner sites (tens, a few hundred at most),
 * read by the submission routes only, so reading their origins once per
 * request is cheap; rows whose stored origins are malformed are skipped.
 */
export const partnerSitesWithOrigin = async (strapi: Core.Strapi, origin: string): Promise<PartnerRow[]> => {
  const rows = (await strapi.db.query(PARTNER_SITE_UID).findMany({
    select: ['documentId', 'name', 'origins', 'active'],
    orderBy: { id: 'asc' },
  })) as PartnerRow[];
  return rows.filter((row) => {
    const stored: unknown = typeof row.origins === 'string' ? safeJson(row.origins) : row.origins;
    return Array.isArray(stored) && stored.some((o) => typeof o === 'string' && o.toLowerCase() === origin);
  });
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** Whether an active partner site lists `origin` (normalised: submissions/config.ts normalizeOrigin). */
export const isActivePartnerOrigin = async (strapi: Core.Strapi, origin: string): Promise<boolean> =>
  origin !== 'null' && (await partnerSitesWithOrigin(strapi, origin)).some((row) => row.active !== false);

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];

interface DocumentContext {
  uid: string;
  action: string;
  params: { data?: Record<string, unknown> } & Record<string, unknown>;
}

/** The document service's actions that only read: every other action on a partner site writes (create, update, clone, delete, publish...). */
const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

/** The parts of an admin request's state used here (Strapi's admin auth strategy sets them: @strapi/admin strategies/admin.js). */
interface AdminRequestState {
  auth?: { strategy?: { name?: string }; ability?: { can(action: string): boolean } };
  userAbility?: { can(action: string): boolean };
}

/**
 * Whether the current request, if it is an admin's (admin JWT), may write
 * partner sites: its admin must hold `plugin::solidarity.partners`, whatever
 * Content Manager permissions their role has (Strapi's default Author and
 * Editor roles get those on every content type). Writes outside an admin
 * request (seeds, server code, tests) are not restricted here.
 */
const adminMayWritePartnerSites = (strapi: Core.Strapi): boolean => {
  const state = strapi.requestContext.get()?.state as AdminRequestState | undefined;
  if (state?.auth?.strategy?.name !== 'admin') return true;
  const ability = state.auth.ability ?? state.userAbility;
  return ability?.can(PERMISSION_ACTIONS.partners) === true;
};

/**
 * Document-service middleware for partner sites:
 * - every write (create, update, clone, delete, publish...) by an admin
 *   request needs `plugin::solidarity.partners`, else a 403 ForbiddenError
 *   (the Content Manager's own permissions are not enough: a site lets a
 *   website send submissions);
 * - every write carrying data (create, update, clone...) stores its origins
 *   normalised, or is refused with a 400 ValidationError naming each bad
 *   entry; `create` must have origins, the others may leave them as they are.
 * Runs before the write, so nothing is read from or written to the database here.
 */
export const partnerSitesMiddleware = (strapi: Core.Strapi): Middleware => async (context, next) => {
  const { uid, action, params } = context as DocumentContext;
  if (uid !== PARTNER_SITE_UID || READ_ACTIONS.has(action)) return next();
  if (!adminMayWritePartnerSites(strapi)) {
    throw new errors.ForbiddenError(`Managing partner sites needs the permission "${PERMISSION_ACTIONS.partners}"`);
  }
  const data = params?.data;
  if (action === 'create' || (data && data.origins !== undefined)) {
    const result = normalizePartnerOrigins(data?.origins);
    if (!result.origins) {
      throw new errors.ValidationError(`Partner site: ${result.errors[0]?.message ?? 'invalid origins'}`, { errors: result.errors });
    }
    params.data = { ...data, origins: result.origins };
  }
  return next();
};
