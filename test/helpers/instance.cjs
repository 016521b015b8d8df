// One Strapi instance in a process of its own, booted from dist/ as test/helpers/strapi.ts does:
// load() runs the register and bootstrap phases (locales, demo admin, seeding), then it stops.
// The database and options come from the environment the parent test passes.
// Prints one line `{"ready":true}` once bootstrapped; exits 0, or 1 with the error on stderr.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const APP_ROOT = path.resolve(__dirname, '..', '..');

(async () => {
  const strapi = createStrapi({
    appDir: APP_ROOT,
    distDir: path.join(APP_ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = process.env.TEST_LOG_LEVEL || 'info';
  await strapi.load();
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
