import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { CONTENT_TYPE_NAMES, UID, type ContentTypeName } from '../content-types/uids';
import { createLoader, fromDb } from './loader';
import { setPreparedStatements } from './sql';
import { SHAPES } from './shapes';

/**
 * The public reads' loader (./loader.ts) reads what Strapi's query engine
 * reads for the same shape (`findMany` with the shape's `select` and
 * `populate`), value for value, for every public type, in the list and the
 * single-document shapes, on the demo content with media on every media field
 * and components (criteria, links, figures, partners, speakers); with one
 * query per relation, whatever the number of documents.
 */
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi({ demo: true });
  const file = (await app.strapi.db.query('plugin::upload.file').create({
    data: { name: 'a.png', alternativeText: 'A', hash: 'loader_a', ext: '.png', mime: 'image/png', size: 1.25, width: 640, height: 480, url: '/uploads/loader_a.png', provider: 'local', formats: { thumbnail: { url: '/uploads/t_a.png', width: 100 } } },
  })) as { id: number };
  const other = (await app.strapi.db.query('plugin::upload.file').create({
    data: { name: 'b.pdf', hash: 'loader_b', ext: '.pdf', mime: 'application/pdf', size: 10, url: '/uploads/loader_b.pdf', provider: 'local' },
  })) as { id: number };
  const practice = (await documents(app, UID.practice).findMany({ locale: 'en', status: 'published', limit: 1 }))[0];
  await documents(app, UID.practice).update({
    documentId: practice?.documentId as string,
    locale: 'en',
    status: 'published',
    data: {
      images: [other.id, file.id],
      attachments: [file.id],
      links: [{ label: 'Site', url: 'https://example.org' }, { label: 'Report', url: 'https://example.org/r' }],
      figures: [{ label: 'Families', value: 1200, unit: 'families' }],
      partners: [{ name: 'Town hall', website: 'https://town.example', role: 'funding' }],
    },
  });
  const session = (await documents(app, UID.session).findMany({ locale: 'en', status: 'published', limit: 1 }))[0];
  await documents(app, UID.session).update({ documentId: session?.documentId as string, locale: 'en', status: 'published', data: { attachments: [file.id, other.id] } });
  // JSON fields holding a JSON string (as an import or an older version may write them): read as Strapi reads them
  await app.strapi.db.query(UID.session).update({ where: { documentId: session?.documentId, locale: 'en', publishedAt: { $notNull: true } }, data: { spokenLanguages: '"hello"' } });
  await app.strapi.db.query('plugin::upload.file').update({ where: { id: other.id }, data: { formats: '"a plain json string"' } });
  const statement = (await documents(app, UID.statement).findMany({ locale: 'en', status: 'published', limit: 1 }))[0];
  await documents(app, UID.statement).update({ documentId: statement?.documentId as string, locale: 'en', status: 'published', data: { documents: [other.id] } });
  const org = (await documents(app, UID.organisation).findMany({ locale: 'en', status: 'published', limit: 1 }))[0];
  await documents(app, UID.organisation).update({ documentId: org?.documentId as string, locale: 'en', status: 'published', data: { logo: file.id } });
  // the demo content is seeded through the document service: minutes on a busy machine
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

/** What Strapi's query engine reads for the shape, in the order of `ids`. */
const strapiReads = async (type: ContentTypeName, ids: number[], detail: boolean) => {
  const shape = SHAPES[type];
  const model = app.strapi.getModel(UID[type]);
  const isPublic = (name: string) => (model.attributes[name] as { private?: boolean } | undefined)?.private !== true;
  const rows = (await app.strapi.db.query(UID[type]).findMany({
    where: { id: { $in: ids } },
    select: ['id', ...shape.list, ...(detail ? shape.detail : [])].filter(isPublic),
    populate: Object.fromEntries(Object.entries({ ...shape.populate, ...(detail ? shape.detailPopulate : {}) }).filter(([name]) => isPublic(name))),
  })) as { id: number }[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter(Boolean);
};

describe('loader', () => {
  for (const type of CONTENT_TYPE_NAMES) {
    it(`reads ${type} documents as Strapi's findMany with populate does, in one query per relation`, async () => {
      const all = (await app.strapi.db.query(UID[type]).findMany({ select: ['id'], orderBy: { id: 'desc' } })) as { id: number }[];
      expect(all.length).toBeGreaterThan(0);
      // drafts and published rows, every locale, in an order that is not the table's; an id that does not exist is left out
      const ids = [...all.map((r) => r.id), 999_999];
      const loader = createLoader(app.strapi);
      for (const detail of [false, true]) {
        const seen: string[] = [];
        const listener = (q: { sql: string }) => seen.push(q.sql);
        app.strapi.db.connection.on('query', listener);
        let loaded: unknown[];
        try {
          loaded = await loader.load(type, ids, detail);
        } finally {
          app.strapi.db.connection.off('query', listener);
        }
        expect(loaded).toEqual(await strapiReads(type, ids, detail));
        const populated = Object.keys({ ...SHAPES[type].populate, ...(detail ? SHAPES[type].detailPopulate : {}) }).length;
        expect(seen.length).toBeLessThanOrEqual(1 + populated);
      }
    });
  }

  it('with shownFor, reads only what a list shows for the locale chain: published, the first locale of the chain each document has', async () => {
    // a document only in Catalan, one only a draft: the chain's fallback and the draft rule both have a case
    const onlyCa = await documents(app, UID.topic).create({ locale: 'ca', status: 'published', data: { name: 'Només en català', slug: 'nomes-en-catala' } });
    const draft = await documents(app, UID.topic).create({ locale: 'en', data: { name: 'Draft only', slug: 'draft-only-topic' } });
    const loader = createLoader(app.strapi);
    for (const type of CONTENT_TYPE_NAMES) {
      const rows = (await app.strapi.db.query(UID[type]).findMany({ select: ['id', 'documentId', 'locale', 'publishedAt'] })) as {
        id: number;
        documentId: string;
        locale: string;
        publishedAt: string | null;
      }[];
      const ids = rows.map((r) => r.id);
      for (const chain of [['en'], ['ca', 'en'], ['en', 'ca', 'es'], ['el', 'fr', 'es', 'ca', 'en'], ['xx']]) {
        const place = (l: string) => chain.indexOf(l);
        const expected = rows
          .filter((r) => r.publishedAt !== null && place(r.locale) >= 0)
          .filter((r) => !rows.some((o) => o.documentId === r.documentId && o.publishedAt !== null && place(o.locale) >= 0 && place(o.locale) < place(r.locale)))
          .map((r) => r.id);
        const got = (await loader.load(type, ids, false, { shownFor: chain })).map((e) => e.id);
        expect(got, `${type} ${chain.join('>')}`).toEqual(ids.filter((id) => expected.includes(id)));
        // the whole entry, as without the option
        const plain = await loader.load(type, got, false);
        expect(await loader.load(type, got, false, { shownFor: chain })).toEqual(plain);
      }
    }
    const topicIds = (await loader.load('topic', ((await app.strapi.db.query(UID.topic).findMany({ select: ['id'] })) as { id: number }[]).map((r) => r.id), false, { shownFor: ['en', 'ca'] })).map((e) => e.documentId);
    expect(topicIds).toContain(onlyCa.documentId);
    expect(topicIds).not.toContain(draft.documentId);
    expect(new Set(topicIds).size).toBe(topicIds.length);
  });

  it('reads media, components and JSON values with their types (numbers, parsed JSON, ISO datetimes)', async () => {
    const [practice] = (await app.strapi.db.query(UID.practice).findMany({
      where: { links: { label: 'Site' }, publishedAt: { $notNull: true } },
      select: ['id'],
    })) as { id: number }[];
    const [entry] = await createLoader(app.strapi).load('practice', [practice?.id as number], true);
    expect((entry?.images as { name: string }[]).map((i) => i.name)).toEqual(['b.pdf', 'a.png']);
    expect((entry?.images as { size: unknown; formats: unknown }[])[1]).toMatchObject({ size: 1.25, width: 640, formats: { thumbnail: { url: '/uploads/t_a.png', width: 100 } } });
    expect((entry?.links as { label: string }[]).map((l) => l.label)).toEqual(['Site', 'Report']);
    expect(entry?.figures).toMatchObject([{ label: 'Families', value: 1200, unit: 'families' }]);
    expect(entry?.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it.runIf(process.env.SOLIDARITY_TEST_DB === 'postgres')(
    'PostgreSQL: reads the rows and every relation in one statement, prepared by name, one whatever the page size, and sent unnamed when turned off',
    async () => {
      const k = app.strapi.db.connection;
      // knex's client holds the pool; its declared type does not name acquireConnection
      const client = k.client as unknown as { acquireConnection(): Promise<{ query: (...args: unknown[]) => unknown }> };
      const original = client.acquireConnection.bind(client);
      const sent: { name?: string; text: string; values: unknown[] }[] = [];
      client.acquireConnection = async () => {
        const connection = await original();
        // one wrapper per connection: the pool hands the same connection out again
        const wrapped = connection as { query: (...args: unknown[]) => unknown; __recorded?: boolean };
        if (!wrapped.__recorded) {
          const query = wrapped.query.bind(connection);
          // knex calls it with a callback as well: every argument passes through
          wrapped.query = (config: unknown, ...rest: unknown[]) => {
            if (config && typeof config === 'object' && 'text' in config && String((config as { text: string }).text).includes('ANY($1::integer[])')) {
              sent.push(config as { name?: string; text: string; values: unknown[] });
            }
            return (query as (...args: unknown[]) => unknown)(config, ...rest);
          };
          wrapped.__recorded = true;
        }
        return connection;
      };
      const all = ((await app.strapi.db.query(UID.practice).findMany({ select: ['id'], orderBy: { id: 'asc' } })) as { id: number }[]).map((r) => r.id);
      const loader = createLoader(app.strapi);
      try {
        const three = await loader.load('practice', all.slice(0, 3), false);
        const named = sent.splice(0);
        const seven = await loader.load('practice', all.slice(0, 7), false);
        const again = sent.splice(0);
        setPreparedStatements(k, false);
        const unnamedRead = await loader.load('practice', all.slice(0, 7), false);
        const unnamed = sent.splice(0);
        expect(three).toEqual(await strapiReads('practice', all.slice(0, 3), false));
        expect(seven).toEqual(await strapiReads('practice', all.slice(0, 7), false));
        expect(unnamedRead).toEqual(seven);
        // the rows and every relation: one statement, named by its text
        expect(named.length).toBe(1);
        expect(named[0]?.name).toMatch(/^solidarity_[0-9a-f]{24}$/);
        expect(named[0]?.text.match(/UNION ALL/g)?.length).toBe(Object.keys(SHAPES.practice.populate).length);
        // 7 ids: the same text and name as 3 (the ids are one array value)
        expect(again.map((s) => [s.name, s.text])).toEqual(named.map((s) => [s.name, s.text]));
        expect(again[0]?.values[0]).toEqual(all.slice(0, 7));
        expect(unnamed.length).toBe(named.length);
        for (const statement of unnamed) expect(statement.name).toBeUndefined();
      } finally {
        setPreparedStatements(k, true);
        client.acquireConnection = original;
      }
    }
  );

  it("converts database values as Strapi's fields do", () => {
    expect(fromDb('string', 12)).toBe('12');
    expect(fromDb('integer', '7')).toBe(7);
    expect(fromDb('decimal', '1.50')).toBe(1.5);
    expect(fromDb('boolean', 1)).toBe(true);
    expect(fromDb('boolean', 0)).toBe(false);
    expect(fromDb('datetime', 0)).toBe('1970-01-01T00:00:00.000Z');
    expect(fromDb('datetime', 'not a date')).toBeNull();
    expect(fromDb('json', '{"a":1}')).toEqual({ a: 1 });
    expect(fromDb('json', JSON.stringify(JSON.stringify({ a: 1 })))).toEqual({ a: 1 });
    expect(fromDb('blocks', 'not json')).toBe('not json');
    expect(fromDb('date', '2025-01-02')).toBe('2025-01-02');
    expect(fromDb('string', null)).toBeNull();
  });
});
