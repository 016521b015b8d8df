/**
 * JSON text of plain data (objects, arrays, strings, numbers, booleans, null), written without
 * `JSON.stringify`'s `toJSON` hook: pages that load old libraries which patch built-ins (Prototype.js
 * defines `Array.prototype.toJSON`, returning a string) would otherwise send every array as a
 * string, which the server refuses. Same output as `JSON.stringify` on unpatched built-ins for such
 * data (ECMA-262 SerializeJSONProperty, minus step 2): `undefined` and functions are left out of
 * objects and become `null` in arrays; non-finite numbers become `null`. Strings and numbers are
 * primitives, for which `JSON.stringify` never calls `toJSON`.
 */
export const json = (v: unknown): string => {
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined || typeof x == 'function' ? 'null' : json(x))).join(',') + ']';
  if (v && typeof v == 'object')
    return (
      '{' +
      Object.keys(v)
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined && typeof (v as Record<string, unknown>)[k] != 'function')
        .map((k) => JSON.stringify(k) + ':' + json((v as Record<string, unknown>)[k]))
        .join(',') +
      '}'
    );
  return JSON.stringify(v) ?? 'null';
};
