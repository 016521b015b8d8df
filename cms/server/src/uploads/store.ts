import type { Core } from '@strapi/strapi';
import { INLINE_TYPES } from './active-content';

/** One file as Strapi's upload service hands it to a provider (the fields used here). */
interface ProviderFile {
  mime?: string | null;
}

type ProviderMethod = (file: ProviderFile, options?: Record<string, unknown>) => Promise<unknown>;

/**
 * What an S3 object is stored with, so that the store serves it as the app
 * serves `/uploads` (./serve.ts): its own type (never guessed by the store),
 * and `Content-Disposition: inline` for raster images, audio and video only,
 * `attachment` for everything else. S3 keeps these two headers with the
 * object (PutObject `ContentType`, `ContentDisposition`) and sends them on
 * every GET; the sandboxing CSP and `nosniff` cannot be stored with an object,
 * so the proxy or CDN in front of the store adds them (README "Several instances").
 */
export const s3ObjectParams = (file: ProviderFile): { ContentType: string; ContentDisposition: 'inline' | 'attachment' } => {
  const type = (file.mime ?? '').split(';')[0]?.trim() || 'application/octet-stream';
  return { ContentType: type, ContentDisposition: INLINE_TYPES.test(type) ? 'inline' : 'attachment' };
};

/**
 * With the `aws-s3` upload provider, every upload (`upload`, `uploadStream`)
 * gets {@link s3ObjectParams} merged over the params the caller passed, else
 * over the configured `actionOptions.upload` / `actionOptions.uploadStream`
 * (Strapi's static params per provider method, which cannot depend on the
 * file's type). Other providers are left as they are. Called at bootstrap,
 * after the upload plugin created its provider.
 */
export const storeUploadsInert = (strapi: Core.Strapi): void => {
  if (String(strapi.config.get('plugin::upload.provider') ?? 'local').toLowerCase() !== 'aws-s3') return;
  // the upload plugin's provider object is not typed by @strapi/types (it is `any` on the plugin)
  const provider = strapi.plugin('upload').provider as Record<string, ProviderMethod | undefined> & { extend(o: object): void };
  const actionOptions = (strapi.config.get('plugin::upload.actionOptions') ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const wrapped: Record<string, ProviderMethod> = {};
  for (const name of ['upload', 'uploadStream'] as const) {
    const original = provider[name];
    if (typeof original !== 'function') continue;
    wrapped[name] = (file, options) => original.call(provider, file, { ...(options ?? actionOptions[name] ?? {}), ...s3ObjectParams(file) });
  }
  provider.extend(wrapped);
};
