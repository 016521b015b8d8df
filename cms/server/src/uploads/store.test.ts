import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import { s3ObjectParams, storeUploadsInert } from './store';

/**
 * Uploads on an S3-compatible store are written with their type and a disposition per type, as the
 * app serves its own /uploads. (The whole path, with a real store behind nginx, is in test/scale.)
 */
describe('S3 object parameters', () => {
  it('keeps raster images, audio and video inline and makes everything else an attachment', () => {
    expect(s3ObjectParams({ mime: 'image/png' })).toEqual({ ContentType: 'image/png', ContentDisposition: 'inline' });
    expect(s3ObjectParams({ mime: 'video/mp4' })).toEqual({ ContentType: 'video/mp4', ContentDisposition: 'inline' });
    expect(s3ObjectParams({ mime: 'application/pdf' })).toEqual({ ContentType: 'application/pdf', ContentDisposition: 'attachment' });
    expect(s3ObjectParams({ mime: 'text/plain; charset=utf-8' })).toEqual({ ContentType: 'text/plain', ContentDisposition: 'attachment' });
    // never reached (refused at upload), but never inline either
    expect(s3ObjectParams({ mime: 'image/svg+xml' }).ContentDisposition).toBe('attachment');
    expect(s3ObjectParams({ mime: 'text/html' }).ContentDisposition).toBe('attachment');
    expect(s3ObjectParams({ mime: null })).toEqual({ ContentType: 'application/octet-stream', ContentDisposition: 'attachment' });
  });
});

type Call = [Record<string, unknown>, Record<string, unknown> | undefined];

const fakeStrapi = (provider: string, actionOptions: Record<string, unknown> = {}) => {
  const calls: Call[] = [];
  const uploadProvider = {
    async upload(file: Record<string, unknown>, options?: Record<string, unknown>) {
      calls.push([file, options]);
    },
    async uploadStream(file: Record<string, unknown>, options?: Record<string, unknown>) {
      calls.push([file, options]);
    },
    extend(obj: object) {
      Object.assign(this, obj);
    },
  };
  const config: Record<string, unknown> = { 'plugin::upload.provider': provider, 'plugin::upload.actionOptions': actionOptions };
  // a structural stand-in: storeUploadsInert reads the upload config and the upload plugin's provider only
  const strapi = { config: { get: (key: string) => config[key] }, plugin: () => ({ provider: uploadProvider }) } as unknown as Core.Strapi;
  return { strapi, provider: uploadProvider, calls };
};

describe('storeUploadsInert', () => {
  it('adds the type and disposition to every upload on aws-s3, over the configured upload params', async () => {
    // Strapi's actionOptions are per provider method
    const params = { CacheControl: 'max-age=31536000', ContentDisposition: 'inline' };
    const { strapi, provider, calls } = fakeStrapi('aws-s3', { upload: params, uploadStream: params });
    storeUploadsInert(strapi);
    await provider.uploadStream({ mime: 'application/pdf' });
    await provider.upload({ mime: 'image/webp' }, { ACL: 'private' });
    expect(calls[0]?.[1]).toEqual({ CacheControl: 'max-age=31536000', ContentType: 'application/pdf', ContentDisposition: 'attachment' });
    expect(calls[1]?.[1]).toEqual({ ACL: 'private', ContentType: 'image/webp', ContentDisposition: 'inline' });
  });

  it('leaves the local provider as it is', async () => {
    const { strapi, provider, calls } = fakeStrapi('local');
    storeUploadsInert(strapi);
    await provider.upload({ mime: 'application/pdf' });
    expect(calls[0]?.[1]).toBeUndefined();
  });
});
