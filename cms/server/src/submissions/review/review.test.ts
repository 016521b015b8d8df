import type { Knex } from 'knex';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../../../../../test/helpers/strapi';
import { startStrapiWithMailSink } from '../../../../../test/helpers/mail';
import { SEARCH_TABLE } from '../../search/ddl';
import { UID } from '../../content-types/uids';
import { adminToken, createAdmin, createCall, DEMO_ADMIN, storedPractice, submit, validSubmission } from '../testing/fixtures';
import type { SmtpSink } from '../testing/smtp-sink';

/** The review routes of the admin page: auth, RBAC, transitions, concurrency, publication, erasure, mails. */
let app: TestApp;
let sink: SmtpSink;
let superAdmin: string;
let reviewer: string;
let reviewer2: string;
let noPermission: string;

const admin = (token: string | null) => {
  const agent = request(app.url);
  const auth = <T extends { set(k: string, v: string): T }>(r: T) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  return {
    list: (qs = '') => auth(agent.get(`/solidarity/submissions${qs}`)),
    one: (id: string) => auth(agent.get(`/solidarity/submissions/${id}`)),
    act: (id: string, body: object) => auth(agent.post(`/solidarity/submissions/${id}/actions`)).send(body),
    erase: (id: string) => auth(agent.delete(`/solidarity/submissions/${id}`)),
  };
};

const newSubmission = async (overrides: Record<string, unknown> = {}): Promise<string> =>
  (await submit(app, validSubmission(overrides)).expect(202)).body.data.id as string;

beforeAll(async () => {
  ({ app, sink } = await startStrapiWithMailSink({
    ALTCHA_ENABLED: 'false',
  }));
  superAdmin = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
  reviewer = await createAdmin(app, 'reviewer@network.example', ['plugin::solidarity.review']);
  reviewer2 = await createAdmin(app, 'second@network.example', ['plugin::solidarity.review']);
  noPermission = await createAdmin(app, 'author@network.example', []);
  await createCall(app, 'review-call', new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000));
});
afterAll(async () => {
  await app?.stop();
  await sink?.close();
});

describe('admin review routes: access', () => {
  it('need an admin session (401) and the review permission (403)', async () => {
    const id = await newSubmission();
    await admin(null).list().expect(401);
    await admin(null).one(id).expect(401);
    await admin(null).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(401);
    await admin(null).erase(id).expect(401);
    await admin('not-a-token').list().expect(401);
    await admin(noPermission).list().expect(403);
    await admin(noPermission).one(id).expect(403);
    await admin(noPermission).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(403);
    await admin(reviewer).list().expect(200);
    // erasing is a permission of its own
    await admin(reviewer).erase(id).expect(403);
    await admin(superAdmin).list().expect(200);
  });
});

describe('admin review routes: list and detail', () => {
  it('answers a NUL byte in the search, the call or the id with a 4xx, never a 500 (PostgreSQL refuses NUL in text)', async () => {
    for (const qs of ['?q=%00', '?q=a%00b', '?call=%00']) {
      const res = await admin(reviewer).list(qs);
      expect(res.status, qs).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    for (const id of ['%00', 'abc%00def']) {
      expect((await admin(reviewer).one(id)).status, id).toBe(404);
      expect((await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' })).status, id).toBe(404);
    }
    const eraser = await createAdmin(app, 'nul-eraser@network.example', ['plugin::solidarity.review', 'plugin::solidarity.erase']);
    expect((await admin(eraser).erase('%00')).status).toBe(404);
  });

  it('lists submissions with their contact, counts per status, filters and pagination', async () => {
    const xss = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const inCall = await newSubmission({ call: 'review-call', title: `Call entry ${xss}`, body: `${xss}\n\nsecond` });
    const res = await admin(reviewer).list('?status=submitted&call=review-call').expect(200);
    expect(res.body.data).toHaveLength(1);
    const [item] = res.body.data;
    expect(item).toMatchObject({
      documentId: inCall,
      locale: 'en',
      title: `Call entry ${xss}`,
      status: 'submitted',
      published: false,
      call: { slug: 'review-call' },
      topics: [{ slug: 'ecological-transition' }],
      territory: { municipality: 'Manlleu', region: 'Osona', country: 'ES' },
      contact: { name: 'Marta Puig', email: 'marta.puig@contact-canary.example', phone: '+34 600 000 000', role: 'Coordinator' },
      reviewNotes: expect.stringContaining('Cooperativa Sol Comú — https://solcomu.example — ES'),
    });
    expect(res.body.meta.counts).toEqual({ submitted: 1, 'in-review': 0, 'needs-info': 0, approved: 0, rejected: 0 });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });

    const all = await admin(reviewer).list('?pageSize=1&page=2').expect(200);
    expect(all.body.data).toHaveLength(1);
    expect(all.body.meta.pagination.total).toBeGreaterThanOrEqual(2);
    expect(all.body.meta.counts.submitted).toBe(all.body.meta.pagination.total);
    await admin(reviewer).list('?status=bogus').expect(400);
    await admin(reviewer).list('?sort=title').expect(400);

    const detail = await admin(reviewer).one(inCall).expect(200);
    expect(detail.body.data).toMatchObject({
      documentId: inCall,
      title: `Call entry ${xss}`,
      bodyText: `${xss}\n\nsecond`,
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: xss }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'second' }] },
      ],
      contact: { email: 'marta.puig@contact-canary.example' },
      events: [expect.objectContaining({ action: 'submit', to: 'submitted', by: null, consent: true })],
    });
    await admin(reviewer).one('nosuchdocument000000000').expect(404);
  });

  it('does not list practices written by editors', async () => {
    const docs = app.strapi.documents(UID.practice as never) as unknown as { create(p: object): Promise<{ documentId: string }> };
    const editorial = await docs.create({ locale: 'en', data: { title: 'Editorial draft', slug: 'editorial-draft', summary: 'Written by an editor.' } });
    const res = await admin(reviewer).list('?pageSize=100').expect(200);
    expect(res.body.data.map((d: { documentId: string }) => d.documentId)).not.toContain(editorial.documentId);
    await admin(reviewer).one(editorial.documentId).expect(404);
    await admin(superAdmin).erase(editorial.documentId).expect(404);
  });
});

describe('admin review routes: workflow', () => {
  it('moves a submission through review, asks the contact for information and publishes on approval', async () => {
    const id = await newSubmission({ locale: 'es', title: 'Banco de tiempo de Vic', contact: { name: 'Núria', email: 'nuria@contact-canary.example', role: 'Tècnica' } });
    const start = await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(200);
    expect(start.body.data.status).toBe('in-review');
    expect(start.body.meta.event).toMatchObject({ action: 'start-review', from: 'submitted', to: 'in-review', by: { name: 'Rita reviewer' } });

    const noNote = await admin(reviewer).act(id, { action: 'request-info', expectedStatus: 'in-review' }).expect(400);
    expect(noNote.body.error.details.errors[0]).toMatchObject({ path: ['note'] });
    const note = 'Could you tell us how many households take part?';
    const info = await admin(reviewer).act(id, { action: 'request-info', note, expectedStatus: 'in-review' }).expect(200);
    expect(info.body.data.status).toBe('needs-info');
    expect(info.body.meta.event.mail).toBe('sent');
    const mail = await sink.waitFor((m) => m.to.includes('nuria@contact-canary.example') && m.text.includes(note));
    expect(mail.subject).toBe('Necesitamos más información: Banco de tiempo de Vic');

    // approving needs a review in progress
    const early = await admin(reviewer).act(id, { action: 'approve', expectedStatus: 'needs-info' }).expect(400);
    expect(early.body.error.message).toBe('cannot approve a submission that is needs-info: allowed from in-review');
    await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'needs-info' }).expect(200);
    await request(app.url).get(`/api/solidarity/practices/${id}?locale=es`).expect(404);
    const approved = await admin(reviewer2).act(id, { action: 'approve', expectedStatus: 'in-review' }).expect(200);
    expect(approved.body.data).toMatchObject({ status: 'approved', published: true });

    const detail = await admin(reviewer).one(id).expect(200);
    expect(detail.body.data.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'start-review', 'request-info', 'start-review', 'approve']);
    expect(detail.body.data.events[2]).toMatchObject({ note, mail: 'sent', by: { name: 'Rita reviewer' } });
    expect(detail.body.data.events[4]).toMatchObject({ by: { name: 'Rita second' } });

    // public now, without its private fields
    const pub = await request(app.url).get(`/api/solidarity/practices/${id}?locale=es`).expect(200);
    expect(pub.body.data.title).toBe('Banco de tiempo de Vic');
    expect(pub.text).not.toMatch(/contact-canary|reviewStatus|reviewHistory|households/);
    const search = await request(app.url).get('/api/solidarity/practices?locale=es&q=tiempo').expect(200);
    expect(search.body.data.map((d: { documentId: string }) => d.documentId)).toContain(id);
  });

  it('rejects with a reason, and refuses actions that do not apply', async () => {
    const id = await newSubmission();
    await admin(reviewer).act(id, { action: 'reject', expectedStatus: 'submitted' }).expect(400);
    const rejected = await admin(reviewer).act(id, { action: 'reject', note: 'Out of scope of the call', expectedStatus: 'submitted' }).expect(200);
    expect(rejected.body.data).toMatchObject({ status: 'rejected', published: false });
    await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'rejected' }).expect(400);
    await admin(reviewer).act(id, { action: 'publish', expectedStatus: 'rejected' }).expect(400);
    await admin(reviewer).act(id, { action: 'reject', note: 'x', expectedStatus: 'rejected', extra: 1 }).expect(400);
    await admin(reviewer).act('nosuchdocument000000000', { action: 'reject', note: 'x', expectedStatus: 'submitted' }).expect(404);
  });

  it('answers 409 to a reviewer acting on a status that changed, naming who changed it', async () => {
    const id = await newSubmission();
    await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(200);
    const stale = await admin(reviewer2).act(id, { action: 'reject', note: 'no', expectedStatus: 'submitted' }).expect(409);
    expect(stale.body).toMatchObject({ data: null, error: { status: 409, name: 'ConflictError' } });
    expect(stale.body.error.message).toMatch(/^This submission was already moved to in-review by Rita reviewer at \d{4}-\d\d-\d\dT/);
    expect(stale.body.error.details).toMatchObject({ currentStatus: 'in-review' });
  });

  it('lets one of two simultaneous reviewers win, the other gets 409', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await newSubmission();
      const results = await Promise.all([
        admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' }),
        admin(reviewer2).act(id, { action: 'reject', note: 'duplicate', expectedStatus: 'submitted' }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200);
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body.error.message).toContain(`already moved to ${String(winner?.body.data.status)}`);
      const events = (await admin(reviewer).one(id).expect(200)).body.data.events as { action: string }[];
      expect(events).toHaveLength(2); // the loser left no trace
    }
  });
});

describe('admin review routes: erasure', () => {
  it('erases a submission for good: all languages, draft and published, contact, history, search rows', async () => {
    const eraser = await createAdmin(app, 'dpo@network.example', ['plugin::solidarity.review', 'plugin::solidarity.erase']);
    const id = await newSubmission({ title: 'Erasable practice of Ripoll', contact: { name: 'Erase Me', email: 'erase-me@contact-canary.example', role: 'x1' } });
    await admin(reviewer).act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(200);
    // an editor translates it before approval
    const docs = app.strapi.documents(UID.practice as never) as unknown as { update(p: object): Promise<unknown> };
    await docs.update({ documentId: id, locale: 'ca', data: { title: 'Pràctica esborrable de Ripoll', slug: 'practica-esborrable', summary: 'Un resum prou llarg per a la prova.' } });
    await admin(reviewer).act(id, { action: 'approve', expectedStatus: 'in-review' }).expect(200);
    const knex = app.strapi.db.connection as unknown as Knex;
    const searchRows = async () => Number(((await knex(SEARCH_TABLE).where('document_id', id).count({ n: '*' })) as { n: number }[])[0]?.n);
    expect(await searchRows()).toBe(2);
    expect((await storedPractice(app, id)).length).toBe(4); // en and ca, draft and published
    const contacts = async () =>
      Number(((await knex('components_solidarity_contacts').where('email', 'erase-me@contact-canary.example').count({ n: '*' })) as { n: number }[])[0]?.n);
    expect(await contacts()).toBeGreaterThan(0);

    await admin(eraser).erase(id).expect(204);
    expect(await storedPractice(app, id)).toEqual([]);
    expect(await searchRows()).toBe(0);
    expect(await contacts()).toBe(0);
    await admin(reviewer).one(id).expect(404);
    await admin(eraser).erase(id).expect(404);
    await request(app.url).get(`/api/solidarity/practices/${id}?locale=ca`).expect(404);
    const list = await admin(reviewer).list('?pageSize=100').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('erase-me@');
  });
});
