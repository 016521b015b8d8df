import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestApp } from '../../../../../test/helpers/strapi';
import { startStrapiWithMailSink } from '../../../../../test/helpers/mail';
import { parseDocument } from '../../../../../test/helpers/html';
import { UID } from '../../content-types/uids';
import { adminToken, createAdmin, DEMO_ADMIN, submit, validSubmission } from '../testing/fixtures';
import type { SmtpSink } from '../testing/smtp-sink';
import { completionKey, submissionsConfig } from '../config';
import { hashToken, newToken, signLink } from './token';
import { COMPLETION_LINK_UID } from './service';
import { BUDGET_RANGES } from '../../../../../cms/shared/fiche';
import { ficheWords } from '../../../../../cms/shared/fiche-labels';

/**
 * The completion link (issue 15): an editor sends it from the review page, the contact completes the
 * draft through it without an account, and every refused link (expired, altered, revoked, already
 * used) gets a clear page without the practice's data.
 */
let app: TestApp;
let sink: SmtpSink;
let reviewer: string;
let noPermission: string;
const EDITORS = 'editors@network.example';

const admin = (token: string | null) => {
  const agent = request(app.url);
  const auth = <T extends { set(k: string, v: string): T }>(r: T) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  const path = (id: string) => `/solidarity/submissions/${id}/completion-link`;
  return {
    state: (id: string) => auth(agent.get(path(id))),
    send: (id: string) => auth(agent.post(path(id))).send({}),
    revoke: (id: string) => auth(agent.delete(path(id))),
    act: (id: string, body: object) => auth(agent.post(`/solidarity/submissions/${id}/actions`)).send(body),
  };
};

const SUMMARY = 'Les veïnes i l’ajuntament comparteixen plaques solars i l’estalvi.';
const newSubmission = async (overrides: Record<string, unknown> = {}): Promise<string> =>
  (await submit(app, validSubmission({ locale: 'ca', summary: SUMMARY, ...overrides })).expect(202)).body.data.id as string;

/** The path of a link (`/complete/...`) from its absolute URL. */
const pathOf = (url: string) => new URL(url).pathname;

const page = (path: string) => request(app.url).get(path);
const nonceOf = (html: string) => parseDocument(html).querySelector('input[name="nonce"]')?.getAttribute('value') ?? '';
const post = (path: string, form: Record<string, string>) => request(app.url).post(path).type('form').send(form);

const drafts = async (documentId: string) =>
  (await app.strapi.db.query(UID.practice).findMany({ where: { documentId }, orderBy: { id: 'asc' } })) as Record<string, unknown>[];
const history = async (documentId: string) => {
  const [row] = await drafts(documentId);
  const value = row?.reviewHistory;
  return (typeof value === 'string' ? JSON.parse(value) : value) as { action: string; mail?: string; mailEditors?: string; resent?: boolean; changes?: { field: string; before: string; after: string }[] }[];
};

/** Sends a link for a new submission and answers its path. */
const sentLink = async (overrides: Record<string, unknown> = {}) => {
  const id = await newSubmission(overrides);
  const res = await admin(reviewer).send(id).expect(200);
  return { id, path: pathOf(String(res.body.meta.url)), res };
};

const expectNoData = (html: string, ...secrets: string[]) => {
  for (const s of [SUMMARY, 'Community energy cooperative', 'marta.puig', ...secrets]) expect(html).not.toContain(s);
  expect(parseDocument(html).querySelector('form')).toBeNull();
};

beforeAll(async () => {
  ({ app, sink } = await startStrapiWithMailSink({
    ALTCHA_ENABLED: 'false',
    NOTIFY_EDITORS: EDITORS,
  }));
  await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
  reviewer = await createAdmin(app, 'completion-reviewer@network.example', ['plugin::solidarity.review']);
  noPermission = await createAdmin(app, 'completion-author@network.example', []);
});
afterAll(async () => {
  await app?.stop();
  await sink?.close();
});

describe('completion link: admin routes', () => {
  it('need an admin session (401) and the review permission (403); 404 for an unknown submission', async () => {
    const id = await newSubmission();
    await admin(null).state(id).expect(401);
    await admin(null).send(id).expect(401);
    await admin(null).revoke(id).expect(401);
    await admin(noPermission).state(id).expect(403);
    await admin(noPermission).send(id).expect(403);
    await admin(noPermission).revoke(id).expect(403);
    await admin(reviewer).state('nosuchsubmission').expect(404);
    await admin(reviewer).send('nosuchsubmission').expect(404);
    await admin(reviewer).send('%00').expect(404);
    const none = await admin(reviewer).state(id).expect(200);
    expect(none.body.data).toBeNull();
    // nothing to revoke yet
    await admin(reviewer).revoke(id).expect(404);
  });

  it('sends the link by mail in the submitter’s language, records it with the delivery, and shows its state', async () => {
    const { id, path, res } = await sentLink();
    expect(path).toMatch(/^\/complete\/[A-Za-z0-9_-]{43}\.\d+\.ca\.[A-Za-z0-9_-]{43}$/);
    expect(res.body.data).toMatchObject({ state: 'active', locale: 'ca', sentTo: 'marta.puig@contact-canary.example', createdBy: expect.any(String) });
    expect(new Date(res.body.data.expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const mail = await sink.waitFor((m) => m.to.includes('marta.puig@contact-canary.example') && m.text.includes(path));
    expect(mail.subject).toContain('Completeu la fitxa');
    expect(mail.text).toContain(`${app.url}${path}`);
    const events = await history(id);
    const sent = events.find((e) => e.action === 'completion-sent');
    expect(sent).toMatchObject({ mail: 'sent' });
    expect(sent?.resent).toBeUndefined();
    // only the hash is stored
    const rows = (await app.strapi.db.query(COMPLETION_LINK_UID as never).findMany({ where: { practiceDocumentId: id } })) as { tokenHash: string }[];
    const token = path.split('/')[2]?.split('.')[0] ?? '';
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const state = await admin(reviewer).state(id).expect(200);
    expect(state.body.data.state).toBe('active');
    // the links are never a public content type
    for (const path of ['/api/solidarity/completion-links', '/api/completion-links', '/api/solidarity/completion-link']) {
      expect((await request(app.url).get(path)).status, path).toBe(404);
    }
  });

  it('refuses to send a link for a rejected submission (400)', async () => {
    const id = await newSubmission();
    await admin(reviewer).act(id, { action: 'reject', note: 'Out of scope', expectedStatus: 'submitted' }).expect(200);
    const res = await admin(reviewer).send(id).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
  });
});

describe('completion link: the contact’s page', () => {
  it('shows the draft’s values in the link’s language, not framable, not cached, not indexed', async () => {
    const { path } = await sentLink();
    const res = await page(path).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-robots-tag']).toContain('noindex');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const doc = parseDocument(res.text);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('ca');
    expect(doc.querySelector('h1')?.text).toBe('Completeu la fitxa de la vostra pràctica');
    expect(doc.querySelector('textarea[name="f-summary"]')?.text).toBe(SUMMARY);
    expect(doc.querySelector('textarea[name="f-body"]')?.text).toContain('The council lends the roofs');
    expect(doc.querySelector('input[name="f-startedOn"]')?.getAttribute('value')).toBe('');
    // empty fields are marked missing, filled ones are not
    expect(res.text).toContain('(falta)');
    expect(doc.querySelector('script')).toBeNull();
    expect(nonceOf(res.text)).toMatch(/^\d+\./);
  });

  it('saves to the draft in the link’s language, records what changed, and leaves the published version alone', async () => {
    const { id, path } = await sentLink();
    // approve it: published, then completed through the link
    await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(200);
    await admin(reviewer).act(id, { action: 'approve', expectedStatus: 'in-review' }).expect(200);
    const before = (await drafts(id)).find((r) => r.publishedAt);
    expect(before?.summary).toBe(SUMMARY);

    const form = await page(path).expect(200);
    const newSummary = 'Un resum nou, més complet, escrit per la persona de contacte.';
    const res = await post(path, {
      nonce: nonceOf(form.text),
      intent: 'save',
      'f-summary': newSummary,
      'f-body': 'Primer paràgraf.\n\nSegon paràgraf.',
      'f-startedOn': '2024-03-01',
      'f-endedOn': '',
      'f-links-0-label': 'Web de la cooperativa',
      'f-links-0-url': 'https://solcomu.example/projecte',
    }).expect(200);
    expect(res.text).toContain('Desat.');
    expect(parseDocument(res.text).querySelector('textarea[name="f-summary"]')?.text).toBe(newSummary);

    const rows = await drafts(id);
    const draft = rows.find((r) => !r.publishedAt && r.locale === 'ca');
    const published = rows.find((r) => r.publishedAt && r.locale === 'ca');
    expect(draft?.summary).toBe(newSummary);
    expect(String(draft?.startedOn)).toContain('2024-03-01');
    expect(published?.summary).toBe(SUMMARY);
    expect(published?.startedOn ?? null).toBeNull();
    expect(published?.updatedAt).toEqual(before?.updatedAt);
    // the public API still shows the published version
    const pub = await request(app.url).get(`/api/solidarity/practices/${id}?locale=ca`).expect(200);
    expect(pub.body.data.summary).toBe(SUMMARY);
    expect(JSON.stringify(pub.body)).not.toContain(newSummary);

    const saved = (await history(id)).filter((e) => e.action === 'completion-saved');
    expect(saved).toHaveLength(1);
    const fields = saved[0]?.changes?.map((c) => c.field);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'body', 'startedOn', 'links']));
    expect(fields).not.toContain('endedOn');
    expect(saved[0]?.changes?.find((c) => c.field === 'summary')).toEqual({ field: 'summary', before: SUMMARY, after: newSummary });

    // saving the same values again changes nothing and records nothing
    const again = await post(path, {
      nonce: nonceOf(res.text),
      intent: 'save',
      'f-summary': newSummary,
      'f-body': 'Primer paràgraf.\n\nSegon paràgraf.',
      'f-startedOn': '2024-03-01',
      'f-links-0-label': 'Web de la cooperativa',
      'f-links-0-url': 'https://solcomu.example/projecte',
    }).expect(200);
    expect(again.text).toContain('No s’ha canviat res.');
    expect((await history(id)).filter((e) => e.action === 'completion-saved')).toHaveLength(1);
    const state = await admin(reviewer).state(id).expect(200);
    expect(state.body.data.lastSavedAt).toEqual(expect.any(String));
  });

  it('asks the fiche’s questions and saves its texts, budget range, figures and partners to the draft', async () => {
    const { id, path } = await sentLink();
    const form = await page(path).expect(200);
    const doc = parseDocument(form.text);
    expect(doc.querySelector('textarea[name="f-context"]')).not.toBeNull();
    expect(doc.querySelectorAll('select[name="f-budgetRange"] option').map((o) => o.getAttribute('value'))).toEqual(['', ...BUDGET_RANGES]);
    // in the submitter's language (cms/shared/fiche-labels.ts)
    expect(doc.querySelector('select[name="f-budgetRange"] option[value="none"]')?.text).toBe(ficheWords('ca').budget.none);
    expect(form.text).toContain(ficheWords('ca').question.context);
    expect(doc.querySelector('input[name="f-figures-0-value"]')).not.toBeNull();
    expect(doc.querySelector('input[name="f-partners-1-website"]')).not.toBeNull();
    // no uploads and no contact through the link
    const names = doc.querySelectorAll('[name]').map((el) => el.getAttribute('name') ?? '');
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => /^f-(images|attachments|contact)/.test(n))).toEqual([]);
    await post(path, {
      nonce: nonceOf(form.text),
      intent: 'save',
      'f-summary': SUMMARY,
      'f-context': 'El barri no tenia cap rebost.',
      'f-budgetRange': 'under-5k',
      'f-figures-0-label': 'Famílies ateses',
      'f-figures-0-value': '120',
      'f-figures-0-unit': 'famílies',
      'f-partners-0-name': 'Ajuntament de Manlleu',
      'f-partners-0-website': 'https://manlleu.example',
      'f-partners-0-role': 'Cedeix el local',
    }).expect(200);
    const draft = (await app.strapi.db.query(UID.practice).findMany({
      where: { documentId: id, locale: 'ca', publishedAt: { $null: true } },
      populate: { figures: true, partners: true },
    })) as { context: string; budgetRange: string; figures: { label: string; value: number | string; unit: string }[]; partners: { name: string; website: string; role: string }[] }[];
    expect(draft[0]).toMatchObject({ context: 'El barri no tenia cap rebost.', budgetRange: 'under-5k' });
    expect(draft[0]?.figures).toHaveLength(1);
    expect(Number(draft[0]?.figures[0]?.value)).toBe(120);
    expect(draft[0]?.figures[0]).toMatchObject({ label: 'Famílies ateses', unit: 'famílies' });
    expect(draft[0]?.partners[0]).toMatchObject({ name: 'Ajuntament de Manlleu', website: 'https://manlleu.example', role: 'Cedeix el local' });
    const saved = (await history(id)).find((e) => e.action === 'completion-saved');
    expect(saved?.changes?.map((c) => c.field).sort()).toEqual(['budgetRange', 'context', 'figures', 'partners']);
    // shown again as stored
    const again = parseDocument((await page(path).expect(200)).text);
    expect(again.querySelector('input[name="f-figures-0-value"]')?.getAttribute('value')).toBe('120');
    expect(again.querySelector('select[name="f-budgetRange"] option[selected]')?.getAttribute('value')).toBe('under-5k');
    // a figure without its number is refused, in the link's language
    const bad = await post(path, { nonce: nonceOf(form.text), intent: 'save', 'f-summary': SUMMARY, 'f-figures-0-label': 'Sense xifra', 'f-budgetRange': 'a-lot' }).expect(400);
    expect(bad.text).toContain('és obligatori');
    expect(bad.text).toContain('no és cap de les opcions');
  });

  it('“send it to the network” closes the link and tells the editors; a later use gets the “already sent” page', async () => {
    const { id, path } = await sentLink();
    const form = await page(path).expect(200);
    const done = await post(path, { nonce: nonceOf(form.text), intent: 'send', 'f-summary': SUMMARY, 'f-startedOn': '2023-01-15' }).expect(200);
    expect(parseDocument(done.text).querySelector('h1')?.text).toBe('Gràcies!');
    const notice = await sink.waitFor((m) => m.to.includes(EDITORS) && m.subject.includes('Fiche completed'));
    expect(notice.text).toContain('startedOn');
    await expect.poll(async () => (await history(id)).find((e) => e.action === 'completion-completed')?.mailEditors, { timeout: 10_000 }).toBe('sent');

    for (const res of [await page(path), await post(path, { nonce: nonceOf(form.text), intent: 'save', 'f-summary': 'Again' })]) {
      expect(res.status).toBe(410);
      expect(parseDocument(res.text).querySelector('h1')?.text).toBe('Aquesta fitxa ja s’ha enviat');
      expect(res.headers['cache-control']).toBe('no-store');
      expectNoData(res.text);
    }
    expect((await drafts(id)).find((r) => r.locale === 'ca')?.summary).toBe(SUMMARY);
    const state = await admin(reviewer).state(id).expect(200);
    expect(state.body.data).toMatchObject({ state: 'completed', completedAt: expect.any(String) });
  });

  it('answers a link whose any part was altered with 404 “not valid”, before any lookup, without data', async () => {
    const { path } = await sentLink();
    const [token = '', expires = '', locale = '', signature = ''] = (path.split('/')[2] ?? '').split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const altered = [
      `${token}.${expires}.${locale}.${flip(signature)}`,
      `${flip(token)}.${expires}.${locale}.${signature}`,
      `${token}.${Number(expires) + 1}.${locale}.${signature}`,
      `${token}.${expires}.es.${signature}`,
      `${token}.${expires}.${locale}`,
      'garbage',
      `${'x'.repeat(300)}`,
    ];
    for (const credential of altered) {
      for (const res of [await page(`/complete/${credential}`), await post(`/complete/${credential}`, { intent: 'save', 'f-summary': 'x' })]) {
        expect(res.status, credential).toBe(404);
        expect(parseDocument(res.text).querySelector('h1')?.text).toBe('This link is not valid');
        expectNoData(res.text);
      }
    }
    // a well-signed link of a token nobody was sent: 404 too
    const key = completionKey(app.strapi, submissionsConfig(app.strapi));
    const unknown = signLink(key, { token: newToken(), expiresAt: Date.now() + 86_400_000, locale: 'ca' });
    const res = await page(`/complete/${unknown}`).expect(404);
    expect(parseDocument(res.text).querySelector('html')?.getAttribute('lang')).toBe('ca');
  });

  it('answers an expired link with 410 in its language, whether the link or the stored expiry says so', async () => {
    const { id, path } = await sentLink();
    // the stored expiry is the authority
    await app.strapi.db.query(COMPLETION_LINK_UID as never).updateMany({ where: { practiceDocumentId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const stored = await page(path).expect(410);
    expect(parseDocument(stored.text).querySelector('h1')?.text).toBe('Aquest enllaç ha caducat');
    expectNoData(stored.text);
    // an expiry in the past in the (signed) link: refused without a lookup
    const key = completionKey(app.strapi, submissionsConfig(app.strapi));
    const token = newToken();
    await app.strapi.db.query(COMPLETION_LINK_UID as never).create({
      data: { practiceDocumentId: id, practiceLocale: 'fr', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const old = signLink(key, { token, expiresAt: Date.now() - 60_000, locale: 'fr' });
    const res = await page(`/complete/${old}`).expect(410);
    expect(parseDocument(res.text).querySelector('h1')?.text).toBe('Ce lien a expiré');
    expectNoData(res.text);
    expect((await admin(reviewer).state(id).expect(200)).body.data.state).toBe('active');
  });

  it('revoked: the link gets 410 “no longer valid”; re-sending revokes the old link and the new one works', async () => {
    const { id, path } = await sentLink();
    const second = await admin(reviewer).send(id).expect(200);
    const newPath = pathOf(String(second.body.meta.url));
    expect(newPath).not.toBe(path);
    const old = await page(path).expect(410);
    expect(parseDocument(old.text).querySelector('h1')?.text).toBe('Aquest enllaç ja no és vàlid');
    expectNoData(old.text);
    await page(newPath).expect(200);
    expect((await history(id)).filter((e) => e.action === 'completion-sent').map((e) => e.resent ?? false)).toEqual([false, true]);

    const revoked = await admin(reviewer).revoke(id).expect(200);
    expect(revoked.body.data.state).toBe('revoked');
    const res = await page(newPath).expect(410);
    expectNoData(res.text);
    await admin(reviewer).revoke(id).expect(404);
    expect((await history(id)).some((e) => e.action === 'completion-revoked')).toBe(true);
  });
});

describe('completion link: bad posts', () => {
  it('refuses a post without the page’s anti-forgery value or from another site (403), and saves nothing', async () => {
    const { id, path } = await sentLink();
    const form = await page(path).expect(200);
    await post(path, { intent: 'save', 'f-summary': 'Forged summary text' }).expect(403);
    await post(path, { nonce: '1.abc', intent: 'save', 'f-summary': 'Forged summary text' }).expect(403);
    await request(app.url).post(path).set('Origin', 'https://evil.example').type('form').send({ nonce: nonceOf(form.text), 'f-summary': 'Forged summary text' }).expect(403);
    // another link's value does not fit this one
    const other = await sentLink();
    const otherForm = await page(other.path).expect(200);
    await post(path, { nonce: nonceOf(otherForm.text), intent: 'save', 'f-summary': 'Forged summary text' }).expect(403);
    // a JSON body is not the form
    await request(app.url).post(path).send({ nonce: nonceOf(form.text), 'f-summary': 'Forged summary text' }).expect(400);
    expect((await drafts(id))[0]?.summary).toBe(SUMMARY);
  });

  it('shows the problems of a bad form (400) in the link’s language and saves nothing of it', async () => {
    const { id, path } = await sentLink();
    const form = await page(path).expect(200);
    const res = await post(path, {
      nonce: nonceOf(form.text),
      intent: 'send',
      'f-summary': 'x'.repeat(601),
      'f-startedOn': '2024-02-30',
      'f-links-0-label': 'Sense adreça',
      'f-links-1-url': 'javascript:alert(1)',
    }).expect(400);
    expect(res.text).toContain('és massa llarg (com a màxim 600 caràcters)');
    expect(res.text).toContain('no és una data');
    expect(res.text).toContain('ha de ser una adreça web');
    expect(parseDocument(res.text).querySelector('form')).not.toBeNull();
    expect((await drafts(id))[0]?.summary).toBe(SUMMARY);
    expect((await admin(reviewer).state(id).expect(200)).body.data.state).toBe('active');
  });

  it('answers any posted body with a page and a 2xx, 400 or 403, never a 500 (fast-check)', async () => {
    const { id, path } = await sentLink();
    const nonce = nonceOf((await page(path).expect(200)).text);
    const names = fc.constantFrom('f-summary', 'f-body', 'f-startedOn', 'f-endedOn', 'f-links-0-url', 'f-links-0-label', 'f-links-9-url', 'intent', 'nonce', 'f-unknown', '__proto__', 'constructor', 'a.b', 'c[d]', 'e[]', 'f-figures-0-value', 'f-figures-0-label', 'f-budgetRange', 'f-partners-0-website', 'f-context');
    const values = fc.oneof(fc.string({ maxLength: 50 }), fc.string({ unit: 'binary', maxLength: 700 }), fc.constantFrom('\u0000', '2024-01-01', 'https://x.example', 'save', 'send', nonce, '12.5', '1e400', 'under-5k'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, values, { maxKeys: 8 }), async (body) => {
        const form = { nonce, ...body, intent: body.intent === 'send' ? 'save' : (body.intent ?? 'save') };
        const res = await post(path, form);
        expect([200, 400, 403]).toContain(res.status);
        expect(res.headers['content-type']).toContain('text/html');
      }),
      { numRuns: 40 }
    );
    expect((await admin(reviewer).state(id).expect(200)).body.data.state).toBe('active');
  });
  it('answers a year 0, a figure the column cannot hold and a summary cut at an emoji with a page, never a 500', async () => {
    const { id, path } = await sentLink();
    const nonce = nonceOf((await page(path).expect(200)).text);
    const year0 = await post(path, { nonce, intent: 'save', 'f-startedOn': '0000-01-01' }).expect(400);
    expect(year0.text).toContain('no és una data');
    const huge = await post(path, { nonce, intent: 'save', 'f-figures-0-label': 'a', 'f-figures-0-value': '999999999999.999999' }).expect(400);
    expect(huge.text).toContain('ha de ser un nombre (com a màxim 8 xifres abans de la coma i 2 després)');
    const summary = `${'a'.repeat(118)}😀 and more`;
    await post(path, { nonce, intent: 'save', 'f-summary': summary }).expect(200);
    expect((await drafts(id))[0]?.summary).toBe(summary);
    const change = (await history(id)).find((e) => e.action === 'completion-saved')?.changes?.find((c) => c.field === 'summary');
    expect(change?.after).toBe(`${'a'.repeat(118)}…`);
  });

  it('answers any unicode text (astral characters included) at any length with a page, never a 500 (fast-check)', async () => {
    const { id, path } = await sentLink();
    const nonce = nonceOf((await page(path).expect(200)).text);
    const names = fc.constantFrom('f-summary', 'f-body', 'f-context', 'f-links-0-label', 'f-figures-0-label', 'f-figures-0-unit', 'f-partners-0-name', 'f-partners-0-role');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 700 }), fc.string({ unit: 'binary', maxLength: 2000 }), fc.integer({ min: 0, max: 700 }).map((n) => `${'a'.repeat(n)}😀𝔸 and more`));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(names, text, { minKeys: 1, maxKeys: 4 }), async (body) => {
        const res = await post(path, { nonce, intent: 'save', ...body });
        expect([200, 400]).toContain(res.status);
        expect(res.headers['content-type']).toContain('text/html');
      }),
      { numRuns: 30 }
    );
    expect((await admin(reviewer).state(id).expect(200)).body.data.state).toBe('active');
  });
  it('keeps every stored row of a list through a save, and refuses a row the form did not show (saves nothing)', async () => {
    const { id, path } = await sentLink();
    const figures = Array.from({ length: 12 }, (_, i) => ({ label: `Figure ${i}`, value: i + 1 }));
    await app.strapi.documents(UID.practice).update({ documentId: id, locale: 'ca', data: { figures } as never });
    const html = (await page(path).expect(200)).text;
    const doc = parseDocument(html);
    // the form as a browser posts it: every input and textarea, with its shown value
    const form: Record<string, string> = {};
    for (const el of doc.querySelectorAll('input[name]')) form[el.getAttribute('name') ?? ''] = el.getAttribute('value') ?? '';
    for (const el of doc.querySelectorAll('textarea[name]')) form[el.getAttribute('name') ?? ''] = el.text;
    expect(form['f-figures-11-label']).toBe('Figure 11');
    await post(path, { ...form, intent: 'save', 'f-figures-11-label': 'Figure eleven' }).expect(200);
    const stored = async () =>
      ((await app.strapi.db.query(UID.practice).findOne({ where: { documentId: id, locale: 'ca', publishedAt: { $null: true } }, populate: { figures: true } })) as { figures: { label: string }[] }).figures.map((f) => f.label);
    expect(await stored()).toEqual([...figures.slice(0, 11).map((f) => f.label), 'Figure eleven']);
    // a row past the ones shown (12 stored, 12 shown): a 400 page, nothing saved
    const nonce = nonceOf(html);
    const beyond = await post(path, { nonce, intent: 'save', 'f-figures-12-label': 'a', 'f-figures-12-value': '3' }).expect(400);
    expect(beyond.headers['content-type']).toContain('text/html');
    expect(await stored()).toHaveLength(12);
    // on a list with no rows: only `f-figures-10-…` posted is refused, not read as "no figures"
    const other = await sentLink();
    await app.strapi.documents(UID.practice).update({ documentId: other.id, locale: 'ca', data: { figures: [{ label: 'Kept', value: 1 }] } as never });
    const otherNonce = nonceOf((await page(other.path).expect(200)).text);
    await post(other.path, { nonce: otherNonce, intent: 'save', 'f-figures-10-label': 'a', 'f-figures-10-value': '3' }).expect(400);
    const kept = (await app.strapi.db.query(UID.practice).findOne({ where: { documentId: other.id, locale: 'ca', publishedAt: { $null: true } }, populate: { figures: true } })) as { figures: { label: string }[] };
    expect(kept.figures.map((f) => f.label)).toEqual(['Kept']);
  });
  it('stores a web address with an upper-case scheme as the schema reads it, so a publish after the save passes', async () => {
    const { id, path } = await sentLink();
    await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(200);
    await admin(reviewer).act(id, { action: 'approve', expectedStatus: 'in-review' }).expect(200);
    const nonce = nonceOf((await page(path).expect(200)).text);
    await post(path, {
      nonce,
      intent: 'save',
      'f-links-0-label': 'Web',
      'f-links-0-url': 'HTTP://EXAMPLE.COM/',
      'f-partners-0-name': 'Coop',
      'f-partners-0-website': 'Https://x.example',
    }).expect(200);
    const row = (await app.strapi.db.query(UID.practice).findOne({
      where: { documentId: id, locale: 'ca', publishedAt: { $null: true } },
      populate: { links: true, partners: true },
    })) as { links: { url: string }[]; partners: { website: string }[] };
    expect(row.links.map((l) => l.url)).toEqual(['http://EXAMPLE.COM/']);
    expect(row.partners.map((p) => p.website)).toEqual(['https://x.example']);
    // the schema's own rule at publish (Strapi validates the components' regex)
    await app.strapi.documents(UID.practice).publish({ documentId: id, locale: 'ca' });
    const published = (await app.strapi.db.query(UID.practice).findOne({ where: { documentId: id, locale: 'ca', publishedAt: { $notNull: true } }, populate: { links: true } })) as { links: { url: string }[] };
    expect(published.links.map((l) => l.url)).toEqual(['http://EXAMPLE.COM/']);
  });

  it('rejecting a submission revokes its open link (recorded): the link answers 410 and saves nothing', async () => {
    const { id, path } = await sentLink();
    const nonce = nonceOf((await page(path).expect(200)).text);
    await admin(reviewer).act(id, { action: 'reject', note: 'Out of scope', expectedStatus: 'submitted' }).expect(200);
    expect((await admin(reviewer).state(id).expect(200)).body.data.state).toBe('revoked');
    const revoked = (await history(id)).filter((e) => e.action === 'completion-revoked');
    expect(revoked).toHaveLength(1);
    const shown = await page(path).expect(410);
    expectNoData(shown.text);
    await post(path, { nonce, intent: 'send', 'f-summary': 'Changed after the rejection' }).expect(410);
    expect((await drafts(id))[0]?.summary).toBe(SUMMARY);
    expect((await history(id)).some((e) => e.action === 'completion-completed' || e.action === 'completion-saved')).toBe(false);
  });
  it('never writes the link’s secret to the access log (GET, POST, refused body)', async () => {
    const { path } = await sentLink();
    const credential = path.split('/').pop() ?? '';
    expect(credential.length).toBeGreaterThan(20);
    const lines: string[] = [];
    const spies = (['http', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(app.strapi.log, level).mockImplementation(((message: unknown) => {
        lines.push(String(message));
        return app.strapi.log;
      }) as never)
    );
    try {
      const nonce = nonceOf((await page(path).expect(200)).text);
      await post(path, { nonce, intent: 'save', 'f-summary': SUMMARY }).expect(200);
      await request(app.url).post(`${path}?x=1`).set('Content-Type', 'application/json').send('{not json');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const access = lines.filter((l) => l.includes('/complete'));
    expect(access.length).toBeGreaterThanOrEqual(3);
    // no part of the credential (token, signature) of any length worth guessing from
    for (const part of credential.split(/[.~_-]/).filter((p) => p.length >= 8)) {
      for (const line of lines) expect(line).not.toContain(part);
    }
    for (const line of lines) expect(line).not.toContain(credential.slice(0, 12));
  });
  it('checks a post’s Origin against the public origin (PUBLIC_URL), not the request’s Host', async () => {
    const { path } = await sentLink();
    const saved = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = 'https://commons.example/';
    try {
      const nonce = nonceOf((await page(path).expect(200)).text);
      await request(app.url).post(path).set('Origin', app.url).type('form').send({ nonce, intent: 'save', 'f-summary': 'From the bare host' }).expect(403);
      await request(app.url).post(path).set('Origin', 'https://commons.example').type('form').send({ nonce, intent: 'save', 'f-summary': SUMMARY }).expect(200);
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = saved;
    }
  });
  it('answers no other origin (no ACAO, CORP same-origin), and a too large or unreadable body with a page', async () => {
    const { path } = await sentLink();
    const res = await page(path).set('Origin', 'https://other.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    const huge = await request(app.url).post(path).type('form').send(`f-summary=${'a'.repeat(1_100_000)}`);
    expect([400, 413]).toContain(huge.status);
    const broken = await request(app.url).post(path).set('Content-Type', 'application/json').send('{not json');
    for (const r of [huge, broken]) {
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});
