import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError } from '../../http/errors';
import { checkedDate, parseDateTime } from '../dates';
import { shareWithPublishedLocales } from '../cross-locale-fields';
import { UID } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Row = Record<string, unknown>;

const CLOSE_MESSAGE = 'the call must not close before it opens';

/** A date-time as the database or a client gives it (see parseDateTime), as epoch ms; null when none or unreadable. */
const millis = (v: unknown): number | null => {
  const d = parseDateTime(v);
  return d === null || d === 'invalid' ? null : d.getTime();
};

/** A 400 ValidationError on `closesAt` when both dates are there and the call closes before it opens. */
const checkOrder = (opens: number | null, closes: number | null, value: unknown): void => {
  if (opens !== null && closes !== null && closes < opens) {
    throw new errors.ValidationError(CLOSE_MESSAGE, { errors: [fieldError(['closesAt'], CLOSE_MESSAGE, value)] });
  }
};

/** Which drafts a publish of `locale` publishes (one locale, a list, or every one). */
const draftsWhere = (documentId: string, locale: unknown) => ({
  documentId,
  publishedAt: null,
  ...(typeof locale === 'string' && locale !== '*' ? { locale } : Array.isArray(locale) ? { locale: { $in: locale } } : {}),
});

/**
 * The call's fields that are the same in every language (not localized in schema.json): its dates,
 * its phase and its assessment settings. After a publish they go to the other published languages
 * too (shareWithPublishedLocales), as a session's schedule does: otherwise publishing the English
 * call in the assessment phase left the Catalan one "open" until someone republished it.
 */
export const CALL_SHARED_FIELDS = ['opensAt', 'closesAt', 'phase', 'scaleMin', 'scaleMax', 'scoresVisibleBeforeScoring'] as const;

/**
 * Rules of calls on every save (create, update, clone), drafts included, in the Content Manager and
 * in code alike, as sessions' end-before-start rule (session/rules.ts): `closesAt` is not before
 * `opensAt`, else a 400 ValidationError naming `closesAt`, which the Content Manager shows under the
 * input. An update or a clone that sends one date only is compared with the stored one (the dates
 * are not localized: any version of the document); a publish (bulk publish included) checks the
 * drafts being published. Read with `strapi.db.query`, in the caller's transaction. After a publish
 * (or an update that publishes), the other published languages get CALL_SHARED_FIELDS.
 */
export const callRules =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (context.uid !== UID.call) return next();
    const params = context.params as { documentId?: string; locale?: unknown; data?: Row; status?: unknown };
    const query = () => strapi.db.query(UID.call);
    if (context.action === 'publish' && params.documentId) {
      const drafts = (await query().findMany({ select: ['opensAt', 'closesAt'], where: draftsWhere(params.documentId, params.locale) })) as Row[];
      for (const draft of drafts) checkOrder(checkedDate(draft, 'opensAt')?.getTime() ?? null, checkedDate(draft, 'closesAt')?.getTime() ?? null, draft.closesAt);
      const result = await next();
      await shareWithPublishedLocales(strapi, UID.call, params.documentId, params.locale, CALL_SHARED_FIELDS);
      return result;
    }
    if (!['create', 'update', 'clone'].includes(context.action)) return next();
    const data = params.data;
    if (!data || typeof data !== 'object') return next();
    const needsStored = (context.action === 'update' || context.action === 'clone') && params.documentId && !('opensAt' in data && 'closesAt' in data);
    const stored = needsStored
      ? ((await query().findOne({ select: ['opensAt', 'closesAt'], where: { documentId: params.documentId } })) as Row | null)
      : null;
    const opens = 'opensAt' in data ? (checkedDate(data, 'opensAt')?.getTime() ?? null) : millis(stored?.opensAt);
    const closes = 'closesAt' in data ? (checkedDate(data, 'closesAt')?.getTime() ?? null) : millis(stored?.closesAt);
    checkOrder(opens, closes, data.closesAt ?? stored?.closesAt);
    const result = await next();
    if (context.action === 'update' && params.status === 'published' && params.documentId) {
      await shareWithPublishedLocales(strapi, UID.call, params.documentId, params.locale, CALL_SHARED_FIELDS);
    }
    return result;
  };
