import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/e2e';
import { APP_ROOT, startStrapi, type TestApp } from '../helpers/strapi';
import { startWordPress, wordpressUnavailable, type WordPressSite } from '../helpers/wordpress';

/**
 * The WordPress plugin (integrations/wordpress/solidarity-commons) in a real WordPress: Debian's
 * package, a subdirectory multisite on the machine's MariaDB, PHP's built-in server, the plugin
 * network-activated, the network's URL set as the network default. An Author of a Catalan sub-site
 * (no `unfiltered_html`, as every Author and every multisite site administrator) publishes, through
 * the REST API with an application password, a post with the sessions block and one with the
 * shortcode, both a Catalan sessions list filtered by a topic; Chromium shows the network's sessions
 * in both, read from the real app. Also: the pasted snippet the plugin replaces is stripped for the
 * Author; a theme that enqueues the bundle the default WordPress way shows the widget; a pasted
 * practice URL becomes its embedded card (oEmbed).
 *
 * Needs php-cli, php-mysql, wordpress (Debian) and a MariaDB server: without them the file is skipped
 * locally and fails under CI=true.
 */

const unavailable = wordpressUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`WordPress end-to-end test cannot run: ${unavailable}`);

let app: TestApp;
let wp: WordPressSite;
let browser: Browser;

interface Session {
  title: string;
  topics: { slug: string; name: string }[];
}
interface WpPost {
  id: number;
  link: string;
  content: { raw: string; rendered: string };
}

/** The topic and the sessions the widget must show: as in the embed builder's test. */
let topic: string;
let expected: string[];

const json = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** Publishes a post on the /members/ site as the Author, through the REST API (application password). */
const publishAsAuthor = async (title: string, content: string): Promise<WpPost> =>
  json<WpPost>(`${wp.url}/members/?rest_route=/wp/v2/posts&context=edit`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`author:${wp.ids.applicationPassword}`).toString('base64')}`,
    },
    body: JSON.stringify({ title, content, status: 'publish' }),
  });

/** A page that records console errors, page errors and failed requests. */
const open = async (url: string) => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.url().startsWith(`${app.url}/widgets/`)) scripts.push(req.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, scripts };
};

/** Titles of the sessions a <solidarity-sessions> shows (Playwright's CSS locators pierce shadow roots). */
const sessionTitles = async (page: Page) => {
  await page.locator('solidarity-sessions article').first().waitFor({ timeout: 20_000 });
  return (await page.locator('solidarity-sessions article [part~="title"]').allInnerTexts()).map((t) => t.trim()).sort();
};

describe.skipIf(Boolean(unavailable))(`WordPress plugin in a real WordPress${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    if (!existsSync(path.join(APP_ROOT, 'widgets', 'dist', 'solidarity.js'))) {
      throw new Error('widgets/dist is missing: run `npm run -w widgets build` first (npm test does)');
    }
    // The app (with its demo content) and WordPress's core install at once; the plugin's settings need the app's URL.
    const starting = startStrapi({ demo: true });
    const started = await Promise.allSettled([starting, startWordPress(starting.then((a) => a.url)), launchChromium()]);
    if (started[0].status === 'fulfilled') app = started[0].value;
    if (started[1].status === 'fulfilled') wp = started[1].value;
    if (started[2].status === 'fulfilled') browser = started[2].value;
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    const upcoming = await json<{ data: Session[] }>(`${app.url}/api/solidarity/sessions?locale=ca&when=upcoming&pageSize=50`);
    const perTopic = new Map<string, number>();
    for (const s of upcoming.data) for (const t of s.topics) perTopic.set(t.slug, (perTopic.get(t.slug) ?? 0) + 1);
    [topic] = [...perTopic.entries()]
      .filter(([, n]) => n < upcoming.data.length)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([s]) => s);
    expected = (await json<{ data: Session[] }>(`${app.url}/api/solidarity/sessions?topic=${encodeURIComponent(topic)}&locale=ca&when=upcoming`)).data
      .map((s) => s.title.trim())
      .sort();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await wp?.stop();
    await app?.stop();
  }, 60_000);

  it('installs as a multisite whose Author cannot post unfiltered HTML', () => {
    expect(wp.version).toMatch(/^\d+\.\d+/);
    expect(wp.ids.unfilteredHtml).toBe(false);
    expect(expected.length, 'a topic with some, not all, upcoming Catalan sessions').toBeGreaterThan(0);
  });

  it('an Author embeds a filtered Catalan sessions list with the block and with the shortcode', async () => {
    const block = await publishAsAuthor('Sessions (bloc)', `<!-- wp:solidarity-commons/sessions {"locale":"ca","topic":"${topic}"} /-->`);
    const shortcode = await publishAsAuthor('Sessions (shortcode)', `[solidarity_sessions locale="ca" topic="${topic}"]`);
    // What the Author saved is kept as it is: a block comment, a shortcode.
    expect(block.content.raw).toBe(`<!-- wp:solidarity-commons/sessions {"locale":"ca","topic":"${topic}"} /-->`);
    expect(shortcode.content.raw).toBe(`[solidarity_sessions locale="ca" topic="${topic}"]`);

    for (const post of [block, shortcode]) {
      // Server-side: the element with its attributes, the Catalan fallback link, the bundle as a module without ?ver.
      const html = await (await fetch(post.link)).text();
      const element = /<solidarity-sessions ([^>]*)><a href="([^"]*)">([^<]*)<\/a><\/solidarity-sessions>/.exec(html);
      expect(element, 'the element rendered on the server').not.toBeNull();
      expect(element?.[1]).toMatch(new RegExp(`^locale="ca" topic="${topic}"( when="upcoming")?$`));
      // The fallback link: the network's page of the same list, named in the site's language (Catalan).
      expect(element?.[2]).toMatch(new RegExp(`^${app.url}/embed/sessions\\?locale=ca&#038;topic=${topic}`));
      expect(element?.[3]).toBe('Vegeu les sessions en línia al web de la xarxa');
      const tags = html.match(/<script[^>]*solidarity\.js[^>]*>/g) ?? [];
      expect(tags).toEqual([expect.stringMatching(new RegExp(`^<script type="module" src="${app.url}/widgets/solidarity\\.js"`))]);
      expect(html).toMatch(/<html lang="ca"/);

      // In Chromium: the network's sessions, from the real app.
      const { page, problems, scripts } = await open(post.link);
      expect(await sessionTitles(page)).toEqual(expected);
      expect(scripts.filter((u) => u.includes('/widgets/solidarity.js'))).toEqual([`${app.url}/widgets/solidarity.js`]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('strips the pasted snippet for the same Author (why the plugin exists)', async () => {
    const snippet = `<script type="module" src="${app.url}/widgets/solidarity.js"></script>\n<solidarity-sessions locale="ca"></solidarity-sessions>`;
    const post = await publishAsAuthor('Snippet', `<!-- wp:html -->\n${snippet}\n<!-- /wp:html -->`);
    expect(post.content.raw).not.toContain('<script');
    expect(post.content.raw).not.toContain('<solidarity-sessions');
  });

  it('a theme that enqueues the bundle the default WordPress way shows the widget', async (ctx) => {
    const html = await (await fetch(`${wp.url}/theme/`)).text();
    // WordPress's own tag: a classic script with ?ver=.
    expect(html).toMatch(new RegExp(`<script[^>]*src=['"]${app.url}/widgets/solidarity\\.js\\?ver=[^'"]+['"]`));
    const { page, problems } = await open(`${wp.url}/theme/`);
    await page.waitForLoadState('networkidle');
    if (problems.some((p) => /import\.meta|Cannot use import statement|Unexpected token 'export'/.test(p))) {
      await page.close();
      ctx.skip('the widget bundle does not run as a classic script yet (the loader of #13 part 3): enable after that merge');
      return;
    }
    const upcoming = (await json<{ data: Session[] }>(`${app.url}/api/solidarity/sessions?locale=ca&when=upcoming`)).data.map((s) => s.title.trim()).sort();
    expect(await sessionTitles(page)).toEqual(upcoming);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a practice URL pasted on its own line becomes the embedded card (oEmbed)', async (ctx) => {
    const practice = (await json<{ data: { slug: string; title: string }[] }>(`${app.url}/api/solidarity/practices?locale=ca&pageSize=1`)).data[0];
    const url = `${app.url}/embed/practice/${practice.slug}?locale=ca`;
    const provider = await fetch(`${app.url}/api/solidarity/oembed?url=${encodeURIComponent(url)}&format=json`);
    if (provider.status === 404) {
      ctx.skip('the app has no oEmbed endpoint yet (/api/solidarity/oembed, #13 part 2): enable after that merge');
      return;
    }
    const post = await publishAsAuthor('Pràctica', `<!-- wp:paragraph -->\n<p>Mireu:</p>\n<!-- /wp:paragraph -->\n\n${url}\n`);
    const { page, problems } = await open(post.link);
    const frame = page.locator('iframe');
    await frame.first().waitFor({ timeout: 20_000 });
    expect(await frame.first().getAttribute('src')).toContain(`${app.url}/embed/`);
    await expect.poll(async () => (await page.frames().find((f) => f.url().startsWith(`${app.url}/embed/`))?.locator('body').innerText()) ?? '', { timeout: 20_000 }).toContain(practice.title);
    expect(problems).toEqual([]);
    await page.close();
  });
});
