import type { Core } from '@strapi/strapi';
import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // The submissions' Redis connection (rate limits, used proofs), when REDIS_URL is set.
  getService(strapi, 'cache').close();
  await getService(strapi, 'antispam').close();
};

export default destroy;
