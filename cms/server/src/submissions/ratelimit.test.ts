import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import type { AntispamService } from './antispam';
import { SUBMISSIONS, validSubmission } from './testing/fixtures';

/**
 * Rate limits in process memory, with the defaults (5 submissions per client
 * per 10 minutes, 30 attempts) and a small per-origin limit. Proof of work
 * is off here: the limits are what is tested. The app trusts its proxy
 * (IS_PROXIED), so X-Forwarded-For stands for distinct clients.
 */
let app: TestApp;

const from = (ip: string, body: unknown = validSubmission(), origin = app.url) =>
  request(app.url).post(SUBMISSIONS).set('Content-Type', 'application/json').set('Origin', origin).set('X-Forwarded-For', ip).send(JSON.stringify(body));

/** Runs `tasks` with at most `limit` in flight. */
const pool = async <T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    })
  );
  return results;
};

beforeAll(async () => {
  app = await startStrapi({ env: { ALTCHA_ENABLED: 'false', IS_PROXIED: 'true', SUBMISSIONS_RATE_ORIGIN_POINTS: '20' } });
  app.strapi.config.set('plugin::solidarity.allowedOrigins', [app.url, 'https://site-b.example']);
});
afterAll(async () => {
  await app?.stop();
});

describe('rate limits (memory)', () => {
  it('keeps its counts in memory when REDIS_URL is not set', () => {
    expect((app.strapi.plugin('solidarity').service('antispam') as unknown as AntispamService).usesRedis()).toBe(false);
  });

  it('accepts at most 5 of a burst of 1,000 submissions from one client; the rest get 429 with Retry-After', async () => {
    const before = await app.strapi.db.query(UID.practice as never).count({});
    const results = await pool(
      Array.from({ length: 1000 }, () => () => from('203.0.113.7')),
      20
    );
    const accepted = results.filter((r) => r.status === 202);
    const limited = results.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(5);
    expect(limited).toHaveLength(995);
    for (const r of limited) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(r.body).toMatchObject({ data: null, error: { status: 429, name: 'RateLimitError' } });
    }
    expect(Number(limited[0]?.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(limited[0]?.body.error.message).toMatch(/^Too many (submissions|attempts) from this address: try again in \d+ (seconds|minutes)$/);
    expect(limited[0]?.headers['access-control-expose-headers']).toContain('Retry-After');
    expect((await app.strapi.db.query(UID.practice as never).count({})) - before).toBe(5);
  });

  it('counts clients apart (X-Forwarded-For behind a trusted proxy)', async () => {
    await from('203.0.113.8').expect(202);
    await from('2001:db8:1:2::1').expect(202);
  });

  it('does not count invalid submissions against the five, only against the attempts', async () => {
    for (let i = 0; i < 10; i += 1) await from('198.51.100.1', validSubmission({ consent: false })).expect(400);
    for (let i = 0; i < 5; i += 1) await from('198.51.100.1').expect(202);
    await from('198.51.100.1').expect(429);
    // but attempts of any kind are bounded too
    const results = await pool(
      Array.from({ length: 40 }, () => () => from('198.51.100.2', validSubmission({ consent: false }))),
      5
    );
    expect(results.filter((r) => r.status === 400)).toHaveLength(30);
    expect(results.filter((r) => r.status === 429)).toHaveLength(10);
  });

  it('limits submissions per site (Origin) across clients', async () => {
    const site = 'https://site-b.example';
    const statuses: number[] = [];
    for (let i = 1; i <= 22; i += 1) statuses.push((await from(`192.0.2.${i}`, validSubmission(), site)).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    const limited = await from('192.0.2.200', validSubmission(), site).expect(429);
    expect(limited.body.error.message).toMatch(/^Too many submissions from this site: try again in \d+ minutes$/);
    expect(limited.headers['access-control-allow-origin']).toBe(site);
    // the client was not charged for the refused one
    await from('192.0.2.200').expect(202);
  });
});

describe('origins and mail without SMTP', () => {
  const withConfig = async (key: string, value: unknown, fn: () => Promise<void>) => {
    const previous = app.strapi.config.get(`plugin::solidarity.${key}`);
    app.strapi.config.set(`plugin::solidarity.${key}`, value);
    try {
      await fn();
    } finally {
      app.strapi.config.set(`plugin::solidarity.${key}`, previous);
    }
  };

  it("allows the app's own public origin behind a TLS proxy by default", async () => {
    await withConfig('allowedOrigins', [], async () => {
      const own = (ip: string) =>
        request(app.url)
          .post(SUBMISSIONS)
          .set('Content-Type', 'application/json')
          .set('Origin', 'https://commons.example')
          .set('X-Forwarded-For', ip)
          .set('X-Forwarded-Proto', 'https')
          .set('X-Forwarded-Host', 'commons.example')
          .send(JSON.stringify(validSubmission()));
      await own('192.0.2.150').expect(202);
      await from('192.0.2.151', validSubmission(), 'https://commons.example').expect(403);
    });
  });

  it('refuses requests without an Origin when allowNoOrigin is off', async () => {
    const curl = () => request(app.url).post(SUBMISSIONS).set('Content-Type', 'application/json').set('X-Forwarded-For', '192.0.2.160').send(JSON.stringify(validSubmission()));
    await withConfig('allowNoOrigin', false, async () => {
      const res = await curl().expect(403);
      expect(res.body.error.message).toBe('Submissions need an Origin header');
    });
    await curl().expect(202);
  });

  it('only logs mails when no SMTP server is configured, without contact details', async () => {
    const debug = vi.spyOn(app.strapi.log, 'debug');
    try {
      await from('192.0.2.170', validSubmission({ contact: { name: 'Quiet Person', email: 'quiet@contact-canary.example', role: 'x1' } })).expect(202);
      await new Promise((r) => setTimeout(r, 200));
      const lines = debug.mock.calls.map((c) => String(c[0]));
      expect(lines).toContain('Mail to the contact not sent (no SMTP configured): "We received your practice: Community energy cooperative in Manlleu"');
      expect(lines.join('\n')).not.toMatch(/contact-canary|Quiet Person/);
    } finally {
      debug.mockRestore();
    }
  });
});
