import type { Core } from '@strapi/strapi';
import { strapiService } from '../services/strapi-services';
import { withAdvisoryLock } from './startup-lock';

/** Key of the PostgreSQL advisory lock taken around the sync (instances starting together run it one at a time). */
export const ROLE_FIELDS_LOCK_KEY = 5_071_194_402_031;

/** The roles Strapi creates on a new database whose Content Manager permissions list the fields they may use. */
export const SYNCED_ROLES = ['strapi-editor', 'strapi-author'] as const;

/** Content Manager actions whose permissions carry a field list (Strapi's `appliesToProperty('fields')`). */
export const FIELD_ACTIONS = ['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.update'];

const STORE_KEY = 'role-fields';

/** A permission row as `admin::permission` stores it (the parts used here). */
interface PermissionRow {
  id: number;
  action: string;
  subject: string | null;
  properties: { fields?: string[] | null; locales?: string[] | null } & Record<string, unknown>;
}

/** What was last granted: subject → the fields the content type had then. */
type KnownFields = Record<string, string[]>;

/** One run of syncRoleFields (under its lock). */
const sync = async (strapi: Core.Strapi): Promise<number> => {
  const subjects = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('plugin::solidarity.'));
  const contentTypes = strapiService(strapi, 'admin::content-type');
  const current: KnownFields = Object.fromEntries(
    subjects.map((uid) => [uid, contentTypes.getNestedFields(strapi.contentTypes[uid as keyof typeof strapi.contentTypes], { components: strapi.components })])
  );
  const store = strapi.store({ type: 'plugin', name: 'solidarity' });
  const known = ((await store.get({ key: STORE_KEY })) ?? {}) as KnownFields;

  const roles = (await strapi.db.query('admin::role').findMany({ select: ['id'], where: { code: { $in: [...SYNCED_ROLES] } } })) as { id: number }[];
  let changed = 0;
  if (roles.length) {
    const rows = (await strapi.db.query('admin::permission').findMany({
      select: ['id', 'action', 'subject', 'properties'],
      where: { role: { id: { $in: roles.map((r) => r.id) } }, action: { $startsWith: 'plugin::content-manager.explorer.' }, subject: { $in: subjects } },
    })) as PermissionRow[];
    const codes = (await strapiService(strapi, 'plugin::i18n.locales').find()).map((l) => l.code);
    for (const row of rows) {
      const properties = { ...(row.properties ?? {}) };
      const fields = properties.fields;
      if (!row.subject) continue;
      let dirty = false;
      if (Array.isArray(fields)) {
        const before = new Set(known[row.subject] ?? []);
        const added = (current[row.subject] ?? []).filter((f) => !before.has(f) && !fields.some((g) => g === f || f.startsWith(`${g}.`)));
        if (added.length) {
          properties.fields = [...fields, ...added];
          dirty = true;
        }
      }
      // i18n reads a missing `locales` as no locale at all (its permission engine adds `locale $in []`): the
      // roles Strapi makes on a new database have none on the plugin's localized types, so an Editor could
      // open no call. Given every locale, as i18n does for roles it knows of; an empty list or null
      // (every locale), which only an administrator sets, is left as it is.
      const model = strapi.contentTypes[row.subject as keyof typeof strapi.contentTypes] as { pluginOptions?: { i18n?: { localized?: boolean } } } | undefined;
      if (model?.pluginOptions?.i18n?.localized && !('locales' in properties) && codes.length) {
        properties.locales = codes;
        dirty = true;
      }
      if (!dirty) continue;
      await strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { properties } });
      changed += 1;
    }
  }
  await store.set({ key: STORE_KEY, value: current });
  if (changed) strapi.log.info(`[solidarity] Content Manager permissions of the Editor and Author roles: ${changed} given new fields or the locales`);
  return changed;
};

/**
 * Keeps the Editor's and Author's Content Manager field lists in step with the plugin's content
 * types. Strapi gives these roles every field of every content type when it creates them, on a new
 * database, and afterwards only removes fields that no longer exist: a field added by a later version
 * (a call's `phase`, its assessment scale `scaleMin`/`scaleMax`, `scoresVisibleBeforeScoring` and the
 * criteria's `weight`, issue 15) stays invisible and read-only to Editors of an older database, and the
 * Content Manager silently drops it from their saves.
 *
 * Run at every start (after the admin's roles exist): each field of a plugin content type that did
 * not exist at the last run (the plugin store remembers the fields per content type) is added to the
 * roles' create, read and update permissions on that type that list fields. A field an administrator
 * removed from a role later is not given back; on a database where this never ran, every missing
 * field is added once. Permissions of these roles on the plugin's localized types that have no
 * `locales` at all (Strapi makes them so; i18n then allows no locale) get every configured locale.
 * Returns how many permissions were changed.
 */
export const syncRoleFields = (strapi: Core.Strapi): Promise<number> =>
  withAdvisoryLock(strapi, ROLE_FIELDS_LOCK_KEY, 'giving the Editor and Author roles new fields', () => sync(strapi));
