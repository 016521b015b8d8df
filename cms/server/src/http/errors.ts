import { errors } from '@strapi/utils';
import type { Context } from 'koa';

/**
 * Names no query key may have: the properties of `Object.prototype` and `__proto__`. Strapi parses
 * the query string with qs, which drops such a key silently (`allowPrototypes: false`), so that
 * `filters[constructor][$eq]=1` would read as no filter at all.
 */
export const PROTOTYPE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/** The names in a qs key (`filters[title][$eq]` → filters, title, $eq). */
const keyNames = (key: string): string[] => key.split(/[[\]]/).filter(Boolean);

/**
 * 400 for a request URL that Strapi's query parser would misread: percent-encoded
 * bytes that are not UTF-8 (in the path or the query string), and a query key
 * naming a property of `Object.prototype` anywhere (`PROTOTYPE_NAMES`), which qs
 * would drop without a word.
 */
export const assertUtf8 = (ctx: Context) => {
  for (const part of [ctx.path, ...ctx.querystring.split('&')]) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw new errors.ValidationError('The request URL is not valid UTF-8: percent-encode text as UTF-8');
    }
  }
  for (const part of ctx.querystring.split('&')) {
    const key = decodeURIComponent((part.split('=')[0] ?? '').replace(/\+/g, ' '));
    const name = keyNames(key).find((n) => PROTOTYPE_NAMES.has(n));
    if (name !== undefined) {
      const message = `"${name}" is not a parameter, attribute or operator`;
      throw new errors.ValidationError(`Invalid query parameter "${key}": ${message}`, {
        errors: [fieldError(keyNames(key), message)],
      });
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
