import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { publicOrigin } from '../http/origin';
import { getService } from '../services/get-service';

/**
 * The embed builder's settings (admin route GET /solidarity/embed/config): the app's public URL,
 * which partners' snippets, feeds and calendars point to (behind a proxy it differs from the
 * admin's URL), and the configured locales.
 */
const embedController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async config(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const { locales: found, defaultLocale } = await getService(strapi, 'locales').current();
    ctx.body = {
      publicUrl: publicOrigin(strapi, ctx),
      locales: found.map((l) => ({ code: l.code, name: l.name, isDefault: l.code === defaultLocale })),
      defaultLocale,
    };
  },
});

export default embedController;
