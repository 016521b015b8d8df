import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { buildOpenApi } from '../openapi/document';
import { hasJsonLd, inlineSafeJson, JSONLD_CONTENT_TYPE, JSONLD_MEDIA_TYPE, toJsonLd } from '../feeds/jsonld';
import { CONTENT_TYPE_NAMES, HANDLERS } from '../content-types/uids';
import { assertUtf8, fieldError } from '../http/errors';
import { preferredMediaType } from '../http/accept';
import { allowAnyOrigin, publicOrigin } from '../http/origin';
import { getService } from '../services/get-service';
import { FACETS } from './repository';
import { facetsHandler } from './routes';


/** `findPractices`, `findOnePractice`, ... for every public type. */
const publicController = ({ strapi }: { strapi: Core.Strapi }) => {
  const api = () => getService(strapi, 'public-api');
  const cache = () => getService(strapi, 'cache');

  const handlers: Record<string, (ctx: Context) => Promise<void>> = {};
  for (const type of CONTENT_TYPE_NAMES) {
    handlers[HANDLERS.list(type)] = async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      await cache().serve(
        ctx,
        async () => {
          const { data, meta } = await api().list({
            type,
            query: ctx.query as Record<string, unknown>,
            origin: publicOrigin(strapi, ctx),
          });
          return { body: JSON.stringify({ data, meta }), type: 'application/json; charset=utf-8' };
        }
      );
    };
    handlers[HANDLERS.one(type)] = async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      await cache().serve(
        ctx,
        async () => {
          const origin = publicOrigin(strapi, ctx);
          const { data, meta } = await api().findOne({
            type,
            idOrSlug: String(ctx.params.idOrSlug),
            query: ctx.query as Record<string, unknown>,
            origin,
          });
          // JSON-LD (schema.org) on `?format=jsonld` or `Accept: application/ld+json`.
          if (ctx.query.format === 'jsonld' && !hasJsonLd(type)) {
            throw new errors.ValidationError('format=jsonld is available for practices, sessions and statements', {
              errors: [fieldError(['format'], 'no JSON-LD for this type')],
            });
          }
          const jsonLd =
            hasJsonLd(type) &&
            (ctx.query.format === 'jsonld' || preferredMediaType(ctx.get('Accept'), ['application/json', JSONLD_MEDIA_TYPE]) === JSONLD_MEDIA_TYPE);
          if (jsonLd) return { body: inlineSafeJson(toJsonLd(type, data, origin)), type: JSONLD_CONTENT_TYPE };
          return { body: JSON.stringify({ data, meta }), type: 'application/json; charset=utf-8' };
        }
      );
    };
  }
  for (const type of CONTENT_TYPE_NAMES.filter((t) => FACETS[t])) {
    // cached and ETag'd like the lists: the content version changes with every publish
    handlers[facetsHandler(type)] = async (ctx) => {
      allowAnyOrigin(ctx);
      assertUtf8(ctx);
      await cache().serve(ctx, async () => {
        const body = await api().facets({ type, query: ctx.query as Record<string, unknown>, origin: publicOrigin(strapi, ctx) });
        return { body: JSON.stringify(body), type: 'application/json; charset=utf-8' };
      });
    };
  }
  handlers.openapi = async (ctx) => {
    allowAnyOrigin(ctx);
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = buildOpenApi(publicOrigin(strapi, ctx));
  };
  return handlers;
};

export default publicController;
