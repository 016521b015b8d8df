import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import * as demo from '../seed/data';
import { PARTNER_SITE_UID } from '../submissions/partner-sites';
import { solveProof, submit, validSubmission } from '../submissions/testing/fixtures';

/**
 * Drafts, unreviewed submissions and contact details never reach a public
 * response, whatever parameters a client sends.
 */
let app: TestApp;

const canaries = (): string[] => {
  const out = new Set<string>();
  for (const p of demo.practices) {
    if (p.contact) {
      out.add(p.contact.email);
      if (p.contact.phone) out.add(p.contact.phone);
    }
    if (p.reviewNotes) out.add(p.reviewNotes.slice(0, 40));
    // the fiche's budget details are private by default (cms/shared/fiche.ts, plugin option fiche.privateFields)
    for (const text of Object.values(p.fiche?.budgetDetails ?? {})) if (text) out.add(text.slice(0, 40));
    if (!p.published) for (const title of Object.values(p.title)) if (title) out.add(title);
  }
  for (const s of [...demo.sessions, ...demo.statements]) {
    if (!s.published) for (const title of Object.values(s.title)) if (title) out.add(title);
  }
  return [...out, ...ASSESSMENT_CANARIES];
};

/** What a call's assessment stores (assessment/): comments, reasons and the commission's organisations are private. */
const ASSESSMENT_CANARIES = ['assessment-comment-leak-canary', 'decision-reason-leak-canary', 'commission-org-leak-canary'];
/**
 * The call's assessment settings, the criteria's weights and the assessment's records are the
 * commission's, not the public's: as JSON keys (the words themselves are in the demo's texts, e.g.
 * Catalan “assessorament”).
 */
const ASSESSMENT_FIELDS = ['"scaleMin"', '"scaleMax"', '"scoresVisibleBeforeScoring"', '"weight"', '"commission"', '"assessor"', '"practiceDocumentId"', '"decision"'];

const TYPES = ['practices', 'sessions', 'statements', 'topics', 'organisations', 'calls'];
const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];
const VARIANTS = [
  '',
  'status=draft',
  'status=published',
  'status=draft&locale=ca',
  'filters[publishedAt][$null]=true',
  'filters[reviewStatus][$eq]=submitted',
  'filters[source][$eq]=submission',
  'filters[contact][email][$contains]=leak',
  'filters[$or][0][publishedAt][$null]=true&filters[$or][1][title][$notNull]=true',
  'populate=*',
  'populate[contact]=true',
  'populate[promoters][populate]=*',
  'populate[practices][populate]=*',
  'fields[0]=contact',
  'fields[0]=title&fields[1]=reviewNotes',
  'sort=reviewStatus:asc',
  'sort=publishedAt:asc',
  'pageSize=50',
  'q=contact',
  'q=leak-canary',
  'publicationState=preview',
  'filters[budgetDetails][$contains]=leak',
  'filters[$or][0][budgetDetails][$notNull]=true&filters[$or][1][title][$null]=true',
  'fields[0]=budgetDetails',
  'sort=budgetDetails:asc',
  'q=fiche-budget-leak-canary',
];

beforeAll(async () => {
  app = await startStrapi({ demo: true });
  // an assessment of a published practice in a published call, with a selection, for the results filter too
  const first = async (uid: string) =>
    ((await app.strapi.db.query(uid as never).findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId'], limit: 1 })) as { documentId: string }[])[0];
  const call = await first('plugin::solidarity.call');
  const practice = await first('plugin::solidarity.practice');
  if (!call || !practice) throw new Error('the demo content has no published call or practice');
  const ids = { callDocumentId: call.documentId, practiceDocumentId: practice.documentId };
  await app.strapi.db.query('plugin::solidarity.assessment-score' as never).create({ data: { ...ids, criterion: 0, score: 2, comment: ASSESSMENT_CANARIES[0] } });
  await app.strapi.db
    .query('plugin::solidarity.assessment-decision' as never)
    .create({ data: { ...ids, decision: 'selected', reason: ASSESSMENT_CANARIES[1], decidedAt: new Date() } });
  await app.strapi.db
    .query('plugin::solidarity.commission-member' as never)
    .create({ data: { callDocumentId: call.documentId, organisationDocumentId: ASSESSMENT_CANARIES[2] } });
  await app.strapi.db.query('plugin::solidarity.call' as never).updateMany({ where: { documentId: call.documentId }, data: { phase: 'results' } });
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

describe('leak suite', () => {
  it('has something to find: drafts and submissions with contact details exist', async () => {
    const list = canaries();
    expect(list.filter((c) => c.includes('@leak-canary.example')).length).toBeGreaterThanOrEqual(4);
    expect(list.filter((c) => demo.practices.some((p) => p.published && Object.values(p.fiche?.budgetDetails ?? {}).some((t) => t?.startsWith(c)))).length).toBeGreaterThanOrEqual(2);
    const budget = (await app.strapi.db.query('plugin::solidarity.practice' as never).findMany({
      where: { publishedAt: { $notNull: true }, budgetDetails: { $contains: 'fiche-budget-leak-canary' } },
      select: ['id'],
    })) as unknown[];
    expect(budget.length).toBeGreaterThanOrEqual(1);
    const stored = (await app.strapi.db.query('plugin::solidarity.practice' as never).findMany({
      where: { publishedAt: { $null: true }, reviewStatus: 'submitted' },
      populate: ['contact'],
    })) as { contact?: { email: string } }[];
    expect(stored.some((p) => p.contact?.email.endsWith('@leak-canary.example'))).toBe(true);
  });

  it('no list route, in any locale and with any parameters, shows a draft or a contact detail', async () => {
    const list = canaries();
    let checked = 0;
    for (const type of TYPES) {
      for (const locale of LOCALES) {
        for (const variant of VARIANTS) {
          const url = `/api/solidarity/${type}?locale=${locale}${variant ? `&${variant}` : ''}`;
          const res = await request(app.url).get(url);
          expect(res.status, url).toBeLessThan(500);
          for (const canary of list) expect(res.text.includes(canary), `${url} leaks "${canary}"`).toBe(false);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(TYPES.length * LOCALES.length * VARIANTS.length);
  });

  it('no single-document route serves a draft, by slug or documentId', async () => {
    const drafts = [
      ...demo.practices.filter((p) => !p.published).map((p) => ['practices', p.slug] as const),
      ...demo.sessions.filter((p) => !p.published).map((p) => ['sessions', p.slug] as const),
      ...demo.statements.filter((p) => !p.published).map((p) => ['statements', p.slug] as const),
    ];
    expect(drafts.length).toBeGreaterThanOrEqual(4);
    for (const [type, slug] of drafts) {
      const uid = `plugin::solidarity.${type.slice(0, -1)}`;
      const [row] = (await app.strapi.db.query(uid as never).findMany({ where: { slug }, select: ['documentId'] })) as {
        documentId: string;
      }[];
      for (const id of [slug, row?.documentId]) {
        for (const q of ['', '?status=draft', '?locale=ca', '?format=jsonld']) {
          const res = await request(app.url).get(`/api/solidarity/${type}/${id}${q}`);
          expect([400, 404], `${type}/${id}${q}`).toContain(res.status);
        }
      }
    }
  });

  it('a published practice that keeps a contact never shows it', async () => {
    const kept = demo.practices.find((p) => p.published && p.contact);
    expect(kept).toBeDefined();
    for (const locale of LOCALES) {
      const res = await request(app.url).get(`/api/solidarity/practices/${kept?.slug}?locale=${locale}`).expect(200);
      expect(res.text).not.toContain(kept?.contact?.email);
      expect(res.body.data).not.toHaveProperty('contact');
      expect(res.body.data).not.toHaveProperty('reviewStatus');
      // its fiche is public but for the budget details
      expect(typeof res.body.data.context, locale).toBe('string');
      expect(res.body.data).not.toHaveProperty('budgetDetails');
      expect(res.text).not.toContain('fiche-budget-leak-canary');
    }
  });

  it('a practice\'s public page, its oEmbed and the list pages show its public fiche, never the private fields', async () => {
    const kept = demo.practices.find((p) => p.published && p.contact && p.fiche?.budgetDetails);
    expect(kept).toBeDefined();
    const list = canaries();
    for (const locale of LOCALES) {
      const page = `/embed/${locale}/practices/${kept?.slug}`;
      for (const url of [page, `/embed/${locale}/practices`, `/embed/${locale}/practices?q=fiche-budget-leak-canary`, `/api/solidarity/oembed?url=${encodeURIComponent(app.url + page)}`]) {
        const res = await request(app.url).get(url);
        expect(res.status, url).toBeLessThan(400);
        for (const canary of list) expect(res.text.includes(canary), `${url} leaks "${canary}"`).toBe(false);
      }
      const res = await request(app.url).get(page).expect(200);
      expect(res.text, page).toContain('data-fiche="context"');
      expect(res.text, page).not.toContain('data-fiche="budgetDetails"');
    }
  });

  it('feeds, calendars, exports and the API description leak nothing either', async () => {
    const list = canaries();
    const urls = [
      '/api/solidarity/feeds/practices.rss',
      '/api/solidarity/feeds/practices.atom',
      '/api/solidarity/feeds/practices.json',
      '/api/solidarity/feeds/statements.rss',
      '/api/solidarity/feeds/statements.atom',
      '/api/solidarity/feeds/statements.json',
      '/api/solidarity/sessions.ics',
      '/api/solidarity/calls.ics',
      '/api/solidarity/facets/practices',
      '/api/solidarity/export/practices.csv',
      '/api/solidarity/export/practices.json',
      '/api/solidarity/openapi.json',
    ];
    for (const url of urls) {
      for (const q of ['', '?status=draft', '?locale=ca&pageSize=50', '?filters[publishedAt][$null]=true']) {
        const res = await request(app.url).get(url + q);
        expect(res.status, url + q).toBeLessThan(500);
        for (const canary of list) expect(res.text.includes(canary), `${url}${q} leaks "${canary}"`).toBe(false);
      }
    }
  });

  it("no call or practice route shows a call's assessment settings, weights, scores or commission", async () => {
    const variants = ['', 'fields[0]=scaleMin', 'fields[0]=title&fields[1]=scoresVisibleBeforeScoring', 'populate[commission]=true', 'populate[criteria]=*', 'filters[scaleMax][$gt]=0', 'sort=scaleMin:asc'];
    for (const type of ['calls', 'practices']) {
      for (const locale of LOCALES) {
        for (const variant of variants) {
          const url = `/api/solidarity/${type}?locale=${locale}&${variant}`;
          const res = await request(app.url).get(url);
          expect(res.status, url).toBeLessThan(500);
          // a refused parameter is named in the 400's message: only an answer's data could leak
          if (res.status === 200) for (const field of ASSESSMENT_FIELDS) expect(res.text.includes(field), `${url} shows ${field}`).toBe(false);
          else expect(res.status, url).toBe(400);
          for (const canary of ASSESSMENT_CANARIES) expect(res.text.includes(canary), `${url} leaks ${canary}`).toBe(false);
        }
      }
    }
    const [call] = (await app.strapi.db.query('plugin::solidarity.call' as never).findMany({ where: { phase: 'results', publishedAt: { $notNull: true } }, select: ['slug'], limit: 1 })) as { slug: string }[];
    const one = await request(app.url).get(`/api/solidarity/calls/${String(call?.slug)}?populate=*`);
    expect(one.status).toBe(200);
    expect(one.body.data.phase).toBe('results');
    for (const field of ASSESSMENT_FIELDS) expect(one.text.includes(field), `the call shows ${field}`).toBe(false);
  });
});

describe('leak suite: partner sites and what submissions add (new promoters, what was sent, mail states)', () => {
  const NEW_FIELD_CANARIES = [
    'partner-contact@leak-canary.example',
    'Leak canary partner site',
    'https://leak-canary-partner.example',
    'Leak Canary Promoter Org',
    'https://leak-canary-promoter.example',
    'https://sent-leak-canary.example',
    'not-configured',
  ];

  it('no public route shows a partner site, a new (draft) promoter, the website sent for a known one, or a mail state', async () => {
    const sites: { create(p: object): Promise<unknown> } = app.strapi.documents(PARTNER_SITE_UID as never);
    await sites.create({ data: { name: 'Leak canary partner site', origins: ['https://leak-canary-partner.example'], contact: 'partner-contact@leak-canary.example', active: true } });
    const known = demo.organisations[0]?.name ?? '';
    const body = validSubmission({
      title: 'Leak canary fiche with promoters',
      promoters: [
        { name: 'Leak Canary Promoter Org', website: 'https://leak-canary-promoter.example' },
        { name: known, website: 'https://sent-leak-canary.example' },
      ],
    });
    await submit(app, { ...body, altcha: await solveProof(app) }).expect(202);
    // the draft organisation exists (the canary has something to find)
    expect(await app.strapi.db.query('plugin::solidarity.organisation' as never).count({ where: { name: 'Leak Canary Promoter Org' } })).toBe(1);

    const urls: string[] = ['/api/solidarity/openapi.json', '/api/solidarity/feeds/practices.json', '/api/solidarity/export/practices.json'];
    for (const type of ['organisations', 'practices']) {
      for (const locale of LOCALES) {
        for (const variant of ['', 'status=draft', 'populate=*', 'filters[name][$containsi]=leak', 'filters[publishedAt][$null]=true', 'q=leak-canary', 'q=Leak Canary Promoter', 'pageSize=50']) {
          urls.push(`/api/solidarity/${type}?locale=${locale}&${variant}`);
        }
      }
    }
    for (const path of ['partner-sites', 'partner-site', 'partnerSites']) urls.push(`/api/solidarity/${path}`, `/api/${path}`);
    const [draftOrg] = (await app.strapi.db.query('plugin::solidarity.organisation' as never).findMany({
      where: { name: 'Leak Canary Promoter Org' },
      select: ['documentId', 'slug'],
    })) as { documentId: string; slug: string }[];
    urls.push(`/api/solidarity/organisations/${draftOrg?.documentId}`, `/api/solidarity/organisations/${draftOrg?.slug}?status=draft`);
    for (const url of urls) {
      const res = await request(app.url).get(url).set('Origin', 'https://leak-canary-partner.example');
      expect(res.status, url).toBeLessThan(500);
      for (const canary of NEW_FIELD_CANARIES) expect(res.text.includes(canary), `${url} leaks "${canary}"`).toBe(false);
    }
    // the origin check tells the partner page about itself only
    const check = await request(app.url).get('/api/solidarity/submissions/origin-check').set('Origin', 'https://leak-canary-partner.example').expect(200);
    expect(check.body).toEqual({ data: { allowed: true } });
  });
});
