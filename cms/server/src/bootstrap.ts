import type { Core } from '@strapi/strapi';
import { createSearchIndex } from './search';
import { registerStaticRoutes } from './static';
import type adminLayoutService from './setup/admin-layout';
import type demoAdminService from './setup/demo-admin';
import type localeService from './locales/service';
import type seedService from './seed/service';

type ServiceOf<F extends (...args: never[]) => unknown> = ReturnType<F>;

export const service = <N extends 'locales' | 'seed' | 'demo-admin' | 'admin-layout'>(
  strapi: Core.Strapi,
  name: N
) =>
  strapi.plugin('solidarity').service(name) as unknown as {
    locales: ServiceOf<typeof localeService>;
    seed: ServiceOf<typeof seedService>;
    'demo-admin': ServiceOf<typeof demoAdminService>;
    'admin-layout': ServiceOf<typeof adminLayoutService>;
  }[N];

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  registerStaticRoutes(strapi);
  // Permissions of the submission review (Settings > Roles > Plugins > Solidarity).
  await (
    strapi.service('admin::permission') as unknown as { actionProvider: { registerMany(a: object[]): Promise<void> } }
  ).actionProvider.registerMany([
    { section: 'plugins', displayName: 'Review submissions', uid: 'review', pluginName: 'solidarity' },
    { section: 'plugins', displayName: 'Erase submissions', uid: 'erase', pluginName: 'solidarity' },
    { section: 'plugins', displayName: 'Use the embed builder', uid: 'embed', pluginName: 'solidarity' },
  ]);
  await (strapi.plugin('solidarity').service('antispam') as unknown as { init(): Promise<void> }).init();
  await service(strapi, 'locales').ensureLocales();
  // The search index is created by the app's migration; hosts without it get it here.
  const search = createSearchIndex(strapi);
  await search.ensureSchema();
  await service(strapi, 'admin-layout').apply();
  await service(strapi, 'seed').topicsIfEmpty();
  if (strapi.plugin('solidarity').config('demo.content')) {
    const report = await service(strapi, 'seed').demoOnFirstStart();
    if (report) {
      const created = Object.entries(report.created)
        .map(([type, n]) => `${n} ${type}`)
        .join(', ');
      strapi.log.info(`Demo content loaded: ${created || 'nothing new'}`);
    }
  }
  if ((await search.count()) === 0) await search.reindexAll();
  // The demo admin is created by the app's bootstrap (src/index.ts): admin roles exist only after plugins bootstrap.
};

export default bootstrap;
