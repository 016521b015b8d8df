import type { Core } from '@strapi/strapi';
import { createSeeder, type SeedReport } from '.';
import * as demo from './data';
import { UID } from '../content-types/uids';

const STORE_KEY = 'demo-content-seeded-at';

const seedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'solidarity' });
  const seeder = () =>
    createSeeder(
      strapi,
      strapi.plugin('solidarity').config('locales') as string[],
      strapi.plugin('solidarity').config('defaultLocale') as string
    );

  return {
    /** The themes of the field, in every configured locale; only into an empty topic table. */
    async topicsIfEmpty(): Promise<boolean> {
      const count = await strapi.db.query(UID.topic).count();
      if (count > 0) return false;
      await seeder().topics(demo.topics);
      return true;
    },

    /** Every demo record whose slug is missing (used by `npm run seed`). */
    async demo(): Promise<SeedReport> {
      const report = await seeder().all(demo);
      await store().set({ key: STORE_KEY, value: new Date().toISOString() });
      return report;
    },

    /**
     * On start: load the demo content once, into a database that has none of
     * the plugin's content. A database that ever had it, or has editors' own
     * content, is left alone.
     */
    async demoOnFirstStart(): Promise<SeedReport | null> {
      if (await store().get({ key: STORE_KEY })) return null;
      for (const uid of [UID.practice, UID.session, UID.statement, UID.organisation]) {
        if ((await strapi.db.query(uid).count()) > 0) return null;
      }
      return this.demo();
    },
  };
};

export default seedService;
