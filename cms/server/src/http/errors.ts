import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/** 400 for percent-encoded bytes that are not UTF-8, in the path or the query string. */
export const assertUtf8 = (ctx: Context) => {
  for (const part of [ctx.path, ...ctx.querystring.split('&')]) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new errors.ValidationError('The request URL is not valid UTF-8: percent-encode text as UTF-8');
    }
  }
};
