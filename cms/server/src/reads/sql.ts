import type { Knex } from 'knex';
import { clientOf } from '../search/ddl';

/**
 * Runs the SELECTs of the public list path (issue #12). On SQLite a statement is prepared once
 * per connection and SQL text and kept (better-sqlite3 statements are reusable; knex prepares
 * every query anew, which costs as much as running these small queries), on a connection taken
 * from and given back to knex's pool as knex itself does; knex's `query` event is emitted for
 * each, so that whatever counts the app's queries still sees them. On PostgreSQL, `knex.raw`.
 */

/** A prepared better-sqlite3 statement, as far as this reads it. */
interface Statement {
  all(bindings: readonly unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): Statement;
}

/** Statements kept per connection (LRU); a list path has a few hundred distinct SQL texts at most. */
const MAX_STATEMENTS = 500;
const statements = new WeakMap<object, Map<string, Statement>>();

const prepared = (connection: SqliteConnection, sql: string): Statement => {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  const hit = cache.get(sql);
  if (hit) {
    // most recently used last
    cache.delete(sql);
    cache.set(sql, hit);
    return hit;
  }
  const statement = connection.prepare(sql);
  if (cache.size >= MAX_STATEMENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(sql, statement);
  return statement;
};

/** knex's pool and events, as far as this uses them (Knex.Client types them loosely). */
interface PoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
  emit(event: string, data: unknown): boolean;
}

/**
 * The rows of `sql` (`?` placeholders, identifiers quoted with double quotes: both databases read
 * it) with `bindings` (numbers and strings).
 */
export const selectRows = async (k: Knex, sql: string, bindings: readonly (string | number)[]): Promise<Record<string, unknown>[]> => {
  if (clientOf(k) !== 'sqlite') {
    const result = (await k.raw(sql, bindings as (string | number)[])) as { rows: Record<string, unknown>[] };
    return result.rows;
  }
  // knex's client holds the pool; its declared type does not name these members
  const client = k.client as unknown as PoolClient;
  client.emit('query', { method: 'select', sql, bindings, options: {} });
  const connection = await client.acquireConnection();
  try {
    return prepared(connection as SqliteConnection, sql).all(bindings) as Record<string, unknown>[];
  } finally {
    await client.releaseConnection(connection);
  }
};

/**
 * The rows of each of `queries` (as `selectRows` takes them), in order: on SQLite on one connection
 * taken from the pool once, on PostgreSQL concurrently (the pool's connections answer them side by side).
 */
export const selectBatch = async (
  k: Knex,
  queries: readonly { sql: string; bindings: readonly (string | number)[] }[]
): Promise<Record<string, unknown>[][]> => {
  if (clientOf(k) !== 'sqlite') return Promise.all(queries.map((q) => selectRows(k, q.sql, q.bindings)));
  const client = k.client as unknown as PoolClient;
  for (const q of queries) client.emit('query', { method: 'select', sql: q.sql, bindings: q.bindings, options: {} });
  const connection = await client.acquireConnection();
  try {
    return queries.map((q) => prepared(connection as SqliteConnection, q.sql).all(q.bindings) as Record<string, unknown>[]);
  } finally {
    await client.releaseConnection(connection);
  }
};

/** The rows of a knex SELECT, through `selectRows` (its SQL compiled by knex, its statement kept on SQLite). */
export const builderRows = async (k: Knex, query: Knex.QueryBuilder): Promise<Record<string, unknown>[]> => {
  if (clientOf(k) !== 'sqlite') return (await query) as Record<string, unknown>[];
  const { sql, bindings } = query.toSQL();
  return selectRows(
    k,
    sql,
    bindings.map((b) => (b instanceof Date ? b.valueOf() : typeof b === 'boolean' ? Number(b) : (b as string | number)))
  );
};

/** A quoted identifier (SQL standard double quotes, which SQLite and PostgreSQL both read). */
export const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** `?, ?, ?` for `n` values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
