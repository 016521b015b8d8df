/**
 * The public origin (PUBLIC_URL) may differ from the admin's behind a proxy:
 * the embed builder's live preview loads the widget bundle from it.
 */
const publicOrigin = (() => {
  try {
    return process.env.PUBLIC_URL ? new URL(process.env.PUBLIC_URL).origin : null;
  } catch {
    return null;
  }
})();
const extra = publicOrigin ? [publicOrigin] : [];

export default [
  'strapi::logger',
  // Logs `/complete/…`, never the completion link's secret (cms/server/src/submissions/completion/log.ts).
  'plugin::solidarity.completion-log',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      // Partner sites show the network's images and load its widget bundle.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // No 'unsafe-inline': the built admin panel loads its scripts from files, and so do the
          // demo pages and widgets. (Strapi itself adds it to /admin in development and test only,
          // for Vite's dev server.) A page stored in the Media Library cannot run inline script.
          'script-src': ["'self'", ...extra],
          'connect-src': ["'self'", 'https:', ...extra],
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'media-src': ["'self'", 'data:', 'blob:', 'https:'],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // Public reads answer `*` (set by the plugin's routes); nothing is ever shared with credentials.
      credentials: false,
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
      expose: ['ETag', 'Retry-After'],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      // A body that does not parse is the client's mistake: a 400 that quotes none of it (logs included).
      onError: (_error: unknown, ctx: { throw(status: number, message: string): never }) => {
        ctx.throw(400, 'The request body is not valid JSON');
      },
    },
  },
  // No HTML, SVG, XML or script in uploads, whatever their name says (cms/server/src/uploads).
  'plugin::solidarity.upload-guard',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
