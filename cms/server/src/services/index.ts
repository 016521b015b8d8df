import adminLayout from './admin-layout';
import cache from './cache';
import demoAdmin from './demo-admin';
import locales from './locales';
import publicApi from './public-api';
import seed from './seed';

export default {
  'admin-layout': adminLayout,
  cache,
  'demo-admin': demoAdmin,
  locales,
  'public-api': publicApi,
  seed,
};
