import { errors } from '@strapi/utils';
import { fieldError } from '../http/errors';

export type Query = Record<string, unknown>;

/** Items in a feed when the request does not say. */
export const FEED_DEFAULT_SIZE = 20;
/** Page size used to walk a whole collection (the public maximum). */
export const WALK_PAGE_SIZE = 50;
/** Sessions in one calendar at most. */
export const CALENDAR_MAX = 500;

/** Parameters feeds refuse: they have a fixed format and need every field. */
export const FEED_REJECTED = ['fields', 'format'] as const;
/** Parameters calendars and exports refuse: they hold every match. */
export const WALK_REJECTED = [...FEED_REJECTED, 'page', 'pageSize', 'pagination'] as const;

/**
 * 400 for parameters a route does not take, in the same shape as the list
 * routes' unknown parameters: `fields` would strip what a feed needs,
 * pagination makes no sense on a whole calendar or export.
 */
export const rejectKeys = (query: Query, keys: readonly string[], why: string): void => {
  const found = keys.filter((k) => query[k] !== undefined);
  if (!found.length) return;
  throw new errors.ValidationError(
    `Query parameter${found.length > 1 ? 's' : ''} ${found.map((k) => `"${k}"`).join(', ')} not accepted here: ${why}`,
    { errors: found.map((k) => fieldError([k], 'not a parameter of this route')) }
  );
};

/** The query of a feed: newest first, 20 items unless `pageSize` (up to 50) or `pagination` says otherwise. */
export const feedQuery = (query: Query): Query => {
  rejectKeys(query, FEED_REJECTED, 'a feed has a fixed format and every field it needs');
  const out: Query = { ...query };
  if (out.pageSize === undefined && out.pagination === undefined) out.pageSize = String(FEED_DEFAULT_SIZE);
  if (out.sort === undefined) out.sort = 'publishedAt:desc';
  return out;
};

/** The query of one page while walking a whole collection (calendar, export). */
export const walkQuery = (query: Query, page: number): Query => ({
  ...query,
  page: String(page),
  pageSize: String(WALK_PAGE_SIZE),
});

export const checkWalkQuery = (query: Query, what: string): void =>
  rejectKeys(query, WALK_REJECTED, `${what} holds every match, in a fixed format`);

/** Parameters of the deadlines calendar: it joins two types, so only what both take the same way. */
export const DEADLINES_PARAMS = ['locale', 'topic'] as const;

/** 400 for any parameter of the deadlines calendar but `locale` and `topic`. */
export const checkDeadlinesQuery = (query: Query): void =>
  rejectKeys(
    query,
    Object.keys(query).filter((k) => !(DEADLINES_PARAMS as readonly string[]).includes(k)),
    'the deadlines calendar takes locale and topic only'
  );
