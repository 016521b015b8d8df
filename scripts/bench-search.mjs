#!/usr/bin/env node
// Search latency on PostgreSQL (issue #12): N practices in every locale, loaded by
// bench-server.mjs, then `requests` searches from `connections` concurrent clients,
// each a different query, page and locale (so none is answered from the response cache); prints p50/p95/p99 for common and rare words.
//   node scripts/bench-search.mjs [--n 100000] [--locales en,ca,es,el,fr] [--connections 4]
//        [--requests 800] [--db NAME (kept: reused by the next run with the same name)]
// Part of the measurements behind `npm run bench`; run on its own while tuning search.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, compileServer, keptDatabase, throwAwayDatabase } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    locales: { type: 'string', default: 'en,ca,es,el,fr' },
    connections: { type: 'string', default: '4' },
    requests: { type: 'string', default: '800' },
    db: { type: 'string' },
    'no-compile': { type: 'boolean', default: false },
  },
});
const LOCALES = args.locales.split(',');

const database = () => (args.db ? keptDatabase(args.db) : throwAwayDatabase('postgres', 'search'));

const startServer = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench-server.mjs')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...env,
        APP_KEYS: 'bench1,bench2',
        API_TOKEN_SALT: 'bench',
        ADMIN_JWT_SECRET: 'bench',
        TRANSFER_TOKEN_SALT: 'bench',
        JWT_SECRET: 'bench',
        ENCRYPTION_KEY: 'bench-encryption-key-0123456789',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      const m = /READY (\d+)/.exec(String(chunk));
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** `total` requests from `connections` clients in parallel; latencies in ms. */
const load = async (url, total, connections, pathOf) => {
  const latencies = [];
  let next = 0;
  let errors = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) {
      const started = performance.now();
      const res = await fetch(url + pathOf(i));
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res.status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors };
};

if (!args['no-compile']) compileServer();
const db = await database();
const { child, url } = await startServer({ ...db.env, BENCH_N: args.n, BENCH_LOCALES: args.locales });
try {
  // theme words (each in about a tenth of the practices) and rarer ones (see bench-server.mjs)
  const common = ['food', 'bank', 'cooperative', 'energy', 'housing', 'youth', 'repair', 'market', 'solar', 'training', 'members', 'workshop'];
  // The rare end of the vocabulary: bench-server.mjs draws vocabulary word i with a density falling
  // as 1/sqrt(i), so each of the last 40 words is in about 0.5% of the practices (the earlier list,
  // words 16-300, was in 3-8%).
  const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'do', 'pe', 'ri', 'go', 'ba', 'zu', 'fe', 'no'];
  const rare = Array.from({ length: 40 }, (_, j) => 4056 + j).map((i) => SYLLABLES[i % 16] + SYLLABLES[(i >> 4) % 16] + SYLLABLES[(i >> 8) % 16]);
  const connections = Number(args.connections);
  const requests = Number(args.requests);
  // warm-up (connections, caches of the database)
  await load(url, 40, connections, (i) => `/api/solidarity/practices?q=${common[i % common.length]}&locale=${LOCALES[i % LOCALES.length]}`);
  const runs = [
    ['common word', (i) => common[i % common.length]],
    ['two common words', (i) => `${common[i % common.length]} ${common[(i * 7 + 3) % common.length]}`],
    ['common word prefix', (i) => common[i % common.length].slice(0, 4)],
    ['rare word', (i) => rare[i % rare.length]],
  ];
  console.log(`search on PostgreSQL: ${args.n} practices x ${LOCALES.length} locales, ${connections} connections, ${requests} requests a row`);
  for (const [label, q] of runs) {
    const r = await load(url, requests, connections, (i) =>
      `/api/solidarity/practices?q=${encodeURIComponent(q(i))}&locale=${LOCALES[(i * 3) % LOCALES.length]}&page=${1 + (i % 20)}&pageSize=${5 + (i % 11)}`
    );
    console.log(
      `${label.padEnd(20)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   non-200 ${r.errors}   (target p95 < 50 ms)`
    );
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db.drop();
}
