import type { Core } from '@strapi/strapi';
import { releaseStartupLock } from './setup/startup-lock';
import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Mails sent after an answer (submissions, the assessment, completed fiches) and their delivery record finish before the database closes.
  await getService(strapi, 'notifications').settle();
  // A boot that failed before the end of bootstrap still holds the startup lock.
  await releaseStartupLock(strapi);
  // The submissions' Redis connection (rate limits, used proofs), when REDIS_URL is set.
  getService(strapi, 'cache').close();
  await getService(strapi, 'antispam').close();
};

export default destroy;
