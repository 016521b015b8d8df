import type { Core } from '@strapi/strapi';
import { createSeeder, type SeedReport } from '.';
import * as demo from './data';
import { UID } from '../content-types/uids';
import { withAdvisoryLock } from '../setup/startup-lock';
import { asReviewProcess } from '../submissions/review/rules';

const STORE_KEY = 'demo-content-seeded-at';

/**
 * Key of the PostgreSQL advisory lock taken around seeding (any constant
 * bigint; this one spells "solidarity seed" to nobody in particular). Every
 * instance and `npm run seed` use the same key, so only one seeds at a time.
 */
export const SEED_LOCK_KEY = 5_071_194_402_022;

const seedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'solidarity' });
  const seeder = () =>
    createSeeder(
      strapi,
      strapi.plugin('solidarity').config('locales') as string[],
      strapi.plugin('solidarity').config('defaultLocale') as string
    );

  /**
   * Runs `fn` (a check, then the inserts it decides on) so that no other
   * seeding runs beside it. On PostgreSQL under a session advisory lock (held
   * on a connection of its own): several instances, or a start and `npm run
   * seed`, seed one after the other, each finding what the previous one loaded;
   * each document is still written in its own transaction, as Strapi does.
   * On SQLite (one process per database file) in one transaction with the
   * check inside: a second writer gets SQLITE_BUSY rather than a second copy.
   */
  const exclusively = async <T>(fn: () => Promise<T>): Promise<T> => {
    // Demo submissions carry review statuses and notes: the seeder writes them as the review process.
    const seed = () => asReviewProcess('seed', fn);
    if (strapi.db.dialect.client === 'postgres') return withAdvisoryLock(strapi, SEED_LOCK_KEY, 'seeding', seed);
    return await strapi.db.transaction(seed);
  };

  const loadDemo = async (): Promise<SeedReport> => {
    const report = await seeder().all(demo);
    await store().set({ key: STORE_KEY, value: new Date().toISOString() });
    return report;
  };

  return {
    /** The themes of the field, in every configured locale; only into an empty topic table. */
    async topicsIfEmpty(): Promise<boolean> {
      return exclusively(async () => {
        const count = await strapi.db.query(UID.topic).count();
        if (count > 0) return false;
        await seeder().topics(demo.topics);
        return true;
      });
    },

    /** Every demo record whose slug is missing (used by `npm run seed`). */
    async demo(): Promise<SeedReport> {
      return exclusively(loadDemo);
    },

    /**
     * On start: load the demo content once, into a database that has none of
     * the plugin's content. A database that ever had it, or has editors' own
     * content, is left alone. Several instances starting at once seed once.
     */
    async demoOnFirstStart(): Promise<SeedReport | null> {
      return exclusively(async () => {
        if (await store().get({ key: STORE_KEY })) return null;
        for (const uid of [UID.practice, UID.session, UID.statement, UID.organisation]) {
          if ((await strapi.db.query(uid).count()) > 0) return null;
        }
        return loadDemo();
      });
    },
  };
};

export default seedService;
