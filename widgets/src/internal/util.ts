/** An array, or [] for anything else (API answers are untrusted). */
export const arr = <T>(x: T[] | null | undefined): T[] => (Array.isArray(x) ? x : []);

/** True when an ISO instant (`"2026-05-12T10:00:00Z"`) lies before `now` (ms since the epoch); false for a missing value. */
export const past = (v: string | null | undefined, now = Date.now()): boolean => !!v && new Date(v).getTime() < now;
