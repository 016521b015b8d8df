import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';

let app: TestApp;
type Doc = TestDoc;
const docs = (uid: string) => documents(app, uid);
const http = () => request(app.url);
const get = (path: string) => http().get(`/api/solidarity${path}`);

const topicId = async (slug: string, locale = 'en') => {
  const rows = (await app.strapi.db.query(UID.topic as never).findMany({ where: { slug, locale }, select: ['documentId'] })) as Doc[];
  return rows[0]?.documentId as string;
};

let coop: Doc;
let foodBank: Doc;
let fablab: Doc;
let draft: Doc;

beforeAll(async () => {
  app = await startStrapi();
  coop = await docs(UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES', website: 'https://teixit.example' },
  });
  for (const locale of ['ca', 'es', 'el', 'fr']) {
    await docs(UID.organisation).update({ documentId: coop.documentId, locale, status: 'published', data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' } });
  }
  const food = await topicId('food-and-basic-goods');
  foodBank = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Volunteer food bank in Sants',
      slug: 'sants-food-bank',
      summary: 'Neighbours collect and share fresh food every week.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'A cooperative kitchen cooks with surplus vegetables.' }] }],
      country: 'ES',
      topics: [{ documentId: food }],
      promoters: [{ documentId: coop.documentId }],
      criteria: [{ value: 'crisis-response' }],
      contact: { name: 'Private Person', email: 'private-person@leak-canary.example', role: 'coordinator' },
      reviewStatus: 'approved',
    },
  });
  await docs(UID.practice).update({
    documentId: foodBank.documentId,
    locale: 'ca',
    status: 'published',
    data: {
      title: 'Banc d’aliments voluntari de Sants',
      slug: 'banc-aliments-sants',
      summary: 'El veïnat recull i comparteix aliments frescos cada setmana.',
      country: 'ES',
      topics: [{ documentId: await topicId('food-and-basic-goods', 'ca') }],
      promoters: [{ documentId: coop.documentId }],
    },
  });
  fablab = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Fablab visors for care homes',
      slug: 'fablab-visors',
      summary: 'Makers printed protective visors; a food bank distributed them.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Open hardware designs shared across the network.' }] }],
      country: 'GR',
      topics: [{ documentId: await topicId('local-production-and-fablabs') }],
      criteria: [{ value: 'inter-cooperation' }],
    },
  });
  draft = await docs(UID.practice).create({
    locale: 'en',
    data: { title: 'Secret draft about housing', slug: 'secret-draft', summary: 'not public', country: 'FR' },
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('GET /api/solidarity/practices', () => {
  it('lists published practices in Strapi v5 shape, with relations at a fixed shallow shape', async () => {
    const res = await get('/practices').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 2 });
    const item = res.body.data.find((d: Doc) => d.slug === 'sants-food-bank');
    expect(item).toMatchObject({
      documentId: foodBank.documentId,
      locale: 'en',
      localeFallback: false,
      title: 'Volunteer food bank in Sants',
      country: 'ES',
      criteria: ['crisis-response'],
      topics: [{ slug: 'food-and-basic-goods', name: 'Food and basic goods' }],
      promoters: [{ slug: 'teixit', name: 'Cooperativa Teixit', country: 'ES', website: 'https://teixit.example' }],
      licence: 'CC-BY-SA-4.0',
    });
    expect(item.url).toMatch(/\/embed\/en\/practices\/sants-food-bank$/);
    expect(item).not.toHaveProperty('body'); // lists stay light; the detail has the body
    expect(JSON.stringify(res.body)).not.toMatch(/leak-canary|reviewStatus|Secret draft|createdBy/);
  });

  it('falls back to the default locale, marked', async () => {
    const res = await get('/practices?locale=ca&sort=title:asc').expect(200);
    const [translated, fallback] = [
      res.body.data.find((d: Doc) => d.documentId === foodBank.documentId),
      res.body.data.find((d: Doc) => d.documentId === fablab.documentId),
    ];
    expect(translated).toMatchObject({ locale: 'ca', localeFallback: false, title: 'Banc d’aliments voluntari de Sants' });
    expect(translated.topics[0].name).not.toBe('Food and basic goods');
    expect(fallback).toMatchObject({ locale: 'en', localeFallback: true, title: 'Fablab visors for care homes' });
    // the fallback's topics are named in the visitor's language
    expect(fallback.topics[0].slug).toBe('local-production-and-fablabs');
    expect(fallback.topics[0].name).not.toBe('Local production and fablabs');
    const en = await get('/practices/fablab-visors').expect(200);
    expect(en.body.data.topics[0].name).toBe('Local production and fablabs');
    expect(res.body.meta).toMatchObject({ locale: 'ca', pagination: { total: 2 } });
  });

  it('answers an unknown locale with 400 listing the available ones', async () => {
    const res = await get('/practices?locale=xx').expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.message).toBe('Unknown locale "xx": use one of en, ca, es, el, fr');
  });

  it('filters with the shortcuts', async () => {
    const slugs = async (qs: string) => (await get(`/practices?${qs}`).expect(200)).body.data.map((d: Doc) => d.slug).sort();
    expect(await slugs('topic=food-and-basic-goods')).toEqual(['sants-food-bank']);
    expect(await slugs('country=gr')).toEqual(['fablab-visors']);
    expect(await slugs('country=ES&country=GR')).toEqual(['fablab-visors', 'sants-food-bank']);
    expect(await slugs('organisation=teixit')).toEqual(['sants-food-bank']);
    expect(await slugs('criteria=inter-cooperation')).toEqual(['fablab-visors']);
    expect(await slugs('topic=no-such-topic')).toEqual([]);
    // a Catalan slug finds the same document
    expect(await slugs('locale=ca&topic=food-and-basic-goods')).toEqual(['banc-aliments-sants']);
  });

  it('refuses a filter with more conditions on related documents than it can join, with a 400, on the list and the facets', async () => {
    // 20 relation conditions under $or once held the server for seconds (SQLite, in-process) or was a 500
    const branches = Array.from({ length: 20 }, (_, i) => `filters[$or][${i}][topics][slug][$ne]=x${i}`).join('&');
    for (const path of [`/practices?${branches}`, `/facets/practices?${branches}`]) {
      const res = await get(path).expect(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(/related documents/);
    }
    // four are fine
    const four = Array.from({ length: 4 }, (_, i) => `filters[$or][${i}][topics][slug][$ne]=x${i}`).join('&');
    await get(`/practices?${four}`).expect(200);
  });

  it('accepts Strapi REST filters, sort and pagination', async () => {
    const res = await get('/practices?filters[country][$eq]=GR&sort[0]=title:desc&pagination[pageSize]=1').expect(200);
    expect(res.body.data.map((d: Doc) => d.slug)).toEqual(['fablab-visors']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 1, total: 1 });
    const rel = await get('/practices?filters[topics][slug][$eq]=local-production-and-fablabs').expect(200);
    expect(rel.body.data.map((d: Doc) => d.slug)).toEqual(['fablab-visors']);
    // a logical operator inside a relation filter (combined with the published-only condition under $and)
    const either = await get(
      '/practices?filters[topics][$or][0][slug][$eq]=local-production-and-fablabs&filters[topics][$or][1][slug][$eq]=no-such-topic'
    ).expect(200);
    expect(either.body.data.map((d: Doc) => d.slug)).toEqual(['fablab-visors']);
    const offset = await get('/practices?pagination[start]=1&pagination[limit]=1&sort=title:asc').expect(200);
    expect(offset.body.meta.pagination).toEqual({ start: 1, limit: 1, total: 2 });
    const fields = await get('/practices?fields[0]=title&sort=title:asc').expect(200);
    expect(Object.keys(fields.body.data[0]).sort()).toEqual(['documentId', 'locale', 'localeFallback', 'slug', 'title']);
  });

  it('searches title, summary and body, best match first', async () => {
    const res = await get('/practices?q=food%20bank').expect(200);
    // the title match ranks above the summary-only match
    expect(res.body.data.map((d: Doc) => d.slug)).toEqual(['sants-food-bank', 'fablab-visors']);
    const body = await get('/practices?q=hardware').expect(200);
    expect(body.body.data.map((d: Doc) => d.slug)).toEqual(['fablab-visors']);
    const ca = await get('/practices?locale=ca&q=aliments').expect(200);
    expect(ca.body.data.map((d: Doc) => d.slug)).toEqual(['banc-aliments-sants']);
    expect(res.body.meta.pagination.total).toBe(2);
    // in Catalan: the English-only practice matches through its fallback...
    const fallback = await get('/practices?locale=ca&q=visors').expect(200);
    expect(fallback.body.data.map((d: Doc) => d.slug)).toEqual(['fablab-visors']);
    expect(fallback.body.meta.pagination.total).toBe(1);
    // ...but a practice that has a Catalan version is searched in Catalan only
    const english = await get('/practices?locale=ca&q=volunteer').expect(200);
    expect(english.body.data).toEqual([]);
    expect(english.body.meta.pagination.total).toBe(0);
    const none = await get('/practices?q=%22%28%29*%3A').expect(200); // FTS operators only: no words
    expect(none.body.data).toEqual([]);
  });

  it.each([
    ['pageSize=1000', /pageSize/],
    ['page=-1', /page/],
    ['page=abc', /page/],
    ['pageSize=0', /pageSize/],
    ['pagination[pageSize]=500', /pagination\[pageSize\]/],
    ['filters[title][$foo]=x', /\$foo|Invalid/],
    ['filters[contact][email][$eq]=private-person@leak-canary.example', /contact|Invalid/],
    ['filters[reviewStatus][$eq]=approved', /reviewStatus|Invalid/],
    ['sort=reviewStatus:asc', /reviewStatus|Invalid/],
    ['sort=title:sideways', /direction/],
    ['fields[0]=reviewNotes', /reviewNotes|Invalid/],
    ['populate=contact', /contact|Invalid/],
    ['populate[createdBy]=true', /createdBy|Invalid/],
    ['filters[createdBy][email][$eq]=x', /createdBy|Invalid/],
    ['filters=title', /filters|Invalid/],
    ['status=draft', /published/],
    ['criteria=not-a-criterion', /criteria/],
    ['country=Spain', /country/],
    ['bogus=1', /Unknown query parameter "bogus"/],
    ['q=' + 'x'.repeat(300), /q/],
    ['q=', /"q".*leave q out to list everything/],
    ['q=%20%20%20', /"q".*empty or only spaces/],
  ])('rejects %s with a 400 in Strapi error format', async (qs, message) => {
    const res = await get(`/practices?${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(res.body.error.message).toMatch(message);
  });

  it('survives bytes that are not UTF-8', async () => {
    for (const path of ['/practices?q=%FF%FE', '/practices?locale=%C0', '/practices/%FF%FE', '/practices?topic=%E2%28%A1']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it('costs the same number of queries for a page of 1 and a page of 50', async () => {
    const knex = app.strapi.db.connection as unknown as { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
    const measure = async (qs: string) => {
      let n = 0;
      const count = () => {
        n += 1;
      };
      knex.on('query', count);
      await get(`/practices?${qs}&_=${Math.random()}`.replace(/&_=.*/, '')).set('Cache-Control', 'no-cache');
      knex.off('query', count);
      return n;
    };
    // the locale list is reused for 5 s (locales LOCALE_TTL_MS): read it just before, so that neither
    // measurement pays for reading it on a slow machine
    await get('/topics?pageSize=1&locale=ca');
    app.strapi.plugin('solidarity').service('cache').clear();
    const small = await measure('pageSize=1&locale=ca');
    app.strapi.plugin('solidarity').service('cache').clear();
    const large = await measure('pageSize=50&locale=ca');
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(15);
  });
});

describe('GET /api/solidarity/practices/:idOrSlug', () => {
  it('finds by slug or documentId, with body and links', async () => {
    const bySlug = await get('/practices/sants-food-bank').expect(200);
    expect(bySlug.body.data).toMatchObject({ documentId: foodBank.documentId, title: 'Volunteer food bank in Sants' });
    expect(bySlug.body.data.body[0].children[0].text).toContain('cooperative kitchen');
    expect(bySlug.body.data.links).toEqual([]);
    const byId = await get(`/practices/${foodBank.documentId}?locale=ca`).expect(200);
    expect(byId.body.data).toMatchObject({ locale: 'ca', localeFallback: false });
    const caSlugInEn = await get('/practices/banc-aliments-sants?locale=en').expect(200);
    expect(caSlugInEn.body.data).toMatchObject({ locale: 'en', slug: 'sants-food-bank' });
    const fallback = await get('/practices/fablab-visors?locale=el').expect(200);
    expect(fallback.body.data).toMatchObject({ locale: 'en', localeFallback: true });
    expect(JSON.stringify(bySlug.body)).not.toContain('leak-canary');
  });

  it('answers 404 for a slug that does not exist, and for drafts', async () => {
    for (const slug of ['no-such-practice', 'secret-draft', draft.documentId]) {
      const res = await get(`/practices/${slug}`).expect(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    }
  });

  it('rejects status=draft', async () => {
    await get('/practices/secret-draft?status=draft').expect(400);
  });
});

describe('caching', () => {
  it('sends ETag and Cache-Control, and 304 on If-None-Match', async () => {
    const first = await get('/practices?locale=ca').expect(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const second = await get('/practices?locale=ca').set('If-None-Match', etag).expect(304);
    expect(second.text).toBe('');
    expect(second.headers.etag).toBe(etag);
  });

  it('shows a publish and an unpublish at once, and changes the ETag', async () => {
    const before = await get('/practices').expect(200);
    await docs(UID.practice).publish({ documentId: draft.documentId, locale: 'en' });
    const after = await get('/practices').expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.data.map((d: Doc) => d.slug)).toContain('secret-draft');
    await get('/practices').set('If-None-Match', before.headers.etag as string).expect(200);
    await docs(UID.practice).unpublish({ documentId: draft.documentId, locale: 'en' });
    const gone = await get('/practices').expect(200);
    expect(gone.body.data.map((d: Doc) => d.slug)).not.toContain('secret-draft');
    await get('/practices/secret-draft').expect(404);
    expect((await get('/practices?q=housing').expect(200)).body.data).toEqual([]);
  });
});

describe('CORS', () => {
  it('answers * without credentials on public reads', async () => {
    const res = await get('/practices').set('Origin', 'https://member.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('other public types', () => {
  it('lists topics, organisations, calls, sessions and statements', async () => {
    const topics = await get('/topics?locale=el&pageSize=50').expect(200);
    expect(topics.body.data).toHaveLength(14);
    expect(topics.body.data[0]).toMatchObject({ locale: 'el', localeFallback: false });
    const orgs = await get('/organisations?country=ES').expect(200);
    expect(orgs.body.data.map((d: Doc) => d.slug)).toEqual(['teixit']);
    await get('/organisations/teixit').expect(200);
    await get('/calls?open=true').expect(200);
    await get('/calls?open=maybe').expect(400);
    await get('/sessions?when=upcoming').expect(200);
    await get('/sessions?when=tomorrow').expect(400);
    await get('/statements?kind=open-call').expect(200);
    await get('/statements?kind=manifesto').expect(400);
    await get('/sessions/nope').expect(404);
  });

  it('refuses q where there is no full-text search (topics, organisations, calls), saying what to use, instead of an empty page', async () => {
    for (const path of ['/topics?locale=en&q=housing', '/organisations?q=Teixit', '/calls?q=food']) {
      const res = await get(path).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0].path).toEqual(['q']);
      expect(res.body.error.details.errors[0].message).toContain('filters[name][$containsi]');
    }
    // what it points to works
    const topics = await get('/topics?locale=en&filters[name][$containsi]=housing').expect(200);
    expect(topics.body.data.map((d: Doc) => d.slug)).toContain('housing');
    // and q still searches where it is offered
    for (const type of ['practices', 'sessions', 'statements']) await get(`/${type}?locale=en&q=housing`).expect(200);
  });
});
