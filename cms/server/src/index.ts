import bootstrap from './bootstrap';
import config from './config';
import controllers from './controllers';
import contentTypes from './content-types';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';
import { submissionsRouteGuard } from './submissions/guard';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  routes,
  services,
  controllers,
  policies: {},
  /** route-level: `plugin::solidarity.submissions-guard` (submissions/guard.ts) */
  middlewares: { 'submissions-guard': submissionsRouteGuard },
};
