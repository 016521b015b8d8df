import { oembedRoute } from '../../embed/routes';
import { feedRoutes } from '../../feeds/routes';
import type { PublicRoute } from '../../http/routes';
import { documentRoutes, facetRoutes, openapiRoute } from '../../reads/routes';
import { submissionRoutes } from '../../submissions/routes';

/**
 * The public routes, mounted under /api/solidarity; no token needed.
 * Feed routes come first: `/sessions.ics` must not be taken for a session slug.
 */
export const publicRoutes: PublicRoute[] = [...feedRoutes, ...facetRoutes, ...documentRoutes, ...submissionRoutes, oembedRoute];

export default {
  type: 'content-api' as const,
  routes: [openapiRoute, ...publicRoutes],
};
