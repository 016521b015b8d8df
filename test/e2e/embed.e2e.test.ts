import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startApp, startPartnerPage, type PartnerPage, type StartedApp } from '../helpers/e2e';
import { APP_ROOT } from '../helpers/strapi';
import { contentManager } from '../helpers/content-manager';
import { UID } from '../../cms/server/src/content-types/uids';

/**
 * The embed builder in the real admin panel: an editor picks the sessions widget filtered by a topic
 * in Catalan, sees the real widget's preview show that topic's sessions (as the public API lists
 * them), copies the snippet, and a plain HTML page on another origin shows the same sessions.
 *
 * In-process test apps do not serve the admin panel, so this file starts the app the way
 * `npm start` does (`node scripts/start.mjs`: builds what is missing or stale, then `strapi start`)
 * in a child process, on a free port and a throw-away database with the demo content.
 */

const ADMIN = { email: 'admin@solidarity.example', password: 'Solidarity-2026' };
const EDITOR = { email: 'editor@solidarity.example', password: 'Editor-Solidarity-2026', firstname: 'Eddie', lastname: 'Tor' };
/** Where to write screenshots of the pages (set SOLIDARITY_E2E_SCREENSHOTS=<dir> to keep them). */
const SHOTS = process.env.SOLIDARITY_E2E_SCREENSHOTS;

let app: StartedApp | undefined;
let base: string;
let partner: PartnerPage | undefined;
let browser: Browser;

const json = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/**
 * An admin session token per user, logged in once for the whole file: Strapi's admin login allows 5
 * attempts per email and IP in 5 minutes (its `admin.rateLimit` default), and the browser logins below
 * count too (a 6th is a 429).
 */
const tokens = new Map<string, Promise<string>>();
const adminToken = (who: { email: string; password: string }): Promise<string> => {
  const known = tokens.get(who.email);
  if (known) return known;
  const token = json<{ data: { token: string } }>(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  }).then((r) => r.data.token);
  tokens.set(who.email, token);
  return token;
};

const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
};

/** A page that records console errors, page errors and failed requests. */
const track = (page: Page) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  return problems;
};

const logIn = async (context: BrowserContext, who: { email: string; password: string }) => {
  const page = await context.newPage();
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(who.email);
  await page.getByLabel(/password/i).fill(who.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/admin/auth'), { timeout: 30_000 });
  // The side navigation is there once the admin app has loaded the user's permissions.
  await page.getByRole('navigation').first().waitFor({ timeout: 30_000 });
  return page;
};

/** Picks an option of a design-system select (a combobox named by its label). */
const choose = async (page: Page, label: string, option: string) => {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** Titles of the sessions a <solidarity-sessions> shows (Playwright's CSS locators pierce shadow roots). */
const sessionTitles = async (page: Page, scope: string) => {
  const cards = page.locator(`${scope} solidarity-sessions article [part~="title"]`);
  return (await cards.allInnerTexts()).map((t) => t.trim()).sort();
};

interface Session {
  slug: string;
  title: string;
  locale: string;
  topics: { slug: string; name: string }[];
}

beforeAll(async () => {
  if (!existsSync(path.join(APP_ROOT, 'widgets', 'dist', 'solidarity.js'))) {
    throw new Error('widgets/dist is missing: run `npm run -w widgets build` first (npm test does)');
  }
  // A stale admin build is rebuilt first (one to three minutes on a loaded machine), then Strapi boots.
  app = await startApp({
    healthTimeoutMs: 170_000,
    env: {
      SEED_DEMO: 'true',
      // the stored-XSS check below sends a submission from Node, without solving a proof of work
      ALTCHA_ENABLED: 'false',
    },
  });
  base = app.base;

  partner = await startPartnerPage();

  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await partner?.close();
  await app?.stop();
}, 60_000);

describe('embed builder (admin) → partner page', () => {
  it('serves the admin config to roles with plugin::solidarity.embed', async () => {
    const token = await adminToken(ADMIN);
    const config = await json<{ publicUrl: string; locales: { code: string; isDefault: boolean }[]; defaultLocale: string }>(
      `${base}/solidarity/embed/config`,
      { headers: { Authorization: `Bearer ${token}` } }
    );
    expect(config.publicUrl).toBe(base);
    expect(config.locales.map((l) => l.code)).toEqual(expect.arrayContaining(['en', 'ca', 'es', 'el', 'fr']));
    expect(config.locales.find((l) => l.isDefault)?.code).toBe(config.defaultLocale);
    expect((await fetch(`${base}/solidarity/embed/config`)).status).toBe(401);
  });

  it('builds a Catalan sessions snippet whose preview and partner page show that topic’s sessions', async () => {
    // The topic: the one with the most upcoming Catalan sessions, as long as it does not have them all (the filter must matter).
    const upcoming = await json<{ data: Session[] }>(`${base}/api/solidarity/sessions?locale=ca&when=upcoming&pageSize=50`);
    const perTopic = new Map<string, number>();
    for (const s of upcoming.data) for (const t of s.topics) perTopic.set(t.slug, (perTopic.get(t.slug) ?? 0) + 1);
    const [slug] = [...perTopic.entries()]
      .filter(([, n]) => n < upcoming.data.length)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([s]) => s);
    expect(slug, 'a topic with some, not all, upcoming sessions in the demo content').toBeDefined();
    const topics = await json<{ data: { slug: string; name: string }[] }>(`${base}/api/solidarity/topics?locale=ca&pageSize=50`);
    const topicName = topics.data.find((t) => t.slug === slug)?.name;
    expect(topicName).toBeDefined();
    // What the widget must show: the API's answer for the same filter (the widget lists upcoming sessions by default).
    const expected = (await json<{ data: Session[] }>(`${base}/api/solidarity/sessions?topic=${encodeURIComponent(slug)}&locale=ca&when=upcoming`)).data
      .map((s) => s.title.trim())
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(upcoming.data.length);

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await logIn(context, ADMIN);
    const problems = track(page);

    await page.getByRole('navigation').getByRole('link', { name: 'Embed' }).click();
    await page.getByRole('heading', { name: 'Embed', level: 1 }).waitFor();
    await choose(page, 'Widget', 'Online sessions');
    await choose(page, 'Language', 'Català (ca)');
    await choose(page, 'Topic', topicName as string);

    // The preview: the real widget, fed by the real API, with the chosen settings.
    const preview = '[data-testid="solidarity-embed-preview"]';
    await expect
      .poll(async () => page.locator(`${preview} solidarity-sessions`).getAttribute('topic'), { timeout: 15_000 })
      .toBe(slug);
    await expect.poll(() => sessionTitles(page, preview), { timeout: 15_000 }).toEqual(expected);
    expect(await page.locator(`${preview} solidarity-sessions`).getAttribute('locale')).toBe('ca');
    await shot(page, 'embed-admin');

    // The snippet, copied with the Copy button.
    const snippet = (await page.getByTestId('solidarity-embed-snippet').innerText()).trim();
    expect(snippet).toContain(`<script type="module" src="${base}/widgets/solidarity.js"></script>`);
    expect(snippet).toContain(`<solidarity-sessions locale="ca" topic="${slug}" when="upcoming"><a href="${base}/embed/ca/sessions?topic=${slug}&amp;when=upcoming">Mostra-ho a Solidarity Commons</a></solidarity-sessions>`);
    // its fallback link is the public page of the same list
    expect((await fetch(`${base}/embed/ca/sessions?topic=${slug}&when=upcoming`)).status).toBe(200);
    await page.locator('[data-copy="solidarity-embed-snippet"]').click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    expect(copied.trim()).toBe(snippet);

    // The calendar links for the same filter.
    const ics = `${base}/api/solidarity/sessions.ics?locale=ca&topic=${encodeURIComponent(slug)}`;
    await expect(page.locator('[data-feed="ics"]').innerText()).resolves.toContain(ics);
    await expect(page.locator('[data-feed="webcal"]').innerText()).resolves.toContain(ics.replace(/^http:/, 'webcal:'));
    const calendar = await fetch(ics);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(problems.filter((p) => !/ERR_NAME_NOT_RESOLVED|net::ERR_ABORTED/.test(p))).toEqual([]);
    await context.close();

    // The partner's page: the copied snippet in a plain HTML page on another origin.
    partner?.show(`<!doctype html><html lang="ca"><head><meta charset="utf-8"><title>Soci</title></head><body><h1>Agenda</h1>\n${copied}\n</body></html>`);
    const partnerContext = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const partnerPage = await partnerContext.newPage();
    const partnerProblems = track(partnerPage);
    const crossOrigin: string[] = [];
    partnerPage.on('request', (req) => {
      if (req.url().startsWith(base)) crossOrigin.push(req.url());
    });
    await partnerPage.goto(partner!.url, { waitUntil: 'networkidle' });
    await partnerPage.locator('solidarity-sessions article').first().waitFor({ timeout: 15_000 });
    expect(await sessionTitles(partnerPage, 'body')).toEqual(expected);
    expect(crossOrigin.some((u) => u.startsWith(`${base}/widgets/solidarity.js`))).toBe(true);
    expect(crossOrigin.some((u) => u.startsWith(`${base}/api/solidarity/sessions?`))).toBe(true);
    expect(partnerProblems).toEqual([]);
    await shot(partnerPage, 'embed-partner');
    await partnerContext.close();
  });

  it('names a single practice by the slug of the language picked, also after it was chosen', async () => {
    // a practice with English and Catalan slugs, and another whose Catalan slug is the first one's English slug
    const cm = contentManager(base, await adminToken(ADMIN));
    const created = await cm.publishNew(UID.practice, 'en', { title: 'Cooperative bakery of Gràcia', slug: 'e2e-forn', summary: 'A bakery owned by its workers.', country: 'ES' });
    expect(created.status, created.text).toBeLessThan(300);
    const documentId = String((created.body.data as { documentId: string }).documentId);
    const catalan = await cm.publish(UID.practice, documentId, 'ca', { title: 'Forn cooperatiu de Gràcia', slug: 'e2e-forn-cooperatiu', summary: 'Un forn dels seus treballadors.', country: 'ES' });
    expect(catalan.status, catalan.text).toBeLessThan(300);
    const kiln = await cm.publishNew(UID.practice, 'ca', { title: 'Forn de calç de Gràcia', slug: 'e2e-forn', summary: 'Un forn de calç restaurat.', country: 'ES' });
    expect(kiln.status, kiln.text).toBeLessThan(300);

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await logIn(context, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Embed' }).click();
    await page.getByRole('heading', { name: 'Embed', level: 1 }).waitFor();
    await choose(page, 'Widget', 'One good practice');
    await choose(page, 'Language', 'English (en)');
    await page.getByRole('searchbox', { name: 'Find a practice' }).fill('Cooperative bakery of Gràcia');
    await page.getByRole('combobox', { name: 'Practice', exact: true }).click();
    await page.getByRole('option', { name: 'Cooperative bakery of Gràcia', exact: true }).click();
    const snippet = () => page.getByTestId('solidarity-embed-snippet').innerText();
    await expect.poll(snippet, { timeout: 15_000 }).toContain('<solidarity-practice slug="e2e-forn" locale="en">');
    // Catalan: the same practice by its Catalan slug (the English one names the lime kiln in Catalan)
    await choose(page, 'Language', 'Català (ca)');
    await expect.poll(snippet, { timeout: 15_000 }).toContain(`<solidarity-practice slug="e2e-forn-cooperatiu" locale="ca"><a href="${base}/embed/ca/practices/e2e-forn-cooperatiu">`);
    const preview = page.locator('[data-testid="solidarity-embed-preview"] solidarity-practice [part~="title"]').first();
    await expect.poll(async () => ((await preview.count()) ? (await preview.innerText()).trim() : ''), { timeout: 15_000 }).toBe('Forn cooperatiu de Gràcia');
    // French, where it has no text: the slug stays; back to English: the English slug
    await choose(page, 'Language', 'Français (fr)');
    await page.waitForTimeout(1000);
    expect(await snippet()).toContain('<solidarity-practice slug="e2e-forn-cooperatiu" locale="fr">');
    await choose(page, 'Language', 'English (en)');
    await expect.poll(snippet, { timeout: 15_000 }).toContain('<solidarity-practice slug="e2e-forn" locale="en">');
    await context.close();
  });

  it('is not offered to a role without plugin::solidarity.embed', async () => {
    const token = await adminToken(ADMIN);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const roles = await json<{ data: { id: number; code: string }[] }>(`${base}/admin/roles`, { headers: auth });
    const editorRole = roles.data.find((r) => r.code === 'strapi-editor');
    expect(editorRole).toBeDefined();
    const created = await json<{ data: { registrationToken: string } }>(`${base}/admin/users`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ firstname: EDITOR.firstname, lastname: EDITOR.lastname, email: EDITOR.email, roles: [editorRole?.id] }),
    });
    await json(`${base}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationToken: created.data.registrationToken,
        userInfo: { firstname: EDITOR.firstname, lastname: EDITOR.lastname, password: EDITOR.password },
      }),
    });
    const editorToken = await adminToken(EDITOR);
    expect((await fetch(`${base}/solidarity/embed/config`, { headers: { Authorization: `Bearer ${editorToken}` } })).status).toBe(403);

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await logIn(context, EDITOR);
    const nav = page.getByRole('navigation').first();
    // The nav is complete when the Content Manager link (which editors have) is there.
    await nav.getByRole('link', { name: 'Content Manager' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Embed' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Submissions' }).count()).toBe(0);
    // Typing the address does not show the page either.
    await page.goto(`${base}/admin/plugins/solidarity/embed`);
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('solidarity-embed-snippet').count()).toBe(0);
    await shot(page, 'embed-editor');
    await context.close();
  });
});

describe('partner-site card of the embed builder (admin)', () => {
  const PARTNER_EDITOR = { email: 'partners@solidarity.example', password: 'Partners-Solidarity-2026', firstname: 'Paula', lastname: 'Partner' };

  /** What the submission form on `origin` learns before anyone types (the public route the widget calls). */
  const originCheck = async (origin: string) =>
    json<{ data: { allowed: boolean } }>(`${base}/api/solidarity/submissions/origin-check`, { headers: { Origin: origin } });

  it('lets an editor with the partners permission register a website, after which the form on it passes the origin check', async () => {
    const partnerOrigin = new URL(partner!.url).origin;
    expect(partnerOrigin).not.toBe(new URL(base).origin);
    expect((await originCheck(partnerOrigin)).data.allowed).toBe(false);

    // an editor whose role has the embed builder and the partners permission only
    const token = await adminToken(ADMIN);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const role = await json<{ data: { id: number } }>(`${base}/admin/roles`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'Partner editors', description: 'embed builder and partner sites' }),
    });
    await json(`${base}/admin/roles/${role.data.id}/permissions`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        permissions: ['plugin::solidarity.embed', 'plugin::solidarity.partners'].map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
      }),
    });
    const created = await json<{ data: { registrationToken: string } }>(`${base}/admin/users`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ firstname: PARTNER_EDITOR.firstname, lastname: PARTNER_EDITOR.lastname, email: PARTNER_EDITOR.email, roles: [role.data.id] }),
    });
    await json(`${base}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationToken: created.data.registrationToken,
        userInfo: { firstname: PARTNER_EDITOR.firstname, lastname: PARTNER_EDITOR.lastname, password: PARTNER_EDITOR.password },
      }),
    });

    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await logIn(context, PARTNER_EDITOR);
    const problems = track(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Embed' }).click();
    await page.getByRole('heading', { name: 'Embed', level: 1 }).waitFor();
    await choose(page, 'Widget', 'Submission form');
    const card = page.getByTestId('solidarity-partner-site');
    await card.waitFor();
    await card.getByLabel('Website of the partner').fill(partner!.url);
    await card.locator('[data-partner="check"]').click();
    // not registered yet: the card says so and offers to register it, named after its host
    await card.locator('[data-partner="needed"]').waitFor();
    expect(await card.locator('[data-partner="needed"]').innerText()).toContain(partnerOrigin);
    const name = card.getByLabel('Name of the partner site');
    expect(await name.inputValue()).toBe('localhost');
    await name.fill('Partner test site');
    await card.locator('[data-partner="register"]').click();
    await card.locator('[data-partner="registered"]').waitFor();
    expect(await card.locator('[data-partner="registered"]').innerText()).toContain('Partner test site');
    await shot(page, 'embed-partner-card');
    // checked again, the website is a partner site now
    await card.getByLabel('Website of the partner').fill(`${partnerOrigin}/`);
    await card.locator('[data-partner="check"]').click();
    await card.locator('[data-partner="allowed"]').waitFor();
    expect(await card.locator('[data-partner="allowed"]').innerText()).toContain('Partner test site');
    expect(problems).toEqual([]);
    await context.close();

    // at once, for the public route
    expect((await originCheck(partnerOrigin)).data.allowed).toBe(true);
    // and for the real form on the partner's page, in Chromium (the browser sends the page's Origin)
    partner?.show(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Member</title></head><body><h1>Send us your practice</h1>\n` +
        `<script type="module" src="${base}/widgets/solidarity.js"></script>\n<solidarity-submit-practice></solidarity-submit-practice>\n</body></html>`
    );
    const partnerContext = await browser.newContext();
    const partnerPage = await partnerContext.newPage();
    const checked = partnerPage.waitForResponse((res) => res.url().startsWith(`${base}/api/solidarity/submissions/origin-check`), { timeout: 30_000 });
    await partnerPage.goto(partner!.url);
    const answer = await checked;
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as { data: { allowed: boolean } }).data.allowed).toBe(true);
    expect(await answer.request().headerValue('origin')).toBe(partnerOrigin);
    await partnerContext.close();
  });
});

describe('review queue (admin)', () => {
  it('shows a submission carrying script and event-handler payloads as inert text', async () => {
    const payload = {
      title: 'Stored XSS <script>window.__xss=1</script><img src=x onerror="window.__xss=2">',
      summary: 'Summary <img src=x onerror="window.__xss=3"> with a payload in it.',
      body: 'First paragraph <script>window.__xss=4</script>\n\n<a href="javascript:window.__xss=5">click</a>',
      topics: ['food-and-basic-goods'],
      promoters: [{ name: 'Coop <b onmouseover="window.__xss=6">bold</b>' }],
      territory: { municipality: '<svg onload="window.__xss=7">', country: 'ES' },
      locale: 'en',
      contact: { name: 'Tester', email: 'xss-tester@leak-canary.example', role: 'member' },
      consent: true,
      website: '',
    };
    const res = await fetch(`${base}/api/solidarity/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    expect(res.status).toBe(202);
    const { data } = (await res.json()) as { data: { id: string } };

    const context = await browser.newContext();
    const page = await logIn(context, { email: 'admin@solidarity.example', password: 'Solidarity-2026' });
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(`${base}/admin/plugins/solidarity/submissions`);
    await page.getByText('Stored XSS <script>', { exact: false }).first().waitFor({ timeout: 30_000 });
    await page.goto(`${base}/admin/plugins/solidarity/submissions/${data.id}`);
    await page.getByText('First paragraph <script>', { exact: false }).first().waitFor({ timeout: 30_000 });
    const text = await page.locator('main').innerText();
    expect(text).toContain('<img src=x onerror="window.__xss=3">');
    expect(text).toContain('<svg onload="window.__xss=7">');
    expect(await page.locator('main img[src="x"], main svg[onload], main b[onmouseover]').count()).toBe(0);
    expect(await page.locator('main a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
    await context.close();
  });
});
