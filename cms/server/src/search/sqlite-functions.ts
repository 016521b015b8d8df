/**
 * The part of a better-sqlite3 connection that registers SQL functions
 * (https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#functionname-options-function---this).
 */
export interface SqliteFunctionHost {
  function(name: string, options: { deterministic?: boolean; varargs?: boolean }, fn: (value: unknown) => unknown): unknown;
}

/**
 * SQLite's `lower()` folds ASCII letters only, so Strapi's case-insensitive
 * filters (`$eqi`, `$nei`, `$containsi`, `$notContainsi`, `$startsWithi`,
 * `$endsWithi`), which Strapi 5 compiles to `LOWER(column) LIKE LOWER(?)` on
 * SQLite (@strapi/database, query/helpers/where.js), were case-sensitive for
 * Greek, accented Catalan and every other non-ASCII letter. This replaces
 * `lower()` on the connection by JavaScript's Unicode `toLowerCase()`, as
 * PostgreSQL's `lower()`/`ILIKE` do with a UTF-8 locale; accents are kept
 * (as PostgreSQL keeps them). Greek final sigma is folded to σ on both
 * sides, so that a word typed in capitals ("ΟΔΟΣ") matches a stored "οδός".
 * (PostgreSQL's lower() writes every Σ as σ, so there a capital final Σ does
 * not match a stored ς; `q=` folds both, on both databases.)
 * Deterministic, so SQLite may use it in
 * indexes; NULL stays NULL and numbers become text, as with the built-in.
 * Registered on every new connection (pool `afterCreate`): it holds no state,
 * so any number of instances behave alike.
 */
export const registerUnicodeLower = (connection: SqliteFunctionHost): void => {
  connection.function('lower', { deterministic: true }, (value) => {
    if (typeof value === 'string') return value.toLowerCase().replace(/ς/g, 'σ');
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    return value;
  });
};
