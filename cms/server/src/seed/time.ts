/** Offset in milliseconds of `timeZone` from UTC at the instant `utcMillis`. */
const offsetAt = (utcMillis: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMillis / 1000) * 1000;
};

/** The UTC instant of a wall-clock time (`HH:MM`) on a date (`YYYY-MM-DD`) in an IANA time zone. */
export const zonedToUtc = (date: string, time: string, timeZone: string): Date => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  let guess = naive - offsetAt(naive, timeZone);
  // Second pass settles instants next to a daylight-saving change.
  guess = naive - offsetAt(guess, timeZone);
  return new Date(guess);
};

/** `YYYY-MM-DD` of today (UTC) shifted by `days`. */
export const dayFromNow = (days: number, now: Date = new Date()): string => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};
