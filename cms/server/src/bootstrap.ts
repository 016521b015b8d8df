import type { Core } from '@strapi/strapi';
import { setPreparedStatements } from './reads/sql';
import { PERMISSION_UIDS, type PermissionUid } from '../../../cms/shared/permissions';
import { ensureListIndexes } from './reads/indexes';
import { createSearchIndex } from './search';
import { registerStaticRoutes } from './static';
import { registerEmbedPages } from './embed/pages';
import { registerCompletionPages } from './submissions/completion/page';
import { releaseStartupLock, releaseStartupLockAfterPlugins } from './setup/startup-lock';
import { storeUploadsInert } from './uploads/store';
import { getService } from './services/get-service';
import { strapiService } from './services/strapi-services';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  try {
    await bootstrapOnce(strapi);
  } catch (error) {
    // a failed boot lets the next instance start at once
    await releaseStartupLock(strapi);
    throw error;
  }
  await releaseStartupLockAfterPlugins(strapi);
};

/** The permissions' names in Settings > Roles (one per shared permission: a new one without a name does not compile). */
const PERMISSION_NAMES: Record<PermissionUid, string> = {
  review: 'Review submissions',
  erase: 'Erase submissions',
  embed: 'Use the embed builder',
  assess: 'Assess the submissions of a call (commission members)',
  decide: 'Decide on assessed submissions and set commissions',
  'read-scores': "Read every assessor's scores and the ranking",
  partners: 'Register partner sites',
};

const bootstrapOnce = async (strapi: Core.Strapi) => {
  // PostgreSQL: the public reads' statements prepared by name unless the host turned it off (reads/sql.ts)
  setPreparedStatements(strapi.db.connection, strapi.plugin('solidarity').config('database.preparedStatements') !== false);
  registerStaticRoutes(strapi);
  registerEmbedPages(strapi);
  registerCompletionPages(strapi);
  // On an S3-compatible store, files keep their type and are attachments unless images, audio or video.
  storeUploadsInert(strapi);
  // Permissions of the submission review (Settings > Roles > Plugins > Solidarity).
  await strapiService(strapi, 'admin::permission').actionProvider.registerMany(
    PERMISSION_UIDS.map((uid) => ({ section: 'plugins', displayName: PERMISSION_NAMES[uid], uid, pluginName: 'solidarity' }))
  );
  await getService(strapi, 'antispam').init();
  await getService(strapi, 'locales').ensureLocales();
  // The search index is created by the app's migration; hosts without it get it here.
  const search = createSearchIndex(strapi);
  await search.ensureSchema();
  // Indexes for every filter and sort of the public lists (reads/indexes.ts).
  await ensureListIndexes(strapi);
  await getService(strapi, 'admin-layout').apply();
  await getService(strapi, 'seed').topicsIfEmpty();
  if (strapi.plugin('solidarity').config('demo.content')) {
    const report = await getService(strapi, 'seed').demoOnFirstStart();
    if (report) {
      const created = Object.entries(report.created)
        .map(([type, n]) => `${n} ${type}`)
        .join(', ');
      strapi.log.info(`Demo content loaded: ${created || 'nothing new'}`);
    }
  }
  if ((await search.count()) === 0) await search.reindexAll();
  // A locale added or deleted in Settings > Internationalization: every index row holds the names of
  // topics, organisations and countries in each configured locale (and, on PostgreSQL, the locales its
  // document is published in; i18n deletes a locale's entries without the document service), so the
  // index is rebuilt, in one transaction, and public caches get a new content version.
  strapi.db.lifecycles.subscribe({
    models: ['plugin::i18n.locale'],
    async afterCreate() {
      await search.ensureSchema();
      await search.reindexAll();
      await getService(strapi, 'cache').bump();
    },
    async afterDelete() {
      await search.reindexAll();
      await getService(strapi, 'cache').bump();
    },
  });
  // The demo admin is created by the app's bootstrap (src/index.ts): admin roles exist only after plugins bootstrap.
};

export default bootstrap;
