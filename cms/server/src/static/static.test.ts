import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../test/helpers/html';
import { APP_ROOT, startStrapi, type TestApp } from '../../../../test/helpers/strapi';

let app: TestApp;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'solidarity-widgets-'));
  mkdirSync(path.join(dir, 'dist', 'chunks'), { recursive: true });
  mkdirSync(path.join(dir, 'demo'));
  writeFileSync(path.join(dir, 'dist', 'solidarity.js'), 'export const entry = 1;\n');
  writeFileSync(path.join(dir, 'dist', 'chunks', 'ca-3f9a1c2b.js'), 'export default {};\n');
  writeFileSync(path.join(dir, 'demo', 'index.html'), '<!doctype html><title>Demo</title>');
  writeFileSync(path.join(dir, 'demo', 'snippets.html'), '<!doctype html><title>Snippets</title><pre><code>&lt;script src="{{origin}}/widgets/solidarity.js"&gt;</code></pre>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside dist');
  app = await startStrapi();
  app.strapi.config.set('plugin::solidarity.widgets.dir', dir);
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('widget bundle and demo site', () => {
  it('serves the entry to any origin, briefly cached', async () => {
    const res = await request(app.url).get('/widgets/solidarity.js').set('Origin', 'https://member.example').expect(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.text).toContain('export const entry');
    await request(app.url).get('/widgets/solidarity.js').set('If-None-Match', res.headers.etag as string).expect(304);
  });

  it('caches hashed chunks for a year', async () => {
    const res = await request(app.url).get('/widgets/chunks/ca-3f9a1c2b.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never serves files outside dist', async () => {
    for (const p of ['/widgets/../secret.txt', '/widgets/%2e%2e/secret.txt', '/widgets/..%2fsecret.txt', '/widgets/missing.js', '/widgets/%FF']) {
      const res = await request(app.url).get(p);
      expect(res.status, p).toBe(404);
      expect(res.text, p).not.toContain('outside dist');
    }
  });

  it('serves the demo pages', async () => {
    const index = await request(app.url).get('/demo').expect(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.text).toContain('<title>Demo</title>');
    const snippets = await request(app.url).get('/demo/snippets').expect(200);
    // the snippets name this server without JavaScript
    expect(snippets.text).toContain(`&lt;script src="${app.url}/widgets/solidarity.js"&gt;`);
    expect(snippets.text).not.toContain('{{origin}}');
    await request(app.url).get('/demo/snippets').set('If-None-Match', snippets.headers.etag as string).expect(304);
    await request(app.url).get('/demo/nope').expect(404);
    await request(app.url).get('/demo/..%2f..%2fpackage').expect(404);
  });

  it('tells members which way fits their site, with every address server-rendered and every fallback link in a language (issue #13, item 8)', async () => {
    app.strapi.config.set('plugin::solidarity.widgets.dir', path.join(APP_ROOT, 'widgets'));
    try {
      const res = await request(app.url).get('/demo/snippets').expect(200);
      expect(res.text).not.toContain('{{origin}}');
      const doc = parseDocument(res.text);
      const text = doc.querySelector('body')?.text ?? '';
      // WordPress: the plugin (any role) or a pasted URL; Custom HTML only with unfiltered_html
      expect(text).not.toMatch(/It works in WordPress \(a "Custom HTML" block\)/);
      expect(text).toContain('integrations/wordpress/solidarity-commons');
      expect(text).toMatch(/Author/);
      expect(text).toMatch(/unfiltered HTML/);
      expect(text).toContain(`${app.url}/embed/en/practices/rebost-comunitari-manlleu`);
      expect(text).toContain('Full HTML');
      expect(text).toContain(`<iframe src="${app.url}/embed/ca/sessions?when=upcoming"`);
      expect(text).toContain(`<script type="module" src="${app.url}/widgets/solidarity.js"></script>`);
      // every fallback link of a snippet names its language: /embed/<locale>/...
      const links = [...text.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1] ?? '');
      expect(links.length).toBeGreaterThanOrEqual(9);
      for (const link of links) {
        expect(link.startsWith(`${app.url}/embed/`), link).toBe(true);
        expect(link.slice(app.url.length), link).toMatch(/^\/embed\/(en|ca|es|el|fr)\/(practices|sessions|statements)\b/);
      }
    } finally {
      app.strapi.config.set('plugin::solidarity.widgets.dir', dir);
    }
  });
});
