#!/usr/bin/env node
// `npm run bench`: the public API against Strapi's core REST controller, one table per run.
//   --n 10000             practices to load (x 5 locales) for the list and SQLite search phases
//   --db sqlite|postgres  database of that phase (default sqlite)
//   --search-n 100000     practices (x --search-locales) for the PostgreSQL search phase (0 skips it)
//   --search-locales en,ca,es,el,fr
//   --search-db NAME      keep the search phase's PostgreSQL database under NAME and reuse it on the next
//                         run: loading 100,000 practices x 5 locales (1,000,000 rows and the search index)
//                         takes 15-40 minutes, the measurement about 2. Without it the database is made for
//                         the run and dropped. A kept database is reused as it is: drop it to load another N.
//   --duration 10         seconds per measurement
//   --connections 50      connections of the list measurements
//   --search-connections 4
//   --encoding 'br, gzip' Accept-Encoding of the list measurements ('identity' to measure without compression)
// Smaller runs: `npm run bench -- --n 2000 --search-n 0 --duration 5`.
// Creates its own database(s) and removes them afterwards; builds the widgets if needed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, compileServer, ensureWidgets, keptDatabase, pgAdmin, pgSocketDir, require, throwAwayDatabase } from './lib.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), [])
);
const N = Number(args.n ?? 10000);
const DB = args.db ?? 'sqlite';
const SEARCH_N = Number(args['search-n'] ?? 100000);
const SEARCH_LOCALES = (args['search-locales'] ?? 'en,ca,es,el,fr').split(',');
const SEARCH_DB = args['search-db'];
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 50);
const SEARCH_CONNECTIONS = Number(args['search-connections'] ?? 4);
const ENCODING = args.encoding ?? 'br, gzip';
const autocannon = require('autocannon');
const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];

const startServer = (env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'bench-server.mjs')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...env, APP_KEYS: 'bench1,bench2', API_TOKEN_SALT: 'bench', ADMIN_JWT_SECRET: 'bench', TRANSFER_TOKEN_SALT: 'bench', JWT_SECRET: 'bench', ENCRYPTION_KEY: 'bench-encryption-key-0123456789' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => reject(new Error('bench server did not start within 20 minutes')), 20 * 60_000);
    child.stdout.on('data', (chunk) => {
      const m = /READY (\d+)/.exec(String(chunk));
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });

const stop = async (child) => {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};

/** Resident memory of a process in MB (Linux /proc), or null. */
const rssMb = (pid) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
};

/** CPU time (user + system) the process has used, in ms (Linux /proc; clock ticks of 10 ms), or null. */
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
};

/**
 * One autocannon run; latencies are kept per response so that any percentile
 * is exact (autocannon reports p97.5 and p99 but not p95). Also samples the
 * server's RSS every 250 ms.
 */
const run = async (opts, pid) => {
  await settle(opts.url);
  const cpu0 = cpuMs(pid);
  return new Promise((resolve, reject) => {
    const latencies = [];
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 250);
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) => {
      clearInterval(sampler);
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
      // server CPU per answered request: what a request costs, whatever else the machine runs
      const cpu = cpu0 === null ? NaN : ((cpuMs(pid) ?? NaN) - cpu0) / Math.max(1, latencies.length);
      resolve({ cpu, rps: res.requests.average, p50: pct(50), p95: pct(95), p99: pct(99), errors: (res.errors ?? 0) + (res.non2xx ?? 0), rss: peak });
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
};

/**
 * Waits until the server has worked off what the last run left queued (autocannon stops sending,
 * the server may still hold up to `connections` slow requests): a cheap request must answer
 * within 50 ms twice in a row (at most 2 minutes). Without it, one run's backlog times out the next.
 */
const settle = async (url) => {
  const until = Date.now() + 120_000;
  let fast = 0;
  while (fast < 2 && Date.now() < until) {
    const t = performance.now();
    await fetch(`${url}/_health`).catch(() => null);
    fast = performance.now() - t < 50 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
};

/** Bytes of one answer on the wire (raw: node:http does not decode), with `accept` as Accept-Encoding. */
const wireBytes = (url, accept) =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': accept } }, (res) => {
        let n = 0;
        res.on('data', (c) => (n += c.length));
        res.on('end', () => resolve({ bytes: n, encoding: res.headers['content-encoding'] ?? 'identity', status: res.statusCode }));
      })
      .on('error', reject);
  });

// Search words: theme words (each in about a tenth of the practices) and words of the rare end of
// the vocabulary (a few practices each), as bench-server.mjs builds the corpus.
const COMMON = ['food', 'bank', 'cooperative', 'energy', 'housing', 'youth', 'repair', 'market', 'solar', 'textile', 'radio', 'theatre', 'water', 'bread', 'honey', 'logistics', 'training', 'software', 'commons', 'fishing'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'do', 'pe', 'ri', 'go', 'ba', 'zu', 'fe', 'no'];
const RARE = Array.from({ length: 40 }, (_, j) => 4000 + j).map((i) => SYLLABLES[i % 16] + SYLLABLES[(i >> 4) % 16] + SYLLABLES[(i >> 8) % 16]);

const searchRun = (url, pid, words, locales) => {
  let i = 0;
  return run(
    {
      url,
      connections: SEARCH_CONNECTIONS,
      requests: [
        {
          setupRequest: (req) => {
            i += 1;
            const q = i % 3 === 0 ? words[i % words.length] : `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]}`;
            const locale = locales[i % locales.length];
            // page and page size vary too, so that (almost) no two requests are the same URL: the response cache never answers
            return { ...req, path: `/api/solidarity/practices?q=${encodeURIComponent(q)}&locale=${locale}&page=${1 + (i % 7)}&pageSize=${5 + (i % 43)}` };
          },
        },
      ],
    },
    pid
  );
};

const rows = [];
/** A row of the table: what, the figure, its target, the ratio or verdict measured in this run. */
const row = (what, value, target, verdict) => rows.push([what, value, target, verdict]);
const ok = (pass) => (pass ? 'ok' : 'MISSED');
const ms = (v) => `${Number.isFinite(v) ? v.toFixed(1) : '-'} ms`;
const rps = (v) => `${v.toFixed(0)} req/s`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

compileServer();
ensureWidgets();
const started = Date.now();
console.log(`\nSolidarity Commons bench: ${N} practices x 5 locales on ${DB}, ${CONNECTIONS} connections, ${DURATION} s per measurement, Accept-Encoding: ${ENCODING}`);

/**
 * The machine's speed at this moment: ms of one core for a fixed loop (the same instructions every
 * run). On a shared host it can double from one minute to the next (seen here: 630 to 1,190 ms), and
 * every latency of the table with it: a row is comparable only to one measured at a similar speed.
 */
const calibrate = () => {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 3e8; i += 1) x += i % 7;
  return { ms: performance.now() - t0, x };
};
const speeds = [calibrate().ms];

const db = await throwAwayDatabase(DB, 'bench');
const { child, url } = await startServer({ ...db.env, BENCH_N: String(N) });
let peakRss = 0;
try {
  const pid = child.pid;
  const headers = { 'accept-encoding': ENCODING };
  const listPath = '/api/solidarity/practices?locale=ca&pageSize=25';
  const corePath = '/api/core/practices?locale=ca&populate=*&pagination[pageSize]=25';
  for (const p of [listPath, corePath]) {
    const r = await fetch(url + p);
    if (r.status !== 200) throw new Error(`${p} answered ${r.status}: ${await r.text()}`);
  }
  const topics = (await (await fetch(`${url}/api/solidarity/topics?pageSize=50`)).json()).data.map((t) => t.slug);
  const countries = ['ES', 'GR', 'FR', 'IT', 'PT', 'BE', 'DE', 'IE'];

  const core = await run({ url: url + corePath, headers }, pid);
  const cached = await run({ url: url + listPath, headers }, pid);
  // Every request another page, locale and filter: the response cache never answers.
  let n = 0;
  const filters = [
    () => '',
    (i) => `&country=${countries[i % countries.length]}`,
    (i) => `&topic=${topics[i % topics.length]}`,
    () => '&sort=title:asc',
    (i) => `&country=${countries[i % countries.length]}&sort=publishedAt:asc`,
  ];
  const uncached = await run(
    {
      url,
      headers,
      requests: [
        {
          setupRequest: (req) => {
            n += 1;
            const filter = filters[Math.floor(n / 5) % filters.length](n);
            // pageSize varies too: 10,000 different URLs before one repeats (a repeat would be a cache hit)
            return { ...req, path: `/api/solidarity/practices?locale=${LOCALES[n % 5]}&pageSize=${20 + (Math.floor(n / 1000) % 10)}&page=${1 + (Math.floor(n / 25) % 40)}${filter}` };
          },
        },
      ],
    },
    pid
  );
  const searchCommon = await searchRun(url, pid, COMMON, LOCALES);
  const searchRare = await searchRun(url, pid, RARE, LOCALES);
  peakRss = Math.max(core.rss, cached.rss, uncached.rss, searchCommon.rss, searchRare.rss);

  const bundle = {};
  const list = {};
  for (const enc of ['identity', 'gzip', 'br']) {
    bundle[enc] = await wireBytes(`${url}/widgets/solidarity.js`, enc);
    list[enc] = await wireBytes(url + listPath, enc);
  }

  const uRatio = uncached.rps / core.rps;
  const cRatio = cached.rps / core.rps;
  row('core REST populate=* (baseline)', rps(core.rps), '', `p50 ${ms(core.p50)}, p99 ${ms(core.p99)}, server CPU ${ms(core.cpu)}/request`);
  row('list uncached (page, locale, filter vary)', rps(uncached.rps), '>= 3x core', `${uRatio.toFixed(2)}x core's req/s ${ok(uRatio >= 3)} (p50 ${ms(uncached.p50)}, p99 ${ms(uncached.p99)}; server CPU ${ms(uncached.cpu)}/request vs core's ${ms(core.cpu)}: ${(core.cpu / uncached.cpu).toFixed(1)}x less)`);
  row('list cached', rps(cached.rps), '>= 20x core', `${cRatio.toFixed(2)}x core's req/s ${ok(cRatio >= 20)} (server CPU ${ms(cached.cpu)}/request vs core's ${ms(core.cpu)}: ${(core.cpu / cached.cpu).toFixed(1)}x less)`);
  row(`list cached p99 at ${CONNECTIONS} connections`, ms(cached.p99), '< 50 ms', ok(cached.p99 < 50));
  row(`search p95, ${N} practices x 5 (${DB}), common words`, ms(searchCommon.p95), '< 50 ms', `${ok(searchCommon.p95 < 50)} (p50 ${ms(searchCommon.p50)}, ${rps(searchCommon.rps)}, ${SEARCH_CONNECTIONS} conn., CPU ${ms(searchCommon.cpu)}/request)`);
  row(`search p95, ${N} practices x 5 (${DB}), rare words`, ms(searchRare.p95), '< 50 ms', `${ok(searchRare.p95 < 50)} (p50 ${ms(searchRare.p50)}, ${rps(searchRare.rps)}, ${SEARCH_CONNECTIONS} conn., CPU ${ms(searchRare.cpu)}/request)`);
  row('widget entry solidarity.js (autoloader), identity', kb(bundle.identity.bytes), '', '');
  row('widget entry solidarity.js (autoloader), gzip / br', `${kb(bundle.gzip.bytes)} / ${kb(bundle.br.bytes)}`, 'compressed', `${(bundle.identity.bytes / bundle.br.bytes).toFixed(1)}x smaller (br) ${ok(bundle.gzip.encoding === 'gzip' && bundle.br.encoding === 'br')}`);
  row('list response (25), identity', kb(list.identity.bytes), '', '');
  row('list response (25), gzip / br', `${kb(list.gzip.bytes)} / ${kb(list.br.bytes)}`, 'compressed', `${(list.identity.bytes / list.br.bytes).toFixed(1)}x smaller (br) ${ok(list.gzip.encoding === 'gzip' && list.br.encoding === 'br')}`);
  for (const [r, what] of [[core, 'core'], [cached, 'cached'], [uncached, 'uncached'], [searchCommon, 'search'], [searchRare, 'search rare']]) {
    if (r.errors) row(`errors (${what})`, String(r.errors), '0', 'MISSED');
  }
} finally {
  await stop(child);
  await db.drop();
}

if (SEARCH_N > 0) {
  let reachable = true;
  try {
    await pgAdmin('select 1');
  } catch {
    reachable = false;
    row(`search p95, ${SEARCH_N} practices x ${SEARCH_LOCALES.length} (postgres)`, '-', '< 50 ms', 'skipped: no PostgreSQL at 127.0.0.1:5432');
  }
  if (reachable) {
    const sdb = SEARCH_DB ? await keptDatabase(SEARCH_DB) : await throwAwayDatabase('postgres', 'bench');
    // Over TCP (127.0.0.1), then, when the server is on this machine, over its Unix socket: what a
    // same-host install should use (DATABASE_HOST=/var/run/postgresql, README): each statement's
    // round trip costs both processes a socket write, about twice as dear over TCP loopback.
    const socket = pgSocketDir();
    const transports = [['TCP', {}], ...(socket ? [['Unix socket', { DATABASE_HOST: socket }]] : [])];
    try {
      for (const [transport, hostEnv] of transports) {
        const s = await startServer({ ...sdb.env, ...hostEnv, BENCH_N: String(SEARCH_N), BENCH_LOCALES: SEARCH_LOCALES.join(',') });
        try {
          const common = await searchRun(s.url, s.child.pid, COMMON, SEARCH_LOCALES);
          const rare = await searchRun(s.url, s.child.pid, RARE, SEARCH_LOCALES);
          peakRss = Math.max(peakRss, common.rss, rare.rss);
          const label = `search p95, ${SEARCH_N} practices x ${SEARCH_LOCALES.length} (postgres, ${transport})`;
          row(`${label}, common words`, ms(common.p95), '< 50 ms', `${ok(common.p95 < 50)} (p50 ${ms(common.p50)}, p99 ${ms(common.p99)}, ${rps(common.rps)}, ${SEARCH_CONNECTIONS} conn., server CPU ${ms(common.cpu)}/request)`);
          row(`${label}, rare words`, ms(rare.p95), '< 50 ms', `${ok(rare.p95 < 50)} (p50 ${ms(rare.p50)}, p99 ${ms(rare.p99)}, ${rps(rare.rps)}, ${SEARCH_CONNECTIONS} conn., server CPU ${ms(rare.cpu)}/request)`);
          for (const [r, what] of [[common, `pg search ${transport}`], [rare, `pg search rare ${transport}`]]) if (r.errors) row(`errors (${what})`, String(r.errors), '0', 'MISSED');
        } finally {
          await stop(s.child);
        }
      }
      if (!socket) row('search over a Unix socket', '-', '', `skipped: no socket of the server on this machine (TEST_PG_SOCKET_DIR)`);
    } finally {
      await sdb.drop();
    }
  }
}
row('server RSS, peak under load', `${peakRss.toFixed(0)} MB`, '', '');

const header = ['measure', 'value', 'target', 'ratio / verdict (this run)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of rows) console.log(line(r));
speeds.push(calibrate().ms);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s, ${new Date().toISOString()}, node ${process.version})`);
console.log(
  `machine speed: a fixed loop took ${speeds.map((v) => v.toFixed(0)).join(' ms before, ')} ms after ` +
    `(630 ms on this project's 2-core machine when its host was quiet; twice that, and the latencies with it, when not)`
);
process.exit(0);
