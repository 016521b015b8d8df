import { factories } from '@strapi/strapi';
import { UID } from '../uids';
import antispam from '../submissions/antispam';
import notifications from '../submissions/notifications';
import review from '../submissions/review';
import submissions from '../submissions/service';
import adminLayout from './admin-layout';
import cache from './cache';
import demoAdmin from './demo-admin';
import locales from './locales';
import publicApi from './public-api';
import seed from './seed';

/** Strapi's core services per type (find, findOne, ... through the document service), as every content type has. */
const core = {
  topic: factories.createCoreService(UID.topic as never),
  organisation: factories.createCoreService(UID.organisation as never),
  call: factories.createCoreService(UID.call as never),
  practice: factories.createCoreService(UID.practice as never),
  session: factories.createCoreService(UID.session as never),
  statement: factories.createCoreService(UID.statement as never),
};

export default {
  ...core,
  'admin-layout': adminLayout,
  cache,
  'demo-admin': demoAdmin,
  locales,
  'public-api': publicApi,
  seed,
  antispam,
  notifications,
  review,
  submissions,
};
