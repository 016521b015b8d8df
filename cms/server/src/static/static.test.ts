import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { pathToFileURL } from 'node:url';
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
  // rollup's [hash] may hold "-" and "_"; a name outside chunks/ that looks hashed is not
  writeFileSync(path.join(dir, 'dist', 'chunks', 'statements-element-Ccu-pSNJ.js'), 'export const s = 1;\n');
  writeFileSync(path.join(dir, 'dist', 'foo-practices.js'), 'export const f = 1;\n');
  writeFileSync(path.join(dir, 'dist', '.solidarity-build'), 'fingerprint-canary\n');
  writeFileSync(path.join(dir, 'dist', 'chunks', '.hidden.js'), 'hidden-canary\n');
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

describe('widget files: caching from the build, validators, dotfiles', () => {
  it('every file under chunks/ is immutable, whatever its hash looks like; other names are not', async () => {
    const hashed = await request(app.url).get('/widgets/chunks/statements-element-Ccu-pSNJ.js').expect(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await request(app.url).get('/widgets/foo-practices.js').expect(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400');
  });

  it('the build names every file under chunks/ with rollup\'s [hash] (what the server relies on)', async () => {
    const config = (await import(pathToFileURL(path.join(APP_ROOT, 'widgets', 'rollup.config.mjs')).href)) as {
      default: {
        output: {
          dir?: string;
          file?: string;
          entryFileNames?: string | ((c: { name: string }) => string);
          chunkFileNames?: (c: { facadeModuleId: string | null }) => string;
        };
      }[];
    };
    for (const { output } of config.default) {
      if (output.file) {
        // a fixed name outside chunks/: not immutable
        expect(path.relative('dist', output.file).startsWith('chunks')).toBe(false);
        continue;
      }
      // the components' builds name their entries by the widget, and the combined one `read`
      for (const name of ['practices', 'submit-practice', 'read']) {
        const entry = typeof output.entryFileNames === 'function' ? output.entryFileNames({ name }) : output.entryFileNames;
        expect(entry, name).toMatch(/^chunks\/.*\[hash(:\d+)?\]/);
      }
      for (const facadeModuleId of [null, '/src/components/submit-practice/locales/ca.ts', '/src/locales/ca.ts']) {
        expect(output.chunkFileNames?.({ facadeModuleId })).toMatch(/^chunks\/.*\[hash(:\d+)?\]/);
      }
    }
  });

  it('If-None-Match: weak comparison, lists and * (RFC 9110 13.1.2)', async () => {
    const res = await request(app.url).get('/widgets/solidarity.js').expect(200);
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^W\//);
    for (const inm of [etag, etag.slice(2), `"other", ${etag}`, `W/"a",${etag.slice(2)}`, '*']) {
      await request(app.url).get('/widgets/solidarity.js').set('If-None-Match', inm).expect(304);
    }
    await request(app.url).get('/widgets/solidarity.js').set('If-None-Match', 'W/"other"').expect(200);
    await request(app.url).get('/widgets/missing.js').set('If-None-Match', '*').expect(404);
    const demo = await request(app.url).get('/demo').expect(200);
    await request(app.url).get('/demo').set('If-None-Match', `"x", ${demo.headers.etag as string}`).expect(304);
  });

  it('never serves dotfiles (the build fingerprint)', async () => {
    for (const p of ['/widgets/.solidarity-build', '/widgets/%2esolidarity-build', '/widgets/chunks/.hidden.js', '/widgets/chunks/%2Ehidden.js']) {
      const res = await request(app.url).get(p);
      expect(res.status, p).toBe(404);
      expect(res.text, p).not.toMatch(/canary/);
    }
  });
});
