/** Types of scripts/lit-cuts.mjs (for the unit test that checks the cuts against the installed lit-html). */
/** Each cut: what goes, and its exact pieces of lit-html.js with their replacements (all made, or none). */
export const LIT_CUTS: [what: string, pieces: [from: string, to: string][]][];
/** Whether `id` (a resolved path) is lit-html's production build, the file LIT_CUTS applies to. */
export function isLitHtml(id: string): boolean;
/** `code` (lit-html.js) with the cuts made; a cut not found is skipped (`skipped`), `warn` naming it. */
export function cutLitHtml(code: string, warn?: (message: string) => void): { code: string; skipped: string[] };
