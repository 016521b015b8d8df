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
  /** the refused value, when showing it helps (Strapi's own validator adds it too) */
  value?: unknown;
}

/**
 * `{ path, message, name: 'ValidationError' }` (and `value` when given), an entry
 * of `error.details.errors` in Strapi's format. Every such entry the plugin
 * sends is built here.
 */
export const fieldError = (path: (string | number)[], message: string, ...value: [] | [unknown]): FieldError => ({
  path,
  message,
  name: 'ValidationError',
  ...(value.length ? { value: value[0] } : {}),
});

/**
 * A 400 ValidationError about one input: `message` is both the error's and the
 * field's (`error.details.errors[0]`); `details` adds to the error's details.
 */
export const invalidField = (
  path: (string | number)[],
  message: string,
  details: Record<string, unknown> = {}
): errors.ValidationError => new errors.ValidationError(message, { errors: [fieldError(path, message)], ...details });
