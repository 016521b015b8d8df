/**
 * compressible 2.0.18 (jshttp): whether a media type is worth compressing, from mime-db. It is
 * koa-compress's default filter; the app passes it explicitly (./compression.ts) so that HEAD
 * announces exactly what GET does. The package ships no types.
 * https://github.com/jshttp/compressible
 */
declare module 'compressible' {
  /** true, false, or undefined when mime-db does not know the type (then not compressed) */
  function compressible(type: string): boolean | undefined;
  export = compressible;
}
