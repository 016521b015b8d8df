import type { Knex } from 'knex';

/**
 * The full-text index of published practices, sessions and statements: one
 * row per published entry (per locale), kept up to date by the plugin's
 * document-service middleware.
 *   - SQLite: an FTS5 table ranked with bm25;
 *   - PostgreSQL: a tsvector per row, built with the text-search configuration
 *     of its language, under a GIN index.
 * Created by the app's migration in database/migrations, and by the plugin's
 * bootstrap on hosts that do not carry the migration.
 */
export const SEARCH_TABLE = 'solidarity_search';

export const clientOf = (knex: Knex): 'sqlite' | 'postgres' => {
  const client = String((knex.client as { config?: { client?: unknown } }).config?.client ?? '');
  return client.includes('pg') || client.includes('postgres') ? 'postgres' : 'sqlite';
};

export const createSearchSchema = async (knex: Knex): Promise<void> => {
  if (clientOf(knex) === 'sqlite') {
    await knex.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_TABLE} USING fts5(` +
        `entry_id UNINDEXED, uid UNINDEXED, document_id UNINDEXED, locale UNINDEXED, title, body, ` +
        `tokenize = 'unicode61 remove_diacritics 2')`
    );
    return;
  }
  await knex.raw(`
    CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (
      entry_id integer NOT NULL,
      uid varchar(255) NOT NULL,
      document_id varchar(255) NOT NULL,
      locale varchar(35) NOT NULL,
      config regconfig NOT NULL,
      tsv tsvector NOT NULL,
      PRIMARY KEY (uid, entry_id)
    )`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_tsv_idx ON ${SEARCH_TABLE} USING GIN (tsv)`);
  await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_doc_idx ON ${SEARCH_TABLE} (uid, document_id)`);
};

export const dropSearchSchema = async (knex: Knex): Promise<void> => {
  await knex.raw(`DROP TABLE IF EXISTS ${SEARCH_TABLE}`);
};

/** PostgreSQL text-search configuration for a locale ("simple" where PostgreSQL has no stemmer). */
export const pgConfigFor = (locale: string): string => {
  const map: Record<string, string> = {
    en: 'english',
    es: 'spanish',
    fr: 'french',
    el: 'greek',
    it: 'italian',
    pt: 'portuguese',
    de: 'german',
    nl: 'dutch',
    da: 'danish',
    sv: 'swedish',
    fi: 'finnish',
    hu: 'hungarian',
    ro: 'romanian',
    ru: 'russian',
    tr: 'turkish',
    ca: 'simple', // no Catalan stemmer in PostgreSQL: exact words, accents kept
  };
  return map[locale.split('-')[0] ?? ''] ?? 'simple';
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
