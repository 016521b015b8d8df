/** The states of a widget's load: numbers, which the minifier inlines. */

/** Loading (placeholders shown, `aria-busy`). */
export const LOADING = 0;
/** Loaded and shown. */
export const READY = 1;
/** Loading failed: the error box is shown. */
export const FAILED = 2;

/** LOADING, READY or FAILED. */
export type Status = typeof LOADING | typeof READY | typeof FAILED;
