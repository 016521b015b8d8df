/** The date formatter of every date helper (format-*.ts). No DOM, no Lit. */

/** A formatter; English dates are British ("24 December 2026, 16:00 CET"), as suits a European network. */
export const dtf = (l: string, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  if (l == 'en') l = 'en-GB';
  try {
    return new Intl.DateTimeFormat(l, o);
  } catch {
    // Unknown IANA zone in the data: show the time in UTC (with "UTC" shown), not an exception.
    return new Intl.DateTimeFormat(l, { ...o, timeZone: 'UTC' });
  }
};

/** A valid Date. */
export const valid = (d: Date): boolean => !isNaN(+d);
