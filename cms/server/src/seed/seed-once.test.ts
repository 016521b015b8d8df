import { spawn } from 'node:child_process';
import path from 'node:path';
import knex from 'knex';
import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase, postgresServer, testDatabaseClient, type TestDatabase } from '../../../../test/helpers/db';
import { APP_ROOT, startStrapi } from '../../../../test/helpers/strapi';
import type { SeedReport } from '.';
import * as demo from './data';

/**
 * Seeding once: two instances starting at the same moment on one empty
 * database load the demo content once, never twice (PostgreSQL advisory lock
 * around the check-then-seed; on SQLite the transaction). Each instance runs
 * in a process of its own, because Strapi keeps module-level state.
 */

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const INSTANCE = path.join(APP_ROOT, 'test', 'helpers', 'instance.cjs');

const boot = (env: NodeJS.ProcessEnv): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INSTANCE], { cwd: APP_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

/** Runs one SQL query on the test database, outside Strapi. */
const queryOf = (db: TestDatabase) => async (sql: string): Promise<Record<string, unknown>[]> => {
  const conn =
    testDatabaseClient() === 'sqlite'
      ? knex({ client: 'better-sqlite3', connection: { filename: db.env.DATABASE_FILENAME! }, useNullAsDefault: true })
      : knex({ client: 'pg', connection: { ...postgresServer(), database: db.env.DATABASE_NAME } });
  try {
    const result = (await conn.raw(sql)) as Record<string, unknown>[] | { rows: Record<string, unknown>[] };
    return Array.isArray(result) ? result : result.rows;
  } finally {
    await conn.destroy();
  }
};

const TABLES: [string, { slug: string }[]][] = [
  ['solidarity_topics', demo.topics],
  ['solidarity_organisations', demo.organisations],
  ['solidarity_calls', demo.calls],
  ['solidarity_practices', demo.practices],
  ['solidarity_sessions', demo.sessions],
  ['solidarity_statements', demo.statements],
];

describe('seeding once', () => {
  it('two instances starting together on an empty database load the demo content once', { timeout: 400_000 }, async () => {
    const db = await createTestDatabase();
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...db.env,
        NODE_ENV: 'test',
        SEED_DEMO: 'true',
        STRAPI_TELEMETRY_DISABLED: 'true',
        BROWSER: 'none',
        TEST_LOG_LEVEL: 'info',
      };
      const runs = await Promise.all([boot(env), boot(env)]);
      const report = runs.map((r) => `exit ${r.code}\n${r.stderr.slice(0, 2000)}\n${r.stdout.slice(-1000)}`).join('\n---\n');
      if (testDatabaseClient() === 'postgres') {
        // The startup lock serializes the boots: both instances start.
        for (const run of runs) expect(run.code, report).toBe(0);
      } else {
        // SQLite is one process per database file: Strapi's own schema creation is not safe with two
        // (the second may stop with "table already exists"), but at least one starts and nothing is seeded twice.
        expect(runs.some((r) => r.code === 0), report).toBe(true);
        for (const run of runs.filter((r) => r.code !== 0)) expect(run.stdout, report).not.toContain('"ready"');
      }
      // Exactly one of them loaded the demo content; the other found it there.
      expect(runs.filter((r) => r.stdout.includes('Demo content loaded')).length, report).toBe(1);

      const query = queryOf(db);
      for (const [table, records] of TABLES) {
        const slugs = new Set((await query(`select distinct slug from ${table}`)).map((r) => String(r.slug)));
        for (const { slug } of records) expect(slugs.has(slug), `${table} ${slug}`).toBe(true);
        // One document per slug, and per locale one draft and at most one published version.
        expect(await query(`select slug from ${table} group by slug having count(distinct document_id) > 1`), table).toEqual([]);
        expect(
          await query(
            `select slug, locale, count(*) as n from ${table} group by slug, locale, (published_at is null) having count(*) > 1`
          ),
          table
        ).toEqual([]);
      }
      // The demo admin, created by whichever instance got there first (Strapi locks the super admin role row), once.
      const admins = await query(`select email from admin_users`);
      expect(admins.map((a) => a.email)).toEqual(['admin@solidarity.example']);
    } finally {
      await db.drop();
    }
  });

  it('two seedings at once in one instance (start and `npm run seed`, say) load each record once', { timeout: 300_000 }, async () => {
    const app = await startStrapi({ demo: false });
    try {
      const seed = app.strapi.plugin('solidarity').service('seed') as unknown as { demo(): Promise<SeedReport> };
      const reports = await Promise.all([seed.demo(), seed.demo()]);
      const created = reports.map((r) => r.created.practice ?? 0).sort();
      // One of them created every demo practice; the other found them all.
      expect(created).toEqual([0, demo.practices.length]);
      const query = queryOf(app.db);
      for (const [table] of TABLES) {
        expect(await query(`select slug from ${table} group by slug having count(distinct document_id) > 1`), table).toEqual([]);
      }
      // Strapi emits the documents' events after the commit; let their queries finish before stopping.
      const pool = (app.strapi.db.connection as unknown as { client: { pool: { numUsed(): number; numPendingAcquires(): number } } })
        .client.pool; // knex's pool (tarn) is not in knex's public types
      await vi.waitFor(() => expect(pool.numUsed() + pool.numPendingAcquires()).toBe(0), { timeout: 120_000, interval: 200 });
    } finally {
      await app.stop();
    }
  });
});
