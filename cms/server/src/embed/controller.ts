import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { assertUtf8, fieldError } from '../http/errors';
import { allowAnyOrigin, publicOrigin } from '../http/origin';
import { getService } from '../services/get-service';
import { createEmbedPages, MovedError, OEMBED_HEIGHT, OEMBED_WIDTH, oembedHtml } from './pages';
import { parsePagePath } from './urls';

/** Parameters of the oEmbed endpoint (https://oembed.com section 2.2); others (WordPress adds some) are ignored. */
const dimension = (name: string, value: unknown): number | undefined => {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,5}$/.test(value) || Number(value) < 1) {
    throw new errors.ValidationError(`${name} must be a positive whole number of pixels`, {
      errors: [fieldError([name], 'a positive whole number')],
    });
  }
  return Number(value);
};

const embedController = ({ strapi }: { strapi: Core.Strapi }) => {
  const pages = createEmbedPages(strapi);
  return {
    /**
     * The embed builder's settings (admin route GET /solidarity/embed/config): the app's public URL,
     * which partners' snippets, feeds and calendars point to (behind a proxy it differs from the
     * admin's URL), and the configured locales.
     */
    async config(ctx: Context) {
      ctx.set('Cache-Control', 'no-store');
      const { locales: found, defaultLocale } = await getService(strapi, 'locales').current();
      ctx.body = {
        publicUrl: publicOrigin(strapi, ctx),
        locales: found.map((l) => ({ code: l.code, name: l.name, isDefault: l.code === defaultLocale })),
        defaultLocale,
      };
    },

    /**
     * `GET /api/solidarity/oembed?url=&maxwidth=&maxheight=&format=json` (https://oembed.com section 2):
     * a `rich` answer for a public page of this app (`url` under `<origin>/embed/`), its `html` the
     * page in an iframe (WordPress's embed markup, see ./pages.ts `oembedHtml`). 404 for a URL that is
     * not one of our published pages (whatever is wrong with it), 501 for any `format` but json
     * (section 2.3.4), 400 for a missing `url` or a malformed size.
     */
    async oembed(ctx: Context) {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      const { url, format } = ctx.query;
      if (format !== undefined && format !== 'json') {
        // section 2.3.4: a format the provider does not answer (xml, or anything else) is a 501
        ctx.status = 501;
        ctx.body = {
          data: null,
          error: { status: 501, name: 'NotImplementedError', message: 'Only format=json is available', details: {} },
        };
        return;
      }
      if (typeof url !== 'string' || !url) {
        throw new errors.ValidationError('url is required: the address of a public page', { errors: [fieldError(['url'], 'required')] });
      }
      const maxwidth = dimension('maxwidth', ctx.query.maxwidth);
      const maxheight = dimension('maxheight', ctx.query.maxheight);
      const origin = publicOrigin(strapi, ctx);
      await getService(strapi, 'cache').serve(ctx, async () => {
        let target: URL;
        try {
          target = new URL(url);
        } catch {
          throw new errors.NotFoundError('Not a page of this network');
        }
        const page = target.origin === new URL(origin).origin ? parsePagePath(target.pathname) : null;
        if (!page) throw new errors.NotFoundError('Not a page of this network');
        // as the page reads its own query (Koa's ctx.query): a repeated parameter is an array
        const queryOf = (u: URL) => {
          const query: Record<string, string | string[]> = {};
          for (const key of new Set(u.searchParams.keys())) {
            const values = u.searchParams.getAll(key);
            query[key] = values.length === 1 ? (values[0] as string) : values;
          }
          return query;
        };
        // section 2.2: a URL the provider has no representation for (an unknown slug, locale or filter,
        // parameters a page does not take, even after following a redirect) is a 404, never a 400
        const loadOrNotFound = async (at: typeof page, u: URL) => {
          try {
            return await pages.load(at, queryOf(u), origin);
          } catch (error) {
            if (error instanceof errors.ValidationError) throw new errors.NotFoundError('Not a page of this network');
            throw error;
          }
        };
        let found;
        try {
          found = await loadOrNotFound(page, target);
        } catch (error) {
          if (!(error instanceof MovedError)) throw error;
          // the canonical address (its locale, its filters' canonical values): one redirect, then the page or a 404
          const location = new URL(error.location);
          const moved = parsePagePath(location.pathname);
          if (!moved) throw new errors.NotFoundError('Not a page of this network');
          try {
            found = await loadOrNotFound(moved, location);
          } catch (again) {
            if (again instanceof MovedError) throw new errors.NotFoundError('Not a page of this network');
            throw again;
          }
        }
        const network = getService(strapi, 'feeds').networkName();
        const width = Math.min(OEMBED_WIDTH, maxwidth ?? OEMBED_WIDTH);
        const height = Math.min(found.list ? OEMBED_HEIGHT.list : OEMBED_HEIGHT.document, maxheight ?? Infinity);
        const body = {
          version: '1.0',
          type: 'rich',
          title: found.title,
          ...(found.authors.length ? { author_name: found.authors.join(', ') } : {}),
          provider_name: network,
          provider_url: `${origin}/`,
          cache_age: 3600,
          width,
          height,
          html: oembedHtml(found, network, origin, width, height),
        };
        return { body: JSON.stringify(body), type: 'application/json; charset=utf-8' };
      });
    },
  };
};

export default embedController;
