import { CONTENT_TYPE_NAMES, HANDLERS, PLURAL } from '../../content-types/uids';
import { feedRoutes } from '../../feeds/routes';
import { submissionRoutes } from '../../submissions/routes';


export interface PublicRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
  config: { auth: false; policies: string[]; middlewares: string[] };
  info?: { summary: string };
  /** query parameters of its type that this route refuses (documented in OpenAPI) */
  rejects?: readonly string[];
}

const open = { auth: false as const, policies: [], middlewares: [] };

const documentRoutes: PublicRoute[] = CONTENT_TYPE_NAMES.flatMap((type) => [
  {
    method: 'GET' as const,
    path: `/${PLURAL[type]}`,
    handler: `public.${HANDLERS.list(type)}`,
    config: open,
  },
  {
    method: 'GET' as const,
    path: `/${PLURAL[type]}/:idOrSlug`,
    handler: `public.${HANDLERS.one(type)}`,
    config: open,
  },
]);

/**
 * The public routes, mounted under /api/solidarity; no token needed.
 * Feed routes come first: `/sessions.ics` must not be taken for a session slug.
 */
export const publicRoutes: PublicRoute[] = [...feedRoutes, ...documentRoutes, ...submissionRoutes];

const openapiRoute: PublicRoute = { method: 'GET', path: '/openapi.json', handler: 'public.openapi', config: open };

export default {
  type: 'content-api' as const,
  routes: [openapiRoute, ...publicRoutes],
};
