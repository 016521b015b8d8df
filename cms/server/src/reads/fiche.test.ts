import { parse as parseCsv } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { BUDGET_RANGES, FICHE_FIELDS, FICHE_KEYS, ficheVisibility, parseFichePrivate } from '../../../../cms/shared/fiche';
import { FICHE_WORDS, ficheWords } from '../../../../cms/shared/fiche-labels';
import { SHIPPED_LOCALES } from '../../../../cms/shared/locales';
import { ficheSections } from '../embed/page';
import schema from '../content-types/practice/schema.json';
import { UID } from '../content-types/uids';
import { fichePrivateFields, pluginConfigSchema } from '../config';
import { adminToken, DEMO_ADMIN, solveProof, submit, validSubmission } from '../submissions/testing/fixtures';

/**
 * The systematisation fiche (issue #15, cms/shared/fiche.ts): the practice's schema holds every field
 * of its definition, and with a network that keeps more than the defaults private
 * (`SOLIDARITY_FICHE_PRIVATE=budgetDetails,resources,partners`) none of the private ones reaches a
 * public answer, page, feed, calendar or export, nor can be filtered, sorted, selected or searched;
 * the public ones are shown on the practice.
 */

const PRIVATE_CANARIES = ['fiche-private-budget-canary', 'fiche-private-resources-canary', 'Fiche Private Partner Canary', 'fiche-private-role-canary', 'contact-fiche@leak-canary.example'];
const PUBLIC_MARKERS = { context: 'fiche-public-context-marker', lessons: 'fiche-public-lessons-marker', figure: 'fiche-public-figure-marker' };
const SLUG = 'fiche-privacy-practice';

describe('the fiche definition', () => {
  it('every fiche field is an attribute of the practice, localized as the definition says', () => {
    const attributes = schema.attributes as Record<string, { type: string; pluginOptions?: { i18n?: { localized?: boolean } }; component?: string; private?: boolean }>;
    const types: Record<string, string[]> = { text: ['text'], richtext: ['blocks'], enum: ['enumeration'], date: ['date'], component: ['component'], media: ['media'] };
    for (const field of FICHE_FIELDS) {
      const attribute = attributes[field.key];
      expect(attribute, field.key).toBeDefined();
      expect(types[field.kind], field.key).toContain(attribute?.type);
      expect(attribute?.pluginOptions?.i18n?.localized ?? false, field.key).toBe(field.localized);
      if (field.component) expect(attribute?.component, field.key).toBe(field.component);
      // what is private by default is private in the schema file too (a start without the plugin's register still hides it)
      if (field.visibility === 'private') expect(attribute?.private, field.key).toBe(true);
    }
  });

  it('the network can make configurable fields private, not the others, and the contact stays private', () => {
    expect(parseFichePrivate(' budgetDetails, partners ,,')).toEqual(['budgetDetails', 'partners']);
    expect(parseFichePrivate('')).toEqual([]);
    expect(() => parseFichePrivate('contact')).toThrow(/contact/);
    expect(() => parseFichePrivate(['title'])).toThrow(/title/);
    const defaults = ficheVisibility();
    expect(defaults.private).toEqual(['budgetDetails', 'contact']);
    expect(defaults.public).toContain('context');
    const none = ficheVisibility([]);
    expect(none.private).toEqual(['contact']);
    expect(ficheVisibility(['resources', 'partners']).private).toEqual(['resources', 'partners', 'contact']);
  });

  it('the plugin option is validated at start, and unset means the defaults', () => {
    expect(pluginConfigSchema.safeParse({ fiche: { privateFields: ['contact'] } }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ fiche: { privateFields: ['budgetdetails'] } }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ fiche: { privateFields: ['budgetDetails', 'figures'] } }).success).toBe(true);
    expect(fichePrivateFields(undefined)).toEqual(['budgetDetails']);
    expect(fichePrivateFields({})).toEqual(['budgetDetails']);
    expect(fichePrivateFields({ privateFields: [] })).toEqual([]);
  });
});

describe('the fiche in words and on a page', () => {
  it('names every field, asks for it and words every budget range in every shipped language', () => {
    for (const locale of SHIPPED_LOCALES) {
      const words = FICHE_WORDS[locale as keyof typeof FICHE_WORDS];
      expect(words, locale).toBeDefined();
      expect(Object.keys(words.label).sort(), locale).toEqual([...FICHE_KEYS].sort());
      expect(Object.keys(words.question).sort(), locale).toEqual([...FICHE_KEYS].sort());
      expect(Object.keys(words.budget).sort(), locale).toEqual([...BUDGET_RANGES].sort());
      for (const text of [...Object.values(words.label), ...Object.values(words.question), ...Object.values(words.budget)]) expect(text.trim(), locale).not.toBe('');
    }
    expect(ficheWords('ca-ES').label.context).toBe('Context i necessitat');
    expect(ficheWords('xx').label.context).toBe('Context and need');
  });

  it('renders the public sections as text, in fiche order, under headings in the page language', () => {
    const html = ficheSections(
      {
        lessons: 'Start <b>small</b>',
        context: 'First line\nsecond line\n\n<script>alert(1)</script>',
        budgetRange: 'under-5k',
        figures: [{ label: 'families', value: 1200, unit: null }],
        partners: [{ name: 'Coop <i>', website: 'javascript:alert(1)', role: 'logistics' }],
      },
      'ca'
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('First line<br>second line');
    expect(html).toContain('<h2>Context i necessitat</h2>');
    expect(html).toContain('Menys de 5.000 €');
    expect(html).toContain('1.200');
    const order = ['context', 'budgetRange', 'figures', 'lessons', 'partners'].map((k) => html.indexOf(`data-fiche="${k}"`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(ficheSections({ title: 'no fiche' }, 'en')).toBe('');
  });
});

describe('a network that keeps budget details, resources and partners private', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startStrapi({ env: { SOLIDARITY_FICHE_PRIVATE: 'budgetDetails,resources,partners' } });
    const docs = app.strapi.documents(UID.practice as never) as unknown as {
      create(p: object): Promise<{ documentId: string }>;
    };
    await docs.create({
      locale: 'en',
      status: 'published',
      data: {
        title: 'Fiche privacy practice',
        slug: SLUG,
        summary: 'A practice whose fiche holds public and private fields.',
        licence: 'CC-BY-SA-4.0',
        municipality: 'Sabadell',
        country: 'ES',
        context: `${PUBLIC_MARKERS.context}: neighbours without a shop`,
        lessons: `${PUBLIC_MARKERS.lessons}: start small`,
        results: 'Forty families now shop together.',
        budgetRange: 'from-5k-to-20k',
        budgetDetails: 'Rent 4 000 € fiche-private-budget-canary',
        resources: 'Two staff, fiche-private-resources-canary',
        figures: [{ label: PUBLIC_MARKERS.figure, value: 40, unit: 'families' }],
        partners: [{ name: 'Fiche Private Partner Canary', role: 'fiche-private-role-canary' }],
        contact: { name: 'Fiche Contact', email: 'contact-fiche@leak-canary.example' },
      },
    });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('the practice shows its public fiche fields, and none of the private ones', async () => {
    const res = await request(app.url).get(`/api/solidarity/practices/${SLUG}`).expect(200);
    const data = res.body.data as Record<string, unknown>;
    expect(data.context).toContain(PUBLIC_MARKERS.context);
    expect(data.lessons).toContain(PUBLIC_MARKERS.lessons);
    expect(data.budgetRange).toBe('from-5k-to-20k');
    expect(data.figures).toEqual([{ label: PUBLIC_MARKERS.figure, value: 40, unit: 'families' }]);
    for (const key of ['budgetDetails', 'resources', 'partners', 'contact']) expect(data, key).not.toHaveProperty(key);
    for (const canary of PRIVATE_CANARIES) expect(res.text).not.toContain(canary);
  });

  it('a public fiche field filters; a private one is refused (400) in filters, sorts, fields and populate', async () => {
    const found = await request(app.url).get(`/api/solidarity/practices?filters[context][$contains]=${PUBLIC_MARKERS.context}`).expect(200);
    expect(found.body.meta.pagination.total).toBe(1);
    for (const q of [
      'filters[budgetDetails][$contains]=fiche',
      'filters[resources][$contains]=fiche',
      'filters[resources][$null]=false',
      'filters[partners][name][$contains]=Fiche',
      'filters[$or][0][budgetDetails][$notNull]=true&filters[$or][1][title][$null]=true',
      'sort=budgetDetails:asc',
      'fields[0]=resources',
      'populate[partners]=true',
    ]) {
      const res = await request(app.url).get(`/api/solidarity/practices?${q}`);
      expect(res.status, q).toBe(400);
      for (const canary of PRIVATE_CANARIES) expect(res.text, q).not.toContain(canary);
    }
    const facets = await request(app.url).get('/api/solidarity/facets/practices?filters[resources][$contains]=fiche');
    expect(facets.status).toBe(400);
  });

  it('searching the private text finds nothing', async () => {
    for (const q of ['fiche-private-budget-canary', 'fiche-private-resources-canary', 'Fiche Private Partner Canary', 'fiche-private-role-canary', 'leak-canary']) {
      const res = await request(app.url).get(`/api/solidarity/practices?q=${encodeURIComponent(q)}`).expect(200);
      expect(res.body.meta.pagination.total, q).toBe(0);
    }
    // the search does work on this practice
    const title = await request(app.url).get('/api/solidarity/practices?q=Fiche privacy').expect(200);
    expect(title.body.meta.pagination.total).toBe(1);
  });

  it('no list, feed, calendar, export, public page or oEmbed shows a private fiche field', async () => {
    const urls = [
      '/api/solidarity/practices',
      '/api/solidarity/practices?populate=*',
      `/api/solidarity/practices/${SLUG}?populate=*`,
      `/api/solidarity/practices/${SLUG}?format=jsonld`,
      '/api/solidarity/facets/practices',
      '/api/solidarity/feeds/practices.rss',
      '/api/solidarity/feeds/practices.atom',
      '/api/solidarity/feeds/practices.json',
      '/api/solidarity/calls.ics',
      '/api/solidarity/sessions.ics',
      '/api/solidarity/export/practices.csv',
      '/api/solidarity/export/practices.json',
      '/api/solidarity/openapi.json',
      `/embed/en/practices/${SLUG}`,
      `/embed/ca/practices/${SLUG}`,
      '/embed/en/practices',
      `/api/solidarity/oembed?url=${encodeURIComponent(`${app.url}/embed/en/practices/${SLUG}`)}`,
    ];
    let shown = 0;
    for (const url of urls) {
      const res = await request(app.url).get(url);
      expect(res.status, url).toBeLessThan(400);
      for (const canary of PRIVATE_CANARIES) expect(res.text.includes(canary), `${url} leaks "${canary}"`).toBe(false);
      if (res.text.includes(PUBLIC_MARKERS.context)) shown += 1;
    }
    // the CSV export: the public fiche's columns filled, the private ones empty, no column for the budget details
    const csv = await request(app.url).get('/api/solidarity/export/practices.csv').expect(200);
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
    expect(header).not.toContain('budgetDetails');
    const row = rows.find((r) => r[header?.indexOf('slug') ?? -1] === SLUG) ?? [];
    const cell = (name: string) => row[header?.indexOf(name) ?? -1];
    expect(cell('context')).toContain(PUBLIC_MARKERS.context);
    expect(cell('budgetRange')).toBe('from-5k-to-20k');
    expect(cell('figures')).toBe(`40 families ${PUBLIC_MARKERS.figure}`);
    expect(cell('resources')).toBe('');
    expect(cell('partners')).toBe('');
    // the public fiche is there to see: the single document, its JSON-LD, the feeds, the JSON export and its page
    expect(shown).toBeGreaterThanOrEqual(5);
  });

  it('the public submission form stays the short synthesis: a fiche field sent with it is a 400, nothing stored', async () => {
    for (const extra of [{ context: 'fiche-field-in-submission' }, { budgetDetails: 'fiche-field-in-submission' }, { partners: [{ name: 'x' }] }]) {
      const res = await submit(app, { ...validSubmission({ title: 'Fiche fields are not in the form' }), ...extra, altcha: await solveProof(app) });
      expect(res.status, JSON.stringify(extra)).toBe(400);
    }
    expect(await app.strapi.db.query(UID.practice as never).count({ where: { title: 'Fiche fields are not in the form' } })).toBe(0);
  });

  it('the review page gets the fiche as it stands and which fields are private', async () => {
    const sent = await submit(app, { ...validSubmission({ title: 'Fiche on the review page' }), altcha: await solveProof(app) });
    expect(sent.status).toBe(202);
    const documentId = String(sent.body.data.id);
    const docs = app.strapi.documents(UID.practice as never) as unknown as { update(p: object): Promise<unknown> };
    await docs.update({ documentId, locale: 'en', data: { lessons: 'review-page-lessons', budgetDetails: 'review-page-budget', partners: [{ name: 'Review Page Partner' }] } });
    const token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const res = await request(app.url).get(`/solidarity/submissions/${documentId}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.data.fiche).toMatchObject({ lessons: 'review-page-lessons', budgetDetails: 'review-page-budget', context: null, partners: [{ name: 'Review Page Partner', website: null, role: null }], figures: [] });
    expect(res.body.meta.fiche.private).toEqual(['resources', 'budgetDetails', 'partners', 'contact']);
    // and it is not public: a draft
    const pub = await request(app.url).get('/api/solidarity/practices?q=Fiche review page');
    expect(pub.text).not.toContain('review-page');
  });
});

describe('a network that publishes the budget details (SOLIDARITY_FICHE_PRIVATE empty)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startStrapi({ env: { SOLIDARITY_FICHE_PRIVATE: '' } });
    const docs = app.strapi.documents(UID.practice as never) as unknown as { create(p: object): Promise<unknown> };
    await docs.create({
      locale: 'en',
      status: 'published',
      data: {
        title: 'Open budget practice',
        slug: 'open-budget-practice',
        summary: 'A practice whose network publishes its budget.',
        licence: 'CC-BY-SA-4.0',
        budgetDetails: 'open-budget-details-marker',
        contact: { name: 'Open Contact', email: 'open-budget@leak-canary.example' },
      },
    });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it('shows them on the practice and its page, filters on them; the contact stays private', async () => {
    const res = await request(app.url).get('/api/solidarity/practices/open-budget-practice').expect(200);
    expect(res.body.data.budgetDetails).toBe('open-budget-details-marker');
    expect(res.text).not.toContain('open-budget@leak-canary.example');
    const page = await request(app.url).get('/embed/en/practices/open-budget-practice').expect(200);
    expect(page.text).toContain('data-fiche="budgetDetails"');
    const filtered = await request(app.url).get('/api/solidarity/practices?filters[budgetDetails][$contains]=open-budget').expect(200);
    expect(filtered.body.meta.pagination.total).toBe(1);
    expect((await request(app.url).get('/api/solidarity/practices?filters[contact][email][$contains]=open')).status).toBe(400);
  });
});
