import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from './uids';
import schemas from '.';

let app: TestApp;
type Doc = TestDoc;
const docs = (uid: string) => documents(app, uid);

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

const LOCALIZED: Record<keyof typeof UID, string[]> = {
  topic: ['name', 'description', 'slug'],
  organisation: ['description', 'slug'],
  call: ['title', 'description', 'criteria', 'slug'],
  practice: [
    'title',
    'summary',
    'body',
    'links',
    'slug',
    // the systematisation fiche (cms/shared/fiche.ts)
    'context',
    'objectives',
    'beneficiaries',
    'activities',
    'resources',
    'budgetDetails',
    'results',
    'figures',
    'replicability',
    'lessons',
    'partners',
  ],
  session: ['title', 'summary', 'description', 'minutes', 'statusReason', 'speakers', 'slug'],
  statement: ['title', 'summary', 'body', 'slug'],
};

describe('content model', () => {
  it('registers every type, localized, with draft and publish', () => {
    for (const [name, uid] of Object.entries(UID)) {
      const ct = app.strapi.contentTypes[uid as keyof typeof app.strapi.contentTypes] as unknown as {
        options: { draftAndPublish: boolean };
        pluginOptions: { i18n?: { localized?: boolean } };
        attributes: Record<string, { pluginOptions?: { i18n?: { localized?: boolean } }; private?: boolean }>;
      };
      expect(ct, uid).toBeDefined();
      expect(ct.options.draftAndPublish, uid).toBe(true);
      expect(ct.pluginOptions.i18n?.localized, uid).toBe(true);
      const localized = Object.entries(ct.attributes)
        .filter(([, a]) => a.pluginOptions?.i18n?.localized === true)
        .map(([k]) => k)
        .sort();
      expect(localized, name).toEqual([...LOCALIZED[name as keyof typeof UID]].sort());
      expect(Object.keys(schemas)).toContain(name);
    }
  });

  it('marks contact, review fields and the fiche’s budget details (by default) of practices private', () => {
    const attributes = app.strapi.contentTypes[UID.practice as keyof typeof app.strapi.contentTypes]
      .attributes as Record<string, { private?: boolean }>;
    const privateOnes = Object.entries(attributes)
      .filter(([k, a]) => a.private && k !== 'createdBy' && k !== 'updatedBy')
      .map(([k]) => k)
      .sort();
    expect(privateOnes).toEqual(['budgetDetails', 'contact', 'reviewHistory', 'reviewNotes', 'reviewStatus', 'source', 'submittedAt']);
  });

  it('registers the plugin components', () => {
    for (const uid of ['solidarity.contact', 'solidarity.link', 'solidarity.speaker', 'solidarity.criterion', 'solidarity.criterion-tag', 'solidarity.figure', 'solidarity.partner']) {
      expect(app.strapi.components[uid as keyof typeof app.strapi.components], uid).toBeDefined();
    }
  });

  it('creates the configured locales with en as default', async () => {
    const locales = (await app.strapi.plugin('i18n').service('locales').find()) as { code: string; isDefault: boolean }[];
    expect(locales.map((l) => l.code).sort()).toEqual(['ca', 'el', 'en', 'es', 'fr']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('en');
  });

  it('seeds the fourteen topics of the field in all five locales', async () => {
    const en = await docs(UID.topic).findMany({ locale: 'en', status: 'published', limit: 100 });
    expect(en).toHaveLength(14);
    for (const locale of ['ca', 'es', 'el', 'fr']) {
      const translated = await docs(UID.topic).findMany({ locale, status: 'published', limit: 100 });
      expect(translated, locale).toHaveLength(14);
      // really translated, not the English name copied
      const food = translated.find((t) => t.slug === 'food-and-basic-goods');
      expect(food?.name, locale).not.toBe(en.find((t) => t.slug === 'food-and-basic-goods')?.name);
    }
  });

  it('reads a practice back per locale after translating it', async () => {
    const created = await docs(UID.practice).create({
      locale: 'en',
      data: { title: 'Neighbourhood food bank', summary: 'Run by volunteers.', slug: 'neighbourhood-food-bank', country: 'ES' },
    });
    await docs(UID.practice).update({
      documentId: created.documentId,
      locale: 'ca',
      data: { title: 'Banc d’aliments del barri', summary: 'Gestionat per voluntaris.', slug: 'banc-d-aliments-del-barri' },
    });
    const en = await docs(UID.practice).findOne({ documentId: created.documentId, locale: 'en' });
    const ca = await docs(UID.practice).findOne({ documentId: created.documentId, locale: 'ca' });
    expect(en?.title).toBe('Neighbourhood food bank');
    expect(ca?.title).toBe('Banc d’aliments del barri');
    // non-localized fields are shared by every locale
    expect(ca?.country).toBe('ES');
    // uid fields are per locale in Strapi's i18n: each locale version has its own slug
    expect(ca?.slug).toBe('banc-d-aliments-del-barri');
    expect(en?.slug).toBe('neighbourhood-food-bank');
  });

  it('does not return drafts as published', async () => {
    const draft = await docs(UID.statement).create({
      locale: 'en',
      data: { title: 'Draft reaction to the budget', slug: 'draft-reaction', kind: 'policy-reaction', issuedOn: '2026-11-01' },
    });
    const published = await docs(UID.statement).findMany({ status: 'published', locale: 'en' });
    expect(published.map((d) => d.documentId)).not.toContain(draft.documentId);
    const drafts = await docs(UID.statement).findMany({ status: 'draft', locale: 'en' });
    expect(drafts.map((d) => d.documentId)).toContain(draft.documentId);

    await docs(UID.statement).publish({ documentId: draft.documentId, locale: 'en' });
    const after = await docs(UID.statement).findMany({ status: 'published', locale: 'en' });
    expect(after.map((d) => d.documentId)).toContain(draft.documentId);
  });

  it('keeps private fields out of the sanitized public output', async () => {
    const doc = await docs(UID.practice).create({
      locale: 'en',
      status: 'published',
      data: {
        title: 'Fablab visors',
        summary: 'Protective equipment made locally.',
        slug: 'fablab-visors',
        contact: { name: 'Marta Puig', email: 'marta-private@leak-canary.example', phone: '+34 600 000 000', role: 'Coordinator' },
        reviewStatus: 'approved',
        reviewNotes: 'Checked with the municipality',
        source: 'submission',
        submittedAt: '2026-11-01T10:00:00.000Z',
      },
      populate: ['contact'],
    });
    expect((doc.contact as { email: string }).email).toBe('marta-private@leak-canary.example');
    const schema = app.strapi.getModel(UID.practice as never);
    const sanitized = (await app.strapi.contentAPI.sanitize.output(doc, schema, { auth: undefined })) as Doc;
    expect(sanitized.title).toBe('Fablab visors');
    for (const key of ['contact', 'reviewStatus', 'reviewNotes', 'source', 'submittedAt']) {
      expect(sanitized, key).not.toHaveProperty(key);
    }
    expect(JSON.stringify(sanitized)).not.toContain('leak-canary');
  });

  it('rejects a practice summary over 600 characters', async () => {
    await expect(
      docs(UID.practice).create({
        locale: 'en',
        data: { title: 'Too long', slug: 'too-long', summary: 'x'.repeat(601) },
      })
    ).rejects.toThrow(/summary/);
  });

  it('answers the health check with 204', async () => {
    await request(app.url).get('/_health').expect(204);
  });
});
