/** Date helpers on Intl.DateTimeFormat. No DOM, no Lit (unit-tested in Node). */

/** A formatter; English dates are British ("24 December 2026, 16:00 CET"), as suits a European network. */
const dtf = (l: string, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  if (l == 'en') l = 'en-GB';
  try {
    return new Intl.DateTimeFormat(l, o);
  } catch {
    // Unknown IANA zone in the data: show the time in UTC (with "UTC" shown), not an exception.
    return new Intl.DateTimeFormat(l, { ...o, timeZone: 'UTC' });
  }
};

const valid = (d: Date): boolean => !isNaN(+d);

/** A calendar date ("2026-05-12", or the date part of an ISO timestamp) as "12 May 2026"; '' if invalid. */
export const day = (v: string | null | undefined, l: string): string => {
  const d = new Date(String(v).slice(0, 10) + 'T00:00:00Z');
  return v && valid(d) ? dtf(l, { dateStyle: 'long', timeZone: 'UTC' }).format(d) : '';
};

/** A month ("2021-03-01" -> "March 2021"), for start dates of practices. */
export const month = (v: string | null | undefined, l: string): string => {
  const d = new Date(String(v).slice(0, 10) + 'T00:00:00Z');
  return v && valid(d) ? dtf(l, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d) : '';
};

/**
 * When a session takes place, in its own IANA zone, with the zone shown:
 * "Tuesday 12 May 2026, 16:00–17:30 CEST". The end is left out when missing or invalid.
 */
export const when = (start: string, end: string | null | undefined, tz: string | null | undefined, l: string): string => {
  const s = new Date(start);
  if (!valid(s)) return '';
  const e = new Date(String(end));
  const f = dtf(l, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: tz || 'UTC',
    timeZoneName: 'short',
  });
  return end && valid(e) && e > s ? f.formatRange(s, e) : f.format(s);
};

/** True when an ISO instant lies in the past (at `now`). */
export const past = (v: string | null | undefined, now = Date.now()): boolean => !!v && new Date(v).getTime() < now;

/** A period of months ("March 2019 – June 2022"), or '' when `a` is not a date. */
export const months = (a: string | null | undefined, b: string | null | undefined, l: string): string => {
  const x = new Date(String(a).slice(0, 10) + 'T00:00:00Z'),
    y = new Date(String(b).slice(0, 10) + 'T00:00:00Z');
  if (!a || !valid(x)) return '';
  const f = dtf(l, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return b && valid(y) && y > x ? f.formatRange(x, y) : f.format(x);
};

/** The visitor's IANA time zone (the browser's own). */
export const localZone = (): string => new Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * When a session takes place in the visitor's time zone (`when` in zone `local`), or '' when the
 * visitor's clock reads the same as the session's zone at its start (same zone, or same offset).
 */
export const whenLocal = (start: string, end: string | null | undefined, tz: string | null | undefined, l: string, local = localZone()): string => {
  const s = new Date(start),
    clock = (z: string) => dtf(l, { dateStyle: 'short', timeStyle: 'short', timeZone: z }).format(s);
  return valid(s) && clock(tz || 'UTC') != clock(local) ? when(start, end, local, l) : '';
};
