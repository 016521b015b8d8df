import type { Core } from '@strapi/strapi';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The submissions' Redis connection (rate limits, used proofs), when REDIS_URL is set.
  await (strapi.plugin('solidarity').service('antispam') as unknown as { close(): Promise<void> }).close();
};

export default destroy;
