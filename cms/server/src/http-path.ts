/**
 * The request path folded the way Strapi's router matches routes (koa-router,
 * case-insensitive, optional trailing slash), and more loosely still: percent
 * escapes decoded, repeated slashes collapsed. A variant the router may never
 * match gets the checks anyway; none that it matches escapes them.
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
  return path.toLowerCase().replace(/[\\/]+/g, '/').replace(/\/+$/, '');
};
