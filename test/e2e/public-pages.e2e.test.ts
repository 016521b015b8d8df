import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startPartnerPage, type PartnerPage } from '../helpers/e2e';
import { APP_ROOT, documents, startStrapi, type TestApp } from '../helpers/strapi';
import { UID } from '../../cms/server/src/content-types/uids';

/**
 * A practice's public page embedded the oEmbed way in Debian's Chromium: a member's page on another
 * origin holds the oEmbed `html` (blockquote, iframe, host script); the widget renders inside the
 * iframe, whose height follows its content through WordPress's embed messages; the same page read
 * without JavaScript shows the server-rendered title and summary.
 */
let app: TestApp;
let browser: Browser;
let partner: PartnerPage;
const TITLE = 'Rebost solidari de Vilafranca';
const SUMMARY = 'Un rebost gestionat pels veïns, obert cada dissabte.';
/** WordPress's own host script, when Debian's wordpress package is installed (CI installs it for the plugin's tests). */
const WP_EMBED = '/usr/share/wordpress/wp-includes/js/wp-embed.js';

beforeAll(async () => {
  if (!existsSync(path.join(APP_ROOT, 'widgets', 'dist', 'solidarity.js'))) {
    throw new Error('widgets/dist is missing: run `npm run -w widgets build` first (npm test does)');
  }
  app = await startStrapi();
  await documents(app, UID.practice).create({
    locale: 'ca',
    status: 'published',
    data: { title: TITLE, slug: 'rebost-vilafranca', summary: SUMMARY, country: 'ES', municipality: 'Vilafranca del Penedès' },
  });
  // a practice with its systematisation fiche (issue #15): public sections, and the private budget details
  await documents(app, UID.practice).create({
    locale: 'ca',
    status: 'published',
    data: {
      title: 'Horts comunitaris de Manlleu',
      slug: 'horts-manlleu',
      summary: 'Horts compartits entre veïns.',
      country: 'ES',
      context: 'Solars buits al barri.\nMolta gent gran sola.',
      budgetRange: 'from-5k-to-20k',
      budgetDetails: 'Privat: 12.000 € de l’ajuntament.',
      figures: [{ label: 'famílies', value: 120, unit: null }],
      partners: [
        { name: 'Cooperativa Terra', website: 'https://terra.example.cat/', role: 'Forma els hortolans' },
        { name: 'Entitat <img src=x onerror=alert(1)>', website: null, role: null },
      ],
    },
  });
  // a session and a statement, each with its own page holding the widget of that one document
  const start = new Date(Date.now() + 5 * 86_400_000);
  await documents(app, UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Webinar on food banks',
      slug: 'food-banks-webinar',
      summary: 'How three networks keep their food banks going.',
      kind: 'webinar',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timezone: 'Pacific/Auckland',
      joinUrl: 'https://meet.example.org/food',
      description: [{ type: 'paragraph', children: [{ type: 'text', text: 'Bring your questions about cold storage.' }] }],
    },
  });
  await documents(app, UID.session).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Another webinar', slug: 'another-webinar', summary: 'Not this one.', kind: 'webinar', startsAt: start.toISOString(), timezone: 'Europe/Madrid' },
  });
  for (const [slug, title] of [
    ['food-is-a-right', 'Food is a right'],
    ['another-statement', 'Another statement'],
  ]) {
    await documents(app, UID.statement).create({
      locale: 'en',
      status: 'published',
      data: {
        title,
        slug,
        summary: 'Fund community kitchens.',
        kind: 'sector-statement',
        issuedOn: '2026-03-01',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: `The full text of ${title}.` }] }],
      },
    });
  }
  // two calls in the open phase: one past its deadline (taking no submissions), one within its dates
  const day = 86_400_000;
  for (const [slug, opens, closes] of [
    ['call-past-deadline', -30 * day, -day],
    ['call-taking-submissions', -day, 30 * day],
  ] as const) {
    await documents(app, UID.call).create({
      locale: 'en',
      status: 'published',
      data: { title: `Call ${slug}`, slug, phase: 'open', opensAt: new Date(Date.now() + opens).toISOString(), closesAt: new Date(Date.now() + closes).toISOString() },
    });
  }
  browser = await launchChromium();
  partner = await startPartnerPage();
});
afterAll(async () => {
  await partner?.close();
  await browser?.close();
  await app?.stop();
});

const oembedHtml = async (pageUrl: string, maxwidth = 500): Promise<string> => {
  const res = await fetch(`${app.url}/api/solidarity/oembed?url=${encodeURIComponent(pageUrl)}&maxwidth=${maxwidth}&format=json`);
  expect(res.status).toBe(200);
  return String(((await res.json()) as { html: string }).html);
};

const openPartner = async (html: string) => {
  partner.show(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Member</title></head><body><h1>Our news</h1>${html}<p>after</p></body></html>`);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  await page.goto(partner.url, { waitUntil: 'load' });
  return { page, problems };
};

/** Waits until the widget in the iframe has rendered the practice (its shadow DOM's title part). */
const widgetRendered = async (page: Page) => {
  const frame = page.frameLocator('iframe.wp-embedded-content');
  const title = frame.locator('solidarity-practice [part~="title"]').first();
  await title.waitFor({ timeout: 20_000 });
  return (await title.innerText()).trim();
};

/** The iframe's height once it has been resized to its content, and the document's own height. */
const resized = async (page: Page) => {
  const iframe = page.locator('iframe.wp-embedded-content');
  // evaluated in the page (a string: this file is type-checked without the DOM library)
  await page.waitForFunction(
    `(() => { const el = document.querySelector('iframe.wp-embedded-content'); return !!el && !el.hasAttribute('style') && el.getAttribute('height') !== '400'; })()`,
    undefined,
    { timeout: 20_000 }
  );
  const measure = async () => ({
    height: Number(await iframe.getAttribute('height')),
    content: await page
      .frameLocator('iframe.wp-embedded-content')
      .locator('body')
      .evaluate((body: { getBoundingClientRect(): { height: number } }) => Math.ceil(body.getBoundingClientRect().height)),
  });
  // The frame sends its height again whenever its content changes after the first message (a lazy
  // chunk, a font): wait for the message of the final layout, then give both figures to compare.
  let last = await measure();
  await expect
    .poll(
      async () => {
        last = await measure();
        return last.height === Math.min(1000, Math.max(200, last.content));
      },
      { timeout: 10_000 }
    )
    .toBe(true)
    .catch(() => undefined);
  return last;
};

describe('oEmbed on another origin', () => {
  it('renders the widget in the iframe and resizes it to its content (our host script)', async () => {
    const html = await oembedHtml(`${app.url}/embed/en/practices/rebost-vilafranca`);
    expect(new URL(partner.url).origin).not.toBe(new URL(app.url).origin);
    const { page, problems } = await openPartner(html);
    expect(await widgetRendered(page)).toBe(TITLE);
    const { height, content } = await resized(page);
    expect(height).toBe(Math.min(1000, Math.max(200, content)));
    // the fallback link is hidden once the frame has spoken; the iframe keeps the oEmbed width
    expect(await page.locator('blockquote.wp-embedded-content').isHidden()).toBe(true);
    expect(await page.locator('iframe.wp-embedded-content').getAttribute('width')).toBe('500');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works in the sandbox WordPress gives discovered embeds, with WordPress’s own wp-embed.js', async () => {
    const wpEmbed = existsSync(WP_EMBED) ? readFileSync(WP_EMBED, 'utf8') : null;
    const html = (await oembedHtml(`${app.url}/embed/en/practices/rebost-vilafranca`))
      // wp_filter_oembed_result: sandbox="allow-scripts" only (an opaque origin), and WordPress's host script
      .replace(/sandbox="[^"]*"/, 'sandbox="allow-scripts"')
      .replace(/<script[^>]*><\/script>$/, () => (wpEmbed ? `<script>${wpEmbed}</script>` : `<script src="${app.url}/embed/host.js"></script>`));
    const { page, problems } = await openPartner(html);
    expect(await widgetRendered(page)).toBe(TITLE);
    const { height, content } = await resized(page);
    expect(height).toBe(Math.min(1000, Math.max(200, content)));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the public page with JavaScript', () => {
  it('keeps the practice’s fiche once the widget replaces the server-rendered page', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${app.url}/embed/ca/practices/horts-manlleu`);
    // the widget's shadow DOM (Playwright's locators pierce it): the public sections, headings in Catalan
    const fiche = page.locator('solidarity-practice [part~="fiche"]');
    await fiche.waitFor({ timeout: 20_000 });
    const headings = await fiche.locator('[part~="fiche-section"] > h4').allInnerTexts();
    expect(headings).toEqual(['Context i necessitat', 'Pressupost', 'En xifres', 'Entitats col·laboradores']);
    const text = await fiche.innerText();
    expect(text).toContain('Solars buits al barri.\nMolta gent gran sola.');
    expect(text).toContain('De 5.000 a 20.000 €');
    expect(text).toContain('120 famílies');
    expect(text).toContain('Entitat <img src=x onerror=alert(1)>');
    // the private budget details never reach the page
    expect(text).not.toContain('12.000');
    expect(await page.content()).not.toContain('12.000');
    const links = fiche.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.getAttribute('href')).toBe('https://terra.example.cat/');
    expect(await links.getAttribute('rel')).toBe('noopener');
    expect(await fiche.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the public page of a session or a statement', () => {
  it('upgrades to the widget showing that one document, in full, in the page’s locale', async () => {
    const page = await browser.newPage({ timezoneId: 'Europe/Madrid' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${app.url}/embed/ca/sessions/food-banks-webinar`);
    // the widget's shadow DOM (Playwright's locators pierce it; the server-rendered article is not shown once it upgrades)
    const card = page.locator('solidarity-sessions article[part~="card"]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.count()).toBe(1);
    expect(await card.locator('[part~="title"]').innerText()).toBe('Webinar on food banks');
    const text = await card.innerText();
    expect(text).toContain('Bring your questions about cold storage.');
    // the session's zone (Auckland) and the visitor's (Madrid), in Catalan
    expect(await card.locator('[part~="local-time"]').innerText()).toMatch(/^A la vostra hora: /);
    expect(await card.locator('a[part~="join"]').getAttribute('href')).toBe('https://meet.example.org/food');
    expect(await card.locator('a[part~="calendar"]').getAttribute('href')).toBe(`${app.url}/api/solidarity/sessions/food-banks-webinar.ics?locale=ca`);
    expect(await page.locator('solidarity-sessions [part~="subscribe"]').count()).toBe(0);
    expect(await page.locator('solidarity-sessions').innerText()).not.toContain('Another webinar');
    expect(requests.some((u) => u.startsWith(`${app.url}/api/solidarity/sessions/food-banks-webinar?`))).toBe(true);
    expect(await page.locator('solidarity-sessions > article').isVisible()).toBe(false);

    await page.goto(`${app.url}/embed/en/statements/food-is-a-right`);
    const statement = page.locator('solidarity-statements article[part~="card"]');
    await statement.waitFor({ timeout: 20_000 });
    expect(await statement.count()).toBe(1);
    expect(await statement.locator('[part~="title"]').innerText()).toBe('Food is a right');
    expect(await statement.innerText()).toContain('The full text of Food is a right.');
    expect(await page.locator('solidarity-statements').innerText()).not.toContain('Another statement');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is what the oEmbed answer of a session’s URL frames', async () => {
    const url = `${app.url}/embed/en/sessions/food-banks-webinar`;
    const html = await oembedHtml(url);
    expect(html).toContain(`src="${url}#?secret=`);
    const { page, problems } = await openPartner(html);
    const title = page.frameLocator('iframe.wp-embedded-content').locator('solidarity-sessions [part~="title"]');
    await title.waitFor({ timeout: 20_000 });
    expect(await title.innerText()).toBe('Webinar on food banks');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the list page of one call', () => {
  /** The page's requests (paths and queries) once the call's banner shows its phase. */
  const requestsOf = async (slug: string) => {
    const page = await browser.newPage();
    const seen: string[] = [];
    page.on('request', (req) => {
      const u = new URL(req.url());
      seen.push(`${u.pathname}${u.search}`);
    });
    await page.goto(`${app.url}/embed/en/practices?call=${slug}`);
    const phase = page.locator('solidarity-practices [part~="call-phase"]');
    await phase.waitFor({ timeout: 20_000 });
    const text = (await phase.innerText()).trim();
    // what the widgets' loader would fetch for a form element in the page comes in its first moments
    await page.waitForLoadState('networkidle');
    await page.close();
    return { text, seen };
  };
  // a page with the list alone loads its own build's family, whose chunks are named one-practices-* (its form:
  // one-practices-<hash>-submit-practice.js); the form's strings and ALTCHA are one file for every build
  const FORM = /\/chunks\/(one-practices-[\w-]{6}-submit-practice\.js|(submit-practice-element|altcha|form-[a-z]{2})-)|\/submissions\/origin-check|\/calls\?open=true/;

  it('after the deadline: says the call is closed and loads nothing of the submission form', async () => {
    const closed = await requestsOf('call-past-deadline');
    expect(closed.text).toBe('Phase: Closed for submissions, assessment pending');
    expect(closed.seen.some((u) => /\/chunks\/(one-practices-)?call-banner-/.test(u))).toBe(true);
    expect(closed.seen.filter((u) => FORM.test(u))).toEqual([]);
  });

  it('while it takes submissions: offers the form (whose chunk the server-rendered element brings)', async () => {
    const open = await requestsOf('call-taking-submissions');
    expect(open.text).toBe('Phase: Open for submissions');
    expect(open.seen.some((u) => /\/chunks\/(one-practices-[\w-]{6}-submit-practice\.js|submit-practice-element-)/.test(u))).toBe(true);
  });
});

describe('the public page without JavaScript', () => {
  it('shows the server-rendered title, summary and language', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/embed/en/practices/rebost-vilafranca`);
    const text = await page.locator('main').innerText();
    expect(text).toContain(TITLE);
    expect(text).toContain(SUMMARY);
    expect(text).toContain('In Catalan');
    expect(await page.locator('h1').first().isVisible()).toBe(true);
    await context.close();
  });
});
