import type { Core } from '@strapi/strapi';

/**
 * The app's own lifecycles. Everything a network needs lives in the
 * `solidarity` plugin (./cms); the app only adds the demo admin, which has to
 * wait until the admin panel's roles exist (they are created after plugins
 * bootstrap).
 */
export default {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const demoAdmin = strapi.plugin('solidarity').service('demo-admin') as unknown as {
      ensure(): Promise<string>;
    };
    await demoAdmin.ensure();
  },
};
