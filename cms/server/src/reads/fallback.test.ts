import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { adminToken, createAdmin, DEMO_ADMIN, submit, validSubmission } from '../submissions/testing/fixtures';

/**
 * The locale fallback chain through the HTTP API: a document missing in the requested locale comes
 * back in the first language of the chain it has (the configured fallbacks, the default locale,
 * then any), marked with its `locale` and `localeFallback: true`; in lists, single documents,
 * search, feeds and facets alike; never a draft version. And the review page's answer to "in which
 * languages will it show".
 *
 * The app runs with `SOLIDARITY_FALLBACKS={"el":["es"]}`: Greek readers get Spanish before English.
 */
let app: TestApp;
const docs = (uid: string) => documents(app, uid);
const get = (path: string) => request(app.url).get(`/api/solidarity${path}`);

type Item = { documentId: string; slug: string; title: string; locale: string; localeFallback: boolean; topics: { slug: string; name: string }[] };

const topicId = async (slug: string) => {
  const rows = (await app.strapi.db.query(UID.topic as never).findMany({ where: { slug }, select: ['documentId'] })) as TestDoc[];
  return rows[0]?.documentId as string;
};
const topicName = async (slug: string, locale: string) => {
  const res = await get(`/topics?locale=${locale}&pageSize=50`).expect(200);
  return (res.body.data as { slug: string; name: string }[]).find((t) => t.slug === slug)?.name;
};

/** A practice published in exactly the locales of `texts` (the first one created first). */
const practice = async (slug: string, texts: Record<string, string>, extra: Record<string, unknown> = {}) => {
  const [first, ...others] = Object.entries(texts);
  const data = (locale: string, title: string) => ({
    title,
    slug: `${slug}-${locale}`,
    summary: `${title}: summary`,
    country: 'ES',
    ...extra,
  });
  const doc = await docs(UID.practice).create({ locale: first![0], status: 'published', data: data(first![0], first![1]) });
  for (const [locale, title] of others) {
    await docs(UID.practice).update({ documentId: doc.documentId, locale, status: 'published', data: data(locale, title) });
  }
  return doc;
};

let catalanOnly: TestDoc;
let threeLocales: TestDoc;
let caAndEs: TestDoc;
let enWithCaDraft: TestDoc;
const food = 'food-and-basic-goods';

beforeAll(async () => {
  app = await startStrapi({ env: { SOLIDARITY_FALLBACKS: '{"el":["es"]}', ALTCHA_ENABLED: 'false' } });
  // Topics exist in every locale; a Catalan version links Catalan topics (Strapi's rule).
  catalanOnly = await practice('rebost-vilafranca', { ca: 'Rebost solidari de Vilafranca' }, { topics: [{ documentId: await topicId(food) }] });
  threeLocales = await practice('energy-coop', { en: 'Energy cooperative of Osona', es: 'Cooperativa energética de Osona', ca: 'Cooperativa energètica d’Osona' });
  caAndEs = await practice('menjador', { ca: 'Menjador social del Raval', es: 'Comedor social del Raval' }, { country: 'GR' });
  enWithCaDraft = await practice('laptops', { en: 'Laptop library in Thessaloniki' }, { country: 'GR' });
  // a Catalan draft of a document published in English only: never shown, not even on Catalan pages
  await docs(UID.practice).update({
    documentId: enWithCaDraft.documentId,
    locale: 'ca',
    data: { title: 'Esborrany secret de portàtils', slug: 'portatils-esborrany', summary: 'draft-canary text', country: 'FR' },
  });
});
afterAll(async () => {
  await app?.stop();
});

const list = async (locale: string, extra = '') => {
  const res = await get(`/practices?locale=${locale}&pageSize=50${extra}`).expect(200);
  return res.body as { data: Item[]; meta: { pagination: { total: number } } };
};
const byId = (items: Item[], id: string) => items.find((i) => i.documentId === id);

describe('locale fallback chain', () => {
  it('shows a practice that exists only in Catalan on English and Greek pages, marked with its language', async () => {
    for (const locale of ['en', 'el', 'es', 'fr']) {
      const { data, meta } = await list(locale);
      const item = byId(data, catalanOnly.documentId);
      expect(item, locale).toMatchObject({ locale: 'ca', localeFallback: true, title: 'Rebost solidari de Vilafranca' });
      // every published document, once: the total counts it too
      expect(meta.pagination.total, locale).toBe(4);
      expect(new Set(data.map((d) => d.documentId)).size).toBe(4);
    }
    const { data } = await list('ca');
    expect(byId(data, catalanOnly.documentId)).toMatchObject({ locale: 'ca', localeFallback: false });
  });

  it('follows the configured chain before the default locale, and the default before any other', async () => {
    // el: el -> es (configured) -> en (default) -> the rest
    expect(byId((await list('el')).data, threeLocales.documentId)).toMatchObject({ locale: 'es', localeFallback: true });
    expect(byId((await list('el')).data, caAndEs.documentId)).toMatchObject({ locale: 'es', title: 'Comedor social del Raval' });
    // fr: fr -> en (default) -> the rest in the app's order (en, ca, es, el, fr)
    expect(byId((await list('fr')).data, threeLocales.documentId)).toMatchObject({ locale: 'en', localeFallback: true });
    expect(byId((await list('fr')).data, caAndEs.documentId)).toMatchObject({ locale: 'ca', localeFallback: true });
    expect(byId((await list('en')).data, caAndEs.documentId)).toMatchObject({ locale: 'ca' });
    // own version first
    expect(byId((await list('es')).data, threeLocales.documentId)).toMatchObject({ locale: 'es', localeFallback: false });
  });

  it('never shows a draft version: a document published in English only stays English on Catalan pages', async () => {
    const res = await get('/practices?locale=ca&pageSize=50').expect(200);
    expect(byId(res.body.data, enWithCaDraft.documentId)).toMatchObject({ locale: 'en', localeFallback: true, country: 'GR' });
    expect(res.text).not.toContain('draft-canary');
    expect(res.text).not.toContain('Esborrany secret');
    const one = await get('/practices/portatils-esborrany?locale=ca');
    expect(one.status).toBe(404);
  });

  it('gives the topics of a fallback version their names in the requested language', async () => {
    const item = byId((await list('el')).data, catalanOnly.documentId);
    expect(item?.topics.map((t) => t.name)).toEqual([await topicName(food, 'el')]);
    expect(item?.topics[0]?.name).not.toBe(await topicName(food, 'ca'));
  });

  it('applies to single documents, by slug of any language or documentId', async () => {
    for (const id of ['rebost-vilafranca-ca', catalanOnly.documentId]) {
      const res = await get(`/practices/${id}?locale=el`).expect(200);
      expect(res.body.data).toMatchObject({ locale: 'ca', localeFallback: true, title: 'Rebost solidari de Vilafranca' });
    }
    const res = await get(`/practices/energy-coop-en?locale=el`).expect(200);
    expect(res.body.data).toMatchObject({ locale: 'es', localeFallback: true });
  });

  it('applies to search results and their count', async () => {
    const res = await get('/practices?locale=en&q=Vilafranca').expect(200);
    expect(res.body.data.map((d: Item) => d.documentId)).toEqual([catalanOnly.documentId]);
    expect(res.body.meta.pagination.total).toBe(1);
    // the version shown is the one searched: the Greek page shows the Spanish text of the energy cooperative
    const el = await get('/practices?locale=el&q=energética').expect(200);
    expect(el.body.data.map((d: Item) => d.documentId)).toEqual([threeLocales.documentId]);
    expect((await get('/practices?locale=el&q=Osona&pageSize=1').expect(200)).body.meta.pagination.total).toBe(1);
  });

  it('applies to feeds, which use the list', async () => {
    const res = await get('/feeds/practices.json?locale=el').expect(200);
    const feed = JSON.parse(res.text) as { items: { title: string }[] };
    expect(feed.items.map((i) => i.title)).toContain('Rebost solidari de Vilafranca');
    expect(feed.items.map((i) => i.title)).toContain('Comedor social del Raval');
  });

  it('is counted by the facets as the list shows it', async () => {
    const res = await get('/facets/practices?locale=en').expect(200);
    expect(res.body.meta.total).toBe(4);
    const countries = Object.fromEntries((res.body.data.countries as { value: string; count: number }[]).map((c) => [c.value, c.count]));
    // the laptop library is GR as published; its Catalan draft's FR is not counted
    expect(countries).toEqual({ ES: 2, GR: 2 });
  });

  // (these add a practice: after the counts above)
  it('follows a search result from its fallback to its own version and back when that is published and unpublished', async () => {
    const search = async (q: string, extra = '') => {
      const res = await get(`/practices?locale=en&q=${encodeURIComponent(q)}${extra}`).expect(200);
      return { shown: (res.body.data as Item[]).map((d) => [d.documentId, d.locale]), total: res.body.meta.pagination.total as number };
    };
    const basket = await practice('cistella', { ca: 'Cistella solidària de Manresa' });
    expect(await search('cistella')).toEqual({ shown: [[basket.documentId, 'ca']], total: 1 });
    await docs(UID.practice).update({
      documentId: basket.documentId,
      locale: 'en',
      status: 'published',
      data: { title: 'Cistella: the solidarity basket of Manresa', slug: 'cistella-en', summary: 'Cistella in English', country: 'ES' },
    });
    // the English version replaces the Catalan one: once, in English, counted once, on every page
    expect(await search('cistella')).toEqual({ shown: [[basket.documentId, 'en']], total: 1 });
    expect(await search('cistella', '&page=2&pageSize=1')).toEqual({ shown: [], total: 1 });
    await docs(UID.practice).unpublish({ documentId: basket.documentId, locale: 'en' });
    expect(await search('cistella')).toEqual({ shown: [[basket.documentId, 'ca']], total: 1 });
  });

  it('filters and sorts own and fallback entries alike (a filter on the branch, a sort by another column)', async () => {
    const all = await list('en', '&sort=title:asc');
    const spanish = await list('en', '&sort=title:asc&country=ES');
    const titles = all.data.map((d) => d.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const byId = new Map(all.data.map((d) => [d.documentId, d]));
    // the oracle: the unfiltered list, in its order, keeping what it shows as Spanish
    const expected = all.data.filter((d) => (d as Item & { country: string | null }).country === 'ES').map((d) => d.documentId);
    expect(spanish.data.map((d) => d.documentId)).toEqual(expected);
    expect(spanish.data.length).toBeGreaterThan(0);
    expect(spanish.data.length).toBeLessThan(all.data.length);
    expect(spanish.meta.pagination.total).toBe(spanish.data.length);
    for (const d of spanish.data) expect(byId.get(d.documentId)?.locale).toBe(d.locale);
  });
});

describe('review page: in which languages an approved submission shows', () => {
  it('lists every language of the app with the version shown there (admin, review permission)', async () => {
    const sent = await submit(app, validSubmission({ locale: 'ca', title: 'Horts comunitaris de Manlleu' })).expect(202);
    const id = sent.body.data.id as string;
    const token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const res = await request(app.url).get(`/solidarity/submissions/${id}/locales`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.data.locales).toEqual(['ca']);
    expect(res.body.data.visibility).toEqual([
      { locale: 'en', shownIn: 'ca', fallback: true },
      { locale: 'ca', shownIn: 'ca', fallback: false },
      { locale: 'es', shownIn: 'ca', fallback: true },
      { locale: 'el', shownIn: 'ca', fallback: true },
      { locale: 'fr', shownIn: 'ca', fallback: true },
    ]);
    // with a Spanish version too, Greek readers get Spanish (the configured chain)
    await docs(UID.practice).update({ documentId: id, locale: 'es', data: { title: 'Huertos comunitarios de Manlleu', slug: 'huertos-manlleu', summary: 'Huertos.' } });
    const again = await request(app.url).get(`/solidarity/submissions/${id}/locales`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(again.body.data.locales).toEqual(['ca', 'es']);
    expect(again.body.data.visibility.find((v: { locale: string }) => v.locale === 'el')).toEqual({ locale: 'el', shownIn: 'es', fallback: true });
    expect(again.body.data.visibility.find((v: { locale: string }) => v.locale === 'en')).toEqual({ locale: 'en', shownIn: 'ca', fallback: true });
  });

  it('needs an admin with the review permission, and is a 404 for what is not a submission', async () => {
    const sent = await submit(app, validSubmission({ locale: 'ca' })).expect(202);
    const id = sent.body.data.id as string;
    await request(app.url).get(`/solidarity/submissions/${id}/locales`).expect(401);
    const author = await createAdmin(app, 'author@network.example', []);
    await request(app.url).get(`/solidarity/submissions/${id}/locales`).set('Authorization', `Bearer ${author}`).expect(403);
    const token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
    for (const other of [threeLocales.documentId, 'no-such-document', 'bad%00id']) {
      await request(app.url).get(`/solidarity/submissions/${other}/locales`).set('Authorization', `Bearer ${token}`).expect(404);
    }
  });
});
