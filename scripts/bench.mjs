#!/usr/bin/env node
// `npm run bench`: throughput and latency of the public API, bounded in time.
//   --n 10000           practices to load (x 5 locales) for the throughput phase
//   --db sqlite|postgres database of the throughput phase (default sqlite)
//   --search-n 100000   practices for the PostgreSQL search phase (0 to skip)
//   --duration 10       seconds per measurement
//   --connections 50
//   --search-connections 4
// Creates its own database(s) and removes them afterwards. Prints req/s, p50, p99 and the ratios.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, compileServer, pgAdmin, require, throwAwayDatabase } from './lib.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const N = Number(args.n ?? 10000);
const DB = args.db ?? 'sqlite';
const SEARCH_N = Number(args['search-n'] ?? 100000);
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 50);
const autocannon = require('autocannon');

const createDb = (client) => throwAwayDatabase(client, 'bench');

const startServer = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench-server.mjs')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...env, APP_KEYS: 'bench1,bench2', API_TOKEN_SALT: 'bench', ADMIN_JWT_SECRET: 'bench', TRANSFER_TOKEN_SALT: 'bench', JWT_SECRET: 'bench', ENCRYPTION_KEY: 'bench-encryption-key-0123456789' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error('bench server did not start within 15 minutes')), 15 * 60_000);
    child.stdout.on('data', (chunk) => {
      const m = /READY (\d+)/.exec(String(chunk));
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });

const run = (opts) =>
  new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });

const line = (label, r) =>
  `${label.padEnd(44)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p97.5 ${String(r.latency.p97_5).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx - (r['3xx'] ?? 0)}`;

compileServer();
console.log(`\nSolidarity Commons bench: ${N} practices x 5 locales on ${DB}, ${CONNECTIONS} connections, ${DURATION} s per run\n`);

const db = await createDb(DB);
const { child, url } = await startServer({ ...db.env, BENCH_N: String(N) });
try {
  const curatedPath = '/api/solidarity/practices?locale=ca&pageSize=25';
  const corePath = '/api/core/practices?locale=ca&populate=*&pagination[pageSize]=25';
  const warm = await fetch(url + curatedPath);
  if (warm.status !== 200) throw new Error(`curated route answered ${warm.status}`);
  const etag = warm.headers.get('etag');
  const core200 = await fetch(url + corePath);
  if (core200.status !== 200) throw new Error(`core route answered ${core200.status}: ${await core200.text()}`);

  const curated = await run({ url: url + curatedPath });
  const core = await run({ url: url + corePath });
  const notModified = await run({ url: url + curatedPath, headers: { 'if-none-match': etag } });
  // The same route when the response cache cannot help: every request a different page and locale.
  let n = 0;
  const locales = ['en', 'ca', 'es', 'el', 'fr'];
  const uncached = await run({
    url,
    requests: [
      {
        setupRequest: (req) => {
          n += 1;
          return { ...req, path: `/api/solidarity/practices?locale=${locales[n % 5]}&pageSize=25&page=${1 + (Math.floor(n / 5) % 400)}` };
        },
      },
    ],
  });
  console.log(line('curated  GET /api/solidarity/practices', curated));
  console.log(line('core     GET /api/core/practices populate=*', core));
  console.log(line('curated  with If-None-Match (304)', notModified));
  console.log(line('curated  uncached (each request another page)', uncached));
  const r1 = curated.requests.average / core.requests.average;
  const r2 = notModified.requests.average / core.requests.average;
  console.log(`\nthroughput ratio curated/core: ${r1.toFixed(1)}x (target 5x)   304/core: ${r2.toFixed(1)}x (target 20x)`);
  console.log(`curated p99 ${curated.latency.p99} ms at ${CONNECTIONS} connections (target < 50 ms)`);
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db.drop();
}

if (SEARCH_N > 0) {
  let reachable = true;
  try {
    await pgAdmin('select 1');
  } catch {
    reachable = false;
    console.log('\nsearch phase skipped: no PostgreSQL at 127.0.0.1:5432');
  }
  if (reachable) {
    console.log(`\nsearch: ${SEARCH_N} practices (en) on PostgreSQL, every request a different query`);
    const sdb = await createDb('postgres');
    const s = await startServer({ ...sdb.env, BENCH_N: String(SEARCH_N), BENCH_LOCALES: 'en' });
    try {
      // theme words (each in about a tenth of the practices) and rarer words (see bench-server.mjs)
      const words = ['food', 'bank', 'cooperative', 'energy', 'housing', 'youth', 'repair', 'market', 'solar', 'textile', 'radio', 'theatre', 'water', 'bread', 'honey', 'logistics', 'training', 'software', 'commons', 'fishing', 'kaloka', 'minera', 'rusaka', 'vidoka', 'pekaka'];
      let i = 0;
      const res = await run({
        url: s.url,
        // latency of one visitor's search, with a few others at the same time
        connections: Number(args['search-connections'] ?? 4),
        requests: [
          {
            setupRequest: (req) => {
              i += 1;
              const q = i % 3 === 0 ? words[i % words.length] : `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]}`;
              return { ...req, path: `/api/solidarity/practices?q=${encodeURIComponent(q)}&page=${1 + (i % 40)}&pageSize=10` };
            },
          },
        ],
      });
      console.log(line('search   GET /api/solidarity/practices?q=', res));
      console.log(`search p90 ${res.latency.p90} ms, p97.5 ${res.latency.p97_5} ms, p99 ${res.latency.p99} ms (target p95 < 50 ms)`);
    } finally {
      s.child.kill('SIGTERM');
      await new Promise((r) => s.child.once('exit', r));
      await sdb.drop();
    }
  }
}
process.exit(0);
