/** An array, or [] for anything else (API answers are untrusted). */
export const arr = <T>(x: T[] | null | undefined): T[] => (Array.isArray(x) ? x : []);
