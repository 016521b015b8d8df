import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { createHash } from 'node:crypto';
import { isStar, matches } from '../http/cache';
import { preferredEncoding } from '../http/compression';
import { publicOrigin } from '../http/origin';
import { escapeHtml } from '../feeds/blocks';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/**
 * The directory of dist/ whose every file is named by its content: the widgets' build
 * (widgets/rollup.config.mjs) writes the components and their shared and locale chunks there with
 * rollup's `[hash]` in each name (`entryFileNames`, `chunkFileNames`), and their .br/.gz and source
 * maps next to them. A file there never changes: it is cached for a year. Everything else in dist/
 * (the `solidarity.js` entry partners include) keeps its name across builds.
 */
const HASHED_DIR = 'chunks';

/** The directory of the widgets package: plugin config `widgets.dir`, else `<app>/widgets`. */
export const widgetsDir = (strapi: Core.Strapi): string =>
  (strapi.plugin('solidarity').config('widgets.dir') as string | undefined) ?? path.join(strapi.dirs.app.root, 'widgets');

/**
 * `rel` (percent-encoded, from the URL) resolved under `root`, or null when it leaves `root`, does not
 * decode, or names a dotfile or dot directory (the build's `.solidarity-build` fingerprint is not public).
 */
const safeJoin = (root: string, rel: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  if (decoded.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return null;
  const full = path.resolve(root, `.${path.sep}${decoded}`);
  return full.startsWith(path.resolve(root) + path.sep) ? full : null;
};

/** Suffix of the file compressed at build time (widgets/rollup.config.mjs) for each encoding. */
const PRECOMPRESSED = { br: '.br', gzip: '.gz' } as const;

/**
 * The file's build-time compressed form (`<file>.br`, `<file>.gz`) in the
 * encoding the client prefers, when there is one and it is not older than the
 * file; null otherwise (koa-compress then compresses on the fly).
 */
const precompressed = async (ctx: Context, file: string, mtimeMs: number) => {
  const encoding = preferredEncoding(ctx);
  if (!encoding) return null;
  const variant = file + PRECOMPRESSED[encoding];
  const stat = await fs.stat(variant).catch(() => null);
  return stat?.isFile() && stat.mtimeMs >= mtimeMs ? { encoding, file: variant, size: stat.size } : null;
};

/**
 * Sets 304 when the request's If-None-Match lists `etag` (weak comparison, a list of tags) or is `*`
 * (the file exists here), as RFC 9110 section 13.1.2 says; the API's own matching (../http/cache.ts).
 */
const notModified = (ctx: Context, etag: string): boolean => {
  const header = ctx.get('If-None-Match');
  if (!matches(header, etag) && !isStar(header)) return false;
  ctx.status = 304;
  return true;
};

const sendFile = async (ctx: Context, file: string | null, cacheControl: (file: string) => string) => {
  const stat = file ? await fs.stat(file).catch(() => null) : null;
  if (!file || !stat?.isFile()) throw new errors.NotFoundError('Not Found');
  // weak: the same validator for every encoding of the file (see http/compression.ts)
  const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.remove('Access-Control-Allow-Credentials');
  ctx.set('Cache-Control', cacheControl(file));
  ctx.set('ETag', etag);
  ctx.vary('Accept-Encoding');
  if (notModified(ctx, etag)) return;
  ctx.type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const variant = await precompressed(ctx, file, stat.mtimeMs);
  if (variant) {
    ctx.set('Content-Encoding', variant.encoding);
    ctx.length = variant.size;
    ctx.body = createReadStream(variant.file);
    return;
  }
  ctx.length = stat.size;
  ctx.body = createReadStream(file);
};

/** The placeholder of the app's address in the demo pages' snippets. */
export const ORIGIN_PLACEHOLDER = '{{origin}}';

/**
 * Sends a demo HTML page with every `{{origin}}` replaced by the app's public origin (`publicOrigin`,
 * HTML-escaped), so the copy-ready snippets name this server without JavaScript. Its weak ETag covers
 * the file and the origin; 404 when the file does not exist.
 */
const sendDemoHtml = async (strapi: Core.Strapi, ctx: Context, file: string | null) => {
  const stat = file ? await fs.stat(file).catch(() => null) : null;
  if (!file || !stat?.isFile()) throw new errors.NotFoundError('Not Found');
  const origin = publicOrigin(strapi, ctx);
  const html = (await fs.readFile(file, 'utf8')).replaceAll(ORIGIN_PLACEHOLDER, escapeHtml(origin));
  const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
  ctx.set('Cache-Control', 'public, max-age=60');
  ctx.set('ETag', etag);
  ctx.vary('Accept-Encoding');
  if (notModified(ctx, etag)) return;
  ctx.type = TYPES['.html'] ?? 'text/html; charset=utf-8';
  ctx.body = html;
};

/**
 * Serves the built widget bundle at /widgets/* (any origin may load it) and
 * the demo partner site at /demo, /demo/<page>.
 */
export const registerStaticRoutes = (strapi: Core.Strapi) => {
  const dist = () => path.join(widgetsDir(strapi), 'dist');
  const demo = () => path.join(widgetsDir(strapi), 'demo');
  const open = { auth: false as const };

  const bundle = async (ctx: Context) => {
    const rel = String(ctx.params.path ?? '');
    await sendFile(ctx, safeJoin(dist(), rel), (file) =>
      path.relative(dist(), file).split(path.sep)[0] === HASHED_DIR
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300, stale-while-revalidate=86400'
    );
  };

  const demoPage = async (ctx: Context) => {
    const page = String(ctx.params.page ?? 'index');
    if (/^[a-z0-9-]+\.(js|css)$/.test(page)) {
      await sendFile(ctx, safeJoin(demo(), page), () => 'public, max-age=60');
      return;
    }
    if (!/^[a-z0-9-]+$/.test(page)) throw new errors.NotFoundError('Not Found');
    // The demo pages only load the bundle and talk to this API.
    ctx.set(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'self'"
    );
    await sendDemoHtml(strapi, ctx, safeJoin(demo(), `${page}.html`));
  };

  strapi.server.routes([
    { method: 'GET', path: '/widgets/:path(.*)', handler: bundle, config: open },
    { method: 'GET', path: '/demo', handler: demoPage, config: open },
    { method: 'GET', path: '/demo/:page', handler: demoPage, config: open },
  ]);
};
