import type { Core, UID as StrapiUID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';

/**
 * What the output sanitizer reads of a model: its uid and attributes (Strapi's schema, as
 * `strapi.getModel` returns it; `private`, `type`, `target`, `component`, `relation` of each).
 */
export interface SanitizeModel {
  uid?: string;
  attributes: Record<string, SanitizeAttribute | undefined>;
  options?: unknown;
}

/** The attribute fields the output sanitizer reads. */
export interface SanitizeAttribute {
  type?: string;
  private?: boolean;
  relation?: string;
  target?: string;
  component?: string;
}

/** Looks a model up by uid (content type, component, `plugin::upload.file`); undefined when unknown. */
export type GetSanitizeModel = (uid: string) => SanitizeModel | undefined;

/** Output sanitizers users-permissions registers (`content-api.output`); any other one makes `sanitizeOutputSync` stand down. */
export const KNOWN_OUTPUT_SANITIZERS = 1;

const UPLOAD_FILE = 'plugin::upload.file';
const UP_ROLE = 'plugin::users-permissions.role';
const UP_USER = 'plugin::users-permissions.user';

const isObject = (v: unknown): v is object => v !== null && (typeof v === 'object' || typeof v === 'function');

/** lodash's `clone` of what an entry holds (plain objects, arrays, dates), one level deep. */
const shallowCopy = (v: object): Record<string, unknown> => {
  // the copy is walked by key like the object it replaces (an array's keys are its indexes, a date has none): typed as the entry it stands for
  if (Array.isArray(v)) return v.slice() as unknown as Record<string, unknown>;
  if (v instanceof Date) return new Date(v.getTime()) as unknown as Record<string, unknown>;
  return { ...(v as Record<string, unknown>) };
};

/**
 * Whether Strapi's content-API output sanitizer removes `key` of an entry of `model`:
 * a password (`removePassword`), a private attribute, by its own flag or the model's or the app's
 * `privateAttributes` (`removePrivate`), or the users of a users-permissions role
 * (users-permissions' `removeUserRelationFromRoleEntities`).
 */
const removes = (model: SanitizeModel, key: string, attribute: SanitizeAttribute): boolean =>
  attribute.type === 'password' ||
  attribute.private === true ||
  // Strapi's own check: it reads `options.privateAttributes` and `api.responses.privateAttributes`
  contentTypes.isPrivateAttribute(model as unknown as Parameters<typeof contentTypes.isPrivateAttribute>[0], key) ||
  (attribute.type === 'relation' && attribute.target === UP_USER && model.uid === UP_ROLE);

/**
 * Strapi's content-API output sanitizer (`strapi.contentAPI.sanitize.output` without `auth`, as the
 * public routes call it), synchronous: the same traversal as @strapi/utils `traverseEntity` (every
 * key of the entry; relations into their target model, morph relations into `__type`'s, media into
 * the upload file's, components into theirs, dynamic zones into each entry's `__component`), the
 * same removals (see `removes`), the same copies (the input is not changed). Strapi's runs one
 * awaited traversal per sanitizer and per nested value; this one walks once, without promises.
 * Equal to Strapi's on any entry (sanitize.test.ts checks it with generated entries).
 */
export const sanitizeEntry = (entity: unknown, model: SanitizeModel | undefined, getModel: GetSanitizeModel): unknown => {
  if (!isObject(entity) || model === undefined || model === null) return entity;
  const copy = shallowCopy(entity);
  for (const key of Object.keys(copy)) {
    const attribute = model.attributes[key];
    if (attribute === undefined || attribute === null) continue;
    if (removes(model, key, attribute)) {
      delete copy[key];
      continue;
    }
    const value = copy[key];
    if (value === null || value === undefined) continue;
    const each = (into: (item: unknown) => unknown) => {
      copy[key] = Array.isArray(value) ? value.map(into) : into(value);
    };
    if (attribute.type === 'relation') {
      if (String(attribute.relation ?? '').toLowerCase().startsWith('morph')) {
        each((item) => sanitizeEntry(item, getModel(String((item as { __type?: unknown } | null)?.__type)), getModel));
      } else {
        const target = getModel(String(attribute.target));
        each((item) => sanitizeEntry(item, target, getModel));
      }
    } else if (attribute.type === 'media') {
      const file = getModel(UPLOAD_FILE);
      each((item) => sanitizeEntry(item, file, getModel));
    } else if (attribute.type === 'component') {
      const component = getModel(String(attribute.component));
      each((item) => sanitizeEntry(item, component, getModel));
    } else if (attribute.type === 'dynamiczone' && Array.isArray(value)) {
      copy[key] = value.map((item) =>
        item === null || item === undefined ? item : sanitizeEntry(item, getModel(String((item as { __component?: unknown }).__component)), getModel)
      );
    }
  }
  return copy;
};

/**
 * The public routes' output sanitizer: `sanitizeEntry` (synchronous, one walk) while the app's
 * `content-api.output` sanitizers are the ones it reproduces (users-permissions' only); Strapi's
 * own `strapi.contentAPI.sanitize.output` as soon as another plugin adds one, which this cannot know.
 */
export const createOutputSanitizer = (strapi: Core.Strapi) => {
  const getModel: GetSanitizeModel = (uid) =>
    // strapi.getModel returns the schema (content type or component); its attributes are read as SanitizeAttribute
    strapi.getModel(uid as StrapiUID.Schema) as unknown as SanitizeModel | undefined;
  const registered = () => (strapi.sanitizers.get('content-api.output') as unknown[] | undefined)?.length ?? 0;
  return async <T>(entry: T, uid: string): Promise<T> => {
    const model = getModel(uid);
    if (registered() === KNOWN_OUTPUT_SANITIZERS) return sanitizeEntry(entry, model, getModel) as T;
    return (await strapi.contentAPI.sanitize.output(entry as never, model as never, {})) as T;
  };
};
