import { errors } from '@strapi/utils';
import { z } from 'zod';
import { PRACTICE_CRITERIA, SESSION_KINDS, STATEMENT_KINDS, ORGANISATION_KINDS } from '../content-types/vocabulary';
import type { ContentTypeName } from '../content-types/uids';
import { fieldError } from '../http/errors';
import { MAX_PAGE_SIZE } from '../../../../cms/shared/paging';

/** The most documents per page (defined once in cms/shared/paging.ts, shared with the widgets and the admin). */
export { MAX_PAGE_SIZE };
export const DEFAULT_PAGE_SIZE = 25;

const slug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}_.~-]+$/u, 'a slug: letters, digits, "-", "_", "." or "~"');

const slugList = z.union([slug, z.array(slug).max(20)]).transform((v) => (Array.isArray(v) ? v : [v]));

const positiveInt = (name: string, max?: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a positive whole number`)
    .transform(Number)
    .pipe(
      max
        ? z.number().int().min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`)
        : z.number().int().min(1, `${name} must be at least 1`)
    );

const enumList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.array(z.enum(values)).max(10)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** Parameters every public list route understands (on top of Strapi's REST ones). */
const listing = {
  locale: z.string().trim().min(2).max(35).optional(),
  page: positiveInt('page').optional(),
  pageSize: positiveInt('pageSize', MAX_PAGE_SIZE).optional(),
  format: z.enum(['json', 'jsonld']).optional(),
};
/** ...and `q` on the types with full-text search (search/index.ts SEARCHABLE: practices, sessions, statements). */
const common = {
  ...listing,
  q: z.string().trim().min(1, 'is empty or only spaces: leave q out to list everything').max(200).optional(),
};
/** Why `q` is refused on a type without full-text search, and what to use instead. */
const NO_SEARCH =
  'full-text search covers practices, sessions and statements (which also find the names of their topics, organisations and places); here filter a field instead, e.g. filters[name][$containsi]=...';

const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as ES or GR')
  .transform((s) => s.toUpperCase());
const countryList = z
  .union([countryCode, z.array(countryCode).max(30)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const shortcutSchemas = {
  practice: z.object({
    ...common,
    topic: slugList.optional(),
    country: countryList.optional(),
    organisation: slugList.optional(),
    call: slugList.optional(),
    criteria: enumList(PRACTICE_CRITERIA).optional(),
  }),
  session: z.object({
    ...common,
    topic: slugList.optional(),
    organisation: slugList.optional(),
    kind: enumList(SESSION_KINDS).optional(),
    when: z.enum(['upcoming', 'past']).optional(),
  }),
  statement: z.object({
    ...common,
    topic: slugList.optional(),
    organisation: slugList.optional(),
    kind: enumList(STATEMENT_KINDS).optional(),
  }),
  topic: z.object({ ...listing }),
  organisation: z.object({
    ...listing,
    country: countryList.optional(),
    kind: enumList(ORGANISATION_KINDS).optional(),
  }),
  call: z.object({
    ...listing,
    topic: slugList.optional(),
    open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  }),
} satisfies Record<ContentTypeName, z.ZodType>;

export type Shortcuts = {
  locale?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  format?: 'json' | 'jsonld';
  topic?: string[];
  country?: string[];
  organisation?: string[];
  call?: string[];
  criteria?: string[];
  kind?: string[];
  when?: 'upcoming' | 'past';
  open?: boolean;
};

/** Strapi REST parameters accepted on public routes (passed through Strapi's own validator). */
export const REST_KEYS = ['filters', 'sort', 'fields', 'populate', 'pagination', 'status'] as const;

export interface RestParams {
  filters?: unknown;
  sort?: unknown;
  fields?: unknown;
  populate?: unknown;
  pagination?: { page?: number; pageSize?: number; start?: number; limit?: number; withCount?: boolean };
}

export const shortcutKeys = (type: ContentTypeName): string[] =>
  Object.keys((shortcutSchemas[type] as z.ZodObject).shape);

const issueDetails = (error: z.ZodError) => ({
  errors: error.issues.map((i) => fieldError(i.path.map(String), i.message)),
});

/** Splits and validates a public query: shortcuts with zod, unknown keys rejected. */
export const parsePublicQuery = (
  type: ContentTypeName,
  query: Record<string, unknown>,
  extraKeys: readonly string[] = []
): { shortcuts: Shortcuts; rest: RestParams } => {
  const allowed = new Set<string>([...shortcutKeys(type), ...REST_KEYS, ...extraKeys]);
  const unknown = Object.keys(query).filter((k) => !allowed.has(k));
  if (unknown.length) {
    throw new errors.ValidationError(
      `Unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}`,
      { errors: unknown.map((k) => fieldError([k], k === 'q' ? NO_SEARCH : 'not a parameter of this route')) }
    );
  }
  if (query.status !== undefined && query.status !== 'published') {
    throw new errors.ValidationError('Only published content is public: "status" can only be "published"', {
      errors: [fieldError(['status'], 'must be "published"')],
    });
  }
  const shortcutInput: Record<string, unknown> = {};
  for (const key of shortcutKeys(type)) if (query[key] !== undefined) shortcutInput[key] = query[key];
  const parsed = shortcutSchemas[type].safeParse(shortcutInput);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new errors.ValidationError(
      `Invalid query parameter "${first?.path.join('.') ?? ''}": ${first?.message ?? 'invalid'}`,
      issueDetails(parsed.error)
    );
  }
  const rest: RestParams = {};
  for (const key of ['filters', 'sort', 'fields', 'populate'] as const) {
    if (query[key] !== undefined) rest[key] = query[key];
  }
  if (query.pagination !== undefined) {
    const pagination = z
      .object({
        page: positiveInt('pagination[page]').optional(),
        pageSize: positiveInt('pagination[pageSize]', MAX_PAGE_SIZE).optional(),
        start: z.string().regex(/^\d+$/, 'pagination[start] must be a whole number').transform(Number).optional(),
        limit: positiveInt('pagination[limit]', MAX_PAGE_SIZE).optional(),
        withCount: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      })
      .strict()
      .safeParse(query.pagination);
    if (!pagination.success) {
      const first = pagination.error.issues[0];
      throw new errors.ValidationError(
        `Invalid query parameter "pagination${first?.path.length ? `[${first.path.join('][')}]` : ''}": ${first?.message ?? 'invalid'}`,
        issueDetails(pagination.error)
      );
    }
    rest.pagination = pagination.data;
  }
  return { shortcuts: parsed.data as Shortcuts, rest };
};
