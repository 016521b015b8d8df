import net from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { PROTOTYPE_NAMES } from '../http/errors';

/*
 * What an attacker found in the public HTTP surface: parameters that answered
 * 200 while revealing or ignoring something. Each must be a 400 (or the right
 * answer) in Strapi's error format.
 */

let app: TestApp;
const docs = (uid: string) => documents(app, uid);
const get = (path: string) => request(app.url).get(`/api/solidarity${path}`);
const LISTS = ['/practices', '/sessions', '/statements', '/topics', '/organisations', '/calls', '/facets/practices'];

let published: TestDoc;

/** A 400 in Strapi's error format. */
const expectStrapi400 = (res: request.Response, what: string) => {
  expect(res.status, `${what}: ${res.text.slice(0, 200)}`).toBe(400);
  expect(res.body, what).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  expect(typeof (res.body as { error: { message: string } }).error.message).toBe('string');
};

beforeAll(async () => {
  app = await startStrapi();
  published = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Surface published practice', slug: 'surface-published', summary: 'public', country: 'ES' },
  });
  await docs(UID.practice).create({ locale: 'en', data: { title: 'Surface draft', slug: 'surface-draft', summary: 'draft', country: 'ES' } });
  await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Surface second practice', slug: 'surface-second', summary: 'public', country: 'GR' },
  });
  await docs(UID.session).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Surface session', slug: 'surface-session', kind: 'webinar', startsAt: '2026-03-01T10:00:00.000Z', timezone: 'Europe/Madrid' },
  });
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

describe('the internal row id is not public', () => {
  it('filters[id] is a 400 on every public list, at the top and through a relation', async () => {
    for (const list of LISTS) {
      for (const q of ['filters[id][$gte]=1', 'filters[id]=1', 'filters[$or][0][id][$lt]=5&filters[$or][1][slug][$eq]=x']) {
        expectStrapi400(await get(`${list}?${q}`), `${list}?${q}`);
      }
    }
    expectStrapi400(await get('/practices?filters[topics][id][$gt]=0'), 'topics id');
    expectStrapi400(await get('/practices?filters[images][hash][$eq]=x'), 'a file attribute media fields do not show');
  });

  it('sort on id is a 400', async () => {
    for (const list of LISTS.filter((l) => !l.startsWith('/facets'))) {
      expectStrapi400(await get(`${list}?sort=id:asc`), `${list}?sort=id`);
      expectStrapi400(await get(`${list}?sort[0]=id`), `${list}?sort[0]=id`);
    }
  });

  it('documentId and the shown attributes stay filterable', async () => {
    const res = await get(`/practices?filters[documentId][$eq]=${published.documentId}`);
    expect(res.status).toBe(200);
    expect((res.body as { data: { slug: string }[] }).data.map((d) => d.slug)).toEqual(['surface-published']);
    const images = await get('/practices?filters[images][name][$eq]=nothing.png');
    expect(images.status).toBe(200);
    expect((images.body as { data: unknown[] }).data).toEqual([]);
    expect((await get('/sessions?filters[sequence][$gte]=0')).status).toBe(200);
  });
});

describe('names of Object.prototype properties', () => {
  const TEMPLATES = [
    (n: string) => `filters[${n}][$eq]=1`,
    (n: string) => `filters[${n}]=1`,
    (n: string) => `filters[title][${n}]=1`,
    (n: string) => `filters[$or][0][${n}][$eq]=1&filters[$or][1][title][$eq]=x`,
    (n: string) => `filters[topics][${n}][$eq]=1`,
    (n: string) => `fields[0]=${n}`,
    (n: string) => `fields=title,${n}`,
    (n: string) => `populate[${n}]=true`,
    (n: string) => `populate[topics][fields][0]=${n}`,
    (n: string) => `sort=${n}`,
    (n: string) => `${n}=1`,
    (n: string) => `pagination[${n}]=1`,
  ];
  it('are a 400 wherever a key or a field name goes (qs would drop them silently)', async () => {
    expect(PROTOTYPE_NAMES.has('__proto__')).toBe(true);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PROTOTYPE_NAMES),
        fc.constantFrom(...TEMPLATES.keys()),
        fc.constantFrom('/practices', '/sessions', '/statements', '/facets/practices', '/practices/surface-published', '/feeds/practices.rss'),
        async (name, t, route) => {
          const q = (TEMPLATES[t] as (n: string) => string)(name);
          // facets refuse fields, populate and sort anyway; feeds take no REST parameters: still a 400
          expectStrapi400(await get(`${route}?${q}`), `${route}?${q}`);
        }
      ),
      { seed: 20261207, numRuns: 150 }
    );
  });
  it('as values of a filter are plain text', async () => {
    const res = await get('/practices?filters[title][$eq]=constructor');
    expect(res.status).toBe(200);
    expect((res.body as { data: unknown[] }).data).toEqual([]);
  });
});

describe('JSON-LD is negotiated whatever parameters the media range has', () => {
  it('a profile parameter, q-values and q=0 are honoured (RFC 9110 12.5.1)', async () => {
    const ld = (accept: string) => get('/practices/surface-published').set('Accept', accept);
    for (const accept of ['application/ld+json; profile="http://schema.org"', 'application/ld+json;profile="https://schema.org";q=0.9, application/json;q=0.5']) {
      const res = await ld(accept);
      expect(res.status, accept).toBe(200);
      expect(res.headers['content-type'], accept).toMatch(/^application\/ld\+json/);
      expect(JSON.parse(res.text) as Record<string, unknown>, accept).toHaveProperty('@context');
    }
    for (const accept of ['application/ld+json;q=0.2, application/json', 'application/ld+json;q=0, */*', '*/*']) {
      const res = await ld(accept);
      expect(res.headers['content-type'], accept).toMatch(/^application\/json/);
    }
  });
});

describe('error answers are not cached as they are', () => {
  it('a 404 (a draft slug) and a 400 carry Cache-Control: no-cache and no ETag; the 404 turns 200 once published', async () => {
    const slug = 'surface-later';
    const draft = await docs(UID.practice).create({ locale: 'en', data: { title: 'Surface later', slug, summary: 'soon', country: 'ES' } });
    for (const path of [`/practices/${slug}`, '/practices?filters[nope][$eq]=1', '/practices?pageSize=0']) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers.etag, path).toBeUndefined();
    }
    const widget = await request(app.url).get('/widgets/no-such-file.js');
    expect(widget.status).toBe(404);
    expect(widget.headers['cache-control']).toBe('no-cache');
    await docs(UID.practice).publish({ documentId: draft.documentId, locale: 'en' });
    const after = await get(`/practices/${slug}`);
    expect(after.status).toBe(200);
    expect(after.headers['cache-control']).toMatch(/^public/);
  });
});

describe('HEAD announces what GET sends', () => {
  beforeAll(async () => {
    // enough practices for every export and feed to pass the compression threshold (1 KB)
    for (let i = 0; i < 12; i += 1) {
      await docs(UID.practice).create({
        locale: 'en',
        status: 'published',
        data: { title: `Surface bulk practice ${i}`, slug: `surface-bulk-${i}`, summary: `A long enough summary of a practice, number ${i}. `.repeat(4), country: 'ES' },
      });
    }
  }, 120_000);

  const HEADERS = ['content-type', 'content-encoding', 'vary', 'etag', 'content-length', 'content-disposition', 'cache-control'];
  const ROUTES = [
    '/export/practices.csv',
    '/export/practices.json',
    '/feeds/practices.rss',
    '/feeds/practices.atom',
    '/feeds/practices.json',
    '/sessions.ics',
    '/calls.ics',
    '/practices',
    '/practices/surface-published',
    '/openapi.json',
  ];
  it('the same Content-Type, Content-Encoding, Vary, ETag and length, for every encoding asked', async () => {
    for (const encoding of ['gzip', 'br', 'x-gzip', 'identity']) {
      for (const route of ROUTES) {
        const head = await request(app.url).head(`/api/solidarity${route}`).set('Accept-Encoding', encoding);
        const full = await get(route).set('Accept-Encoding', encoding);
        expect(full.status, route).toBe(200);
        expect(head.status, route).toBe(200);
        for (const name of HEADERS) expect(head.headers[name], `${route} ${encoding} ${name}`).toBe(full.headers[name]);
      }
    }
    // what the comparison is about: the export is compressed on the fly, x-gzip read as gzip
    const csv = await get('/export/practices.csv').set('Accept-Encoding', 'gzip');
    expect(csv.headers['content-encoding']).toBe('gzip');
    const alias = await get('/export/practices.csv').set('Accept-Encoding', 'x-gzip');
    expect(alias.headers['content-encoding']).toBe('gzip');
    expect(alias.text).toContain('Surface bulk practice 3');
  });
});

describe('calendars name themselves', () => {
  it('the deadlines calendar has its own PRODID', async () => {
    expect((await get('/calls.ics')).text).toMatch(/^PRODID:-\/\/Solidarity Commons\/\/Calls\/\/EN\r$/m);
    expect((await get('/sessions.ics')).text).toMatch(/^PRODID:-\/\/Solidarity Commons\/\/Sessions\/\/EN\r$/m);
  });
});

describe('requests Node refuses before Koa', () => {
  /** Sends raw bytes and reads the whole answer (the server closes the connection). */
  const raw = (bytes: string) =>
    new Promise<string>((resolve, reject) => {
      const { hostname, port } = new URL(app.url);
      const socket = net.connect(Number(port), hostname, () => socket.write(bytes));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  const answer = (text: string) => {
    const [head = '', body = ''] = text.split('\r\n\r\n');
    return { statusLine: head.split('\r\n')[0], head, body: JSON.parse(body) as { data: null; error: { status: number; name: string } } };
  };

  it('a 20 KB URL is a 431 in Strapi\'s error format', async () => {
    const res = answer(await raw(`GET /api/solidarity/practices?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    expect(res.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(res.head).toMatch(/^Content-Type: application\/json; charset=utf-8$/im);
    expect(res.body).toMatchObject({ data: null, error: { status: 431, name: 'RequestHeaderFieldsTooLargeError' } });
  });

  it('a malformed request line is a 400 in Strapi\'s error format', async () => {
    const res = answer(await raw('NOT HTTP AT ALL\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'BadRequestError' } });
  });

  it('raw UTF-8 in the URL (curl with an unencoded Greek word) is a 400 that says to percent-encode it', async () => {
    const res = answer(await raw('GET /api/solidarity/practices?q=αλληλεγγύη HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    expect(res.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'BadRequestError', message: expect.stringContaining('percent-encode') } });
  });
});
