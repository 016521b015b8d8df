import { posix } from 'node:path';

/**
 * The request path folded the way Strapi's router matches routes (koa-router,
 * case-insensitive, optional trailing slash), and more loosely still: percent
 * escapes decoded, repeated slashes collapsed, and `.` and `..` segments
 * resolved as koa-send (`strapi::public`) resolves them once it has decoded
 * the path. A browser normalizes `/x/../uploads/...` itself, but sends
 * `/admin%2f..%2fuploads/page.html` as it is: the static server decodes it to
 * `/admin/../uploads/page.html` and serves `public/uploads/page.html`. A
 * variant the router or the static server may never match gets the checks
 * anyway; none that they match escapes them.
 */
export const foldPath = (rawPath: string): string => {
  let path = rawPath;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(path); i += 1) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  const collapsed = path.toLowerCase().replace(/[\\/]+/g, '/');
  // resolved against the root (`..` never climbs above it, as koa-send refuses to), without the trailing slash
  const resolved = posix.resolve('/', collapsed.startsWith('/') ? collapsed : `/${collapsed}`);
  return resolved === '/' ? '' : resolved;
};
