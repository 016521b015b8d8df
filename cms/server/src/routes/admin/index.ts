import { assessmentRoutes } from '../../assessment/routes';
import { embedRoutes } from '../../embed/routes';
import { partnerRoutes } from '../../submissions/partner-admin';
import { reviewRoutes } from '../../submissions/review/routes';

/** The plugin's admin routes (mounted under /solidarity, admin JWT and plugin RBAC): submission review, embed builder, assessment of calls, partner sites. */
export default {
  type: 'admin' as const,
  routes: [...reviewRoutes, ...embedRoutes, ...assessmentRoutes, ...partnerRoutes],
};
