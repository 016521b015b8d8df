import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { UID } from '../../content-types/uids';
import { visibility, type Visibility } from '../../locales/fallback';
import { getService } from '../../services/get-service';

/** What `GET /solidarity/submissions/:documentId/locales` answers (admin, review permission). */
export interface SubmissionLocales {
  /** the languages the submission has text in (its versions, draft or published) */
  locales: string[];
  /** for every language of the app, which of those versions partner pages in it show once published */
  visibility: Visibility[];
}

/**
 * In which languages an approved submission shows, and in which of its versions: the public reads'
 * fallback chain (locales/fallback.ts) applied to the languages it has. Approving publishes every
 * version, so drafts count. 404 for anything that is not a submission (as the review's other routes).
 */
export const submissionLocales = async (strapi: Core.Strapi, documentId: string): Promise<SubmissionLocales> => {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(documentId)) throw new errors.NotFoundError(`No submission "${documentId}"`);
  const rows = (await strapi.db.query(UID.practice).findMany({
    where: { documentId },
    select: ['locale', 'source'],
  })) as { locale: string; source: string | null }[];
  if (!rows.some((r) => r.source === 'submission')) throw new errors.NotFoundError(`No submission "${documentId}"`);
  const { codes, defaultLocale } = await getService(strapi, 'locales').current();
  const have = [...new Set(rows.map((r) => r.locale))];
  const order = (l: string) => (codes.includes(l) ? codes.indexOf(l) : codes.length);
  have.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return { locales: have, visibility: visibility(have, codes, defaultLocale, getService(strapi, 'public-api').fallbacks()) };
};

/** Koa handler of the route (registered as `review.locales`). */
export const submissionLocalesHandler =
  (strapi: Core.Strapi) =>
  async (ctx: Context): Promise<void> => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await submissionLocales(strapi, String(ctx.params.documentId)) };
  };
