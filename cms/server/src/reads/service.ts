import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { contentTypes, errors } from '@strapi/utils';
import { parsePublicQuery, type RestParams, type Shortcuts } from './params';
import { checkPublicFields, checkPublicFilters, checkPublicPopulate, refuseForbiddenNames, type FilterModel, type GetModel } from './filters';
import { hiddenFromPublic } from './public-attributes';
import { SHAPES, type NarrowedDocument, type PublicFacetValue } from './shapes';
import { checkedSort, createRepository, FACETS, type Entry, type FacetValue } from './repository';
import { fallbackChain, matchLocale, type FallbackConfig } from '../locales/fallback';
import { rejectKeys } from '../feeds/query';
import { countryName } from '../content-types/countries';
import { parseFields, present, type PresentContext } from './presenters';
import { UID, type ContentTypeName } from '../content-types/uids';
import { getService } from '../services/get-service';
import { fieldError } from '../http/errors';
import { truncateText } from '../http/truncate';
import { createOutputSanitizer } from './sanitize';

export interface PublicQuery<T extends ContentTypeName = ContentTypeName> {
  type: T;
  query: Record<string, unknown>;
  origin: string;
  /** keys a route accepts beyond the type's own (feeds: none yet) */
  extraKeys?: readonly string[];
}

/**
 * The read side of the public API: validates a request's parameters (zod for
 * the shortcuts, Strapi's own validator for filters/sort/fields/populate),
 * resolves the locale, reads through the repository and returns sanitized,
 * shaped documents.
 */
const publicApiService = ({ strapi }: { strapi: Core.Strapi }) => {
  const repo = createRepository(strapi);
  // The locale list changes only when an admin adds a locale; a few seconds of reuse is harmless.
  const locales = () => getService(strapi, 'locales').cached();

  const fallbacks = (): FallbackConfig => (strapi.plugin('solidarity').config('fallbacks') ?? {}) as FallbackConfig;

  /**
   * The locale of a request (default: the default locale), its fallback chain
   * (locales/fallback.ts) and the app's locales; a region locale (`ca-ES`,
   * `el_GR`) stands for its language (`matchLocale`); a 400 naming the
   * locales when the app has no such locale.
   */
  const resolveLocale = async (requested: string | undefined) => {
    const { codes, defaultLocale } = await locales();
    const chainOf = (locale: string) => fallbackChain(locale, codes, defaultLocale, fallbacks());
    if (requested === undefined) return { locale: defaultLocale, defaultLocale, codes, chain: chainOf(defaultLocale) };
    const match = matchLocale(requested, codes);
    if (!match) {
      throw new errors.ValidationError(`Unknown locale "${requested}": use one of ${codes.join(', ')}`, {
        errors: [fieldError(['locale'], `must be one of ${codes.join(', ')}`)],
        available: codes,
      });
    }
    return { locale: match, defaultLocale, codes, chain: chainOf(match) };
  };

  // filter paths name relation targets by their UID string: content types or components
  const getModel: GetModel = (uid) => strapi.getModel(uid as StrapiUID.Schema);

  /**
   * Checks `filters` against the public grammar (and rewrites relation filters
   * to published rows, see ./filters), refuses private and admin names,
   * then runs Strapi's own validator. Any failure is a 400: this only reads
   * the client's parameters.
   */
  const validateRest = async (type: ContentTypeName, rest: RestParams) => {
    const schema = strapi.getModel(UID[type]);
    refuseForbiddenNames({ sort: rest.sort, fields: rest.fields, populate: rest.populate });
    checkPublicFields(rest.fields);
    if (rest.sort !== undefined) checkedSort(type, rest.sort);
    if (rest.filters !== undefined) {
      rest.filters = checkPublicFilters(
        rest.filters,
        getModel(UID[type]) as FilterModel,
        getModel,
        (model, name) =>
          // the model comes from strapi.getModel: Strapi's own check reads it as such
          contentTypes.isPrivateAttribute(model as unknown as Parameters<typeof contentTypes.isPrivateAttribute>[0], name) ||
          hiddenFromPublic(model, name)
      );
    }
    const shape = SHAPES[type];
    checkPublicPopulate(rest.populate, [...Object.keys(shape.populate), ...Object.keys(shape.detailPopulate ?? {})]);
    const { filters, sort, fields, populate } = rest;
    // Strapi's validator checks only the parameters that are set (truthy): without any, it has nothing to do
    if (!filters && !sort && !fields && !populate) return;
    try {
      await strapi.contentAPI.validate.query({ filters, sort, fields, populate }, schema, {});
    } catch (error) {
      if (error instanceof errors.ValidationError) throw error;
      // Strapi's validator throws plain errors on shapes it does not expect: still the client's input
      throw new errors.ValidationError(
        truncateText(`Invalid query parameters: ${error instanceof Error ? error.message : String(error)}`, 300)
      );
    }
  };

  // Strapi's content-API output sanitizer, in one synchronous walk (./sanitize.ts)
  const sanitizeOutput = createOutputSanitizer(strapi);
  const sanitize = (type: ContentTypeName, entry: Entry) => sanitizeOutput(entry, UID[type]);

  const contextFor = (locale: string, origin: string): PresentContext => ({
    locale,
    origin,
    urlTemplates: (strapi.plugin('solidarity').config('urlTemplates') ?? {}) as PresentContext['urlTemplates'],
    now: new Date(),
  });

  const prepare = async ({ type, query, extraKeys }: PublicQuery) => {
    const { shortcuts, rest } = parsePublicQuery(type, query, extraKeys);
    await validateRest(type, rest);
    const { locale, chain } = await resolveLocale(shortcuts.locale);
    return { shortcuts, rest, locale, chain };
  };

  return {
    locales,
    resolveLocale,
    fallbacks,
    repository: repo,

    /** A page of published documents, shaped for the public. */
    async list<T extends ContentTypeName>(q: PublicQuery<T> & { detail?: boolean }) {
      const { shortcuts, rest, locale, chain } = await prepare(q);
      if (shortcuts.format === 'jsonld') {
        throw new errors.ValidationError('format=jsonld is available for single documents (/<type>/:idOrSlug)', {
          errors: [fieldError(['format'], 'only on single documents')],
        });
      }
      const now = new Date();
      const result = await repo.list(q.type, { locale, chain, shortcuts, rest, now, detail: q.detail });
      const ctx = contextFor(locale, q.origin);
      const fields = parseFields(rest.fields);
      const data: NarrowedDocument<T>[] = [];
      for (const entry of result.entries) data.push(present(q.type, await sanitize(q.type, entry), ctx, fields));
      return { data, meta: { pagination: result.pagination, locale }, shortcuts, locale };
    },

    async findOne<T extends ContentTypeName>(q: PublicQuery<T> & { idOrSlug: string }) {
      const { rest, locale, chain } = await prepare(q);
      const entry = await repo.findOne(q.type, q.idOrSlug, chain);
      if (!entry) throw new errors.NotFoundError(`No published ${q.type} "${q.idOrSlug}"`);
      const data = present(q.type, await sanitize(q.type, entry), contextFor(locale, q.origin), parseFields(rest.fields));
      return { data, meta: { locale } };
    },

    /**
     * The facets of a list (`GET /facets/<plural>`): for the list's filter
     * (same parameters, same published-only rules, same locale fallback), the
     * values of each facet with their counts, labelled in the requested
     * locale (countries by Unicode CLDR's names, as `Intl.DisplayNames` has
     * them; related documents in the first locale of the chain they have),
     * sorted by label. Paging, sorting and field parameters are a 400.
     */
    async facets(q: PublicQuery) {
      if (!FACETS[q.type]) throw new errors.NotFoundError(`No facets for ${q.type}`);
      rejectKeys(q.query, FACET_REJECTED, 'facets count every match of the filter, in a fixed shape');
      const { shortcuts, rest, locale, chain } = await prepare(q);
      const result = await repo.facets(q.type, { chain, shortcuts, rest, now: new Date() });
      const collator = new Intl.Collator(locale);
      const data: Record<string, PublicFacetValue[]> = {};
      for (const spec of FACETS[q.type] ?? []) {
        const values = (result.facets[spec.name] ?? []).map((v: FacetValue): PublicFacetValue =>
          'column' in spec
            ? { value: v.value, label: countryName(v.value, locale), count: v.count }
            : { value: v.value, label: v.label ?? v.value, count: v.count, ...(v.locale && v.locale !== locale ? { locale: v.locale } : {}) }
        );
        data[spec.name] = values.sort((a, b) => collator.compare(a.label, b.label) || a.value.localeCompare(b.value));
      }
      return { data, meta: { locale, total: result.total } };
    },
  };
};

/** Parameters the facets route refuses: it counts every match, in a fixed shape. */
export const FACET_REJECTED = ['page', 'pageSize', 'pagination', 'sort', 'fields', 'populate', 'format'] as const;

export type { PublicFacetValue };
export type PublicApiService = ReturnType<typeof publicApiService>;
export type { Shortcuts };
export default publicApiService;
