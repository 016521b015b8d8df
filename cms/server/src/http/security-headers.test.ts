import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import middlewares from '../../../../config/middlewares';
import { UPLOADS_CSP } from '../uploads/serve';

/**
 * Security headers on every response: an answer from the public cache's fast
 * path (mounted before Strapi's middleware stack) or a 304 carries the same
 * ones as the first, rendered answer; and no path but Strapi's own dev/test
 * admin allows inline script.
 */
let app: TestApp;

/** The headers strapi::security (helmet) sets, and those the app sets on public reads. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-permitted-cross-domain-policies',
  'cross-origin-resource-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'origin-agent-cluster',
  'x-xss-protection',
  'access-control-allow-origin',
];
/** Headers a repeat may lack or change for reasons other than security (transport, body, Strapi's banner). */
const NOT_SECURITY = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'x-powered-by', 'content-type', 'vary']);

const pick = (headers: Record<string, string | undefined>) => Object.fromEntries(SECURITY_HEADERS.map((h) => [h, headers[h]]));

/** `script-src` (or, failing it, `default-src`) of a Content-Security-Policy, as a list of sources. */
const scriptSources = (csp: string | undefined): string[] => {
  const directives = new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name as string, sources])
  );
  return directives.get('script-src') ?? directives.get('default-src') ?? ['(none: anything goes)'];
};

beforeAll(async () => {
  app = await startStrapi({ demo: true });
});
afterAll(async () => {
  await app?.stop();
});

describe('cached answers carry the same security headers', () => {
  it.each(['/api/solidarity/topics', '/api/solidarity/practices?pageSize=2&locale=ca', '/api/solidarity/feeds/practices.rss', '/api/solidarity/openapi.json', '/api/solidarity/sessions.ics'])(
    '%s: first answer, cached repeat, 304',
    async (url) => {
      const first = await request(app.url).get(url).set('Origin', 'https://member.example');
      expect(first.status).toBe(200);
      const repeat = await request(app.url).get(url).set('Origin', 'https://member.example');
      expect(repeat.status).toBe(200);
      const etag = first.headers.etag as string | undefined;
      // the security headers are there to begin with
      expect(first.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(first.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(first.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(first.headers['x-content-type-options']).toBe('nosniff');
      expect(first.headers['referrer-policy']).toBeTruthy();
      expect(pick(repeat.headers)).toEqual(pick(first.headers));
      for (const name of Object.keys(first.headers)) if (!NOT_SECURITY.has(name)) expect(repeat.headers, `${url}: ${name}`).toHaveProperty(name);
      if (etag) {
        const revalidated = await request(app.url).get(url).set('Origin', 'https://member.example').set('If-None-Match', etag);
        expect(revalidated.status).toBe(304);
        expect(pick(revalidated.headers)).toEqual(pick(first.headers));
      }
    }
  );

  it('answers the repeat from the fast path (no trip through the stack)', async () => {
    // Strapi's poweredBy middleware, in the stack, names itself; the fast path, before it, does not.
    await request(app.url).get('/api/solidarity/topics?locale=es').expect(200);
    const repeat = await request(app.url).get('/api/solidarity/topics?locale=es').expect(200);
    expect(repeat.headers['x-powered-by']).toBeUndefined();
    expect(repeat.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});

describe('answers given before the stack carry them too', () => {
  it.each([
    ['a foreign origin (403)', { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, '{}', 403],
    ['a form post (415)', { Origin: 'http://SELF', 'Content-Type': 'text/plain' }, 'x', 415],
    ['a preflight (204)', { Origin: 'http://SELF', 'Access-Control-Request-Method': 'POST' }, null, 204],
  ] as const)('submission guard: %s', async (_label, headers, body, status) => {
    const reference = await request(app.url).get('/api/solidarity/nothing-here');
    let req = body === null ? request(app.url).options('/api/solidarity/submissions') : request(app.url).post('/api/solidarity/submissions');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value.replace('http://SELF', app.url));
    const res = await (body === null ? req : req.send(body));
    expect(res.status).toBe(status);
    const { 'access-control-allow-origin': _a, ...expected } = pick(reference.headers);
    const { 'access-control-allow-origin': _b, ...actual } = pick(res.headers);
    expect(expected['content-security-policy']).toBeTruthy();
    expect(actual).toEqual(expected);
  });
});

describe('Content-Security-Policy per path: no inline script', () => {
  it('is not allowed by the app configuration', () => {
    const security = middlewares.find((m) => typeof m === 'object' && m.name === 'strapi::security') as {
      config: { contentSecurityPolicy: { directives: Record<string, unknown> } };
    };
    expect(security.config.contentSecurityPolicy.directives['script-src']).not.toContain("'unsafe-inline'");
  });

  it.each([
    '/api/solidarity/topics',
    '/api/solidarity/feeds/practices.rss',
    '/api/solidarity/openapi.json',
    '/api/solidarity/nothing-here',
    '/demo',
    '/demo/ca',
    '/demo/snippets',
    '/widgets/solidarity.js',
    '/uploads/none.html',
    '/_health',
    '/',
    '/api/upload/files',
  ])('%s', async (url) => {
    const res = await request(app.url).get(url);
    const csp = res.headers['content-security-policy'] as string | undefined;
    expect(csp, url).toBeTruthy();
    expect(scriptSources(csp)).not.toContain("'unsafe-inline'");
    expect(scriptSources(csp)).not.toContain('(none: anything goes)');
    if (url.startsWith('/uploads/')) expect(csp).toBe(UPLOADS_CSP);
    if (url.startsWith('/demo')) expect(scriptSources(csp)).toEqual(["'self'"]);
  });
});
