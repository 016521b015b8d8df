/** Admin routes of the embed builder (mounted under /solidarity, admin JWT + `plugin::solidarity.embed`). */
export const EMBED_ACTION = 'plugin::solidarity.embed';

export const embedRoutes = [
  {
    method: 'GET',
    path: '/embed/config',
    handler: 'embed.config',
    config: {
      policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [EMBED_ACTION] } }],
    },
  },
];
