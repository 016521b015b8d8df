import type { Knex } from 'knex';
import { builderRows } from './sql';

/**
 * Reading a page of a public list without scanning it (issue #12, "reads
 * without the cache"). A list is the union of disjoint branches, one per
 * locale of the fallback chain (repository.ts `chainBranch`), each a range of
 * a (locale, <sort column>, id) index that search/ddl.ts `ensureReadIndexes`
 * creates for every sort the API offers:
 *   - a page is read in index order: each branch gives its first
 *     `offset + pageSize` rows in the list's order (an index range scan that
 *     stops there), and the union of those is ordered and cut, so no query
 *     sorts the whole list;
 *   - the total is the sum of the branches' counts (each an index-only range),
 *     and a branch whose count is 0 (a locale every document of the list is
 *     translated to leaves its fallbacks empty) is not read at all,
 *     remembered per content version (the same version the ETags use, stored
 *     in the database and bumped by every public change, see http/cache.ts),
 *     so that every page, locale and filter of a list counts it once per
 *     change of content, on any number of instances.
 */

/** A sort column (the database column name) and its direction. */
export type SortColumn = [column: string, direction: 'asc' | 'desc'];

/**
 * Orders `query` (on `t`) by `sort`, then by id in the direction of the last
 * sort column (descending when there is none), so that one
 * (locale, column, id) index serves the order both ways.
 */
const ordered = (query: Knex.QueryBuilder, sort: readonly SortColumn[], prefix: string): Knex.QueryBuilder => {
  let q = query;
  sort.forEach(([column, dir], i) => {
    q = q.orderBy(prefix === 't' ? `t.${column}` : `${prefix}.s${i}`, dir);
  });
  return q.orderBy(`${prefix}.id`, sort.at(-1)?.[1] ?? 'desc');
};

/**
 * The ids of one page of the union of `branches` (disjoint queries on `t`, in
 * chain order), ordered by `sort` then id: `pageSize` ids from `offset`.
 * One query whatever the number of branches.
 */
export const orderedPage = async (
  knex: Knex,
  branches: readonly Knex.QueryBuilder[],
  sort: readonly SortColumn[],
  pageSize: number,
  offset: number
): Promise<number[]> => {
  const columns = ['t.id', ...sort.map(([column], i) => `t.${column} as s${i}`)];
  let query: Knex.QueryBuilder;
  if (branches.length === 1) {
    query = ordered((branches[0] as Knex.QueryBuilder).clone().select('t.id'), sort, 't').limit(pageSize).offset(offset);
  } else {
    // each branch's first offset + pageSize rows, wrapped so that SQLite accepts ORDER BY and LIMIT in a compound member
    const parts = branches.map((branch, i) =>
      knex.select('*').from(ordered(branch.clone().select(columns), sort, 't').limit(offset + pageSize).as(`b${i}`))
    );
    const union = (parts[0] as Knex.QueryBuilder).unionAll(parts.slice(1));
    query = ordered(knex.select('u.id').from(union.as('u')), sort, 'u').limit(pageSize).offset(offset);
  }
  return ((await builderRows(knex, query)) as { id: number | string }[]).map((r) => Number(r.id));
};

/** At most this many counts are remembered (a few hundred lists x locales x filters). */
const MAX_COUNTS = 2000;

/**
 * Counts of list queries, remembered while the content version stays the
 * same. The key is the SQL and its bindings, so a count is reused only for
 * the very same question (a filter on the clock binds the time and is never
 * reused); a new version (any publish, unpublish or delete) forgets them all.
 * `version` reads the shared content version (http/cache.ts): instances agree.
 */
export const createCountMemo = (version: () => Promise<string>) => {
  let seen: string | null = null;
  const memo = new Map<string, number[]>();
  return {
    /** The number of rows of each of `branches`. */
    async counts(branches: readonly Knex.QueryBuilder[]): Promise<number[]> {
      const current = await version();
      if (current !== seen) {
        memo.clear();
        seen = current;
      }
      const queries = branches.map((b) => b.clone().count({ n: '*' }));
      const key = queries
        .map((q) => {
          const { sql, bindings } = q.toSQL();
          return `${sql}\u0000${JSON.stringify(bindings)}`;
        })
        .join('\u0001');
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const counts: number[] = [];
      for (const q of queries) counts.push(Number(((await q) as { n: number | string }[])[0]?.n ?? 0));
      if (seen === current) {
        if (memo.size >= MAX_COUNTS) {
          const oldest = memo.keys().next().value;
          if (oldest !== undefined) memo.delete(oldest);
        }
        memo.set(key, counts);
      }
      return counts;
    },
  };
};

/**
 * Per type, how many documents are published in each set of locales
 * (`locales`: the codes joined by commas, in any order), remembered while the
 * content version (as for `createCountMemo`) stays the same.
 */
export const createLocaleSetMemo = (version: () => Promise<string>) => {
  let seen: string | null = null;
  const memo = new Map<string, { locales: string; n: number | string }[]>();
  return {
    /** The sets of `type`, read by `read` when this version has not read them yet. */
    async get(
      type: string,
      read: () => Promise<{ locales: string; n: number | string }[]>
    ): Promise<{ locales: string; n: number | string }[]> {
      const current = await version();
      if (current !== seen) {
        memo.clear();
        seen = current;
      }
      const hit = memo.get(type);
      if (hit) return hit;
      const sets = await read();
      if (seen === current) memo.set(type, sets);
      return sets;
    },
  };
};

/**
 * One value per key (at most MAX_COUNTS, the oldest forgotten first), remembered while the content
 * version (as for `createCountMemo`) stays the same: for what the list path derives from the content alone, such as the practices a decided
 * call did not select (assessment/results.ts `hiddenCallLinks`, read for every page that shows a call).
 */
export const createVersionMemo = <T>(version: () => Promise<string>) => {
  let seen: string | null = null;
  const memo = new Map<string, T>();
  return {
    /** The value of `key`, read by `read` when this version has not read it yet. */
    async get(key: string, read: () => Promise<T>): Promise<T> {
      const current = await version();
      if (current !== seen) {
        memo.clear();
        seen = current;
      }
      if (memo.has(key)) return memo.get(key) as T;
      const value = await read();
      if (seen === current) {
        // bounded as the counts are: keys may come from requests (a search's window, say)
        if (memo.size >= MAX_COUNTS) {
          const oldest = memo.keys().next().value;
          if (oldest !== undefined) memo.delete(oldest);
        }
        memo.set(key, value);
      }
      return value;
    },
  };
};
