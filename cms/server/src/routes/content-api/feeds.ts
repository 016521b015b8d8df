import type { PublicRoute } from '.';

/** Feed, calendar, export and JSON-LD routes (owned by the feeds module). */
export const feedRoutes: PublicRoute[] = [];
