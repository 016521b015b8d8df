import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { contentManager } from '../../../../test/helpers/content-manager';
import { UID } from '../content-types/uids';
import { adminToken, createAdmin, DEMO_ADMIN, submit, validSubmission } from '../submissions/testing/fixtures';

/**
 * A call's assessment through the admin HTTP API: the commission, scoring on the call's scale,
 * who sees whose scores, conflicts of interest, the weighted ranking with its spread, decisions,
 * the review history, RBAC, and the public side (the phase shows; scores, comments and the
 * commission never do; after the results the call's practices are the selected ones).
 */
let app: TestApp;
let superAdmin: string;
let assessorA: string;
let assessorB: string;
let assessorC: string;
let outsider: string;
let reader: string;
let decider: string;
let nobody: string;
let callId: string;
let orgId: string;
const ids: Record<'A' | 'B' | 'C', number> = { A: 0, B: 0, C: 0 };
const CALL_SLUG = 'municipal-practices-2027';
const COMMENT_CANARY = 'assessor-comment-canary';

const api = (token: string | null) => {
  const agent = request(app.url);
  const auth = <T extends { set(k: string, v: string): T }>(r: T) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  const base = `/solidarity/assessment/calls/${callId}`;
  return {
    calls: () => auth(agent.get('/solidarity/assessment/calls')),
    view: (qs = '') => auth(agent.get(`${base}${qs}`)),
    ranking: () => auth(agent.get(`${base}/ranking`)),
    score: (id: string, scores: unknown) => auth(agent.put(`${base}/submissions/${id}/scores`)).send({ scores }),
    decide: (id: string, body: object) => auth(agent.post(`${base}/submissions/${id}/decision`)).send(body),
    commission: () => auth(agent.get(`${base}/commission`)),
    setCommission: (body: object) => auth(agent.put(`${base}/commission`)).send(body),
    submission: (id: string) => auth(agent.get(`/solidarity/submissions/${id}`)),
  };
};

const scores = (...values: number[]) => values.map((score, criterion) => ({ criterion, score, comment: `${COMMENT_CANARY} ${criterion}` }));

const adminId = async (email: string): Promise<number> => {
  const row = (await app.strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as { id: number };
  return row.id;
};

const setPhase = async (phase: string) => {
  const cm = contentManager(app.url, superAdmin);
  const res = await cm.update(UID.call, callId, 'en', { phase });
  expect(res.status, res.text).toBe(200);
  const pub = await cm.publish(UID.call, callId, 'en', { phase });
  expect(pub.status, pub.text).toBe(200);
};

const submissions: Record<'s1' | 's2' | 's3', string> = { s1: '', s2: '', s3: '' };

beforeAll(async () => {
  app = await startStrapi({
    env: { ALTCHA_ENABLED: 'false', SUBMISSIONS_RATE_IP_POINTS: '10000', SUBMISSIONS_RATE_ORIGIN_POINTS: '10000', SUBMISSIONS_RATE_ATTEMPTS_POINTS: '10000' },
  });
  superAdmin = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
  assessorA = await createAdmin(app, 'anna@commission.example', ['plugin::solidarity.assess']);
  assessorB = await createAdmin(app, 'bernat@commission.example', ['plugin::solidarity.assess']);
  assessorC = await createAdmin(app, 'carme@manlleu.example', ['plugin::solidarity.assess']);
  outsider = await createAdmin(app, 'outsider@network.example', ['plugin::solidarity.assess']);
  reader = await createAdmin(app, 'reader@network.example', ['plugin::solidarity.read-scores']);
  decider = await createAdmin(app, 'chair@network.example', ['plugin::solidarity.decide', 'plugin::solidarity.read-scores']);
  nobody = await createAdmin(app, 'nobody@network.example', ['plugin::solidarity.review']);
  ids.A = await adminId('anna@commission.example');
  ids.B = await adminId('bernat@commission.example');
  ids.C = await adminId('carme@manlleu.example');

  const org = await documents(app, UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Ajuntament de Manlleu', slug: 'ajuntament-de-manlleu', kind: 'municipality', country: 'ES' },
  });
  orgId = org.documentId;
  const call = await documents(app, UID.call).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Municipal practices 2027',
      slug: CALL_SLUG,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      criteria: [
        { label: 'Innovation', description: 'New in the territory', weight: 2 },
        { label: 'Impact', weight: 1 },
        { label: 'Replicability' },
      ],
      scaleMin: 0,
      scaleMax: 3,
    },
  });
  callId = call.documentId;
  await documents(app, UID.call).update({
    documentId: callId,
    locale: 'ca',
    status: 'published',
    data: { title: 'Pràctiques municipals 2027', slug: CALL_SLUG, criteria: [{ label: 'Innovació' }, { label: 'Impacte' }, { label: 'Replicabilitat' }] },
  });
  const send = async (title: string, promoter: string) =>
    (await submit(app, validSubmission({ call: CALL_SLUG, title, promoters: [{ name: promoter, country: 'ES' }] })).expect(202)).body.data.id as string;
  submissions.s1 = await send('Energy community of Manlleu', 'Ajuntament de Manlleu');
  submissions.s2 = await send('Time bank of Vic', 'Associació del Banc del Temps');
  submissions.s3 = await send('Repair café of Ripoll', 'Cafè de reparació');
});
afterAll(async () => {
  await app?.stop();
});

describe('assessment: access', () => {
  it('needs an admin session and the assessment permissions: assess, decide and read scores are separate', async () => {
    await api(null).view().expect(401);
    await api(null).score(submissions.s1, scores(1, 1, 1)).expect(401);
    await api(nobody).calls().expect(403);
    await api(nobody).view().expect(403);
    await api(nobody).score(submissions.s1, scores(1, 1, 1)).expect(403);
    // reading scores and deciding do not let one score
    await api(reader).score(submissions.s1, scores(1, 1, 1)).expect(403);
    await api(decider).score(submissions.s1, scores(1, 1, 1)).expect(403);
    // assessing does not let one read the ranking, decide or set the commission
    await api(assessorA).ranking().expect(403);
    await api(assessorA).decide(submissions.s1, { decision: 'selected', reason: 'x' }).expect(403);
    await api(assessorA).setCommission({ members: [] }).expect(403);
    await api(reader).decide(submissions.s1, { decision: 'selected', reason: 'x' }).expect(403);
    const calls = await api(assessorA).calls().expect(200);
    expect(calls.body.data).toEqual([expect.objectContaining({ documentId: callId, phase: 'open', slug: CALL_SLUG })]);
    // titled in the admin's language when the call has it, else in its original one (as the call's page)
    const ca = await api(assessorA).calls().query({ locale: 'ca' }).expect(200);
    expect(ca.body.data).toEqual([expect.objectContaining({ documentId: callId, locale: 'ca', title: 'Pràctiques municipals 2027' })]);
    const fr = await api(assessorA).calls().query({ locale: 'fr' }).expect(200);
    expect(fr.body.data).toEqual([expect.objectContaining({ documentId: callId, locale: 'en', title: 'Municipal practices 2027' })]);
    await api(assessorA).calls().query({ locale: '%00' }).expect(400);
    // in the open phase and within its dates, the public call is open
    const pub = await request(app.url).get(`/api/solidarity/calls/${CALL_SLUG}?locale=ca`).expect(200);
    expect(pub.body.data).toMatchObject({ phase: 'open', isOpen: true });
    await api(assessorA).view('/../nosuchcall000').expect(404);
  });
});

describe('assessment: commission and scoring', () => {
  it('sets the commission (admin users, each with their organisation) and refuses unknown users and organisations', async () => {
    await api(decider).setCommission({ members: [{ userId: 999_999 }] }).expect(400);
    await api(decider).setCommission({ members: [{ userId: ids.A }, { userId: ids.A }] }).expect(400);
    const badOrg = await api(decider).setCommission({ members: [{ userId: ids.A, organisation: 'nosuchorganisation' }] }).expect(400);
    expect(badOrg.body.error.details.errors[0]).toMatchObject({ path: ['members', 0, 'organisation'] });
    await api(decider).setCommission({ members: [{ userId: ids.A, role: 'chair' }] }).expect(400);
    const set = await api(decider)
      .setCommission({ members: [{ userId: ids.A }, { userId: ids.B }, { userId: ids.C, organisation: orgId }] })
      .expect(200);
    expect(set.body.data.members).toEqual([
      expect.objectContaining({ userId: ids.A, organisation: null }),
      expect.objectContaining({ userId: ids.B }),
      expect.objectContaining({ userId: ids.C, organisation: { documentId: orgId, name: 'Ajuntament de Manlleu' } }),
    ]);
    expect(set.body.data.admins.map((a: { id: number }) => a.id)).toEqual(expect.arrayContaining([ids.A, ids.B, ids.C]));
    // the member's conflict with the practice their organisation promotes is in its history at once
    const history = (await api(superAdmin).submission(submissions.s1).expect(200)).body.data.events as { action: string; assessor?: { id: number } }[];
    expect(history.filter((e) => e.action === 'assessment-conflict')).toEqual([expect.objectContaining({ assessor: expect.objectContaining({ id: ids.C }) })]);
  });

  it('scores only in the assessment phase', async () => {
    const early = await api(assessorA).score(submissions.s1, scores(1, 1, 1)).expect(400);
    expect(early.body.error.message).toMatch(/phase is open/);
    await setPhase('assessment');
    // the call takes no more practices, even before its deadline
    const late = await submit(app, validSubmission({ call: CALL_SLUG, title: 'Too late for the commission' })).expect(409);
    expect(late.body.error.message).toMatch(/assessment phase/);
    const view = await api(assessorA).view().expect(200);
    expect(view.body.data.call).toMatchObject({ phase: 'assessment', scale: { min: 0, max: 3 } });
    expect(view.body.data.call.criteria.map((c: { weight: number }) => c.weight)).toEqual([2, 1, 1]);
    const ca = await api(assessorA).view('?locale=ca').expect(200);
    expect(ca.body.data.call.criteria.map((c: { label: string }) => c.label)).toEqual(['Innovació', 'Impacte', 'Replicabilitat']);
    await api(assessorA).view('?locale=%00').expect(400);
  });

  it('validates scores against the call: every criterion once, whole numbers on the scale (400 otherwise)', async () => {
    const cases: [unknown, (string | number)[]][] = [
      [scores(4, 1, 1), ['scores', 0, 'score']],
      [scores(1, -1, 1), ['scores', 1, 'score']],
      [scores(1, 1.5, 1), ['scores', 1, 'score']],
      [scores(1, 1), ['scores']],
      [[...scores(1, 1, 1), { criterion: 3, score: 1 }], ['scores', 3, 'criterion']],
      [[...scores(1, 1, 1), { criterion: 0, score: 2 }], ['scores', 3, 'criterion']],
      [[{ criterion: 0, score: '2' }], ['scores', 0, 'score']],
      [[{ criterion: 0, score: 2, extra: true }], ['scores', 0, 'extra']],
      [[], ['scores']],
      ['no', ['scores']],
    ];
    for (const [body, path] of cases) {
      const res = await api(assessorA).score(submissions.s1, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0].path, JSON.stringify(body)).toEqual(path);
    }
    await api(assessorA).score('nosuchsubmission000', scores(1, 1, 1)).expect(404);
    // an admin with the permission but not on the commission
    const out = await api(outsider).score(submissions.s1, scores(1, 1, 1)).expect(403);
    expect(out.body.error.message).toMatch(/not a member/);
    // nothing was stored
    expect((await api(assessorA).view().expect(200)).body.data.submissions.every((s: { myScores: unknown[] }) => s.myScores.length === 0)).toBe(true);
  });

  it("hides the others' scores from a member until they have scored", async () => {
    await api(assessorA).score(submissions.s1, scores(3, 2, 1)).expect(200);
    const bBefore = (await api(assessorB).view().expect(200)).body.data.submissions.find((s: { documentId: string }) => s.documentId === submissions.s1);
    expect(bBefore).toMatchObject({ scored: false, myScores: [], others: null });
    expect(bBefore).not.toHaveProperty('ranking');
    expect(JSON.stringify(bBefore)).not.toContain(COMMENT_CANARY);
    const scored = await api(assessorB).score(submissions.s1, scores(1, 1, 1)).expect(200);
    expect(scored.body.data).toMatchObject({ scored: true, others: [expect.objectContaining({ assessor: { id: ids.A, name: expect.any(String) }, total: 9 })] });
    const aView = (await api(assessorA).view().expect(200)).body.data.submissions.find((s: { documentId: string }) => s.documentId === submissions.s1);
    expect(aView.others).toEqual([expect.objectContaining({ assessor: expect.objectContaining({ id: ids.B }), total: 4 })]);
    expect(aView.myScores).toEqual(scores(3, 2, 1));
    // the reader of scores sees them all without scoring
    const readerView = (await api(reader).view().expect(200)).body.data.submissions.find((s: { documentId: string }) => s.documentId === submissions.s1);
    expect(readerView.others).toHaveLength(2);
  });

  it('refuses a member whose organisation promotes the practice, and records the conflict once', async () => {
    const view = (await api(assessorC).view().expect(200)).body.data.submissions.find((s: { documentId: string }) => s.documentId === submissions.s1);
    expect(view.conflict).toEqual({ organisation: { documentId: orgId, name: 'Ajuntament de Manlleu' } });
    const res = await api(assessorC).score(submissions.s1, scores(3, 3, 3)).expect(403);
    expect(res.body.error.message).toMatch(/Conflict of interest/);
    expect(res.body.error.details.conflict.organisation.documentId).toBe(orgId);
    await api(assessorC).score(submissions.s1, scores(3, 3, 3)).expect(403);
    const history = (await api(superAdmin).submission(submissions.s1).expect(200)).body.data.events as { action: string }[];
    expect(history.filter((e) => e.action === 'assessment-conflict')).toHaveLength(1);
    // the same member assesses the others
    await api(assessorC).score(submissions.s2, scores(2, 2, 2)).expect(200);
  });
});

describe('assessment: ranking and decision', () => {
  it('ranks by the mean weighted total with the spread between assessors', async () => {
    await api(assessorA).score(submissions.s2, scores(3, 3, 3)).expect(200); // 2·3 + 3 + 3 = 12
    await api(assessorB).score(submissions.s2, scores(3, 3, 1)).expect(200); // 10
    // assessor C gave 2·2 + 2 + 2 = 8; then revises to 11
    await api(assessorC).score(submissions.s2, scores(3, 3, 2)).expect(200);
    const res = await api(reader).ranking().expect(200);
    const list = res.body.data.submissions as { documentId: string; rank: number | null; ranking: Record<string, number | null>; assessors: unknown[] }[];
    expect(list.map((s) => s.documentId)).toEqual([submissions.s2, submissions.s1, submissions.s3]);
    expect(list[0]).toMatchObject({ rank: 1, ranking: { assessors: 3, mean: 11, spread: 2, maxTotal: 12 } });
    expect(list[0]?.ranking.standardDeviation).toBeCloseTo(Math.sqrt(2 / 3), 3);
    expect(list[1]).toMatchObject({ rank: 2, ranking: { assessors: 2, mean: 6.5, spread: 5, standardDeviation: 2.5 } });
    expect(list[2]).toMatchObject({ rank: null, ranking: { assessors: 0, mean: null, spread: null } });
    expect(list[0]?.assessors).toHaveLength(3);
    const history = (await api(superAdmin).submission(submissions.s2).expect(200)).body.data.events as { action: string; note?: string }[];
    expect(history.filter((e) => e.action === 'assess').map((e) => e.note)).toEqual([
      'Scored 3 criteria',
      'Scored 3 criteria',
      'Scored 3 criteria',
      'Scores revised (3 criteria)',
    ]);
    // the history says who scored, never the scores or comments
    expect(JSON.stringify(history)).not.toContain(COMMENT_CANARY);
  });

  it("shows the commission with who has scored what, and the organisations a member can belong to (decide)", async () => {
    await api(assessorA).commission().expect(403);
    const res = await api(decider).commission().expect(200);
    expect(res.body.data.submissions).toBe(3);
    expect(res.body.data.members.map((m: { userId: number; scored: number }) => [m.userId, m.scored])).toEqual([
      [ids.A, 2],
      [ids.B, 2],
      [ids.C, 1],
    ]);
    expect(res.body.data.organisations).toEqual(expect.arrayContaining([{ documentId: orgId, name: 'Ajuntament de Manlleu' }]));
  });

  it('records in the history that the assessment opened, and what became of each member’s notice (no mail server here)', async () => {
    const history = (await api(superAdmin).submission(submissions.s3).expect(200)).body.data.events as { action: string; commission?: { id: number; mail: string }[] }[];
    const opened = history.filter((e) => e.action === 'assessment-open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.commission?.map((m) => [m.id, m.mail])).toEqual([
      [ids.A, 'not-configured'],
      [ids.B, 'not-configured'],
      [ids.C, 'not-configured'],
    ]);
  });

  it('records the decision with its reason in the history', async () => {
    await api(decider).decide(submissions.s2, { decision: 'selected' }).expect(400);
    await api(decider).decide(submissions.s2, { decision: 'selected', reason: '   ' }).expect(400);
    await api(decider).decide(submissions.s2, { decision: 'approved', reason: 'x' }).expect(400);
    await api(decider).decide('nosuchsubmission000', { decision: 'selected', reason: 'x' }).expect(404);
    const res = await api(decider).decide(submissions.s2, { decision: 'selected', reason: 'Highest score; replicable in small towns' }).expect(200);
    expect(res.body.data).toMatchObject({ decision: 'selected', reason: 'Highest score; replicable in small towns', by: { name: expect.any(String) } });
    await api(decider).decide(submissions.s1, { decision: 'needs-info', reason: 'Budget unclear' }).expect(200);
    await api(decider).decide(submissions.s1, { decision: 'not-selected', reason: 'Below the threshold' }).expect(200);
    const ranking = (await api(decider).ranking().expect(200)).body.data.submissions as { documentId: string; decision: { decision: string } | null }[];
    expect(ranking.map((s) => s.decision?.decision ?? null)).toEqual(['selected', 'not-selected', null]);
    const history = (await api(superAdmin).submission(submissions.s1).expect(200)).body.data.events as { action: string; decision?: string; note?: string }[];
    expect(history.filter((e) => e.action === 'decide')).toEqual([
      expect.objectContaining({ decision: 'needs-info', note: 'Budget unclear' }),
      expect.objectContaining({ decision: 'not-selected', note: 'Below the threshold' }),
    ]);
    // the contact's mail for each decision is recorded after the answer: no mail server in this file
    for (let i = 0; i < 50; i += 1) {
      const events = (await api(superAdmin).submission(submissions.s1).expect(200)).body.data.events as { action: string; mail?: string }[];
      const decided = events.filter((e) => e.action === 'decide');
      if (decided.every((e) => e.mail !== undefined)) {
        expect(decided.map((e) => e.mail)).toEqual(['not-configured', 'not-configured']);
        break;
      }
      if (i === 49) throw new Error('the decision mails were not recorded');
      await new Promise((r) => setTimeout(r, 100));
    }
    // the decider's view is ranked too, with decisions
    const view = (await api(decider).view().expect(200)).body.data.submissions as { documentId: string; decision: unknown }[];
    expect(view.map((s) => s.documentId)).toEqual([submissions.s2, submissions.s1, submissions.s3]);
  });
});

describe('assessment: conflicts and commission changes', () => {
  type Ranked = { documentId: string; rank: number | null; ranking: { assessors: number; mean: number | null }; assessors: { assessor: { id: number } }[] };
  const rankingOf = async () => {
    const res = await api(reader).ranking().expect(200);
    return { list: res.body.data.submissions as Ranked[], text: res.text };
  };
  const find = (list: Ranked[], id: string) => list.find((s) => s.documentId === id);

  it('refuses a decision by a commission member whose organisation promotes the practice, and records it', async () => {
    const deciderId = await adminId('chair@network.example');
    await api(decider)
      .setCommission({ members: [{ userId: ids.A }, { userId: ids.B }, { userId: ids.C, organisation: orgId }, { userId: deciderId, organisation: orgId }] })
      .expect(200);
    const res = await api(decider).decide(submissions.s1, { decision: 'selected', reason: 'Our own practice is the best' }).expect(403);
    expect(res.body.error.message).toMatch(/Conflict of interest/);
    expect(res.body.error.details.conflict.organisation.documentId).toBe(orgId);
    // the earlier decision stands, and the refusal is in the history
    const ranking = (await api(reader).ranking().expect(200)).body.data.submissions as { documentId: string; decision: { decision: string } | null }[];
    expect(ranking.find((s) => s.documentId === submissions.s1)?.decision?.decision).toBe('not-selected');
    const history = (await api(superAdmin).submission(submissions.s1).expect(200)).body.data.events as { action: string; refused?: string; decision?: string }[];
    expect(history.filter((e) => e.action === 'assessment-conflict' && e.refused === 'decide')).toEqual([
      expect.objectContaining({ assessor: expect.objectContaining({ id: deciderId }), organisation: { documentId: orgId, name: 'Ajuntament de Manlleu' } }),
    ]);
    expect(history.filter((e) => e.action === 'decide').map((e) => e.decision)).toEqual(['needs-info', 'not-selected']);
    // on a practice their organisation does not promote, the same member decides
    await api(decider).decide(submissions.s2, { decision: 'selected', reason: 'Highest score; replicable in small towns' }).expect(200);
  });

  it('stops counting and showing the scores of an assessor removed from the commission', async () => {
    const deciderId = await adminId('chair@network.example');
    const BERNAT_ONLY = 'bernat-only-comment';
    await api(assessorB)
      .score(submissions.s3, [0, 1, 2].map((criterion) => ({ criterion, score: 3, comment: BERNAT_ONLY })))
      .expect(200);
    expect(find((await rankingOf()).list, submissions.s3)?.ranking).toMatchObject({ assessors: 1, mean: 12 });
    await api(decider)
      .setCommission({ members: [{ userId: ids.A }, { userId: ids.C, organisation: orgId }, { userId: deciderId, organisation: orgId }] })
      .expect(200);
    const { list, text } = await rankingOf();
    expect(list.map((s) => s.documentId)).toEqual([submissions.s2, submissions.s1, submissions.s3]);
    expect(find(list, submissions.s1)).toMatchObject({ rank: 2, ranking: { assessors: 1, mean: 9, spread: 0 } });
    expect(find(list, submissions.s2)).toMatchObject({ rank: 1, ranking: { assessors: 2, mean: 11.5, spread: 1 } });
    expect(find(list, submissions.s3)).toMatchObject({ rank: null, ranking: { assessors: 0, mean: null } });
    expect(list.flatMap((s) => s.assessors.map((a) => a.assessor.id))).not.toContain(ids.B);
    expect(text).not.toContain(BERNAT_ONLY);
    for (const who of [reader, decider, assessorA, assessorB]) {
      const view = await api(who).view().expect(200);
      expect(view.text).not.toContain(BERNAT_ONLY);
      const shown = (view.body.data.submissions as { others: { assessor: { id: number } }[] | null }[]).flatMap((s) => (s.others ?? []).map((a) => a.assessor.id));
      expect(shown).not.toContain(ids.B);
    }
    // the removed assessor's own scores no longer count for them either: they see nobody's
    const bView = (await api(assessorB).view().expect(200)).body.data;
    expect(bView.me.member).toBe(false);
    expect(bView.submissions.every((s: { myScores: unknown[]; scored: boolean; others: unknown }) => s.myScores.length === 0 && !s.scored && s.others === null)).toBe(true);
  });

  it("stops counting a member's scores on a practice their organisation, set after scoring, promotes", async () => {
    const deciderId = await adminId('chair@network.example');
    await api(decider)
      .setCommission({ members: [{ userId: ids.A, organisation: orgId }, { userId: ids.C, organisation: orgId }, { userId: deciderId, organisation: orgId }] })
      .expect(200);
    const { list } = await rankingOf();
    expect(find(list, submissions.s1)).toMatchObject({ rank: null, ranking: { assessors: 0, mean: null }, assessors: [] });
    // their scores on the other practices still count
    expect(find(list, submissions.s2)).toMatchObject({ rank: 1, ranking: { assessors: 2, mean: 11.5 } });
    const aView = (await api(assessorA).view().expect(200)).body.data.submissions.find((s: { documentId: string }) => s.documentId === submissions.s1);
    expect(aView).toMatchObject({ conflict: { organisation: { documentId: orgId } }, myScores: [], scored: false });
    // the scores stay stored: with the commission as before, they count again
    await api(decider)
      .setCommission({ members: [{ userId: ids.A }, { userId: ids.B }, { userId: ids.C, organisation: orgId }] })
      .expect(200);
    expect(find((await rankingOf()).list, submissions.s1)).toMatchObject({ ranking: { assessors: 2, mean: 6.5 } });
  });
});

describe('assessment: public side', () => {
  it('shows the phase, never the scores, comments, commission or decisions', async () => {
    const one = await request(app.url).get(`/api/solidarity/calls/${CALL_SLUG}?locale=en`).expect(200);
    expect(one.body.data).toMatchObject({ phase: 'assessment', criteria: [{ label: 'Innovation' }, { label: 'Impact' }, { label: 'Replicability' }] });
    // the phase is not localized: publishing the English call in the Content Manager (setPhase) moves the
    // published Catalan call too, without republishing it
    const ca = await request(app.url).get(`/api/solidarity/calls/${CALL_SLUG}?locale=ca`).expect(200);
    expect(ca.body.data).toMatchObject({ locale: 'ca', title: 'Pràctiques municipals 2027', phase: 'assessment' });
    // before its deadline, but the assessment has closed it: not open (in both languages)
    expect(new Date(one.body.data.closesAt).getTime()).toBeGreaterThan(Date.now());
    expect(one.body.data.isOpen).toBe(false);
    expect(ca.body.data.isOpen).toBe(false);
    for (const path of [`/api/solidarity/calls/${CALL_SLUG}?locale=en`, '/api/solidarity/calls?locale=en', '/api/solidarity/calls?locale=ca', '/api/solidarity/practices?locale=en']) {
      const res = await request(app.url).get(path).expect(200);
      expect(res.text, path).not.toMatch(new RegExp(`${COMMENT_CANARY}|scaleMin|scaleMax|scoresVisible|weight|commission|assessor|Below the threshold|Highest score`));
    }
  });

  it('after the results, the call lists its selected practices only', async () => {
    // an editor approves (publishes) both assessed submissions
    for (const id of [submissions.s1, submissions.s2]) {
      await request(app.url).post(`/solidarity/submissions/${id}/actions`).set('Authorization', `Bearer ${superAdmin}`).send({ action: 'start-review', expectedStatus: 'submitted' }).expect(200);
      await request(app.url).post(`/solidarity/submissions/${id}/actions`).set('Authorization', `Bearer ${superAdmin}`).send({ action: 'approve', expectedStatus: 'in-review' }).expect(200);
    }
    const during = await request(app.url).get(`/api/solidarity/practices?locale=en&call=${CALL_SLUG}`).expect(200);
    expect(during.body.data.map((p: { documentId: string }) => p.documentId).sort()).toEqual([submissions.s1, submissions.s2].sort());
    await setPhase('results');
    const call = await request(app.url).get(`/api/solidarity/calls/${CALL_SLUG}?locale=en`).expect(200);
    expect(call.body.data).toMatchObject({ phase: 'results', isOpen: false });
    const list = await request(app.url).get('/api/solidarity/calls?locale=ca').expect(200);
    expect(list.body.data).toEqual([expect.objectContaining({ slug: CALL_SLUG, locale: 'ca', phase: 'results', isOpen: false })]);
    const after = await request(app.url).get(`/api/solidarity/practices?locale=en&call=${CALL_SLUG}`).expect(200);
    expect(after.body.data.map((p: { documentId: string }) => p.documentId)).toEqual([submissions.s2]);
    expect(after.text).not.toMatch(new RegExp(`${COMMENT_CANARY}|Highest score`));
    // scoring is over; decisions can still be corrected
    await api(assessorA).score(submissions.s3, scores(1, 1, 1)).expect(400);
    // a member still sees their own scores after the results
    const mine = (await api(assessorA).view().expect(200)).body.data.submissions.find((s: { documentId: string }) => s.documentId === submissions.s1);
    expect(mine.myScores.map((s: { criterion: number }) => s.criterion)).toEqual([0, 1, 2]);
  });
});
