/**
 * koa-compress's own Accept-Encoding negotiation (lib/encodings.js of
 * koa-compress 5.1.1, the version Strapi ships; the package has no `exports`
 * map, so the file is reachable, but @types/koa-compress does not describe it).
 * Used so that answers compressed ahead of time (cached bodies, precompressed
 * files) pick exactly the encoding the middleware would.
 * https://github.com/koajs/compress/blob/v5.1.1/lib/encodings.js
 */
declare module 'koa-compress/lib/encodings' {
  class Encodings {
    constructor(options?: { preferredEncodings?: string[] });
    /** the q-value the client gave each encoding it named (after parseAcceptEncoding) */
    encodingWeights: Map<string, number>;
    /** reads an Accept-Encoding header (q-values, `*`) */
    parseAcceptEncoding(acceptEncoding?: string): void;
    /** the preferred encoding the client accepts, or 'identity'; throws a 406 HttpError when identity;q=0 excludes everything */
    getPreferredContentEncoding(): string;
  }
  export = Encodings;
}
