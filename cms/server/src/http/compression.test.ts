import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';

/**
 * Compression through the HTTP API (http/compression.ts, the cache's compressed
 * bodies, the static handler's precompressed files), on the raw bytes of the
 * wire: node:http, which, unlike supertest and fetch, does not decode.
 */
let app: TestApp;
let dir: string;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const raw = (p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = http.request(`${app.url}${p}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });

const decode = (r: Raw): Buffer => {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(r.body);
  if (encoding === 'br') return brotliDecompressSync(r.body);
  expect(encoding, 'no other encoding').toBeUndefined();
  return r.body;
};

const varyHas = (r: Raw, name: string) =>
  String(r.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .includes(name.toLowerCase());

const LIST = '/api/solidarity/practices?pageSize=50';
const BUNDLE = 'export const entry = "solidarity";\n'.repeat(200);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'solidarity-compress-'));
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  mkdirSync(path.join(dir, 'demo'));
  // precompressed as the widgets build does; the .br marks itself so the test knows it was the file sent
  writeFileSync(path.join(dir, 'dist', 'solidarity.js'), BUNDLE);
  writeFileSync(path.join(dir, 'dist', 'solidarity.js.gz'), gzipSync(BUNDLE, { level: 9 }));
  writeFileSync(path.join(dir, 'dist', 'solidarity.js.br'), brotliCompressSync(BUNDLE));
  // a file without precompressed forms, and one whose .gz is older than the file (a stale build)
  writeFileSync(path.join(dir, 'dist', 'plain.js'), BUNDLE);
  writeFileSync(path.join(dir, 'dist', 'stale.js'), BUNDLE);
  writeFileSync(path.join(dir, 'dist', 'stale.js.gz'), gzipSync('export const stale = true;\n'));
  utimesSync(path.join(dir, 'dist', 'stale.js.gz'), new Date(2000, 0, 1), new Date(2000, 0, 1));
  writeFileSync(path.join(dir, 'demo', 'index.html'), `<!doctype html><title>Demo</title>${'<p>partner page</p>'.repeat(200)}`);
  app = await startStrapi();
  app.strapi.config.set('plugin::solidarity.widgets.dir', dir);
  const practices = documents(app, UID.practice);
  for (let i = 0; i < 12; i += 1) {
    await practices.create({
      locale: 'en',
      status: 'published',
      data: {
        title: `Community kitchen number ${i}`,
        slug: `community-kitchen-${i}`,
        summary: 'Neighbours cook together with surplus food from the market, every week, for everyone. '.repeat(2),
        country: 'ES',
        reviewStatus: 'approved',
      },
    });
  }
  await documents(app, UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Webinar on community kitchens',
      slug: 'webinar-kitchens',
      summary: 'How neighbourhoods run a kitchen together. '.repeat(10),
      description: [{ type: 'paragraph', children: [{ type: 'text', text: 'Cooks, volunteers and neighbours explain how they share a kitchen. '.repeat(10) }] }],
      kind: 'webinar',
      startsAt: '2030-01-10T10:00:00.000Z',
      endsAt: '2030-01-10T11:00:00.000Z',
      timezone: 'Europe/Madrid',
    },
  });
});
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('compressed public answers', () => {
  it('sends a list as brotli or gzip as the client prefers, decoding to the identity bytes', async () => {
    const identity = await raw(LIST);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.length).toBeGreaterThan(2048);
    expect(varyHas(identity, 'Accept-Encoding')).toBe(true);
    JSON.parse(identity.body.toString('utf8'));

    const cases: [string, string | undefined][] = [
      ['gzip', 'gzip'],
      ['br', 'br'],
      ['gzip, deflate, br', 'br'], // same weight: the server's preference, br
      ['br;q=0.1, gzip;q=0.9', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['deflate', undefined], // not produced here
      ['identity', undefined],
      ['*', 'gzip'],
      ['GZIP', 'gzip'], // content codings are case-insensitive (RFC 9110 8.4.1)
      ['Br;Q=0.5, GZip', 'gzip'],
      ['identity;q=0', undefined], // nothing acceptable: the header is disregarded (RFC 9110 12.1), never a 406
      ['identity;q=0, *;q=0', undefined],
    ];
    for (const [accept, expected] of cases) {
      // twice: rendered, then from the response cache's fast path
      for (const round of [1, 2]) {
        const r = await raw(LIST, { 'Accept-Encoding': accept });
        expect(r.status, `${accept} #${round}`).toBe(200);
        expect(r.headers['content-encoding'], `${accept} #${round}`).toBe(expected);
        expect(varyHas(r, 'Accept-Encoding'), accept).toBe(true);
        expect(r.headers.etag, 'one validator for every encoding').toBe(identity.headers.etag);
        // decoded once, it is the very same JSON: never compressed twice
        expect(decode(r).equals(identity.body), `${accept} #${round}`).toBe(true);
        if (expected) {
          expect(r.body.length).toBeLessThan(identity.body.length / 2);
          expect(Number(r.headers['content-length'] ?? r.body.length)).toBe(r.body.length);
        }
      }
    }
  });

  it('keeps ETag revalidation working whatever the encoding', async () => {
    const gz = await raw(LIST, { 'Accept-Encoding': 'gzip' });
    for (const accept of ['gzip', 'br', 'identity']) {
      const r = await raw(LIST, { 'Accept-Encoding': accept, 'If-None-Match': String(gz.headers.etag) });
      expect(r.status, accept).toBe(304);
      expect(r.body.length).toBe(0);
      expect(r.headers['content-encoding']).toBeUndefined();
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const path = '/api/solidarity/practices?pageSize=40';
    const get = await raw(path, { 'Accept-Encoding': 'gzip' });
    const head = await raw(path, { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    if (head.headers['content-encoding']) {
      expect(head.headers['content-encoding']).toBe(get.headers['content-encoding']);
      expect(Number(head.headers['content-length'])).toBe(get.body.length);
    }
  });

  it('sends small answers as they are', async () => {
    const r = await raw('/api/solidarity/practices/no-such-practice', { 'Accept-Encoding': 'gzip, br' });
    expect(r.status).toBe(404);
    expect(r.body.length).toBeLessThan(1024);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(r.body.toString('utf8')).error.status).toBe(404);
  });

  it('compresses feeds, calendars and exports to the same bytes', async () => {
    for (const p of [
      '/api/solidarity/feeds/practices.rss',
      '/api/solidarity/feeds/practices.json',
      '/api/solidarity/sessions.ics',
      '/api/solidarity/export/practices.csv',
      '/api/solidarity/export/practices.json',
      '/api/solidarity/openapi.json',
    ]) {
      const identity = await raw(p);
      expect(identity.status, p).toBe(200);
      expect(identity.headers['content-encoding'], p).toBeUndefined();
      for (const accept of ['gzip', 'br']) {
        const r = await raw(p, { 'Accept-Encoding': accept });
        expect(r.status, p).toBe(200);
        expect(r.headers['content-encoding'], `${p} ${accept}`).toBe(accept);
        expect(r.headers['content-type'], p).toBe(identity.headers['content-type']);
        expect(decode(r).equals(identity.body), `${p} ${accept}`).toBe(true);
      }
    }
  });
});

describe('compressed static files', () => {
  it('serves the widget bundle precompressed at build time, as the client prefers', async () => {
    const identity = await raw('/widgets/solidarity.js');
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString('utf8')).toBe(BUNDLE);
    expect(varyHas(identity, 'Accept-Encoding')).toBe(true);
    for (const [accept, expected, file] of [
      ['gzip, deflate, br', 'br', 'solidarity.js.br'],
      ['gzip', 'gzip', 'solidarity.js.gz'],
      ['br;q=0.5, gzip', 'gzip', 'solidarity.js.gz'],
      ['GZIP', 'gzip', 'solidarity.js.gz'],
    ] as const) {
      const r = await raw('/widgets/solidarity.js', { 'Accept-Encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe(expected);
      expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(r.headers.etag).toBe(identity.headers.etag);
      // the file written at build time, byte for byte (not compressed again on the fly)
      const built = await import('node:fs').then((fs) => fs.readFileSync(path.join(dir, 'dist', file)));
      expect(r.body.equals(built), accept).toBe(true);
      expect(Number(r.headers['content-length'])).toBe(built.length);
      expect(decode(r).toString('utf8')).toBe(BUNDLE);
      const head = await raw('/widgets/solidarity.js', { 'Accept-Encoding': accept }, 'HEAD');
      expect(head.body.length).toBe(0);
      expect(head.headers['content-encoding']).toBe(expected);
      expect(Number(head.headers['content-length'])).toBe(built.length);
      const again = await raw('/widgets/solidarity.js', { 'Accept-Encoding': accept, 'If-None-Match': String(r.headers.etag) });
      expect(again.status).toBe(304);
    }
  });

  it('compresses on the fly a file built without compressed forms, and ignores stale ones', async () => {
    for (const p of ['/widgets/plain.js', '/widgets/stale.js']) {
      const r = await raw(p, { 'Accept-Encoding': 'gzip' });
      expect(r.status, p).toBe(200);
      expect(r.headers['content-encoding'], p).toBe('gzip');
      expect(decode(r).toString('utf8'), p).toBe(BUNDLE);
    }
    const page = await raw('/demo', { 'Accept-Encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(decode(page).toString('utf8')).toContain('<title>Demo</title>');
  });
});
