import bootstrap from './bootstrap';
import config from './config';
import controllers from './controllers';
import contentTypes from './content-types';
import destroy from './destroy';
import register from './register';
import routes from './routes';
import services from './services';

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
  middlewares: {},
};
