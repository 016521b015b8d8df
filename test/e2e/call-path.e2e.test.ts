// A call for practices from opening to published results, in Chromium: a municipality submits a
// practice in Catalan through the <solidarity-submit-practice> widget on a member's page; an editor
// moves the call to its assessment; two assessors of the call's commission score it on the
// Assessment admin page; the commission selects it there; the editor sends the contact the private
// completion link from the review page, and the contact (no account, no admin session) completes the
// fiche through it in Catalan, which the review page's history records; an editor publishes it on the
// review page, and the public API and page show what the contact wrote; the call moves to its
// results, and the call's results widget (<solidarity-practices call>) lists it, and not a practice
// the commission did not select.
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentManager } from '../helpers/content-manager';
import { launchChromium, startApp, startPartnerPage, type PartnerPage, type StartedApp } from '../helpers/e2e';

const ADMIN = { email: 'admin@solidarity.example', password: 'Solidarity-2026' };
const ASSESSORS = [
  { email: 'anna@commission.example', password: 'Assessor-Anna-2026', firstname: 'Anna', lastname: 'Vila' },
  { email: 'bernat@commission.example', password: 'Assessor-Bernat-2026', firstname: 'Bernat', lastname: 'Roca' },
];
const CALL_UID = 'plugin::solidarity.call';
const CALL = 'bones-practiques-municipals-2027';
const SELECTED = 'Comunitat energètica de Manlleu';
const NOT_SELECTED = 'Banc del temps de Vic';
const SUMMARY = 'Una comunitat energètica impulsada per l’ajuntament i el veïnat per compartir l’energia solar dels equipaments.';
/** What the contact writes through the completion link (short enough for the history to keep whole). */
const CONTEXT = 'La factura elèctrica dels equipaments municipals s’havia doblat en dos anys.';
const OBJECTIVES = 'Compartir l’energia solar amb 150 llars del municipi.';
const WAIT = 30_000;

let app: StartedApp | undefined;
let partner: PartnerPage | undefined;
let browser: Browser;
let base: string;

beforeAll(async () => {
  // the member's page: another origin, allowed to submit
  partner = await startPartnerPage();
  app = await startApp({
    healthTimeoutMs: 170_000,
    env: { SEED_DEMO: 'false', ALTCHA_ENABLED: 'false', SUBMISSIONS_ALLOWED_ORIGINS: new URL(partner.url).origin },
  });
  base = app.base;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await partner?.close();
}, 60_000);

/** `fetch` that throws with the answer when it is not a success; the JSON body. */
const json = async <T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

const adminToken = async (who: { email: string; password: string }) =>
  (await json<{ data: { token: string } }>('/admin/login', { method: 'POST', body: JSON.stringify(who) })).data.token;

/** An admin user with a role holding the `assess` permission only, registered through the admin API; its id. */
const createAssessor = async (token: string, roleId: number, who: (typeof ASSESSORS)[number]): Promise<number> => {
  const created = await json<{ data: { id: number; registrationToken: string } }>('/admin/users', {
    method: 'POST',
    token,
    body: JSON.stringify({ firstname: who.firstname, lastname: who.lastname, email: who.email, roles: [roleId] }),
  });
  await json('/admin/register', {
    method: 'POST',
    body: JSON.stringify({ registrationToken: created.data.registrationToken, userInfo: { firstname: who.firstname, lastname: who.lastname, password: who.password } }),
  });
  return created.data.id;
};

/** A page that records page errors. */
const track = (page: Page) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
};

const logIn = async (context: BrowserContext, who: { email: string; password: string }) => {
  const page = await context.newPage();
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(who.email);
  await page.getByLabel(/password/i).fill(who.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/auth'), { timeout: WAIT });
  await page.getByRole('navigation').first().waitFor({ timeout: WAIT });
  return page;
};

/** Moves the call to `phase` as an editor does in the Content Manager (the draft, then publish). */
const setPhase = async (token: string, callId: string, phase: string) => {
  const cm = contentManager(base, token);
  for (const locale of ['en', 'ca']) {
    const res = await cm.update(CALL_UID, callId, locale, { phase });
    expect(res.status, res.text).toBe(200);
    const pub = await cm.publish(CALL_UID, callId, locale, { phase });
    expect(pub.status, pub.text).toBe(200);
  }
};

/** An assessor scores the practice on the call's Assessment page. */
const score = async (who: (typeof ASSESSORS)[number], callId: string, values: number[], after: RegExp) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await logIn(context, who);
  const problems = track(page);
  await page.goto(`${base}/admin/plugins/solidarity/assessment/${callId}`);
  await page.getByText(SELECTED, { exact: true }).first().click({ timeout: WAIT });
  await page.getByRole('heading', { name: 'Your scores (0 to 3)' }).waitFor({ timeout: WAIT });
  for (const [i, label] of ['Innovation', 'Impact'].entries()) {
    await page.getByLabel(label, { exact: true }).fill(String(values[i]));
  }
  await page.getByRole('button', { name: 'Save my scores' }).click();
  await page.getByText('Your scores are saved.').first().waitFor({ timeout: WAIT });
  // the others' scores show once one has scored
  await page.getByText(after).first().waitFor({ timeout: WAIT });
  expect(problems).toEqual([]);
  await context.close();
};

it('runs a call from a submission in Catalan to the published results, in Chromium', async () => {
  const token = await adminToken(ADMIN);
  const cm = contentManager(base, token);

  // The call, open, in English and Catalan, with its priority criteria
  const created = await cm.publishNew(CALL_UID, 'en', {
    title: 'Municipal good practices 2027',
    slug: CALL,
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    criteria: [
      { label: 'Innovation', weight: 2 },
      { label: 'Impact', weight: 1 },
    ],
  });
  expect(created.status, created.text).toBe(200);
  const callId = (created.body as { data: { documentId: string } }).data.documentId;
  const ca = { title: 'Bones pràctiques municipals 2027', slug: CALL, criteria: [{ label: 'Innovació', weight: 2 }, { label: 'Impacte', weight: 1 }] };
  expect((await cm.update(CALL_UID, callId, 'ca', ca)).status).toBe(200);
  expect((await cm.publish(CALL_UID, callId, 'ca', ca)).status).toBe(200);

  // 1. A municipality submits its practice in Catalan through the form widget on a member's page
  partner!.show(`<!doctype html><html lang="ca"><head><meta charset="utf-8"><title>Xarxa de municipis</title>
    <script type="module" src="${base}/widgets/solidarity.js"></script></head><body>
    <solidarity-submit-practice api="${base}" call="${CALL}"></solidarity-submit-practice></body></html>`);
  const member = await browser.newPage();
  const memberProblems = track(member);
  await member.goto(partner!.url);
  const form = member.locator('solidarity-submit-practice');
  await form.getByText('Bones pràctiques municipals 2027').first().waitFor({ timeout: WAIT });
  await form.getByText('Innovació').first().waitFor();
  await form.locator('#f-title').fill(SELECTED);
  await form.locator('#f-summary').fill(SUMMARY);
  await form.locator('[part~=group] .checks input[type=checkbox]').first().check();
  await form.locator('#f-p0-name').fill('Ajuntament de Manlleu');
  await form.locator('#f-country').selectOption('ES');
  await form.locator('#f-name').fill('Marta Puig');
  await form.locator('#f-email').fill('marta.puig@manlleu.example.cat');
  await form.locator('#f-role').fill('Tècnica de transició energètica');
  await form.locator('#f-consent').check();
  await form.getByRole('button', { name: 'Envia la pràctica' }).click();
  await form.getByText('Gràcies! S’ha enviat la vostra pràctica.').waitFor({ timeout: WAIT });
  expect(memberProblems).toEqual([]);
  await member.close();

  // another member's practice, which the commission will not select (sent through the API)
  const other = await json<{ data: { id: string } }>('/api/solidarity/submissions', {
    method: 'POST',
    body: JSON.stringify({
      call: CALL, title: NOT_SELECTED, summary: 'Un banc del temps entre veïns i entitats del municipi.', topics: ['food-and-basic-goods'],
      promoters: [{ name: 'Associació Banc del Temps', country: 'ES' }], territory: { municipality: 'Vic', country: 'ES' },
      locale: 'ca', contact: { name: 'Jordi', email: 'jordi@vic.example.cat', role: 'member' }, consent: true, website: '',
    }),
  });

  // the submission, as the editors see it: in Catalan, for the call
  const listed = await json<{ data: { documentId: string; title: string; locale: string }[] }>(`/solidarity/submissions`, { token });
  const mine = listed.data.find((s) => s.title === SELECTED);
  expect(mine, JSON.stringify(listed.data)).toBeTruthy();
  expect(mine!.locale).toBe('ca');
  const practiceId = mine!.documentId;

  // 2. The commission (two admin users with the assess permission), then the editor opens the assessment
  const role = await json<{ data: { id: number } }>('/admin/roles', { method: 'POST', token, body: JSON.stringify({ name: 'Assessor', description: 'Scores the submissions of a call' }) });
  await json(`/admin/roles/${role.data.id}/permissions`, {
    method: 'PUT',
    token,
    body: JSON.stringify({ permissions: [{ action: 'plugin::solidarity.assess', subject: null, properties: {}, conditions: [] }] }),
  });
  const ids = [];
  for (const who of ASSESSORS) ids.push(await createAssessor(token, role.data.id, who));
  await json(`/solidarity/assessment/calls/${callId}/commission`, { method: 'PUT', token, body: JSON.stringify({ members: ids.map((userId) => ({ userId })) }) });
  await setPhase(token, callId, 'assessment');

  // 3. Two assessors score it on the Assessment page
  await score(ASSESSORS[0], callId, [3, 2], /No other assessment yet\./);
  await score(ASSESSORS[1], callId, [2, 3], /Anna Vila: \d/);

  // 4. The commission selects it on the same page (and did not select the other one)
  const chair = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const editor = await logIn(chair, ADMIN);
  const editorProblems = track(editor);
  await editor.goto(`${base}/admin/plugins/solidarity/assessment/${callId}`);
  await editor.getByText(SELECTED, { exact: true }).first().click({ timeout: WAIT });
  await editor.getByRole('heading', { name: 'Decision' }).waitFor({ timeout: WAIT });
  // ranked by the weighted mean of the two assessors
  await editor.getByText(/\/ 9 \(2 assessors\)/).first().waitFor({ timeout: WAIT });
  await editor.getByLabel('Reason').fill('Replicable en altres municipis de la xarxa.');
  await editor.getByRole('button', { name: 'Record the decision' }).click();
  await editor.getByText('The decision is recorded.').first().waitFor({ timeout: WAIT });
  await editor.getByText(/Recorded: Selected, by /).waitFor({ timeout: WAIT });
  await json(`/solidarity/assessment/calls/${callId}/submissions/${other.data.id}/decision`, {
    method: 'POST',
    token,
    body: JSON.stringify({ decision: 'not-selected', reason: 'Fora de l’abast de la convocatòria.' }),
  });

  // 5. The contact completes the systematisation fiche through the private link: the editor sends it
  //    from the review page and passes on the link it shows (no mail server here); the contact opens
  //    it in a browser without any admin session, fills the missing fields in Catalan, saves, sends.
  await editor.goto(`${base}/admin/plugins/solidarity/submissions/${practiceId}`);
  await editor.getByRole('heading', { name: SELECTED, level: 1 }).waitFor({ timeout: WAIT });
  await editor.getByText('No link sent yet.').waitFor({ timeout: WAIT });
  await editor.getByRole('button', { name: 'Send the link', exact: true }).click();
  const shown = editor.getByTestId('solidarity-completion-url');
  await shown.waitFor({ timeout: WAIT });
  const link = /(https?:\/\/\S+\/complete\/\S+)/.exec(await shown.innerText())?.[1];
  expect(link, await shown.innerText()).toBeTruthy();
  await editor.getByText('Link: waiting for the contact').waitFor({ timeout: WAIT });

  const contactContext = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const contact = await contactContext.newPage();
  const contactProblems = track(contact);
  const opened = await contact.goto(link!);
  expect(opened?.status()).toBe(200);
  expect(await contact.getAttribute('html', 'lang')).toBe('ca');
  expect(await contact.locator('h1').innerText()).toBe('Completeu la fitxa de la vostra pràctica');
  expect(await contact.locator('#f-summary').inputValue()).toBe(SUMMARY);
  await contact.locator('#f-context').fill(CONTEXT);
  await contact.locator('#f-objectives').fill(OBJECTIVES);
  await contact.locator('#f-figures-0-label').fill('Llars que comparteixen energia');
  await contact.locator('#f-figures-0-value').fill('148');
  await contact.locator('button[value="save"]').click();
  await contact.locator('.notice').getByText('Desat.').waitFor({ timeout: WAIT });
  // what was saved shows again
  expect(await contact.locator('#f-context').inputValue()).toBe(CONTEXT);
  expect(await contact.locator('#f-figures-0-value').inputValue()).toBe('148');
  await contact.locator('button[value="send"]').click();
  await contact.getByRole('heading', { name: 'Gràcies!', level: 1 }).waitFor({ timeout: WAIT });
  // the link is spent: the same address only says so, without the practice's data
  const reopened = await contact.goto(link!);
  expect(reopened?.status()).toBe(410);
  expect(await contact.locator('h1').innerText()).toBe('Aquesta fitxa ja s’ha enviat');
  expect(await contact.locator('form').count()).toBe(0);
  const spent = await contact.content();
  for (const secret of [SELECTED, SUMMARY, CONTEXT, 'Llars que comparteixen energia']) expect(spent).not.toContain(secret);
  expect(contactProblems).toEqual([]);
  await contactContext.close();

  // the review page records what the contact changed, and that they sent it
  await editor.reload();
  await editor.getByRole('heading', { name: SELECTED, level: 1 }).waitFor({ timeout: WAIT });
  await editor.getByText('Link: completed by the contact').waitFor({ timeout: WAIT });
  await editor.getByText('The contact sent the completed fiche').waitFor({ timeout: WAIT });
  const saved = editor.getByRole('listitem').filter({ has: editor.getByText('The contact saved the fiche', { exact: true }) });
  expect(await saved.count()).toBe(1);
  // by the contact, through the link (not by an admin user, not by the submission form)
  await saved.getByText(/^the contact, through the completion link, /).waitFor({ timeout: WAIT });
  const changed = await saved.getByTestId('solidarity-history-changes').getByRole('listitem').allInnerTexts();
  expect(changed).toEqual([`Context and need: — → ${CONTEXT}`, `Objectives: — → ${OBJECTIVES}`, expect.stringMatching(/^Results in figures: — → .*Llars que comparteixen energia.*148/)]);

  // 6. An editor publishes it on the review page (the other one is published too: published, not selected)
  await editor.goto(`${base}/admin/plugins/solidarity/submissions/${practiceId}`);
  await editor.getByRole('heading', { name: SELECTED, level: 1 }).waitFor({ timeout: WAIT });
  await editor.getByRole('button', { name: 'Start review', exact: true }).click();
  await editor.getByText('Done: the submission is now “In review”.').waitFor({ timeout: WAIT });
  await editor.getByRole('button', { name: 'Approve', exact: true }).click();
  await editor.getByRole('button', { name: 'Approve and publish' }).click();
  await editor.getByText('Done: the submission is now “Approved”.').waitFor({ timeout: WAIT });
  expect(editorProblems).toEqual([]);
  await chair.close();
  for (const [action, expectedStatus] of [['start-review', 'submitted'], ['approve', 'in-review']]) {
    await json(`/solidarity/submissions/${other.data.id}/actions`, { method: 'POST', token, body: JSON.stringify({ action, expectedStatus }) });
  }
  // during the assessment the call lists both published practices
  const during = await json<{ data: { title: string }[] }>(`/api/solidarity/practices?locale=ca&call=${CALL}`);
  expect(during.data.map((p) => p.title).sort()).toEqual([NOT_SELECTED, SELECTED].sort());
  // the published practice holds what the contact wrote: its public API answer and its public page
  const single = await json<{ data: { context: string | null; objectives: string | null; figures: { label: string; value: number }[] } }>(
    `/api/solidarity/practices/${practiceId}?locale=ca`
  );
  expect(single.data.context).toBe(CONTEXT);
  expect(single.data.objectives).toBe(OBJECTIVES);
  expect(single.data.figures.map((f) => [f.label, Number(f.value)])).toEqual([['Llars que comparteixen energia', 148]]);
  const publicPage = await fetch(`${base}/embed/ca/practices/${practiceId}`);
  expect(publicPage.status).toBe(200);
  const publicHtml = await publicPage.text();
  expect(publicHtml).toContain(CONTEXT);
  expect(publicHtml).toContain(OBJECTIVES);

  // 7. The results: the call's widget lists the selected practice, and not the other one
  await setPhase(token, callId, 'results');
  partner!.show(`<!doctype html><html lang="ca"><head><meta charset="utf-8"><title>Resultats</title>
    <script type="module" src="${base}/widgets/solidarity.js"></script></head><body>
    <solidarity-practices api="${base}" call="${CALL}"></solidarity-practices></body></html>`);
  const visitor = await browser.newPage();
  const visitorProblems = track(visitor);
  await visitor.goto(partner!.url);
  const results = visitor.locator('solidarity-practices');
  await results.locator('[part~=call-results]').waitFor({ timeout: WAIT });
  expect(await results.locator('[part~=call-results]').innerText()).toBe('Pràctiques seleccionades en aquesta convocatòria');
  expect(await results.locator('[part~=call-phase]').innerText()).toBe('Fase: Resultats publicats');
  expect(await results.locator('[part~=call-title]').innerText()).toBe('Bones pràctiques municipals 2027');
  await expect.poll(() => results.locator('[part~=card] [part~=title]').allInnerTexts(), { timeout: WAIT }).toEqual([SELECTED]);
  expect(await results.locator('[part~=count]').innerText()).toMatch(/^1 /);
  expect(await results.locator('[part~=call-submit]').count()).toBe(0);
  expect(visitorProblems).toEqual([]);
  await visitor.close();
}, 120_000);
