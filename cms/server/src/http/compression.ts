import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import compressible from 'compressible';
import compress from 'koa-compress';
import Encodings from 'koa-compress/lib/encodings';
import type { Context, Middleware } from 'koa';

/**
 * Response compression: gzip and brotli where the client accepts them.
 *
 * Every answer goes through koa-compress (the middleware behind Strapi's own
 * `strapi::compression`, already installed with Strapi), mounted before the
 * cache's fast path so that JSON, feeds, calendars, exports and files are all
 * covered: it reads Accept-Encoding with its q-values, prefers br then gzip,
 * adds `Vary: Accept-Encoding`, leaves small bodies (< 1 KB), HEAD, 204/304
 * and answers that already carry a Content-Encoding alone (so nothing is
 * compressed twice) and honours `Cache-Control: no-transform`.
 *
 * Answers that are the same bytes many times are compressed once instead:
 * the response cache keeps each body's gzip and brotli forms (./cache.ts) and
 * the widget bundle is compressed at build time (.gz and .br next to each file,
 * served by ../static). Both pick the encoding with koa-compress's own
 * negotiation (`preferredEncoding`), so a client gets the same encoding from
 * either path.
 *
 * ETags stay weak validators (`W/"..."`), the same for every encoding of an
 * answer (RFC 9110 8.8.1: weak validators compare semantically equal
 * representations), so `If-None-Match` matches whatever encoding the client got.
 */

/** Bodies under this many bytes are sent as they are (a gzip header costs ~20 bytes; small answers gain nothing). */
export const COMPRESS_THRESHOLD = 1024;

/** Encodings this app produces, best first (deflate is left out: its framing is ambiguous across clients). */
export type ContentEncoding = 'br' | 'gzip';
const PREFERRED: ContentEncoding[] = ['br', 'gzip'];

/** Brotli quality for answers compressed on the fly (4: koa-compress's default, fast with a good ratio). */
const BROTLI_ON_THE_FLY = 4;

/**
 * The koa-compress middleware with this app's settings; mount it before
 * anything that answers. koa-compress 5.1.1 still picks an encoding the client
 * named with `q=0` ("not acceptable", RFC 9110 12.5.3) when every encoding it
 * names has q=0; such a request gets identity here (`ctx.compress = false`).
 * A client that refuses identity too (`identity;q=0` alone) would get
 * koa-compress's bare-text 406; instead the header is disregarded, as RFC 9110
 * 12.1 allows ("disregard the header field by treating the resource as if it is
 * not subject to content negotiation"), and the answer is sent as it is, in
 * Strapi's own format with its CORS headers. Content codings are matched
 * case-insensitively (RFC 9110 8.4.1), so `GZIP` is gzip.
 */
export const compression = (): Middleware => {
  const inner = compress({
    threshold: COMPRESS_THRESHOLD,
    deflate: false,
    br: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_ON_THE_FLY } },
    filter: isCompressible,
  });
  return async (ctx, next) => {
    const header = ctx.request.headers['accept-encoding'];
    // koa-compress reads the raw header with case-sensitive names: hand it the folded one
    if (typeof header === 'string') ctx.request.headers['accept-encoding'] = withGzipAlias(header);
    if (preferredEncoding(ctx) === null) ctx.compress = false;
    await inner(ctx, next);
    if (ctx.method === 'HEAD') announceEncoding(ctx);
  };
};

/** koa-compress's default filter (the `compressible` package, from mime-db), named so that HEAD uses the same. */
const isCompressible = (type: string): boolean => Boolean(compressible(type));

/** Cache-Control's no-transform directive (RFC 9111 5.2.2.6): koa-compress leaves such an answer alone. */
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * HEAD gets the headers GET would (RFC 9110 9.3.2): koa-compress skips HEAD, so an answer it would
 * compress on GET (an export stream, an uncached body) went out without Content-Encoding. Here the
 * same conditions as koa-compress 5.1.1 (lib/index.js) decide; when GET would be compressed,
 * Content-Encoding is set and the length dropped (GET streams the compressed body without one),
 * and the body, which HEAD never sends, is not compressed: it is replaced by an empty stream, so
 * that an export's database reads never start and Koa does not announce the identity length.
 */
const announceEncoding = (ctx: Parameters<Middleware>[0]): void => {
  if (
    !ctx.body ||
    ctx.compress === false ||
    ctx.response.get('Content-Encoding') ||
    [204, 205, 304].includes(ctx.status) ||
    !(ctx.compress === true || isCompressible(ctx.response.type)) ||
    NO_TRANSFORM.test(String(ctx.response.get('Cache-Control'))) ||
    (typeof ctx.response.length === 'number' && ctx.response.length < COMPRESS_THRESHOLD)
  ) {
    return;
  }
  const encoding = preferredEncoding(ctx);
  if (!encoding) return;
  const type = ctx.response.get('Content-Type');
  ctx.body = Readable.from([]);
  // setting a stream body keeps the type; set it again in case Koa guessed one
  if (type) ctx.set('Content-Type', String(type));
  ctx.remove('Content-Length');
  ctx.set('Content-Encoding', encoding);
};

/**
 * An Accept-Encoding value lower-cased, with `x-gzip` read as `gzip` ("A recipient SHOULD consider
 * x-gzip to be equivalent to gzip", RFC 9110 8.4.1.3): koa-compress's parser knows only gzip,
 * compress, deflate, br, identity and `*`, and drops what else it is given. When the client names
 * both, gzip's own entry is kept and the alias dropped. The answer says `Content-Encoding: gzip`.
 */
export const withGzipAlias = (header: string): string => {
  const entries = header.toLowerCase().split(',');
  const named = (name: string) => entries.some((e) => e.split(';')[0]?.trim() === name);
  if (!named('x-gzip')) return header.toLowerCase();
  const hasGzip = named('gzip');
  return entries
    .flatMap((e) => {
      if (e.split(';')[0]?.trim() !== 'x-gzip') return [e];
      return hasGzip ? [] : [e.replace('x-gzip', 'gzip')];
    })
    .join(',');
};

/**
 * The encoding to answer `ctx` with, as koa-compress would choose it from its
 * Accept-Encoding (q-values, `*`, `identity;q=0`, names in any case): 'br',
 * 'gzip', or null for identity. A client that refuses every encoding and
 * identity too gets identity (null): the header is disregarded (RFC 9110 12.1)
 * rather than answered with a 406. Never throws.
 */
export const preferredEncoding = (ctx: Context): ContentEncoding | null => {
  const encodings = new Encodings({ preferredEncodings: PREFERRED });
  encodings.parseAcceptEncoding(withGzipAlias(ctx.get('Accept-Encoding') || 'identity'));
  let chosen: string;
  try {
    chosen = encodings.getPreferredContentEncoding();
  } catch {
    return null; // identity;q=0 and nothing else acceptable: disregard the header
  }
  if (encodings.encodingWeights.get(chosen) === 0) return null; // q=0: not acceptable
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
};

/**
 * A body and, filled on first use, its compressed forms (memoized: compressed once, sent many times;
 * a promise, so that concurrent first sends share one compression).
 */
export interface CompressibleBody {
  body: string;
  encoded?: Partial<Record<ContentEncoding, Promise<Buffer>>>;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * `body` in `encoding` (brotli at quality 5, gzip at level 6), memoized on the object. Compressed
 * on libuv's thread pool (zlib's asynchronous API), not on the event loop: a list answer of 20 KB
 * costs about a millisecond of brotli, a seventh of an uncached list's CPU (issue #12 bench), which
 * the loop then spends answering other requests.
 */
export const encodedBody = (value: CompressibleBody, encoding: ContentEncoding): Promise<Buffer> => {
  value.encoded ??= {};
  const hit = value.encoded[encoding];
  if (hit) return hit;
  const raw = Buffer.from(value.body, 'utf8');
  const out =
    encoding === 'br'
      ? brotliAsync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 5,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : gzipAsync(raw, { level: 6 });
  value.encoded[encoding] = out;
  // a failed compression is not remembered: the next send tries again
  out.catch(() => {
    if (value.encoded?.[encoding] === out) delete value.encoded[encoding];
  });
  return out;
};

/**
 * Sends `value` compressed when the client accepts it and the body is large
 * enough (sets Content-Encoding, so koa-compress leaves it alone), else as it
 * is. Adds `Vary: Accept-Encoding` either way. For GET and HEAD alike, so that
 * HEAD announces the encoding and length that GET sends.
 */
export const sendMaybeCompressed = async (ctx: Context, value: CompressibleBody): Promise<void> => {
  ctx.vary('Accept-Encoding');
  const encoding = Buffer.byteLength(value.body) >= COMPRESS_THRESHOLD ? preferredEncoding(ctx) : null;
  if (!encoding) {
    ctx.body = value.body;
    return;
  }
  const body = await encodedBody(value, encoding);
  ctx.set('Content-Encoding', encoding);
  ctx.body = body;
};
