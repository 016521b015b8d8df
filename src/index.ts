import type { Core } from '@strapi/strapi';
import { getService } from '../cms/server/src/services/get-service';

/**
 * The app's own lifecycles. Everything a network needs lives in the
 * `solidarity` plugin (./cms); the app only adds the demo admin, which has to
 * wait until the admin panel's roles exist (they are created after plugins
 * bootstrap).
 */
export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'demo-admin').ensure();
  },
};
