import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { blocksToText } from '../seed/blocks';
import { UID } from '../content-types/uids';
import { SEARCH_TABLE, clientOf, createSearchSchema, ensureReadIndexes, pgConfigFor } from './ddl';

/** Types with full-text search, and the fields that feed it. */
export const SEARCHABLE: Record<string, { title: string; text: string[]; blocks: string[] }> = {
  [UID.practice]: { title: 'title', text: ['summary', 'municipality', 'region'], blocks: ['body'] },
  [UID.session]: { title: 'title', text: ['summary'], blocks: ['description', 'minutes'] },
  [UID.statement]: { title: 'title', text: ['summary'], blocks: ['body'] },
};

export const isSearchable = (uid: string): boolean => uid in SEARCHABLE;

/** Words of a visitor's query, safe for FTS5 (no operators, each word a prefix). */
export const ftsQuery = (q: string): string | null => {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(' ');
};

type Row = Record<string, unknown> & { id: number; locale: string };

export const createSearchIndex = (strapi: Core.Strapi) => {
  const knex = (): Knex => strapi.db.connection;
  /**
   * Runs `work` on the caller's transaction when there is one (joining it, as
   * Strapi's own queries do), else on the pool. A raw `knex()` query inside a
   * transaction would wait for a second connection: SQLite has only one.
   */
  const onCurrent = async <T>(work: (k: Knex | Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.inTransaction() ? await strapi.db.transaction(({ trx }) => work(trx)) : work(knex());

  const textOf = (uid: string, row: Row) => {
    const spec = SEARCHABLE[uid];
    if (!spec) return { title: '', body: '' };
    const parts = [
      ...spec.text.map((f) => (typeof row[f] === 'string' ? (row[f] as string) : '')),
      ...spec.blocks.map((f) => {
        const v = row[f];
        return blocksToText(typeof v === 'string' ? safeJson(v) : v);
      }),
    ];
    return { title: String(row[spec.title] ?? ''), body: parts.filter(Boolean).join('\n') };
  };

  const publishedRows = async (uid: string, where: Record<string, unknown>): Promise<Row[]> => {
    const spec = SEARCHABLE[uid];
    if (!spec) return [];
    return (await strapi.db.query(uid).findMany({
      where: { ...where, publishedAt: { $notNull: true } },
      select: ['id', 'documentId', 'locale', spec.title, ...spec.text, ...spec.blocks],
    })) as Row[];
  };

  const BATCH = 100;
  const insert = async (trx: Knex | Knex.Transaction, uid: string, rows: Row[]) => {
    const sqlite = clientOf(knex()) === 'sqlite';
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const values: string[] = [];
      const bindings: Knex.RawBinding[] = [];
      for (const row of batch) {
        const { title, body } = textOf(uid, row);
        if (sqlite) {
          values.push('(?, ?, ?, ?, ?, ?)');
          bindings.push(row.id, uid, row.documentId as string, row.locale, title, body);
        } else {
          const config = pgConfigFor(row.locale);
          values.push(
            "(?, ?, ?, ?, ?::regconfig, setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B'))"
          );
          bindings.push(row.id, uid, row.documentId as string, row.locale, config, config, title, config, body);
        }
      }
      if (!values.length) continue;
      await trx.raw(
        sqlite
          ? `INSERT INTO ${SEARCH_TABLE} (entry_id, uid, document_id, locale, title, body) VALUES ${values.join(', ')}`
          : `INSERT INTO ${SEARCH_TABLE} (entry_id, uid, document_id, locale, config, tsv) VALUES ${values.join(', ')} ON CONFLICT (uid, entry_id) DO NOTHING`,
        bindings
      );
    }
  };

  return {
    async ensureSchema() {
      await createSearchSchema(knex());
      const tables = Object.values(UID).map(
        (uid) => strapi.db.metadata.get(uid).tableName
      );
      await ensureReadIndexes(knex(), tables);
    },

    /**
     * Re-indexes every published entry of one document (after a write to it).
     *
     * Runs in the caller's transaction when there is one: Strapi's document
     * service calls its middlewares inside the transaction of the action
     * (Content Manager publish, bulk publish...), and `strapi.db.transaction`
     * joins it through its AsyncLocalStorage context, so the index reads the
     * rows the action wrote and commits or rolls back with them. A separate
     * connection would wait for the one the caller holds (SQLite has one) and
     * could not see its uncommitted rows (PostgreSQL).
     */
    async indexDocument(uid: string, documentId: string) {
      if (!isSearchable(uid)) return;
      await strapi.db.transaction(async ({ trx }) => {
        const rows = await publishedRows(uid, { documentId });
        await trx.raw(`DELETE FROM ${SEARCH_TABLE} WHERE uid = ? AND document_id = ?`, [uid, documentId]);
        await insert(trx, uid, rows);
      });
    },

    /**
     * Rebuilds the whole index (start-up repair, bench seeding) in one
     * transaction, the caller's when there is one: readers never see a
     * half-built index, and a rollback leaves the old one.
     */
    async reindexAll() {
      await strapi.db.transaction(async ({ trx }) => {
        for (const uid of Object.keys(SEARCHABLE)) {
          await trx.raw(`DELETE FROM ${SEARCH_TABLE} WHERE uid = ?`, [uid]);
          const pageSize = 500;
          for (let offset = 0; ; offset += pageSize) {
            const rows = (await strapi.db.query(uid).findMany({
              where: { publishedAt: { $notNull: true } },
              select: ['id', 'documentId', 'locale', ...(() => {
                const s = SEARCHABLE[uid];
                return s ? [s.title, ...s.text, ...s.blocks] : [];
              })()],
              orderBy: { id: 'asc' },
              limit: pageSize,
              offset,
            })) as Row[];
            if (!rows.length) break;
            await insert(trx, uid, rows);
          }
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
     * locales/fallback.ts), counted on the index alone: the index holds
     * exactly the published entries. Null on SQLite, whose FTS table cannot
     * look up a document's other locales cheaply.
     */
    async countMatches(uid: string, q: string, chain: readonly string[]): Promise<number | null> {
      const k = knex();
      if (clientOf(k) === 'sqlite' || !q.match(/[\p{L}\p{N}]/u)) return null;
      const matchIn = (l: string) =>
        k.raw(`(s.locale = ? AND s.tsv @@ websearch_to_tsquery(?::regconfig, ?))`, [l, pgConfigFor(l), q]);
      const query = k(`${SEARCH_TABLE} as s`).where('s.uid', uid);
      query.where((w) => {
        chain.forEach((locale, i) => {
          w.orWhere((branch) => {
            branch.where(matchIn(locale));
            // an earlier locale of the chain wins: this version is not the one shown
            if (i > 0) {
              branch.whereNotExists(
                k(`${SEARCH_TABLE} as own`)
                  .select(k.raw('1'))
                  .whereRaw('own.uid = s.uid AND own.document_id = s.document_id')
                  .whereIn('own.locale', chain.slice(0, i))
              );
            }
          });
        });
      });
      const [row] = (await query.count({ n: '*' })) as { n: number | string }[];
      return Number(row?.n ?? 0);
    },

    /**
     * A subquery of (entry_id, rank) for published entries of `uid` in the
     * given locales matching `q`; a lower rank is a better match. Without
     * `rank` (for counting) only entry_id, which spares the ranking.
     * Returns null when `q` has no searchable word.
     */
    matches(uid: string, q: string, locales: string[], options: { rank?: boolean } = {}): Knex.QueryBuilder | null {
      const k = knex();
      const withRank = options.rank !== false;
      if (clientOf(k) === 'sqlite') {
        const query = ftsQuery(q);
        if (!query) return null;
        return k
          .select('entry_id', ...(withRank ? [k.raw(`bm25(${SEARCH_TABLE}, 0, 0, 0, 0, 10.0, 1.0) AS rank`)] : []))
          .from(SEARCH_TABLE)
          .whereRaw(`${SEARCH_TABLE} MATCH ?`, [query])
          .andWhere('uid', uid)
          .whereIn('locale', locales);
      }
      if (!q.match(/[\p{L}\p{N}]/u)) return null;
      const distinct = [...new Set(locales)];
      const rank = distinct
        .map(() => `CASE WHEN locale = ? THEN ts_rank(tsv, websearch_to_tsquery(?::regconfig, ?)) ELSE 0 END`)
        .join(' + ');
      const rankBindings = distinct.flatMap((locale) => [locale, pgConfigFor(locale), q]);
      const sub = k
        .select('entry_id', ...(withRank ? [k.raw(`-(${rank}) AS rank`, rankBindings)] : []))
        .from(SEARCH_TABLE)
        .where('uid', uid)
        .where((w) => {
          for (const locale of distinct) {
            w.orWhere((o) =>
              o.where('locale', locale).whereRaw(`tsv @@ websearch_to_tsquery(?::regconfig, ?)`, [pgConfigFor(locale), q])
            );
          }
        });
      return sub;
    },
  };
};

export type SearchIndex = ReturnType<typeof createSearchIndex>;

const safeJson = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};
