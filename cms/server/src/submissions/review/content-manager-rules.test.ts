import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../../test/helpers/strapi';
import { UID } from '../../content-types/uids';
import { adminToken, createAdmin, DEMO_ADMIN, submit, validSubmission } from '../testing/fixtures';

/**
 * The review decides what a submission becomes (issue #9): through the
 * Content Manager's own HTTP API, a submission the review has not approved
 * cannot be published (single, bulk, create-and-publish, edit-then-publish),
 * its review fields cannot be rewritten, and editors' own practices publish
 * as any document does.
 */
let app: TestApp;
let superAdmin: string;
let reviewer: string;
let attacker: string;

const CM = `/content-manager/collection-types/${UID.practice}`;
const SUBMISSIONS_PAGE = /Submissions page \(Submissions in the main menu\)/;

type Json = Record<string, unknown>;
interface Row {
  documentId: string;
  locale: string;
  title: string;
  summary: string;
  slug: string;
  publishedAt: string | null;
  reviewStatus: string | null;
  reviewHistory: unknown;
  reviewNotes: string | null;
  source: string | null;
  submittedAt: string | null;
}

const cm = (token: string) => {
  const agent = request(app.url);
  const auth = <T extends { set(k: string, v: string): T }>(r: T) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (id: string) => auth(agent.get(`${CM}/${id}?locale=en`)),
    create: (data: Json) => auth(agent.post(`${CM}?locale=en`)).send(data),
    update: (id: string, data: Json) => auth(agent.put(`${CM}/${id}?locale=en`)).send(data),
    publish: (id: string, data: Json = {}) => auth(agent.post(`/content-manager/collection-types/${UID.practice}/${id}/actions/publish?locale=en`)).send(data),
    createAndPublish: (data: Json) => auth(agent.post(`${CM}/actions/publish?locale=en`)).send(data),
    bulkPublish: (documentIds: string[]) => auth(agent.post(`/content-manager/collection-types/${UID.practice}/actions/bulkPublish?locale=en`)).send({ documentIds }),
    clone: (id: string, data: Json) => auth(agent.post(`${CM}/clone/${id}?locale=en`)).send(data),
  };
};

const review = (token: string, id: string, action: string, expectedStatus: string, note?: string) =>
  request(app.url)
    .post(`/solidarity/submissions/${id}/actions`)
    .set('Authorization', `Bearer ${token}`)
    .send({ action, expectedStatus, ...(note ? { note } : {}) });

const rows = async (documentId: string): Promise<Row[]> =>
  (await app.strapi.db.query(UID.practice as never).findMany({ where: { documentId }, orderBy: { id: 'asc' } })) as Row[];

const historyOf = (value: unknown): Json[] => (typeof value === 'string' ? JSON.parse(value) : value) as Json[];

const publicOne = (slug: string) => request(app.url).get(`/api/solidarity/practices/${slug}?locale=en`);

let counter = 0;
/** A submission from the public form, moved by the reviewer to `status`. */
const submissionIn = async (status: 'submitted' | 'in-review' | 'needs-info' | 'rejected' | 'approved') => {
  counter += 1;
  const res = await submit(app, validSubmission({ title: `Submitted practice number ${counter} ${status}` })).expect(202);
  const id = res.body.data.id as string;
  // the editors' notice is recorded in the history after the answer (submissions/service.ts `mailEditors`):
  // wait for it, so that what a test compares before and after is not that late write
  for (let i = 0; i < 100; i++) {
    if ((await rows(id)).every((r) => historyOf(r.reviewHistory)[0]?.mailEditors !== undefined)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (status === 'in-review' || status === 'approved') await review(reviewer, id, 'start-review', 'submitted').expect(200);
  if (status === 'needs-info') await review(reviewer, id, 'request-info', 'submitted', 'Which year did it start?').expect(200);
  if (status === 'rejected') await review(reviewer, id, 'reject', 'submitted', 'Not a practice of the network').expect(200);
  if (status === 'approved') await review(reviewer, id, 'approve', 'in-review').expect(200);
  return id;
};

/** What the Content Manager's edit form sends: every field of the draft as it was read. */
const editForm = async (token: string, id: string): Promise<Json> => {
  const res = await cm(token).get(id).expect(200);
  // Without the system fields, relations and media (the admin sends those as connect/disconnect lists).
  const skip = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'localizations', 'locale', 'status']);
  const relations = new Set(['topics', 'promoters', 'call', 'sessions', 'images', 'attachments']);
  return Object.fromEntries(Object.entries(res.body.data as Json).filter(([k]) => !skip.has(k) && !relations.has(k)));
};

const expectRefused = (res: request.Response, status: string | RegExp) => {
  expect(res.status, res.text).toBe(400);
  expect(res.body.data).toBeNull();
  expect(res.body.error.message).toMatch(SUBMISSIONS_PAGE);
  expect(res.body.error.message).toMatch(status);
};

const expectUnpublished = async (id: string, before: Row[]) => {
  const after = await rows(id);
  expect(after.filter((r) => r.publishedAt !== null)).toEqual([]);
  expect(after.map((r) => [r.title, r.reviewStatus, r.source, historyOf(r.reviewHistory)])).toEqual(
    before.map((r) => [r.title, r.reviewStatus, r.source, historyOf(r.reviewHistory)])
  );
  const [draft] = after;
  await publicOne(draft!.slug).expect(404);
  const list = await request(app.url).get('/api/solidarity/practices?locale=en&pageSize=50').expect(200);
  expect(JSON.stringify(list.body)).not.toContain(draft!.slug);
};

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
  reviewer = await createAdmin(app, 'reviewer@rules.example', ['plugin::solidarity.review']);

  // The attacker: Content Manager rights on practices (every field, every locale), no review permission.
  // The properties are copied from the super admin's own permissions on the practice type.
  attacker = await createAdmin(app, 'editor@rules.example', []);
  const perms = (await app.strapi.db.query('admin::permission' as never).findMany({
    where: { subject: UID.practice, action: { $startsWith: 'plugin::content-manager.explorer.' } },
  })) as { action: string; subject: string; properties: Json }[];
  const wanted = ['create', 'read', 'update', 'publish'].map((a) => `plugin::content-manager.explorer.${a}`);
  const byAction = new Map(perms.map((p) => [p.action, p]));
  expect(wanted.every((a) => byAction.has(a))).toBe(true);
  const users = (await app.strapi.db.query('admin::user' as never).findMany({
    where: { email: 'editor@rules.example' },
    populate: ['roles'],
  })) as { roles: { id: number }[] }[];
  const roleId = users[0]!.roles[0]!.id;
  const roles = app.strapi.service('admin::role') as unknown as { assignPermissions(id: number, p: object[]): Promise<unknown> };
  await roles.assignPermissions(
    roleId,
    wanted.map((action) => ({ action, subject: UID.practice, properties: byAction.get(action)!.properties, conditions: [] }))
  );
  // The fields the attacker may write include the review fields (the worst case).
  expect((byAction.get('plugin::content-manager.explorer.update')!.properties.fields as string[])).toEqual(
    expect.arrayContaining(['reviewStatus', 'reviewHistory', 'source'])
  );
});
afterAll(async () => {
  await app?.stop();
});

describe.each([
  ['submitted', /status: submitted/],
  ['in-review', /status: in review/],
  ['needs-info', /status: needs info/],
  ['rejected', /rejected/],
] as const)('a submission that is %s', (status, words) => {
  it('cannot be published from the Content Manager: single, bulk, after an edit, or by changing its review fields', async () => {
    const id = await submissionIn(status);
    const before = await rows(id);
    expect(before[0]!.reviewStatus).toBe(status);

    expectRefused(await cm(superAdmin).publish(id), words);
    expectRefused(await cm(superAdmin).publish(id, await editForm(superAdmin, id)), words);
    expectRefused(await cm(superAdmin).bulkPublish([id]), words);
    await expectUnpublished(id, before);

    // Editing the review fields, then publishing.
    for (const data of [
      { reviewStatus: 'approved' },
      { source: 'editor' },
      { reviewStatus: null, source: 'editor' },
      { reviewHistory: [...historyOf(before[0]!.reviewHistory), { at: new Date().toISOString(), action: 'approve', from: status, to: 'approved', by: { id: 1, name: 'Demo Editor' } }] },
      { reviewNotes: 'approved by the commission', submittedAt: '2020-01-01T00:00:00.000Z' },
    ]) {
      const res = await cm(superAdmin).update(id, { ...(await editForm(superAdmin, id)), ...data });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(SUBMISSIONS_PAGE);
      expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual(Object.keys(data).sort());
      expectRefused(await cm(superAdmin).publish(id, { ...(await editForm(superAdmin, id)), ...data }), /review/);
    }
    expectRefused(await cm(superAdmin).publish(id), words);
    await expectUnpublished(id, before);
  });
});

describe('editing a submission in the Content Manager', () => {
  it('saves the text when the edit form sends the review fields unchanged, and keeps them', async () => {
    const id = await submissionIn('in-review');
    const before = (await rows(id))[0]!;
    const form = await editForm(superAdmin, id);
    expect(form).toMatchObject({ reviewStatus: 'in-review', source: 'submission' });
    const res = await cm(superAdmin).update(id, { ...form, title: 'Corrected title of the submission' });
    expect(res.status, res.text).toBe(200);
    const after = (await rows(id))[0]!;
    expect(after.title).toBe('Corrected title of the submission');
    expect([after.reviewStatus, after.source, historyOf(after.reviewHistory), after.reviewNotes]).toEqual([
      before.reviewStatus,
      before.source,
      historyOf(before.reviewHistory),
      before.reviewNotes,
    ]);
    expect(new Date(after.submittedAt!).getTime()).toBe(new Date(before.submittedAt!).getTime());
    // Still waiting for the review.
    expectRefused(await cm(superAdmin).publish(id), /in review/);
  });

  it('refuses to create a practice that claims to be a submission, and stores nothing', async () => {
    const slug = 'forged-submission';
    for (const data of [
      { reviewStatus: 'approved', source: 'submission' },
      { reviewStatus: 'submitted' },
      { reviewHistory: [{ at: '2026-01-01T00:00:00.000Z', action: 'approve', from: 'in-review', to: 'approved', by: { id: 1, name: 'Demo Editor' } }] },
    ]) {
      const body = { title: 'Forged submission', summary: 'Claims a review it never had.', slug, licence: 'CC-BY-SA-4.0', ...data };
      for (const res of [await cm(superAdmin).create(body), await cm(superAdmin).createAndPublish(body)]) {
        expect(res.status, res.text).toBe(400);
        expect(res.body.error.message).toMatch(SUBMISSIONS_PAGE);
      }
    }
    expect(await app.strapi.db.query(UID.practice as never).count({ where: { slug } })).toBe(0);
  });
});

describe("editors' own practices", () => {
  const editorPractice = (slug: string) => ({
    title: `Editor practice ${slug}`,
    summary: 'Written by the network’s editors.',
    slug,
    licence: 'CC-BY-SA-4.0',
    // What the admin's create form sends for the private fields it shows.
    reviewStatus: null,
    reviewHistory: null,
    reviewNotes: null,
    submittedAt: null,
    source: 'editor',
  });

  it('publish as any document does: single, bulk, and create-and-publish', async () => {
    const created = await cm(superAdmin).create(editorPractice('editor-single')).expect(201);
    const single = created.body.data.documentId as string;
    await cm(superAdmin).publish(single, await editForm(superAdmin, single)).expect(200);
    await publicOne('editor-single').expect(200);

    const bulk = (await cm(superAdmin).create(editorPractice('editor-bulk')).expect(201)).body.data.documentId as string;
    const res = await cm(superAdmin).bulkPublish([bulk]).expect(200);
    expect(res.body.count).toBe(1);
    await publicOne('editor-bulk').expect(200);

    await cm(superAdmin).createAndPublish(editorPractice('editor-at-once')).expect(200);
    await publicOne('editor-at-once').expect(200);
  });

  it('a bulk publish that includes a submission publishes nothing', async () => {
    const editor = (await cm(superAdmin).create(editorPractice('editor-with-submission')).expect(201)).body.data.documentId as string;
    const submission = await submissionIn('submitted');
    const before = await rows(submission);
    expectRefused(await cm(superAdmin).bulkPublish([editor, submission]), /status: submitted/);
    await expectUnpublished(submission, before);
    expect((await rows(editor)).filter((r) => r.publishedAt)).toEqual([]);
  });
});

describe('the review', () => {
  it('approve publishes the submission; after that, editors may republish it from the Content Manager', async () => {
    const id = await submissionIn('in-review');
    const res = await review(reviewer, id, 'approve', 'in-review').expect(200);
    expect(res.body.data).toMatchObject({ status: 'approved', published: true });
    const slug = (await rows(id))[0]!.slug;
    await publicOne(slug).expect(200);
    const form = await editForm(superAdmin, id);
    await cm(superAdmin).publish(id, { ...form, summary: 'Edited after the approval.' }).expect(200);
    const published = (await rows(id)).find((r) => r.publishedAt);
    expect(published).toMatchObject({ reviewStatus: 'approved', source: 'submission' });
  });

  it('an approval running at the same time as a Content Manager publish lends it no rights', async () => {
    const approved = await submissionIn('in-review');
    const waiting = await submissionIn('in-review');
    const before = await rows(waiting);
    const [approval, publish] = await Promise.all([
      review(reviewer, approved, 'approve', 'in-review'),
      cm(superAdmin).publish(waiting),
    ]);
    expect(approval.status, approval.text).toBe(200);
    expectRefused(publish, /in review/);
    await expectUnpublished(waiting, before);
  });

  it('holds for every caller of the document service, not only the Content Manager', async () => {
    const id = await submissionIn('needs-info');
    const documents = app.strapi.documents(UID.practice as never) as unknown as { publish(p: object): Promise<unknown> };
    await expect(documents.publish({ documentId: id, locale: 'en' })).rejects.toThrow(SUBMISSIONS_PAGE);
    expect((await rows(id)).filter((r) => r.publishedAt)).toEqual([]);
  });
});

describe('an editor without the review permission', () => {
  it('cannot rewrite the review status or history from the Content Manager, nor publish the submission', async () => {
    await request(app.url).get('/solidarity/submissions').set('Authorization', `Bearer ${attacker}`).expect(403);
    const id = await submissionIn('needs-info');
    const before = await rows(id);
    const history = historyOf(before[0]!.reviewHistory);
    expect(history.map((e) => e.action)).toEqual(['submit', 'request-info']);
    const reviewerName = (history[1]!.by as { name: string }).name;

    // The attacker can read and edit the draft (the rights work)...
    const form = await editForm(attacker, id);
    await cm(attacker).update(id, { ...form, summary: 'An edit the attacker may make.' }).expect(200);
    const edited = await rows(id);
    expect(edited[0]!.summary).toBe('An edit the attacker may make.');

    // ...but not the review.
    const forged = { at: new Date().toISOString(), action: 'approve', from: 'needs-info', to: 'approved', by: { id: 1, name: 'Demo Editor' } };
    for (const data of [
      { reviewStatus: 'approved' },
      { reviewHistory: [...history, forged] },
      { reviewHistory: [] },
      { reviewStatus: 'approved', reviewHistory: [...history, forged] },
      { source: 'editor', reviewStatus: null },
    ]) {
      const res = await cm(attacker).update(id, { ...(await editForm(attacker, id)), ...data });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.message).toMatch(SUBMISSIONS_PAGE);
      expectRefused(await cm(attacker).publish(id, { ...(await editForm(attacker, id)), ...data }), /review/);
    }
    expectRefused(await cm(attacker).publish(id), /needs info/);
    expectRefused(await cm(attacker).bulkPublish([id]), /needs info/);
    // A clone that claims an approval is refused too.
    const cloned = await cm(attacker).clone(id, { ...(await editForm(attacker, id)), slug: 'cloned-submission', reviewStatus: 'approved' });
    expect(cloned.status, cloned.text).toBe(400);
    expect(await app.strapi.db.query(UID.practice as never).count({ where: { slug: 'cloned-submission' } })).toBe(0);

    const after = await rows(id);
    expect(after.filter((r) => r.publishedAt)).toEqual([]);
    expect(after[0]!.reviewStatus).toBe('needs-info');
    const events = historyOf(after[0]!.reviewHistory);
    expect(events).toEqual(history);
    // Every event is the form's or the reviewer's: none by the attacker or anyone else.
    expect(events.map((e) => (e.by as { name: string } | null)?.name ?? 'form')).toEqual(['form', reviewerName]);
    await publicOne(after[0]!.slug).expect(404);
  });
});

describe("the refusals in the editor's language", () => {
  it("follow the admin user's interface language, else Accept-Language, else English", async () => {
    const id = await submissionIn('needs-info');
    const publish = (token: string, language?: string) => {
      const req = request(app.url)
        .post(`/content-manager/collection-types/${UID.practice}/${id}/actions/publish?locale=en`)
        .set('Authorization', `Bearer ${token}`);
      if (language) req.set('Accept-Language', language);
      return req.send({});
    };
    const refused = async (token: string, language?: string) => {
      const res = await publish(token, language);
      expect(res.status, res.text).toBe(400);
      return String(res.body.error.message);
    };

    expect(await refused(superAdmin)).toMatch(SUBMISSIONS_PAGE);
    expect(await refused(superAdmin, 'fr-FR,fr;q=0.9,en;q=0.5')).toMatch(/^“.*” est une proposition en relecture \(statut : informations demandées\)\. Approuvez-la sur la page Propositions/);
    expect(await refused(superAdmin, 'el')).toMatch(/Υποβολές/);
    expect(await refused(superAdmin, 'de-DE')).toMatch(SUBMISSIONS_PAGE);

    // The interface language chosen in the profile (Strapi stores it as `preferedLanguage`) comes first.
    const users = app.strapi.db.query('admin::user');
    await users.update({ where: { email: DEMO_ADMIN.email }, data: { preferedLanguage: 'ca' } });
    try {
      expect(await refused(superAdmin, 'fr')).toMatch(
        /és una proposta en revisió \(estat: cal més informació\)\. Aproveu-la a la pàgina Propostes \(Propostes al menú principal\)/
      );
    } finally {
      await users.update({ where: { email: DEMO_ADMIN.email }, data: { preferedLanguage: null } });
    }
  });
});
