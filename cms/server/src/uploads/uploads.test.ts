import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { adminToken, DEMO_ADMIN } from '../submissions/testing/fixtures';
import { ACTIVE_MIME_TYPES } from './active-content';
import { UPLOADS_CSP } from './serve';

/**
 * Stored XSS through the Media Library (class of Strapi CVE-2026-22707): an
 * admin with the default Author role uploads active content (HTML, SVG with
 * script, XML, a page renamed .png/.jpg...). Each is refused with a 400 in
 * Strapi's format and nothing is stored; real images and PDFs are accepted
 * and served with the sandboxing headers; a page put under /uploads some other
 * way is served inert.
 */
let app: TestApp;
let author: string;
const stored: number[] = [];

/** A 1×1 PNG, a tiny JPEG and a one-page PDF, as the Media Library receives them. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCAANXP/9k=',
  'base64'
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);
const PAGE = '<!doctype html><html><body><script>document.title = "owned"; fetch("/admin/users", { headers: { Authorization: "Bearer " + localStorage.jwtToken } })</script></body></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>document.title = "owned"</script><rect width="10" height="10"/></svg>';

/** Active content under many names and declared types. */
const ACTIVE: { name: string; content: string | Buffer; type: string }[] = [
  { name: 'page.html', content: PAGE, type: 'text/html' },
  { name: 'page.htm', content: PAGE, type: 'text/html' },
  { name: 'logo.svg', content: SVG, type: 'image/svg+xml' },
  { name: 'logo-xml.svg', content: `<?xml version="1.0"?>\n${SVG}`, type: 'image/svg+xml' },
  { name: 'data.xml', content: '<?xml version="1.0"?><x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:script>document.title="owned"</x:script></x:html>', type: 'application/xml' },
  { name: 'page.xhtml', content: PAGE, type: 'application/xhtml+xml' },
  { name: 'app.js', content: 'document.title = "owned"', type: 'text/javascript' },
  { name: 'style.css', content: 'body { background: url(https://evil.example/x) }', type: 'text/css' },
  // a page under an image's name and type: the content gives it away
  { name: 'photo.png', content: PAGE, type: 'image/png' },
  { name: 'photo.jpg', content: PAGE, type: 'image/jpeg' },
  { name: 'logo.png', content: SVG, type: 'image/png' },
  { name: 'notes.txt', content: PAGE, type: 'text/plain' },
  { name: 'download', content: PAGE, type: 'application/octet-stream' },
  // UTF-16 with a BOM, which browsers decode
  { name: 'wide.png', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')]), type: 'image/png' },
  // leading blanks before the markup
  { name: 'spaced.jpg', content: `${' '.repeat(2000)}\n${PAGE}`, type: 'image/jpeg' },
  // the name hides the type, the declared type tells it
  { name: 'photo.png', content: PNG, type: 'text/html' },
];

const upload = (token: string, files: { name: string; content: string | Buffer; type: string }[], url = '/upload') => {
  const req = request(app.url).post(url).set('Authorization', `Bearer ${token}`);
  for (const f of files) req.attach('files', Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content), { filename: f.name, contentType: f.type });
  return req;
};

const countFiles = async () => app.strapi.db.query('plugin::upload.file' as never).count({});

beforeAll(async () => {
  app = await startStrapi();
  const role = (await app.strapi.db.query('admin::role' as never).findOne({ where: { code: 'strapi-author' } })) as { id: number } | null;
  if (!role) throw new Error('no Author role');
  const users = app.strapi.service('admin::user') as unknown as { create(a: object): Promise<{ id: number }> };
  const password = 'Author-2026-pass';
  await users.create({ email: 'author@uploads.example', firstname: 'Ann', lastname: 'Author', password, isActive: true, roles: [role.id] });
  author = await adminToken(app, 'author@uploads.example', password);
});
afterAll(async () => {
  if (app) {
    const files = app.strapi.plugin('upload').service('upload') as unknown as { remove(f: object): Promise<unknown> };
    for (const id of stored) {
      const file = await app.strapi.db.query('plugin::upload.file' as never).findOne({ where: { id } });
      if (file) await files.remove(file);
    }
  }
  await app?.stop();
});

describe('the Media Library refuses active content', () => {
  it.each(ACTIVE.map((f) => [`${f.name} (${f.type})`, f] as const))('%s: 400, nothing stored', async (_label, file) => {
    const before = await countFiles();
    const res = await upload(author, [file]);
    // (a regression's stored file is removed afterwards all the same)
    if (res.status === 201) stored.push(...(res.body as { id: number }[]).map((f) => f.id));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(res.body.error.message).toMatch(/not accepted/);
    expect(await countFiles()).toBe(before);
  });

  it('refuses the whole request when one of several files is active', async () => {
    const before = await countFiles();
    const res = await upload(author, [
      { name: 'ok.png', content: PNG, type: 'image/png' },
      { name: 'photo.png', content: PAGE, type: 'image/png' },
    ]);
    expect(res.status).toBe(400);
    // One error, naming the active file. Its index is the file's place in the array the body parser
    // built, which follows the order the files finished writing to disk (formidable), not always the
    // form's order under load: the message names the file for that reason.
    expect(res.body.error.details.errors).toEqual([{ path: ['files', expect.any(Number)], message: expect.stringContaining('photo.png'), name: 'ValidationError' }]);
    expect(res.body.error.details.errors[0].message).not.toContain('ok.png');
    expect(await countFiles()).toBe(before);
  });

  it('refuses a replacement with active content (POST /upload?id=)', async () => {
    const res = await upload(author, [{ name: 'first.png', content: PNG, type: 'image/png' }]).expect(201);
    const id = (res.body as { id: number }[])[0]?.id as number;
    stored.push(id);
    await upload(author, [{ name: 'photo.png', content: PAGE, type: 'image/png' }], `/upload?id=${id}`).expect(400);
    const file = (await app.strapi.db.query('plugin::upload.file' as never).findOne({ where: { id } })) as { mime: string; url: string };
    expect(file.mime).toBe('image/png');
    const served = await request(app.url).get(file.url).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect((served.body as Buffer).subarray(0, 8)).toEqual(PNG.subarray(0, 8));
  });

  it("keeps Strapi's own type lists in the upload plugin's config", () => {
    const security = app.strapi.config.get('plugin::upload.security') as { allowedTypes: string[]; deniedTypes: string[] };
    expect(security.deniedTypes).toEqual(expect.arrayContaining(['text/html', 'image/svg+xml', 'application/xml', 'text/javascript']));
    expect(security.deniedTypes).toEqual([...ACTIVE_MIME_TYPES]);
    expect(security.allowedTypes).not.toContain('image/svg+xml');
  });
});

describe('real images and documents are accepted and served inert', () => {
  it.each([
    ['photo.png', PNG, 'image/png', 'inline'],
    ['photo.jpg', JPEG, 'image/jpeg', 'inline'],
    ['report.pdf', PDF, 'application/pdf', 'attachment'],
    ['notes.txt', Buffer.from('Minutes of the assembly: 3 > 2, and a < b.\n'), 'text/plain', 'attachment'],
  ] as const)('%s', async (name, content, type, disposition) => {
    const res = await upload(author, [{ name, content, type }]).expect(201);
    const [file] = res.body as { id: number; url: string; mime: string }[];
    stored.push(file?.id as number);
    expect(file?.mime).toBe(type);
    const served = await request(app.url).get(file?.url as string).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(served.status).toBe(200);
    // images are re-encoded by Strapi (orientation, metadata): same kind, not always the same bytes
    if (type.startsWith('image/')) expect((served.body as Buffer).subarray(0, 3)).toEqual(content.subarray(0, 3));
    else expect(served.body).toEqual(content);
    expect(served.headers['content-type']).toMatch(new RegExp(`^${type}`));
    expect(served.headers['content-security-policy']).toBe(UPLOADS_CSP);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toBe(disposition);
    // partner sites may still show the network's images
    expect(served.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });
});

describe('whatever is under /uploads is served inert', () => {
  const dir = () => path.join(app.strapi.dirs.static.public, 'uploads');
  const planted = ['planted-test-page.html', 'planted-test-logo.svg', 'planted-test-photo.png'];
  beforeAll(() => {
    mkdirSync(dir(), { recursive: true });
    writeFileSync(path.join(dir(), planted[0] as string), PAGE);
    writeFileSync(path.join(dir(), planted[1] as string), SVG);
    writeFileSync(path.join(dir(), planted[2] as string), PAGE);
  });
  afterAll(() => {
    for (const name of planted) rmSync(path.join(dir(), name), { force: true });
  });

  it.each([
    '/uploads/planted-test-page.html',
    '/uploads/planted-test-logo.svg',
    '/uploads/planted-test-photo.png',
    '/UPLOADS/planted-test-page.html',
    '/%75ploads/planted-test-page.html',
    '//uploads/planted-test-page.html',
    // a browser sends %2f as it is; the static server decodes it, then resolves `..`
    '/admin%2f..%2fuploads/planted-test-page.html',
    '/documentation%2f..%2fuploads/planted-test-page.html',
    '/x%2F..%2Fuploads/planted-test-logo.svg',
    '/uploads%2f.%2fplanted-test-page.html',
  ])('%s: sandboxed, not sniffed, downloaded (or refused)', async (url) => {
    const res = await request(app.url).get(url);
    // koa-send answers 400 to a path it finds malicious, 404 to another's case
    expect([200, 400, 404]).toContain(res.status);
    expect(res.headers['content-security-policy']).toBe(UPLOADS_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    if (!/^image\/png/.test(res.headers['content-type'] ?? '')) expect(res.headers['content-disposition']).toBe('attachment');
  });

  it('serves a stored page as an attachment in a sandbox', async () => {
    const res = await request(app.url).get('/uploads/planted-test-page.html').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toBe('attachment');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'$/);
  });

  it('does not touch responses outside /uploads', async () => {
    const res = await request(app.url).get('/api/solidarity/topics').expect(200);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('sandbox');
  });

  it('lets the super admin log in still', async () => {
    expect(await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password)).toMatch(/\./);
  });
});
