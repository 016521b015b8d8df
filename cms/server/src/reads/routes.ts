import { CONTENT_TYPE_NAMES, HANDLERS, PLURAL } from '../content-types/uids';
import { open, type PublicRoute } from '../http/routes';
import { FACETS } from './repository';
import { FACET_REJECTED } from './service';

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

/** Handler name of a type's facets (`facetsPractices`). */
export const facetsHandler = (type: (typeof CONTENT_TYPE_NAMES)[number]): string =>
  `facets${PLURAL[type].charAt(0).toUpperCase()}${PLURAL[type].slice(1)}`;

/**
 * `GET /facets/<plural>`: the facets of a list (reads/service.ts `facets`), for the types that have
 * them. Under /facets/ rather than /<plural>/facets, where a document slugged "facets" lives.
 */
export const facetRoutes: PublicRoute[] = CONTENT_TYPE_NAMES.filter((type) => FACETS[type]).map((type) => ({
  method: 'GET' as const,
  path: `/facets/${PLURAL[type]}`,
  handler: `public.${facetsHandler(type)}`,
  config: open,
  info: { summary: `Facets of the ${PLURAL[type]} list: values and counts of the current filter` },
  rejects: FACET_REJECTED,
}));
