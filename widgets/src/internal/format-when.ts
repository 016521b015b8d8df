/** When a session takes place (<solidarity-sessions>' chunk). No DOM, no Lit (unit-tested in Node). */
import { dtf, valid } from './dtf.js';

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

/** The visitor's IANA time zone (the browser's own). */
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * When a session takes place in the visitor's time zone (`when` in zone `local`), or '' when the
 * visitor's clock reads the same as the session's zone at its start (same zone, or same offset).
 */
export const whenLocal = (start: string, end: string | null | undefined, tz: string | null | undefined, l: string, local = localZone()): string => {
  const s = new Date(start),
    clock = (z: string) => dtf(l, { dateStyle: 'short', timeStyle: 'short', timeZone: z }).format(s);
  return valid(s) && clock(tz || 'UTC') != clock(local) ? when(start, end, local, l) : '';
};
