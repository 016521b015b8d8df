/**
 * Admin routes of the submission review (mounted under /solidarity by Strapi,
 * admin JWT required): reviewers need `plugin::solidarity.review`, erasing
 * needs `plugin::solidarity.erase`.
 */
import { PERMISSION_ACTIONS } from '../../../../../cms/shared/permissions';
import { adminCan } from '../../http/routes';

export const REVIEW_ACTION = PERMISSION_ACTIONS.review;
export const ERASE_ACTION = PERMISSION_ACTIONS.erase;

export const reviewRoutes = [
  { method: 'GET', path: '/submissions', handler: 'review.list', config: adminCan(REVIEW_ACTION) },
  { method: 'GET', path: '/submissions/:documentId', handler: 'review.findOne', config: adminCan(REVIEW_ACTION) },
  { method: 'GET', path: '/submissions/:documentId/locales', handler: 'review.locales', config: adminCan(REVIEW_ACTION) },
  { method: 'POST', path: '/submissions/:documentId/actions', handler: 'review.act', config: adminCan(REVIEW_ACTION) },
  { method: 'POST', path: '/submissions/:documentId/promoters', handler: 'review.promoter', config: adminCan(REVIEW_ACTION) },
  { method: 'DELETE', path: '/submissions/:documentId', handler: 'review.erase', config: adminCan(ERASE_ACTION) },
  // the contact's link to complete the fiche (../completion/): its state, send or send again, revoke
  { method: 'GET', path: '/submissions/:documentId/completion-link', handler: 'review.completionLink', config: adminCan(REVIEW_ACTION) },
  { method: 'POST', path: '/submissions/:documentId/completion-link', handler: 'review.sendCompletionLink', config: adminCan(REVIEW_ACTION) },
  { method: 'DELETE', path: '/submissions/:documentId/completion-link', handler: 'review.revokeCompletionLink', config: adminCan(REVIEW_ACTION) },
];
