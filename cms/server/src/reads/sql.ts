import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { clientOf } from '../search/ddl';

/**
 * Runs the SELECTs of the public list path (issue #12), their statements parsed and planned once
 * per connection rather than on every request:
 *   - on SQLite a statement is prepared once per connection and SQL text and kept (better-sqlite3
 *     statements are reusable; knex prepares every query anew, which costs as much as running
 *     these small queries);
 *   - on PostgreSQL each SQL text is a named prepared statement (the extended query protocol's
 *     Parse once per connection, then Bind and Execute: PostgreSQL docs 55.2.3, "Extended Query";
 *     node-postgres keeps the names a connection has parsed). Planning the loader's statements took
 *     about 3 ms of PostgreSQL's time per list at 100,000 practices (its statement log). A pooler in
 *     transaction mode that does not track prepared statements (pgbouncer before 1.21, or without
 *     `max_prepared_statements`) refuses them: the plugin's `database.preparedStatements: false`
 *     (env `DATABASE_PREPARED_STATEMENTS=false`) sends them unnamed (see `setPreparedStatements`).
 * Either way on a connection taken from and given back to knex's pool as knex itself does; knex's
 * `query` event is emitted for each, so that whatever counts the app's queries still sees them.
 */

/**
 * A bound value: a string or a number; on PostgreSQL also an array of numbers (node-postgres sends
 * it as an array literal, for `= ANY(?::integer[])`), which knex's `raw` would expand into a list.
 */
export type Binding = string | number | readonly number[];

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

/** A node-postgres connection (pg `Client`), as far as this uses it. */
interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Knex instances whose PostgreSQL statements are sent unnamed (see the top of this file). */
const unnamed = new WeakSet<Knex>();

/**
 * Whether the statements of `selectRows` and `selectBatch` on `k` (PostgreSQL) are prepared by
 * name (the default) or sent unnamed, as a pooler in transaction mode needs when it does not track
 * prepared statements (plugin option `database.preparedStatements`, set at bootstrap).
 */
export const setPreparedStatements = (k: Knex, prepared: boolean): void => {
  if (prepared) unnamed.delete(k);
  else unnamed.add(k);
};

/** A statement's PostgreSQL text (`$1`, `$2`... for `?`) and name (a hash of that text), by SQL text. */
const native = new Map<string, { name: string; text: string }>();
const MAX_NATIVE = 2000;

/**
 * `sql` with PostgreSQL's numbered placeholders, and a name for it: `solidarity_` and 24 hex digits of
 * the text's SHA-1, so that one text always has one name on every connection and two texts never
 * share one (node-postgres refuses a name parsed with another text). `sql` is this module's callers'
 * own: no `?` inside a literal or an identifier.
 */
const nativeOf = (sql: string): { name: string; text: string } => {
  const known = native.get(sql);
  if (known) return known;
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  const statement = { name: `solidarity_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
  if (native.size < MAX_NATIVE) native.set(sql, statement);
  return statement;
};

/** The rows of `sql` on a PostgreSQL connection of `k`'s pool, as a named prepared statement unless turned off. */
const pgRows = async (k: Knex, sql: string, bindings: readonly Binding[]): Promise<Record<string, unknown>[]> => {
  // knex's client holds the pool; its declared type does not name these members
  const client = k.client as unknown as PoolClient;
  client.emit('query', { method: 'select', sql, bindings, options: {} });
  const { name, text } = nativeOf(sql);
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    const values = [...bindings];
    return (await connection.query(unnamed.has(k) ? { text, values } : { name, text, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
};

/**
 * The rows of `sql` (`?` placeholders, identifiers quoted with double quotes: both databases read
 * it) with `bindings` (numbers and strings; arrays of numbers on PostgreSQL only).
 */
export const selectRows = async (k: Knex, sql: string, bindings: readonly Binding[]): Promise<Record<string, unknown>[]> => {
  if (clientOf(k) !== 'sqlite') return pgRows(k, sql, bindings);
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
  queries: readonly { sql: string; bindings: readonly Binding[] }[]
): Promise<Record<string, unknown>[][]> => {
  if (clientOf(k) !== 'sqlite') return Promise.all(queries.map((q) => pgRows(k, q.sql, q.bindings)));
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
