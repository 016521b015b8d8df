import { open } from 'node:fs/promises';
import path from 'node:path';

/**
 * Active content: files a browser runs when it opens them (HTML, SVG, XML
 * with its stylesheets, scripts, Flash...). Served from the app's own origin
 * they run with its cookies and its admin's localStorage (Strapi advisory
 * CVE-2026-22707: an Author uploads an HTML or SVG page, a super admin opens
 * it, the page reads the admin token). The Media Library refuses them; what
 * is stored anyway (files uploaded before, files copied onto the disk) is
 * served inert (see `uploadHeaders` in ./serve.ts).
 */
export const ACTIVE_MIME_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/xml',
  'text/xml',
  'application/xslt+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/mathml+xml',
  'application/rdf+xml',
  'text/javascript',
  'application/javascript',
  'application/x-javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/wasm',
  'text/css',
  'application/x-shockwave-flash',
  'application/java-archive',
  'application/x-java-applet',
  'application/hta',
  'text/x-component',
  'text/cache-manifest',
  'application/x-httpd-php',
  'application/manifest+json',
] as const;

/** File name extensions of active content (lower case, with the dot): refused whatever the content. */
export const ACTIVE_EXTENSIONS = new Set([
  '.html', '.htm', '.shtml', '.xhtml', '.xht', '.mht', '.mhtml', '.hta', '.htc',
  '.svg', '.svgz', '.xml', '.xsl', '.xslt', '.xsd', '.rss', '.atom', '.rdf', '.mml',
  '.js', '.mjs', '.cjs', '.jsx', '.wasm', '.css', '.swf', '.jar', '.php', '.phtml',
  '.appcache', '.manifest', '.webmanifest',
]);

/**
 * What the Media Library accepts (Strapi's `plugin::upload.security.allowedTypes`,
 * checked by Strapi on the detected content): raster images, PDF, audio, video,
 * plain text and CSV, office documents.
 */
export const ALLOWED_UPLOAD_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/tiff',
  'image/bmp',
  'application/pdf',
  'audio/*',
  'video/*',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'application/vnd.oasis.opendocument.*',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/zip',
];

/**
 * Types a browser may show inline from /uploads (`Content-Disposition: inline`):
 * they render without running anything. Everything else is sent as an attachment.
 */
export const INLINE_TYPES = /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[\w.+-]+|video\/[\w.+-]+)$/i;

const activeTypes = new Set<string>(ACTIVE_MIME_TYPES);

/** Whether a MIME type (parameters ignored) is active content; `+xml` types always are. */
export const isActiveType = (mime: string | null | undefined): boolean => {
  const type = (mime ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return activeTypes.has(type) || type.endsWith('+xml');
};

/** Bytes read from the start of a file to sniff it. */
const SNIFF_BYTES = 64 * 1024;

/** Markup a browser would parse: `<` then a tag name, `!` (doctype, comment, CDATA) or `?` (XML). */
const MARKUP = /<[a-z!?/]/i;

/** Decodes the sniffed bytes as a browser would read text (UTF-16 with a BOM, else UTF-8); null if binary. */
const asText = (bytes: Buffer): string | null => {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.includes(0)) return null;
  return bytes.toString('utf8');
};

/** One uploaded file as Strapi's multipart parser (formidable) describes it. */
export interface UploadedFile {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  type?: string;
}

export type Verdict = { ok: true; detected: string | null } | { ok: false; reason: string };

const readStart = async (file: string): Promise<Buffer> => {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/**
 * Whether an uploaded file may be stored: refused when its name, its declared
 * type or its content is active content. Content is checked by magic bytes
 * (`file-type`, as Strapi does) and, as text formats have none, by looking
 * for markup in the first 64 KiB of any file `file-type` does not recognise
 * or that starts with a byte order mark.
 */
export const checkUpload = async (file: UploadedFile): Promise<Verdict> => {
  const name = file.originalFilename ?? file.name ?? '';
  const declared = file.mimetype ?? file.type ?? '';
  const extension = path.extname(name).toLowerCase();
  if (ACTIVE_EXTENSIONS.has(extension)) return { ok: false, reason: `files ending in ${extension} are not accepted` };
  if (isActiveType(declared)) return { ok: false, reason: `files of type ${declared} are not accepted` };
  const location = file.filepath ?? file.path;
  if (!location) return { ok: false, reason: 'the file could not be read' };
  const bytes = await readStart(location);
  // file-type is ESM-only: loaded through Node's require(esm) where this CommonJS build runs.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = (await fileTypeFromBuffer(new Uint8Array(bytes)))?.mime ?? null;
  if (detected && isActiveType(detected)) return { ok: false, reason: `the content is ${detected}, which is not accepted` };
  // Text has no magic bytes; a byte order mark can pass for one (FF FE reads as an MPEG frame).
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!detected || bom) {
    const text = asText(bytes);
    if (text !== null && MARKUP.test(text)) {
      return { ok: false, reason: 'the content is markup (HTML, SVG or XML), which is not accepted' };
    }
  }
  return { ok: true, detected };
};
