import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { publicOrigin } from '../http/origin';

interface I18nLocale {
  code: string;
  name: string;
  isDefault?: boolean;
}

/**
 * The embed builder's settings (admin route GET /solidarity/embed/config): the app's public URL,
 * which partners' snippets, feeds and calendars point to (behind a proxy it differs from the
 * admin's URL), and the configured locales.
 */
const embedController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async config(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    const i18n = strapi.plugin('i18n').service('locales') as unknown as {
      find(params?: object): Promise<I18nLocale[]>;
      getDefaultLocale(): Promise<string>;
    };
    const [found, defaultLocale] = await Promise.all([i18n.find(), i18n.getDefaultLocale()]);
    ctx.body = {
      publicUrl: publicOrigin(strapi, ctx),
      locales: found.map((l) => ({ code: l.code, name: l.name, isDefault: l.code === defaultLocale })),
      defaultLocale,
    };
  },
});

export default embedController;
