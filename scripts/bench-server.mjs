#!/usr/bin/env node
// Started by scripts/bench.mjs: boots the app on the benchmark database, bulk-loads
// BENCH_N practices in BENCH_LOCALES, mounts Strapi's core REST controller for the same
// type at /api/core/practices, listens, and prints "READY <port>".
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ROOT, require } from './lib.mjs';

const N = Number(process.env.BENCH_N ?? 10000);
const LOCALES = (process.env.BENCH_LOCALES ?? 'en,ca,es,el,fr').split(',');
const UID = 'plugin::solidarity.practice';

// A vocabulary like a real corpus's: a hundred common words of the field and a few thousand rarer
// ones, drawn with a Zipf-like skew, so that a search term matches a realistic share of practices.
const COMMON = `food bank volunteers cooperative fablab visors municipality procurement clauses youth incubator
energy community housing care elderly digital inclusion laptops lending library local currency market
producers circular repair cafe textile reuse kitchen canteen school garden allotment seeds bakery bicycle
logistics delivery solidarity network mutual aid women migrants training employment social enterprise
culture theatre festival archive radio translation platform open source software commons water forest
mountain island coast fishing farming shepherds cheese olive wine honey cereals bread market hall`.split(/\s+/);
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'do', 'pe', 'ri', 'go', 'ba', 'zu', 'fe', 'no'];
const RARE = Array.from({ length: 4000 }, (_, i) =>
  SYLLABLES[i % 16] + SYLLABLES[Math.floor(i / 16) % 16] + SYLLABLES[Math.floor(i / 256) % 16] + (i % 7 === 0 ? 'ria' : 'ta')
);
const WORDS = [...COMMON, ...RARE];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const word = () => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length * random() ** 3))];
const sentence = (_i, n) => Array.from({ length: n }, word).join(' ');

process.env.SEED_DEMO = 'false';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const { createStrapi, factories } = require('@strapi/strapi');
const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
strapi.log.level = 'error';
await strapi.load();

const knex = strapi.db.connection;
const meta = strapi.db.metadata.get(UID);
const col = (a) => meta.attributes[a].columnName ?? a;
const existing = await knex(meta.tableName).count({ n: '*' });
if (Number(existing[0].n) === 0) {
  const started = Date.now();
  const topicMeta = strapi.db.metadata.get('plugin::solidarity.topic');
  const topics = await knex(topicMeta.tableName)
    .select('id', topicMeta.attributes.locale.columnName ?? 'locale')
    .whereNotNull(topicMeta.attributes.publishedAt.columnName);
  const topicsByLocale = new Map();
  for (const t of topics) {
    const l = t.locale;
    if (!topicsByLocale.has(l)) topicsByLocale.set(l, []);
    topicsByLocale.get(l).push(t.id);
  }
  const join = meta.attributes.topics.joinTable;
  const now = new Date();
  const countries = ['ES', 'GR', 'FR', 'IT', 'PT', 'BE', 'DE', 'IE'];
  const BATCH = 200;
  for (let start = 0; start < N; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(N, start + BATCH); i += 1) {
      const documentId = randomBytes(12).toString('hex').slice(0, 24);
      for (const locale of LOCALES) {
        for (const published of [false, true]) {
          rows.push({
            [col('documentId')]: documentId,
            [col('title')]: `${sentence(i, 4)} ${i} ${locale}`,
            [col('summary')]: sentence(i, 30),
            [col('body')]: JSON.stringify([{ type: 'paragraph', children: [{ type: 'text', text: sentence(i, 80) }] }]),
            [col('slug')]: `practice-${i}`,
            [col('country')]: countries[i % countries.length],
            [col('municipality')]: `Town ${i % 300}`,
            [col('licence')]: 'CC-BY-SA-4.0',
            [col('source')]: 'editor',
            [col('reviewStatus')]: 'approved',
            [col('locale')]: locale,
            [col('publishedAt')]: published ? now : null,
            [col('createdAt')]: now,
            [col('updatedAt')]: now,
          });
        }
      }
    }
    // SQLite allows at most 500 rows in one multi-row insert.
    for (let i = 0; i < rows.length; i += 250) await knex(meta.tableName).insert(rows.slice(i, i + 250));
    const ids = await knex(meta.tableName).select('id', col('locale')).orderBy('id', 'desc').limit(rows.length);
    const links = [];
    for (const row of ids) {
      const pool = topicsByLocale.get(row[col('locale')] ?? row.locale) ?? [];
      if (!pool.length) continue;
      links.push({ [join.joinColumn.name]: row.id, [join.inverseJoinColumn.name]: pool[row.id % pool.length] });
    }
    for (let i = 0; i < links.length; i += 500) await knex(join.name).insert(links.slice(i, i + 500));
  }
  const search = strapi.plugin('solidarity').service('public-api').repository.search;
  await search.reindexAll();
  // Fresh statistics, as autovacuum would have after a real import.
  await knex.raw('ANALYZE');
  await strapi.plugin('solidarity').service('cache').bump();
  console.error(`bench: loaded ${N} practices x ${LOCALES.length} locales in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Strapi's own REST controller for the same content type, as a core API route would expose it.
const core = factories.createCoreController(UID)({ strapi });
strapi.server.routes([{ method: 'GET', path: '/api/core/practices', handler: (ctx) => core.find(ctx), config: { auth: false } }]);
strapi.server.mount();
const server = strapi.server.httpServer;
server.listen(0, '127.0.0.1', () => console.log(`READY ${server.address().port}`));
// Strapi's own SIGTERM handler shuts it down.
