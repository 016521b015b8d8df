import { rm } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { foldPath } from '../http/path';
import { fieldError, type FieldError } from '../http/errors';
import { checkUpload, INLINE_TYPES, type UploadedFile } from './active-content';

/**
 * The Content-Security-Policy of every file under /uploads: a sandboxed
 * document with its own opaque origin that may load nothing, so that even a
 * page stored there can neither run script nor reach the app's origin.
 */
export const UPLOADS_CSP = "sandbox; default-src 'none'";

/**
 * Headers of every response under /uploads (whatever the path's case or
 * escapes): the sandboxing CSP, `X-Content-Type-Options: nosniff`, and
 * `Content-Disposition: attachment` for every type but raster images, audio
 * and video, which render without running anything. Mounted before Strapi's
 * middleware stack (register.ts), so it has the last word on these headers.
 */
export const uploadHeaders = () => async (ctx: Context, next: Next) => {
  if (!foldPath(ctx.path).startsWith('/uploads/')) return next();
  try {
    await next();
  } finally {
    ctx.set('Content-Security-Policy', UPLOADS_CSP);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('Content-Disposition', INLINE_TYPES.test(ctx.response.type) ? 'inline' : 'attachment');
  }
};

const filesOf = (files: unknown): UploadedFile[] => {
  if (!files || typeof files !== 'object') return [];
  return Object.values(files as Record<string, UploadedFile | UploadedFile[]>).flatMap((f) => (Array.isArray(f) ? f : [f]));
};

/**
 * `plugin::solidarity.upload-guard` (config/middlewares.ts, after strapi::body):
 * every multipart file of any request, the Media Library's `POST /upload` and
 * the Content API's `POST /api/upload` included, is checked by
 * `checkUpload`; a request with one active file stores none and gets a 400
 * ValidationError in Strapi's format, one entry per refused file
 * (`details.errors[].path` = `['files', index]`, the index in the body parser's array, which follows
 * the order the files finished writing, so each message also names its file).
 */
export const uploadGuard =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    const files = filesOf('files' in ctx.request ? ctx.request.files : undefined);
    if (!files.length) return next();
    const refused: FieldError[] = [];
    for (const [index, file] of files.entries()) {
      const verdict = await checkUpload(file);
      if (!verdict.ok) {
        const name = file.originalFilename ?? file.name ?? `file ${index + 1}`;
        refused.push(fieldError(['files', index], `${name}: ${verdict.reason}`));
      }
    }
    if (refused.length) {
      // nothing of the request is stored: its temporary files go too
      await Promise.all(files.map((f) => (f.filepath ?? f.path ? rm(String(f.filepath ?? f.path), { force: true }).catch(() => undefined) : undefined)));
      strapi.log.warn(`Upload refused (active content): ${refused.map((r) => r.message).join('; ')}`);
      const hint = 'HTML, SVG, XML, scripts and style sheets are not accepted: upload images as PNG, JPEG or WebP, documents as PDF';
      throw new errors.ValidationError(refused.length === 1 ? `${refused[0]?.message}. ${hint}` : `${refused.length} files were refused. ${hint}`, {
        errors: refused,
      });
    }
    return next();
  };
