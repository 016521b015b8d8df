import { factories } from '@strapi/strapi';
import { UID } from '../content-types/uids';
import antispam from '../submissions/antispam';
import assessment from '../assessment/service';
import feeds from '../feeds/service';
import notifications from '../submissions/notifications';
import review from '../submissions/review/service';
import submissions from '../submissions/service';
import adminLayout from '../setup/admin-layout';
import cache from '../http/cache';
import completion from '../submissions/completion/service';
import demoAdmin from '../setup/demo-admin';
import locales from '../locales/service';
import publicApi from '../reads/service';
import seed from '../seed/service';

/** Strapi's core services per type (find, findOne, ... through the document service), as every content type has. */
const core = {
  topic: factories.createCoreService(UID.topic),
  organisation: factories.createCoreService(UID.organisation),
  call: factories.createCoreService(UID.call),
  practice: factories.createCoreService(UID.practice),
  session: factories.createCoreService(UID.session),
  statement: factories.createCoreService(UID.statement),
};

export default {
  ...core,
  'admin-layout': adminLayout,
  assessment,
  cache,
  completion,
  'demo-admin': demoAdmin,
  feeds,
  locales,
  'public-api': publicApi,
  seed,
  antispam,
  notifications,
  review,
  submissions,
};
