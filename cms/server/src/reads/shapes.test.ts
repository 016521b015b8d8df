import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { CONTENT_TYPE_NAMES, PLURAL, UID, type ContentTypeName } from '../content-types/uids';
import { documentSchemas, listBodySchema, oneBodySchema } from './shapes';

/**
 * The public document shapes of ./shapes.ts are what the API answers: real
 * answers of every type (lists in several locales, offset pagination, single
 * documents with their detail-only fields and media) parse with the strict
 * schemas, so a field the schema does not name, a missing one or a wrong type
 * fails here.
 */
let app: TestApp;
const get = (path: string) => request(app.url).get(`/api/solidarity${path}`).expect(200);

/** What zod says is wrong, readable in a failed assertion. */
const problems = (result: { success: boolean; error?: { issues: unknown[] } }) => (result.success ? [] : result.error?.issues);

beforeAll(async () => {
  app = await startStrapi({ demo: true });
  // media on every media field: the demo content has none
  const file = (await app.strapi.db.query('plugin::upload.file').create({
    data: {
      name: 'kitchen.png',
      alternativeText: 'The cooperative kitchen',
      hash: 'kitchen_shape_test',
      ext: '.png',
      mime: 'image/png',
      size: 1.2,
      width: 640,
      height: 480,
      url: '/uploads/kitchen_shape_test.png',
      provider: 'local',
    },
  })) as { id: number };
  const topic = (await documents(app, UID.topic).findMany({ locale: 'en', status: 'published', limit: 1 }))[0];
  const org = await documents(app, UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Shape Cooperative', slug: 'shape-cooperative', kind: 'cooperative', country: 'ES', logo: file.id },
  });
  const call = (await documents(app, UID.call).findMany({ locale: 'en', status: 'published', limit: 1 }))[0];
  const practice = await documents(app, UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Shared kitchen',
      slug: 'shape-shared-kitchen',
      summary: 'Cooking together.',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'We cook.' }] }],
      country: 'ES',
      licence: 'CC-BY-SA-4.0',
      startedOn: '2024-03-01',
      topics: [{ documentId: topic?.documentId }],
      promoters: [{ documentId: org.documentId }],
      call: call ? { documentId: call.documentId } : undefined,
      criteria: [{ value: 'crisis-response' }],
      links: [{ label: 'Site', url: 'https://kitchen.example' }],
      images: [file.id],
      attachments: [file.id],
      reviewStatus: 'approved',
    },
  });
  await documents(app, UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Shape webinar',
      slug: 'shape-webinar',
      kind: 'webinar',
      startsAt: '2030-01-01T10:00:00.000Z',
      timezone: 'Europe/Madrid',
      spokenLanguages: ['en', 'ca'],
      speakers: [{ name: 'Ada', role: 'host', organisation: 'Shape Cooperative' }],
      organisers: [{ documentId: org.documentId }],
      practices: [{ documentId: practice.documentId }],
      attachments: [file.id],
    },
  });
  await documents(app, UID.statement).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Shape statement',
      slug: 'shape-statement',
      kind: 'position-paper',
      issuedOn: '2025-02-01',
      deadline: '2030-02-01T00:00:00.000Z',
      issuers: [{ documentId: org.documentId }],
      documents: [file.id],
    },
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

describe('the public document schemas', () => {
  it.each(CONTENT_TYPE_NAMES)('parse every %s of a list, in the default locale and with fallbacks, strictly', async (type) => {
    const schema = listBodySchema(documentSchemas[type]);
    let fallbacks = 0;
    for (const locale of ['en', 'ca', 'el']) {
      const body = (await get(`/${PLURAL[type]}?locale=${locale}&pageSize=50`)).body as { data: { localeFallback: boolean }[] };
      expect(problems(schema.safeParse(body)), `${type} in ${locale}`).toEqual([]);
      expect(body.data.length, `${type} in ${locale}`).toBeGreaterThan(0);
      fallbacks += body.data.filter((d) => d.localeFallback).length;
    }
    if (type === 'organisation') expect(fallbacks).toBeGreaterThan(0);
    const offset = (await get(`/${PLURAL[type]}?pagination[start]=1&pagination[limit]=2`)).body;
    expect(problems(schema.safeParse(offset))).toEqual([]);
  });

  it.each(CONTENT_TYPE_NAMES)('parse every single %s with its detail-only fields, strictly', async (type: ContentTypeName) => {
    const schema = oneBodySchema(documentSchemas[type]);
    const list = (await get(`/${PLURAL[type]}?pageSize=50`)).body as { data: { documentId: string }[] };
    for (const { documentId } of list.data) {
      for (const locale of ['en', 'ca']) {
        const body = (await get(`/${PLURAL[type]}/${documentId}?locale=${locale}`)).body;
        expect(problems(schema.safeParse(body)), `${type} ${documentId} in ${locale}`).toEqual([]);
      }
    }
  });

  it('cover media and the detail-only fields (the documents made for this test)', async () => {
    const practice = (await get('/practices/shape-shared-kitchen')).body.data;
    expect(Object.keys(practice)).toEqual(expect.arrayContaining(['body', 'links', 'attachments']));
    expect(practice.images[0]).toEqual({
      url: `${app.url}/uploads/kitchen_shape_test.png`,
      alternativeText: 'The cooperative kitchen',
      width: 640,
      height: 480,
      mime: 'image/png',
    });
    expect((await get('/organisations/shape-cooperative')).body.data.logo?.mime).toBe('image/png');
    expect((await get('/sessions/shape-webinar')).body.data.attachments).toHaveLength(1);
    expect((await get('/statements/shape-statement')).body.data.documents).toHaveLength(1);
    // a list never carries the detail-only fields
    const listed = (await get('/practices?pageSize=50')).body.data.find((p: { slug: string }) => p.slug === 'shape-shared-kitchen');
    expect(Object.keys(listed)).not.toContain('body');
  });

  it('refuse a field the schema does not name, so an answer cannot grow unnoticed', async () => {
    const body = (await get('/topics?pageSize=1')).body as { data: Record<string, unknown>[] };
    const grown = { ...body, data: body.data.map((d) => ({ ...d, email: 'someone@example.org' })) };
    expect(listBodySchema(documentSchemas.topic).safeParse(grown).success).toBe(false);
  });
});
