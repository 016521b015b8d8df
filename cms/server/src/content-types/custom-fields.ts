import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isCountryCode } from './countries';
import { UID } from './uids';
import { fieldError } from '../http/errors';

/**
 * The plugin's custom fields: the same stored values as a plain attribute of their `type`, with an input
 * in the Content Manager that shows names instead of codes (the admin side is in `cms/admin/src/fields`).
 *
 * - `plugin::solidarity.country` (a string): an ISO 3166-1 alpha-2 code, picked from the list of
 *   countries named in the editor's language.
 * - `plugin::solidarity.review-status` (an enumeration): a review status, shown with its translated label.
 * - `plugin::solidarity.session-status` (an enumeration): a session's status (scheduled, moved, cancelled),
 *   shown with its translated label.
 *
 * Must run in `register`: Strapi swaps `customField` attributes for their `type` right after the
 * plugins' `register` lifecycle.
 */
export const registerCustomFields = (strapi: Core.Strapi): void => {
  strapi.customFields.register([
    { name: 'country', plugin: 'solidarity', type: 'string', inputSize: { default: 6, isResizable: true } },
    { name: 'review-status', plugin: 'solidarity', type: 'enumeration', inputSize: { default: 6, isResizable: true } },
    { name: 'session-status', plugin: 'solidarity', type: 'enumeration', inputSize: { default: 6, isResizable: true } },
  ]);
  strapi.documents.use(countryRule);
};

const WITH_COUNTRY = new Set<string>([UID.practice, UID.organisation]);
const SAVES = new Set(['create', 'update', 'clone']);
const MESSAGE = 'country must be an ISO 3166-1 alpha-2 code such as ES or GR';

/**
 * Refuses a country outside `COUNTRY_CODES` on every save, draft or not, with a 400 ValidationError
 * naming the field (the Content Manager shows it under the input). Strapi checks the schema's `regex`
 * only when publishing, and drafts would otherwise keep any two letters. `null` or `''` clear the field.
 */
const countryRule: Parameters<Core.Strapi['documents']['use']>[0] = async (context, next) => {
  if (WITH_COUNTRY.has(context.uid) && SAVES.has(context.action)) {
    const data = (context.params as { data?: Record<string, unknown> }).data;
    const country = data?.country;
    if (country !== undefined && country !== null && country !== '' && !(typeof country === 'string' && isCountryCode(country))) {
      throw new errors.ValidationError(MESSAGE, { errors: [fieldError(['country'], MESSAGE, country)] });
    }
  }
  return next();
};
