import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID, type ContentTypeName } from '../content-types/uids';
import { SHAPES } from './shapes';
import { modelMeta } from '../content-types/metadata';

/**
 * Indexes for every filter and sort the public API offers, so that a list page
 * is read in index order and counted on index ranges (./indexed-list.ts), on
 * SQLite and PostgreSQL alike. Strapi creates only (document_id, locale,
 * published_at) and one index per join column; these are created after its
 * schema sync on every start (IF NOT EXISTS), in the style of
 * search/ddl.ts `ensureReadIndexes`:
 *   - per sortable attribute of a type (shapes.ts `sortable`, which includes
 *     each type's default sort): (locale, column, id, document_id) over
 *     published rows only (a partial index: drafts never make it bigger). A
 *     branch of a list (`locale = ? AND published_at IS NOT NULL ...`) is one
 *     range of it, walked forwards or backwards in the list's order; document_id
 *     makes it covering for the locale-fallback anti-join;
 *   - per filtered column (the `country`, `kind`, `when`, `open` shortcuts):
 *     (column, id), so the filter's id set is one index range, and (locale,
 *     column, <default sort column>, id) over published rows, so a page of the
 *     filter in the default order is read in index order, without a sort;
 *   - per relation join table: (related id, owner id), so that a relation
 *     filter (`topic`, `organisation`, `call`, `filters[topics][slug]`...)
 *     finds the owners of a related document on the index alone (Strapi's own
 *     unique index only goes from owner to related);
 *   - criteria tags: their value (the `criteria` shortcut).
 */

/** Columns of each type's shortcut filters (params.ts): country, kind, when, open. */
const FILTERED: Partial<Record<ContentTypeName, string[]>> = {
  practice: ['country'],
  organisation: ['country', 'kind'],
  session: ['kind', 'startsAt', 'endsAt'],
  statement: ['kind'],
  call: ['opensAt', 'closesAt'],
};

/** The component of a practice's criteria tags (components/index.ts). */
const CRITERION_TAG = 'solidarity.criterion-tag';

/** PostgreSQL cuts identifiers at 63 bytes: a longer name becomes a prefix and a hash. */
const indexName = (parts: string[]): string => {
  const name = parts.join('_');
  return name.length <= 60 ? name : `${name.slice(0, 48)}_${createHash('sha1').update(name).digest('hex').slice(0, 10)}`;
};

/** The name of the (locale, `column`, id, document_id) index of `table` (a sortable column's). */
export const listIndexName = (table: string, column: string): string => indexName([table, 'list', column]);

/** Each index as [name, table, columns, partial on published rows]. */
export const listIndexes = (strapi: Core.Strapi): [string, string, string[], boolean][] => {
  const out: [string, string, string[], boolean][] = [];
  const tables = new Set<string>();
  for (const [type, uid] of Object.entries(UID) as [ContentTypeName, string][]) {
    const m = modelMeta(strapi, uid);
    const column = (attr: string) => m.attributes[attr]?.columnName ?? attr;
    const [locale, documentId] = [column('locale'), column('documentId')];
    for (const attr of new Set([...SHAPES[type].sortable, ...SHAPES[type].defaultSort.map(([f]) => f)])) {
      const c = column(attr);
      out.push([listIndexName(m.tableName, c), m.tableName, [locale, c, 'id', documentId], true]);
    }
    const [sorted] = SHAPES[type].defaultSort[0] ?? [];
    for (const attr of FILTERED[type] ?? []) {
      const c = column(attr);
      out.push([indexName([m.tableName, 'filter', c]), m.tableName, [c, 'id'], false]);
      // a page of the filter in the default order is one index range, with no sort
      if (sorted && sorted !== attr) {
        out.push([indexName([m.tableName, 'list', c, column(sorted)]), m.tableName, [locale, c, column(sorted), 'id'], true]);
      }
    }
    for (const a of Object.values(m.attributes)) {
      const jt = a.joinTable;
      if (a.type !== 'relation' || !jt || tables.has(jt.name)) continue;
      tables.add(jt.name);
      // both directions: the inverse side of a relation names the same table the other way round
      out.push([indexName([jt.name, 'by', jt.inverseJoinColumn.name]), jt.name, [jt.inverseJoinColumn.name, jt.joinColumn.name], false]);
      out.push([indexName([jt.name, 'by', jt.joinColumn.name]), jt.name, [jt.joinColumn.name, jt.inverseJoinColumn.name], false]);
    }
  }
  const tags = strapi.db.metadata.has(CRITERION_TAG) ? modelMeta(strapi, CRITERION_TAG) : undefined;
  if (tags) out.push([indexName([tags.tableName, 'value']), tags.tableName, [tags.attributes.value?.columnName ?? 'value', 'id'], false]);
  return out;
};

/** Creates the indexes of `listIndexes` that are missing (both databases; IF NOT EXISTS). */
export const ensureListIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const knex: Knex = strapi.db.connection;
  const published = (table: string) => {
    const uid = Object.values(UID).find((u) => strapi.db.metadata.get(u).tableName === table);
    return uid ? (modelMeta(strapi, uid).attributes.publishedAt?.columnName ?? 'published_at') : 'published_at';
  };
  for (const [name, table, columns, partial] of listIndexes(strapi)) {
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})${partial ? ' WHERE ?? IS NOT NULL' : ''}`,
      [name, table, ...columns, ...(partial ? [published(table)] : [])]
    );
  }
};
