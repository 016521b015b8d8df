/**
 * A calendar date ("2026-05-12", or the date part of an ISO timestamp) at 00:00 UTC (format-day.ts,
 * format-months.ts). No DOM, no Lit. A module of its own, not in dtf.ts, so that the chunk of a widget's
 * own build that holds dtf.ts (<solidarity-sessions>', src/loader.ts `pick`) does not hold it.
 */
export const utcDay = (v: string | null | undefined): Date => new Date(String(v).slice(0, 10) + 'T00:00:00Z');
