import type { Core } from '@strapi/strapi';
import { createSeeder, type SeedReport } from '../seed';
import * as demo from '../seed/data';
import { asReviewProcess } from '../submissions/review-rules';
import { UID } from '../uids';

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
   * Runs `fn` (a check, then the inserts it decides on) in one transaction that
   * no other seeding runs beside: on PostgreSQL under a transaction-level
   * advisory lock, so that several instances starting together on an empty
   * database seed once (the others wait, then find the content there); on
   * SQLite the transaction alone (one process per database file is the norm; a
   * second writer gets SQLITE_BUSY rather than a second copy). Everything the
   * document service does inside joins this transaction, so a failed seeding
   * leaves nothing half-loaded.
   */
  const exclusively = async <T>(fn: () => Promise<T>): Promise<T> =>
    await strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') await trx.raw('select pg_advisory_xact_lock(?)', [SEED_LOCK_KEY]);
      // Demo submissions carry review statuses and notes: the seeder writes them as the review process.
      return asReviewProcess('seed', fn);
    });

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
