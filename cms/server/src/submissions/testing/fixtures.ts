import { solveChallenge, type Challenge } from 'altcha-lib/v1';
import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { UID } from '../../content-types/uids';

/**
 * Helpers of the submission tests. They live beside the code (the plugin's
 * tsconfig compiles them, nothing loads them at run time) and take the test
 * app structurally, so that they do not pull test/ into the build.
 */
export interface TestApp {
  strapi: Core.Strapi;
  url: string;
}
type TestDoc = Record<string, unknown> & { documentId: string };

export const SUBMISSIONS = '/api/solidarity/submissions';

/** A fiche that passes validation (topics seeded on every start). */
export const validSubmission = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Community energy cooperative in Manlleu',
  summary: 'Neighbours and the council share rooftop solar panels and the savings.',
  body: 'The council lends the roofs of three schools.\n\nNeighbours own the panels through a cooperative.',
  topics: ['ecological-transition'],
  promoters: [{ name: 'Cooperativa Sol Comú', website: 'https://solcomu.example', country: 'ES' }],
  territory: { municipality: 'Manlleu', region: 'Osona', country: 'ES' },
  locale: 'en',
  contact: { name: 'Marta Puig', email: 'marta.puig@contact-canary.example', phone: '+34 600 000 000', role: 'Coordinator' },
  consent: true,
  ...overrides,
});

/** Fetches a challenge from the app and solves it as the ALTCHA widget does; returns the base64 payload. */
export const solveProof = async (app: TestApp, origin = app.url): Promise<string> => {
  const res = await request(app.url).get(`${SUBMISSIONS}/challenge`).set('Origin', origin).expect(200);
  const challenge = res.body as Challenge;
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('challenge not solved');
  return Buffer.from(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    })
  ).toString('base64');
};

export const submit = (app: TestApp, body: unknown, origin: string | null = app.url) => {
  const req = request(app.url).post(SUBMISSIONS).set('Content-Type', 'application/json');
  if (origin) req.set('Origin', origin);
  return req.send(JSON.stringify(body));
};

/** The stored draft of a submission, with its private fields and relations. */
export const storedPractice = async (app: TestApp, documentId: string) =>
  (await app.strapi.db.query(UID.practice).findMany({
    where: { documentId },
    populate: { contact: true, topics: { select: ['slug', 'locale'] }, call: { select: ['slug'] }, promoters: { select: ['name'] } },
  })) as (TestDoc & {
    contact?: { name: string; email: string; phone?: string; role?: string } | null;
    topics: { slug: string }[];
    call?: { slug: string } | null;
    promoters: { name: string }[];
  })[];

export const topicSlugs = async (app: TestApp, locale = 'en'): Promise<string[]> =>
  (
    (await app.strapi.db.query(UID.topic).findMany({
      where: { locale, publishedAt: { $notNull: true } },
      select: ['slug'],
    })) as { slug: string }[]
  ).map((t) => t.slug);

/** A published call in every locale, open (or not) now. */
export const createCall = async (app: TestApp, slug: string, opensAt: Date, closesAt: Date) => {
  const docs: { create(p: object): Promise<{ documentId: string }>; update(p: object): Promise<unknown> } =
    app.strapi.documents(UID.call);
  const title = `Call ${slug}`;
  const created = await docs.create({
    locale: 'en',
    status: 'published',
    data: { title, slug, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
  });
  for (const locale of ['ca', 'es', 'el', 'fr']) {
    await docs.update({ documentId: created.documentId, locale, status: 'published', data: { title: `${title} (${locale})`, slug } });
  }
  return created.documentId;
};

export const DEMO_ADMIN = { email: 'admin@solidarity.example', password: 'Solidarity-2026' };

/** An admin JWT for `email` (POST /admin/login). */
export const adminToken = async (app: TestApp, email: string, password: string): Promise<string> => {
  const res = await request(app.url).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login of ${email} failed: ${res.status} ${res.text}`);
  return (res.body as { data: { token: string } }).data.token;
};

/** An admin with a new role holding exactly `actions` (e.g. plugin::solidarity.review). */
export const createAdmin = async (app: TestApp, email: string, actions: string[]) => {
  // Strapi types its services as `{ [key]: any }`-like records; these are the parts of the admin's role and user services used here.
  const roles = app.strapi.service('admin::role') as unknown as {
    create(a: object): Promise<{ id: number }>;
    assignPermissions(id: number, p: object[]): Promise<unknown>;
  };
  const users = app.strapi.service('admin::user') as unknown as { create(a: object): Promise<{ id: number }> };
  const role = await roles.create({ name: `Role of ${email}`, description: 'test role' });
  if (actions.length) await roles.assignPermissions(role.id, actions.map((action) => ({ action })));
  const password = 'Reviewer-2026-pass';
  await users.create({ email, firstname: 'Rita', lastname: email.split('@')[0], password, isActive: true, roles: [role.id] });
  return adminToken(app, email, password);
};
