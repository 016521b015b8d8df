import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import * as demo from './data';

let app: TestApp;
type Doc = Record<string, unknown> & { documentId: string; slug: string; locale: string };

const count = (uid: string) => app.strapi.db.query(uid as never).count();
const counts = async () =>
  Object.fromEntries(await Promise.all(Object.values(UID).map(async (uid) => [uid, await count(uid)])));
const find = (uid: string, params: object) =>
  app.strapi.documents(uid as never).findMany(params as never) as unknown as Promise<Doc[]>;
const seed = () =>
  app.strapi.plugin('solidarity').service('seed') as unknown as {
    demo(): Promise<{ created: Record<string, number>; skipped: Record<string, number> }>;
    demoOnFirstStart(): Promise<unknown>;
  };

beforeAll(async () => {
  app = await startStrapi({ demo: true });
});
afterAll(async () => {
  await app?.stop();
});

describe('demo content', () => {
  it('loads on first start: practices, sessions, statements, organisations, calls', async () => {
    const practices = await find(UID.practice, { locale: 'en', status: 'published', limit: 200, populate: ['topics'] });
    expect(practices.length).toBeGreaterThanOrEqual(12);
    const topics = new Set(practices.flatMap((p) => (p.topics as { slug: string }[]).map((t) => t.slug)));
    expect(topics.size).toBeGreaterThanOrEqual(6);
    expect(new Set(practices.map((p) => p.country)).size).toBeGreaterThanOrEqual(5);

    const sessions = await find(UID.session, { locale: 'en', status: 'published', limit: 100 });
    const now = Date.now();
    const past = sessions.filter((s) => Date.parse(s.startsAt as string) < now);
    const upcoming = sessions.filter((s) => Date.parse(s.startsAt as string) > now);
    expect(sessions.length).toBeGreaterThanOrEqual(6);
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    for (const s of past) {
      expect(s.recordingUrl, s.slug).toMatch(/^https:\/\//);
      expect((s.minutes as unknown[] | null)?.length, s.slug).toBeGreaterThan(0);
    }
    for (const s of upcoming) {
      expect(s.joinUrl, s.slug).toMatch(/^https:\/\//);
      expect(s.registrationUrl, s.slug).toMatch(/^https:\/\//);
    }

    const statements = await find(UID.statement, { locale: 'en', status: 'published', limit: 100 });
    expect(statements.length).toBeGreaterThanOrEqual(6);
    expect(statements.some((s) => s.kind === 'open-call' && s.deadline)).toBe(true);

    expect(await find(UID.organisation, { locale: 'en', status: 'published', limit: 100 })).toHaveProperty('length');
    expect((await find(UID.organisation, { locale: 'en', status: 'published', limit: 100 })).length).toBeGreaterThanOrEqual(10);

    const calls = await find(UID.call, { locale: 'en', status: 'published', populate: ['criteria'] });
    const open = calls.filter((c) => Date.parse(c.opensAt as string) < now && Date.parse(c.closesAt as string) > now);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect((open[0]?.criteria as unknown[]).length).toBeGreaterThan(0);
  });

  it('has practices, sessions and statements in en, ca, es and el, and French only in part', async () => {
    for (const uid of [UID.practice, UID.session, UID.statement]) {
      const en = await find(uid, { locale: 'en', status: 'published', limit: 200 });
      for (const locale of ['ca', 'es', 'el']) {
        const translated = await find(uid, { locale, status: 'published', limit: 200 });
        expect(translated.length, `${uid} ${locale}`).toBeGreaterThan(0);
      }
      if (uid === UID.practice) {
        const fr = await find(uid, { locale: 'fr', status: 'published', limit: 200 });
        expect(fr.length).toBeGreaterThan(0);
        expect(fr.length).toBeLessThan(en.length);
      }
    }
    const [el] = await find(UID.practice, { locale: 'el', status: 'published', limit: 1 });
    expect(el?.title).toMatch(/[α-ωΑ-Ω]/);
  });

  it('keeps drafts and submissions with contact details unpublished', async () => {
    const drafts = demo.practices.filter((p) => !p.published);
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    const published = await find(UID.practice, { status: 'published', locale: 'en', limit: 500 });
    const publishedSlugs = new Set(published.map((p) => p.slug));
    for (const d of drafts) {
      expect(publishedSlugs.has(d.slug), d.slug).toBe(false);
      expect(d.contact?.email, d.slug).toMatch(/@leak-canary\.example$/);
    }
    const [stored] = await find(UID.practice, {
      status: 'draft',
      locale: 'en',
      filters: { slug: drafts[0]?.slug },
      populate: ['contact'],
    });
    expect((stored?.contact as { email: string }).email).toBe(drafts[0]?.contact?.email);
    expect(stored?.reviewStatus).toBe(drafts[0]?.reviewStatus);
  });

  it('seeding again adds nothing and loses nothing', async () => {
    const before = await counts();
    // an editor's change to a demo record must survive a re-seed
    const [practice] = await find(UID.practice, { locale: 'en', status: 'draft', limit: 1 });
    await app.strapi.documents(UID.practice as never).update({
      documentId: practice?.documentId,
      locale: 'en',
      data: { title: 'Edited by an editor' },
    } as never);
    const report = await seed().demo();
    expect(report.created).toEqual({});
    expect(await counts()).toEqual(before);
    const [again] = await find(UID.practice, {
      locale: 'en',
      status: 'draft',
      filters: { documentId: practice?.documentId },
    });
    expect(again?.title).toBe('Edited by an editor');
    // and on a restart the first-start rule does not seed again
    expect(await seed().demoOnFirstStart()).toBeNull();
  });

  it('restores a deleted demo record on an explicit seed only', async () => {
    const slug = demo.statements[0]?.slug as string;
    const [doc] = await find(UID.statement, { locale: 'en', filters: { slug } });
    await app.strapi.documents(UID.statement as never).delete({ documentId: doc?.documentId, locale: '*' } as never);
    expect(await seed().demoOnFirstStart()).toBeNull();
    expect(await find(UID.statement, { locale: 'en', filters: { slug } })).toHaveLength(0);
    const report = await seed().demo();
    expect(report.created).toEqual({ statement: 1 });
  });
});

describe('demo admin', () => {
  it('is created with the printed demo login, which works', async () => {
    const res = await request(app.url)
      .post('/admin/login')
      .send({ email: 'admin@solidarity.example', password: 'Solidarity-2026' });
    expect(res.status).toBe(200);
    expect(res.body.data.user.email).toBe('admin@solidarity.example');
  });

  it('is refused in production without explicit credentials', async () => {
    const service = app.strapi.plugin('solidarity').service('demo-admin') as unknown as {
      ensure(): Promise<string>;
    };
    const previous = app.strapi.config.get('plugin::solidarity.demo.admin');
    const env = process.env.NODE_ENV;
    const users = app.strapi.db.query('admin::user');
    const admins = await users.findMany({ select: ['id', 'email'] });
    try {
      app.strapi.config.set('plugin::solidarity.demo.admin', null);
      process.env.NODE_ENV = 'production';
      await users.deleteMany({});
      expect(await service.ensure()).toBe('refused');
      expect(await users.count()).toBe(0);
    } finally {
      process.env.NODE_ENV = env;
      app.strapi.config.set('plugin::solidarity.demo.admin', previous);
    }
    expect(await service.ensure()).toBe('created');
    expect(admins.length).toBe(1);
  });
});
