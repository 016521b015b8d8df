import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { foldPath } from '../http/path';
import { validSubmission } from './testing/fixtures';

/**
 * The submission guard (origin allow-list, CORS, content type, size) cannot
 * be walked around by spelling the path differently: Strapi's router matches
 * routes case-insensitively and with an optional trailing slash, so every
 * spelling it may route to the submission controller gets the same checks.
 */
let app: TestApp;

const VARIANTS = [
  '/api/solidarity/submissions',
  '/api/solidarity/submissions/',
  '/API/solidarity/Submissions',
  '/Api/Solidarity/SUBMISSIONS/',
  '/api//solidarity/submissions',
  '//api/solidarity//submissions//',
  '/api/solidarity/%53ubmissions',
  '/api/solidarity/%73ubmissions',
  '/api/%73olidarity/submission%73/',
  '/api/solidarity/submissions%2F',
  '/api/solidarity/%2573ubmissions',
];

const countPractices = async () => app.strapi.db.query(UID.practice as never).count({});

beforeAll(async () => {
  app = await startStrapi({
    env: {
      ALTCHA_ENABLED: 'false',
      IS_PROXIED: 'true',
      SUBMISSIONS_RATE_IP_POINTS: '10000',
      SUBMISSIONS_RATE_ORIGIN_POINTS: '10000',
      SUBMISSIONS_RATE_ATTEMPTS_POINTS: '10000',
      SUBMISSIONS_MAX_BODY_BYTES: '4096',
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('foldPath', () => {
  it('folds a path as the router matches it, and more loosely', () => {
    for (const variant of VARIANTS) expect(foldPath(variant), variant).toBe('/api/solidarity/submissions');
    expect(foldPath('/api/solidarity/submissions/challenge/')).toBe('/api/solidarity/submissions/challenge');
    expect(foldPath('/api/solidarity/practices')).toBe('/api/solidarity/practices');
    expect(foldPath('/api/solidarity/%E0%A4%A')).toBe('/api/solidarity/%e0%a4%a');
  });
});

describe('every spelling of the submission path gets the checks', () => {
  it.each(VARIANTS)('%s: 403 for a foreign origin, 415 for a wrong type, 413 when too large', async (path) => {
    const before = await countPractices();
    const foreign = await request(app.url)
      .post(path)
      .set('Origin', 'https://evil.example')
      .set('Content-Type', 'application/json')
      .set('X-Forwarded-For', '203.0.113.50')
      .send(JSON.stringify(validSubmission()));
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await request(app.url).options(path).set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();

    const form = await request(app.url)
      .post(path)
      .set('Origin', app.url)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .set('X-Forwarded-For', '203.0.113.51')
      .send('title=x&consent=true');
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ data: null, error: { status: 415, name: 'UnsupportedMediaTypeError' } });

    const large = await request(app.url)
      .post(path)
      .set('Origin', app.url)
      .set('Content-Type', 'application/json')
      .set('X-Forwarded-For', '203.0.113.52')
      .send(JSON.stringify(validSubmission({ body: 'x'.repeat(5000) })));
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ data: null, error: { status: 413, name: 'PayloadTooLargeError' } });

    expect(await countPractices()).toBe(before);
  });

  it('answers CORS for an allowed origin on a re-spelled path without credentials', async () => {
    const res = await request(app.url)
      .post('/API/Solidarity/Submissions/')
      .set('Origin', app.url)
      .set('Content-Type', 'application/json')
      .set('X-Forwarded-For', '203.0.113.53')
      .send(JSON.stringify(validSubmission()));
    // the router matches this spelling: the submission is taken, checked like any other
    expect(res.status).toBe(202);
    expect(res.headers['access-control-allow-origin']).toBe(app.url);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('checks the challenge route the same way', async () => {
    for (const path of ['/API/solidarity/Submissions/Challenge', '/api/solidarity/submissions/%63hallenge', '/api/solidarity/submissions/challenge/']) {
      const res = await request(app.url).get(path).set('Origin', 'https://evil.example');
      expect(res.status, path).toBe(403);
    }
  });

  it('keeps the guard on the routes themselves, whatever path reached them', () => {
    const routes = (app.strapi.plugin('solidarity').routes as unknown as Record<string, { routes: { path: string; method: string; config?: { middlewares?: unknown[] } }[] }>)[
      'content-api'
    ]?.routes;
    // origin-check answers any origin about itself (partner-sites.test.ts): not guarded
    const submissionRoutes = (routes ?? []).filter((r) => r.path.startsWith('/submissions') && r.path !== '/submissions/origin-check');
    expect(submissionRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /submissions/challenge', 'POST /submissions']);
    for (const route of submissionRoutes) expect(route.config?.middlewares).toContain('plugin::solidarity.submissions-guard');
  });
});
