import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib/v1';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SubmissionsConfig } from '../config';
import { altchaHmacKey, submissionsConfig } from './config';
import { invalidField } from '../http/errors';

type Bucket = 'attempts' | 'ip' | 'origin' | 'proof';

interface Limiters {
  signature: string;
  buckets: Record<Bucket, RateLimiterAbstract>;
  redis: Redis | null;
}

/** A URL with its password hidden, for logs. */
const redactUrl = (url: string): string => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable REDIS_URL)';
  }
};

export const PROOF_INVALID = 'proof of work missing or invalid';
export const PROOF_REPLAYED = 'proof of work already used: solve a new challenge';

const proofError = (message: string) => invalidField(['altcha'], message);

/**
 * Anti-spam state: rate limits (per client IP, per Origin, and attempts of
 * any kind per IP) and the ALTCHA proofs already used. In process memory by
 * default; in Redis when REDIS_URL is set, so that every instance behind a
 * load balancer counts the same requests. If Redis fails, each instance falls
 * back to its own memory (logged) rather than refusing every submission.
 */
const antispamService = ({ strapi }: { strapi: Core.Strapi }) => {
  let current: Limiters | null = null;
  let lastRedisWarning = 0;
  /** after destroy: requests still in flight use memory, never a new connection */
  let closed = false;

  const rulesOf = ({ rateLimit, altcha }: SubmissionsConfig): Record<Bucket, { points: number; duration: number }> => ({
    attempts: rateLimit.attempts,
    ip: rateLimit.ip,
    origin: rateLimit.origin,
    // a proof is used once: remembered for the lifetime of its challenge, and a minute of clock skew
    proof: { points: 1, duration: altcha.expiresSeconds + 60 },
  });
  const signatureOf = (config: SubmissionsConfig) =>
    JSON.stringify([rulesOf(config), config.rateLimit.redisUrl, config.rateLimit.keyPrefix]);

  const build = (config: SubmissionsConfig): Limiters => {
    const { rateLimit } = config;
    const rules = rulesOf(config);
    let redis: Redis | null = null;
    if (rateLimit.redisUrl && !closed) {
      redis = new Redis(rateLimit.redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 3000,
      });
      redis.on('error', (error: Error) => {
        if (Date.now() - lastRedisWarning < 60_000) return;
        lastRedisWarning = Date.now();
        strapi.log.warn(`Submissions: Redis at ${redactUrl(rateLimit.redisUrl)} failed (${error.message}); limits fall back to this instance's memory`);
      });
    }
    const buckets = {} as Record<Bucket, RateLimiterAbstract>;
    for (const [bucket, rule] of Object.entries(rules) as [Bucket, { points: number; duration: number }][]) {
      const keyPrefix = `${rateLimit.keyPrefix}:${bucket}`;
      const memory = new RateLimiterMemory({ keyPrefix, ...rule });
      buckets[bucket] = redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix, ...rule, rejectIfRedisNotReady: true, insuranceLimiter: memory })
        : memory;
    }
    return { signature: signatureOf(config), buckets, redis };
  };

  /** The limiters for the current config (rebuilt if a test or an operator changed it). */
  const limiters = (config = submissionsConfig(strapi)): Limiters => {
    const wanted = signatureOf(config);
    if (current?.signature === wanted) return current;
    const old = current;
    current = build(config);
    if (old?.redis) old.redis.disconnect();
    if (current.redis) {
      current.redis.connect().catch(() => {
        /* reported by the error listener */
      });
    }
    return current;
  };

  const consume = async (bucket: Bucket, key: string): Promise<RateLimiterRes | null> => {
    try {
      await limiters().buckets[bucket].consume(key, 1);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return rejection;
      throw rejection;
    }
  };

  const refund = async (bucket: Bucket, key: string) => {
    try {
      await limiters().buckets[bucket].reward(key, 1);
    } catch (error) {
      strapi.log.debug(`Submissions: could not refund a ${bucket} point (${(error as Error).message})`);
    }
  };

  /** A 429 in Strapi's format; `details.retryAfter` (seconds) goes in the Retry-After header. */
  const tooMany = (res: RateLimiterRes, what: string) => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    return new errors.RateLimitError(`Too many ${what}: try again in ${wait}`, { retryAfter: seconds });
  };

  return {
    /** Connects to Redis when configured (at bootstrap, so the first request does not wait). */
    async init(): Promise<void> {
      const config = submissionsConfig(strapi);
      const { redis } = limiters(config);
      if (!redis) return;
      const ready = await new Promise<boolean>((resolve) => {
        if (redis.status === 'ready') return resolve(true);
        const timer = setTimeout(() => resolve(false), 3000);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (ready) strapi.log.info(`Submissions: rate limits and used proofs kept in Redis at ${redactUrl(config.rateLimit.redisUrl)}`);
      else strapi.log.warn(`Submissions: Redis at ${redactUrl(config.rateLimit.redisUrl)} is not reachable yet; limits use this instance's memory until it is`);
    },

    async close(): Promise<void> {
      closed = true;
      const redis = current?.redis;
      current = null;
      if (!redis) return;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },

    /** Whether the limits live in Redis (and are ready there). */
    usesRedis(): boolean {
      return limiters().redis?.status === 'ready';
    },

    /**
     * Counts one request of any kind from `ip` in the `attempts` bucket
     * (generous: it slows brute force and junk, and locks no one else out).
     * Throws a 429 (with `retryAfter` for the Retry-After header) when reached.
     */
    async attempt(ip: string): Promise<void> {
      const attempts = await consume('attempts', ip);
      if (attempts) throw tooMany(attempts, 'attempts from this address');
    },

    /**
     * Counts one submission of `ip`, and of `origin` when the request named
     * one (requests without an Origin are counted by address alone, never in
     * a bucket they would share). Only for requests whose proof of work
     * verified and whose body is valid: junk must not spend the limits of the
     * address or of a partner site. Throws a 429 when a limit is reached;
     * returns a refund for a request that ends up storing nothing.
     */
    async charge(ip: string, origin: string | null): Promise<{ refund(): Promise<void> }> {
      const byIp = await consume('ip', ip);
      if (byIp) throw tooMany(byIp, 'submissions from this address');
      if (origin) {
        const byOrigin = await consume('origin', origin);
        if (byOrigin) {
          await refund('ip', ip);
          throw tooMany(byOrigin, 'submissions from this site');
        }
      }
      return {
        async refund() {
          await Promise.all([refund('ip', ip), origin ? refund('origin', origin) : undefined]);
        },
      };
    },

    /** A fresh ALTCHA challenge (JSON for the widget's `challengeurl`). */
    async challenge(): Promise<Challenge> {
      const config = submissionsConfig(strapi);
      return createChallenge({
        hmacKey: altchaHmacKey(strapi, config),
        maxNumber: config.altcha.maxNumber,
        expires: new Date(Date.now() + config.altcha.expiresSeconds * 1000),
      });
    },

    /**
     * Verifies an ALTCHA payload and marks it used. Returns a release for a
     * request that stores nothing (so a person correcting the form can send
     * the same proof again); throws a 400 for a missing, forged, expired or
     * replayed proof.
     */
    async useProof(payload: unknown): Promise<{ release(): Promise<void> }> {
      if (typeof payload !== 'string' || !payload || payload.length > 4096) throw proofError(PROOF_INVALID);
      const config = submissionsConfig(strapi);
      let decoded: { signature?: unknown; salt?: unknown; algorithm?: unknown; number?: unknown };
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof decoded;
      } catch {
        throw proofError(PROOF_INVALID);
      }
      const wellFormed =
        decoded !== null &&
        typeof decoded === 'object' &&
        decoded.algorithm === 'SHA-256' &&
        typeof decoded.signature === 'string' &&
        typeof decoded.salt === 'string' &&
        /[?&]expires=\d+/.test(decoded.salt) &&
        Number.isInteger(decoded.number);
      let verified = false;
      if (wellFormed) {
        try {
          verified = await verifySolution(payload, altchaHmacKey(strapi, config), true);
        } catch {
          verified = false;
        }
      }
      if (!verified) throw proofError(PROOF_INVALID);
      const key = String(decoded.signature);
      if (await consume('proof', key)) throw proofError(PROOF_REPLAYED);
      return {
        release: async () => {
          try {
            await limiters().buckets.proof.delete(key);
          } catch {
            /* the proof stays used: the person solves a new one */
          }
        },
      };
    },
  };
};

export type AntispamService = ReturnType<typeof antispamService>;
export default antispamService;
