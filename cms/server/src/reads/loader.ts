import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID, type ContentTypeName } from '../content-types/uids';
import { SHAPES } from './shapes';
import { clientOf } from '../search/ddl';
import { placeholders, quoted, selectBatch, selectRows, type Binding } from './sql';

/**
 * Reads the documents of a page (by id) in their public shape (./shapes.ts): one query for the
 * rows and one per relation, component and media field, whatever the page size (issue #12,
 * "the fewest queries per list"). Each relation is read from its join table by owner id (the
 * (owner id, related id) index of reads/indexes.ts) in the join table's order, as Strapi's
 * populate reads it, and the values come back as Strapi's query engine returns them (its
 * column-to-attribute mapping and `fromDB` conversions, see `fromDb`), so the documents equal
 * `strapi.db.query(uid).findMany({ where: { id: { $in: ids } }, select, populate })` of the
 * same shape (loader.test.ts compares them) at a fraction of its cost: no query-builder
 * state, no populate planning, no lodash over every row.
 */

/** A scalar attribute as read: its column, its name in the entry, its Strapi type. */
type Column = [column: string, attribute: string, type: string];

/** How one populated field is read. */
interface FieldPlan {
  name: string;
  /** xToOne, morphOne, a single component: an object or null; else an array */
  single: boolean;
  targetTable: string;
  columns: Column[];
  /** the join table, its owner column, the column naming the target's id, fixed conditions, order column */
  link: { table: string; owner: string; target: string; on: Record<string, unknown>; order?: string };
}

interface Plan {
  table: string;
  columns: Column[];
  fields: FieldPlan[];
  /** the columns of `publishedAt`, `locale` and `documentId` (for `shownFor`) */
  chainColumns: { published: string; locale: string; document: string };
}

/** Attribute metadata as Strapi's database layer holds it (strapi.db.metadata). */
interface AttributeMeta {
  type: string;
  columnName?: string;
  relation?: string;
  target?: string;
  morphBy?: string;
  joinTable?: {
    name: string;
    joinColumn: { name: string; referencedColumn?: string };
    inverseJoinColumn?: { name: string };
    morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
    on?: Record<string, unknown>;
    orderColumnName?: string;
    orderBy?: Record<string, 'asc' | 'desc'>;
  };
}
interface Meta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

/** Strapi's scalar types (@strapi/database utils/types `SCALAR_TYPES`): what a row maps to an attribute. */
const SCALAR = new Set(['increments', 'password', 'email', 'string', 'uid', 'richtext', 'text', 'json', 'enumeration', 'integer', 'biginteger', 'float', 'decimal', 'date', 'time', 'datetime', 'timestamp', 'boolean', 'blocks']);
const STRINGS = new Set(['password', 'email', 'string', 'uid', 'richtext', 'text', 'enumeration']);
const NUMBERS = new Set(['integer', 'float', 'decimal']);

/** lodash `toString`: '' for null/undefined, '-0' for -0, String() otherwise. */
const toText = (v: unknown): string => (v === null || v === undefined ? '' : Object.is(v, -0) ? '-0' : String(v));

/**
 * A database value as Strapi's query engine hands it back (@strapi/database fields, `fromDB`):
 * strings as strings, numbers as numbers, datetimes as ISO strings, timestamps as epoch
 * milliseconds (a string), booleans from 1/0, JSON and blocks parsed (twice when stored twice,
 * as Strapi 5 release candidates did), big integers as strings; null stays null.
 */
export const fromDb = (type: string, value: unknown): unknown => {
  if (value === null) return null;
  if (STRINGS.has(type)) return toText(value);
  if (NUMBERS.has(type)) return typeof value === 'number' ? value : Number(typeof value === 'string' ? value.trim() || 0 : value);
  switch (type) {
    case 'datetime': {
      const d = value instanceof Date ? value : new Date(value as string | number);
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    case 'timestamp': {
      const t = (value instanceof Date ? value : new Date(value as string | number)).getTime();
      return Number.isNaN(t) ? null : String(t);
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const s = toText(value);
      return s === '1' ? true : s === '0' ? false : null;
    }
    case 'json':
    case 'blocks': {
      if (typeof value !== 'string') return value;
      try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
      } catch {
        return value;
      }
    }
    case 'biginteger':
      return toText(value);
    default:
      return value;
  }
};

/** Attribute names of a populate value: `true` is every scalar attribute, `{ select }` those named. */
const selected = (meta: Meta, populate: unknown): string[] => {
  const names = populate && typeof populate === 'object' && Array.isArray((populate as { select?: unknown }).select)
    ? ((populate as { select: string[] }).select)
    : Object.keys(meta.attributes);
  return names.filter((n) => SCALAR.has(meta.attributes[n]?.type ?? ''));
};

const columnsOf = (meta: Meta, names: string[]): Column[] =>
  names.map((n) => {
    const a = meta.attributes[n] as AttributeMeta;
    return [a.columnName ?? n, n, a.type];
  });

const toEntry = (columns: readonly Column[], row: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [column, name, type] of columns) out[name] = fromDb(type, row[column] === undefined ? null : row[column]);
  return out;
};

/** The loader of the public reads (see the comment at the top of this file). */
export const createLoader = (strapi: Core.Strapi) => {
  const metaOf = (uid: string): Meta =>
    // Strapi types metadata attributes as a union; this reads the fields AttributeMeta names
    strapi.db.metadata.get(uid) as unknown as Meta;
  const plans = new Map<string, Plan>();

  /** How `type` (with the single-document fields when `detail`) is read; computed once per shape. */
  const planOf = (type: ContentTypeName, detail: boolean): Plan => {
    const key = `${type}|${detail}`;
    const known = plans.get(key);
    if (known) return known;
    const uid = UID[type];
    const shape = SHAPES[type];
    const meta = metaOf(uid);
    // what the network keeps private (the fiche's `fiche.privateFields`, applied to the schema at register) is never read
    const model = strapi.getModel(uid);
    const isPublic = (name: string) => (model.attributes[name] as { private?: boolean } | undefined)?.private !== true;
    const scalars = ['id', ...shape.list, ...(detail ? shape.detail : [])].filter(isPublic);
    const populate = Object.entries({ ...shape.populate, ...(detail ? shape.detailPopulate : {}) }).filter(([name]) => isPublic(name));
    const fields = populate.map(([name, value]): FieldPlan => {
      const a = meta.attributes[name];
      if (!a || a.type !== 'relation' || !a.target) throw new Error(`${uid}.${name} is not a relation, component or media field`);
      const target = metaOf(a.target);
      const columns = columnsOf(target, selected(target, value));
      if (a.morphBy) {
        // media: the upload file's morph join table, by owner id, type and field (Strapi's morphX populate)
        const morph = target.attributes[a.morphBy]?.joinTable;
        if (!morph?.morphColumn) throw new Error(`${uid}.${name}: unsupported morph relation`);
        return {
          name,
          single: a.relation === 'morphOne',
          targetTable: target.tableName,
          columns,
          link: {
            table: morph.name,
            owner: morph.morphColumn.idColumn.name,
            target: morph.joinColumn.name,
            on: { ...morph.on, [morph.morphColumn.typeColumn.name]: uid, field: name },
            order: Object.keys(morph.orderBy ?? {})[0],
          },
        };
      }
      const jt = a.joinTable;
      if (!jt?.inverseJoinColumn) throw new Error(`${uid}.${name}: no join table`);
      return {
        name,
        single: a.relation === 'oneToOne' || a.relation === 'manyToOne',
        targetTable: target.tableName,
        columns,
        link: { table: jt.name, owner: jt.joinColumn.name, target: jt.inverseJoinColumn.name, on: { ...jt.on }, order: jt.orderColumnName ?? Object.keys(jt.orderBy ?? {})[0] },
      };
    });
    const columnOf = (name: string): string => meta.attributes[name]?.columnName ?? name;
    const plan: Plan = {
      table: meta.tableName,
      columns: columnsOf(meta, scalars.filter((n) => SCALAR.has(meta.attributes[n]?.type ?? ''))),
      fields,
      chainColumns: { published: columnOf('publishedAt'), locale: columnOf('locale'), document: columnOf('documentId') },
    };
    plans.set(key, plan);
    return plan;
  };

  /** SQL texts by plan and number of ids: built once, so that SQLite also prepares them once (./sql.ts). */
  const texts = new Map<string, string>();
  const textOf = (key: string, build: () => string): string => {
    let sql = texts.get(key);
    if (sql === undefined) {
      sql = build();
      if (texts.size < 2000) texts.set(key, sql);
    }
    return sql;
  };

  /**
   * `column` is one of `ids`: on PostgreSQL `= ANY(?::integer[])` with the ids as one array (one
   * SQL text, so one prepared statement, whatever the page size: ./sql.ts), on SQLite `IN (?, ...)`.
   * Returns the condition's text and its bindings, and the part of a text's cache key it varies by.
   */
  const idsCondition = (pg: boolean, column: string, ids: readonly number[]): { sql: string; bindings: Binding[]; key: string } =>
    pg
      ? { sql: `${column} = ANY(?::integer[])`, bindings: [ids], key: 'any' }
      : { sql: `${column} IN (${placeholders(ids.length)})`, bindings: [...ids], key: String(ids.length) };

  /** The query of the related rows of `field` for owners `ids`, in the join table's order. */
  const relatedQuery = (pg: boolean, type: string, field: FieldPlan, ids: readonly number[]) => {
    const { link } = field;
    const conditions = Object.entries(link.on);
    const owners = idsCondition(pg, `l.${quoted(link.owner)}`, ids);
    const sql = textOf(`${type}|${field.name}|${owners.key}`, () =>
      [
        `SELECT l.${quoted(link.owner)} AS "__owner", ${field.columns.map(([column]) => `r.${quoted(column)}`).join(', ')}`,
        `FROM ${quoted(link.table)} AS l INNER JOIN ${quoted(field.targetTable)} AS r ON r."id" = l.${quoted(link.target)}`,
        `WHERE ${owners.sql}`,
        ...conditions.map(([column]) => `AND l.${quoted(column)} = ?`),
        // the join table's order (Strapi's populate), then its ids so that ties read the same every time
        `ORDER BY ${link.order ? `l.${quoted(link.order)} ASC, ` : ''}l."id" ASC`,
      ].join(' ')
    );
    return { sql, bindings: [...owners.bindings, ...conditions.map(([, value]) => value as string | number)] };
  };

  /** Related rows grouped by owner id, each as its entry. */
  const byOwner = (field: FieldPlan, rows: readonly Record<string, unknown>[]): Map<number, Record<string, unknown>[]> => {
    const out = new Map<number, Record<string, unknown>[]>();
    for (const row of rows) {
      const owner = Number(row.__owner);
      let list = out.get(owner);
      if (!list) out.set(owner, (list = []));
      list.push(toEntry(field.columns, row));
    }
    return out;
  };

  /**
   * A column's value in a JSON array of `alias`'s row: big integers as text (JSON numbers lose their
   * digits past 2^53); JSON and blocks as their text, as the driver gives a jsonb column under
   * Strapi's parsers (a JSON string stored there then reads as Strapi's findMany reads it).
   */
  const jsonValue = ([column, , type]: Column, alias: string): string =>
    type === 'biginteger' || type === 'json' || type === 'blocks' ? `${alias}.${quoted(column)}::text` : `${alias}.${quoted(column)}`;

  /**
   * With `chain` (locale codes, which hold no comma), the condition on a document's row `t` that
   * keeps only the entries a list shows for that chain (reads/repository.ts `chosenEntries`):
   * published, in a locale of the chain, and no published version of its document in an earlier
   * locale of it. One text whatever the chain (its codes bound as one ',a,b,c,' string, a code's
   * place found with `strpos` / `instr`, which both databases have), so one prepared statement.
   * Returns the condition (to AND) and its bindings; none without `chain`.
   */
  const shownCondition = (pg: boolean, plan: Plan, chain: readonly string[] | undefined): { sql: string; bindings: Binding[] } => {
    if (!chain) return { sql: '', bindings: [] };
    const { published, locale, document } = plan.chainColumns;
    const place = (alias: string) => (pg ? `strpos(?, ',' || ${alias}.${quoted(locale)} || ',')` : `instr(?, ',' || ${alias}.${quoted(locale)} || ',')`);
    const list = `,${chain.join(',')},`;
    return {
      sql:
        ` AND t.${quoted(published)} IS NOT NULL AND ${place('t')} > 0 AND NOT EXISTS (SELECT 1 FROM ${quoted(plan.table)} AS own` +
        ` WHERE own.${quoted(document)} = t.${quoted(document)} AND own.${quoted(published)} IS NOT NULL` +
        ` AND ${place('own')} > 0 AND ${place('own')} < ${place('t')})`,
      bindings: [list, list, list, list],
    };
  };

  /** `json_build_array` takes at most 100 arguments (PostgreSQL's FUNC_MAX_ARGS): wider plans read statement by statement. */
  const fitsOneStatement = (plan: Plan): boolean => [plan.columns, ...plan.fields.map((f) => f.columns)].every((c) => c.length <= 100);

  /**
   * PostgreSQL: the rows and every relation of a plan in one statement (a named prepared statement,
   * ./sql.ts): one round trip instead of one per relation, which cost about as much as the
   * statements themselves at 100,000 practices (a socket write and a Bind/Execute each). Each row is
   * `q` (0: the documents, i: the plan's i-th field), `o` (the field's order: the join table's, then
   * its ids, as `relatedQuery` orders), `owner` and `v`, the columns' values as a JSON array (their
   * types as the driver gives them once parsed: see `fromDb`). Returns the rows as `selectBatch`
   * returns them for `load`: the documents' rows, then each field's, keyed by column.
   */
  const pgRowsInOne = async (
    k: Knex,
    type: string,
    detail: boolean,
    plan: Plan,
    ids: readonly number[],
    chain: readonly string[] | undefined
  ): Promise<Record<string, unknown>[][]> => {
    const shown = shownCondition(true, plan, chain);
    const sql = textOf(`${type}|${detail}|one|${chain ? 'shown' : 'all'}`, () =>
      [
        `SELECT 0 AS "q", 0::bigint AS "o", t."id" AS "owner", json_build_array(${plan.columns.map((c) => jsonValue(c, 't')).join(', ')})::text AS "v"`,
        `FROM ${quoted(plan.table)} AS t WHERE t."id" = ANY(?::integer[])${shown.sql}`,
        ...plan.fields.map((field, i) => {
          const { link } = field;
          return [
            `UNION ALL SELECT ${i + 1}, row_number() OVER (ORDER BY ${link.order ? `l.${quoted(link.order)} ASC, ` : ''}l."id" ASC), l.${quoted(link.owner)},`,
            `json_build_array(${field.columns.map((c) => jsonValue(c, 'r')).join(', ')})::text`,
            `FROM ${quoted(link.table)} AS l INNER JOIN ${quoted(field.targetTable)} AS r ON r."id" = l.${quoted(link.target)}`,
            `WHERE l.${quoted(link.owner)} = ANY(?::integer[])`,
            ...Object.keys(link.on).map((column) => `AND l.${quoted(column)} = ?`),
          ].join(' ');
        }),
        'ORDER BY 1, 2',
      ].join(' ')
    );
    const bindings: Binding[] = [
      ids,
      ...shown.bindings,
      ...plan.fields.flatMap((field) => [ids, ...Object.values(field.link.on).map((v) => v as string | number)]),
    ];
    const out: Record<string, unknown>[][] = [[], ...plan.fields.map(() => [])];
    for (const row of await selectRows(k, sql, bindings)) {
      const q = Number(row.q);
      const columns = q === 0 ? plan.columns : plan.fields[q - 1]?.columns;
      const values: unknown = JSON.parse(String(row.v));
      if (!columns || !Array.isArray(values)) continue;
      const record: Record<string, unknown> = q === 0 ? {} : { __owner: row.owner };
      columns.forEach(([column], j) => (record[column] = values[j]));
      out[q]?.push(record);
    }
    return out;
  };

  return {
    /**
     * The documents of `type` with ids `ids`, in that order (an id without a row is left out),
     * in the list shape or, with `detail`, the single-document one: private attributes (the
     * schema's, as the fiche's settings make them) are neither read nor returned.
     * `options.shownFor` (a locale chain): only the entries a list shows for that chain (published,
     * and the first version of their document in it, reads/repository.ts `chosenEntries`); the
     * others are left out as missing ids are. Checked in the same statement on PostgreSQL, in the
     * rows' statement on SQLite: no extra round trip.
     */
    async load(
      type: ContentTypeName,
      ids: readonly number[],
      detail: boolean,
      options: { shownFor?: readonly string[] } = {}
    ): Promise<(Record<string, unknown> & { id: number; documentId: string; locale: string })[]> {
      if (!ids.length) return [];
      const k: Knex = strapi.db.connection;
      const plan = planOf(type, detail);
      const pg = clientOf(k) !== 'sqlite';
      /** the rows, then each relation's: a statement each, on one connection (SQLite) or side by side (PostgreSQL) */
      const chain = options.shownFor;
      const eachApart = () => {
        const own = idsCondition(pg, 't."id"', ids);
        const shown = shownCondition(pg, plan, chain);
        const sql = textOf(`${type}|${detail}|${own.key}|${chain ? 'shown' : 'all'}`, () =>
          `SELECT ${plan.columns.map(([column]) => `t.${quoted(column)}`).join(', ')} FROM ${quoted(plan.table)} AS t WHERE ${own.sql}${shown.sql}`
        );
        return selectBatch(k, [{ sql, bindings: [...own.bindings, ...shown.bindings] }, ...plan.fields.map((field) => relatedQuery(pg, type, field, ids))]);
      };
      // the rows and every relation, in one go (one statement on PostgreSQL)
      const [rows = [], ...relations] =
        pg && fitsOneStatement(plan) ? await pgRowsInOne(k, type, detail, plan, ids, chain) : await eachApart();
      const byId = new Map<number, Record<string, unknown> & { id: number; documentId: string; locale: string }>();
      for (const row of rows) {
        const entry = toEntry(plan.columns, row) as Record<string, unknown> & { id: number; documentId: string; locale: string };
        byId.set(Number(entry.id), entry);
      }
      plan.fields.forEach((field, i) => {
        const values = byOwner(field, relations[i] ?? []);
        for (const [id, entry] of byId) {
          const list = values.get(id) ?? [];
          entry[field.name] = field.single ? (list[0] ?? null) : list;
        }
      });
      return ids.flatMap((id) => {
        const entry = byId.get(id);
        return entry ? [entry] : [];
      });
    },
  };
};

export type Loader = ReturnType<typeof createLoader>;
