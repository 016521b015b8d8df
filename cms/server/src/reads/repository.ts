import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { createSearchIndex, RANKED_CANDIDATES } from '../search';
import { hiddenCallLinks } from '../assessment/results';
import { hideUnselectedLinks } from './call-links';
import type { FilterModel } from './filters';
import { clientOf } from '../search/ddl';
import { listIndexName } from './indexes';
import { modelMeta } from '../content-types/metadata';
import { UID, type ContentTypeName } from '../content-types/uids';
import { DEFAULT_PAGE_SIZE, type RestParams, type Shortcuts } from './params';
import { SHAPES } from './shapes';
import { fieldError } from '../http/errors';
import { getService } from '../services/get-service';
import { createLoader } from './loader';
import { createCountMemo, createLocaleSetMemo, createVersionMemo, orderedPage, type SortColumn } from './indexed-list';
import { truncateText } from '../http/truncate';
import { builderRows } from './sql';

export type Entry = Record<string, unknown> & { id: number; documentId: string; locale: string };

export interface ListOptions {
  locale: string;
  /** the locale's fallback chain (locales/fallback.ts): `locale` first, every locale of the app after it */
  chain: string[];
  shortcuts: Shortcuts;
  rest: RestParams;
  now: Date;
  /** the single-document shape (feeds need bodies) */
  detail?: boolean;
}

export interface ListResult {
  entries: Entry[];
  pagination:
    | { page: number; pageSize: number; pageCount: number; total: number }
    | { start: number; limit: number; total: number };
}

/** The shortcuts a facet counts by (and leaves out of its own counts). */
export type FacetKey = 'topic' | 'country' | 'organisation' | 'call';

/** One facet of a type: its values are a column's, or the related documents of a relation. */
export type FacetSpec =
  | { name: string; key: FacetKey; column: string }
  | { name: string; key: FacetKey; relation: string; target: 'topic' | 'organisation' | 'call'; label: string };

/**
 * The facets each type serves (`GET /facets/<plural>`): for practices their topics, countries,
 * promoting organisations and calls, the values the list's shortcuts filter on.
 */
export const FACETS: Partial<Record<ContentTypeName, FacetSpec[]>> = {
  practice: [
    { name: 'topics', key: 'topic', relation: 'topics', target: 'topic', label: 'name' },
    { name: 'countries', key: 'country', column: 'country' },
    { name: 'organisations', key: 'organisation', relation: 'promoters', target: 'organisation', label: 'name' },
    { name: 'calls', key: 'call', relation: 'call', target: 'call', label: 'title' },
  ],
};

export interface FacetOptions {
  /** the requested locale's fallback chain (locales/fallback.ts) */
  chain: string[];
  shortcuts: Shortcuts;
  rest: RestParams;
  now: Date;
}

/** A facet value: a relation's document (by its chain-best published version) or a column's value, with its count. */
export interface FacetValue {
  /** the related document's slug, or the column's value (a country code) */
  value: string;
  /** documents of the filter with this value */
  count: number;
  /** the related document's label (name or title) in the first locale of the chain it has; undefined for columns */
  label?: string | null;
  /** locale of that label */
  locale?: string;
}

export interface FacetResult {
  /** documents matching the whole filter (the list's `total`) */
  total: number;
  facets: Record<string, FacetValue[]>;
}

/**
 * One condition of a list: Strapi `where` (on the listed type), the shortcut it comes from (null
 * for the others) and, for shortcuts on a column or a relation, the same condition applied to a
 * branch query on `t` directly (so that it reads the branch's own index range).
 */
interface ConditionPart {
  key: FacetKey | null;
  where: Record<string, unknown>;
  direct?: (query: Knex.QueryBuilder) => Knex.QueryBuilder;
}

/** What a documentId or a slug can be made of (the public `topic`, `organisation` and `call` shortcuts check the same). */
const ID_OR_SLUG = /^[\p{L}\p{N}_.~-]{1,200}$/u;

const ORGANISATION_RELATIONS: Partial<Record<ContentTypeName, string[]>> = {
  practice: ['promoters'],
  session: ['organisers'],
  statement: ['issuers', 'signatories'],
};

/**
 * Runs `build`, which turns the client's parameters into a query (Strapi's
 * query-params transform, the query builder's `where`): any error it throws
 * comes from the client's input, so it is a 400 in Strapi's format. Only
 * building is wrapped, never the database round trip: a server fault stays a 500.
 */
export const fromClientInput = <T>(param: string, build: () => T): T => {
  try {
    return build();
  } catch (error) {
    if (error instanceof errors.ApplicationError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new errors.ValidationError(truncateText(`Invalid query parameter "${param}": ${message}`, 300), {
      errors: [fieldError([param], truncateText(message, 200))],
    });
  }
};

/**
 * Runs a query whose values came from the client; a PostgreSQL data exception
 * (SQLSTATE class 22: a value that does not fit its column's type or range) is
 * the client's fault, so a 400. Every other database error stays a 500.
 */
export const dataErrorsAsBadRequest = async <T>(run: () => PromiseLike<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) {
      throw new errors.ValidationError('Invalid query parameter "filters": a value does not fit its field', {
        errors: [fieldError(['filters'], 'a value does not fit its field')],
      });
    }
    throw error;
  }
};

/** Strapi sort syntax (string, comma list, array, object) as [field, direction] pairs. */
export const parseSort = (sort: unknown): [string, 'asc' | 'desc'][] => {
  const out: [string, 'asc' | 'desc'][] = [];
  const push = (field: string, dir: unknown) => {
    const d = String(dir ?? 'asc').toLowerCase();
    if (d !== 'asc' && d !== 'desc') {
      throw new errors.ValidationError(`Invalid sort direction "${String(dir)}" for "${field}": use asc or desc`);
    }
    out.push([field, d]);
  };
  const visit = (s: unknown) => {
    if (typeof s === 'string') {
      for (const part of s.split(',')) {
        const [field, dir] = part.trim().split(':');
        if (field) push(field, dir);
      }
    } else if (Array.isArray(s)) {
      s.forEach(visit);
    } else if (s && typeof s === 'object') {
      for (const [field, dir] of Object.entries(s)) {
        if (dir && typeof dir === 'object') {
          throw new errors.ValidationError(`Sorting on relations ("${field}") is not supported on this route`);
        }
        push(field, dir);
      }
    }
  };
  visit(sort);
  return out;
};

/** `sort` of a public route as [field, direction] pairs; a 400 on a field the type does not sort on. */
export const checkedSort = (type: ContentTypeName, sort: unknown): [string, 'asc' | 'desc'][] => {
  const shape = SHAPES[type];
  const pairs = parseSort(sort);
  for (const [field] of pairs) {
    if (!shape.sortable.includes(field)) {
      throw new errors.ValidationError(`Cannot sort on "${field}": sortable fields are ${shape.sortable.join(', ')}`);
    }
  }
  return pairs;
};

/**
 * Reads published documents for the public API: locale fallback, filters,
 * full-text search, sorting and pagination in a bounded number of queries.
 */
export const createRepository = (strapi: Core.Strapi) => {
  const knex = (): Knex => strapi.db.connection;
  // filter paths name relation targets by their UID string: content types or components
  const getFilterModel = (uid: string) => strapi.getModel(uid as Parameters<typeof strapi.getModel>[0]) as FilterModel | undefined;
  const search = createSearchIndex(strapi);
  const meta = (type: ContentTypeName) => {
    const m = modelMeta(strapi, UID[type]);
    const column = (attr: string): string => {
      const a = m.attributes[attr];
      if (!a) throw new Error(`No attribute ${attr} on ${type}`);
      return a.columnName ?? attr;
    };
    return { table: m.tableName, column };
  };

  const documentIdsBySlug = async (type: ContentTypeName, slugs: string[]): Promise<string[]> => {
    // published rows only: a draft's slug (a draft-only document, or a published one's draft edit) is not public
    const rows = (await strapi.db.query(UID[type]).findMany({
      where: { slug: { $in: slugs }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    })) as { documentId: string }[];
    return [...new Set(rows.map((r) => r.documentId))];
  };

  /**
   * The condition "related through one of `relations` to a published version
   * of one of `documentIds` (of `target`)", as `id IN (subquery)` on the
   * relations' join tables: read from the related side, on the join table's
   * (related id, owner id) index (reads/indexes.ts). Strapi's own relation
   * filter left-joins from every row of the listed type, a scan of the table.
   */
  const relatedSubqueries = (type: ContentTypeName, relations: string[], target: ContentTypeName, documentIds: string[]) => {
    const k = knex();
    const owner = modelMeta(strapi, UID[type]);
    const related = meta(target);
    const subqueries = relations.map((relation) => {
      const jt = owner.attributes[relation]?.joinTable;
      if (!jt) throw new Error(`No join table for ${type}.${relation}`);
      return k(`${jt.name} as l`)
        .select(`l.${jt.joinColumn.name}`)
        .join(`${related.table} as r`, 'r.id', `l.${jt.inverseJoinColumn.name}`)
        .whereIn(`r.${related.column('documentId')}`, documentIds)
        .whereNotNull(`r.${related.column('publishedAt')}`);
    });
    return subqueries;
  };
  const relatedTo = (type: ContentTypeName, relations: string[], target: ContentTypeName, documentIds: string[]) => {
    const subqueries = relatedSubqueries(type, relations, target, documentIds);
    return subqueries.length === 1 ? { id: { $in: subqueries[0] } } : { $or: subqueries.map((q) => ({ id: { $in: q } })) };
  };

  /**
   * Strapi `where` conditions of the shortcuts and of the REST `filters`, each
   * with the shortcut it comes from (`key`; null for the others), so that a
   * facet can leave out its own (see `facets`).
   */
  const conditionParts = async (type: ContentTypeName, s: Shortcuts, rest: RestParams, now: Date) => {
    const parts: ConditionPart[] = [];
    const none = { id: { $in: [] as number[] } };
    const k = knex();
    /** the same condition as `relatedTo`, on `t` directly */
    const relatedDirect = (subqueries: Knex.QueryBuilder[]) => (q: Knex.QueryBuilder) =>
      q.where((w) => {
        for (const sub of subqueries) w.orWhere((one) => inFilter(k, one, sub));
      });
    if (s.topic) {
      const ids = await documentIdsBySlug('topic', s.topic);
      parts.push(
        ids.length
          ? { key: 'topic', where: relatedTo(type, ['topics'], 'topic', ids), direct: relatedDirect(relatedSubqueries(type, ['topics'], 'topic', ids)) }
          : { key: 'topic', where: none }
      );
    }
    if (s.organisation) {
      const ids = await documentIdsBySlug('organisation', s.organisation);
      const relations = ORGANISATION_RELATIONS[type] ?? [];
      parts.push(
        ids.length && relations.length
          ? {
              key: 'organisation',
              where: relatedTo(type, relations, 'organisation', ids),
              direct: relatedDirect(relatedSubqueries(type, relations, 'organisation', ids)),
            }
          : { key: 'organisation', where: none }
      );
    }
    // after a call's results, the practices it did not select are not linked to it for the public (assessment/results.ts)
    const hidden = s.call || rest.filters !== undefined ? await hiddenCallLinks(strapi) : [];
    if (s.call) {
      const ids = await documentIdsBySlug('call', s.call);
      const linked = ids.length ? relatedTo(type, ['call'], 'call', ids) : none;
      parts.push({
        key: 'call',
        where: ids.length && type === 'practice' && hidden.length ? { $and: [linked, { documentId: { $notIn: hidden } }] } : linked,
      });
    }
    const { column } = meta(type);
    if (s.country) {
      const values = s.country;
      parts.push({ key: 'country', where: { country: { $in: values } }, direct: (q) => q.whereIn(`t.${column('country')}`, values) });
    }
    const where: Record<string, unknown>[] = [];
    if (s.criteria) where.push({ criteria: { value: { $in: s.criteria } } });
    if (s.kind) {
      const values = s.kind;
      parts.push({ key: null, where: { kind: { $in: values } }, direct: (q) => q.whereIn(`t.${column('kind')}`, values) });
    }
    if (s.when === 'upcoming') {
      where.push({ $or: [{ endsAt: { $gt: now } }, { endsAt: { $null: true }, startsAt: { $gte: now } }] });
    } else if (s.when === 'past') {
      where.push({ $or: [{ endsAt: { $lte: now } }, { endsAt: { $null: true }, startsAt: { $lt: now } }] });
    }
    if (s.open === true) where.push({ opensAt: { $lte: now }, closesAt: { $gt: now } });
    if (s.open === false) where.push({ $or: [{ opensAt: { $gt: now } }, { closesAt: { $lte: now } }] });
    if (rest.filters !== undefined) {
      const transformed = fromClientInput('filters', () =>
        strapi.get('query-params').transform(UID[type], {
          filters: hideUnselectedLinks(rest.filters as Record<string, unknown>, strapi.getModel(UID[type]) as FilterModel, getFilterModel, hidden),
        })
      ) as { filters?: unknown; where?: unknown };
      const restWhere = transformed.where ?? transformed.filters;
      if (restWhere && typeof restWhere === 'object') where.push(restWhere as Record<string, unknown>);
    }
    return [...parts, ...where.map((w): ConditionPart => ({ key: null, where: w }))];
  };

  const orderOf = (type: ContentTypeName, rest: RestParams, s: Shortcuts, searching: boolean) => {
    const shape = SHAPES[type];
    if (rest.sort !== undefined) {
      const pairs = checkedSort(type, rest.sort);
      if (pairs.length) return { pairs, byRank: false };
    }
    if (searching) return { pairs: [] as [string, 'asc' | 'desc'][], byRank: true };
    if (type === 'session' && s.when === 'upcoming') return { pairs: [['startsAt', 'asc']] as [string, 'asc' | 'desc'][], byRank: false };
    return { pairs: shape.defaultSort, byRank: false };
  };

  /**
   * Restricts `query` (on `t`) to the published entry to show of each
   * document: the one whose locale comes first in `chain` (the requested
   * locale's fallback chain, locales/fallback.ts). One branch per locale of
   * the chain, each a range of the (locale, published_at, document_id) index;
   * branch i keeps the document only when it has no published version in an
   * earlier locale (an anti-join on Strapi's (document_id, locale,
   * published_at) index). The chain names every locale of the app, and i18n
   * deletes a locale's entries with the locale, so every published document
   * shows in every locale.
   */
  const chosenEntries = (query: Knex.QueryBuilder, type: ContentTypeName, chain: readonly string[]): Knex.QueryBuilder => {
    const k = knex();
    const { table, column } = meta(type);
    const [published, loc, doc] = [column('publishedAt'), column('locale'), column('documentId')];
    if (chain.length === 1) return query.where(`t.${loc}`, chain[0]).whereNotNull(`t.${published}`);
    return query.where((w) => {
      chain.forEach((locale, i) => {
        w.orWhere((branch) => {
          branch.where(`t.${loc}`, locale).whereNotNull(`t.${published}`);
          if (i > 0) {
            branch.whereNotExists(
              k(`${table} as own`)
                .select(k.raw('1'))
                .whereRaw(`own.${doc} = t.${doc}`)
                .whereIn(`own.${loc}`, chain.slice(0, i))
                .whereNotNull(`own.${published}`)
            );
          }
        });
      });
    });
  };

  /**
   * Branch `i` of the entries to show for `chain` (the requested locale, then
   * the locales to fall back to): the published entries of `chain[i]` whose
   * document has no published version in an earlier locale of the chain. The
   * branches are disjoint and together are what chosenEntries keeps; each is
   * one range of a (locale, <sort column>, id) index (search/ddl.ts), so a page
   * is read in index order (./indexed-list.ts).
   */
  const chainBranch = (type: ContentTypeName, chain: readonly string[], i: number, index?: string): Knex.QueryBuilder => {
    const k = knex();
    const { table, column } = meta(type);
    const [published, loc, doc] = [column('publishedAt'), column('locale'), column('documentId')];
    const from: Knex.QueryBuilder = index ? k.queryBuilder().from(k.raw('?? AS ?? INDEXED BY ??', [table, 't', index])) : k(`${table} as t`);
    const query = from.where(`t.${loc}`, chain[i] as string).whereNotNull(`t.${published}`);
    if (i === 0) return query;
    return query.whereNotExists(
      k(`${table} as own`)
        .select(k.raw('1'))
        .whereRaw(`own.${doc} = t.${doc}`)
        .whereIn(`own.${loc}`, chain.slice(0, i))
        .whereNotNull(`own.${published}`)
    );
  };
  const contentVersion = async () => {
    const cache = getService(strapi, 'cache');
    return `${await cache.version()}|${cache.clears()}`;
  };
  const counts = createCountMemo(contentVersion);
  const derived = createVersionMemo<string[]>(contentVersion);
  /** The practices decided calls did not select (assessment/results.ts), once per content version: every publish and every decision of a call in results bumps it. */
  const hiddenLinks = () => derived.get('hidden-call-links', () => hiddenCallLinks(strapi));
  const localeSets = createLocaleSetMemo(contentVersion);
  /** Search windows' floors (search/index.ts `windowFloors`), once per content version: a publish may move them. */
  const windowFloorMemo = createVersionMemo<number | null>(contentVersion);

  /** How many documents of `type` are published in each set of locales (`locales`: codes joined by ','), once per content version. */
  const publishedLocaleSets = (type: ContentTypeName) =>
    localeSets.get(type, async () => {
      const k = knex();
      const { table, column } = meta(type);
      const [published, loc, doc] = [column('publishedAt'), column('locale'), column('documentId')];
      const aggregate = clientOf(k) === 'sqlite' ? `group_concat(??, ',')` : `string_agg(??, ',' ORDER BY ??)`;
      const perDocument = k(table)
        .select(k.raw(`${aggregate} AS locales`, clientOf(k) === 'sqlite' ? [loc] : [loc, loc]))
        .whereNotNull(published)
        .groupBy(doc);
      return (await k.select('d.locales').count({ n: '*' }).from(perDocument.as('d')).groupBy('d.locales')) as {
        locales: string;
        n: number | string;
      }[];
    });

  /** Per locale of `chain`, how many documents of `type` are published in it (the search index's rows of that locale). */
  const publishedCounts = async (type: ContentTypeName, chain: readonly string[]): Promise<number[]> => {
    const sets = await publishedLocaleSets(type);
    return chain.map((l) => sets.reduce((sum, { locales, n }) => (String(locales).split(',').includes(l) ? sum + Number(n) : sum), 0));
  };

  /**
   * The sizes of the unfiltered branches of `chain` (chainBranch): from how
   * many documents are published in each set of locales (one grouped scan of
   * the published rows per type and content version, for every chain), instead
   * of one anti-join count per branch and locale (20 of 17-40 ms each at
   * 10,000 practices x 5 locales after every publish). A document shows in
   * branch i when chain[i] is the first locale of the chain it is published in.
   */
  const chainCounts = async (type: ContentTypeName, chain: readonly string[]): Promise<number[]> => {
    const sets = await publishedLocaleSets(type);
    const out = chain.map(() => 0);
    for (const { locales, n } of sets) {
      const has = new Set(String(locales).split(','));
      const i = chain.findIndex((l) => has.has(l));
      if (i >= 0) out[i] = (out[i] ?? 0) + Number(n);
    }
    return out;
  };

  const loader = createLoader(strapi);
  /** The documents `ids` in their public shape (./loader.ts), in that order; a call that did not select a practice is not shown on it. */
  const load = async (type: ContentTypeName, ids: number[], detail: boolean, shownFor?: readonly string[]): Promise<Entry[]> => {
    const rows: Entry[] = await loader.load(type, ids, detail, shownFor ? { shownFor } : {});
    if (type === 'practice' && rows.some((r) => r.call)) {
      // a practice its call did not select is shown without the call (assessment/results.ts)
      const hidden = new Set(await hiddenLinks());
      for (const row of rows) if (hidden.has(String(row.documentId))) row.call = null;
    }
    return rows;
  };

  /**
   * A fallback entry's relations were read in its own locale (Strapi joins
   * versions of the same locale); give topics and calls their names in the
   * first locale of `chain` they have (one query per relation, whatever the
   * page size).
   */
  const localizeRefs = async (entries: Entry[], chain: readonly string[]) => {
    const locale = chain[0];
    const fallback = entries.filter((e) => e.locale !== locale);
    if (!fallback.length) return;
    const relations: [string, 'topic' | 'call', string][] = [
      ['topics', 'topic', 'name'],
      ['call', 'call', 'title'],
    ];
    for (const [key, target, label] of relations) {
      const refs = fallback.flatMap((e) => {
        const v = e[key];
        return (Array.isArray(v) ? v : v ? [v] : []) as Record<string, unknown>[];
      });
      const ids = [...new Set(refs.map((r) => r.documentId as string).filter(Boolean))];
      if (!ids.length) continue;
      const best = await bestVersions(target, ids, chain, ['slug', label]);
      for (const ref of refs) {
        const translated = best.get(ref.documentId as string);
        if (translated && rank(chain, translated.locale) < rank(chain, String(ref.locale ?? ''))) {
          Object.assign(ref, { [label]: translated[label], slug: translated.slug, locale: translated.locale });
        }
      }
    }
  };

  /**
   * The published version of each of `documentIds` (of `type`) whose locale
   * comes first in `chain`, with `fields`: one query.
   */
  const bestVersions = async (
    type: ContentTypeName,
    documentIds: string[],
    chain: readonly string[],
    fields: string[]
  ): Promise<Map<string, Record<string, unknown> & { locale: string }>> => {
    const out = new Map<string, Record<string, unknown> & { locale: string }>();
    if (!documentIds.length) return out;
    const rows = (await strapi.db.query(UID[type]).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', ...fields],
    })) as (Record<string, unknown> & { documentId: string; locale: string })[];
    for (const row of rows) {
      const current = out.get(row.documentId);
      if (!current || rank(chain, row.locale) < rank(chain, current.locale)) out.set(row.documentId, row);
    }
    return out;
  };

  return {
    async list(type: ContentTypeName, o: ListOptions): Promise<ListResult> {
      const k = knex();
      const { table, column } = meta(type);
      const parts = await conditionParts(type, o.shortcuts, o.rest, o.now);
      const where = parts.map((p) => p.where);
      if (!o.shortcuts.q) {
        // Not a search: each locale of the chain read in index order, counted once per content version.
        const chain = o.chain;
        // A shortcut on a column or a relation applies to the branch itself (its index range); the
        // rest (REST `filters`, components, dates) as the ids of Strapi's own query.
        const direct = parts.flatMap((p) => (p.direct ? [p.direct] : []));
        const viaStrapi = parts.flatMap((p) => (p.direct ? [] : [p.where]));
        const filtered = viaStrapi.length
          ? fromClientInput('filters', () =>
              strapi.db.queryBuilder(UID[type]).select('id').where({ $and: viaStrapi }).getKnexQuery()
            )
          : null;
        const plain = chain.map((_, i) => chainBranch(type, chain, i));
        // A filter only narrows a branch: one that is empty unfiltered (every document translated, the
        // usual case) is neither counted again nor read, whatever the filter.
        const narrowed = filtered !== null || direct.length > 0;
        const sizes = await chainCounts(type, chain);
        const narrow = (branch: Knex.QueryBuilder) => {
          let b = narrowed ? branch.clone() : branch;
          for (const apply of direct) b = apply(b);
          return filtered ? inFilter(k, b, filtered) : b;
        };
        const kept = chain.map((_, i) => i).filter((i) => (sizes[i] ?? 0) > 0);
        const branches = kept.map((i) => narrow(plain[i] as Knex.QueryBuilder));
        const { pageSize, offset } = pageOf(o);
        const perBranch = narrowed
          ? await dataErrorsAsBadRequest(() => counts.counts(branches))
          : kept.map((i) => sizes[i] ?? 0);
        const total = perBranch.reduce((a, b) => a + b, 0);
        const pagination = paginationOf(o, total);
        if (total === 0 || offset >= total) return { entries: [], pagination };
        const sort: SortColumn[] = orderOf(type, o.rest, o.shortcuts, false).pairs.map(([field, dir]) => [column(field), dir]);
        // SQLite: read in the index of the sort (see `sortIndex`)
        const index = sortIndex(k, type, table, sort);
        const nonEmpty = kept
          .filter((_, j) => (perBranch[j] ?? 0) > 0)
          .map((i) => (index ? narrow(chainBranch(type, chain, i, index)) : (branches[kept.indexOf(i)] as Knex.QueryBuilder)));
        const ids = await dataErrorsAsBadRequest(() => orderedPage(k, nonEmpty, sort, pageSize, offset));
        const entries = await load(type, ids, Boolean(o.detail));
        await localizeRefs(entries, o.chain);
        return { entries, pagination };
      }
      let query = chosenEntries(k(`${table} as t`), type, o.chain);
      if (where.length) {
        const sub = fromClientInput(
          'filters',
          () =>
            strapi.db
              .queryBuilder(UID[type])
              .select('id')
              .where({ $and: where })
              .getKnexQuery()
        );
        query = query.whereIn('t.id', sub);
      }
      let searching = false;
      let shown: number[] | undefined;
      let ranked: Knex.QueryBuilder | null = null;
      let countQuery = query;
      if (o.shortcuts.q) {
        const locales = o.chain;
        // the locales of the chain that show no document (each has a version in an earlier one) are not searched
        shown = await chainCounts(type, locales);
        const matching = search.matches(UID[type], o.shortcuts.q, locales, { rank: false, shown });
        // a search with no other condition, ordered by rank: each locale's newest matches are enough
        // for the page (never with a `sort`: the page then comes from every match, in that order)
        const { offset: skip, pageSize: size } = pageOf(o);
        const bounded = !where.length && orderOf(type, o.rest, o.shortcuts, true).byRank;
        ranked = search.matches(UID[type], o.shortcuts.q, locales, { rank: true, shown, ...(bounded ? { bound: skip + size } : {}) });
        if (!matching || !ranked) return { entries: [], pagination: emptyPage(o) };
        searching = true;
        // counting needs no ranking: only the ids query pays for it
        countQuery = query.clone().join(matching.as('s'), 's.entry_id', 't.id');
        query = query.join(ranked.as('s'), 's.entry_id', 't.id');
      }

      const { pageSize, offset } = pageOf(o);
      // A plain search is counted on the search index alone (PostgreSQL), once per content version
      // and query (every page of a search counts once per publish, as lists do); anything else joins.
      const searchBranches =
        searching && !where.length && o.shortcuts.q ? search.matchBranches(UID[type], o.shortcuts.q, o.chain, shown) : null;
      const order = orderOf(type, o.rest, o.shortcuts, searching);
      if (
        searchBranches &&
        clientOf(k) !== 'sqlite' &&
        o.shortcuts.q &&
        order.byRank &&
        !order.pairs.length &&
        offset + pageSize <= PAGED_MATCHES
      ) {
        // A plain search ordered by rank (PostgreSQL), the first pages: counted once per content
        // version and query (each branch on its own, see search `matchBranches`), then one statement
        // reads each locale's newest matches, ranked; the page is cut from them here. A common
        // word's newest matches are read from a window of the locale's newest rows (search
        // `windowFloors`), not from all its matches; a window that turns out to hold fewer than
        // the page needs is read again without it.
        const branchTotals = await dataErrorsAsBadRequest(() => counts.counts(searchBranches));
        const total = branchTotals.reduce((a, b) => a + b, 0);
        // each count's branch: the places in the chain of the locales searched (see `matchBranches`)
        const places = o.chain.map((_, i) => i).filter((i) => shown === undefined || shown[i] !== 0);
        const totals = new Map(places.map((place, j) => [place, branchTotals[j] ?? 0]));
        const pagination = paginationOf(o, total);
        if (total === 0 || offset >= total) return { entries: [], pagination };
        const bound = offset + pageSize;
        const q = o.shortcuts.q;
        const read = async (floors: ReadonlyMap<number, number>) => {
          const statement = search.matches(UID[type], q, o.chain, { rank: true, shown, bound, floors });
          return statement
            ? ((await dataErrorsAsBadRequest(() => statement)) as { entry_id: number | string; rank: number | string; branch: number | string }[])
            : [];
        };
        const floors = await search.windowFloors(UID[type], o.chain, await publishedCounts(type, o.chain), totals, bound, (key, read) =>
          windowFloorMemo.get(key, read)
        );
        let rows = await read(floors);
        // a branch whose window held fewer than its newest max(RANKED_CANDIDATES, bound) matches
        const needed = Math.max(RANKED_CANDIDATES, bound);
        const short = [...floors.keys()].some(
          (place) => rows.filter((r) => Number(r.branch) === place).length < Math.min(needed, totals.get(place) ?? 0)
        );
        if (short) rows = await read(new Map());
        // rank, then newest first: what the ids query below orders by
        const pageIds = rows
          .map((r) => ({ id: Number(r.entry_id), rank: Number(r.rank) }))
          .sort((a, b) => a.rank - b.rank || b.id - a.id)
          .slice(offset, offset + pageSize)
          .map((r) => r.id);
        // The matches are exactly the entries the chain shows (see search `matchBranches`); the page's
        // entries are read only if the list shows them all the same (the loader's `shownFor`, in the
        // same statement), so that nothing else ever shows.
        const entries = await load(type, pageIds, Boolean(o.detail), o.chain);
        await localizeRefs(entries, o.chain);
        return { entries, pagination };
      }
      const indexCount = searchBranches
        ? (await dataErrorsAsBadRequest(() => counts.counts(searchBranches))).reduce((a, b) => a + b, 0)
        : null;
      const total =
        indexCount ??
        Number(
          (
            (await dataErrorsAsBadRequest(() => countQuery.clone().count({ n: '*' }))) as { n: number | string }[]
          )[0]?.n ?? 0
        );
      if (total === 0 || offset >= total) {
        return { entries: [], pagination: paginationOf(o, total) };
      }

      let idsQuery = query.clone().select('t.id');
      let fromIndex = false;
      if (searchBranches && ranked && order.byRank && clientOf(k) === 'sqlite') {
        // SQLite, a plain search by rank: its ranked matches are exactly the entries the chain shows
        // (search/index.ts `matches`), so the page is read from the index alone, without looking up
        // every match's row in the type's table (wide rows: 15 ms of CPU for a common word), its
        // statement prepared once (./sql.ts)
        idsQuery = k.select('s.entry_id as id').from(ranked.as('s')).orderBy('s.rank', 'asc').orderBy('s.entry_id', 'desc').limit(pageSize).offset(offset);
        fromIndex = true;
      } else if (searchBranches && ranked && order.byRank && !order.pairs.length) {
        // A plain search ordered by rank (PostgreSQL): the page is cut from the matches, which are
        // exactly the entries the chain shows (see search `matchBranches`, which counted them), then
        // joined to its entries only (each read by primary key: a page, not every ranked match).
        const matchesPage = k
          .select('m.entry_id', 'm.rank')
          .from(ranked.clone().as('m'))
          .orderBy('m.rank', 'asc')
          .orderBy('m.entry_id', 'desc')
          .limit(pageSize)
          .offset(offset);
        idsQuery = chosenEntries(k(`${table} as t`), type, o.chain).join(matchesPage.as('s'), 's.entry_id', 't.id').select('t.id');
        idsQuery = idsQuery.orderBy('s.rank', 'asc').orderBy('t.id', 'desc');
      } else {
        if (order.byRank) idsQuery = idsQuery.orderBy('s.rank', 'asc');
        for (const [field, dir] of order.pairs) idsQuery = idsQuery.orderBy(`t.${column(field)}`, dir);
        idsQuery = idsQuery.orderBy('t.id', 'desc').limit(pageSize).offset(offset);
      }
      const ids = ((fromIndex ? await builderRows(k, idsQuery) : await idsQuery) as { id: number }[]).map((r) => Number(r.id));
      const entries = await load(type, ids, Boolean(o.detail));
      await localizeRefs(entries, o.chain);
      return {
        entries,
        pagination: paginationOf(o, total),
      };
    },

    /**
     * Whether a published document of `type` (any locale) has the slug `slug`: what the list
     * shortcuts (`topic`, `organisation`, `call`) match, so that a filter naming no such document
     * can be told from one that matches nothing now (the public pages' 404, embed/pages.ts).
     */
    async hasPublishedSlug(type: ContentTypeName, slug: string): Promise<boolean> {
      return (await documentIdsBySlug(type, [slug])).length > 0;
    },

    /**
     * One published document by documentId or slug (of any locale), in the
     * first locale of `chain` it has (its first element is the requested locale).
     */
    async findOne(type: ContentTypeName, idOrSlug: string, chain: readonly string[]) {
      const locale = chain[0];
      // No documentId or slug has other characters (Strapi's uid fields: letters, digits, - _ . ~); a NUL
      // byte, which PostgreSQL refuses in text, would otherwise be a 500
      if (!ID_OR_SLUG.test(idOrSlug)) return null;
      const uid = UID[type];
      const matches = (await strapi.db.query(uid).findMany({
        where: { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }], publishedAt: { $notNull: true } },
        select: ['documentId', 'locale'],
        limit: 20,
      })) as { documentId: string; locale: string }[];
      if (!matches.length) return null;
      const documentId = (matches.find((m) => m.locale === locale) ?? matches[0])?.documentId;
      const versions = (await strapi.db.query(uid).findMany({
        where: { documentId, publishedAt: { $notNull: true } },
        select: ['id', 'locale'],
      })) as { id: number; locale: string }[];
      const chosen = versions.sort((a, b) => rank(chain, a.locale) - rank(chain, b.locale) || a.locale.localeCompare(b.locale))[0];
      if (!chosen) return null;
      const [entry] = await load(type, [chosen.id], true);
      if (entry) await localizeRefs([entry], chain);
      return entry ?? null;
    },

    /**
     * Counts of the facet values of `type` among the published documents of
     * the filter, each document counted once in the version the chain
     * chooses (as the list shows it). Each facet is counted under every
     * condition except its own shortcut's (disjunctive faceting), so that a
     * filter that picks a country still offers the other countries. Relation
     * values are published related documents only; one GROUP BY per facet.
     */
    async facets(type: ContentTypeName, o: FacetOptions): Promise<FacetResult> {
      const specs = FACETS[type] ?? [];
      const k = knex();
      const { table, column } = meta(type);
      const parts = await conditionParts(type, o.shortcuts, o.rest, o.now);
      // the call facet counts a practice under its call only when the public sees the link (assessment/results.ts)
      const hidden = type === 'practice' && specs.some((f) => f.key === 'call') ? await hiddenCallLinks(strapi) : [];
      const matching = o.shortcuts.q ? search.matches(UID[type], o.shortcuts.q, o.chain, { rank: false }) : undefined;
      if (matching === null) return { total: 0, facets: Object.fromEntries(specs.map((f) => [f.name, []])) };

      /** chosen entries of the filter, leaving out the conditions of shortcut `without` */
      const base = (without: FacetKey | null): Knex.QueryBuilder => {
        let query = chosenEntries(k(`${table} as t`), type, o.chain);
        const where = parts.filter((p) => p.key === null || p.key !== without).map((p) => p.where);
        if (where.length) {
          const sub = fromClientInput('filters', () =>
            strapi.db.queryBuilder(UID[type]).select('id').where({ $and: where }).getKnexQuery()
          );
          query = query.whereIn('t.id', sub);
        }
        if (matching) query = query.join(matching.clone().as('s'), 's.entry_id', 't.id');
        return query;
      };

      const totalRows = (await dataErrorsAsBadRequest(() => base(null).count({ n: '*' }))) as { n: number | string }[];
      const total = Number(totalRows[0]?.n ?? 0);
      const facets: Record<string, FacetValue[]> = {};
      for (const spec of specs) {
        if ('column' in spec) {
          const col = `t.${column(spec.column)}`;
          const rows = (await dataErrorsAsBadRequest(() =>
            base(spec.key).whereNotNull(col).select(k.raw(`${col} as value`)).count({ n: '*' }).groupBy(col)
          )) as { value: string; n: number | string }[];
          facets[spec.name] = rows.map((r) => ({ value: String(r.value), count: Number(r.n) }));
          continue;
        }
        // the link table Strapi keeps for the relation (one row per link, of draft and published rows alike)
        const link = strapi.db.metadata.get(UID[type]).attributes[spec.relation];
        const jt = link && 'joinTable' in link ? link.joinTable : undefined;
        if (!jt || !('inverseJoinColumn' in jt)) throw new Error(`No link table for ${type}.${spec.relation}`);
        const target = meta(spec.target);
        const [targetDoc, targetPublished] = [target.column('documentId'), target.column('publishedAt')];
        const rows = (await dataErrorsAsBadRequest(() =>
          base(spec.key)
            .join(`${jt.name} as l`, `l.${jt.joinColumn.name}`, 't.id')
            .join(`${target.table} as r`, 'r.id', `l.${jt.inverseJoinColumn.name}`)
            // only published related documents: a draft topic or organisation is not public
            .whereNotNull(`r.${targetPublished}`)
            .modify((qb) => {
              if (spec.key === 'call' && hidden.length) qb.whereNotIn(`t.${column('documentId')}`, hidden);
            })
            .select(k.raw(`r.${targetDoc} as value`))
            .countDistinct({ n: 't.id' })
            .groupBy(`r.${targetDoc}`)
        )) as { value: string; n: number | string }[];
        const best = await bestVersions(spec.target, rows.map((r) => String(r.value)), o.chain, ['slug', spec.label]);
        facets[spec.name] = rows.flatMap((r) => {
          const version = best.get(String(r.value));
          const slug = version?.slug;
          if (!version || typeof slug !== 'string' || !slug) return [];
          const label = version[spec.label];
          return [{ value: slug, count: Number(r.n), label: typeof label === 'string' ? label : null, locale: version.locale }];
        });
      }
      return { total, facets };
    },

    search,
  };
};

export type Repository = ReturnType<typeof createRepository>;

/**
 * SQLite: the (locale, <column>, id, document_id) index (./indexes.ts) a page sorted by `sort`
 * must be read in, when the first sort column is not the type's default one. SQLite's planner
 * otherwise takes the range `published_at IS NOT NULL` of the (locale, published_at) index and
 * sorts the whole locale (80-130 ms at 10,000 practices for `sort=title:asc`, against 0.2 ms in
 * the title index). Undefined on PostgreSQL and for the default order (the planner picks it).
 */
const sortIndex = (k: Knex, type: ContentTypeName, table: string, sort: readonly SortColumn[]): string | undefined => {
  if (clientOf(k) !== 'sqlite') return undefined;
  const first = sort[0]?.[0];
  const defaultColumn = SHAPES[type].defaultSort[0]?.[0];
  if (!first || first === defaultColumn || first === 'published_at') return undefined;
  return listIndexName(table, first);
};

/**
 * `branch` (on `t`) restricted to the ids of a filter (./indexed-list.ts). On SQLite `+t.id IN`: the
 * unary plus keeps the planner from looking up every id of the filter by primary key (a read of
 * each matching row, of every locale and of drafts: 35-65 ms at 10,000 practices x 5 locales for
 * a country or topic) and lets it walk the branch's (locale, <sort>, id) index range instead,
 * checking each id against the filter's set (2-3 ms, and in the list's order). The result is the
 * same; PostgreSQL plans the semi-join itself.
 */
const inFilter = (k: Knex, branch: Knex.QueryBuilder, filtered: Knex.QueryBuilder): Knex.QueryBuilder =>
  clientOf(k) === 'sqlite' ? branch.whereRaw('+?? IN ?', ['t.id', filtered]) : branch.whereIn('t.id', filtered);

/** Position of `locale` in `chain`; a locale outside it comes after every locale of it. */
const rank = (chain: readonly string[], locale: string): number => {
  const i = chain.indexOf(locale);
  return i === -1 ? chain.length : i;
};

/**
 * A plain search (PostgreSQL) whose page ends within this many matches is paged from its ranked
 * matches read at once (at most this many per locale of the chain, see `list`); a deeper page is
 * ordered and cut by the database.
 */
const PAGED_MATCHES = 1000;

const pageOf = (o: ListOptions) => {
  const p = o.rest.pagination ?? {};
  if (p.start !== undefined || p.limit !== undefined) {
    const limit = p.limit ?? DEFAULT_PAGE_SIZE;
    return { page: 1, pageSize: limit, offset: p.start ?? 0, offsetMode: true };
  }
  const page = o.shortcuts.page ?? p.page ?? 1;
  const pageSize = o.shortcuts.pageSize ?? p.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize, offsetMode: false };
};

const paginationOf = (o: ListOptions, total: number): ListResult['pagination'] => {
  const { page, pageSize, offset, offsetMode } = pageOf(o);
  return offsetMode ? { start: offset, limit: pageSize, total } : { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
};

const emptyPage = (o: ListOptions): ListResult['pagination'] => paginationOf(o, 0);
