import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type TestDatabaseClient = 'sqlite' | 'postgres';

export const testDatabaseClient = (): TestDatabaseClient =>
  process.env.SOLIDARITY_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Server used for PostgreSQL runs; a database is created on it per test file. */
export const postgresServer = () => ({
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD,
});

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
  describe: string;
}

const adminQuery = async (sql: string): Promise<void> => {
  const client = new pg.Client({ ...postgresServer(), database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (testDatabaseClient() === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'solidarity-test-'));
    const filename = path.join(dir, 'test.db');
    return {
      describe: `sqlite ${filename}`,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const server = postgresServer();
  const name = `solidarity_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    describe: `postgres ${server.host}:${server.port}/${name}`,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: server.host,
      DATABASE_PORT: String(server.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: server.user,
      ...(server.password ? { DATABASE_PASSWORD: server.password } : {}),
      DATABASE_POOL_MIN: '0',
      DATABASE_POOL_MAX: '5',
    },
    async drop() {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
};
