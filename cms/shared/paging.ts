/**
 * Page sizes of the public lists, defined once for the server's reads
 * (`cms/server/src/reads/params.ts`), the widgets' `page-size` attribute
 * (`widgets/src/internal/query.ts`) and the admin's embed snippet (`cms/admin/src/embed/snippet.ts`).
 *
 * No imports, no DOM, no Node, kept apart from `limits.ts` so that the widgets' entry bundle
 * does not pull in the country list.
 */

/** The most documents one page of a public list holds (`pageSize`, `pagination[limit]`, `page-size`). */
export const MAX_PAGE_SIZE = 50;

/** The widgets' page size when `page-size` is absent or not a number of at least 1. */
export const WIDGET_DEFAULT_PAGE_SIZE = 10;
