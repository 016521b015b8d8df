import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../../test/helpers/strapi';
import { UID } from '../../content-types/uids';
import { adminToken, DEMO_ADMIN, submit, validSubmission } from '../testing/fixtures';

/**
 * What reviewers tripped over (issue #15): a promoter the network does not know
 * becomes a draft organisation linked to the practice (confirmed, merged, or
 * published with the practice; never dropped, never public before); what was
 * sent (its website) is kept beside the stored organisation; every mail's
 * delivery is recorded, and the page knows when no mail server is configured.
 * This app has no mail server (no SMTP_HOST).
 */
let app: TestApp;
let token: string;

const admin = () => {
  const auth = <T extends { set(k: string, v: string): T }>(r: T) => r.set('Authorization', `Bearer ${token}`);
  return {
    one: (id: string) => auth(request(app.url).get(`/solidarity/submissions/${id}`)),
    act: (id: string, body: object) => auth(request(app.url).post(`/solidarity/submissions/${id}/actions`)).send(body),
    promoter: (id: string, body: object) => auth(request(app.url).post(`/solidarity/submissions/${id}/promoters`)).send(body),
  };
};

interface Promoter {
  documentId: string;
  name: string;
  website: string | null;
  confirmed: boolean;
  submitted: { name: string; website: string | null; country: string | null } | null;
}

const newSubmission = async (overrides: Record<string, unknown>): Promise<string> =>
  (await submit(app, validSubmission(overrides)).expect(202)).body.data.id as string;

const publishedOrganisation = async (name: string, website: string) => {
  const docs: { create(p: object): Promise<{ documentId: string }> } = app.strapi.documents(UID.organisation);
  return (await docs.create({ locale: 'en', status: 'published', data: { name, slug: name.toLowerCase().replace(/\W+/g, '-'), kind: 'cooperative', website } })).documentId;
};

const publicOrganisations = async () =>
  ((await request(app.url).get('/api/solidarity/organisations?locale=en&pageSize=50').expect(200)).body.data as { name: string }[]).map((o) => o.name);

beforeAll(async () => {
  app = await startStrapi({
    env: { ALTCHA_ENABLED: 'false', SUBMISSIONS_RATE_IP_POINTS: '10000', SUBMISSIONS_RATE_ORIGIN_POINTS: '10000', SUBMISSIONS_RATE_ATTEMPTS_POINTS: '10000' },
  });
  token = await adminToken(app, DEMO_ADMIN.email, DEMO_ADMIN.password);
});
afterAll(async () => {
  await app?.stop();
});

describe('promoters of a submission', () => {
  it('an unknown promoter becomes a draft organisation linked to the practice, not public, published with the practice', async () => {
    const id = await newSubmission({ title: 'Energy commons of Olot', promoters: [{ name: 'Ateneu Nou de Olot', website: 'https://ateneunou.example', country: 'ES' }] });
    const detail = await admin().one(id).expect(200);
    const [promoter] = detail.body.data.promoters as Promoter[];
    expect(promoter).toMatchObject({ name: 'Ateneu Nou de Olot', website: 'https://ateneunou.example', confirmed: false, submitted: { website: 'https://ateneunou.example' } });
    expect(detail.body.data.reviewNotes).toContain('Ateneu Nou de Olot');
    expect(await publicOrganisations()).not.toContain('Ateneu Nou de Olot');
    await request(app.url).get(`/api/solidarity/organisations/${promoter!.documentId}?locale=en`).expect(404);

    // a second submission naming it again links the same draft, not a new one
    const again = await newSubmission({ title: 'Second fiche of Olot', promoters: [{ name: 'ateneu nou de olot' }] });
    expect(((await admin().one(again).expect(200)).body.data.promoters as Promoter[])[0]?.documentId).toBe(promoter!.documentId);

    await admin().act(id, { action: 'start-review', expectedStatus: 'submitted' }).expect(200);
    const approved = await admin().act(id, { action: 'approve', expectedStatus: 'in-review' }).expect(200);
    expect((approved.body.data.promoters as Promoter[])[0]?.confirmed).toBe(true);
    const slug = approved.body.data.slug as string;
    const practice = await request(app.url).get(`/api/solidarity/practices/${slug}?locale=en`).expect(200);
    expect((practice.body.data.promoters as { name: string }[]).map((p) => p.name)).toEqual(['Ateneu Nou de Olot']);
    expect(await publicOrganisations()).toContain('Ateneu Nou de Olot');
  });

  it('a reviewer confirms a new promoter, or merges it into a known organisation (the draft is deleted)', async () => {
    const known = await publishedOrganisation('Xarxa de Consum Solidari', 'https://xarxaconsum.example');
    const id = await newSubmission({
      title: 'Solidarity pantry of Sants',
      promoters: [{ name: 'Rebost de Sants' }, { name: 'XCS (Xarxa Consum)', website: 'https://xcs.example' }],
    });
    const [first, second] = (await admin().one(id).expect(200)).body.data.promoters as Promoter[];
    expect([first?.confirmed, second?.confirmed]).toEqual([false, false]);

    const confirmed = await admin().promoter(id, { action: 'confirm', organisation: first!.documentId }).expect(200);
    expect((confirmed.body.data.promoters as Promoter[]).find((p) => p.documentId === first!.documentId)?.confirmed).toBe(true);
    expect(await publicOrganisations()).toContain('Rebost de Sants');
    // confirmed: no longer a new promoter
    await admin().promoter(id, { action: 'confirm', organisation: first!.documentId }).expect(404);

    await admin().promoter(id, { action: 'merge', organisation: second!.documentId }).expect(400);
    await admin().promoter(id, { action: 'merge', organisation: second!.documentId, into: second!.documentId }).expect(400);
    const merged = await admin().promoter(id, { action: 'merge', organisation: second!.documentId, into: known }).expect(200);
    const after = merged.body.data.promoters as Promoter[];
    expect(after.map((p) => p.documentId).sort()).toEqual([first!.documentId, known].sort());
    // what was sent for it is not shown against the merged-into organisation (another documentId), but is kept in the history
    expect(JSON.stringify(merged.body.data.events)).toContain('https://xcs.example');
    expect(await app.strapi.db.query(UID.organisation).count({ where: { documentId: second!.documentId } })).toBe(0);

    for (const body of [{}, { action: 'publish', organisation: known }, { action: 'confirm', organisation: 'x\u0000' }, { action: 'confirm', organisation: known, extra: 1 }]) {
      expect((await admin().promoter(id, body)).status, JSON.stringify(body)).toBe(400);
    }
    await admin().promoter(id, { action: 'confirm', organisation: known }).expect(404);
    await admin().promoter('nosuchsubmission', { action: 'confirm', organisation: known }).expect(404);
    await request(app.url).post(`/solidarity/submissions/${id}/promoters`).send({ action: 'confirm', organisation: known }).expect(401);
  });

  it('erasing a submission erases the new organisations made from it (never confirmed, linked nowhere else)', async () => {
    const id = await newSubmission({ title: 'Erasable with a new promoter', promoters: [{ name: 'Only In This Fiche', website: 'https://only.example' }] });
    const [promoter] = (await admin().one(id).expect(200)).body.data.promoters as Promoter[];
    await request(app.url).delete(`/solidarity/submissions/${id}`).set('Authorization', `Bearer ${token}`).expect(204);
    expect(await app.strapi.db.query(UID.organisation).count({ where: { documentId: promoter!.documentId } })).toBe(0);
  });

  it('keeps the website that was sent when the promoter matched a known organisation, and shows both', async () => {
    await publishedOrganisation('Coop Teixit', 'https://stored-teixit.example');
    const id = await newSubmission({ title: 'Weaving cooperative', promoters: [{ name: 'COOP TEIXIT', website: 'https://sent-teixit.example', country: 'ES' }] });
    const [promoter] = (await admin().one(id).expect(200)).body.data.promoters as Promoter[];
    expect(promoter).toMatchObject({
      name: 'Coop Teixit',
      website: 'https://stored-teixit.example',
      confirmed: true,
      submitted: { name: 'COOP TEIXIT', website: 'https://sent-teixit.example', country: 'ES' },
    });
    // the stored organisation is not changed by a submission
    const stored = (await app.strapi.db.query(UID.organisation).findMany({ where: { name: 'Coop Teixit' }, select: ['website'] })) as { website: string }[];
    expect(stored.every((o) => o.website === 'https://stored-teixit.example')).toBe(true);
  });
});

describe('mail delivery in the history', () => {
  it('records "not-configured" for every mail and tells the page that mail is not configured', async () => {
    const id = await newSubmission({ title: 'Repair café of Girona' });
    const events = async () => (await admin().one(id).expect(200)).body.data.events as { action: string; mail?: string; mailEditors?: string }[];
    // the submission's mails are sent after the answer
    for (let i = 0; i < 50 && !(await events())[0]?.mail; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await events())[0]).toMatchObject({ action: 'submit', mail: 'not-configured', mailEditors: 'skipped' });
    const detail = await admin().one(id).expect(200);
    expect(detail.body.meta.mail).toEqual({ configured: false });

    const info = await admin().act(id, { action: 'request-info', expectedStatus: 'submitted', note: 'Which year did it start?' }).expect(200);
    expect(info.body.meta.event.mail).toBe('not-configured');
    expect(info.body.meta.mail).toEqual({ configured: false });
    expect((await events()).at(-1)).toMatchObject({ action: 'request-info', mail: 'not-configured' });
  });
});
