import path from 'path';
import { parse as parsePgUrl } from 'pg-connection-string';
import { registerUnicodeLower, type SqliteFunctionHost } from '../cms/server/src/search/sqlite-functions';

/** Thrown for a database setting that cannot work; its message is one line naming the variable. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export interface SqliteConnection {
  client: 'sqlite';
  connection: { filename: string };
  useNullAsDefault: true;
}

export interface PostgresConnection {
  client: 'postgres';
  connection: {
    connectionString?: string;
    host: string;
    port: number;
    database: string;
    user: string;
    password?: string;
    ssl: false | { rejectUnauthorized: boolean };
    schema: string;
  };
  pool: { min: number; max: number };
}

type Env = Record<string, string | undefined>;

const CLIENTS = ['sqlite', 'postgres'] as const;

const nonEmpty = (env: Env, key: string): string | undefined => {
  const v = env[key];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

const intFrom = (env: Env, key: string, fallback: number): number => {
  const raw = nonEmpty(env, key);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new DatabaseConfigError(`${key} must be a whole number, got "${raw}"`);
  return Number(raw);
};

/**
 * Reads the database settings from the environment. Pure, so the start script
 * can check them (and print one clear line) before Strapi boots.
 */
export const resolveDatabaseConnection = (
  env: Env,
  appRoot: string
): SqliteConnection | PostgresConnection => {
  const client = (nonEmpty(env, 'DATABASE_CLIENT') ?? 'sqlite').toLowerCase();
  const normalized = client === 'postgresql' || client === 'pg' ? 'postgres' : client;
  if (!(CLIENTS as readonly string[]).includes(normalized)) {
    throw new DatabaseConfigError(
      `DATABASE_CLIENT "${client}" is not supported: use one of ${CLIENTS.join(', ')}`
    );
  }

  if (normalized === 'sqlite') {
    const file = nonEmpty(env, 'DATABASE_FILENAME') ?? path.join('.tmp', 'data.db');
    return {
      client: 'sqlite',
      connection: { filename: path.resolve(appRoot, file) },
      useNullAsDefault: true,
    };
  }

  const sslEnabled = (nonEmpty(env, 'DATABASE_SSL') ?? 'false') === 'true';
  const ssl = sslEnabled
    ? { rejectUnauthorized: (nonEmpty(env, 'DATABASE_SSL_REJECT_UNAUTHORIZED') ?? 'true') === 'true' }
    : (false as const);
  const pool = { min: intFrom(env, 'DATABASE_POOL_MIN', 2), max: intFrom(env, 'DATABASE_POOL_MAX', 10) };
  const schema = nonEmpty(env, 'DATABASE_SCHEMA') ?? 'public';

  const url = nonEmpty(env, 'DATABASE_URL');
  if (url) {
    let parsed: ReturnType<typeof parsePgUrl>;
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
      parsed = parsePgUrl(url);
    } catch {
      throw new DatabaseConfigError(
        'DATABASE_URL is malformed: expected postgres://user:password@host:5432/database'
      );
    }
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
      throw new DatabaseConfigError(
        `DATABASE_URL must start with postgres:// or postgresql://, got "${protocol}"`
      );
    }
    if (!parsed.host || !parsed.database) {
      throw new DatabaseConfigError('DATABASE_URL is malformed: it must name a host and a database');
    }
    const port = parsed.port ? Number(parsed.port) : 5432;
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new DatabaseConfigError(`DATABASE_URL has an invalid port "${parsed.port ?? ''}"`);
    }
    return {
      client: 'postgres',
      connection: {
        host: parsed.host,
        port,
        database: parsed.database,
        user: parsed.user ?? 'postgres',
        password: parsed.password,
        ssl,
        schema,
      },
      pool,
    };
  }

  return {
    client: 'postgres',
    connection: {
      host: nonEmpty(env, 'DATABASE_HOST') ?? '127.0.0.1',
      port: intFrom(env, 'DATABASE_PORT', 5432),
      database: nonEmpty(env, 'DATABASE_NAME') ?? 'solidarity',
      user: nonEmpty(env, 'DATABASE_USERNAME') ?? 'postgres',
      password: nonEmpty(env, 'DATABASE_PASSWORD'),
      ssl,
      schema,
    },
    pool,
  };
};

/**
 * On every new SQLite connection: Unicode `lower()` (see registerUnicodeLower),
 * so that Strapi's case-insensitive filters fold Greek and accented letters.
 */
const sqlitePool = {
  afterCreate(connection: SqliteFunctionHost, done: (error: Error | null, connection: SqliteFunctionHost) => void) {
    try {
      registerUnicodeLower(connection);
      done(null, connection);
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)), connection);
    }
  },
};

export default () => {
  const resolved = resolveDatabaseConnection(process.env, process.cwd());
  return {
    connection: {
      ...resolved,
      ...(resolved.client === 'sqlite' ? { pool: sqlitePool } : {}),
      acquireConnectionTimeout: 10_000,
    },
  };
};
