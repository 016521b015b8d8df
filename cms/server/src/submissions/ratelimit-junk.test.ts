import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import type { AntispamService } from './antispam';
import { SUBMISSIONS, solveProof, validSubmission } from './testing/fixtures';
import { HONEYPOT_FIELD } from './validation';

/**
 * Junk cannot shut the form off: requests without a valid proof of work, with
 * the honeypot filled or with an invalid body count only against the sender
 * address's generous attempts, never against the submission limits of the
 * address or of a partner site; requests without an Origin share no bucket.
 * With proof of work on, in process memory and in Redis alike. The app
 * trusts its proxy (IS_PROXIED), so X-Forwarded-For stands for distinct clients.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SITE = 'https://partner.example';

describe.each(['memory', 'redis'] as const)('junk and the rate limits (%s)', (store) => {
  let app: TestApp;
  let redis: Redis | null = null;
  const prefix = `solidarity-test-${process.pid}-${randomBytes(4).toString('hex')}`;

  const post = (ip: string, body: unknown, origin: string | null = SITE) => {
    const req = request(app.url).post(SUBMISSIONS).set('Content-Type', 'application/json').set('X-Forwarded-For', ip);
    if (origin) req.set('Origin', origin);
    return req.send(JSON.stringify(body));
  };
  const proven = async (overrides: Record<string, unknown> = {}) => validSubmission({ altcha: await solveProof(app), ...overrides });

  /** Every kind of junk, as an attacker sends it for free. */
  const junk = async (): Promise<unknown[]> => [
    validSubmission(),
    validSubmission({ altcha: 'forged' }),
    validSubmission({ altcha: Buffer.from(JSON.stringify({ algorithm: 'SHA-256', signature: 'x', salt: 'y?expires=1', number: 1 })).toString('base64') }),
    validSubmission({ [HONEYPOT_FIELD]: 'https://bot.example' }),
    { altcha: await solveProof(app), title: '' },
    [],
  ];

  beforeAll(async () => {
    if (store === 'redis') {
      redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
    }
    app = await startStrapi({
      env: {
        IS_PROXIED: 'true',
        ALTCHA_MAX_NUMBER: '1000',
        SUBMISSIONS_RATE_IP_POINTS: '3',
        SUBMISSIONS_RATE_ORIGIN_POINTS: '4',
        SUBMISSIONS_RATE_ATTEMPTS_POINTS: '30',
        ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
      },
    });
    app.strapi.config.set('plugin::solidarity.allowedOrigins', [app.url, SITE]);
  });
  afterAll(async () => {
    await app?.stop();
    if (redis) {
      const left = await redis.keys(`${prefix}:*`);
      if (left.length) await redis.del(...left);
      await redis.quit();
    }
  });

  it(`keeps its counts in ${store}`, () => {
    expect((app.strapi.plugin('solidarity').service('antispam') as unknown as AntispamService).usesRedis()).toBe(store === 'redis');
  });

  it('accepts a valid submission after 24 junk requests from the same address and site', async () => {
    const bodies = [...(await junk()), ...(await junk()), ...(await junk()), ...(await junk())];
    const statuses: number[] = [];
    for (const body of bodies) statuses.push((await post('198.51.100.10', body)).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([400])); // the honeypot without a proof too: 400, as a person's
    await post('198.51.100.10', await proven()).expect(202);
  });

  it("does not let junk from many addresses spend a partner site's limit", async () => {
    for (let i = 1; i <= 12; i += 1) {
      for (const body of await junk()) expect((await post(`192.0.2.${i}`, body)).status).not.toBe(429);
    }
    // the site's 4: the one above, and three more from new addresses
    for (let i = 101; i <= 103; i += 1) await post(`192.0.2.${i}`, await proven()).expect(202);
    const full = await post('192.0.2.104', await proven()).expect(429);
    expect(full.body.error.message).toMatch(/^Too many submissions from this site/);
  });

  it('still limits a burst of valid submissions from one address', async () => {
    for (let i = 0; i < 3; i += 1) await post('203.0.113.20', await proven(), null).expect(202);
    const limited = await post('203.0.113.20', await proven(), null).expect(429);
    expect(limited.body.error.message).toMatch(/^Too many submissions from this address/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts requests without an Origin by address alone, in no shared bucket', async () => {
    // more than the per-site limit (4), from distinct addresses, none with an Origin
    for (let i = 1; i <= 6; i += 1) await post(`203.0.113.${100 + i}`, await proven(), null).expect(202);
  });

  it('still bounds junk from one address by its attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i += 1) statuses.push((await post('198.51.100.77', validSubmission())).status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(30);
    const limited = await post('198.51.100.77', await proven());
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/^Too many attempts from this address/);
    // and no one else is locked out by it
    await post('198.51.100.78', await proven(), app.url).expect(202);
  });
});
