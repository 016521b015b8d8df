import type { Knex } from 'knex';

/**
 * The full-text index of published practices, sessions and statements: one
 * row per published entry (per locale), kept up to date by the plugin's
 * document-service middleware. It holds terms, not text: folded and stemmed
 * in JavaScript (./text.ts), so that both databases match alike.
 *   - SQLite: `solidarity_search`, a plain table of the entries (entry_id, uid,
 *     document_id, locale), and SEARCH_TERMS_TABLE, a contentless FTS5 table
 *     whose row of the same rowid holds the entry's terms, a column per field
 *     (title, summary, body, extra: topic, organisation and place names),
 *     ranked with bm25. The rowid is the entry's id plus its scope (type and
 *     locale, SEARCH_SCOPES_TABLE) times SCOPE_SPAN, so that the entries of a
 *     type in a locale are one range of rowids, which FTS5 reads alone;
 *   - PostgreSQL: a tsvector per row (`tsv`), built with the `simple`
 *     configuration (no further folding or stemming), weights A title, B
 *     summary, C body, D extra, which ranking reads; and its lexemes alone
 *     (`terms`, generated: strip(tsv)) under the GIN indexes, which matching
 *     reads. Both are kept out of the table's rows (see `ensureNarrowRows`).
 * Created by the app's migration in database/migrations, and by the plugin's
 * bootstrap, which also rebuilds it when SEARCH_FORMAT changes.
 */
export const SEARCH_TABLE = 'solidarity_search';
/** PostgreSQL: the index of the table's rows by (uid, locale, entry_id), see `createSearchSchema`. */
export const SEARCH_SCOPE_INDEX = 'solidarity_search_scope_idx';
/** PostgreSQL: the index of a search's window, (uid, lower(locale), entry_id), see `createSearchSchema`. */
export const SEARCH_WINDOW_INDEX = 'solidarity_search_window_idx';
/** Key/value table of the index: `format` is the SEARCH_FORMAT the index was built with. */
export const SEARCH_META_TABLE = 'solidarity_search_meta';
/**
 * Version of what the index holds. Raise it whenever the table's shape or the
 * terms (folding, stemming, fields) change: on start an index of another
 * format is dropped and rebuilt from the published content.
 *   1: text indexed by each database's own tokenizer (no marker)
 *   2: folded and stemmed terms, fields title/summary/body/extra
 *   3: PostgreSQL rows also hold their document's published locales as marker
 *      lexemes (index.ts `localeMarker`), which the locale fallback reads
 *   4: the Catalan "l·l" typed with a full stop, hyphen, bullet or bullet
 *      operator is one word ("col.lectiu" as "col·lectiu"), indexed also as its parts
 *   5: `extra` holds the names of topics, organisations and the country in
 *      every configured locale (pages show documents through the locale fallback)
 *   6: SQLite: the entries in a plain table, their terms in a contentless FTS5
 *      table, rowids in one range per type and locale (issue #12: a common word
 *      was filtered on the type and locale of each of its matches in every
 *      locale, each read from FTS5's content table with the whole text:
 *      40-60 ms of CPU at 10,000 practices x 5 locales, 2-6 ms now)
 */
export const SEARCH_FORMAT = '6';
/**
 * The format a database's index is of: format 6 changed SQLite's layout only, so a PostgreSQL
 * index of format 5 is current (rebuilding 100,000 practices x 5 locales for nothing takes half an
 * hour of start-up).
 */
export const searchFormatOf = (knex: Knex): string => (clientOf(knex) === 'sqlite' ? SEARCH_FORMAT : '5');
/**
 * SQLite: the FTS5 table of the index's terms, one row per row of SEARCH_TABLE
 * (same rowid as its `id`), contentless (the terms are only matched and
 * ranked, never read back), `contentless_delete=1` (SQLite 3.43 or later;
 * better-sqlite3 bundles its own SQLite) so that a trigger deletes a row's
 * terms with the row.
 */
export const SEARCH_TERMS_TABLE = 'solidarity_search_terms';
/** SQLite: the scopes (uid, locale) of the index, numbered from 1 (see SCOPE_SPAN). */
export const SEARCH_SCOPES_TABLE = 'solidarity_search_scopes';
/**
 * SQLite: an index row's id (and its terms' rowid) is `scope * SCOPE_SPAN +
 * entry_id`: entry ids are below 2^32, and scope numbers stay far below 2^21,
 * so every id is an exact JavaScript number (below 2^53).
 */
export const SCOPE_SPAN = 2 ** 32;

/** The database client behind a knex instance. */
export const clientOf = (knex: Knex): 'sqlite' | 'postgres' => {
  const client = String((knex.client as { config?: { client?: unknown } }).config?.client ?? '');
  return client.includes('pg') || client.includes('postgres') ? 'postgres' : 'sqlite';
};

/** Creates the index table (of the current format) when missing. */
export const createSearchSchema = async (knex: Knex): Promise<void> => {
  if (clientOf(knex) === 'sqlite') {
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (id INTEGER PRIMARY KEY, entry_id integer NOT NULL, ` +
        `uid varchar(255) NOT NULL, document_id varchar(255) NOT NULL, locale varchar(35) NOT NULL)`
    );
    // (uid, document_id, locale): re-indexing a document finds its rows, and the locale fallback
    // looks up whether a document has an entry in an earlier locale of the chain (index.ts)
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_doc_locale_idx ON ${SEARCH_TABLE} (uid, document_id, locale)`);
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ${SEARCH_SCOPES_TABLE} (id INTEGER PRIMARY KEY, uid varchar(255) NOT NULL, ` +
        `locale varchar(35) NOT NULL, UNIQUE (uid, locale))`
    );
    await knex.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_TERMS_TABLE} USING fts5(title, summary, body, extra, ` +
        `content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0')`
    );
    await knex.raw(
      `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TERMS_TABLE}_delete AFTER DELETE ON ${SEARCH_TABLE} ` +
        `BEGIN DELETE FROM ${SEARCH_TERMS_TABLE} WHERE rowid = old.id; END`
    );
    return;
  }
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (
      entry_id integer NOT NULL,
      uid varchar(255) NOT NULL,
      document_id varchar(255) NOT NULL,
      locale varchar(35) NOT NULL,
      tsv tsvector NOT NULL,
      ${TERMS_COLUMN},
      PRIMARY KEY (uid, entry_id)
    ) WITH (${NARROW_ROW_OPTIONS.join(', ')})`);
  await ensureNarrowRows(knex);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_terms_idx ON ${SEARCH_TABLE} USING GIN (terms)`);
  // (uid, locale, entry_id): a locale's newest rows, the window a common word's newest matches are
  // read from (index.ts `windowFloors`), and the order the table is clustered in (`ensureStoredByLocale`)
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_SCOPE_INDEX} ON ${SEARCH_TABLE} (uid, locale, entry_id)`);
  // (uid, lower(locale), entry_id): the window itself, ANDed with a locale's GIN index (index.ts
  // `matches` with a floor). The scope index cannot be: PostgreSQL's planner does not AND two
  // bitmaps that use the same clause (choose_bitmap_and), and `locale = ?` is the partial GIN
  // index's predicate, so it ANDed the primary key's (uid, entry_id) range instead, all locales'
  // rows of the window (5 times as many). `lower(locale) = lower(?)` is another clause: 1.5-2.5 ms
  // instead of 4.6-6 ms for a common word's window at 100,000 practices x 5 (EXPLAIN ANALYZE).
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_WINDOW_INDEX} ON ${SEARCH_TABLE} (uid, lower(locale), entry_id)`);
  // (uid, document_id, locale): re-indexing a document finds its rows (the locale fallback reads marker terms, index.ts)
  await knex.raw(`DROP INDEX IF EXISTS ${SEARCH_TABLE}_doc_idx`);
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_doc_locale_idx ON ${SEARCH_TABLE} (uid, document_id, locale)`
  );
};

/**
 * PostgreSQL: the lexemes of `tsv` without positions nor weights, what the
 * GIN indexes hold and `@@` reads (a query without weights matches the same
 * rows in both); written by the database itself, so no insert names it.
 */
const TERMS_COLUMN = 'terms tsvector GENERATED ALWAYS AS (strip(tsv)) STORED';

/**
 * PostgreSQL storage parameters of the index table:
 *   - toast_tuple_target = 128: a row longer than PostgreSQL's 2 KB toast
 *     threshold (tsv and terms together: nearly every row) keeps both vectors
 *     out of line, in the TOAST table, and is about 130 bytes. A common word
 *     matches a tenth of the rows, and the matches are read (their entry_id,
 *     to take the newest, and to count them) from the table's pages: at
 *     100,000 practices x 5 locales, 450 MB of rows with the vectors inline
 *     (read from disk or the OS cache, page by page) against 65 MB without
 *     (which stay in shared buffers). Ranking reads `tsv` of at most
 *     RANKED_CANDIDATES rows (index.ts), and a match needs no row's vector:
 *     the GIN indexes answer `@@` exactly (no recheck, see `ensureLocaleIndexes`).
 *   - parallel_workers = 0: no parallel scans of it. A search reads a few
 *     thousand small rows; starting workers costs more than that, and far more
 *     on a busy machine (80 ms of a 100 ms search at 4 concurrent searches,
 *     EXPLAIN ANALYZE, issue #12).
 */
const NARROW_ROW_OPTIONS = ['toast_tuple_target = 128', 'parallel_workers = 0'];

/**
 * PostgreSQL: brings an index table of an earlier layout (the vectors inline,
 * no `terms` column; same SEARCH_FORMAT, same terms) to the current one, in
 * place and without recomputing any term: its GIN indexes on `tsv` are
 * dropped (the caller creates those on `terms`, under other names, so that an
 * earlier version of the app started on the same database builds its own
 * again rather than taking these for them), the storage parameters set and
 * `terms` added, which rewrites the table once with both vectors out of line
 * (a few minutes at 100,000 practices x 5 locales). Does nothing to a table
 * of the current layout, so it runs on every start.
 */
export const ensureNarrowRows = async (knex: Knex | Knex.Transaction): Promise<void> => {
  const { rows } = (await knex.raw(
    `SELECT a.attname, a.attstorage, c.reloptions FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.oid = to_regclass(?) AND a.attname IN ('tsv', 'terms') AND NOT a.attisdropped`,
    [SEARCH_TABLE]
  )) as { rows: { attname: string; attstorage: string; reloptions: string[] | null }[] };
  // GIN indexes on `tsv` (an earlier layout's, or created by an earlier version of the app since):
  // searches no longer read them, and each would be updated on every write
  const old = (await knex.raw(
    `SELECT indexname FROM pg_indexes WHERE tablename = ? AND indexdef LIKE '%USING gin (tsv)%'`,
    [SEARCH_TABLE]
  )) as { rows: { indexname: string }[] };
  for (const { indexname } of old.rows) await knex.raw(`DROP INDEX IF EXISTS "${indexname}"`);
  if (!rows.some((r) => r.attname === 'terms')) {
    await knex.raw(
      `ALTER TABLE ${SEARCH_TABLE} SET (${NARROW_ROW_OPTIONS.join(', ')}), ALTER COLUMN tsv SET STORAGE EXTERNAL, ADD COLUMN ${TERMS_COLUMN}`
    );
    // statistics of the new column, for the planner's estimate of a search's matches
    await knex.raw(`ANALYZE ${SEARCH_TABLE}`);
  }
  const options = rows[0]?.reloptions ?? [];
  if (NARROW_ROW_OPTIONS.some((o) => !options.includes(o.replace(/ /g, '')))) {
    await knex.raw(`ALTER TABLE ${SEARCH_TABLE} SET (${NARROW_ROW_OPTIONS.join(', ')})`);
  }
  // external: out of line uncompressed (tsvectors compress little; ranking reads them without decompressing)
  if (rows.length < 2 || rows.some((r) => r.attstorage !== 'e')) {
    await knex.raw(`ALTER TABLE ${SEARCH_TABLE} ALTER COLUMN tsv SET STORAGE EXTERNAL, ALTER COLUMN terms SET STORAGE EXTERNAL`);
  }
};

/**
 * PostgreSQL: stores the index's rows in (uid, locale, entry_id) order, once
 * (CLUSTER on SEARCH_SCOPE_INDEX; then the meta row `layout` = `by-locale`):
 * a search reads one locale's matches, which then lie on that locale's pages
 * of the table, not on every page (a common word's count at 100,000 practices
 * x 5 locales: 1,550 pages read instead of 7,600, 6.5 ms instead of 18,
 * EXPLAIN ANALYZE, issue #12). An index of an earlier version is rewritten so
 * at its first start (about a minute and a half at 100,000 practices x 5,
 * under the startup lock; a table created empty, instantly). Rows written
 * later go where there is room; a full rebuild writes locale by locale
 * (index.ts `reindexAll`). Runs on every start; does nothing once done.
 */
export const ensureStoredByLocale = async (knex: Knex): Promise<void> => {
  if (clientOf(knex) === 'sqlite') return;
  const rows = (await knex(SEARCH_META_TABLE).select('value').where('name', 'layout')) as { value: string }[];
  if (rows[0]?.value === 'by-locale') return;
  await knex.raw(`CLUSTER ${SEARCH_TABLE} USING ${SEARCH_SCOPE_INDEX}`);
  await knex.raw(`ANALYZE ${SEARCH_TABLE}`);
  await knex(SEARCH_META_TABLE).where('name', 'layout').delete();
  await knex(SEARCH_META_TABLE).insert({ name: 'layout', value: 'by-locale' });
};

/** Locale codes as i18n has them (`en`, `pt-BR`): the only ones written into index DDL. */
const LOCALE_CODE = /^[A-Za-z0-9-]{1,35}$/;

/** The name of the partial full-text index of one locale. */
export const localeIndexName = (locale: string): string =>
  `${SEARCH_TABLE}_terms_${locale.toLowerCase().replace(/-/g, '_')}_idx`;

/**
 * On PostgreSQL, one partial GIN index per configured locale (`WHERE locale =
 * '<code>'`), created when missing: every search filters one locale, and a
 * common word then reads only that locale's posting list (a tenth of 100,000
 * practices) instead of every locale's, exactly (no lossy bitmap). The
 * table-wide index stays for locales added later (until the next start).
 * On `terms` (see `createSearchSchema`): a query without weights is answered
 * by the index alone, the rows' vectors never read to check a match.
 * Codes other than letters, digits and '-' are skipped (never written into DDL).
 */
export const ensureLocaleIndexes = async (knex: Knex, locales: string[]): Promise<void> => {
  if (clientOf(knex) === 'sqlite') return;
  for (const locale of new Set(locales)) {
    if (!LOCALE_CODE.test(locale)) continue;
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${localeIndexName(locale)} ON ${SEARCH_TABLE} USING GIN (terms) WHERE locale = '${locale}'`
    );
  }
};

/**
 * On PostgreSQL, drops the full-text indexes (table-wide and per locale), for
 * a bulk rebuild of the index that builds them again afterwards (one build is
 * far cheaper than keeping them up to date row by row).
 */
export const dropTextIndexes = async (knex: Knex | Knex.Transaction): Promise<void> => {
  const rows = (await knex.raw(
    `SELECT indexname FROM pg_indexes WHERE tablename = ? AND indexdef LIKE '%USING gin%'`,
    [SEARCH_TABLE]
  )) as { rows: { indexname: string }[] };
  for (const { indexname } of rows.rows) await knex.raw(`DROP INDEX IF EXISTS "${indexname}"`);
};

/** Drops the index and its format marker (the migration's `down`). */
export const dropSearchSchema = async (knex: Knex): Promise<void> => {
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_TABLE}`);
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_TERMS_TABLE}`);
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_SCOPES_TABLE}`);
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_META_TABLE}`);
};

/**
 * Makes sure the index is of SEARCH_FORMAT: one of another format (or of
 * unknown format: the first version had no marker) is dropped and created
 * anew, empty, for the caller to fill. Returns true when it did so. Runs at
 * start-up, under the startup lock on PostgreSQL, so two instances never
 * rebuild at once.
 */
export const ensureSearchFormat = async (knex: Knex): Promise<boolean> => {
  await knex.raw(
    `CREATE TABLE IF NOT EXISTS ${SEARCH_META_TABLE} (name varchar(64) PRIMARY KEY, value varchar(255) NOT NULL)`
  );
  const rows = (await knex(SEARCH_META_TABLE).select('value').where('name', 'format')) as { value: string }[];
  if (rows[0]?.value === searchFormatOf(knex)) {
    await createSearchSchema(knex);
    return false;
  }
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_TABLE}`);
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_TERMS_TABLE}`);
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_SCOPES_TABLE}`);
  await createSearchSchema(knex);
  await knex(SEARCH_META_TABLE).where('name', 'format').delete();
  await knex(SEARCH_META_TABLE).insert({ name: 'format', value: searchFormatOf(knex) });
  return true;
};

/**
 * Indexes for public reads: published rows of a locale, newest first, with
 * their document (covering the locale-fallback anti-join). Strapi
 * only indexes (document_id, locale, published_at); created after its schema
 * sync on every start (IF NOT EXISTS), so a sync can never leave them out.
 */
export const ensureReadIndexes = async (knex: Knex, tables: string[]): Promise<void> => {
  for (const table of tables) {
    await knex.raw(`DROP INDEX IF EXISTS ${table}_public_idx`); // its first version, without document_id
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${table}_public_read_idx ON ${table} (locale, published_at, document_id)`
    );
  }
};
