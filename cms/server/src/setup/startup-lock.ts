import type { Core } from '@strapi/strapi';
import pg from 'pg';

/**
 * Several instances starting at once on one PostgreSQL database (behind a
 * load balancer, or a rolling deploy) must not run Strapi's schema sync, its
 * migrations and the first seeding side by side: Strapi 5 creates tables
 * without a lock (two instances on an empty database fail with "duplicate key
 * value violates unique constraint pg_type_typname_nsp_index"), and the demo
 * content would be checked for and loaded twice.
 *
 * So on PostgreSQL the plugin's register phase takes a session advisory lock
 * on a connection of its own (Strapi's pool does not exist yet), and the end
 * of the admin's bootstrap (after the plugins') releases it: instances boot one after the other,
 * each finding what the previous one created. If a process dies while booting,
 * its connection closes and PostgreSQL releases the lock. SQLite needs
 * nothing: one process per database file. {@link withAdvisoryLock} does the
 * same for any other critical section (the seeding, under its own key).
 */

/** Key of the startup advisory lock (any constant bigint, distinct from the seeding lock). */
export const STARTUP_LOCK_KEY = 5_071_194_402_021;
/** How long an instance waits for another one's boot before giving up (PostgreSQL `lock_timeout`). */
export const STARTUP_LOCK_TIMEOUT = '10min';

const held = new WeakMap<Core.Strapi, pg.Client>();

type PgConnection = pg.ClientConfig & { schema?: string };

/** A connection of its own to the app's PostgreSQL database, for advisory locks; null on SQLite. */
const lockConnection = async (strapi: Core.Strapi): Promise<pg.Client | null> => {
  const client = strapi.config.get('database.connection.client') as string | undefined;
  if (client !== 'postgres') return null;
  const { schema: _schema, ...connection } = strapi.config.get('database.connection.connection') as PgConnection;
  const lock = new pg.Client(connection);
  await lock.connect();
  return lock;
};

/** Waits (at most {@link STARTUP_LOCK_TIMEOUT}) for the session advisory lock `key` on `lock`'s connection. */
const take = async (lock: pg.Client, key: number, what: string): Promise<void> => {
  try {
    await lock.query(`set lock_timeout = '${STARTUP_LOCK_TIMEOUT}'`);
    await lock.query('select pg_advisory_lock($1)', [key]);
  } catch (error) {
    await lock.end().catch(() => undefined);
    throw new Error(`Another instance has been ${what} on this database for ${STARTUP_LOCK_TIMEOUT} (or its lock failed): ${(error as Error).message}`);
  }
};

const give = async (lock: pg.Client, key: number): Promise<void> => {
  try {
    await lock.query('select pg_advisory_unlock($1)', [key]);
  } finally {
    await lock.end();
  }
};

/** Waits until no other instance is booting on this PostgreSQL database, then holds the lock. */
export const acquireStartupLock = async (strapi: Core.Strapi): Promise<void> => {
  if (held.has(strapi)) return;
  const lock = await lockConnection(strapi);
  if (!lock) return;
  await take(lock, STARTUP_LOCK_KEY, 'starting');
  held.set(strapi, lock);
};

/** Instances whose startup lock is released by the admin's bootstrap (see holdStartupLockThroughAdmin). */
const throughAdmin = new WeakSet<Core.Strapi>();

/** The admin module as Strapi's container holds it (@strapi/core providers/admin.js): the part used here. */
interface AdminModule {
  bootstrap?: (context: { strapi: Core.Strapi }) => Promise<void> | void;
}

/**
 * Keeps the startup lock until the admin's own bootstrap has run. Strapi 5.54 bootstraps plugins
 * first and the admin after them (@strapi/core Strapi.js `bootstrap`: plugins, then providers,
 * the admin's among them): the admin then creates its roles with their permissions on a new
 * database (`createRolesIfNoneExist`) and deletes and re-creates the super admin's
 * (`resetSuperAdminPermissions`). Two instances doing that side by side fail: one links a
 * permission the other just deleted (foreign key violation on `admin_permissions_role_lnk`, seen
 * when two instances start together on an empty database). So the admin module's bootstrap (a
 * singleton in Strapi's container) is wrapped, and releases the lock once it has run, whatever its
 * outcome. Call in the plugin's register, after acquireStartupLock; no-op on SQLite.
 */
export const holdStartupLockThroughAdmin = (strapi: Core.Strapi): void => {
  if (!held.has(strapi) || throughAdmin.has(strapi)) return;
  const admin = strapi.get('admin') as AdminModule | undefined;
  const original = admin?.bootstrap;
  if (!admin || typeof original !== 'function') return;
  admin.bootstrap = async (context) => {
    try {
      await original.call(admin, context);
    } finally {
      throughAdmin.delete(strapi);
      await releaseStartupLock(strapi);
    }
  };
  throughAdmin.add(strapi);
};

/** End of the plugin's bootstrap: lets the next instance boot, unless the admin's bootstrap will (holdStartupLockThroughAdmin). */
export const releaseStartupLockAfterPlugins = async (strapi: Core.Strapi): Promise<void> => {
  if (throughAdmin.has(strapi)) return;
  await releaseStartupLock(strapi);
};

/** Lets the next instance boot (after the admin's bootstrap, or on destroy after a failed boot). */
export const releaseStartupLock = async (strapi: Core.Strapi): Promise<void> => {
  const lock = held.get(strapi);
  if (!lock) return;
  held.delete(strapi);
  await give(lock, STARTUP_LOCK_KEY);
};

/**
 * Runs `fn` while holding the PostgreSQL session advisory lock `key` (on a
 * connection of its own, so `fn`'s own queries and transactions run as usual
 * on Strapi's pool); on SQLite runs `fn` as it is. Other processes and other
 * calls in this process asking for the same key wait their turn.
 */
export const withAdvisoryLock = async <T>(strapi: Core.Strapi, key: number, what: string, fn: () => Promise<T>): Promise<T> => {
  const lock = await lockConnection(strapi);
  if (!lock) return fn();
  await take(lock, key, what);
  try {
    return await fn();
  } finally {
    await give(lock, key);
  }
};
