/** A public route of the plugin (mounted under /api/solidarity), as Strapi's route config plus what OpenAPI documents. */
export interface PublicRoute {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
  config: { auth: false; policies: string[]; middlewares: string[] };
  /** OpenAPI summary, and a longer description (Markdown) where the route needs one */
  info?: { summary: string; description?: string };
  /** query parameters of its type that this route refuses (documented in OpenAPI) */
  rejects?: readonly string[];
}

/** Route config of a public route: no token, no policy, no route middleware. */
export const open = { auth: false as const, policies: [], middlewares: [] };

/** Strapi's admin route config that requires an admin JWT and the RBAC action `action` (`plugin::solidarity.<name>`). */
export const adminCan = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});
