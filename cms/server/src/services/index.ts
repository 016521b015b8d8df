import adminLayout from './admin-layout';
import demoAdmin from './demo-admin';
import locales from './locales';
import seed from './seed';

export default {
  'admin-layout': adminLayout,
  'demo-admin': demoAdmin,
  locales,
  seed,
};
