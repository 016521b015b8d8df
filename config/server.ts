import { requireSecret } from './secrets';

export default ({ env }: { env: EnvFn }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // Public URL of the app (the one partners and feeds point to). Behind a proxy
  // it differs from the admin URL; see README "Behind a load balancer".
  url: env('PUBLIC_URL', ''),
  // Trust X-Forwarded-* from the load balancer so client IPs and URLs are right
  // (Strapi 5 reads Koa's setting from `proxy.koa`).
  proxy: { koa: env.bool('IS_PROXIED', false) },
  app: {
    keys: requireSecret(env, 'APP_KEYS', 'dev-only-app-key-1,dev-only-app-key-2').split(','),
  },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});
