import { CONTENT_TYPE_NAMES, HANDLERS, PLURAL } from '../content-types/uids';
import { open, type PublicRoute } from '../http/routes';

/** `GET /<plural>` and `GET /<plural>/:idOrSlug` for every public type, answered by reads/controller.ts. */
export const documentRoutes: PublicRoute[] = CONTENT_TYPE_NAMES.flatMap((type) => [
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

/** The OpenAPI description of the public API (openapi/document.ts). */
export const openapiRoute: PublicRoute = { method: 'GET', path: '/openapi.json', handler: 'public.openapi', config: open };
