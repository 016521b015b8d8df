import type { Core } from '@strapi/strapi';

/** A join column of a relation's join table (Strapi's database metadata). */
export interface JoinColumnMeta {
  name: string;
}

/** What the plugin reads of an attribute in Strapi's database metadata: its column, type and join table. */
export interface AttributeMeta {
  columnName?: string;
  type?: string;
  joinTable?: { name: string; joinColumn: JoinColumnMeta; inverseJoinColumn: JoinColumnMeta };
}

/** What the plugin reads of a model in Strapi's database metadata (`strapi.db.metadata`). */
export interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

/**
 * The database metadata of a model (table name, column names, join tables),
 * as Strapi's `strapi.db.metadata.get(uid)` holds it. Throws (Strapi's own
 * error) for a uid the database does not know.
 */
export const modelMeta = (strapi: Core.Strapi, uid: string): ModelMeta =>
  // Strapi types attributes as a union in which only relations carry `joinTable`; the
  // plugin reads the optional fields it names, so the narrower view is safe.
  strapi.db.metadata.get(uid) as unknown as ModelMeta;
