import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../cms/server/src/submissions/testing/fixtures';
import { UID } from '../../cms/server/src/content-types/uids';
import { adminLogin, contentManager, type ContentManagerClient } from '../helpers/content-manager';
import { testDatabaseClient } from '../helpers/db';
import { documents, startStrapi, type TestApp, type TestDoc } from '../helpers/strapi';

/**
 * Search never answers yes or no on withdrawn content (issue #12): the names
 * of topics and organisations are indexed with the practices, sessions and
 * statements that link them, and once such a topic or organisation is
 * unpublished, deleted, or loses a locale (through the Content Manager, as an
 * editor does, or the document service), a search for its name no longer
 * finds them, neither in the list's total nor in the facets' count.
 */

let app: TestApp;
let cm: ContentManagerClient;
let token = '';
const DB = testDatabaseClient();
const docs = (uid: string) => documents(app, uid);
const pub = (path: string) => request(app.url).get(`/api/solidarity${path}`);

type Json = Record<string, unknown>;

/** The list's total and the facets' total for `q` (both read the index). */
const found = async (plural: string, q: string, locale = 'en'): Promise<{ list: number; facets: number | null }> => {
  const list = await pub(`/${plural}`).query({ q, locale });
  expect(list.status, list.text).toBe(200);
  const total = Number((list.body as { meta: { pagination: { total: number } } }).meta.pagination.total);
  if (plural !== 'practices') return { list: total, facets: null };
  const facets = await pub('/facets/practices').query({ q, locale });
  expect(facets.status, facets.text).toBe(200);
  return { list: total, facets: Number((facets.body as { meta: { total: number } }).meta.total) };
};

/** The slugs a search of practices shows (with the locale fallback), sorted. */
const slugs = async (q: string, locale: string): Promise<string[]> => {
  const res = await pub('/practices').query({ q, locale, pageSize: '50' });
  expect(res.status, res.text).toBe(200);
  return ((res.body as { data: { slug: string }[] }).data.map((p) => p.slug)).sort();
};

const connect = (documentId: string, locale: string) => ({
  connect: [{ documentId, locale, position: { end: true } }],
  disconnect: [],
});

/** Publishes a new organisation through the Content Manager; its documentId. */
const newOrganisation = async (name: string, slug: string, locale = 'en'): Promise<string> => {
  const res = await cm.publishNew(UID.organisation, locale, { name, slug, kind: 'cooperative', country: 'ES' });
  expect(res.status, res.text).toBe(200);
  return String(((res.body as { data: Json }).data).documentId);
};

/** Publishes a new practice promoted by `promoter` (and with `topic`) through the Content Manager. */
const newPractice = async (title: string, slug: string, links: { promoter?: string; topic?: string }, locale = 'en'): Promise<string> => {
  const res = await cm.publishNew(UID.practice, locale, {
    title,
    slug,
    summary: 'A practice.',
    licence: 'CC-BY-SA-4.0',
    country: 'ES',
    ...(links.promoter ? { promoters: connect(links.promoter, locale) } : {}),
    ...(links.topic ? { topics: connect(links.topic, locale) } : {}),
  });
  expect(res.status, res.text).toBe(200);
  return String(((res.body as { data: Json }).data).documentId);
};

beforeAll(async () => {
  app = await startStrapi();
  token = await adminLogin(app.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  cm = contentManager(app.url, token);
}, 240_000);

afterAll(async () => {
  await app?.stop();
});

describe(`withdrawn names leave the search (${DB})`, () => {
  it('an organisation unpublished in the Content Manager: its practices are no longer found by its name', async () => {
    const org = await newOrganisation('Pgzyx Gone Org', 'pgzyx-gone-org');
    await newPractice('Shared tools library', 'pgzyx-practice', { promoter: org });
    expect(await found('practices', 'pgzyx')).toEqual({ list: 1, facets: 1 });
    const res = await cm.unpublish(UID.organisation, org, 'en');
    expect(res.status, res.text).toBe(200);
    expect(await found('practices', 'pgzyx')).toEqual({ list: 0, facets: 0 });
    expect(await found('practices', 'pgzyx gone')).toEqual({ list: 0, facets: 0 });
    // the practice itself is still searched by its own words
    expect(await found('practices', 'tools library')).toEqual({ list: 1, facets: 1 });
  });

  it('an organisation deleted in the Content Manager (single and bulk)', async () => {
    const one = await newOrganisation('Qwvrt Deleted Org', 'qwvrt-deleted-org');
    await newPractice('Repair café', 'qwvrt-practice', { promoter: one });
    const two = await newOrganisation('Qwvrs Bulk Org', 'qwvrs-bulk-org');
    await newPractice('Seed exchange', 'qwvrs-practice', { promoter: two });
    expect(await found('practices', 'qwvrt')).toEqual({ list: 1, facets: 1 });
    expect(await found('practices', 'qwvrs')).toEqual({ list: 1, facets: 1 });
    expect((await cm.delete(UID.organisation, one, 'en')).status).toBe(200);
    expect(await found('practices', 'qwvrt')).toEqual({ list: 0, facets: 0 });
    expect((await cm.bulkDelete(UID.organisation, [two], 'en')).status).toBe(200);
    expect(await found('practices', 'qwvrs')).toEqual({ list: 0, facets: 0 });
  });

  it('an organisation bulk-unpublished in the Content Manager', async () => {
    const org = await newOrganisation('Zkvbn Bulk Unpublished', 'zkvbn-org');
    await newPractice('Community fridge', 'zkvbn-practice', { promoter: org });
    expect(await found('practices', 'zkvbn')).toEqual({ list: 1, facets: 1 });
    const res = await cm.bulkUnpublish(UID.organisation, [org], 'en');
    expect(res.status, res.text).toBe(200);
    expect(await found('practices', 'zkvbn')).toEqual({ list: 0, facets: 0 });
  });

  it('a topic unpublished, then deleted: its name no longer finds the practices that carried it', async () => {
    const topic = await cm.publishNew(UID.topic, 'en', { name: 'Wqxplorium commons', slug: 'wqxplorium' });
    expect(topic.status, topic.text).toBe(200);
    const topicId = String(((topic.body as { data: Json }).data).documentId);
    await newPractice('Neighbourhood kitchen', 'wqxplorium-practice', { topic: topicId });
    expect(await found('practices', 'wqxplorium')).toEqual({ list: 1, facets: 1 });
    expect((await cm.unpublish(UID.topic, topicId, 'en')).status).toBe(200);
    expect(await found('practices', 'wqxplorium')).toEqual({ list: 0, facets: 0 });
    expect((await cm.delete(UID.topic, topicId, 'en')).status).toBe(200);
    expect(await found('practices', 'wqxplorium')).toEqual({ list: 0, facets: 0 });
  });

  it('one locale of an organisation deleted: the practices of that locale are no longer found by its name', async () => {
    const org = await newOrganisation('Vxjqk Two Locales', 'vxjqk-org', 'en');
    const el = await cm.publish(UID.organisation, org, 'el', { name: 'Vxjqk Two Locales', slug: 'vxjqk-org', kind: 'cooperative', country: 'ES' });
    expect(el.status, el.text).toBe(200);
    await newPractice('Κοινό εργαστήριο', 'vxjqk-el-practice', { promoter: org }, 'el');
    await newPractice('Common workshop', 'vxjqk-en-practice', { promoter: org }, 'en');
    // (el pages also show the English practice, through the locale fallback)
    expect(await slugs('vxjqk', 'el')).toEqual(['vxjqk-el-practice', 'vxjqk-en-practice']);
    expect((await cm.delete(UID.organisation, org, 'el')).status).toBe(200);
    // its English version is still published: English practices still carry its name, Greek ones no longer
    expect(await slugs('vxjqk', 'el')).toEqual(['vxjqk-en-practice']);
    expect(await slugs('vxjqk', 'en')).toEqual(['vxjqk-en-practice']);
  });

  it('through the document service: statements too', async () => {
    const org = (await docs(UID.organisation).create({
      locale: 'en',
      status: 'published',
      data: { name: 'Jqmvw Organisers', slug: 'jqmvw-org', kind: 'cooperative', country: 'ES' },
    })) as TestDoc;
    await docs(UID.statement).create({
      locale: 'en',
      status: 'published',
      data: { title: 'On housing', slug: 'jqmvw-statement', summary: 'A statement.', kind: 'sector-statement', issuedOn: '2026-11-01', issuers: [{ documentId: org.documentId }] },
    });
    const practice = await docs(UID.practice).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Tool shed', slug: 'jqmvw-practice', summary: 'Tools.', country: 'ES', promoters: [{ documentId: org.documentId }] },
    });
    expect((await found('statements', 'jqmvw')).list).toBe(1);
    expect(await found('practices', 'jqmvw')).toEqual({ list: 1, facets: 1 });
    await docs(UID.organisation).unpublish({ documentId: org.documentId, locale: 'en' });
    expect((await found('statements', 'jqmvw')).list).toBe(0);
    expect(await found('practices', 'jqmvw')).toEqual({ list: 0, facets: 0 });
    // published again, and linked again: found again
    await docs(UID.organisation).publish({ documentId: org.documentId, locale: 'en' });
    await docs(UID.practice).update({ documentId: practice.documentId, locale: 'en', status: 'published', data: { promoters: [{ documentId: org.documentId }] } });
    expect(await found('practices', 'jqmvw')).toEqual({ list: 1, facets: 1 });
    await docs(UID.organisation).delete({ documentId: org.documentId, locale: '*' });
    expect(await found('practices', 'jqmvw')).toEqual({ list: 0, facets: 0 });
  });

  it('a locale added, then deleted in Settings > Internationalization: its country and topic names are searched, then no longer', async () => {
    await docs(UID.practice).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Qrvlt garden', slug: 'qrvlt-garden', summary: 'Vegetables.', country: 'ES' },
    });
    expect((await found('practices', 'spanien qrvlt')).list).toBe(0);
    const added = await request(app.url)
      .post('/i18n/locales')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'German (de)', code: 'de', isDefault: false });
    expect(added.status, added.text).toBe(200);
    // the country's German name, for German pages that show the practice through the fallback
    expect(await found('practices', 'spanien qrvlt')).toEqual({ list: 1, facets: 1 });
    const removed = await request(app.url)
      .delete(`/i18n/locales/${String((added.body as Json).id)}`)
      .set('Authorization', `Bearer ${token}`);
    expect(removed.status, removed.text).toBe(200);
    expect(await found('practices', 'spanien qrvlt')).toEqual({ list: 0, facets: 0 });
  });
});
