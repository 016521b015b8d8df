import type { Core } from '@strapi/strapi';
import { getService } from '../cms/server/src/services/get-service';
import { syncRoleFields } from '../cms/server/src/setup/role-fields';

/**
 * The app's own lifecycles. Everything a network needs lives in the
 * `solidarity` plugin (./cms); the app only adds the demo admin and keeps the
 * Editor's and Author's field lists in step with the plugin's content types,
 * which have to wait until the admin panel's roles exist (they are created
 * after plugins bootstrap).
 */
export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'demo-admin').ensure();
    // Fields added to the plugin's content types since the Editor and Author roles were made (Strapi never adds them).
    await syncRoleFields(strapi);
  },
};
