import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError } from '../../http/errors';
import { checkTimeZone, checkedDate, parseDateTime } from '../dates';
import { shareWithPublishedLocales } from '../cross-locale-fields';
import { UID } from '../uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Row = Record<string, unknown>;

/**
 * What subscribers of a calendar must learn about (RFC 5545 §3.8.7.4: SEQUENCE grows when the
 * organiser makes a significant change, "DTSTART, DTEND, DURATION, ... or STATUS"): the time,
 * the place (an online session's join link) and the status.
 */
export const SIGNIFICANT_FIELDS = ['startsAt', 'endsAt', 'joinUrl', 'scheduleStatus'] as const;

const END_MESSAGE = 'the end must not be before the start';

/**
 * A date-time as the database or a client gives it (Date, any spelling Strapi stores: ISO 8601,
 * week dates, basic format, epoch ms; see parseDateTime), as epoch ms; null when none or unreadable.
 */
const millis = (v: unknown): number | null => {
  const d = parseDateTime(v);
  return d === null || d === 'invalid' ? null : d.getTime();
};

/** The value of a significant field, comparable across the client's and the database's spellings. */
const comparable = (field: (typeof SIGNIFICANT_FIELDS)[number], v: unknown): string => {
  if (field === 'startsAt' || field === 'endsAt') return String(millis(v));
  if (field === 'scheduleStatus') return typeof v === 'string' && v ? v : 'scheduled';
  return typeof v === 'string' ? v : '';
};

/**
 * Whether `data` changes a significant field of `stored` (only the fields `data` names: an update
 * may send some fields only).
 */
export const changesSignificantField = (data: Row, stored: Row): boolean =>
  SIGNIFICANT_FIELDS.some((f) => f in data && comparable(f, data[f]) !== comparable(f, stored[f]));

/**
 * The stored draft the write starts from: the draft in the locale written, else any version of the
 * document (a new locale: the time, place and status are not localized, so they are the same in
 * every locale). Read with `strapi.db.query`, which joins the caller's transaction (Strapi's
 * transaction context), so it never waits for a second connection (SQLite has one).
 */
const storedVersion = async (strapi: Core.Strapi, documentId: string, locale: unknown): Promise<Row | null> => {
  const select = ['startsAt', 'endsAt', 'joinUrl', 'scheduleStatus', 'sequence', 'publishedAt'];
  const query = strapi.db.query(UID.session);
  const inLocale =
    typeof locale === 'string' && locale !== '*'
      ? ((await query.findOne({ select, where: { documentId, locale, publishedAt: null } })) as Row | null)
      : null;
  if (inLocale) return inLocale;
  const any = (await query.findMany({ select, where: { documentId }, orderBy: { sequence: 'desc' }, limit: 1 })) as Row[];
  return any[0] ?? null;
};

/**
 * After a publish: the published versions in the other locales get the published schedule (time,
 * time zone, join link, status, SEQUENCE). These fields are not localized, and i18n copies them
 * between drafts but not to the other published versions, so a Greek subscriber would keep the
 * old time until someone republished the Greek version (shareWithPublishedLocales, in the
 * caller's transaction).
 */
const SCHEDULE_FIELDS = ['startsAt', 'endsAt', 'timezone', 'joinUrl', 'scheduleStatus', 'sequence'] as const;

const shareSchedule = (strapi: Core.Strapi, documentId: string, locale: unknown): Promise<void> =>
  shareWithPublishedLocales(strapi, UID.session, documentId, locale, SCHEDULE_FIELDS);

/** A 400 ValidationError on `endsAt` when both dates are there and the end is before the start. */
const checkOrder = (start: number | null, end: number | null, value: unknown): void => {
  if (start !== null && end !== null && end < start) {
    throw new errors.ValidationError(END_MESSAGE, { errors: [fieldError(['endsAt'], END_MESSAGE, value)] });
  }
};

/**
 * The end-before-start check and the SEQUENCE count of one save (see sessionRules). An update
 * compares with the stored draft, a clone with its source (the fields the clone does not send are
 * the source's). Dates are read as Strapi stores them, unreadable ones and years outside 1–9999
 * refused (checkedDate).
 */
const checkAndCount = async (
  strapi: Core.Strapi,
  action: string,
  params: { documentId?: string; locale?: unknown; data?: Row }
): Promise<void> => {
  const data = params.data;
  if (!data || typeof data !== 'object') return;
  const stored =
    (action === 'update' || action === 'clone') && params.documentId ? await storedVersion(strapi, params.documentId, params.locale) : null;

  if ('timezone' in data) checkTimeZone(data, 'timezone');
  const start = 'startsAt' in data ? (checkedDate(data, 'startsAt')?.getTime() ?? null) : millis(stored?.startsAt);
  const end = 'endsAt' in data ? (checkedDate(data, 'endsAt')?.getTime() ?? null) : millis(stored?.endsAt);
  checkOrder(start, end, data.endsAt);

  if (action === 'clone') {
    // a new document: its own SEQUENCE from 0
    data.sequence = 0;
    return;
  }
  const current = stored ? Math.max(0, Math.trunc(Number(stored.sequence ?? 0)) || 0) : 0;
  data.sequence = stored && changesSignificantField(data, stored) ? current + 1 : current;
};

/**
 * Before a publish (one document, or each of a bulk publish): the drafts about to be published
 * (in the locale published, or every locale) have an IANA time zone, their end not before their start and their years
 * within 1–9999, whatever wrote them. Read with `strapi.db.query`, in the caller's transaction.
 */
const checkDrafts = async (strapi: Core.Strapi, documentId: string, locale: unknown): Promise<void> => {
  const where = {
    documentId,
    publishedAt: null,
    ...(typeof locale === 'string' && locale !== '*' ? { locale } : Array.isArray(locale) ? { locale: { $in: locale } } : {}),
  };
  const drafts = (await strapi.db.query(UID.session).findMany({ select: ['startsAt', 'endsAt', 'timezone'], where })) as Row[];
  for (const draft of drafts) {
    checkTimeZone(draft, 'timezone');
    const start = checkedDate(draft, 'startsAt')?.getTime() ?? null;
    const end = checkedDate(draft, 'endsAt')?.getTime() ?? null;
    checkOrder(start, end, draft.endsAt);
  }
};

/**
 * Rules of sessions on every save (create, update, clone), drafts included, in the Content Manager
 * and in code alike:
 * - the time zone is an IANA name (isIanaTimeZone: calendars' TZID, the widgets' dates), else a 400
 *   ValidationError naming `timezone`; checked again on publish against the drafts being published;
 * - the end is not before the start (Google Calendar drops events whose DTEND precedes DTSTART):
 *   a 400 ValidationError naming `endsAt` otherwise, which the Content Manager shows under the input;
 *   checked again on publish (bulk publish included) against the drafts being published;
 * - `sequence` is the server's: 0 for a new session, one more than the stored one when the time,
 *   the join link or the status changes (see SIGNIFICANT_FIELDS), else unchanged whatever the client
 *   sent. Publishing copies it with the rest of the draft; i18n copies it to the other drafts;
 * - after a publish, the other published locales get the schedule (shareSchedule).
 */
export const sessionRules =
  (strapi: Core.Strapi): Middleware =>
  async (context, next) => {
    if (context.uid !== UID.session) return next();
    const params = context.params as { documentId?: string; locale?: unknown; data?: Row; status?: unknown };
    if (context.action === 'publish' || (context.action === 'update' && params.status === 'published')) {
      if (context.action === 'update') await checkAndCount(strapi, context.action, params);
      else if (params.documentId) await checkDrafts(strapi, params.documentId, params.locale);
      const result = await next();
      if (params.documentId) await shareSchedule(strapi, params.documentId, params.locale);
      return result;
    }
    if (!['create', 'update', 'clone'].includes(context.action)) return next();
    await checkAndCount(strapi, context.action, params);
    return next();
  };
