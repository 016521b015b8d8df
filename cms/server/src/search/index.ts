import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { blocksToText } from '../seed/blocks';
import { UID } from '../content-types/uids';
import { strapiService } from '../services/strapi-services';
import {
  SCOPE_SPAN,
  SEARCH_SCOPES_TABLE,
  SEARCH_TABLE,
  SEARCH_TERMS_TABLE,
  clientOf,
  createSearchSchema,
  dropTextIndexes,
  ensureLocaleIndexes,
  ensureReadIndexes,
  ensureSearchFormat,
  ensureStoredByLocale,
} from './ddl';
import { documentTerms, ftsExpression, queryWords, tsqueryText } from './text';
import { selectRows } from '../reads/sql';

/**
 * Types with full-text search, and the fields that feed it:
 *   - `title` (ranked first), `summary` (second), `body` (plain text or blocks, third);
 *   - `extra` (ranked last): place names, the names of related topics and
 *     organisations and the country's name, in every configured locale (see
 *     `termsOf`).
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

/** Whether searchable types index the names of `uid`'s documents (topics, organisations). */
export const isNamedBySearchable = (uid: string): boolean => uid in NAMED_BY;

/**
 * Documents to re-index, by searchable content-type uid: those that showed a
 * topic's or an organisation's names before a write that may withdraw them.
 */
export type LinkedDocuments = Map<string, string[]>;

/**
 * On PostgreSQL, how many matches of a search (per locale, the newest) are
 * ranked by relevance; the rest follow, newest first. Bounds the cost of a
 * common word at 100,000 practices (issue #12: p95 under 50 ms): ts_rank reads
 * each candidate's weighted vector out of line; with 300 candidates a common
 * word's p95 was 57-62 ms at 4 connections, with 100 44-49 ms
 * (scripts/bench-search.mjs, 2026-12-08). SQLite ranks
 * every match (FTS5's bm25 reads its own compact index: 5 ms of CPU for the
 * 2,400 matches of a common word in a locale at 10,000 practices x 5).
 */
export const RANKED_CANDIDATES = 100;

type Row = Record<string, unknown> & { id: number; documentId: string; locale: string };


/**
 * On PostgreSQL, every index row also holds one marker lexeme per locale its
 * document is published in (`§en`, `§ca`...; written with `array_to_tsvector`,
 * so never parsed, and no query word can be one: queries are made of letters
 * and digits, ./text.ts). The locale fallback's "no published version in an
 * earlier locale of the chain" is then `terms @@ (q && !'§<earlier>')` on the
 * same GIN index as the words, instead of a lookup of the document per match
 * (about 1 s for a common word at 100,000 practices x 5 locales).
 * A document's markers change with any of its locales: indexDocument re-indexes
 * all its published entries on every write.
 */
export const localeMarker = (locale: string): string => `§${locale}`;

/**
 * The tsquery text (for a `::tsquery` cast, which does not normalise) excluding
 * the documents published in any of `locales`; null for none. Locale codes hold
 * no quote (i18n codes: letters, digits, '-'); any other one is refused.
 */
export const excludeLocalesQuery = (locales: readonly string[]): string | null => {
  if (!locales.length) return null;
  return locales
    .map((l) => {
      if (!/^[A-Za-z0-9_-]{1,35}$/.test(l)) throw new Error(`Unexpected locale code ${JSON.stringify(l)}`);
      return `!'${localeMarker(l)}'`;
    })
    .join(' & ');
};

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

/**
 * What the names of an entry's extra field are read from: `names(rel,
 * documentId)` the names of every published locale of a related document
 * (its version in the entry's locale first); `locales` the configured locales.
 */
interface NameSource {
  names(relation: string, documentId: string): string[];
  locales: readonly string[];
}

/**
 * How many characters of terms each field indexes, on both databases alike. A PostgreSQL tsvector
 * holds at most 1 MB ("string is too long for tsvector", PostgreSQL docs 8.11.1): a body of 70,000
 * distinct words made its publish fail with a 500 and would fail every rebuild of the index. With
 * these caps the weighted vector stays well under it (a distinct word of 4 letters costs about 12
 * bytes of tsvector for 5 characters of terms); words past them are not searchable.
 */
export const MAX_TERMS = { title: 10_000, summary: 20_000, body: 200_000, extra: 50_000 } as const;

/** `terms` (words separated by spaces) cut to at most `max` characters, at a word's end. */
export const capped = (terms: string, max: number): string => {
  if (terms.length <= max) return terms;
  const cut = terms.lastIndexOf(' ', max);
  return terms.slice(0, cut > 0 ? cut : max);
};

/** The documents an entry links through `rel` (populated with their documentId). */
const linkedOf = (row: Row, rel: string): Record<string, unknown>[] => {
  const v = row[rel];
  return (Array.isArray(v) ? v : v ? [v] : []) as Record<string, unknown>[];
};

/**
 * The terms of one entry, per field. Its extra field holds the names of its
 * topics and organisations and of its country in every configured locale,
 * not only its own: an entry is also shown in other locales' pages (the
 * locale fallback), whose visitors search in their language (issue #12:
 * "Στέγαση" finds an English-only practice on a Greek page). Folded and
 * stemmed for the entry's language, as every query of its locale is.
 */
const termsOf = (uid: string, row: Row, source: NameSource) => {
  const spec = SEARCHABLE[uid];
  if (!spec) return { title: '', summary: '', body: '', extra: '' };
  const join = (fields: string[], text: (v: unknown) => string = plainText) =>
    fields.map((f) => text(row[f])).filter(Boolean).join('\n');
  const related = spec.relations.flatMap(([rel, label]) =>
    linkedOf(row, rel).flatMap((r) => {
      const own = typeof r[label] === 'string' ? (r[label] as string) : '';
      return typeof r.documentId === 'string' ? [own, ...source.names(rel, r.documentId)] : [own];
    })
  );
  const country = spec.country ? [row.locale, ...source.locales].map((l) => countryName(row[spec.country ?? ''], l)) : [];
  const extra = [...new Set([join(spec.extra), ...related, ...country].filter(Boolean))].join('\n');
  return {
    title: capped(documentTerms(String(row[spec.title] ?? ''), row.locale), MAX_TERMS.title),
    summary: capped(documentTerms(join(spec.summary), row.locale), MAX_TERMS.summary),
    body: capped(documentTerms(join(spec.body, blocksText), row.locale), MAX_TERMS.body),
    extra: capped(documentTerms(extra, row.locale), MAX_TERMS.extra),
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
      spec.relations.map(([rel, label]) => [rel, { select: [label, 'documentId'], where: { publishedAt: { $notNull: true } } }])
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

  /** The locales each of `documentIds` (of `uid`) is published in. */
  const publishedLocales = async (uid: string, documentIds: string[]): Promise<Map<string, string[]>> => {
    const out = new Map<string, string[]>();
    if (!documentIds.length) return out;
    const rows = (await strapi.db.query(uid).findMany({
      where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale'],
    })) as { documentId: string; locale: string }[];
    for (const r of rows) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r.locale]);
    return out;
  };

  /** The codes of the locales configured in i18n. */
  const localeCodes = async (): Promise<string[]> =>
    (await strapiService(strapi, 'plugin::i18n.locales').find()).map((l) => l.code);

  /**
   * The names of the documents `rows` link (topics, organisations) in every
   * locale they are published in, and the configured locales: what `termsOf`
   * indexes besides the entries' own text. One query per relation.
   */
  const nameSource = async (uid: string, rows: Row[]): Promise<NameSource> => {
    const spec = SEARCHABLE[uid];
    const byRelation = new Map<string, Map<string, string[]>>();
    for (const [rel, label] of spec?.relations ?? []) {
      const ids = [...new Set(rows.flatMap((r) => linkedOf(r, rel).map((d) => d.documentId)))].filter(
        (id): id is string => typeof id === 'string'
      );
      const names = new Map<string, string[]>();
      byRelation.set(rel, names);
      if (!ids.length) continue;
      const target = (strapi.contentType(uid as Parameters<typeof strapi.contentType>[0]).attributes as Record<string, { target?: string }>)[rel]?.target;
      if (!target) continue;
      const found = (await strapi.db.query(target).findMany({
        where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
        select: ['documentId', label],
      })) as Record<string, unknown>[];
      for (const d of found) {
        const name = d[label];
        if (typeof d.documentId === 'string' && typeof name === 'string') names.set(d.documentId, [...(names.get(d.documentId) ?? []), name]);
      }
    }
    return { names: (rel, documentId) => byRelation.get(rel)?.get(documentId) ?? [], locales: await localeCodes() };
  };

  /**
   * SQLite: the scope number of `uid` in each of `locales` (SEARCH_SCOPES_TABLE), numbering the
   * new ones. In the caller's transaction.
   */
  const scopesOf = async (trx: Knex | Knex.Transaction, uid: string, locales: string[]): Promise<Map<string, number>> => {
    const wanted = [...new Set(locales)];
    await trx.raw(
      `INSERT OR IGNORE INTO ${SEARCH_SCOPES_TABLE} (uid, locale) VALUES ${wanted.map(() => '(?, ?)').join(', ')}`,
      wanted.flatMap((l) => [uid, l])
    );
    const rows = (await trx(SEARCH_SCOPES_TABLE).select('id', 'locale').where('uid', uid).whereIn('locale', wanted)) as {
      id: number;
      locale: string;
    }[];
    return new Map(rows.map((r) => [r.locale, Number(r.id)]));
  };

  /**
   * SQLite: writes the entries of `rows` (at most 100: 5 bound values each in
   * one statement, SQLite's limit is 999 before 3.32) into SEARCH_TABLE and
   * their terms (`terms`) into SEARCH_TERMS_TABLE, both under the id
   * `scope * SCOPE_SPAN + entry id` (ddl.ts SCOPE_SPAN).
   */
  const insertSqlite = async (
    trx: Knex | Knex.Transaction,
    uid: string,
    rows: Row[],
    terms: (row: Row) => ReturnType<typeof termsOf>
  ): Promise<void> => {
    if (!rows.length) return;
    const scopes = await scopesOf(trx, uid, rows.map((r) => r.locale));
    const idOf = (row: Row): number => {
      const scope = scopes.get(row.locale);
      if (scope === undefined || !Number.isSafeInteger(row.id) || row.id < 0 || row.id >= SCOPE_SPAN) {
        throw new Error(`Cannot index entry ${row.id} of ${uid} (locale ${row.locale}): its id must be below 2^32`);
      }
      return scope * SCOPE_SPAN + row.id;
    };
    await trx.raw(
      `INSERT INTO ${SEARCH_TABLE} (id, entry_id, uid, document_id, locale) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      rows.flatMap((row) => [idOf(row), row.id, uid, row.documentId, row.locale])
    );
    const bindings: Knex.RawBinding[] = [];
    for (const row of rows) {
      const t = terms(row);
      bindings.push(idOf(row), t.title, t.summary, t.body, t.extra);
    }
    await trx.raw(
      `INSERT INTO ${SEARCH_TERMS_TABLE} (rowid, title, summary, body, extra) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
      bindings
    );
  };

  /**
   * Writes the index rows of `rows` (published entries). `markers`: the locales
   * each document is published in (PostgreSQL, see `localeMarker`); read here when not given.
   */
  const insert = async (trx: Knex | Knex.Transaction, uid: string, rows: Row[], markers?: Map<string, string[]>) => {
    const sqlite = clientOf(knex()) === 'sqlite';
    const locales = sqlite ? new Map<string, string[]>() : (markers ?? (await publishedLocales(uid, [...new Set(rows.map((r) => r.documentId))])));
    // rows a statement: 9 bound values each on PostgreSQL, 5 on SQLite (its limit is 999 values before 3.32)
    const perStatement = sqlite ? 100 : 500;
    const source = await nameSource(uid, rows);
    for (let i = 0; i < rows.length; i += perStatement) {
      const batch = rows.slice(i, i + perStatement);
      if (sqlite) {
        await insertSqlite(trx, uid, batch, (row) => termsOf(uid, row, source));
        continue;
      }
      const values: string[] = [];
      const bindings: Knex.RawBinding[] = [];
      for (const row of batch) {
        const t = termsOf(uid, row, source);
        values.push(
          "(?, ?, ?, ?, setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B') || " +
            "setweight(to_tsvector('simple', ?), 'C') || setweight(to_tsvector('simple', ?), 'D') || array_to_tsvector(?::text[]))"
        );
        // the row's own locale is always among its document's published ones
        const published = new Set([row.locale, ...(locales.get(row.documentId) ?? [])]);
        bindings.push(row.id, uid, row.documentId, row.locale, t.title, t.summary, t.body, t.extra, [...published].map(localeMarker));
      }
      if (!values.length) continue;
      await trx.raw(
        `INSERT INTO ${SEARCH_TABLE} (entry_id, uid, document_id, locale, tsv) VALUES ${values.join(', ')} ON CONFLICT (uid, entry_id) DO NOTHING`,
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
      // every published entry of these documents is in `rows`: their locales are the markers
      const markers = new Map<string, string[]>();
      for (const r of rows) markers.set(r.documentId, [...(markers.get(r.documentId) ?? []), r.locale]);
      await insert(trx, uid, rows, markers);
    }
  };

  /**
   * The `limit` newest (highest entry_id) rows of `found` (a query on the
   * index table), as (entry_id, uid). Ordered by `entry_id + 0`, not the
   * primary key's order: ordered by the key, the planner walks it backwards
   * testing each row until it has the newest matches (4.9 s for a word in 1% of
   * 100,000 practices, longer the rarer the word); by the expression it takes
   * the matches from the GIN index and keeps the newest in a bounded sort
   * (EXPLAIN ANALYZE, issue #12).
   */
  const newest = (found: Knex.QueryBuilder, limit: number): Knex.QueryBuilder =>
    found.select('entry_id', 'uid').orderByRaw('entry_id + 0 DESC').limit(limit);

  /**
   * A per-locale union of `select` over the index, for the locales that have
   * query words and, when `shown` is given, show any document (see `matches`).
   */
  const perLocale = (
    k: Knex,
    uid: string,
    q: string,
    locales: string[],
    shown: readonly number[] | undefined,
    branch: (
      qb: Knex.QueryBuilder,
      locale: string,
      words: ReturnType<typeof queryWords>,
      earlier: readonly string[]
    ) => Knex.QueryBuilder | null
  ): Knex.QueryBuilder | null => {
    const chain = [...new Set(locales)];
    const branches = chain
      .map((locale, i) =>
        shown !== undefined && shown[i] === 0 ? null : branch(k.queryBuilder(), locale, queryWords(q, locale), chain.slice(0, i))
      )
      .filter((b): b is Knex.QueryBuilder => b !== null);
    const [first, ...rest] = branches;
    if (!first) return null;
    return rest.length ? first.unionAll(rest, false) : first;
  };

  /**
   * The tsquery of `text` (tsqueryText) for the entries of a locale shown only
   * when their document has no published version in `earlier` (PostgreSQL).
   */
  const chainQuery = (k: Knex, text: string, earlier: readonly string[]): Knex.Raw => {
    const exclude = excludeLocalesQuery(earlier);
    return exclude
      ? k.raw(`(to_tsquery('simple', ?) && ?::tsquery)`, [text, exclude])
      : k.raw(`to_tsquery('simple', ?)`, [text]);
  };

  /**
   * SQLite: the entries of `uid` in `locale` matching `expression` (text.ts
   * `ftsExpression`) that the chain shows: their document has no entry (no
   * published version) in an earlier locale of the chain (`earlier`), looked
   * up on SEARCH_TABLE's (uid, document_id, locale) index. FTS5 reads only the
   * rowids of the scope of `uid` and `locale` (ddl.ts SCOPE_SPAN; none when
   * the scope has no entry), which give `entry_id` without a lookup. `rank`:
   * also `rank`, bm25 with weights title 10, summary 4, body 1, extra 0.5.
   * Without `select`, no column (for a count).
   */
  const sqliteBranch = (
    k: Knex,
    qb: Knex.QueryBuilder,
    uid: string,
    locale: string,
    expression: string,
    earlier: readonly string[],
    select: { rank: boolean } | null
  ): Knex.QueryBuilder => {
    const f = SEARCH_TERMS_TABLE;
    const scope = k(SEARCH_SCOPES_TABLE).where({ uid, locale });
    let query = qb
      .from(f)
      .whereRaw(`?? MATCH ?`, [f, expression])
      .whereRaw(`??.rowid BETWEEN (?) AND (?)`, [
        f,
        scope.clone().select(k.raw(`id * ${SCOPE_SPAN}`)),
        scope.clone().select(k.raw(`id * ${SCOPE_SPAN} + ${SCOPE_SPAN - 1}`)),
      ]);
    if (select) {
      query = query.select(
        k.raw(`??.rowid % ${SCOPE_SPAN} AS entry_id`, [f]),
        ...(select.rank ? [k.raw(`bm25(??, 10.0, 4.0, 1.0, 0.5) AS rank`, [f])] : [])
      );
    }
    if (earlier.length) {
      // CROSS JOIN: the terms first (SQLite's planner would otherwise walk the entries and match each)
      query = query.crossJoin(`${SEARCH_TABLE} as e`, `e.id`, `${f}.rowid`).whereNotExists(
        k(`${SEARCH_TABLE} as o`)
          .select(k.raw('1'))
          .whereRaw('o.uid = e.uid')
          .andWhereRaw('o.document_id = e.document_id')
          .whereIn('o.locale', [...earlier])
      );
    }
    return query;
  };

  /** The published searchable documents (by uid) that link a version of the topic or organisation `documentId` of `uid`. */
  const linkedDocuments = async (uid: string, documentId: string): Promise<LinkedDocuments> => {
    const out: LinkedDocuments = new Map();
    for (const [target, relation] of NAMED_BY[uid] ?? []) {
      const linked = (await strapi.db.query(target).findMany({
        where: { [relation]: { documentId }, publishedAt: { $notNull: true } },
        select: ['documentId'],
      })) as { documentId: string }[];
      out.set(target, [...new Set([...(out.get(target) ?? []), ...linked.map((r) => r.documentId)])]);
    }
    return out;
  };

  return {
    /**
     * Creates the index (rebuilt empty when its format changed: the caller
     * then fills it, see bootstrap), its per-locale indexes for the locales
     * configured in i18n (PostgreSQL) and the read indexes.
     */
    async ensureSchema(): Promise<void> {
      await ensureSearchFormat(knex());
      await ensureStoredByLocale(knex());
      await ensureLocaleIndexes(knex(), await localeCodes());
      const tables = Object.values(UID).map((uid) => strapi.db.metadata.get(uid).tableName);
      await ensureReadIndexes(knex(), tables);
    },

    /**
     * Re-indexes every published entry of one document (after a write to it);
     * after a write to a topic or an organisation, the documents that show its
     * name, and those of `linkedBefore` (see `linkedDocuments`), which showed it.
     *
     * Runs in the caller's transaction when there is one: Strapi's document
     * service calls its middlewares inside the transaction of the action
     * (Content Manager publish, bulk publish...), and `strapi.db.transaction`
     * joins it through its AsyncLocalStorage context, so the index reads the
     * rows the action wrote and commits or rolls back with them. A separate
     * connection would wait for the one the caller holds (SQLite has one) and
     * could not see its uncommitted rows (PostgreSQL).
     */
    async indexDocument(uid: string, documentId: string, linkedBefore?: LinkedDocuments): Promise<void> {
      if (!isSearchable(uid) && !isNamedBySearchable(uid)) return;
      await strapi.db.transaction(async ({ trx }) => {
        if (isSearchable(uid)) await reindexDocuments(trx, uid, [documentId]);
        const linked = await linkedDocuments(uid, documentId);
        for (const [target, ids] of linkedBefore ?? []) linked.set(target, [...new Set([...(linked.get(target) ?? []), ...ids])]);
        for (const [target, ids] of linked) await reindexDocuments(trx, target, ids);
      });
    },

    /**
     * The published documents that show the names of the topic or
     * organisation `documentId` of `uid` (empty for other types), read in the
     * caller's transaction before a write: unpublishing or deleting (a locale
     * of) it removes their links to its published version, so that afterwards
     * nothing says which documents still carry its name in the index. Pass the
     * answer to `indexDocument` after the write.
     */
    async linkedDocuments(uid: string, documentId: string): Promise<LinkedDocuments> {
      return isNamedBySearchable(uid) ? linkedDocuments(uid, documentId) : new Map();
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
          // Locale by locale: on PostgreSQL the rows are then stored in (uid, locale, entry_id) order,
          // so a search's matches in one locale lie on that locale's pages of the table only (a
          // common word's count read 7,600 pages at 100,000 practices x 5 locales stored in id
          // order, 1,550 in this order: 18 ms against 6.5, EXPLAIN ANALYZE, issue #12).
          const { tableName, attributes } = strapi.db.metadata.get(uid);
          const columnOf = (name: string) => (attributes[name] as { columnName?: string } | undefined)?.columnName ?? name;
          const locales = (
            (await trx(tableName).distinct(columnOf('locale')).whereNotNull(columnOf('publishedAt'))) as Record<string, string>[]
          )
            .map((r) => String(Object.values(r)[0]))
            .sort();
          for (const locale of locales) {
            for (let afterId = 0; ; ) {
              const rows = await publishedRows(uid, { locale }, { afterId, limit: 500 });
              const last = rows[rows.length - 1];
              if (!last) break;
              await insert(trx, uid, rows);
              afterId = last.id;
            }
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
     * On PostgreSQL, the index rows of the documents matching `q` in the
     * version the reads choose (the first locale of `chain` the document has,
     * see locales/fallback.ts), one query per locale of the chain (to count:
     * their sizes add up), each locale's words folded and stemmed for its
     * language: the index holds exactly the published entries. A locale that
     * shows no document (`shown`, see `matches`) has no query. On SQLite the
     * entries of the terms table's matches (see `sqliteBranch`). Null when `q`
     * has no word.
     */
    matchBranches(uid: string, q: string, chain: readonly string[], shown?: readonly number[]): Knex.QueryBuilder[] | null {
      const k = knex();
      if (clientOf(k) === 'sqlite') {
        const expressions = chain.map((l) => ftsExpression(queryWords(q, l)));
        if (expressions.some((e) => !e)) return null;
        return chain
          .map((l, i) => ({ l, i }))
          .filter(({ i }) => shown === undefined || shown[i] !== 0)
          .map(({ l, i }) => sqliteBranch(k, k.queryBuilder(), uid, l, expressions[i] ?? '', chain.slice(0, i), null));
      }
      const texts = chain.map((l) => tsqueryText(queryWords(q, l), { matching: true }));
      if (texts.some((t) => !t)) return null;
      // Each reads its locale's partial index's GIN alone (not one OR): an earlier locale of the
      // chain wins, read as its marker (see `localeMarker`). A locale that shows no document is
      // left out: its earlier locales' markers (posting lists of every document) are the costly part.
      return chain
        .map((l, i) => ({ l, i }))
        .filter(({ i }) => shown === undefined || shown[i] !== 0)
        .map(({ l, i }) =>
          k(`${SEARCH_TABLE} as s`)
            .where('s.uid', uid)
            .andWhere('s.locale', l)
            .whereRaw('s.terms @@ ?', [chainQuery(k, texts[i] ?? '', chain.slice(0, i))])
        );
    },

    /**
     * On PostgreSQL, the number of documents matching `q` in the version the
     * reads choose (the rows of `matchBranches`, counted in one statement).
     * Null on SQLite and when `q` has no word.
     */
    async countMatches(uid: string, q: string, chain: readonly string[], shown?: readonly number[]): Promise<number | null> {
      if (clientOf(knex()) === 'sqlite') return null;
      const branches = this.matchBranches(uid, q, chain, shown);
      if (!branches) return null;
      if (!branches.length) return 0;
      const parts = branches.map((b) => b.count({ n: '*' }));
      const sum = parts.map(() => '(?)').join(' + ');
      const { rows } = (await knex().raw(`SELECT ${sum} AS n`, parts)) as { rows: { n: number | string }[] };
      return Number(rows[0]?.n ?? 0);
    },

    /**
     * PostgreSQL: per branch of a plain search (its locale's place in `chain`),
     * an entry_id above which that locale's newest rows hold, by estimate, twice
     * the max(RANKED_CANDIDATES, bound) matches a page ranked by relevance needs
     * (`matches` with `floors`): the matches of a common word are then read from
     * those rows alone (a bitmap AND of the word's GIN posting list and the
     * rows' id range), not all of them (issue #12: 18,000 rows read for
     * `housing` in one locale at 100,000 practices x 5, to keep the newest 300).
     * `totals`: each branch's number of matches (counted, see `matchBranches`);
     * `rows`: per locale of the chain, its rows in the index (the documents
     * published in it, shown by that branch or hidden by an earlier locale:
     * the window is cut from all of them, so the share of matches among them
     * is the estimate's density). A branch gets a floor only when its window
     * holds at most as many rows as it has matches (with 100 candidates
     * needed, a word in more than about 1 in 22 documents; else reading all
     * its matches costs less than the window) and it has more than four times
     * the candidates it needs.
     * Each floor is one index-only read of the (uid, locale, entry_id) index
     * (ddl.ts `createSearchSchema`), through `remember` when given (the
     * caller's memo of the content version, keyed by type, locale and window:
     * the same floor serves every word of about the same frequency until the
     * next publish). Empty on SQLite.
     */
    async windowFloors(
      uid: string,
      chain: readonly string[],
      rows: readonly number[],
      totals: ReadonlyMap<number, number>,
      bound: number,
      remember: (key: string, read: () => Promise<number | null>) => Promise<number | null> = (_key, read) => read()
    ): Promise<Map<number, number>> {
      const floors = new Map<number, number>();
      const k = knex();
      if (clientOf(k) === 'sqlite') return floors;
      const needed = Math.max(RANKED_CANDIDATES, bound);
      for (const [i, total] of totals) {
        const stored = rows[i] ?? 0;
        const locale = chain[i];
        if (locale === undefined || total <= 4 * needed || stored <= 0) continue;
        // how many of the locale's newest rows are expected to hold 2 x `needed` matches; worth it only
        // when fewer than the matches: a window row costs about a fifth of a match (a bitmap entry
        // against a heap visit and a sort), and a window wider than the matches is no window (a word
        // in 1.6% of 100,000 practices: a window of 38,000 rows made its page 10 times slower; a
        // word in 10% with 300 needed, a window of 5,561 rows against 10,789 matches: 2.5 ms instead
        // of 8.4, EXPLAIN ANALYZE)
        const window = Math.ceil((2 * needed * stored) / total);
        if (window > total || window >= stored) continue;
        const floor = await remember(`window-floor\u0000${uid}\u0000${locale}\u0000${window}`, async () => {
          // a named prepared statement (reads/sql.ts): one text for every search
          const found = (await selectRows(
            k,
            `SELECT "entry_id" FROM "${SEARCH_TABLE}" WHERE "uid" = ? AND "locale" = ? ORDER BY "entry_id" DESC OFFSET ? LIMIT 1`,
            [uid, locale, window]
          )) as { entry_id: number | string }[];
          const id = found[0]?.entry_id;
          return id === undefined ? null : Number(id);
        });
        if (floor !== null) floors.set(i, floor);
      }
      return floors;
    },

    /**
     * A subquery of (entry_id, rank) for published entries of `uid` in the
     * given locales matching `q` (each locale's words folded and stemmed for
     * its language, the last word also as a prefix); a lower rank is a better
     * match, title above summary above body above names (on PostgreSQL among
     * the RANKED_CANDIDATES newest matches of each locale; the others follow,
     * newest first, with rank 0). Without `rank` (for counting) only entry_id,
     * which spares the ranking.
     * Each locale's branch holds only the entries the chain shows (no
     * published version in an earlier locale: on PostgreSQL see
     * `localeMarker`, on SQLite `sqliteBranch`). On PostgreSQL,
     * with `bound` (a page's offset + size, for a search with no other
     * filter) each branch keeps only its newest max(RANKED_CANDIDATES, bound)
     * matches: a page ordered by rank, then newest first, never needs more.
     * `shown` (optional, one number per locale of `locales`): how many
     * documents each locale's branch shows without the search (the list's
     * branch sizes, reads/repository.ts `chainCounts`); a locale showing none
     * (every document has a version in an earlier locale: the usual case, a
     * fully translated site) is left out, which spares its full-text scan (on
     * PostgreSQL with its earlier locales' markers, posting lists of every
     * document).
     * `floors` (PostgreSQL, with `bound`): per branch (its locale's place in
     * the chain), an entry_id that branch's matches are above (`windowFloors`):
     * the matches are read from that window of the newest rows alone. The
     * caller checks that each branch still has its newest max(RANKED_CANDIDATES,
     * bound) matches (or all of them) and asks again without a window when
     * not. With `bound`, each row also holds `branch`, its locale's place in the chain.
     * Returns null when `q` has no searchable word.
     */
    matches(
      uid: string,
      q: string,
      locales: string[],
      options: { rank?: boolean; bound?: number; shown?: readonly number[]; floors?: ReadonlyMap<number, number> } = {}
    ): Knex.QueryBuilder | null {
      const k = knex();
      const withRank = options.rank !== false;
      if (clientOf(k) === 'sqlite') {
        return perLocale(k, uid, q, locales, options.shown, (qb, locale, words, earlier) => {
          const expression = ftsExpression(words);
          if (!expression) return null;
          return sqliteBranch(k, qb, uid, locale, expression, earlier, { rank: withRank });
        });
      }
      return perLocale(k, uid, q, locales, options.shown, (qb, locale, words, earlier) => {
        const text = tsqueryText(words);
        // what the GIN index matches (no ranking: see tsqueryText); `text` ranks
        const match = tsqueryText(words, { matching: true });
        if (!text || !match) return null;
        // the matching rows (their lexemes in `terms`, answered by the GIN index alone, see ddl.ts); only
        // the entries the chain shows: the document has no published version in an earlier locale
        const floor = options.bound !== undefined ? options.floors?.get(earlier.length) : undefined;
        const found = () => {
          const rows = k.from(SEARCH_TABLE).where('uid', uid).andWhere('locale', locale).whereRaw('terms @@ ?', [chainQuery(k, match, earlier)]);
          // the window: on the (uid, lower(locale), entry_id) index, which the planner can AND with the
          // locale's GIN index (ddl.ts `createSearchSchema`); only with a floor, else that index would
          // read the locale's every row
          return floor === undefined ? rows : rows.andWhereRaw('lower("locale") = lower(?)', [locale]).andWhere('entry_id', '>', floor);
        };
        if (!withRank) {
          if (options.bound === undefined) return found().select('entry_id');
          return k.select('entry_id').from(newest(found(), Math.max(RANKED_CANDIDATES, options.bound)).as('m'));
        }
        // Numbered newest first: with `bound`, among the newest max(RANKED_CANDIDATES, bound) matches only
        // (a bounded sort of the matches, then the numbering of those), else among all of them (by
        // `entry_id + 0`, see `newest`).
        const withBranch = options.bound !== undefined;
        const numbered = (from: Knex.QueryBuilder) =>
          k
            .from(from)
            .select(
              'entry_id',
              'uid',
              k.raw(`to_tsquery('simple', ?) AS query`, [text]),
              k.raw('row_number() OVER (ORDER BY entry_id + 0 DESC) AS n')
            );
        const matching =
          options.bound === undefined
            ? numbered(found().select('entry_id', 'uid').as('f'))
            : numbered(newest(found(), Math.max(RANKED_CANDIDATES, options.bound)).as('f'));
        // ts_rank reads the whole tsvector of a row (out of line, see ddl.ts): on a common word
        // at 100,000 practices that is thousands of them per search. Only the newest
        // RANKED_CANDIDATES matches are ranked, their tsvector read by primary key (so
        // that no tsvector goes through the sort); the others follow them, newest first.
        return qb
          .select(
            'c.entry_id',
            k.raw(`CASE WHEN c.n <= ${Number(RANKED_CANDIDATES)} THEN -1 - ts_rank(r.tsv, c.query) ELSE 0 END AS rank`),
            // the branch: its locale's place in the chain (a literal: no binding in a select list)
            ...(withBranch ? [k.raw(`${Number(earlier.length)} AS branch`)] : [])
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
