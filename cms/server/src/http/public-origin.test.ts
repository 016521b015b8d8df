import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../test/helpers/html';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { isValidHost, publicUrlWarning } from './origin';

/**
 * The public origin of every link in public output (pages, oEmbed, feeds, canonical links, redirects,
 * the OpenAPI document) comes from the configuration (PUBLIC_URL, else server.url); only without one
 * from the request's Host, and then only a valid host[:port] (issue 13's attack: a shared cache that
 * ignores Host could keep links to whatever host a request named).
 */
let app: TestApp;
const get = (path: string, host: string) => request(app.url).get(path).set('Host', host);

beforeAll(async () => {
  app = await startStrapi({ env: { ALTCHA_ENABLED: 'false' } });
  delete process.env.PUBLIC_URL;
  await documents(app, UID.practice).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Community kitchen', slug: 'community-kitchen', summary: 'Meals for all.', country: 'ES' },
  });
});
afterAll(async () => {
  await app?.stop();
});
afterEach(() => {
  app.strapi.config.set('server.url', '');
});

const canonical = (html: string) => parseDocument(html).querySelector('link[rel="canonical"]')?.getAttribute('href');

describe('with PUBLIC_URL (server.url) configured', () => {
  const PUBLIC = 'https://commons.example.org';
  const EVIL = 'attacker.example';

  it('builds every public link from it, whatever the Host header says', async () => {
    app.strapi.config.set('server.url', `${PUBLIC}/`);
    const page = await get('/embed/en/practices/community-kitchen', EVIL).expect(200);
    expect(canonical(page.text)).toBe(`${PUBLIC}/embed/en/practices/community-kitchen`);
    expect(page.text).not.toContain(EVIL);

    const oembed = await get(`/api/solidarity/oembed?url=${encodeURIComponent(`${PUBLIC}/embed/en/practices/community-kitchen`)}`, EVIL).expect(200);
    expect(oembed.body.provider_url).toBe(`${PUBLIC}/`);
    expect(JSON.stringify(oembed.body)).not.toContain(EVIL);

    const feed = await get('/api/solidarity/feeds/practices.json?locale=en', EVIL).expect(200);
    expect(feed.text).toContain(PUBLIC);
    expect(feed.text).not.toContain(EVIL);

    const list = await get('/api/solidarity/practices?locale=en', EVIL).expect(200);
    expect(JSON.stringify(list.body)).toContain(`${PUBLIC}/embed/en/practices/community-kitchen`);
    expect(JSON.stringify(list.body)).not.toContain(EVIL);

    const moved = await get('/embed/practices/community-kitchen', EVIL).expect(302);
    expect(moved.headers.location).toBe(`${PUBLIC}/embed/en/practices/community-kitchen`);
  });

  it('gives the same ETag and cached body whatever the Host (a shared cache keyed without Host cannot be poisoned)', async () => {
    app.strapi.config.set('server.url', PUBLIC);
    const first = await get('/embed/en/practices/community-kitchen', EVIL).expect(200);
    const second = await get('/embed/en/practices/community-kitchen', 'other.example:8080').expect(200);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.text).toBe(first.text);
    // a revalidation from another Host is answered from the same representation
    await get('/embed/en/practices/community-kitchen', 'third.example').set('If-None-Match', String(first.headers.etag)).expect(304);
  });

  it('does not need a valid Host (nothing is built from it)', async () => {
    app.strapi.config.set('server.url', PUBLIC);
    const page = await get('/embed/en/practices/community-kitchen', 'bad host!').expect(200);
    expect(canonical(page.text)).toBe(`${PUBLIC}/embed/en/practices/community-kitchen`);
  });
});

describe('without a configured public origin', () => {
  it('falls back to a valid Host (local use: npm start on localhost, the demo)', async () => {
    for (const host of ['localhost:1337', '127.0.0.1:1337', '[::1]:1337', 'commons.example.org']) {
      const page = await get('/embed/en/practices/community-kitchen', host).expect(200);
      expect(canonical(page.text), host).toBe(`http://${host}/embed/en/practices/community-kitchen`);
    }
    await get('/demo', 'localhost:1337').expect(200);
  });

  it('refuses a malformed Host with a 400 in Strapi’s error format, on every public route', async () => {
    const hosts = ['evil.example/<script>', 'a b', 'user@evil.example', 'evil.example:99999', 'evil.example:', '[not-ipv6]', '"x"'];
    const paths = ['/embed/en/practices/community-kitchen', '/api/solidarity/practices?locale=en', '/api/solidarity/feeds/practices.rss', '/api/solidarity/openapi.json', '/demo'];
    for (const host of hosts) {
      for (const path of paths) {
        const res = await get(path, host);
        expect(res.status, `${host} ${path}`).toBe(400);
        expect(res.body.error, `${host} ${path}`).toMatchObject({ status: 400, name: 'ValidationError' });
        expect(res.text).not.toContain(host);
        expect(res.headers['x-content-type-options'], `${host} ${path}`).toBe('nosniff');
      }
    }
  });
});

describe('host syntax', () => {
  it('accepts names, IPv4 and bracketed IPv6 with an optional port, nothing else', () => {
    for (const ok of ['localhost', 'a.example:8080', 'my_service:1337', '10.0.0.1', '[2001:db8::1]:443', 'example.org.']) expect(isValidHost(ok), ok).toBe(true);
    for (const bad of ['', 'a..b', '-a.example', 'a.example:0', 'a.example:65536', '[::g]', 'a/b', 'a?b', 'a#b', `${'a'.repeat(64)}.example`]) {
      expect(isValidHost(bad), bad).toBe(false);
    }
  });

  it('warns at startup in production when PUBLIC_URL is not set', () => {
    expect(publicUrlWarning(app.strapi, 'production')).toMatch(/PUBLIC_URL/);
    expect(publicUrlWarning(app.strapi, 'development')).toBeNull();
    app.strapi.config.set('server.url', 'https://commons.example.org');
    expect(publicUrlWarning(app.strapi, 'production')).toBeNull();
  });
});
