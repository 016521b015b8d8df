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
