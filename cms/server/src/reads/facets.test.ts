import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { facetsBodySchema, practiceFacetsSchema } from './shapes';

/**
 * `GET /api/solidarity/facets/practices`: the topics, countries, organisations and calls of the
 * current filter with their counts, in the visitor's language; published documents only, and
 * nothing about unpublished ones, whatever the parameters.
 */
let app: TestApp;
const docs = (uid: string) => documents(app, uid);
const get = (path: string) => request(app.url).get(`/api/solidarity${path}`);

type Value = { value: string; label: string; count: number; locale?: string };
type Facets = { topics: Value[]; countries: Value[]; organisations: Value[]; calls: Value[] };
const counts = (values: Value[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

const topicId = async (slug: string, locale = 'en') => {
  const rows = (await app.strapi.db.query(UID.topic as never).findMany({ where: { slug, locale }, select: ['documentId'] })) as TestDoc[];
  return rows[0]?.documentId as string;
};

const food = 'food-and-basic-goods';
const fablabs = 'local-production-and-fablabs';
let teixit: TestDoc;
let secretOrg: TestDoc;
let edited: TestDoc;

const practice = (slug: string, data: Record<string, unknown>, status: 'published' | 'draft' = 'published', locale = 'en') =>
  docs(UID.practice).create({ locale, ...(status === 'published' ? { status } : {}), data: { title: slug, slug, summary: `${slug} summary`, ...data } });

beforeAll(async () => {
  app = await startStrapi();
  teixit = await docs(UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' },
  });
  await docs(UID.organisation).update({ documentId: teixit.documentId, locale: 'ca', status: 'published', data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES' } });
  // an organisation that exists only as a draft: never a facet value, not even through a published practice
  secretOrg = await docs(UID.organisation).create({
    locale: 'en',
    data: { name: 'Secret Canary Collective', slug: 'secret-canary-collective', kind: 'association', country: 'IS' },
  });
  const call = await docs(UID.call).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Crisis practices 2026', slug: 'crisis-2026', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-03-01T00:00:00.000Z' },
  });
  const p1 = await practice('sants-food-bank', {
    country: 'ES',
    topics: [{ documentId: await topicId(food) }],
    promoters: [{ documentId: teixit.documentId }],
    call: { documentId: call.documentId },
  });
  await docs(UID.practice).update({
    documentId: p1.documentId,
    locale: 'ca',
    status: 'published',
    data: { title: 'Banc d’aliments de Sants', slug: 'banc-aliments-sants', summary: 'Resum', country: 'ES', topics: [{ documentId: await topicId(food, 'ca') }], promoters: [{ documentId: teixit.documentId }] },
  });
  await practice('kypseli-visors', { country: 'GR', topics: [{ documentId: await topicId(fablabs) }] });
  await practice('thessaloniki-pantry', { country: 'GR', topics: [{ documentId: await topicId(food) }] });
  // only in Catalan: counted on every page (the fallback chain ends with any language)
  await practice('rebost-porto', { country: 'PT', topics: [{ documentId: await topicId(food, 'ca') }] }, 'published', 'ca');
  // published as FR, its unpublished edit says NO: only FR is public
  edited = await practice('panier-commun', { country: 'FR' });
  await docs(UID.practice).update({ documentId: edited.documentId, locale: 'en', data: { country: 'NO', topics: [{ documentId: await topicId(fablabs) }] } });
  // a published practice linked to the draft-only organisation
  await practice('hinterhof', { country: 'DE', promoters: [{ documentId: secretOrg.documentId }] });
  // drafts: an Icelandic practice of the secret organisation, with a topic
  await practice('secret-draft-iceland', {
    country: 'IS',
    topics: [{ documentId: await topicId(food) }, { documentId: await topicId(fablabs) }],
    promoters: [{ documentId: secretOrg.documentId }],
    call: { documentId: call.documentId },
  }, 'draft');
});
afterAll(async () => {
  await app?.stop();
});

const facets = async (qs = '') => {
  const res = await get(`/facets/practices${qs ? `?${qs}` : ''}`).expect(200);
  return res.body as { data: Facets; meta: { locale: string; total: number } };
};

describe('facets of the practices list', () => {
  it('counts every published practice by topic, country, organisation and call, with GROUP BY, in one answer', async () => {
    const body: unknown = (await get('/facets/practices').expect(200)).body;
    // the answer is exactly the shape reads/shapes.ts declares (and the OpenAPI document publishes)
    expect(facetsBodySchema(practiceFacetsSchema).safeParse(body).error).toBeUndefined();
    const { data, meta } = await facets();
    expect(meta).toEqual({ locale: 'en', total: 6 });
    expect(counts(data.countries)).toEqual({ ES: 1, GR: 2, PT: 1, FR: 1, DE: 1 });
    expect(counts(data.topics)).toEqual({ [food]: 3, [fablabs]: 1 });
    expect(counts(data.organisations)).toEqual({ teixit: 1 });
    expect(counts(data.calls)).toEqual({ 'crisis-2026': 1 });
    // the list agrees
    const list = await get('/practices?pageSize=50').expect(200);
    expect(list.body.meta.pagination.total).toBe(meta.total);
  });

  it('counts each facet under every filter except its own, so a chosen country still offers the others', async () => {
    const gr = await facets('country=GR');
    expect(gr.meta.total).toBe(2);
    expect(counts(gr.data.countries)).toEqual({ ES: 1, GR: 2, PT: 1, FR: 1, DE: 1 });
    expect(counts(gr.data.topics)).toEqual({ [food]: 1, [fablabs]: 1 });
    expect(gr.data.organisations).toEqual([]);

    const topic = await facets(`topic=${food}`);
    expect(topic.meta.total).toBe(3);
    expect(counts(topic.data.topics)).toEqual({ [food]: 3, [fablabs]: 1 });
    expect(counts(topic.data.countries)).toEqual({ ES: 1, GR: 1, PT: 1 });

    const both = await facets(`topic=${food}&country=GR&country=ES`);
    expect(both.meta.total).toBe(2);
    expect(counts(both.data.topics)).toEqual({ [food]: 2, [fablabs]: 1 });
    expect(counts(both.data.countries)).toEqual({ ES: 1, GR: 1, PT: 1 });
  });

  it('takes the list’s other filters: REST filters, search, organisation and call', async () => {
    const rest = await facets('filters[country][$in][0]=GR&filters[country][$in][1]=PT');
    expect(rest.meta.total).toBe(3);
    // a REST filter is not a facet's own: it narrows every facet
    expect(counts(rest.data.countries)).toEqual({ GR: 2, PT: 1 });
    const q = await facets('q=pantry');
    expect(q.meta.total).toBe(1);
    expect(counts(q.data.countries)).toEqual({ GR: 1 });
    const org = await facets('organisation=teixit');
    expect(org.meta.total).toBe(1);
    expect(counts(org.data.organisations)).toEqual({ teixit: 1 });
    expect(counts(org.data.calls)).toEqual({ 'crisis-2026': 1 });
    const call = await facets('call=crisis-2026');
    expect(counts(call.data.countries)).toEqual({ ES: 1 });
  });

  it('labels in the visitor’s language: countries by their CLDR names, topics in the requested locale', async () => {
    const topicsEl = (await get('/topics?locale=el&pageSize=50').expect(200)).body.data as { slug: string; name: string }[];
    const el = await facets('locale=el');
    expect(el.meta.locale).toBe('el');
    const gr = el.data.countries.find((c) => c.value === 'GR');
    expect(gr).toEqual({ value: 'GR', label: 'Ελλάδα', count: 2 });
    expect(el.data.topics.find((t) => t.value === food)?.label).toBe(topicsEl.find((t) => t.slug === food)?.name);
    const ca = await facets('locale=ca');
    expect(ca.data.countries.map((c) => c.label)).toEqual(['Alemanya', 'Espanya', 'França', 'Grècia', 'Portugal']);
    const en = await facets();
    // sorted by label in the visitor's language
    expect(en.data.countries.map((c) => c.label)).toEqual(['France', 'Germany', 'Greece', 'Portugal', 'Spain']);
    expect(en.data.calls).toEqual([{ value: 'crisis-2026', label: 'Crisis practices 2026', count: 1 }]);
  });

  it('is cached and ETag’d like the list: 304 on If-None-Match, a new ETag after a publish, none after a draft save', async () => {
    const first = await get('/facets/practices?locale=ca').expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(first.headers['cache-control']).toContain('public');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    await get('/facets/practices?locale=ca').set('If-None-Match', etag).expect(304);
    // a draft save changes nothing public
    await docs(UID.practice).update({ documentId: edited.documentId, locale: 'en', data: { country: 'SE' } });
    const afterDraft = await get('/facets/practices?locale=ca').expect(200);
    expect(afterDraft.headers.etag).toBe(etag);
    expect(counts(afterDraft.body.data.countries)).not.toHaveProperty('SE');
    // a publish shows at once
    await docs(UID.practice).publish({ documentId: edited.documentId, locale: 'en' });
    const afterPublish = await get('/facets/practices?locale=ca').expect(200);
    expect(afterPublish.headers.etag).not.toBe(etag);
    expect(counts(afterPublish.body.data.countries)).toMatchObject({ SE: 1 });
    expect(counts(afterPublish.body.data.countries)).not.toHaveProperty('FR');
    await docs(UID.practice).update({ documentId: edited.documentId, locale: 'en', status: 'published', data: { country: 'FR', topics: [] } });
  });

  it('refuses what the list refuses, and paging, sorting and fields (400 in Strapi’s format)', async () => {
    for (const qs of [
      'page=2',
      'pageSize=5',
      'sort=title:asc',
      'fields[0]=title',
      'populate=*',
      'pagination[page]=1',
      'format=jsonld',
      'locale=xx',
      'country=Greece',
      'status=draft',
      'nope=1',
      'filters[contact][email][$contains]=a',
      'filters[reviewStatus][$eq]=submitted',
      'filters[title][$foo]=x',
      'filters[localizations][title][$eq]=x',
    ]) {
      const res = await get(`/facets/practices?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body, qs).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/openapi.json').expect(200)).body as {
      paths: Record<string, { get?: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths['/api/solidarity/facets/practices']?.get;
    expect(op).toBeDefined();
    const names = op?.parameters.map((p) => p.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(['locale', 'q', 'topic', 'country', 'organisation', 'call', 'criteria', 'filters']));
    expect(names).not.toContain('page');
    expect(names).not.toContain('sort');
    expect(JSON.stringify(op?.responses['200'])).toContain('#/components/schemas/PracticeFacets');
    expect(doc.components.schemas.FacetValue).toBeDefined();
  });
});

describe('facets never count drafts or tell anything about them', () => {
  const SECRET_VALUES = ['IS', 'NO', 'secret-canary-collective'];
  const VARIANTS = [
    '',
    'locale=ca',
    'locale=el',
    'filters[publishedAt][$null]=true',
    'filters[$or][0][publishedAt][$null]=true&filters[$or][1][title][$notNull]=true',
    'filters[country][$eq]=IS',
    'country=IS',
    'country=NO',
    'organisation=secret-canary-collective',
    'filters[promoters][slug][$eq]=secret-canary-collective',
    'filters[promoters][publishedAt][$null]=true',
    'filters[topics][publishedAt][$null]=true',
    'filters[call][practices][country][$eq]=IS',
    'q=secret',
    'q=iceland',
  ];

  it('no variant of the query shows a draft value or counts a draft', async () => {
    for (const variant of VARIANTS) {
      const res = await get(`/facets/practices?${variant}`);
      expect(res.status, variant).toBe(200);
      const data = res.body.data as Facets;
      const values = [...data.topics, ...data.countries, ...data.organisations, ...data.calls].map((v) => v.value);
      for (const secret of SECRET_VALUES) expect(values, `${variant} shows ${secret}`).not.toContain(secret);
      expect(res.text, variant).not.toContain('Secret Canary');
      expect(res.text, variant).not.toContain('secret-draft-iceland');
      // no count exceeds the published practices (6); the whole filter's total does not either
      expect(res.body.meta.total, variant).toBeLessThanOrEqual(6);
      for (const v of [...data.topics, ...data.countries, ...data.organisations, ...data.calls]) {
        expect(v.count, `${variant} ${v.value}`).toBeLessThanOrEqual(6);
      }
    }
  });

  it('a filter on a draft value answers exactly as a filter on a value that does not exist', async () => {
    const pairs: [string, string][] = [
      ['organisation=secret-canary-collective', 'organisation=no-such-organisation'],
      ['filters[promoters][slug][$eq]=secret-canary-collective', 'filters[promoters][slug][$eq]=no-such-organisation'],
      ['filters[promoters][name][$startsWith]=Secret', 'filters[promoters][name][$startsWith]=Zzzz'],
      ['country=IS', 'country=AQ'],
      ['filters[country][$eq]=NO', 'filters[country][$eq]=AQ'],
      ['q=iceland', 'q=zzzzqqq'],
      ['filters[call][practices][country][$eq]=IS', 'filters[call][practices][country][$eq]=AQ'],
    ];
    for (const [secret, nothing] of pairs) {
      const a = await get(`/facets/practices?${secret}`).expect(200);
      const b = await get(`/facets/practices?${nothing}`).expect(200);
      expect(a.body, secret).toEqual(b.body);
    }
  });

  it('counts a published practice once, in its published state, whatever its drafts say', async () => {
    const { data } = await facets('locale=fr');
    // the Icelandic draft's topics are not counted; the FR practice's draft topic (fablabs) is not either
    expect(counts(data.topics)).toEqual({ [food]: 3, [fablabs]: 1 });
    expect(counts(data.calls)).toEqual({ 'crisis-2026': 1 });
  });
});
