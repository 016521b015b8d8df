import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValid, parse, parseISO } from 'date-fns';
import { fieldError } from '../http/errors';
import { UID } from './uids';

type Middleware = Parameters<Core.Strapi['documents']['use']>[0];
type Row = Record<string, unknown>;

/**
 * A datetime as Strapi stores it (@strapi/database fields/shared/parsers.js `parseDateTimeOrTimestamp`,
 * with the same date-fns 2.30 as Strapi): a Date as is, else date-fns `parseISO` (ISO 8601, week dates,
 * basic format, `+00` offsets, expanded years), else a timestamp in epoch milliseconds (`'T'`).
 * Returns null for no value (null, undefined, ''), `'invalid'` when Strapi could not read it either.
 */
export const parseDateTime = (v: unknown): Date | null | 'invalid' => {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v;
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : null;
  if (text === null) return 'invalid';
  const iso = parseISO(text);
  if (isValid(iso)) return iso;
  const epoch = parse(text, 'T', new Date());
  return isValid(epoch) ? epoch : 'invalid';
};

/**
 * Whether a date's UTC year is within 1–9999: RFC 5545 §3.3.4 DATE values have four-digit years,
 * and ical.js cannot read a year 0, a negative one or one of five digits (one such event would make
 * every client refuse the whole calendar).
 */
export const inCalendarRange = (d: Date): boolean => {
  const year = d.getUTCFullYear();
  return year >= 1 && year <= 9999;
};

const UNREADABLE = 'expected an ISO 8601 date-time or a timestamp in milliseconds';
const OUT_OF_RANGE = 'the year must be between 1 and 9999';

/**
 * The date-time value of `field` in `data` as Strapi will store it, or a 400 ValidationError naming
 * the field when it is unreadable or its year is outside 1–9999. Null when there is no value.
 */
export const checkedDate = (data: Row, field: string): Date | null => {
  const parsed = parseDateTime(data[field]);
  if (parsed === 'invalid') throw new errors.ValidationError(`${field}: ${UNREADABLE}`, { errors: [fieldError([field], UNREADABLE, data[field])] });
  if (parsed && !inCalendarRange(parsed)) {
    throw new errors.ValidationError(`${field}: ${OUT_OF_RANGE}`, { errors: [fieldError([field], OUT_OF_RANGE, data[field])] });
  }
  return parsed;
};

const ZONE_SHAPE = /^[A-Z][A-Za-z_-]*(?:\/[A-Z][A-Za-z0-9_+-]*)+$/;
let canonicalZones: ReadonlySet<string> | null = null;

/**
 * Whether `zone` is an IANA time zone name: `UTC`, a canonical zone of `Intl.supportedValuesOf('timeZone')`,
 * or an `Area/Location` link (`Europe/Kiev`) that `Intl.DateTimeFormat` accepts, spelled as the tz
 * database spells it. Offsets (`+01:00`), abbreviations (`CET`, `EST`) and other spellings are not:
 * calendars (RFC 5545 TZID) and the widgets' dates need a zone every client knows.
 */
export const isIanaTimeZone = (zone: unknown): boolean => {
  if (typeof zone !== 'string') return false;
  if (zone === 'UTC') return true;
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  if (!ZONE_SHAPE.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const ZONE_MESSAGE = 'expected an IANA time zone such as Europe/Brussels or UTC';

/**
 * A 400 ValidationError naming `field` when `data[field]` is given (not null, undefined or '') and is
 * not an IANA time zone (isIanaTimeZone); a missing value is left to Strapi's `required`.
 */
export const checkTimeZone = (data: Row, field: string): void => {
  const value = data[field];
  if (value === null || value === undefined || value === '') return;
  if (!isIanaTimeZone(value)) {
    throw new errors.ValidationError(`${field}: ${ZONE_MESSAGE}`, { errors: [fieldError([field], ZONE_MESSAGE, value)] });
  }
};

/** The datetime fields checked on every save, by content type. */
const DATE_FIELDS: Record<string, readonly string[]> = {
  [UID.session]: ['startsAt', 'endsAt'],
  [UID.call]: ['opensAt', 'closesAt'],
  [UID.statement]: ['deadline'],
};

/**
 * On every create, update and clone of sessions, calls and statements (Content Manager and code):
 * their calendar dates are readable and within the years 1–9999 (see checkedDate), else a 400
 * ValidationError naming the field, which the Content Manager shows under the input.
 */
export const dateRules = (): Middleware => async (context, next) => {
  const fields = DATE_FIELDS[context.uid];
  if (!fields || !['create', 'update', 'clone'].includes(context.action)) return next();
  const data = (context.params as { data?: unknown }).data;
  if (data && typeof data === 'object') {
    for (const field of fields) if (field in data) checkedDate(data as Row, field);
  }
  return next();
};
