import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { COUNTRY_CODES, COUNTRY_PATTERN, isCountryCode } from './countries';
import { adminToken, DEMO_ADMIN } from '../submissions/testing/fixtures';
import { UID } from './uids';

/**
 * The fields editors meet in the Content Manager: country and review status are the plugin's custom
 * fields (same stored values, a picker with names), speakers are translated per locale.
 */

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startStrapi({ demo: true });
  token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
type Attribute = { type: string; customField?: string; enum?: string[]; regex?: string; pluginOptions?: { i18n?: { localized?: boolean } } };
const attributesOf = (uid: string) =>
  app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes].attributes as unknown as Record<string, Attribute>;

describe('country and review status custom fields', () => {
  it('keeps the stored types: a string country code, the same review status enumeration', () => {
    for (const uid of [UID.practice, UID.organisation]) {
      expect(attributesOf(uid).country).toMatchObject({ type: 'string', customField: 'plugin::solidarity.country', regex: COUNTRY_PATTERN });
    }
    expect(attributesOf(UID.practice).reviewStatus).toMatchObject({
      type: 'enumeration',
      customField: 'plugin::solidarity.review-status',
      enum: ['submitted', 'in-review', 'needs-info', 'approved', 'rejected'],
    });
    const registered = app.strapi.get('custom-fields') as { get(uid: string): { type: string } };
    expect(registered.get('plugin::solidarity.country').type).toBe('string');
    expect(registered.get('plugin::solidarity.review-status').type).toBe('enumeration');
  });

  it('lists the ISO 3166-1 alpha-2 codes, each a country the runtime can name', () => {
    expect(COUNTRY_CODES).toHaveLength(250); // 249 assigned codes + XK
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
    for (const code of ['ES', 'GR', 'XK']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['QQ', 'EU', 'UK', 'EL', 'es', 'ESP', '']) expect(isCountryCode(code), code).toBe(false);
  });

  it('refuses a non-ISO country through the Content Manager with a 400 and stores nothing', async () => {
    const auth = { Authorization: `Bearer ${token}` };
    for (const [uid, data] of [
      [UID.practice, { title: 'Country check practice', summary: 'A practice whose country is checked.', slug: 'country-check-practice' }],
      [UID.organisation, { name: 'Country check organisation', slug: 'country-check-organisation', kind: 'cooperative' }],
    ] as const) {
      for (const country of ['QQ', 'UK', 'EL']) {
        const res = await request(app.url).post(`${cm(uid)}?locale=en`).set(auth).send({ ...data, country });
        expect(res.status, `${uid} ${country}`).toBe(400);
        expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
      }
      const found = await documents(app, uid).findMany({ filters: { slug: data.slug }, locale: 'en' });
      expect(found).toHaveLength(0);
      const ok = await request(app.url).post(`${cm(uid)}?locale=en`).set(auth).send({ ...data, country: 'GR' });
      expect(ok.status, uid).toBe(201);
      expect((ok.body as { data: { country: string } }).data.country).toBe('GR');
    }
  });

  it('still refuses an unknown review status with a 400', async () => {
    const res = await request(app.url)
      .post(`${cm(UID.practice)}?locale=en`)
      .set({ Authorization: `Bearer ${token}` })
      .send({ title: 'Status check', summary: 'A practice whose review status is checked.', slug: 'status-check', reviewStatus: 'needs info' });
    expect(res.status).toBe(400);
  });
});

describe('speakers of a session', () => {
  it('are localized as a whole, so each locale has its own roles', async () => {
    expect(attributesOf(UID.session).speakers.pluginOptions?.i18n?.localized).toBe(true);
    const [en] = await documents(app, UID.session).findMany({
      filters: { slug: 'community-pantries-beyond-charity' },
      locale: 'en',
      status: 'published',
      populate: { speakers: true },
    });
    expect(en).toBeDefined();
    const ca = await documents(app, UID.session).findOne({
      documentId: String(en?.documentId),
      locale: 'ca',
      status: 'published',
      populate: { speakers: true },
    });
    const roles = (doc: typeof en | null) => (doc?.speakers as { name: string; role: string }[]).map((s) => [s.name, s.role]);
    expect(roles(en)).toContainEqual(['Núria Puigdollers Serra', 'Coordinator']);
    expect(roles(ca)).toContainEqual(['Núria Puigdollers Serra', 'Coordinadora']);

    // An editor changes the Catalan roles; the English ones stay as they were.
    const cmUrl = `${cm(UID.session)}/${String(en?.documentId)}`;
    const auth = { Authorization: `Bearer ${token}` };
    const caDraft = await request(app.url).get(`${cmUrl}?locale=ca`).set(auth);
    expect(caDraft.status).toBe(200);
    const speakers = (caDraft.body as { data: { speakers: { id: number; name: string; role: string; organisation: string }[] } }).data.speakers;
    const changed = speakers.map(({ name, organisation }, i) => ({ name, organisation, role: i === 0 ? 'Coordinadora general' : speakers[i].role }));
    const put = await request(app.url).put(`${cmUrl}?locale=ca`).set(auth).send({ speakers: changed });
    expect(put.status).toBe(200);
    const enDraft = await request(app.url).get(`${cmUrl}?locale=en`).set(auth);
    expect((enDraft.body as { data: { speakers: { role: string }[] } }).data.speakers[0].role).toBe('Coordinator');
    const caAfter = await request(app.url).get(`${cmUrl}?locale=ca`).set(auth);
    expect((caAfter.body as { data: { speakers: { role: string }[] } }).data.speakers[0].role).toBe('Coordinadora general');
  });

  it('come out in the locale asked for on the public API', async () => {
    const res = await request(app.url).get('/api/solidarity/sessions/community-pantries-beyond-charity?locale=el');
    expect(res.status).toBe(200);
    const speakers = (res.body as { data: { speakers: { name: string; role: string }[] } }).data.speakers;
    expect(speakers).toContainEqual(expect.objectContaining({ name: 'Núria Puigdollers Serra', role: 'Συντονίστρια' }));
  });
});
