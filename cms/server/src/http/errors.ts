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

/** One entry of `error.details.errors` in Strapi's validation error format: which input, and what is wrong with it. */
export interface FieldError {
  path: (string | number)[];
  message: string;
  name: 'ValidationError';
}

/** `{ path, message, name: 'ValidationError' }`, an entry of `error.details.errors` (Strapi's format). */
export const fieldError = (path: (string | number)[], message: string): FieldError => ({ path, message, name: 'ValidationError' });
