/**
 * The part of a better-sqlite3 connection that registers SQL functions
 * (https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#functionname-options-function---this).
 */
export interface SqliteFunctionHost {
  function(name: string, options: { deterministic?: boolean; varargs?: boolean }, fn: (value: unknown) => unknown): unknown;
}

/**
 * PostgreSQL's `lower()` of a text (UTF-8 database, libc or ICU): each code
 * point mapped to its simple lower case (UnicodeData.txt), one code point for
 * one. JavaScript's `toLowerCase()` applies the full mappings of
 * SpecialCasing.txt instead, which differ in exactly two cases: a capital
 * sigma at the end of a word becomes final ς (PostgreSQL: σ), and İ (U+0130)
 * becomes "i" + U+0307 (PostgreSQL: "i"). Both are mapped first.
 */
export const postgresLower = (text: string): string => text.replace(/[\u03A3\u0130]/g, (c) => (c === '\u03A3' ? 'σ' : 'i')).toLowerCase();

/**
 * SQLite's `lower()` folds ASCII letters only, so Strapi's case-insensitive
 * filters (`$eqi`, `$nei`, `$containsi`, `$notContainsi`, `$startsWithi`,
 * `$endsWithi`), which Strapi 5 compiles to `LOWER(column) LIKE LOWER(?)` on
 * SQLite (@strapi/database, query/helpers/where.js), were case-sensitive for
 * Greek, accented Catalan and every other non-ASCII letter. This replaces
 * `lower()` on the connection by `postgresLower`, so that these filters
 * answer on SQLite exactly as on PostgreSQL, whose `lower()`/`ILIKE` Strapi
 * uses there: case only, accents kept; a capital Σ is σ wherever it stands,
 * so a final ς matches only a final ς ("ΟΔΟΣ" does not find a stored "οδός"
 * on either database; `q=` folds both); İ is i.
 * Deterministic, so SQLite may use it in
 * indexes; NULL stays NULL and numbers become text, as with the built-in.
 * Registered on every new connection (pool `afterCreate`): it holds no state,
 * so any number of instances behave alike.
 */
export const registerUnicodeLower = (connection: SqliteFunctionHost): void => {
  connection.function('lower', { deterministic: true }, (value) => {
    if (typeof value === 'string') return postgresLower(value);
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    return value;
  });
};
