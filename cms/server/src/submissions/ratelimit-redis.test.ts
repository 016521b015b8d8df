import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import type { AntispamService } from './antispam';
import { solveProof, submit, validSubmission } from './testing/fixtures';

/**
 * With REDIS_URL the limits and the used proofs live in Redis, so every
 * instance of the app counts the same requests: what another instance wrote
 * there holds here. Keys use a prefix unique to this run, removed afterwards.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `solidarity-test-${process.pid}-${randomBytes(4).toString('hex')}`;
let app: TestApp;
let redis: Redis;

const keys = () => redis.keys(`${PREFIX}:*`);

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  app = await startStrapi({ env: { REDIS_URL, REDIS_KEY_PREFIX: PREFIX, ALTCHA_MAX_NUMBER: '1000' } });
});
afterAll(async () => {
  await app?.stop();
  if (redis) {
    const left = await keys();
    if (left.length) await redis.del(...left);
    await redis.quit();
  }
});

describe('rate limits and used proofs in Redis', () => {
  it('uses Redis', () => {
    expect((app.strapi.plugin('solidarity').service('antispam') as unknown as AntispamService).usesRedis()).toBe(true);
  });

  it('counts submissions in Redis under the configured prefix: 5 accepted, then 429', async () => {
    for (let i = 0; i < 5; i += 1) await submit(app, validSubmission({ altcha: await solveProof(app) })).expect(202);
    const limited = await submit(app, validSubmission({ altcha: await solveProof(app) })).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(500);
    const found = await keys();
    expect(found).toEqual(expect.arrayContaining([`${PREFIX}:ip:127.0.0.1`, `${PREFIX}:attempts:127.0.0.1`, `${PREFIX}:origin:${app.url}`]));
    expect(found.filter((k) => k.startsWith(`${PREFIX}:proof:`))).toHaveLength(5);
    expect(Number(await redis.get(`${PREFIX}:ip:127.0.0.1`))).toBe(6);
    expect(await redis.pttl(`${PREFIX}:ip:127.0.0.1`)).toBeGreaterThan(590_000);
  });

  it('shares the counts: what another instance wrote in Redis holds here', async () => {
    // the window ends (another instance, or time, resets the count)...
    await redis.del(`${PREFIX}:ip:127.0.0.1`);
    await submit(app, validSubmission({ altcha: await solveProof(app) })).expect(202);
    // ...and another instance counted five submissions of this client
    await redis.set(`${PREFIX}:ip:127.0.0.1`, '5', 'EX', 600);
    await submit(app, validSubmission({ altcha: await solveProof(app) })).expect(429);
    await redis.del(`${PREFIX}:ip:127.0.0.1`);
  });

  it('refuses a proof another instance already accepted', async () => {
    const proof = await solveProof(app);
    const { signature } = JSON.parse(Buffer.from(proof, 'base64').toString()) as { signature: string };
    await redis.set(`${PREFIX}:proof:${signature}`, '1', 'EX', 600);
    const res = await submit(app, validSubmission({ altcha: proof })).expect(400);
    expect(res.body.error.message).toBe('proof of work already used: solve a new challenge');
  });
});
