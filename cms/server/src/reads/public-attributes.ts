import { UID, type ContentTypeName } from '../content-types/uids';
import { PUBLIC_FILE_FIELDS, SHAPES } from './shapes';

/** The parts of a Strapi model (content-type, component) read here. */
interface Model {
  uid: string;
  attributes: Record<string, { type?: string } & Record<string, unknown>>;
}

/** Attribute types that are not scalar columns: the filter validator decides about them (relations, media, components). */
const STRUCTURED = new Set(['relation', 'media', 'component', 'dynamiczone']);

const TYPE_OF_UID = new Map<string, ContentTypeName>(Object.entries(UID).map(([type, uid]) => [uid, type as ContentTypeName]));

/**
 * Whether `name` is a scalar attribute of `model` that no public answer
 * shows, so that a public filter on it would reveal what the API never
 * answers (a row's internal `id` tells how many drafts and submissions were
 * created between two published rows). True for:
 * - a scalar attribute of a public content-type that is in neither its list
 *   nor its detail shape (./shapes.ts `SHAPES`);
 * - an attribute of an uploaded file (`plugin::upload.file`) other than the
 *   ones media fields show (`PUBLIC_FILE_FIELDS`).
 * False for relations, media and components (the filter validator checks
 * those itself) and for other models (components are shown whole, minus their
 * private attributes).
 */
export const hiddenFromPublic = (model: Model, name: string): boolean => {
  if (model.uid === 'plugin::upload.file') return !PUBLIC_FILE_FIELDS.includes(name);
  const type = TYPE_OF_UID.get(model.uid);
  if (!type) return false;
  const attr = Object.prototype.hasOwnProperty.call(model.attributes, name) ? model.attributes[name] : undefined;
  if (attr && STRUCTURED.has(String(attr.type))) return false;
  const shape = SHAPES[type];
  return !shape.list.includes(name) && !shape.detail.includes(name);
};
