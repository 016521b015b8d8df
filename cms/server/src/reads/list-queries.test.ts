import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';

/**
 * The uncached list path (reads/indexed-list.ts) through the HTTP API: a
 * bounded number of queries whatever the page size (no N+1 for topics,
 * promoters, call), pages read in index order across the locale fallback,
 * totals that stay right, also after a publish.
 */
let app: TestApp;
const N = 14;
const TRANSLATED = 5; // practices 0..4 also in Catalan; the others fall back to English on ?locale=ca
let food: string;
let housing: string;
let call: TestDoc;

const get = (path: string) => request(app.url).get(`/api/solidarity${path}`).expect(200);

/** Runs `fn` and returns the SQL statements the app sent meanwhile (knex 'query' events). */
const queriesDuring = async (fn: () => Promise<unknown>): Promise<string[]> => {
  const seen: string[] = [];
  const listener = (q: { sql: string }) => seen.push(q.sql);
  app.strapi.db.connection.on('query', listener);
  try {
    await fn();
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
  return seen;
};

const topicId = async (slug: string, locale: string) => {
  const rows = (await app.strapi.db.query(UID.topic as never).findMany({ where: { slug, locale }, select: ['documentId'] })) as TestDoc[];
  return rows[0]?.documentId as string;
};

const title = (i: number) => `Practice ${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  app = await startStrapi();
  const docs = (uid: string) => documents(app, uid);
  food = await topicId('food-and-basic-goods', 'en');
  housing = await topicId('housing', 'en');
  const org = await docs(UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' },
  });
  await docs(UID.organisation).update({ documentId: org.documentId, locale: 'ca', status: 'published', data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' } });
  call = await docs(UID.call).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Call 2026', slug: 'call-2026', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-12-31T00:00:00.000Z' },
  });
  await docs(UID.call).update({ documentId: call.documentId, locale: 'ca', status: 'published', data: { title: 'Convocatòria 2026', slug: 'convocatoria-2026' } });
  for (let i = 0; i < N; i += 1) {
    const practice = await docs(UID.practice).create({
      locale: 'en',
      status: 'published',
      data: {
        title: title(i),
        slug: `practice-${i}`,
        summary: `Summary ${i}`,
        country: i % 2 ? 'ES' : 'GR',
        topics: i % 3 ? [{ documentId: food }, { documentId: housing }] : [{ documentId: food }],
        promoters: [{ documentId: org.documentId }],
        call: { documentId: call.documentId },
        criteria: [{ value: 'crisis-response' }],
        reviewStatus: 'approved',
      },
    });
    if (i < TRANSLATED) {
      await docs(UID.practice).update({
        documentId: practice.documentId,
        locale: 'ca',
        status: 'published',
        data: {
          title: `Pràctica ${String(i).padStart(2, '0')}`,
          slug: `practica-${i}`,
          summary: `Resum ${i}`,
          country: i % 2 ? 'ES' : 'GR',
          topics: [{ documentId: await topicId('food-and-basic-goods', 'ca') }],
          promoters: [{ documentId: org.documentId }],
          call: { documentId: call.documentId },
        },
      });
    }
  }
});
afterAll(async () => {
  await app?.stop();
});

describe('uncached list queries', () => {
  it('does not grow with the page size (no query per row or per relation)', async () => {
    const counts: number[] = [];
    // once per locale first: the locale list and this list's counts are read once, then remembered
    for (const locale of ['ca', 'en']) await get(`/practices?locale=${locale}&pageSize=1&sort=title:asc`);
    for (const [locale, size] of [
      ['ca', 2],
      ['ca', 12],
      ['en', 3],
      ['en', 14],
    ] as const) {
      let body: { data: Record<string, unknown>[] } = { data: [] };
      const sql = await queriesDuring(async () => {
        // each a new URL: rendered, never from the response cache
        body = (await get(`/practices?locale=${locale}&pageSize=${size}&sort=title:asc`)).body;
      });
      expect(body.data).toHaveLength(size);
      for (const p of body.data) {
        expect((p.topics as unknown[]).length).toBeGreaterThan(0);
        expect(p.promoters).toHaveLength(1);
        expect(p.call).not.toBeNull();
        expect(p.criteria).toEqual(['crisis-response']);
      }
      counts.push(sql.length);
      // the content version (ETag, count memo, derived data, locale sets) is read once per request;
      // on SQLite on a connection of its own, which sends no knex query at all
      expect(sql.filter((q) => q.includes('strapi_core_store_settings')).length).toBeLessThanOrEqual(1);
    }
    // same locale: same number of queries whatever the page size
    expect(counts[1]).toBe(counts[0]);
    expect(counts[3]).toBe(counts[2]);
    // and few of them: rows, topics, promoters, criteria, call, images (+ ids, counts, locale and version look-ups)
    expect(counts[1]).toBeLessThanOrEqual(16);
  });

  it('pages through own and fallback entries in order, each document once', async () => {
    const all = (await get('/practices?locale=ca&pageSize=50&sort=title:asc')).body;
    expect(all.meta.pagination.total).toBe(N);
    const expected = [
      ...Array.from({ length: TRANSLATED }, (_, i) => `Pràctica ${String(i).padStart(2, '0')}`),
      ...Array.from({ length: N - TRANSLATED }, (_, i) => title(i + TRANSLATED)),
    ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(all.data.map((p: { title: string }) => p.title)).toEqual(expected);
    for (const [sort, size] of [
      ['title:asc', 7],
      ['title:desc', 4],
      ['publishedAt:desc', 9],
      ['publishedAt:asc', 5],
    ] as const) {
      const seen: string[] = [];
      for (let page = 1; page <= Math.ceil(N / size); page += 1) {
        const body = (await get(`/practices?locale=ca&pageSize=${size}&page=${page}&sort=${sort}`)).body;
        expect(body.meta.pagination).toMatchObject({ page, pageSize: size, total: N, pageCount: Math.ceil(N / size) });
        seen.push(...body.data.map((p: { documentId: string }) => p.documentId));
      }
      expect(new Set(seen).size, sort).toBe(N);
      if (sort === 'title:asc') expect(seen).toEqual(all.data.map((p: { documentId: string }) => p.documentId));
      if (sort === 'title:desc') expect(seen).toEqual([...all.data].reverse().map((p: { documentId: string }) => p.documentId));
    }
    // start/limit too
    const window = (await get('/practices?locale=ca&pagination[start]=10&pagination[limit]=5&sort=title:asc')).body;
    expect(window.data.map((p: { title: string }) => p.title)).toEqual(expected.slice(10, 15));
    expect(window.meta.pagination).toEqual({ start: 10, limit: 5, total: N });
  });

  it('counts each filter right, and again after a publish', async () => {
    const total = async (q: string) => (await get(`/practices?${q}`)).body.meta.pagination.total as number;
    expect(await total('locale=ca&country=ES')).toBe(N / 2);
    expect(await total('locale=en&topic=housing')).toBe(N - Math.ceil(N / 3));
    // Catalan versions carry food only; the fallback English ones keep their own topics
    const housingInCa = Array.from({ length: N }, (_, i) => i).filter((i) => i >= TRANSLATED && i % 3 !== 0).length;
    expect(await total('locale=ca&topic=housing')).toBe(housingInCa);
    expect(await total('locale=ca&call=call-2026&pageSize=3')).toBe(N);
    expect(await total('locale=ca&filters[title][$startsWith]=Pr%C3%A0ctica')).toBe(TRANSLATED);

    // a second page of the same list counts nothing again
    await get('/practices?locale=ca&country=ES&page=2&pageSize=2');
    const again = await queriesDuring(() => get('/practices?locale=ca&country=ES&page=3&pageSize=2'));
    expect(again.filter((q) => /count\(/i.test(q))).toEqual([]);

    // a publish changes the content version: the totals follow at once
    await documents(app, UID.practice).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Practice 99', slug: 'practice-99', summary: 'New', country: 'ES', reviewStatus: 'approved' },
    });
    expect(await total('locale=ca&country=ES&page=4&pageSize=2')).toBe(N / 2 + 1);
    const draft = await documents(app, UID.practice).create({
      locale: 'en',
      data: { title: 'Practice draft', slug: 'practice-draft', summary: 'Draft', country: 'ES', reviewStatus: 'approved' },
    });
    expect(draft.documentId).toBeTruthy();
    expect(await total('locale=ca&country=ES&page=5&pageSize=2')).toBe(N / 2 + 1);
  });
});
