import { embedRoutes } from '../../embed/routes';
import { reviewRoutes } from '../../submissions/review/routes';

/** The plugin's admin routes (mounted under /solidarity, admin JWT and plugin RBAC): submission review, embed builder. */
export default {
  type: 'admin' as const,
  routes: [...reviewRoutes, ...embedRoutes],
};
