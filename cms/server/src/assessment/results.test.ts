import request from 'supertest';
import { parseDocument as parse } from '../../../../test/helpers/html';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { getService } from '../services/get-service';
import { isTimeDependent } from '../http/cache';
import { adminToken, DEMO_ADMIN } from '../submissions/testing/fixtures';
import { ASSESSMENT_UID } from './uids';

/**
 * After a call's results, the practices its commission did not select cannot
 * be worked out from any public answer: every public path answers, byte for
 * byte (bodies, totals, facet counts, ETags), as in a world where those
 * practices were never linked to the call. The world is built once, its
 * answers recorded, then the two links are removed from the database and the
 * same answers are asked again with the same content version.
 */
let app: TestApp;
const CALL = 'results-call-2027';
const OTHER = 'open-call-2027';
const ids = { call: '', other: '', selected: '', notA: '', notB: '', free: '' };

const practice = async (title: string, slug: string, call: string | null, topic: string) =>
  (
    await documents(app, UID.practice).create({
      locale: 'en',
      status: 'published',
      data: { title, slug, summary: `${title} summary`, licence: 'CC-BY-4.0', country: 'ES', topics: [topic], call },
    })
  ).documentId;

/** Every public answer that could tell which practices the call has, with the paths filled in. */
const paths = () => {
  const t = (prefix: string) => encodeURIComponent(prefix);
  return [
    `/api/solidarity/practices?locale=en`,
    `/api/solidarity/practices?locale=en&call=${CALL}`,
    `/api/solidarity/practices?locale=ca&call=${CALL}`,
    `/api/solidarity/practices?locale=en&call=${CALL}&q=orchard`,
    `/api/solidarity/practices?locale=en&q=orchard`,
    `/api/solidarity/practices?locale=en&filters[call][slug][$eq]=${CALL}`,
    `/api/solidarity/practices?locale=en&filters[call][slug]=${CALL}`,
    `/api/solidarity/practices?locale=en&filters[call][documentId][$eq]=${ids.call}`,
    `/api/solidarity/practices?locale=en&filters[call][documentId][$notNull]=true`,
    `/api/solidarity/practices?locale=en&filters[call][documentId][$null]=true`,
    `/api/solidarity/practices?locale=en&filters[call][slug][$ne]=${OTHER}`,
    `/api/solidarity/practices?locale=en&filters[call][slug][$in][0]=${CALL}&filters[call][slug][$in][1]=${OTHER}`,
    `/api/solidarity/practices?locale=en&filters[$or][0][call][slug]=${CALL}&filters[$or][1][title][$eq]=nothing`,
    `/api/solidarity/practices?locale=en&filters[$and][0][call][phase][$eq]=results&filters[$and][1][title][$startsWith]=${t('Orchard')}`,
    `/api/solidarity/practices?locale=en&filters[call][practices][title][$startsWith]=${t('Orchard B')}`,
    `/api/solidarity/practices?locale=en&filters[topics][practices][call][slug]=${CALL}`,
    `/api/solidarity/practices?locale=en&pagination[start]=0&pagination[limit]=2&filters[call][slug]=${CALL}`,
    `/api/solidarity/practices/${ids.notA}?locale=en`,
    `/api/solidarity/practices/orchard-b?locale=en`,
    `/api/solidarity/practices/${ids.selected}?locale=en`,
    `/api/solidarity/calls?locale=en&filters[practices][title][$eq]=${t('Orchard B')}`,
    `/api/solidarity/calls?locale=en&filters[practices][slug][$startsWith]=orchard`,
    `/api/solidarity/calls/${CALL}?locale=en`,
    `/api/solidarity/topics?locale=en&filters[practices][call][slug]=${CALL}`,
    `/api/solidarity/facets/practices?locale=en`,
    `/api/solidarity/facets/practices?locale=en&call=${CALL}`,
    `/api/solidarity/facets/practices?locale=en&topic=topic-results`,
    `/api/solidarity/facets/practices?locale=en&filters[call][slug]=${CALL}`,
    `/api/solidarity/facets/practices?locale=en&q=orchard`,
    `/api/solidarity/feeds/practices.json?locale=en&call=${CALL}`,
    `/api/solidarity/feeds/practices.rss?locale=en&call=${CALL}`,
    `/api/solidarity/export/practices.json?locale=en&call=${CALL}`,
    `/api/solidarity/export/practices.csv?locale=en&filters[call][slug]=${CALL}`,
    `/embed/en/practices?call=${CALL}`,
  ];
};

interface Answer {
  status: number;
  etag: string | undefined;
  body: string;
}

/** The answers of every path, read with a fixed content version (so that ETags compare) and no cached answer. */
const record = async (): Promise<Map<string, Answer>> => {
  await app.strapi.store({ type: 'plugin', name: 'solidarity' }).set({ key: 'content-version', value: 'fixed-for-comparison' });
  getService(app.strapi, 'cache').clear();
  const out = new Map<string, Answer>();
  for (const path of paths()) {
    const res = await request(app.url).get(path).buffer(true).parse((r, cb) => {
      let data = '';
      r.on('data', (c: Buffer) => (data += c.toString('utf8')));
      r.on('end', () => cb(null, data));
    });
    out.set(path, { status: res.status, etag: res.headers.etag as string | undefined, body: String(res.body) });
  }
  return out;
};

beforeAll(async () => {
  app = await startStrapi({});
  const topic = await documents(app, UID.topic).create({ locale: 'en', status: 'published', data: { name: 'Results topic', slug: 'topic-results' } });
  const call = await documents(app, UID.call).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Results call',
      slug: CALL,
      opensAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() - 86_400_000).toISOString(),
      criteria: [{ label: 'Innovation' }],
      phase: 'results',
    },
  });
  ids.call = call.documentId;
  const other = await documents(app, UID.call).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Open call', slug: OTHER, opensAt: new Date(Date.now() - 86_400_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  ids.other = other.documentId;
  const create = (title: string, slug: string, callId: string | null) => practice(title, slug, callId, topic.documentId);
  ids.selected = await create('Orchard A', 'orchard-a', ids.call);
  ids.notA = await create('Orchard B', 'orchard-b', ids.call);
  ids.notB = await create('Orchard C', 'orchard-c', ids.call);
  ids.free = await create('Orchard D', 'orchard-d', ids.other);
  const decide = (practiceDocumentId: string, decision: string) =>
    app.strapi.db.query(ASSESSMENT_UID.decision).create({
      data: { callDocumentId: ids.call, practiceDocumentId, decision, reason: 'test', decidedAt: new Date() },
    });
  await decide(ids.selected, 'selected');
  await decide(ids.notA, 'not-selected');
  await decide(ids.notB, 'needs-info');
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

describe('call results: the practices not selected cannot be worked out', () => {
  it('answers every public path as if the practices not selected had no call', async () => {
    // Calls', sessions' and a call's page's ETags also change each minute (what is open changes with
    // the clock, http/cache.ts isTimeDependent): both worlds are read within one minute of the clock.
    const minute = () => Math.floor(Date.now() / 60_000);
    if (Date.now() % 60_000 > 40_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 50));
    const startedIn = minute();
    const linked = await record();
    // the world under test shows the selected practice under the call, and only it
    const underCall = JSON.parse(linked.get(`/api/solidarity/practices?locale=en&call=${CALL}`)?.body ?? '{}') as { data: { documentId: string }[] };
    expect(underCall.data.map((p) => p.documentId)).toEqual([ids.selected]);
    const detail = JSON.parse(linked.get(`/api/solidarity/practices/${ids.notA}?locale=en`)?.body ?? '{}') as { data: { call: unknown } };
    expect(detail.data.call ?? null).toBeNull();

    // the other world: the links of the practices not selected removed (draft and published rows alike)
    const meta = app.strapi.db.metadata.get(UID.practice).attributes.call as { joinTable: { name: string; joinColumn: { name: string } } };
    const rows = (await app.strapi.db.query(UID.practice).findMany({ where: { documentId: { $in: [ids.notA, ids.notB] } }, select: ['id'] })) as { id: number }[];
    expect(rows.length).toBeGreaterThan(0);
    await app.strapi.db.connection(meta.joinTable.name).whereIn(meta.joinTable.joinColumn.name, rows.map((r) => r.id)).delete();
    const unlinked = await record();
    const timed = paths().filter((path) => isTimeDependent(path.split('?')[0] ?? path, path.split('?')[1] ?? ''));
    expect(timed.length, 'some answers depend on the minute').toBeGreaterThan(0);
    expect(minute(), 'both worlds read within one minute (took over 20 s): their ETags cannot be compared').toBe(startedIn);

    for (const path of paths()) {
      const [a, b] = [linked.get(path), unlinked.get(path)];
      expect(a?.status, `${path}: ${a?.body.slice(0, 300)}`).toBe(200);
      expect(a?.etag, path).toBeTruthy();
      expect(a, path).toEqual(b);
    }
  });

  it('lists every linked practice of a call in its assessment phase that is published (they are public already)', async () => {
    // put the links back and move the call back to assessment: no filter hides anything then
    for (const documentId of [ids.notA, ids.notB]) {
      await documents(app, UID.practice).update({ documentId, locale: 'en', status: 'published', data: { call: ids.call } });
    }
    await documents(app, UID.call).update({ documentId: ids.call, locale: 'en', status: 'published', data: { phase: 'assessment' } });
    const res = await request(app.url).get(`/api/solidarity/practices?locale=en&filters[call][slug]=${CALL}&sort=slug:asc`).expect(200);
    expect(res.body.data.map((p: { slug: string }) => p.slug)).toEqual(['orchard-a', 'orchard-b', 'orchard-c']);
    const facets = await request(app.url).get(`/api/solidarity/facets/practices?locale=en`).expect(200);
    expect(facets.body.data.calls).toEqual(expect.arrayContaining([expect.objectContaining({ value: CALL, count: 3 })]));
    // back to results: the facet and the filter count the selected one only
    await documents(app, UID.call).update({ documentId: ids.call, locale: 'en', status: 'published', data: { phase: 'results' } });
    const after = await request(app.url).get(`/api/solidarity/facets/practices?locale=en`).expect(200);
    expect(after.body.data.calls).toEqual(expect.arrayContaining([expect.objectContaining({ value: CALL, count: 1 })]));
    const list = await request(app.url).get(`/api/solidarity/practices?locale=en&filters[call][slug]=${CALL}`).expect(200);
    expect(list.body.meta.pagination.total).toBe(1);
  });
});

describe('call banner on the public list page (/embed/<locale>/practices?call=)', () => {
  it('shows the call, its phase, deadline and criteria; the selected practices after the results; the form while open', async () => {
    const results = parse((await request(app.url).get(`/embed/ca/practices?call=${CALL}`).expect(200)).text);
    const widget = results.querySelector('solidarity-practices');
    const banner = widget?.querySelector('section.call');
    expect(banner?.querySelector('h2')?.text).toBe('Results call');
    expect(banner?.querySelector('[data-phase]')?.text).toBe('Fase: Resultats publicats');
    expect(banner?.text).toMatch(/Termini: \d+ de \S+ del? \d{4}/);
    expect(banner?.querySelectorAll('li').map((li) => li.text)).toEqual(['Innovation']);
    expect(banner?.querySelectorAll('h2').map((h) => h.text)).toContain('Pràctiques seleccionades en aquesta convocatòria');
    expect(banner?.querySelector('solidarity-submit-practice')).toBeNull();
    expect(widget?.querySelectorAll('li h2 a').map((h) => h.text)).toEqual(['Orchard A']);

    const open = parse((await request(app.url).get(`/embed/en/practices?call=${OTHER}`).expect(200)).text);
    const openBanner = open.querySelector('solidarity-practices section.call');
    expect(openBanner?.querySelector('[data-phase]')?.text).toBe('Phase: Open for submissions');
    expect(openBanner?.text).toMatch(/Deadline: \d+ \w+ \d{4}/);
    expect(openBanner?.querySelector('details summary')?.text).toBe('Submit a practice');
    expect(openBanner?.querySelector('solidarity-submit-practice')?.getAttribute('call')).toBe(OTHER);
    expect(openBanner?.text).not.toContain('Practices selected');

    // an unknown call names nothing: a 404 page (embed/pages.ts assertKnownFilters)
    const none = parse((await request(app.url).get('/embed/en/practices?call=no-such-call').expect(404)).text);
    expect(none.querySelector('section.call')).toBeNull();
    const plain = parse((await request(app.url).get('/embed/en/practices').expect(200)).text);
    expect(plain.querySelector('section.call')).toBeNull();
  });
});

describe('call results: a decision changed afterwards', () => {
  it('shows at once: the public caches get a new content version', async () => {
    const path = `/api/solidarity/practices?locale=en&call=${CALL}`;
    const before = await request(app.url).get(path).expect(200);
    expect(before.body.data.map((p: { slug: string }) => p.slug)).toEqual(['orchard-a']);
    // cached now: the same ETag answers 304
    await request(app.url).get(path).set('If-None-Match', String(before.headers.etag)).expect(304);
    // submissions of the call, as the form makes them (marked directly: a submission is published by its review)
    await app.strapi.db.query(UID.practice).updateMany({ where: { documentId: { $in: [ids.selected, ids.notA, ids.notB] } }, data: { source: 'submission' } });
    const token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await request(app.url)
      .post(`/solidarity/assessment/calls/${ids.call}/submissions/${ids.notA}/decision`)
      .set('Authorization', `Bearer ${token}`)
      .send({ decision: 'selected', reason: 'A second look' })
      .expect(200);
    const after = await request(app.url).get(path).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.data.map((p: { slug: string }) => p.slug).sort()).toEqual(['orchard-a', 'orchard-b']);
    const detail = await request(app.url).get(`/api/solidarity/practices/orchard-b?locale=en`).expect(200);
    expect(detail.body.data.call).toMatchObject({ slug: CALL });
  });
});
