import { describe, expect, it } from 'vitest';
import { DatabaseConfigError, resolveDatabaseConnection } from './database';

const root = '/srv/app';

describe('resolveDatabaseConnection', () => {
  it('defaults to a SQLite file under .tmp', () => {
    const conn = resolveDatabaseConnection({}, root);
    expect(conn).toEqual({
      client: 'sqlite',
      connection: { filename: '/srv/app/.tmp/data.db' },
      useNullAsDefault: true,
    });
  });

  it('reads a PostgreSQL URL', () => {
    const conn = resolveDatabaseConnection(
      { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://sse:s3cret@db.internal:6543/commons' },
      root
    );
    expect(conn.client).toBe('postgres');
    expect(conn.connection).toMatchObject({
      host: 'db.internal',
      port: 6543,
      database: 'commons',
      user: 'sse',
      password: 's3cret',
      ssl: false,
    });
  });

  it('reads PostgreSQL host, port and name variables', () => {
    const conn = resolveDatabaseConnection(
      { DATABASE_CLIENT: 'postgresql', DATABASE_HOST: 'pg', DATABASE_PORT: '5433', DATABASE_NAME: 'x' },
      root
    );
    expect(conn.connection).toMatchObject({ host: 'pg', port: 5433, database: 'x', user: 'postgres' });
  });

  it.each([
    [{ DATABASE_CLIENT: 'mongodb' }, /^DATABASE_CLIENT "mongodb" is not supported: use one of sqlite, postgres$/],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'not a url' }, /^DATABASE_URL is malformed/],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'mysql://u@h/db' }, /^DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://u@h' }, /^DATABASE_URL is malformed: it must name a host and a database$/],
    [{ DATABASE_CLIENT: 'postgres', DATABASE_PORT: 'five' }, /^DATABASE_PORT must be a whole number/],
  ])('rejects %o with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      resolveDatabaseConnection(env, root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
