import Database from 'better-sqlite3';
import type { Core } from '@strapi/strapi';
import { selectRows } from '../reads/sql';

/**
 * Reads a plugin value of Strapi's core store (`strapi.store`) as last
 * committed, on SQLite, without going through knex's pool.
 *
 * Why: knex gives SQLite a single connection, and Strapi runs a Content
 * Manager publish (and the plugin's document-service middleware) inside one
 * transaction that holds that connection until it commits. A public read that
 * needs the content version (every ETag, every 304, every cached answer) would
 * wait for the whole publish, and fail with a KnexTimeoutError after 10 s if
 * the publish takes that long (issue #9). This reader opens a second,
 * read-only connection to the same file: SQLite's rollback journal keeps the
 * writer's pages private until it commits, so the reader sees the version of
 * the committed content, exactly as a PostgreSQL reader does. better-sqlite3 is
 * synchronous, so a read never interleaves with a commit of this process; the
 * busy timeout is 0, so a database locked by another process (or by a write
 * transaction large enough to spill to the file) answers "unknown" at once
 * instead of blocking the event loop.
 *
 * `read(key)` returns the stored string, null when there is no such row, or
 * undefined when it cannot answer (not SQLite, the file locked, any error):
 * the caller then reads through `strapi.store`.
 */
export const committedStoreReader = (strapi: Core.Strapi, plugin: string) => {
  let connection: Database | null = null;
  let statement: ReturnType<Database['prepare']> | null = null;
  let unavailable = strapi.db.dialect.client !== 'sqlite';

  const open = () => {
    const settings = (strapi.db.config.connection as { connection?: unknown }).connection;
    const filename = (settings as { filename?: unknown } | undefined)?.filename;
    if (typeof filename !== 'string' || filename === ':memory:') {
      unavailable = true;
      return null;
    }
    connection = new Database(filename, { readonly: true, fileMustExist: true, timeout: 0 });
    const table = strapi.db.metadata.get('strapi::core-store').tableName;
    // The row strapi.store({ type: 'plugin', name }).get({ key }) reads (core-store.js).
    statement = connection.prepare(
      `SELECT value, type FROM ${table} WHERE key = ? AND environment IS NULL AND tag IS NULL ORDER BY id LIMIT 1`
    );
    return statement;
  };

  return {
    read(key: string): string | null | undefined {
      if (unavailable) return undefined;
      try {
        const stmt = statement ?? open();
        if (!stmt) return undefined;
        const row = stmt.get(`plugin_${plugin}_${key}`) as { value: string | null; type: string | null } | undefined;
        if (!row) return null;
        if (row.type !== 'string' || row.value === null) return undefined;
        const value: unknown = JSON.parse(row.value);
        return typeof value === 'string' ? value : undefined;
      } catch {
        // SQLITE_BUSY (locked elsewhere), a file not created yet: read through the pool this time.
        return undefined;
      }
    },

    /** Closes the connection; later reads go through the pool. */
    close() {
      connection?.close();
      connection = null;
      statement = null;
      unavailable = true;
    },
  };
};

/**
 * Reads a plugin value of Strapi's core store on PostgreSQL as one named prepared statement
 * (reads/sql.ts `selectRows`) rather than through `strapi.store`, whose query engine costs about as
 * much CPU as a small list's whole read: every public GET reads the content version (issue #12).
 * Same row as `strapi.store({ type: 'plugin', name: plugin }).get({ key })` (Strapi's core-store.js).
 * Returns the stored string, null when there is no such row, or undefined when it cannot answer
 * (not PostgreSQL, a value that is not a string): the caller then reads through `strapi.store`.
 */
export const readStoreString = async (strapi: Core.Strapi, plugin: string, key: string): Promise<string | null | undefined> => {
  if (strapi.db.dialect.client !== 'postgres') return undefined;
  const table = strapi.db.metadata.get('strapi::core-store').tableName;
  const rows = (await selectRows(
    strapi.db.connection,
    `SELECT "value", "type" FROM "${table.replaceAll('"', '""')}" WHERE "key" = ? AND "environment" IS NULL AND "tag" IS NULL ORDER BY "id" LIMIT 1`,
    [`plugin_${plugin}_${key}`]
  )) as { value: string | null; type: string | null }[];
  const row = rows[0];
  if (!row) return null;
  if (row.type !== 'string' || row.value === null) return undefined;
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};
