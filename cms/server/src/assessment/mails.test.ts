import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, type TestApp } from '../../../../test/helpers/strapi';
import { startStrapiWithMailSink } from '../../../../test/helpers/mail';
import { contentManager } from '../../../../test/helpers/content-manager';
import { UID } from '../content-types/uids';
import { adminToken, createAdmin, DEMO_ADMIN, submit, validSubmission } from '../submissions/testing/fixtures';
import type { SmtpSink } from '../submissions/testing/smtp-sink';

/**
 * The assessment's mails through the admin HTTP API, captured by a local SMTP sink: the commission
 * told when a call's assessment opens (from the assessment page and from the Content Manager), each
 * member in their language; the submitter's acknowledgement and the commission's decision in the
 * submission's language; every delivery state in the submission's review history.
 */
let app: TestApp;
let sink: SmtpSink;
let superAdmin: string;
let decider: string;
let assessor: string;
let ids: { ca: number; plain: number };
let callId: string;
let cmCallId: string;
let submission: string;

const MEMBER_CA = 'montse@commission-mail.example';
const MEMBER_PLAIN = 'pierre@commission-mail.example';
const CONTACT = 'jordi@contact-mail.example';
/** an editors' address that belongs to no admin user */
const EDITOR_DESK = 'desk@editors-mail.example';

interface Event {
  action: string;
  mail?: string;
  mailEditors?: string;
  decision?: string;
  commission?: { id: number; name: string; mail: string }[];
  by?: { id: number; name: string } | null;
}

const api = (token: string | null) => {
  const agent = request(app.url);
  const auth = <T extends { set(k: string, v: string): T }>(r: T) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
  const base = (id: string) => `/solidarity/assessment/calls/${id}`;
  return {
    phase: (id: string, body: unknown) => auth(agent.put(`${base(id)}/phase`)).send(body as object),
    setCommission: (id: string, body: object) => auth(agent.put(`${base(id)}/commission`)).send(body),
    decide: (id: string, documentId: string, body: object) => auth(agent.post(`${base(id)}/submissions/${documentId}/decision`)).send(body),
    events: async (documentId: string) => (await auth(agent.get(`/solidarity/submissions/${documentId}`)).expect(200)).body.data.events as Event[],
  };
};

const adminId = async (email: string): Promise<number> =>
  ((await app.strapi.db.query('admin::user').findOne({ where: { email }, select: ['id'] })) as { id: number }).id;

/** Waits until the submission's history holds an event for which `found` holds (the delivery is recorded after the answer). */
const eventually = async (documentId: string, found: (e: Event) => boolean): Promise<Event> => {
  for (let i = 0; i < 100; i += 1) {
    const event = (await api(superAdmin).events(documentId)).find(found);
    if (event) return event;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no such event in the history of ${documentId}`);
};

const createCall = async (slug: string, title: { en: string; ca: string }) => {
  const call = await documents(app, UID.call).create({
    locale: 'en',
    status: 'published',
    data: {
      title: title.en,
      slug,
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      criteria: [{ label: 'Impact', weight: 1 }],
    },
  });
  await documents(app, UID.call).update({ documentId: call.documentId, locale: 'ca', status: 'published', data: { title: title.ca, slug, criteria: [{ label: 'Impacte' }] } });
  return call.documentId;
};

beforeAll(async () => {
  ({ app, sink } = await startStrapiWithMailSink({
    ALTCHA_ENABLED: 'false',
    NOTIFY_EDITORS: `${MEMBER_CA},${EDITOR_DESK}`,
  }));
  superAdmin = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
  decider = await createAdmin(app, 'chair@commission-mail.example', ['plugin::solidarity.decide', 'plugin::solidarity.read-scores']);
  assessor = await createAdmin(app, MEMBER_CA, ['plugin::solidarity.assess']);
  await createAdmin(app, MEMBER_PLAIN, ['plugin::solidarity.assess']);
  ids = { ca: await adminId(MEMBER_CA), plain: await adminId(MEMBER_PLAIN) };
  // the Catalan member chose Catalan as their interface language; the other chose none
  await app.strapi.db.query('admin::user').update({ where: { id: ids.ca }, data: { preferedLanguage: 'ca' } });

  callId = await createCall('mail-call-2027', { en: 'Mail practices 2027', ca: 'Pràctiques del correu 2027' });
  cmCallId = await createCall('mail-cm-call-2027', { en: 'Content manager practices 2027', ca: 'Pràctiques del gestor 2027' });
  const res = await submit(
    app,
    validSubmission({ locale: 'ca', call: 'mail-call-2027', title: 'Banc del temps de Vic', contact: { name: 'Jordi', email: CONTACT, role: 'Tècnic' } })
  ).expect(202);
  submission = res.body.data.id as string;
  await submit(app, validSubmission({ call: 'mail-cm-call-2027', title: 'Repair café of Ripoll' })).expect(202);
});
afterAll(async () => {
  await app?.stop();
  await sink?.close();
});

describe('assessment mails: the submitter', () => {
  it('acknowledges the submission in its language and records the delivery on the submit event', async () => {
    const ack = await sink.waitFor((m) => m.to.includes(CONTACT));
    expect(ack.subject).toBe('Hem rebut la vostra pràctica: Banc del temps de Vic');
    const event = await eventually(submission, (e) => e.action === 'submit' && e.mail !== undefined);
    expect(event.mail).toBe('sent');
    expect(event).toMatchObject({ mailEditors: 'sent' });
  });

  it('tells each editor of the new submission in their admin language, else the default locale, without contact details', async () => {
    const ca = await sink.waitFor((m) => m.to.includes(MEMBER_CA) && m.subject.includes('Banc del temps de Vic'));
    expect(ca.subject).toBe('[Solidarity Commons] Nova pràctica enviada: Banc del temps de Vic');
    expect(ca.text).toContain(`/content-manager/collection-types/plugin::solidarity.practice/${submission}`);
    expect(ca.to).toEqual([MEMBER_CA]);
    const desk = await sink.waitFor((m) => m.to.includes(EDITOR_DESK) && m.subject.includes('Banc del temps de Vic'));
    expect(desk.subject).toBe('[Solidarity Commons] New practice submitted: Banc del temps de Vic');
    expect(desk.to).toEqual([EDITOR_DESK]);
    expect(ca.raw + desk.raw).not.toContain(CONTACT);
  });
});

describe('assessment mails: the commission when the assessment opens', () => {
  it('opening from the assessment page needs decide, a valid body and an open call (4xx)', async () => {
    await api(null).phase(callId, { phase: 'assessment' }).expect(401);
    await api(assessor).phase(callId, { phase: 'assessment' }).expect(403);
    for (const body of [{}, { phase: 'results' }, { phase: 'assessment', extra: 1 }, { phase: 3 }]) {
      const res = await api(decider).phase(callId, body).expect(400);
      expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    }
    await api(decider).phase('nosuchcall0000', { phase: 'assessment' }).expect(404);
  });

  it('tells each member, in their language, with a link to the call’s assessment page, and records each delivery', async () => {
    await api(decider)
      .setCommission(callId, { members: [{ userId: ids.ca }, { userId: ids.plain }] })
      .expect(200);
    const before = sink.mails.length;
    const res = await api(decider).phase(callId, { phase: 'assessment' }).expect(200);
    expect(res.body.data).toMatchObject({ documentId: callId, phase: 'assessment' });

    const ca = await sink.waitFor((m) => m.to.includes(MEMBER_CA) && m.subject.includes('2027'));
    expect(ca.subject).toContain('S’ha obert la valoració de «Pràctiques del correu 2027»');
    expect(ca.text).toContain(`/plugins/solidarity/assessment/${callId}`);
    const plain = await sink.waitFor((m) => m.to.includes(MEMBER_PLAIN) && m.subject.includes('2027'));
    // no interface language: the default content locale (English here)
    expect(plain.subject).toContain('The assessment of "Mail practices 2027" is open');
    expect(plain.text).toContain(`/plugins/solidarity/assessment/${callId}`);
    // one mail per member, no contact details of submitters
    expect(sink.mails.slice(before).filter((m) => (m.to.includes(MEMBER_CA) || m.to.includes(MEMBER_PLAIN)) && m.text.includes(callId))).toHaveLength(2);
    expect(ca.raw).not.toContain(CONTACT);

    const event = await eventually(submission, (e) => e.action === 'assessment-open');
    expect(event.commission?.map((c) => [c.id, c.mail]).sort()).toEqual([
      [ids.ca, 'sent'],
      [ids.plain, 'sent'],
    ].sort());
    expect(event.by?.name).toContain('chair');

    // the call is no longer open: opening it again is refused, and nobody is told twice
    await api(decider).phase(callId, { phase: 'assessment' }).expect(400);
    await new Promise((r) => setTimeout(r, 300));
    expect((await api(superAdmin).events(submission)).filter((e) => e.action === 'assessment-open')).toHaveLength(1);
  });

  it('tells the commission when the phase changes in the Content Manager, once', async () => {
    await api(decider).setCommission(cmCallId, { members: [{ userId: ids.plain }] }).expect(200);
    const before = sink.mails.length;
    const cm = contentManager(app.url, superAdmin);
    const res = await cm.update(UID.call, cmCallId, 'en', { phase: 'assessment' });
    expect(res.status, res.text).toBe(200);
    const pub = await cm.publish(UID.call, cmCallId, 'en', { phase: 'assessment' });
    expect(pub.status, pub.text).toBe(200);
    const mail = await sink.waitFor((m) => m.to.includes(MEMBER_PLAIN) && m.subject.includes('Content manager practices 2027'));
    expect(mail.text).toContain(`/plugins/solidarity/assessment/${cmCallId}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(sink.mails.slice(before).filter((m) => m.to.includes(MEMBER_PLAIN) && m.text.includes(cmCallId))).toHaveLength(1);
  });
});

describe('assessment mails: the decision', () => {
  it('mails the decision and the commission’s reason to the submitter in the submission’s language, and records the delivery', async () => {
    const res = await api(decider).decide(callId, submission, { decision: 'selected', reason: 'Replicable in small towns' }).expect(200);
    expect(res.body.data).toMatchObject({ decision: 'selected' });
    const mail = await sink.waitFor((m) => m.to.includes(CONTACT) && m.subject.includes('seleccionada'));
    expect(mail.subject).toBe('La vostra pràctica ha estat seleccionada: Banc del temps de Vic');
    expect(mail.text).toContain('Replicable in small towns');
    expect(mail.text).toContain('«Pràctiques del correu 2027»');
    const event = await eventually(submission, (e) => e.action === 'decide' && e.mail !== undefined);
    expect(event).toMatchObject({ decision: 'selected', mail: 'sent' });
  });
});
