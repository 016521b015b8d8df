// Helpers shared by the start, seed and test scripts (plain Node, no build needed).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const require = createRequire(import.meta.url);
const STAMP = path.join(ROOT, 'dist', '.solidarity-build');

const SOURCES = ['config', 'src', 'cms', 'database', 'tsconfig.json', 'package.json', 'package-lock.json'];
const IGNORED = new Set(['node_modules', 'dist', '.cache']);

/** A fingerprint of everything `strapi build` reads, so `npm start` rebuilds only when needed. */
export const sourceFingerprint = (sources = SOURCES) => {
  const hash = createHash('sha1');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!IGNORED.has(name)) walk(path.join(p, name));
    } else if (!p.endsWith('.test.ts')) {
      hash.update(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const s of sources) walk(path.join(ROOT, s));
  return hash.digest('hex');
};

const WIDGET_SOURCES = ['widgets/src', 'widgets/package.json', 'widgets/rollup.config.mjs', 'widgets/tsconfig.json'];
const WIDGET_STAMP = path.join(ROOT, 'widgets', 'dist', '.solidarity-build');

/** Builds the widget bundle (served at /widgets/solidarity.js) when its sources changed. */
export const ensureWidgets = () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'widgets', 'package.json'), 'utf8'));
  if (!pkg.scripts?.build) return;
  const fingerprint = sourceFingerprint(WIDGET_SOURCES);
  if (existsSync(path.join(ROOT, 'widgets', 'dist', 'solidarity.js')) && existsSync(WIDGET_STAMP) && readFileSync(WIDGET_STAMP, 'utf8') === fingerprint) return;
  console.log('Building the widgets...');
  const status = run('npm', ['run', '--silent', '-w', 'widgets', 'build']);
  if (status !== 0) {
    console.error('error: the widget build failed (see above).');
    process.exit(status);
  }
  writeFileSync(WIDGET_STAMP, fingerprint);
};

export const buildIsCurrent = () =>
  existsSync(path.join(ROOT, 'dist', 'build', 'index.html')) &&
  existsSync(STAMP) &&
  readFileSync(STAMP, 'utf8') === sourceFingerprint();

export const run = (cmd, args, opts = {}) => {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (res.error) throw res.error;
  return res.status ?? 1;
};

/** `strapi build` (server TypeScript + admin panel) when the sources changed since the last one. */
export const ensureBuild = () => {
  if (buildIsCurrent()) return;
  console.log('Building the app (server and admin panel); the first time this takes a few minutes (about 2-5)...');
  const started = Date.now();
  const status = run(process.execPath, [strapiBin(), 'build'], {
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (status !== 0) {
    console.error('error: the build failed (see above).');
    process.exit(status);
  }
  writeFileSync(STAMP, sourceFingerprint());
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
};

/** Compiles the server TypeScript (config + plugin) into dist/; incremental, so fast when current. */
export const compileServer = () => {
  const status = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json']);
  if (status !== 0) {
    console.error('error: the TypeScript build failed (see above).');
    process.exit(status);
  }
};

export const strapiBin = () => path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/**
 * Checks the database settings before Strapi boots, so a wrong variable or an
 * unreachable server gives one clear line instead of a stack trace.
 * Returns the resolved connection, or exits the process.
 */
export const checkDatabase = async () => {
  const compiled = path.join(ROOT, 'dist', 'config', 'database.js');
  const { resolveDatabaseConnection } = require(compiled);
  let conn;
  try {
    conn = resolveDatabaseConnection(process.env, ROOT);
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exit(2);
  }
  if (conn.client === 'postgres') {
    const pg = require('pg');
    const c = conn.connection;
    const variable = process.env.DATABASE_URL ? 'DATABASE_URL' : 'DATABASE_HOST/DATABASE_PORT/DATABASE_NAME';
    const client = new pg.Client({ ...c, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('select 1');
    } catch (error) {
      const why = error.code === '3D000' ? `database "${c.database}" does not exist (create it with: createdb ${c.database})` : (error.code ?? error.message);
      console.error(`error: ${variable}: cannot use PostgreSQL at ${c.host}:${c.port}/${c.database}: ${why}`);
      process.exit(2);
    } finally {
      await client.end().catch(() => {});
    }
  }
  return conn;
};

/** The PostgreSQL server tests, benchmarks and the durability check use (TEST_PG_* to change it). */
export const testPostgres = () => ({
  host: process.env.TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_PG_PORT ?? 5432),
  user: process.env.TEST_PG_USER ?? 'postgres',
  password: process.env.TEST_PG_PASSWORD,
});

/**
 * The directory of the test server's Unix socket (`.s.PGSQL.<port>`, PostgreSQL docs 20.3,
 * unix_socket_directories) when the server is on this machine: TEST_PG_SOCKET_DIR, else Debian's
 * /var/run/postgresql or /tmp when the socket is there and TEST_PG_HOST is local. Null otherwise.
 */
export const pgSocketDir = () => {
  const { host, port } = testPostgres();
  const candidates = process.env.TEST_PG_SOCKET_DIR
    ? [process.env.TEST_PG_SOCKET_DIR]
    : ['127.0.0.1', 'localhost', '::1'].includes(host)
      ? ['/var/run/postgresql', '/tmp']
      : [];
  return candidates.find((dir) => existsSync(path.join(dir, `.s.PGSQL.${port}`))) ?? null;
};

/** Runs one statement on the test server's `postgres` database. */
export const pgAdmin = async (sql) => {
  const pg = require('pg');
  const client = new pg.Client({ ...testPostgres(), database: 'postgres', connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
};

/** The app's DATABASE_* settings for database `name` on the test server `server` (testPostgres()). */
const postgresEnv = (server, name) => ({
  DATABASE_CLIENT: 'postgres',
  DATABASE_HOST: server.host,
  DATABASE_PORT: String(server.port),
  DATABASE_NAME: name,
  DATABASE_USERNAME: server.user,
  ...(server.password ? { DATABASE_PASSWORD: server.password } : {}),
});

/**
 * A PostgreSQL database on the test server kept between runs (created when
 * missing; `drop` leaves it): a benchmark loads it once and reuses it.
 * `env` holds the app's DATABASE_* settings. The name must be a plain
 * identifier (letters, digits, '_'), as it is written into SQL.
 */
export const keptDatabase = async (name) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${JSON.stringify(name)}`);
  const server = testPostgres();
  await pgAdmin(`CREATE DATABASE "${name}"`).catch((error) => {
    if (error.code !== '42P04') throw error; // 42P04: it exists, from an earlier run
  });
  return {
    label: 'postgres',
    env: postgresEnv(server, name),
    drop: async () => {},
  };
};

/**
 * A database made for one run and dropped after: a temp SQLite file, or a
 * uniquely named PostgreSQL database. `env` holds the app's DATABASE_* settings.
 */
export const throwAwayDatabase = async (client, label) => {
  if (client === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), `solidarity-${label}-`));
    return {
      label: 'sqlite',
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = testPostgres();
  const name = `solidarity_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`CREATE DATABASE "${name}"`);
  return {
    label: 'postgres',
    env: postgresEnv(server, name),
    drop: () => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {}),
  };
};
