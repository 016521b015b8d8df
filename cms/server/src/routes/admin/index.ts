/**
 * Admin routes of the submission review (mounted under /solidarity by Strapi,
 * admin JWT required): reviewers need `plugin::solidarity.review`, erasing
 * needs `plugin::solidarity.erase`.
 */
import { embedRoutes } from '../../embed/routes';

const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

export const REVIEW_ACTION = 'plugin::solidarity.review';
export const ERASE_ACTION = 'plugin::solidarity.erase';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/submissions', handler: 'review.list', config: can(REVIEW_ACTION) },
    { method: 'GET', path: '/submissions/:documentId', handler: 'review.findOne', config: can(REVIEW_ACTION) },
    { method: 'POST', path: '/submissions/:documentId/actions', handler: 'review.act', config: can(REVIEW_ACTION) },
    { method: 'DELETE', path: '/submissions/:documentId', handler: 'review.erase', config: can(ERASE_ACTION) },
    ...embedRoutes,
  ],
};
