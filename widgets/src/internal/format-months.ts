/** The period of a practice (its full view's chunk). No DOM, no Lit (unit-tested in Node). */
import { dtf, valid } from './dtf.js';
import { utcDay } from './utc-day.js';

/** A period of months ("March 2019 – June 2022"), or '' when `a` is not a date. */
export const months = (a: string | null | undefined, b: string | null | undefined, l: string): string => {
  const x = utcDay(a),
    y = utcDay(b);
  if (!a || !valid(x)) return '';
  const f = dtf(l, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return b && valid(y) && y > x ? f.formatRange(x, y) : f.format(x);
};
