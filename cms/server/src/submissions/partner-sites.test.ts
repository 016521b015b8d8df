import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { adminToken, createAdmin, DEMO_ADMIN, submit, validSubmission } from './testing/fixtures';
import { normalizePartnerOrigins, parsePartnerOrigin, PARTNER_SITE_UID } from './partner-sites';

/**
 * Partner sites (issue #13, part 6): editors register a member's website and
 * the submission form works there at once; deactivated, it is refused; the
 * allow-list is read from the database (no per-instance state); the widget
 * can ask beforehand; registering needs its own permission.
 */
let app: TestApp;
let superAdmin: string;
let registrar: string;
let embedOnly: string;
let nobody: string;
let author: string;

const CHECK = '/api/solidarity/submissions/origin-check';
const CM = `/content-manager/collection-types/${PARTNER_SITE_UID}`;

const originCheck = (origin: string | null) => {
  const req = request(app.url).get(CHECK);
  return origin ? req.set('Origin', origin) : req;
};
const register = (token: string, body: object) =>
  request(app.url).post('/solidarity/partner-sites').set('Authorization', `Bearer ${token}`).send(body);
const status = (token: string, origin: string) =>
  request(app.url).get('/solidarity/partner-sites/status').query({ origin }).set('Authorization', `Bearer ${token}`);

/** An admin with Strapi's default Author role (Content Manager permissions on every content type, no plugin permission). */
const createAuthor = async (email: string): Promise<string> => {
  // Strapi types its services loosely; these are the parts of the admin's role and user services used here.
  const roles = app.strapi.service('admin::role') as unknown as { findOne(where: object): Promise<{ id: number } | null> };
  const users = app.strapi.service('admin::user') as unknown as { create(a: object): Promise<{ id: number }> };
  const role = await roles.findOne({ code: 'strapi-author' });
  if (!role) throw new Error('no Author role');
  const password = 'Author-2026-pass';
  await users.create({ email, firstname: 'Arnau', lastname: 'Author', password, isActive: true, roles: [role.id] });
  return adminToken(app, email, password);
};
const sitesNamed = (name: string) => app.strapi.db.query(PARTNER_SITE_UID).count({ where: { name } });

beforeAll(async () => {
  app = await startStrapi({
    env: {
      ALTCHA_ENABLED: 'false',
      SUBMISSIONS_RATE_IP_POINTS: '10000',
      SUBMISSIONS_RATE_ORIGIN_POINTS: '10000',
      SUBMISSIONS_RATE_ATTEMPTS_POINTS: '10000',
    },
  });
  superAdmin = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
  registrar = await createAdmin(app, 'registrar@network.example', ['plugin::solidarity.embed', 'plugin::solidarity.partners']);
  embedOnly = await createAdmin(app, 'author-embed@network.example', ['plugin::solidarity.embed']);
  nobody = await createAdmin(app, 'author-none@network.example', []);
  author = await createAuthor('author@network.example');
});
afterAll(async () => {
  await app?.stop();
});

describe('partner site origins', () => {
  it('are normalised to origins, https only (http for loopback), no credentials or wildcards', () => {
    expect(parsePartnerOrigin('https://Member.Example/contact?x=1#f')).toEqual({ origin: 'https://member.example' });
    expect(parsePartnerOrigin(' https://member.example:443/ ')).toEqual({ origin: 'https://member.example' });
    expect(parsePartnerOrigin('https://member.example:8443')).toEqual({ origin: 'https://member.example:8443' });
    expect(parsePartnerOrigin('https://bücher.example')).toEqual({ origin: 'https://xn--bcher-kva.example' });
    expect(parsePartnerOrigin('http://localhost:8080')).toEqual({ origin: 'http://localhost:8080' });
    for (const bad of ['http://member.example', 'https://*.member.example', 'https://user:pw@member.example', 'javascript:alert(1)', 'null', '', 'member.example', 42, null]) {
      expect(parsePartnerOrigin(bad), String(bad)).toHaveProperty('error');
    }
    expect(normalizePartnerOrigins('https://a.example, https://A.example/x\nhttps://b.example')).toEqual({
      origins: ['https://a.example', 'https://b.example'],
      errors: [],
    });
    expect(normalizePartnerOrigins([]).errors[0]?.message).toMatch(/at least one/);
    expect(normalizePartnerOrigins({ a: 1 }).errors[0]?.path).toEqual(['origins']);
    expect(normalizePartnerOrigins(['https://ok.example', 'ftp://x.example']).errors.map((e) => e.path)).toEqual([['origins', 1]]);
  });
});

describe('partner sites drive the submission allow-list', () => {
  it('a site registered from the embed builder accepts submissions at once; deactivated, it refuses them', async () => {
    const origin = 'https://cooperativa-sol.example';
    expect((await originCheck(origin).expect(200)).body).toEqual({ data: { allowed: false } });
    const refused = await submit(app, validSubmission(), origin).expect(403);
    expect(refused.body.error.details.hint).toMatch(/partner site/);

    const before = await status(embedOnly, `${origin}/our-form`).expect(200);
    expect(before.body.data).toEqual({ origin, allowed: false, byConfig: false, sites: [] });

    const created = await register(registrar, { name: 'Cooperativa Sol', origin: `${origin.toUpperCase()}/contact`, contact: 'web@sol.example' }).expect(201);
    expect(created.body.data).toMatchObject({ name: 'Cooperativa Sol', origins: [origin], active: true });
    const { documentId } = created.body.data as { documentId: string };

    const check = await originCheck(origin).expect(200);
    expect(check.body).toEqual({ data: { allowed: true } });
    expect(check.headers['access-control-allow-origin']).toBe('*');
    expect(check.headers['access-control-allow-credentials']).toBeUndefined();
    const accepted = await submit(app, validSubmission(), origin).expect(202);
    expect(accepted.headers['access-control-allow-origin']).toBe(origin);
    // no SMTP here: the answer tells the form not to promise mails
    expect(accepted.body.meta).toEqual({ mail: false });
    // the preflight too
    await request(app.url).options('/api/solidarity/submissions').set('Origin', origin).set('Access-Control-Request-Method', 'POST').expect(204);
    expect((await status(embedOnly, origin).expect(200)).body.data).toMatchObject({ allowed: true, sites: [{ documentId, name: 'Cooperativa Sol', active: true }] });

    // registering it again: 409, naming the site
    const twice = await register(registrar, { name: 'Again', origin }).expect(409);
    expect(twice.body.error.message).toContain('Cooperativa Sol');

    // an editor deactivates it in the Content Manager
    await request(app.url).put(`${CM}/${documentId}`).set('Authorization', `Bearer ${superAdmin}`).send({ active: false }).expect(200);
    await submit(app, validSubmission(), origin).expect(403);
    expect((await originCheck(origin).expect(200)).body).toEqual({ data: { allowed: false } });
    const again = await register(registrar, { name: 'Again', origin }).expect(409);
    expect(again.body.error.message).toMatch(/inactive/);
  });

  it('an editor creates one in the Content Manager: its origins are normalised, bad ones refused with a 400', async () => {
    const created = await request(app.url)
      .post(CM)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({ name: 'Ateneu', origins: ['https://Ateneu.example/agenda', 'https://www.ateneu.example'], active: true })
      .expect(201);
    expect(created.body.data.origins).toEqual(['https://ateneu.example', 'https://www.ateneu.example']);
    await submit(app, validSubmission(), 'https://www.ateneu.example').expect(202);

    for (const origins of [['http://ateneu.example'], [], 'not a url', [42], { a: 1 }]) {
      const res = await request(app.url).post(CM).set('Authorization', `Bearer ${superAdmin}`).send({ name: 'Bad', origins, active: true });
      expect(res.status, JSON.stringify(origins)).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    const bad = await request(app.url)
      .put(`${CM}/${created.body.data.documentId as string}`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({ origins: ['https://*.ateneu.example'] });
    expect(bad.status).toBe(400);
    // the stored site is unchanged
    await submit(app, validSubmission(), 'https://ateneu.example').expect(202);
  });

  it('is read from the database on every request: a row written by another instance counts at once', async () => {
    const origin = 'https://written-elsewhere.example';
    await submit(app, validSubmission(), origin).expect(403);
    const table = app.strapi.db.metadata.get(PARTNER_SITE_UID).tableName;
    const now = new Date();
    await app.strapi.db
      .connection(table)
      .insert({ document_id: randomUUID().replace(/-/g, '').slice(0, 24), name: 'Elsewhere', origins: JSON.stringify([origin]), active: true, created_at: now, updated_at: now, published_at: now });
    expect((await originCheck(origin).expect(200)).body.data.allowed).toBe(true);
    await submit(app, validSubmission(), origin).expect(202);
    await app.strapi.db.connection(table).where({ name: 'Elsewhere' }).update({ active: false });
    await submit(app, validSubmission(), origin).expect(403);
  });

  it('origin-check answers about the caller only: own origin without a header, garbage is not allowed, never a 500', async () => {
    expect((await originCheck(null).expect(200)).body).toEqual({ data: { allowed: true } });
    expect((await originCheck(app.url).expect(200)).body).toEqual({ data: { allowed: true } });
    for (const origin of ['null', 'not an origin', 'https://evil.example', 'https://x.example\u0000']) {
      const res = await request(app.url).get(CHECK).set('Origin', encodeURI(origin));
      expect(res.status, origin).toBe(200);
      expect(res.body, origin).toEqual({ data: { allowed: false } });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('partner site admin routes', () => {
  it('need an admin session; registering needs the partners permission (an Author without it gets 403)', async () => {
    await request(app.url).post('/solidarity/partner-sites').send({ name: 'X', origin: 'https://x.example' }).expect(401);
    await request(app.url).get('/solidarity/partner-sites/status?origin=https://x.example').expect(401);
    await register(embedOnly, { name: 'X', origin: 'https://x.example' }).expect(403);
    await register(nobody, { name: 'X', origin: 'https://x.example' }).expect(403);
    await status(nobody, 'https://x.example').expect(403);
    await submit(app, validSubmission(), 'https://x.example').expect(403);
  });

  it('refuse bad input with a 400 in Strapi’s format', async () => {
    for (const body of [{}, { name: 'X' }, { name: '', origin: 'https://x.example' }, { name: 'X', origin: 'http://x.example' }, { name: 'X', origin: 'https://x.example', contact: 'nope' }, { name: 'X', origin: 'https://x.example', extra: 1 }, { name: 'X', origin: ['https://x.example'] }]) {
      const res = await register(registrar, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.name, JSON.stringify(body)).toBe('ValidationError');
    }
    for (const origin of ['', 'ftp://x.example', 'https://*.x.example']) await status(registrar, origin).expect(400);
  });

  it('an Author cannot create, clone, change or delete a partner site in the Content Manager (needs the partners permission)', async () => {
    const origin = 'https://author-made.example';
    const res = await request(app.url).post(CM).set('Authorization', `Bearer ${author}`).send({ name: 'By author', origins: [origin], active: true });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
    expect(await sitesNamed('By author')).toBe(0);

    const site = await request(app.url).post(CM).set('Authorization', `Bearer ${superAdmin}`).send({ name: 'Casal', origins: ['https://casal.example'], active: false }).expect(201);
    const id = site.body.data.documentId as string;
    await request(app.url).post(`${CM}/clone/${id}`).set('Authorization', `Bearer ${author}`).send({ name: 'Cloned by author', origins: [origin], active: true }).expect(403);
    await request(app.url).put(`${CM}/${id}`).set('Authorization', `Bearer ${author}`).send({ origins: [origin], active: true }).expect(403);
    await request(app.url).delete(`${CM}/${id}`).set('Authorization', `Bearer ${author}`).expect(403);
    expect(await sitesNamed('Cloned by author')).toBe(0);
    expect(await app.strapi.db.query(PARTNER_SITE_UID).findOne({ where: { documentId: id } })).toMatchObject({ active: false, origins: ['https://casal.example'] });
    expect((await originCheck(origin).expect(200)).body).toEqual({ data: { allowed: false } });
    await submit(app, validSubmission(), origin).expect(403);
    // the Author still gets the partners permission's routes refused too
    await register(author, { name: 'X', origin }).expect(403);
  });

  it('a clone in the Content Manager has its origins normalised; bad ones are refused with a 400 and nothing is stored', async () => {
    const site = await request(app.url).post(CM).set('Authorization', `Bearer ${superAdmin}`).send({ name: 'Original', origins: ['https://original.example'], active: false }).expect(201);
    const id = site.body.data.documentId as string;
    for (const origins of [['http://plain-http.example'], ['*'], ['javascript:alert(1)'], 'https://ok.example *', [], { a: 1 }]) {
      const res = await request(app.url).post(`${CM}/clone/${id}`).set('Authorization', `Bearer ${superAdmin}`).send({ name: 'Bad clone', origins, active: true });
      expect(res.status, JSON.stringify(origins)).toBe(400);
      expect(res.body.error.name, JSON.stringify(origins)).toBe('ValidationError');
    }
    expect(await sitesNamed('Bad clone')).toBe(0);
    for (const origin of ['http://plain-http.example', '*', 'javascript:alert(1)']) {
      expect((await originCheck(origin).expect(200)).body, origin).toEqual({ data: { allowed: false } });
    }
    const clone = await request(app.url)
      .post(`${CM}/clone/${id}`)
      .set('Authorization', `Bearer ${superAdmin}`)
      .send({ name: 'Good clone', origins: ['https://Clone.example/page'], active: true });
    expect(clone.status).toBeLessThan(300);
    expect(await app.strapi.db.query(PARTNER_SITE_UID).findOne({ where: { name: 'Good clone' } })).toMatchObject({ origins: ['https://clone.example'], active: true });
    await submit(app, validSubmission(), 'https://clone.example').expect(202);
  });

  it('partner sites are not in the public API', async () => {
    for (const path of ['/api/solidarity/partner-sites', '/api/partner-sites', '/api/solidarity/partner-site']) {
      expect((await request(app.url).get(path)).status, path).toBe(404);
    }
  });
});
