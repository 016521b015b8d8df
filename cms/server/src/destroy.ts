import type { Core } from '@strapi/strapi';
import { releaseStartupLock } from './startup-lock';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // A boot that failed before the end of bootstrap still holds the startup lock.
  await releaseStartupLock(strapi);
  // The submissions' Redis connection (rate limits, used proofs), when REDIS_URL is set.
  (strapi.plugin('solidarity').service('cache') as unknown as { close(): void }).close();
  await (strapi.plugin('solidarity').service('antispam') as unknown as { close(): Promise<void> }).close();
};

export default destroy;
