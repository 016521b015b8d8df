import type { Core } from '@strapi/strapi';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The submissions' Redis connection (rate limits, used proofs), when REDIS_URL is set.
  (strapi.plugin('solidarity').service('cache') as unknown as { close(): void }).close();
  await (strapi.plugin('solidarity').service('antispam') as unknown as { close(): Promise<void> }).close();
};

export default destroy;
