import type { Core } from '@strapi/strapi';
import type { SolidarityUID } from './uids';

type Row = Record<string, unknown>;

/**
 * After a publish of `documentId` (in `locale`, or every locale when `locale` is missing or `*`):
 * the published versions in the other locales get the just-published values of `fields`.
 *
 * For fields that are not localized (`pluginOptions.i18n.localized: false`): Strapi's i18n copies
 * them between drafts, but not to the other published versions, so without this a reader of another
 * language keeps the old value until someone republishes that language (a session's time, a call's
 * phase). Written with `strapi.db.query`, which joins the caller's transaction (Strapi's
 * transaction context), so it commits or rolls back with the publish and never waits for a second
 * connection (SQLite has one). Does nothing when nothing is published in that locale.
 */
export const shareWithPublishedLocales = async (
  strapi: Core.Strapi,
  uid: SolidarityUID,
  documentId: string,
  locale: unknown,
  fields: readonly string[]
): Promise<void> => {
  const query = strapi.db.query(uid);
  const where = { documentId, publishedAt: { $notNull: true }, ...(typeof locale === 'string' && locale !== '*' ? { locale } : {}) };
  const source = (await query.findOne({ select: ['locale', ...fields], where })) as Row | null;
  if (!source) return;
  const data = Object.fromEntries(fields.map((f) => [f, source[f] ?? null]));
  await query.updateMany({ where: { documentId, publishedAt: { $notNull: true }, locale: { $ne: source.locale } }, data });
};
