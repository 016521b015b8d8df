#!/usr/bin/env node
// Started by scripts/bench.mjs: boots the app on the benchmark database, bulk-loads
// BENCH_N practices in BENCH_LOCALES, mounts Strapi's core REST controller for the same
// type at /api/core/practices, listens, and prints "READY <port>".
// BENCH_PORT: the port to listen on (default: any free port).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ROOT, require } from './lib.mjs';

const N = Number(process.env.BENCH_N ?? 10000);
const LOCALES = (process.env.BENCH_LOCALES ?? 'en,ca,es,el,fr').split(',');
const UID = 'plugin::solidarity.practice';

// A corpus shaped like a real one: each practice is about 3 of 25 themes, and its text mixes
// words of those themes (each theme word so in roughly a tenth of the practices) with rarer words
// of a 4,000-word vocabulary, so a search matches a realistic share of the practices.
const THEMES = `food bank pantry meals surplus groceries canteen kitchen bread bakery
cooperative members assembly shares statutes governance democratic workers owners
energy solar roofs renewable tariff grid efficiency insulation heating power
housing tenants rent cooperative-housing dwellings eviction building renovation flats homes
care elderly homecare carers dependency respite nursing wellbeing health clinic
digital laptops inclusion connectivity skills literacy software devices broadband online
youth students incubator mentoring apprenticeships schools training graduates jobs internships
repair reuse circular textile workshop upcycling refurbishment waste recycling materials
market producers farmers organic shortchain vegetables cheese olive honey orchards
finance credit loans microcredit savings ethical fund crowdfunding investment bonds
procurement clauses tenders contracts municipal purchasing criteria reserved awarding suppliers
culture theatre festival music archive heritage radio cinema library arts
mobility bicycle logistics delivery couriers transport cargo sharing routes rideshare
migrants refugees welcome language integration mediation asylum reception interpreters newcomers
women feminist equality caregiving violence leadership gender parity domestic rights
water forest mountain rural villages shepherds fishing coast island landscape
fablab makers printing prototypes opensource hardware visors laser workshop design
education continuity tutoring homework pupils teachers classes curriculum lessons parents
network federation partnership intercooperation alliance exchange peers platform commons members
policy advocacy regulation law statute council ministry parliament recognition plan
tourism hospitality hostel routes guides visitors heritage-trails crafts seasons hosts
sports club inclusion disability wheelchair adapted leisure swimming athletics games
crisis pandemic emergency response lockdown solidarity volunteers mutual-aid hotline support
employment integration reintegration jobs wage insertion social-enterprise placement coaching skills
mental counselling listening loneliness befriending therapy peer-support helpline grief stress`
  .split('\n')
  .map((line) => line.trim().split(/\s+/));
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vi', 'do', 'pe', 'ri', 'go', 'ba', 'zu', 'fe', 'no'];
const RARE = Array.from({ length: 4096 }, (_, i) => SYLLABLES[i % 16] + SYLLABLES[(i >> 4) % 16] + SYLLABLES[(i >> 8) % 16]);
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const themesOf = (i) => [i % 25, (i * 7 + 3) % 25, (i * 13 + 11) % 25];
const sentence = (i, n) =>
  Array.from({ length: n }, () => {
    if (random() < 0.6) {
      const theme = THEMES[themesOf(i)[Math.floor(random() * 3)]];
      return theme[Math.floor(random() * theme.length)];
    }
    return RARE[Math.floor(RARE.length * random() ** 2)];
  }).join(' ');

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
const postgres = /pg|postgres/.test(String(knex.client.config.client));

/**
 * PostgreSQL: the practices written by set-based SQL (the same corpus as `sentence`, drawn by
 * the database): every (practice, locale) a draft and its published copy, linked to a topic of
 * its locale, as the Content Manager would have written them. One transaction (one connection:
 * the temporary function lives in its session).
 */
const loadPostgres = async () => {
  const themes = JSON.stringify(THEMES);
  const rare = `{${RARE.join(',')}}`;
  await knex.transaction(async (trx) => {
    // a sentence of n words of practice i: 60% words of its three themes, else rare words (skewed to the
    // first ones). The theme and the draw are a LATERAL of each word (g): an uncorrelated subquery would be
    // evaluated once per sentence (an InitPlan), every theme word of a practice then the same word.
    await trx.raw(`CREATE FUNCTION pg_temp.bench_sentence(i int, n int) RETURNS text VOLATILE LANGUAGE sql AS $f$
      SELECT string_agg(CASE WHEN w.r < 0.6
          THEN w.t->>floor(random() * jsonb_array_length(w.t))::int
          ELSE ('${rare}'::text[])[1 + floor(4096 * random() ^ 2)::int] END, ' ')
      FROM generate_series(1, n) g,
        LATERAL (SELECT random() + 0 * g AS r,
                   '${themes}'::jsonb -> (ARRAY[i % 25, (i * 7 + 3) % 25, (i * 13 + 11) % 25])[1 + floor(random() * 3 + 0 * g)::int] AS t) w
    $f$`);
    const t = meta.tableName;
    const c = (a) => `"${col(a)}"`;
    const columns = ['documentId', 'title', 'summary', 'body', 'slug', 'country', 'municipality', 'licence', 'source', 'reviewStatus', 'locale', 'publishedAt', 'createdAt', 'updatedAt'];
    await trx.raw(
      `INSERT INTO ${t} (${columns.map(c).join(', ')})
       SELECT substr(md5('bench-' || i), 1, 24), pg_temp.bench_sentence(i, 4) || ' ' || i || ' ' || l, pg_temp.bench_sentence(i, 30),
         jsonb_build_array(jsonb_build_object('type', 'paragraph', 'children', jsonb_build_array(jsonb_build_object('type', 'text', 'text', pg_temp.bench_sentence(i, 80))))),
         'practice-' || i, (ARRAY['ES','GR','FR','IT','PT','BE','DE','IE'])[1 + i % 8], 'Town ' || (i % 300), 'CC-BY-SA-4.0', 'editor', 'approved', l, NULL, now(), now()
       FROM generate_series(0, ? - 1) i CROSS JOIN unnest(?::text[]) l`,
      [N, LOCALES]
    );
    const copied = columns.filter((a) => a !== 'publishedAt');
    await trx.raw(
      `INSERT INTO ${t} (${copied.map(c).join(', ')}, ${c('publishedAt')}) SELECT ${copied.map(c).join(', ')}, now() FROM ${t} WHERE ${c('publishedAt')} IS NULL`
    );
    const topicMeta = strapi.db.metadata.get('plugin::solidarity.topic');
    const join = meta.attributes.topics.joinTable;
    await trx.raw(
      `WITH tp AS (SELECT id, locale, row_number() OVER (PARTITION BY locale ORDER BY id) - 1 AS k, count(*) OVER (PARTITION BY locale) AS n
                   FROM ${topicMeta.tableName} WHERE ${topicMeta.attributes.publishedAt.columnName} IS NOT NULL)
       INSERT INTO ${join.name} (${join.joinColumn.name}, ${join.inverseJoinColumn.name})
       SELECT p.id, tp.id FROM ${t} p JOIN tp ON tp.locale = p.locale AND tp.k = p.id % tp.n`
    );
  });
};

const search = strapi.plugin('solidarity').service('public-api').repository.search;
if (Number(existing[0].n) > 0 && (await search.count()) === 0) {
  // a kept database whose load stopped before its index was built (the rebuild is one transaction)
  const started = Date.now();
  await search.reindexAll({ bulk: true });
  await knex.raw(postgres ? 'VACUUM ANALYZE' : 'ANALYZE');
  await strapi.plugin('solidarity').service('cache').bump();
  console.error(`bench: index of the kept practices built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (Number(existing[0].n) === 0) {
  const started = Date.now();
  if (postgres) await loadPostgres();
  else {
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
  }
  console.error(`bench: practices loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // the app's own indexing, its full-text indexes built once at the end (not row by row)
  await search.reindexAll({ bulk: true });
  console.error(`bench: practices and index loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // Fresh statistics and visibility map, as autovacuum would have after a real import.
  await knex.raw(postgres ? 'VACUUM ANALYZE' : 'ANALYZE');
  await strapi.plugin('solidarity').service('cache').bump();
  console.error(`bench: loaded ${N} practices x ${LOCALES.length} locales in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Strapi's own REST controller for the same content type, as a core API route would expose it.
const core = factories.createCoreController(UID)({ strapi });
strapi.server.routes([{ method: 'GET', path: '/api/core/practices', handler: (ctx) => core.find(ctx), config: { auth: false } }]);
strapi.server.mount();
const server = strapi.server.httpServer;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => console.log(`READY ${server.address().port}`));
// Strapi's own SIGTERM handler shuts it down.
