import bootstrap from './bootstrap';
import config from './config';
import controllers from './controllers';
import contentTypes from './content-types';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';
import { submissionsRouteGuard } from './submissions/guard';
import { uploadGuard } from './uploads/serve';
import { completionLog } from './submissions/completion/log';

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
  middlewares: {
    /** route-level on the submission routes (submissions/guard.ts) */
    'submissions-guard': submissionsRouteGuard,
    /** app-level after strapi::body (config/middlewares.ts): no active content in uploads (uploads/serve.ts) */
    'upload-guard': uploadGuard,
    /** app-level right after strapi::logger (config/middlewares.ts): the completion link's secret never logged */
    'completion-log': completionLog,
  },
};
