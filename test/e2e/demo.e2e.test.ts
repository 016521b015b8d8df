import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium, startPartnerPage } from '../helpers/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROOT, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The demo partner site, served by the real app, shows published demo content
 * from the real API through the built widget bundle, in two languages, in
 * Debian's Chromium, with no console errors.
 */
let app: TestApp;
let browser: Browser;


beforeAll(async () => {
  if (!existsSync(path.join(APP_ROOT, 'widgets', 'dist', 'solidarity.js'))) {
    throw new Error('widgets/dist is missing: run `npm run -w widgets build` first (npm test does)');
  }
  app = await startStrapi({ demo: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const open = async (url: string) => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems };
};

/** Text of the cards a widget rendered (Playwright's CSS locators pierce shadow roots). */
const titles = async (page: Page, widget: string) => {
  await page.locator(`${widget} article`).first().waitFor({ timeout: 15_000 });
  return page.locator(`${widget} article`).allInnerTexts();
};

describe('demo partner site', () => {
  it('shows the published demo content in English', async () => {
    const { page, problems } = await open(`${app.url}/demo`);
    const practices = (await titles(page, 'solidarity-practices')).join('\n');
    const api = (await (await fetch(`${app.url}/api/solidarity/practices?pageSize=6`)).json()) as { data: { title: string }[] };
    expect(api.data.length).toBe(6);
    for (const p of api.data) expect(practices).toContain(p.title);
    // the single practice, with its body rendered from blocks
    const one = (await titles(page, 'solidarity-practice')).join('\n');
    expect(one).toContain('Manlleu');
    const upcoming = (await titles(page, 'solidarity-sessions[when="upcoming"]')).join('\n');
    expect(upcoming.length).toBeGreaterThan(0);
    const statements = (await titles(page, 'solidarity-statements')).join('\n');
    expect(statements.length).toBeGreaterThan(0);
    // drafts and private contacts are not there
    const all = await page.locator('body').innerText();
    expect(all).not.toContain('leak-canary');
    expect(all).not.toContain('Creu Alta bike kitchen');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows it in Catalan on the Catalan page', async () => {
    const { page, problems } = await open(`${app.url}/demo/ca`);
    const practices = (await titles(page, 'solidarity-practices')).join('\n');
    const res = await fetch(`${app.url}/api/solidarity/practices?locale=ca&pageSize=6`);
    const body = (await res.json()) as { data: { title: string; locale: string }[] };
    const catalan = body.data.find((p) => p.locale === 'ca');
    expect(catalan).toBeDefined();
    expect(practices).toContain(catalan?.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('ca');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers every country in the practices filter on first load, Greece included, with counts from the facets', async () => {
    const { page, problems } = await open(`${app.url}/demo`);
    await titles(page, 'solidarity-practices');
    const country = page.locator('solidarity-practices select[name="country"]');
    await expect.poll(() => country.locator('option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const options = await country.locator('option').allInnerTexts();
    const facets = (await (await fetch(`${app.url}/api/solidarity/facets/practices?locale=en`)).json()) as {
      data: { countries: { value: string; label: string; count: number }[] };
    };
    const greece = facets.data.countries.find((c) => c.value === 'GR');
    expect(greece?.count).toBeGreaterThan(0);
    expect(options).toContain(`Greece (${greece?.count})`);
    expect(options.length).toBe(facets.data.countries.length + 1);
    // the first page does not hold every country: the filter does not come from the page
    const shown = (await (await fetch(`${app.url}/api/solidarity/practices?pageSize=6`)).json()) as { data: { country: string }[] };
    expect(new Set(shown.data.map((p) => p.country)).size).toBeLessThan(facets.data.countries.length);
    // choosing Greece lists only Greek practices
    await country.selectOption('GR');
    const count = page.locator('solidarity-practices [part~=count]');
    await expect.poll(() => count.innerText(), { timeout: 15_000 }).toMatch(new RegExp(`^${greece?.count} `));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works on a partner site on another origin that includes the script the WordPress way (classic, ?ver=) and as a module too', async () => {
    const partner = await startPartnerPage();
    try {
      const js = `${app.url}/widgets/solidarity.js`;
      partner.show(`<!doctype html><html lang="en"><head><title>Partner</title>
        <script src="${js}?ver=6.1.1" id="solidarity-js"></script></head><body>
        <section lang="ca-ES"><solidarity-statements><a href="${app.url}/demo/">Mostra-ho a Solidarity Commons</a></solidarity-statements></section>
        <solidarity-sessions when="upcoming"></solidarity-sessions>
        <script type="module" src="${js}"></script><script src="${js}?ver=2"></script></body></html>`);
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      const chunks: string[] = [];
      const encodings: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/widgets/chunks/')) {
          chunks.push(r.url());
          encodings.push(r.headers()['content-encoding'] ?? 'identity');
        }
      });
      await page.goto(partner.url, { waitUntil: 'networkidle' });
      await titles(page, 'solidarity-statements');
      await titles(page, 'solidarity-sessions');
      // the nearest lang (a Catalan section) decides the statements' language; the sessions follow <html lang>
      await expect.poll(() => page.locator('solidarity-statements [part~=count]').innerText()).toMatch(/^\d+ declaraci(ó|ons)$/);
      await expect.poll(() => page.locator('solidarity-sessions [part~=count]').innerText()).toMatch(/^\d+ sessions?$/);
      // each chunk downloaded once, compressed at build time, imported without the query string
      expect(chunks.length).toBe(new Set(chunks).size);
      expect(chunks.every((u) => !u.includes('?'))).toBe(true);
      expect(chunks.some((u) => u.includes('/chunks/shared-'))).toBe(true);
      expect(new Set(encodings)).toEqual(new Set(['br']));
      // the fallback link is hidden once the widget is there
      // (page-side code as a string: the tests are type-checked without the DOM library)
      expect(await page.evaluate("document.querySelector('solidarity-statements a').getClientRects().length")).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await partner.close();
    }
  });

  it('lists copy-ready snippets', async () => {
    const { page, problems } = await open(`${app.url}/demo/snippets`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<script type="module"');
    expect(text).toContain(`${app.url}/widgets/solidarity.js`); // the snippet names this server
    // every fallback link in a snippet is a live public page (followed through its locale redirect)
    const links = [...text.matchAll(/<a href="([^"]+)">/g)].map((m) => (m[1] as string).replaceAll('&amp;', '&'));
    expect(links.length).toBeGreaterThanOrEqual(9);
    for (const link of links) {
      expect(link.startsWith(`${app.url}/embed/`), link).toBe(true);
      const r = await fetch(link);
      expect(r.status, link).toBe(200);
      expect(r.headers.get('content-type'), link).toMatch(/^text\/html/);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
