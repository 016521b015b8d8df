import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { blocksToText } from '../seed/blocks';
import { UID } from '../content-types/uids';
import { strapiService } from '../services/strapi-services';
import {
  SEARCH_TABLE,
  clientOf,
  createSearchSchema,
  dropTextIndexes,
  ensureLocaleIndexes,
  ensureReadIndexes,
  ensureSearchFormat,
} from './ddl';
import { documentTerms, ftsExpression, queryWords, tsqueryText } from './text';

/**
 * Types with full-text search, and the fields that feed it:
 *   - `title` (ranked first), `summary` (second), `body` (plain text or blocks, third);
 *   - `extra` (ranked last): place names, the names of related topics and
 *     organisations (in the entry's locale: Strapi links versions of the same
 *     locale), and the country's name in the entry's language.
 */
export const SEARCHABLE: Record<
  string,
  {
    title: string;
    /** plain-text fields */
    summary: string[];
    /** blocks fields */
    body: string[];
    /** plain-text fields */
    extra: string[];
    /** [relation, its field to index] */
    relations: [string, string][];
    /** ISO 3166-1 alpha-2 field */
    country?: string;
  }
> = {
  [UID.practice]: {
    title: 'title',
    summary: ['summary'],
    body: ['body'],
    extra: ['municipality', 'region'],
    relations: [
      ['topics', 'name'],
      ['promoters', 'name'],
    ],
    country: 'country',
  },
  [UID.session]: {
    title: 'title',
    summary: ['summary'],
    body: ['description', 'minutes'],
    extra: [],
    relations: [
      ['topics', 'name'],
      ['organisers', 'name'],
    ],
  },
  [UID.statement]: {
    title: 'title',
    summary: ['summary'],
    body: ['body'],
    extra: [],
    relations: [
      ['topics', 'name'],
      ['issuers', 'name'],
      ['signatories', 'name'],
    ],
  },
};

/**
 * Which searchable types show the names of another type (whose change must
 * re-index them): a topic's or an organisation's new name is searched for.
 */
const NAMED_BY: Record<string, [string, string][]> = {
  [UID.topic]: Object.entries(SEARCHABLE).map(([uid]) => [uid, 'topics']),
  [UID.organisation]: Object.entries(SEARCHABLE).flatMap(([uid, spec]) =>
    spec.relations.filter(([rel]) => rel !== 'topics').map(([rel]): [string, string] => [uid, rel])
  ),
};

export const isSearchable = (uid: string): boolean => uid in SEARCHABLE;

/**
 * On PostgreSQL, how many matches of a search (per locale, the newest) are
 * ranked by relevance; the rest follow, newest first. Bounds the cost of a
 * common word at 100,000 practices (issue #12: p95 under 50 ms). SQLite ranks
 * every match (FTS5's bm25 reads its own compact index).
 */
export const RANKED_CANDIDATES = 300;

type Row = Record<string, unknown> & { id: number; documentId: string; locale: string };

const regionNames = new Map<string, Intl.DisplayNames | null>();
/** The name of an ISO 3166-1 country code in a locale's language ("Ελλάδα" for GR in el), or ''. */
const countryName = (code: unknown, locale: string): string => {
  if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) return '';
  if (!regionNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  return regionNames.get(locale)?.of(code) ?? '';
};

const safeJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

const plainText = (value: unknown): string => (typeof value === 'string' ? value : '');
/** The text of a blocks field (SQLite hands it over as a JSON string). */
const blocksText = (value: unknown): string =>
  value == null ? '' : blocksToText(typeof value === 'string' ? safeJson(value) : value);

/** The terms of one entry, per field. */
const termsOf = (uid: string, row: Row) => {
  const spec = SEARCHABLE[uid];
  if (!spec) return { title: '', summary: '', body: '', extra: '' };
  const join = (fields: string[], text: (v: unknown) => string = plainText) =>
    fields.map((f) => text(row[f])).filter(Boolean).join('\n');
  const related = spec.relations.flatMap(([rel, label]) => {
    const v = row[rel];
    const list = (Array.isArray(v) ? v : v ? [v] : []) as Record<string, unknown>[];
    return list.map((r) => (typeof r[label] === 'string' ? (r[label] as string) : ''));
  });
  const extra = [join(spec.extra), ...related, spec.country ? countryName(row[spec.country], row.locale) : '']
    .filter(Boolean)
    .join('\n');
  return {
    title: documentTerms(String(row[spec.title] ?? ''), row.locale),
    summary: documentTerms(join(spec.summary), row.locale),
    body: documentTerms(join(spec.body, blocksText), row.locale),
    extra: documentTerms(extra, row.locale),
  };
};

/**
 * The search index of the plugin's public content (see ./ddl.ts for the
 * tables, ./text.ts for what they hold).
 */
export const createSearchIndex = (strapi: Core.Strapi) => {
  const knex = (): Knex => strapi.db.connection;
  /**
   * Runs `work` on the caller's transaction when there is one (joining it, as
   * Strapi's own queries do), else on the pool. A raw `knex()` query inside a
   * transaction would wait for a second connection: SQLite has only one.
   */
  const onCurrent = async <T>(work: (k: Knex | Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.inTransaction() ? await strapi.db.transaction(({ trx }) => work(trx)) : work(knex());

  /** Published entries of `uid` matching `where`, with what the index reads (relations: published ones). */
  const publishedRows = async (
    uid: string,
    where: Record<string, unknown>,
    page?: { afterId: number; limit: number }
  ): Promise<Row[]> => {
    const spec = SEARCHABLE[uid];
    if (!spec) return [];
    const populate = Object.fromEntries(
      spec.relations.map(([rel, label]) => [rel, { select: [label], where: { publishedAt: { $notNull: true } } }])
    );
    return (await strapi.db.query(uid).findMany({
      where: { ...where, publishedAt: { $notNull: true }, ...(page ? { id: { $gt: page.afterId } } : {}) },
      select: [
        'id',
        'documentId',
        'locale',
        spec.title,
        ...spec.summary,
        ...spec.body,
        ...spec.extra,
        ...(spec.country ? [spec.country] : []),
      ],
      populate,
      ...(page ? { orderBy: { id: 'asc' }, limit: page.limit } : {}),
    })) as Row[];
  };

  const insert = async (trx: Knex | Knex.Transaction, uid: string, rows: Row[]) => {
    const sqlite = clientOf(knex()) === 'sqlite';
    // rows a statement: 8 bound values each (SQLite's limit is 999 values before 3.32)
    const perStatement = sqlite ? 100 : 500;
    for (let i = 0; i < rows.length; i += perStatement) {
      const batch = rows.slice(i, i + perStatement);
      const values: string[] = [];
      const bindings: Knex.RawBinding[] = [];
      for (const row of batch) {
        const t = termsOf(uid, row);
        if (sqlite) {
          values.push('(?, ?, ?, ?, ?, ?, ?, ?)');
          bindings.push(row.id, uid, row.documentId, row.locale, t.title, t.summary, t.body, t.extra);
        } else {
          values.push(
            "(?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B') || " +
              "setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'D'))"
          );
          bindings.push(row.id, uid, row.documentId, row.locale, t.title, t.summary, t.body, t.extra);
        }
      }
      if (!values.length) continue;
      await trx.raw(
        sqlite
          ? `INSERT INTO ${SEARCH_TABLE} (entry_id, uid, document_id, locale, title, summary, body, extra) VALUES ${values.join(', ')}`
          : `INSERT INTO ${SEARCH_TABLE} (entry_id, uid, document_id, locale, tsv) VALUES ${values.join(', ')} ON CONFLICT (uid, entry_id) DO NOTHING`,
        bindings
      );
    }
  };

  /** Re-indexes the published entries of some documents of one type, in the current transaction. */
  const reindexDocuments = async (trx: Knex.Transaction, uid: string, documentIds: string[]) => {
    const CHUNK = 200;
    for (let i = 0; i < documentIds.length; i += CHUNK) {
      const ids = documentIds.slice(i, i + CHUNK);
      const rows = await publishedRows(uid, { documentId: { $in: ids } });
      await trx(SEARCH_TABLE).where('uid', uid).whereIn('document_id', ids).delete();
      await insert(trx, uid, rows);
    }
  };

  /** A per-locale union of `select` over the index, for the locales that have query words. */
  const perLocale = (
    k: Knex,
    uid: string,
    q: string,
    locales: string[],
    branch: (qb: Knex.QueryBuilder, locale: string, words: ReturnType<typeof queryWords>) => Knex.QueryBuilder | null
  ): Knex.QueryBuilder | null => {
    const branches = [...new Set(locales)]
      .map((locale) => branch(k.queryBuilder(), locale, queryWords(q, locale)))
      .filter((b): b is Knex.QueryBuilder => b !== null);
    const [first, ...rest] = branches;
    if (!first) return null;
    return rest.length ? first.unionAll(rest, false) : first;
  };

  /** The codes of the locales configured in i18n. */
  const localeCodes = async (): Promise<string[]> =>
    (await strapiService(strapi, 'plugin::i18n.locales').find()).map((l) => l.code);

  return {
    /**
     * Creates the index (rebuilt empty when its format changed: the caller
     * then fills it, see bootstrap), its per-locale indexes for the locales
     * configured in i18n (PostgreSQL) and the read indexes.
     */
    async ensureSchema(): Promise<void> {
      await ensureSearchFormat(knex());
      await ensureLocaleIndexes(knex(), await localeCodes());
      const tables = Object.values(UID).map((uid) => strapi.db.metadata.get(uid).tableName);
      await ensureReadIndexes(knex(), tables);
    },

    /**
     * Re-indexes every published entry of one document (after a write to it);
     * after a write to a topic or an organisation, the documents that show its name.
     *
     * Runs in the caller's transaction when there is one: Strapi's document
     * service calls its middlewares inside the transaction of the action
     * (Content Manager publish, bulk publish...), and `strapi.db.transaction`
     * joins it through its AsyncLocalStorage context, so the index reads the
     * rows the action wrote and commits or rolls back with them. A separate
     * connection would wait for the one the caller holds (SQLite has one) and
     * could not see its uncommitted rows (PostgreSQL).
     */
    async indexDocument(uid: string, documentId: string): Promise<void> {
      const naming = NAMED_BY[uid];
      if (!isSearchable(uid) && !naming) return;
      await strapi.db.transaction(async ({ trx }) => {
        if (isSearchable(uid)) await reindexDocuments(trx, uid, [documentId]);
        for (const [target, relation] of naming ?? []) {
          const linked = (await strapi.db.query(target).findMany({
            where: { [relation]: { documentId }, publishedAt: { $notNull: true } },
            select: ['documentId'],
          })) as { documentId: string }[];
          await reindexDocuments(trx, target, [...new Set(linked.map((r) => r.documentId))]);
        }
      });
    },

    /**
     * Rebuilds the whole index (start-up after a format change, bench seeding)
     * in one transaction, the caller's when there is one: readers never see a
     * half-built index, and a rollback leaves the old one.
     *
     * `bulk` (PostgreSQL; bulk imports, the benchmark's load): the full-text
     * indexes are dropped for the rebuild and built once at its end, far
     * faster than keeping them up to date row by row at 100,000 practices;
     * searches wait for the rebuild meanwhile (the dropped index holds a lock on the table).
     */
    async reindexAll(options: { bulk?: boolean } = {}): Promise<void> {
      const bulk = options.bulk === true && clientOf(knex()) === 'postgres';
      const locales = bulk ? await localeCodes() : [];
      await strapi.db.transaction(async ({ trx }) => {
        if (bulk) await dropTextIndexes(trx);
        for (const uid of Object.keys(SEARCHABLE)) {
          await trx(SEARCH_TABLE).where('uid', uid).delete();
          for (let afterId = 0; ; ) {
            const rows = await publishedRows(uid, {}, { afterId, limit: 500 });
            const last = rows[rows.length - 1];
            if (!last) break;
            await insert(trx, uid, rows);
            afterId = last.id;
          }
        }
        if (bulk) {
          await createSearchSchema(trx);
          await ensureLocaleIndexes(trx, locales);
        }
      });
    },

    /** Entries in the index (all types and locales); in the caller's transaction when there is one. */
    async count(): Promise<number> {
      const res = (await onCurrent((k) => k(SEARCH_TABLE).count({ n: '*' }))) as { n: number | string }[];
      return Number(res[0]?.n ?? 0);
    },

    /**
     * On PostgreSQL, the number of documents matching `q` in the version the
     * reads choose (the first locale of `chain` the document has, see
     * locales/fallback.ts), each locale's words folded and stemmed for its
     * language, counted on the index alone: the index holds exactly the
     * published entries. Null on SQLite, whose FTS table cannot look up a
     * document's other locales cheaply, and when `q` has no word.
     */
    async countMatches(uid: string, q: string, chain: readonly string[]): Promise<number | null> {
      const k = knex();
      if (clientOf(k) === 'sqlite') return null;
      const texts = chain.map((l) => tsqueryText(queryWords(q, l)));
      if (texts.some((t) => !t)) return null;
      // One count per locale of the chain, added (not one OR): each reads its locale's partial
      // index; an earlier locale of the chain wins, read as an anti-join on (uid, document_id, locale).
      const parts = chain.map((l, i) => {
        const count = k(`${SEARCH_TABLE} as s`)
          .count({ n: '*' })
          .where('s.uid', uid)
          .andWhere('s.locale', l)
          .whereRaw(`s.tsv @@ to_tsquery('simple', ?)`, [texts[i] ?? '']);
        return i === 0
          ? count
          : count.whereNotExists(
              k(`${SEARCH_TABLE} as own`)
                .select(k.raw('1'))
                .whereRaw('own.uid = s.uid AND own.document_id = s.document_id')
                .whereIn('own.locale', chain.slice(0, i))
            );
      });
      const sum = parts.map(() => '(?)').join(' + ');
      const { rows } = (await k.raw(`SELECT ${sum} AS n`, parts)) as { rows: { n: number | string }[] };
      return Number(rows[0]?.n ?? 0);
    },

    /**
     * A subquery of (entry_id, rank) for published entries of `uid` in the
     * given locales matching `q` (each locale's words folded and stemmed for
     * its language, the last word also as a prefix); a lower rank is a better
     * match, title above summary above body above names (on PostgreSQL among
     * the RANKED_CANDIDATES newest matches of each locale; the others follow,
     * newest first, with rank 0). Without `rank` (for counting) only entry_id,
     * which spares the ranking.
     * Returns null when `q` has no searchable word.
     */
    matches(uid: string, q: string, locales: string[], options: { rank?: boolean } = {}): Knex.QueryBuilder | null {
      const k = knex();
      const withRank = options.rank !== false;
      if (clientOf(k) === 'sqlite') {
        return perLocale(k, uid, q, locales, (qb, locale, words) => {
          const expression = ftsExpression(words);
          if (!expression) return null;
          return qb
            .select('entry_id', ...(withRank ? [k.raw(`bm25(${SEARCH_TABLE}, 0, 0, 0, 0, 10.0, 4.0, 1.0, 0.5) AS rank`)] : []))
            .from(SEARCH_TABLE)
            .whereRaw(`${SEARCH_TABLE} MATCH ?`, [expression])
            .andWhere('uid', uid)
            .andWhere('locale', locale);
        });
      }
      return perLocale(k, uid, q, locales, (qb, locale, words) => {
        const text = tsqueryText(words);
        if (!text) return null;
        const matching = k
          .select(
            'entry_id',
            ...(withRank
              ? ['uid', k.raw(`to_tsquery('simple', ?) AS query`, [text]), k.raw('row_number() OVER (ORDER BY entry_id DESC) AS n')]
              : [])
          )
          .from(SEARCH_TABLE)
          .where('uid', uid)
          .andWhere('locale', locale)
          .whereRaw(`tsv @@ to_tsquery('simple', ?)`, [text]);
        if (!withRank) return matching;
        // ts_rank reads the whole tsvector of a row (out of line, compressed): on a common word
        // at 100,000 practices that is thousands of them per search. Only the newest
        // RANKED_CANDIDATES matches are ranked, their tsvector read again by primary key (so
        // that no tsvector goes through the sort); the others follow them, newest first.
        return qb
          .select(
            'c.entry_id',
            k.raw(`CASE WHEN c.n <= ${Number(RANKED_CANDIDATES)} THEN -1 - ts_rank(r.tsv, c.query) ELSE 0 END AS rank`)
          )
          .from(matching.as('c'))
          .leftJoin(`${SEARCH_TABLE} as r`, (j) =>
            j.on('r.uid', '=', 'c.uid').andOn('r.entry_id', '=', 'c.entry_id').andOn(k.raw(`c.n <= ${Number(RANKED_CANDIDATES)}`))
          );
      });
    },
  };
};

export type SearchIndex = ReturnType<typeof createSearchIndex>;
