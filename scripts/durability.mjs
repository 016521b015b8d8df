#!/usr/bin/env node
// `npm run test:durability`: is every submission the app acknowledged (202) really stored?
// Boots the app in a child process on a throw-away database (SQLite, and PostgreSQL when a
// server answers), sends a burst of submissions, SIGKILLs the server in the middle of it,
// restarts it on the same database and checks every acknowledged id, with its contact and
// topics. Prints the counts; exits non-zero when an acknowledged submission is missing.
//
//   node scripts/durability.mjs [--db sqlite|postgres|all] [--n 400] [--concurrency 40]
//                               [--kill-after 120] [--skip-compile]
//   node scripts/durability.mjs --server   (the child: prints "READY <port>")
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, compileServer, require, throwAwayDatabase } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
};

// ---------------------------------------------------------------- parent: the check
async function main() {
  const which = arg('db', 'all');
  const N = Number(arg('n', 400));
  const CONCURRENCY = Number(arg('concurrency', 40));
  const KILL_AFTER = Number(arg('kill-after', 120));
  if (!process.argv.includes('--skip-compile') && process.env.SOLIDARITY_SKIP_COMPILE !== '1') compileServer();

  const databases = [];
  if (which === 'sqlite' || which === 'all') databases.push(await throwAwayDatabase('sqlite', 'durability'));
  if (which === 'postgres' || which === 'all') {
    const pgDb = await throwAwayDatabase('postgres', 'durability').catch(() => null);
    if (pgDb) databases.push(pgDb);
    else if (which === 'postgres') {
      console.error('durability: PostgreSQL is not reachable (TEST_PG_HOST/TEST_PG_PORT)');
      process.exit(2);
    } else console.log('durability: PostgreSQL not reachable, skipped');
  }

  let failed = false;
  try {
    for (const db of databases) {
      let report;
      try {
        report = await run(db, { N, CONCURRENCY, KILL_AFTER });
      } catch (error) {
        failed = true;
        console.log(`durability ${db.label}: FAILED (${error.message})`);
        continue;
      }
      console.log(
        `durability ${db.label}: sent ${report.sent}, acknowledged ${report.acknowledged} (202), ` +
          `other answers ${report.otherAnswers}, lost at the kill ${report.lost}, not sent ${report.notSent}; ` +
          `after restart: ${report.complete} of the acknowledged stored complete, missing ${report.missing.length}, ` +
          `stored without an acknowledgement ${report.unacknowledged}; a new submission after the restart: ${report.afterRestart}`
      );
      if (report.missing.length) console.log(`  missing: ${report.missing.slice(0, 20).join(', ')}${report.missing.length > 20 ? ', ...' : ''}`);
      const ok = report.missing.length === 0 && report.killed && report.acknowledged > 0 && report.afterRestart === 202;
      if (!ok) failed = true;
      console.log(`durability ${db.label}: ${ok ? 'OK' : 'FAILED'}${report.killed ? '' : ' (the server was never killed)'}`);
    }
  } finally {
    for (const db of databases) await db.drop();
  }
  process.exit(failed ? 1 : 0);
}

function startServer(dbEnv) {
  const env = { ...process.env, ...dbEnv };
  for (const key of Object.keys(env)) if (key.startsWith('SMTP_') || key === 'REDIS_URL') delete env[key];
  Object.assign(env, {
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ALTCHA_ENABLED: 'false',
    SUBMISSIONS_RATE_IP_POINTS: '1000000',
    SUBMISSIONS_RATE_ORIGIN_POINTS: '1000000',
    SUBMISSIONS_RATE_ATTEMPTS_POINTS: '1000000',
  });
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'durability.mjs'), '--server'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 90 s:\n${stderr}`)), 90_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^READY (\d+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${stderr}`));
    });
  });
  return { child, ready, exited };
}

const submission = (i) => ({
  title: `Durability practice number ${i}`,
  summary: `A practice sent by the durability check, number ${i}.`,
  body: `First paragraph of ${i}.\n\nSecond paragraph.`,
  topics: ['housing', 'youth'],
  promoters: [{ name: `Durability cooperative ${i}` }],
  territory: { municipality: 'Vic', country: 'ES' },
  locale: 'en',
  contact: { name: 'Durable Person', email: `durable-${i}@example.org`, role: 'tester' },
  consent: true,
});

const post = (port, body) =>
  fetch(`http://127.0.0.1:${port}/api/solidarity/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${port}` },
    body: JSON.stringify(body),
  });

async function run(db, { N, CONCURRENCY, KILL_AFTER }) {
  const first = startServer(db.env);
  const port = await first.ready;
  const acknowledged = [];
  let sent = 0;
  let otherAnswers = 0;
  let lost = 0;
  let killed = false;
  let next = 0;
  const worker = async () => {
    while (next < N && !killed) {
      const i = next++;
      sent += 1;
      try {
        const res = await post(port, submission(i));
        const json = await res.json().catch(() => null);
        if (res.status === 202 && json?.data?.id) {
          acknowledged.push(json.data.id);
          if (acknowledged.length >= KILL_AFTER && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        } else otherAnswers += 1;
      } catch {
        lost += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (!killed) first.child.kill('SIGKILL'); // the burst ended first: reported as never killed mid-burst
  await first.exited;

  const second = startServer(db.env);
  try {
    const port2 = await second.ready;
    const check = await fetch(`http://127.0.0.1:${port2}/durability/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ids: acknowledged }),
    }).then((r) => r.json());
    const complete = new Set(check.complete);
    const missing = acknowledged.filter((id) => !complete.has(id));
    const afterRestart = (await post(port2, submission(N + 1))).status;
    return {
      sent,
      acknowledged: acknowledged.length,
      otherAnswers,
      lost,
      notSent: N - sent,
      complete: complete.size,
      missing,
      unacknowledged: Math.max(0, check.total - complete.size),
      afterRestart,
      killed,
    };
  } finally {
    second.child.kill('SIGTERM');
    const t = setTimeout(() => second.child.kill('SIGKILL'), 10_000);
    await second.exited;
    clearTimeout(t);
  }
}

// ---------------------------------------------------------------- child: the app
async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'error';
  await strapi.load();
  // What the parent checks after the restart, read through Strapi itself.
  strapi.server.routes([
    {
      method: 'POST',
      path: '/durability/check',
      config: { auth: false },
      handler: async (ctx) => {
        const ids = ctx.request.body?.ids ?? [];
        const rows = await strapi.db.query('plugin::solidarity.practice').findMany({
          where: { documentId: { $in: ids.length ? ids : ['-'] } },
          select: ['documentId', 'reviewStatus', 'source', 'publishedAt'],
          populate: { contact: { select: ['email'] }, topics: { select: ['slug'] } },
        });
        const complete = rows.filter(
          (r) => r.source === 'submission' && r.reviewStatus === 'submitted' && r.publishedAt === null && r.contact?.email && r.topics?.length
        );
        const total = await strapi.db.query('plugin::solidarity.practice').count({ where: { source: 'submission' } });
        ctx.body = { found: rows.map((r) => r.documentId), complete: complete.map((r) => r.documentId), total };
      },
    },
  ]);
  strapi.server.mount();
  const server = strapi.server.httpServer;
  server.listen(0, '127.0.0.1', () => console.log(`READY ${server.address().port}`));
  process.on('SIGTERM', async () => {
    await strapi.destroy();
    process.exit(0);
  });
}


if (process.argv.includes('--server')) await serve();
else await main();
