import type { Core } from '@strapi/strapi';
import { releaseStartupLock } from './setup/startup-lock';
import { getService } from './services/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Mails sent after an answer (submissions, the assessment) and their delivery record finish before the database closes.
  await getService(strapi, 'notifications').settle();
  // and so do the editors' notices of completed fiches (submissions/completion).
  await getService(strapi, 'completion').settle();
  // A boot that failed before the end of bootstrap still holds the startup lock.
  await releaseStartupLock(strapi);
  // The submissions' Redis connection (rate limits, used proofs), when REDIS_URL is set.
  getService(strapi, 'cache').close();
  await getService(strapi, 'antispam').close();
};

export default destroy;
