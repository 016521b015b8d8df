/**
 * Admin routes of a call's assessment (mounted under /solidarity by Strapi, admin JWT required).
 * Scoring needs `plugin::solidarity.assess` (and a seat on the call's commission), decisions,
 * the commission and opening the assessment `.decide`, the ranking `.read-scores`; the call's page opens to any of the three.
 */
import { PERMISSION_ACTIONS } from '../../../../cms/shared/permissions';
import { adminCan } from '../http/routes';

export const ASSESS_ACTION = PERMISSION_ACTIONS.assess;
export const DECIDE_ACTION = PERMISSION_ACTIONS.decide;
export const READ_SCORES_ACTION = PERMISSION_ACTIONS['read-scores'];

/** An admin JWT; the controller checks that the role holds one of the three assessment permissions. */
const anyAssessmentPermission = { policies: ['admin::isAuthenticatedAdmin'] };

const CALL = '/assessment/calls/:callId';

export const assessmentRoutes = [
  { method: 'GET', path: '/assessment/calls', handler: 'assessment.calls', config: anyAssessmentPermission },
  { method: 'GET', path: CALL, handler: 'assessment.view', config: anyAssessmentPermission },
  { method: 'GET', path: `${CALL}/ranking`, handler: 'assessment.ranking', config: adminCan(READ_SCORES_ACTION) },
  { method: 'PUT', path: `${CALL}/submissions/:documentId/scores`, handler: 'assessment.score', config: adminCan(ASSESS_ACTION) },
  { method: 'POST', path: `${CALL}/submissions/:documentId/decision`, handler: 'assessment.decide', config: adminCan(DECIDE_ACTION) },
  { method: 'GET', path: `${CALL}/commission`, handler: 'assessment.commission', config: adminCan(DECIDE_ACTION) },
  { method: 'PUT', path: `${CALL}/commission`, handler: 'assessment.setCommission', config: adminCan(DECIDE_ACTION) },
  { method: 'PUT', path: `${CALL}/phase`, handler: 'assessment.openAssessment', config: adminCan(DECIDE_ACTION) },
];
