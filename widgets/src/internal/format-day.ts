/** Dates of statements (<solidarity-statements>' chunk). No DOM, no Lit (unit-tested in Node). */
import { dtf, valid } from './dtf.js';
import { utcDay } from './utc-day.js';

/** A calendar date ("2026-05-12", or the date part of an ISO timestamp) as "12 May 2026"; '' if invalid. */
export const day = (v: string | null | undefined, l: string): string => {
  const d = utcDay(v);
  return v && valid(d) ? dtf(l, { dateStyle: 'long', timeZone: 'UTC' }).format(d) : '';
};

/** `past` lives in util.ts (the shared chunk): the sessions and statements chunks both use it. */
export { past } from './util.js';
