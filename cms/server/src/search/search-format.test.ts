import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { createTestDatabase, testDatabaseClient } from '../../../../test/helpers/db';
import { UID } from '../content-types/uids';

/** An index built by an earlier version of the app is rebuilt on start (issue #12). */
describe(`an index of an older format (${testDatabaseClient()})`, () => {
  it('is rebuilt with the new folding on the next start', { timeout: 300_000 }, async () => {
    const db = await createTestDatabase();
    let first: TestApp | null = await startStrapi({ database: db });
    try {
      await documents(first, UID.practice).create({
        locale: 'el',
        status: 'published',
        data: { title: 'Αλληλεγγύη στη γειτονιά', slug: 'geitonia', summary: 'Μαζί.', country: 'GR' },
      });
      const knex = first.strapi.db.connection;
      // what an index of the first format would leave: other terms, and no format marker
      if (testDatabaseClient() === 'sqlite') {
        // a contentless FTS5 table: an update sets every column
        await knex.raw(`UPDATE solidarity_search_terms SET title = 'stale', summary = '', body = '', extra = ''`);
      } else {
        await knex.raw(`UPDATE solidarity_search SET tsv = to_tsvector('simple', 'stale')`);
      }
      await knex.raw(`DELETE FROM solidarity_search_meta`);
      const find = async (app: TestApp, q: string) =>
        ((await request(app.url).get(`/api/solidarity/practices?locale=el&q=${encodeURIComponent(q)}`).expect(200)).body.data as {
          slug: string;
        }[]).map((p) => p.slug);
      expect(await find(first, 'ΑΛΛΗΛΕΓΓΥΗ')).toEqual([]);
      await first.stop();
      first = null;
      const second = await startStrapi({ database: db });
      try {
        expect(await find(second, 'ΑΛΛΗΛΕΓΓΥΗ')).toEqual(['geitonia']);
        expect(await find(second, 'stale')).toEqual([]);
      } finally {
        await second.stop();
      }
    } finally {
      await first?.stop();
      await db.drop();
    }
  });
});

/** An index table of the earlier layout (vectors inline, GIN on `tsv`) is converted in place on start (issue #12). */
describe.runIf(testDatabaseClient() === 'postgres')('an index table of the earlier layout (postgres)', () => {
  it('gets its `terms` column, storage parameters and GIN indexes on the next start, its rows kept', { timeout: 300_000 }, async () => {
    const db = await createTestDatabase();
    let first: TestApp | null = await startStrapi({ database: db });
    const find = async (app: TestApp, q: string) =>
      ((await request(app.url).get(`/api/solidarity/practices?locale=en&q=${encodeURIComponent(q)}`).expect(200)).body.data as {
        slug: string;
      }[]).map((p) => p.slug);
    try {
      await documents(first, UID.practice).create({
        locale: 'en',
        status: 'published',
        data: { title: 'Quillwort meadow', slug: 'quillwort', summary: 'A meadow of the commons.', country: 'IE' },
      });
      // practices written alternately in English and French (their index rows in that order)
      for (let i = 0; i < 6; i += 1) {
        await documents(first, UID.practice).create({
          locale: i % 2 ? 'fr' : 'en',
          status: 'published',
          data: { title: `Sedge ${i}`, slug: `sedge-${i}`, summary: 'A wet meadow.', country: 'IE' },
        });
      }
      const knex = first.strapi.db.connection;
      // an index of a version that did not store its rows by locale
      await knex.raw(`DELETE FROM solidarity_search_meta WHERE name = 'layout'`);
      // the earlier layout, with a term no content has (a rebuild from the content would lose it)
      const gin = (await knex.raw(`SELECT indexname FROM pg_indexes WHERE tablename = 'solidarity_search' AND indexdef LIKE '%USING gin%'`)) as {
        rows: { indexname: string }[];
      };
      for (const { indexname } of gin.rows) await knex.raw(`DROP INDEX "${indexname}"`);
      await knex.raw(
        `ALTER TABLE solidarity_search DROP COLUMN terms, RESET (toast_tuple_target, parallel_workers), ALTER COLUMN tsv SET STORAGE EXTENDED`
      );
      await knex.raw(`UPDATE solidarity_search SET tsv = tsv || to_tsvector('simple', 'inplacemarker') WHERE tsv @@ to_tsquery('simple', 'quillwort')`);
      await knex.raw(`CREATE INDEX solidarity_search_tsv_en_idx ON solidarity_search USING GIN (tsv) WHERE locale = 'en'`);
      await first.stop();
      first = null;
      const second = await startStrapi({ database: db });
      try {
        const k = second.strapi.db.connection;
        const columns = (await k.raw(
          `SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'solidarity_search'::regclass AND attname IN ('tsv', 'terms')`
        )) as { rows: { attname: string; attstorage: string }[] };
        expect(columns.rows.sort((a, b) => a.attname.localeCompare(b.attname))).toEqual([
          { attname: 'terms', attstorage: 'e' },
          { attname: 'tsv', attstorage: 'e' },
        ]);
        const options = (await k.raw(`SELECT reloptions FROM pg_class WHERE oid = 'solidarity_search'::regclass`)) as {
          rows: { reloptions: string[] }[];
        };
        expect(options.rows[0]?.reloptions).toEqual(expect.arrayContaining(['toast_tuple_target=128', 'parallel_workers=0']));
        const indexes = (await k.raw(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'solidarity_search' AND indexdef LIKE '%USING gin%'`)) as {
          rows: { indexname: string; indexdef: string }[];
        };
        expect(indexes.rows.length).toBeGreaterThanOrEqual(6);
        for (const { indexdef } of indexes.rows) expect(indexdef).toContain('USING gin (terms)');
        expect(await find(second, 'quillwort')).toEqual(['quillwort']);
        expect(await find(second, 'inplacemarker')).toEqual(['quillwort']);
        // its rows stored by type and locale, once (the layout marked)
        const stored = (await k.raw(`SELECT locale FROM solidarity_search WHERE uid = ? ORDER BY ctid`, [UID.practice])) as {
          rows: { locale: string }[];
        };
        const locales = stored.rows.map((r) => r.locale);
        expect(locales).toEqual([...locales].sort());
        expect(new Set(locales)).toEqual(new Set(['en', 'fr']));
        const layout = (await k.raw(`SELECT value FROM solidarity_search_meta WHERE name = 'layout'`)) as { rows: { value: string }[] };
        expect(layout.rows).toEqual([{ value: 'by-locale' }]);
        expect((await find(second, 'sedge')).length).toBe(6); // the French ones through the fallback
      } finally {
        await second.stop();
      }
    } finally {
      await first?.stop();
      await db.drop();
    }
  });
});
