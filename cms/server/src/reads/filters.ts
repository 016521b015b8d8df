import { errors } from '@strapi/utils';
import { fieldError, PROTOTYPE_NAMES } from '../http/errors';

/**
 * The public `filters` grammar, checked before anything reaches Strapi's query
 * engine, and rewritten so that a relation filter can only see published rows.
 *
 * Why: Strapi's engine joins every row of a relation's target, drafts
 * included (and i18n's `localizations` joins every version of the document),
 * so an unchecked `filters[call][practices][title][$startsWith]=A` answers
 * yes/no questions about unpublished text. And the engine throws plain
 * errors (500) on misshapen operators. Here:
 *
 * - a node is an object of attribute names and logical operators
 *   (`$and`/`$or`: an array of nodes, `$not`: a node);
 * - an attribute is a public one of its model: the row `id` (internal: its
 *   order would count drafts and submissions), private attributes, admin
 *   relations (`createdBy`, `updatedBy`), i18n's `localizations`, JSON and
 *   blocks attributes, dynamic zones and polymorphic relations are refused;
 * - a scalar attribute takes `{ operator: operand }` (or a bare value, as `$eq`),
 *   with operators that fit its type and operands of the right arity and type
 *   (numbers, dates and booleans must parse; text has no NUL byte);
 * - a relation takes a node of its target, to which `publishedAt: { $notNull: true }`
 *   is added (targets with draft and publish), so only published rows match;
 * - `$not` cannot wrap a relation filter: under a negation the published-only
 *   condition would flip and draft rows would match again;
 * - sizes are bounded (depth, conditions, list and text lengths).
 *
 * Every refusal is a Strapi `ValidationError` (400) naming the path.
 */

/** Operators of Strapi's query grammar accepted on public routes. */
export const SCALAR_OPERATORS = [
  '$eq',
  '$ne',
  '$eqi',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
  '$between',
] as const;
export const LOGICAL_OPERATORS = ['$and', '$or', '$not'] as const;

/** Relations and attributes no public filter, sort, field list or populate may name. */
export const FORBIDDEN_ATTRIBUTES = ['localizations', 'createdBy', 'updatedBy'] as const;

/**
 * Bounds of a public `filters` parameter. `relationConditions` bounds the
 * conditions on related documents (relations and media) in the whole filter:
 * Strapi's engine joins each of them separately, and under `$or` the joined
 * rows multiply before its DISTINCT (each branch about triples the time), so
 * a dozen would hold the server for seconds and SQLite refuses more than 200
 * joined tables. The `topic`, `organisation` and `call` shortcuts cost no join.
 */
export const FILTER_LIMITS = { depth: 12, conditions: 100, relationHops: 3, relationConditions: 4, listLength: 100, textLength: 1000 };

type Kind = 'text' | 'number' | 'integer' | 'date' | 'datetime' | 'time' | 'boolean';

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const KIND_OF: Record<string, Kind> = {
  integer: 'integer',
  biginteger: 'integer',
  float: 'number',
  decimal: 'number',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
  boolean: 'boolean',
};
const TEXT_ONLY = new Set([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const ORDERED = new Set(['$lt', '$lte', '$gt', '$gte', '$between']);

/** The parts of a Strapi model (content-type or component) the validator reads. */
export interface FilterModel {
  uid: string;
  attributes: Record<string, Record<string, unknown> & { type?: string }>;
  options?: { draftAndPublish?: boolean };
  privateAttributes?: string[];
}

export type GetModel = (uid: string) => FilterModel | undefined;

const fail = (path: (string | number)[], message: string): never => {
  const where = path.length ? `filters[${path.join('][')}]` : 'filters';
  throw new errors.ValidationError(`Invalid query parameter "${where}": ${message}`, {
    errors: [fieldError(['filters', ...path.map(String)], message)],
  });
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** qs turns `a[0]=x` into an array and `a[150]=x` into an object with numeric keys: both are lists. */
const asList = (v: unknown): unknown[] | null => {
  if (Array.isArray(v)) return v;
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
      return keys.sort((a, b) => Number(a) - Number(b)).map((k) => v[k]);
    }
  }
  return null;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** A calendar date that exists (no 30 February) and a time of day within range, as the databases require. */
const realDate = (s: string): boolean => {
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return false;
  const time = /[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59)) return false;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(s.slice(10));
  if (offset && (Number(offset[2]) > 14 || Number(offset[3]) > 59)) return false;
  return !Number.isNaN(Date.parse(s.replace(' ', 'T')));
};
const TIME = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;

/** One operand of a scalar comparison, checked against the attribute's kind; returns the value to query with. */
const operand = (kind: Kind | 'text', value: unknown, path: (string | number)[]): string | number | boolean => {
  if (value === null || value === undefined) return fail(path, 'a value is required');
  if (typeof value === 'object') return fail(path, 'must be a single value, not a list or an object');
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return fail(path, 'must be a single value');
  }
  const s = String(value);
  if (s.length > FILTER_LIMITS.textLength) return fail(path, `at most ${FILTER_LIMITS.textLength} characters`);
  if (s.includes('\u0000')) return fail(path, 'must not contain a NUL character');
  switch (kind) {
    case 'text':
      return s;
    case 'integer':
      if (!/^-?\d{1,9}$/.test(s.trim())) return fail(path, 'must be a whole number');
      return Number(s);
    case 'number': {
      const n = Number(s);
      if (s.trim() === '' || !Number.isFinite(n)) return fail(path, 'must be a number');
      return n;
    }
    case 'boolean':
      if (['true', '1', 't'].includes(s)) return true;
      if (['false', '0', 'f'].includes(s)) return false;
      return fail(path, 'must be true or false');
    case 'date':
    case 'datetime': {
      const ok = (kind === 'date' ? DATE : DATETIME).test(s) && realDate(s);
      if (!ok) return fail(path, kind === 'date' ? 'must be a date (YYYY-MM-DD)' : 'must be an ISO 8601 date-time');
      const year = Number(s.slice(0, 4));
      if (year < 1 || year > 9999) return fail(path, 'year out of range');
      return s;
    }
    case 'time':
      if (!TIME.test(s)) return fail(path, 'must be a time (HH:MM[:SS])');
      return s;
  }
};

const bool = (value: unknown, path: (string | number)[]): boolean => {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return fail(path, 'must be true or false');
};

interface State {
  conditions: number;
  /** conditions on related documents so far (FILTER_LIMITS.relationConditions) */
  joins: number;
  isPrivate: (model: FilterModel, name: string) => boolean;
}

/** Counts a condition on related documents; a 400 past FILTER_LIMITS.relationConditions. */
const countJoin = (state: State, path: (string | number)[]): void => {
  state.joins += 1;
  if (state.joins > FILTER_LIMITS.relationConditions) {
    fail(
      path,
      `at most ${FILTER_LIMITS.relationConditions} conditions on related documents in one filter: use the topic, organisation or call parameters, or $in on one condition`
    );
  }
};

/** Private as the schema says (`private: true`, the model's `privateAttributes`). */
const privateInSchema = (model: FilterModel, name: string): boolean =>
  model.attributes[name]?.private === true || (model.privateAttributes ?? []).includes(name);

/**
 * Validates a public `filters` value against `model` and returns the filters
 * to give Strapi's engine: lists normalized, operands typed, and
 * `publishedAt: { $notNull: true }` added at every relation level.
 * Throws a `ValidationError` (400) on anything else.
 */
export const checkPublicFilters = (
  filters: unknown,
  model: FilterModel,
  getModel: GetModel,
  /** Strapi's `contentTypes.isPrivateAttribute` (which also reads the app's global private list) in a running app */
  isPrivate: (model: FilterModel, name: string) => boolean = privateInSchema
): Record<string, unknown> => {
  const state: State = { conditions: 0, joins: 0, isPrivate };
  if (!isPlainObject(filters)) return fail([], 'must be an object, e.g. filters[title][$eq]=…');
  return node(filters, model, getModel, [], state, { depth: 0, hops: 0, negated: false });
};

interface Position {
  depth: number;
  hops: number;
  negated: boolean;
}

const deeper = (p: Position, path: (string | number)[]): Position => {
  if (p.depth + 1 > FILTER_LIMITS.depth) fail(path, `nested more than ${FILTER_LIMITS.depth} levels`);
  return { ...p, depth: p.depth + 1 };
};

const listOfNodes = (
  value: unknown,
  model: FilterModel,
  getModel: GetModel,
  path: (string | number)[],
  state: State,
  pos: Position,
  each: (item: Record<string, unknown>, itemPath: (string | number)[]) => Record<string, unknown>
): Record<string, unknown>[] => {
  const items = asList(value);
  if (!items) return fail(path, 'must be a list of conditions, e.g. [0][title][$eq]=…');
  if (items.length > FILTER_LIMITS.listLength) fail(path, `at most ${FILTER_LIMITS.listLength} conditions`);
  return items.map((item, i) => {
    if (!isPlainObject(item)) return fail([...path, i], 'must be a condition object');
    return each(item, [...path, i]);
  });
};

/** A node of `model`: attribute names and logical operators. */
const node = (
  value: Record<string, unknown>,
  model: FilterModel,
  getModel: GetModel,
  path: (string | number)[],
  state: State,
  pos: Position
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value);
  if (!keys.length) return fail(path, 'an empty condition');
  for (const key of keys) {
    const v = value[key];
    const at = [...path, key];
    if (key === '$and' || key === '$or') {
      const next = deeper(pos, at);
      out[key] = listOfNodes(v, model, getModel, at, state, next, (item, p) => node(item, model, getModel, p, state, next));
    } else if (key === '$not') {
      if (!isPlainObject(v)) return fail(at, 'must be a condition object');
      out[key] = node(v, model, getModel, at, state, { ...deeper(pos, at), negated: true });
    } else if (key.startsWith('$')) {
      return fail(at, `"${key}" is not an operator here: name an attribute first, e.g. filters[title][${key}]`);
    } else {
      out[key] = attribute(key, v, model, getModel, at, state, pos);
    }
  }
  return out;
};

const attribute = (
  name: string,
  value: unknown,
  model: FilterModel,
  getModel: GetModel,
  path: (string | number)[],
  state: State,
  pos: Position
): unknown => {
  // the row id is internal: no public answer shows it, and its order counts drafts and submissions
  if (name === 'id') return fail(path, '"id" cannot be filtered on: use documentId');
  if (name === 'documentId') return scalar(value, 'text', path, state, deeper(pos, path));
  const attr = Object.prototype.hasOwnProperty.call(model.attributes, name) ? model.attributes[name] : undefined;
  if (!attr || (FORBIDDEN_ATTRIBUTES as readonly string[]).includes(name)) {
    return fail(path, `"${name}" cannot be filtered on`);
  }
  if (privateInSchema(model, name) || state.isPrivate(model, name)) {
    return fail(path, `"${name}" cannot be filtered on`);
  }
  const type = String(attr.type ?? '');
  if (TEXT_TYPES.has(type)) return scalar(value, 'text', path, state, deeper(pos, path));
  const kind = KIND_OF[type];
  if (kind) return scalar(value, kind, path, state, deeper(pos, path));
  if (type === 'component') {
    const target = getModel(String(attr.component));
    if (!target) return fail(path, `"${name}" cannot be filtered on`);
    if (!isPlainObject(value)) return fail(path, `"${name}" takes conditions on its fields, e.g. [${name}][field][$eq]=…`);
    return node(value, target, getModel, path, state, deeper(pos, path));
  }
  if (type === 'media') {
    if (pos.negated) return fail(path, '$not cannot wrap a condition on a related document');
    const target = getModel('plugin::upload.file');
    if (!target) return fail(path, `"${name}" cannot be filtered on`);
    if (!isPlainObject(value)) return fail(path, `"${name}" takes conditions on its fields`);
    countJoin(state, path);
    // files are leaves: their own relations (folder, related) are not public
    const leaf: FilterModel = {
      ...target,
      attributes: Object.fromEntries(
        Object.entries(target.attributes).filter(([, a]) => !['relation', 'media', 'component', 'dynamiczone'].includes(String(a.type)))
      ),
    };
    return node(value, leaf, getModel, path, state, { ...deeper(pos, path), hops: pos.hops + 1 });
  }
  if (type === 'relation') {
    const targetUid = typeof attr.target === 'string' ? attr.target : '';
    const relation = String(attr.relation ?? '');
    if (!targetUid || relation.startsWith('morph') || targetUid.startsWith('admin::')) {
      return fail(path, `"${name}" cannot be filtered on`);
    }
    if (pos.negated) {
      return fail(path, '$not cannot wrap a condition on a related document: use $ne, $notIn or $notContains on its field');
    }
    if (pos.hops + 1 > FILTER_LIMITS.relationHops) fail(path, `at most ${FILTER_LIMITS.relationHops} relations deep`);
    countJoin(state, path);
    const target = getModel(targetUid);
    if (!target) return fail(path, `"${name}" cannot be filtered on`);
    if (!isPlainObject(value)) {
      return fail(path, `"${name}" is a relation: filter on a field of it, e.g. [${name}][slug][$eq]=…`);
    }
    const inner = node(value, target, getModel, path, state, { ...deeper(pos, path), hops: pos.hops + 1 });
    // only published rows of the target: drafts are not public
    if (!target.options?.draftAndPublish) return inner;
    const published = { publishedAt: { $notNull: true } };
    // Strapi's engine refuses a node that mixes logical operators with fields ("Operator and non-operator
    // keys cannot be mixed"), and a spread would replace a publishedAt condition of the client's: then
    // both go under $and.
    const plain = Object.keys(inner).every((key) => !key.startsWith('$') && key !== 'publishedAt');
    return plain ? { ...inner, ...published } : { $and: [inner, published] };
  }
  return fail(path, `"${name}" cannot be filtered on`);
};

/** Conditions on one scalar attribute: `{ $op: operand, ... }` or a bare value (as `$eq`). */
const scalar = (value: unknown, kind: Kind | 'text', path: (string | number)[], state: State, pos: Position): unknown => {
  state.conditions += 1;
  if (state.conditions > FILTER_LIMITS.conditions) fail(path, `at most ${FILTER_LIMITS.conditions} conditions`);
  if (!isPlainObject(value)) return { $eq: operand(kind, value, path) };
  const keys = Object.keys(value);
  if (!keys.length) return fail(path, 'an empty condition');
  const out: Record<string, unknown> = {};
  for (const op of keys) {
    const v = value[op];
    const at = [...path, op];
    if (op === '$and' || op === '$or') {
      const next = deeper(pos, at);
      const items = asList(v);
      if (!items) return fail(at, 'must be a list of conditions');
      if (items.length > FILTER_LIMITS.listLength) fail(at, `at most ${FILTER_LIMITS.listLength} conditions`);
      out[op] = items.map((item, i) => scalar(item, kind, [...at, i], state, next));
      continue;
    }
    if (op === '$not') {
      out[op] = scalar(v, kind, at, state, deeper(pos, at));
      continue;
    }
    if (!(SCALAR_OPERATORS as readonly string[]).includes(op)) {
      return fail(at, op.startsWith('$') ? `unknown operator "${op}"` : `"${op}" is not an operator: use one of ${SCALAR_OPERATORS.join(', ')}`);
    }
    if (TEXT_ONLY.has(op) && kind !== 'text') return fail(at, `${op} applies to text only`);
    if (ORDERED.has(op) && kind === 'boolean') return fail(at, `${op} does not apply to true/false values`);
    if (op === '$null' || op === '$notNull') {
      out[op] = bool(v, at);
    } else if (op === '$in' || op === '$notIn') {
      const items = typeof v === 'object' && v !== null ? asList(v) : [v];
      if (!items) return fail(at, 'must be a value or a list of values');
      if (items.length > FILTER_LIMITS.listLength) fail(at, `at most ${FILTER_LIMITS.listLength} values`);
      out[op] = items.map((item, i) => operand(kind, item, [...at, i]));
    } else if (op === '$between') {
      const items = asList(v);
      if (!items || items.length !== 2) return fail(at, 'must be a list of exactly two values: [0]=low&[1]=high');
      out[op] = items.map((item, i) => operand(kind, item, [...at, i]));
    } else {
      out[op] = operand(kind, v, at);
    }
  }
  return out;
};

/** Every string of a query value, keys and values, at any depth (for name checks). */
const tokens = (v: unknown, out: string[] = [], depth = 0): string[] => {
  if (depth > 30) return out;
  if (typeof v === 'string') out.push(...v.split(/[,:.\s]+/));
  else if (Array.isArray(v)) v.forEach((x) => tokens(x, out, depth + 1));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      tokens(x, out, depth + 1);
    }
  }
  return out;
};

/**
 * 400 when `sort`, `fields` or `populate` names i18n's `localizations` or an
 * admin relation anywhere (Strapi's validator lets them through; the public
 * shape never shows them, but naming them must not look like it works).
 */
export const refuseForbiddenNames = (params: Record<string, unknown>): void => {
  for (const [param, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const found = tokens(value).find((t) => (FORBIDDEN_ATTRIBUTES as readonly string[]).includes(t));
    if (found) {
      throw new errors.ValidationError(`Invalid query parameter "${param}": "${found}" is not public`, {
        errors: [fieldError([param], `"${found}" is not public`)],
      });
    }
  }
};

/**
 * `populate` on a public route: `*`, or relations of the type's fixed shape
 * (`allowed`), as a string, a comma list, a list or an object. The shape is
 * chosen on the server, so this only refuses what could never be populated.
 */
export const checkPublicPopulate = (populate: unknown, allowed: readonly string[] | null, depth = 0): void => {
  if (populate === undefined) return;
  const bad = (message: string): never => {
    throw new errors.ValidationError(`Invalid query parameter "populate": ${message}`, {
      errors: [fieldError(['populate'], message)],
    });
  };
  if (depth > 4) bad('nested too deep');
  const name = (n: string) => {
    const key = n.trim();
    if (key === '*' || key === '' || allowed === null) return;
    if (!allowed.includes(key)) bad(`"${key}" cannot be populated here${allowed.length ? `: use ${allowed.join(', ')} or *` : ''}`);
  };
  if (typeof populate === 'string') return populate.split(',').forEach(name);
  if (typeof populate === 'boolean') return;
  const list = asList(populate);
  if (list) {
    for (const item of list) {
      if (typeof item !== 'string') bad('a list of relation names');
      else item.split(',').forEach(name);
    }
    return;
  }
  if (isPlainObject(populate)) {
    for (const [key, v] of Object.entries(populate)) {
      name(key);
      if (v === true || v === 'true' || v === '*') continue;
      if (!isPlainObject(v)) bad(`"${key}" takes true, * or an object`);
      // the shape is fixed on the server: only nested `populate` and `fields` are understood
      for (const [option, value] of Object.entries(v as Record<string, unknown>)) {
        if (option === 'populate') checkPublicPopulate(value, null, depth + 1);
        else if (option === 'fields') checkPublicFields(value);
        else bad(`"${key}[${option}]" is not supported here: use populate or fields`);
      }
    }
    return;
  }
  bad('a relation name, a list of them, or *');
};

/** `fields` on a public route: a name, a comma list, or a list of names (Strapi's validator then checks each). */
export const checkPublicFields = (fields: unknown): void => {
  if (fields === undefined) return;
  const items = typeof fields === 'string' ? [fields] : asList(fields);
  if (!items || !items.every((f) => typeof f === 'string')) {
    throw new errors.ValidationError('Invalid query parameter "fields": a field name, a comma list or a list of names', {
      errors: [fieldError(['fields'], 'a field name, a comma list or a list of names')],
    });
  }
  // Strapi's validator looks names up on the schema's attributes object, where `constructor` is found
  const inherited = items.flatMap((f) => String(f).split(',')).map((f) => f.trim()).find((f) => PROTOTYPE_NAMES.has(f));
  if (inherited !== undefined) {
    throw new errors.ValidationError(`Invalid query parameter "fields": "${inherited}" is not a field`, {
      errors: [fieldError(['fields'], `"${inherited}" is not a field`)],
    });
  }
};
