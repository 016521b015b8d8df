/**
 * The languages Solidarity Commons ships: the plugin's default content locales, the seeded demo
 * content, the submitter's mails, the review messages and the widgets' interface strings. Defined
 * once; each of those imports it (the widgets' esbuild bundles it, the server's `tsc` compiles it).
 *
 * No imports, no DOM, no Node.
 */
export const SHIPPED_LOCALES = ['en', 'ca', 'es', 'el', 'fr'] as const;

/** One of SHIPPED_LOCALES. */
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];
