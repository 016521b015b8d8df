import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, contentManager, type ContentManagerClient } from '../../../../test/helpers/content-manager';
import { parseWithPython, type PyCalendar, type PyFeed } from '../../../../test/helpers/python-parsers';
import { documents, startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { DEMO_ADMIN } from '../submissions/testing/fixtures';
import { labels } from './labels';

/*
 * What calendar and feed subscribers see of editors' changes (issue #14), against a real Strapi on
 * SQLite or PostgreSQL: sessions moved and cancelled through the Content Manager's admin API (as
 * the panel sends them), their SEQUENCE and STATUS, the end-before-start refusal, the deadlines
 * calendar, and every calendar and feed in every locale read back by two parsers each (ical.js and
 * Python icalendar; @rowanmanning/feed-parser and Python feedparser). Python runs once, at the end,
 * over every document fetched here.
 */

let app: TestApp;
let cm: ContentManagerClient;
let adminToken = '';
const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];
const DAY = 86_400_000;
const atSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
const start = atSecond(Date.now() + 10 * DAY);
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
type Json = Record<string, unknown>;

/** Every calendar and feed fetched, for the Python pass at the end. */
const fetched: { kind: 'ics' | 'feed'; path: string; text: string }[] = [];

const get = async (path: string) => {
  const res = await request(app.url).get(`/api/solidarity${path}`).buffer(true).parse((r, done) => {
    r.setEncoding('utf8');
    let data = '';
    r.on('data', (c: string) => (data += c));
    r.on('end', () => done(null, data));
  });
  return { status: res.status, text: String(res.body ?? '') };
};

const calendar = async (path: string) => {
  const res = await get(path);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  fetched.push({ kind: 'ics', path, text: res.text });
  return res.text;
};

const feed = async (path: string) => {
  const res = await get(path);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  fetched.push({ kind: 'feed', path, text: res.text });
  return res.text;
};

/** The events of a calendar as ical.js reads them, by UID prefix (the documentId). */
const eventsOf = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    summary: String(e.getFirstPropertyValue('summary')),
    description: String(e.getFirstPropertyValue('description') ?? ''),
    location: e.getFirstPropertyValue('location') as string | null,
    status: e.getFirstPropertyValue('status') as string | null,
    sequence: e.getFirstPropertyValue('sequence') as number | null,
    start: e.getFirstPropertyValue('dtstart') as ICAL.Time,
    url: e.getFirstPropertyValue('url') as string | null,
    organizer: e.getFirstPropertyValue('organizer'),
    alarm: e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString() ?? null,
  }));

const eventOf = async (path: string, documentId: string) => {
  const event = eventsOf(await calendar(path)).find((e) => e.uid.startsWith(`${documentId}@`));
  return event ?? null;
};

const sessionForm = (title: string, slug: string, extra: Json = {}): Json => ({
  title,
  slug,
  summary: `About ${title}`,
  kind: 'webinar',
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
  timezone: 'Europe/Madrid',
  joinUrl: 'https://meet.example/solidarity',
  ...extra,
});

let moving = '';
let form: Json = {};

beforeAll(async () => {
  app = await startStrapi();
  adminToken = await adminLogin(app.url, DEMO_ADMIN.email, DEMO_ADMIN.password);
  cm = contentManager(app.url, adminToken);
  form = sessionForm('Assembly of the food networks', 'food-assembly');
  const created = await cm.publishNew(UID.session, 'en', form);
  expect(created.status, created.text).toBe(200);
  moving = String((created.body.data as Json).documentId);
  for (const locale of LOCALES.slice(1)) {
    const localized = { ...form, title: `Assembly ${locale}`, slug: `food-assembly-${locale}` };
    const saved = await cm.update(UID.session, moving, locale, localized);
    expect(saved.status, saved.text).toBe(200);
    const published = await cm.publish(UID.session, moving, locale, localized);
    expect(published.status, published.text).toBe(200);
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('sessions moved and cancelled by editors in the Content Manager', () => {
  it('starts at SEQUENCE 0, CONFIRMED, with the join link in CONFERENCE, LOCATION and DESCRIPTION, and no ORGANIZER', async () => {
    const event = await eventOf('/sessions.ics?locale=en', moving);
    expect(event).toMatchObject({ sequence: 0, status: 'CONFIRMED', location: 'https://meet.example/solidarity', organizer: null });
    expect(event?.description).toContain('Join: https://meet.example/solidarity');
    // the event's URL is the session's public page (its `url` in the API)
    const detail = await request(app.url).get('/api/solidarity/sessions/food-assembly').query({ locale: 'en' });
    expect(event?.url).toBe((detail.body as { data: Json }).data.url);
    expect((detail.body as { data: Json }).data).toMatchObject({ scheduleStatus: 'scheduled', statusReason: null, sequence: 0 });
  });

  it('grows SEQUENCE when the time changes, and only then; a sequence sent by the client is ignored', async () => {
    // a title change and a forged sequence: not significant, not taken
    form = { ...form, title: 'Assembly of the food networks (agenda)', sequence: 41 };
    expect((await cm.update(UID.session, moving, 'en', form)).status).toBe(200);
    expect((await cm.publish(UID.session, moving, 'en', form)).status).toBe(200);
    expect((await eventOf('/sessions.ics?locale=en', moving))?.sequence).toBe(0);

    const later = new Date(start.getTime() + DAY);
    form = {
      ...form,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
      scheduleStatus: 'moved',
      statusReason: 'The speakers asked for another day',
      sequence: 0,
    };
    const saved = await cm.update(UID.session, moving, 'en', form);
    expect(saved.status, saved.text).toBe(200);
    // not public before publishing
    expect((await eventOf('/sessions.ics?locale=en', moving))?.sequence).toBe(0);
    const published = await cm.publish(UID.session, moving, 'en', form);
    expect(published.status, published.text).toBe(200);
    const event = await eventOf('/sessions.ics?locale=en', moving);
    expect(event?.sequence).toBe(1);
    expect(event?.start.toJSDate().getTime()).toBe(later.getTime());
    expect(event?.summary).toBe('Moved: Assembly of the food networks (agenda)');
    expect(event?.description).toMatch(/^Moved: The speakers asked for another day\n\n/);
    expect(event?.status).toBe('CONFIRMED');
    // the other locales got the new time and SEQUENCE (not localized), with their own words
    const greek = await eventOf('/sessions.ics?locale=el', moving);
    expect(greek?.sequence).toBe(1);
    expect(greek?.summary).toBe(`${labels('el').moved}: Assembly el`);

    // a new join link (the place) is a change too
    form = { ...form, joinUrl: 'https://meet.example/another-room' };
    expect((await cm.update(UID.session, moving, 'en', form)).status).toBe(200);
    expect((await cm.publish(UID.session, moving, 'en', form)).status).toBe(200);
    const moved = await eventOf('/sessions.ics?locale=en', moving);
    expect(moved).toMatchObject({ sequence: 2, location: 'https://meet.example/another-room' });
  });

  it('marks a cancelled session CANCELLED, with its reason, and keeps it in the calendar', async () => {
    form = { ...form, scheduleStatus: 'cancelled', statusReason: 'Called off: strike day' };
    expect((await cm.update(UID.session, moving, 'en', form)).status).toBe(200);
    expect((await cm.publish(UID.session, moving, 'en', form)).status).toBe(200);
    for (const locale of LOCALES) {
      const event = await eventOf(`/sessions.ics?locale=${locale}`, moving);
      expect(event?.status, locale).toBe('CANCELLED');
      expect(event?.sequence, locale).toBe(3);
      expect(event?.summary.startsWith(`${labels(locale).cancelled}: `), locale).toBe(true);
      expect(event?.location, locale).toBeNull(); // nobody should join
    }
    const event = await eventOf('/sessions.ics?locale=en', moving);
    expect(event?.description).toMatch(/^Cancelled: Called off: strike day/);
    expect(event?.description).not.toContain('Join:');
    const one = await eventOf('/sessions/food-assembly.ics?locale=en', moving);
    expect(one).toMatchObject({ status: 'CANCELLED', sequence: 3 });
  });

  it('drops a cancelled session from the subscription once its notice time is over, not from its own calendar', async () => {
    const longAgo = atSecond(Date.now() - 40 * DAY);
    const old = await documents(app, UID.session).create({
      locale: 'en',
      status: 'published',
      data: { ...sessionForm('Old cancelled session', 'old-cancelled'), startsAt: longAgo, endsAt: null, scheduleStatus: 'cancelled' },
    });
    expect(await eventOf('/sessions.ics?locale=en', old.documentId)).toBeNull();
    expect(await eventOf('/sessions/old-cancelled.ics?locale=en', old.documentId)).toMatchObject({ status: 'CANCELLED' });
  });

  it('refuses an end before the start: 400 in the Content Manager, a ValidationError in the document service', async () => {
    const bad = { ...form, endsAt: new Date(Date.parse(String(form.startsAt)) - 60_000).toISOString() };
    const res = await cm.update(UID.session, moving, 'en', bad);
    expect(res.status, res.text).toBe(400);
    const error = (res.body as { error: { name: string; details: { errors: { path: string[] }[] } } }).error;
    expect(error.name).toBe('ValidationError');
    expect(error.details.errors[0]?.path).toEqual(['endsAt']);
    expect((await cm.publishNew(UID.session, 'en', { ...sessionForm('Backwards', 'backwards'), endsAt: new Date(start.getTime() - 1000).toISOString() })).status).toBe(400);
    // a partial update that moves only the start after the stored end
    await expect(
      documents(app, UID.session).update({ documentId: moving, locale: 'en', data: { startsAt: new Date(start.getTime() + 30 * DAY) } })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    // nothing changed
    expect((await eventOf('/sessions.ics?locale=en', moving))?.sequence).toBe(3);
  });

  /** The error of a 400 answer, and the path of its field. */
  const refusedOn = (res: { status: number; text: string; body: Json }, field: string) => {
    expect(res.status, res.text).toBe(400);
    const error = (res.body as { error: { name: string; details: { errors: { path: string[] }[] } } }).error;
    expect(error.name).toBe('ValidationError');
    expect(error.details.errors[0]?.path).toEqual([field]);
  };

  it('refuses an end before the start on a clone (compared with the source), whatever the date spelling Strapi reads', async () => {
    // the Content Manager's "Duplicate": the fields not sent are the source's
    const clone = await request(app.url)
      .post(`/content-manager/collection-types/${UID.session}/clone/${moving}`)
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ endsAt: '2000-01-01T00:00:00.000Z' });
    refusedOn({ status: clone.status, text: clone.text, body: clone.body as Json }, 'endsAt');
    // spellings Date.parse cannot read but Strapi stores (epoch ms, week date, basic format, +00 offset)
    for (const endsAt of ['1000000000000', '2027-W01-1', '20270101T000000Z', '2027-03-01T09:00:00+00']) {
      refusedOn(await cm.update(UID.session, moving, 'en', { ...form, startsAt: '2030-01-01T00:00:00.000Z', endsAt }), 'endsAt');
    }
    // and the same spellings after the start are stored as Strapi reads them
    const fine = await cm.create(UID.session, 'en', { ...sessionForm('Week dates', 'week-dates'), startsAt: '1000000000000', endsAt: '2027-W01-1' });
    expect(fine.status, fine.text).toBe(201);
    expect((fine.body.data as Json).endsAt).toBe(new Date(2027, 0, 4).toISOString());
  });

  it('refuses years outside 1–9999 for sessions, calls and statements, naming the field', async () => {
    for (const startsAt of ['+200000-01-01T00:00:00.000Z', '-000100-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z']) {
      refusedOn(await cm.update(UID.session, moving, 'en', { ...form, startsAt, endsAt: null }), 'startsAt');
    }
    const call = await cm.create(UID.call, 'en', { title: 'Far call', slug: 'far-call', opensAt: new Date().toISOString(), closesAt: '+020000-01-01T00:00:00.000Z' });
    refusedOn(call, 'closesAt');
    const statement = await cm.create(UID.statement, 'en', {
      title: 'Far statement',
      slug: 'far-statement',
      kind: 'open-call',
      issuedOn: '2026-12-01',
      deadline: '0000-06-01T00:00:00.000Z',
    });
    refusedOn(statement, 'deadline');
    // nothing changed
    expect((await eventOf('/sessions.ics?locale=en', moving))?.sequence).toBe(3);
  });

  it('refuses a time zone that is not an IANA name, naming timezone: Content Manager, clone, document service and publish', async () => {
    for (const timezone of ['Mars/Olympus_Mons', '+01:00', 'CET', 'EST', 'europe/madrid', '<script>', 'Europe/Madrid ', 'Local']) {
      refusedOn(await cm.update(UID.session, moving, 'en', { ...form, timezone }), 'timezone');
    }
    refusedOn(await cm.publishNew(UID.session, 'en', sessionForm('Nowhere', 'nowhere', { timezone: 'Nowhere/Land' })), 'timezone');
    refusedOn(await cm.create(UID.session, 'en', sessionForm('Offset', 'offset-zone', { timezone: '+02:00' })), 'timezone');
    const clone = await request(app.url)
      .post(`/content-manager/collection-types/${UID.session}/clone/${moving}`)
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ timezone: 'Nowhere/Land', slug: 'cloned-nowhere' });
    refusedOn({ status: clone.status, text: clone.text, body: clone.body as Json }, 'timezone');
    await expect(documents(app, UID.session).update({ documentId: moving, locale: 'en', data: { timezone: 'GMT+1' } })).rejects.toMatchObject({
      name: 'ValidationError',
    });
    // a draft made invalid behind the rules is refused on publish
    const draft = await cm.create(UID.session, 'en', sessionForm('Zone behind the rules', 'zone-behind-rules'));
    expect(draft.status, draft.text).toBe(201);
    const documentId = String((draft.body.data as Json).documentId);
    await app.strapi.db.query(UID.session).updateMany({ where: { documentId, publishedAt: null }, data: { timezone: 'Atlantis/Capital' } });
    refusedOn(await cm.bulkPublish(UID.session, [documentId], 'en'), 'timezone');
    expect(await app.strapi.db.query(UID.session).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
    // IANA names, links and UTC are fine
    for (const timezone of ['UTC', 'Europe/Kiev', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1', 'Europe/Madrid']) {
      const res = await cm.update(UID.session, moving, 'en', { ...form, timezone });
      expect(res.status, `${timezone} ${res.text}`).toBe(200);
    }
    expect((await eventOf('/sessions.ics?locale=en', moving))?.sequence).toBe(3);
  });

  it('refuses a call that closes before it opens, naming closesAt: Content Manager, clone, document service and publish', async () => {
    const opensAt = new Date(Date.now() + 2 * DAY).toISOString();
    const closesAt = new Date(Date.now() + 30 * DAY).toISOString();
    const before = new Date(Date.now() + DAY).toISOString();
    const callForm = (slug: string, extra: Json = {}): Json => ({ title: `Call ${slug}`, slug, opensAt, closesAt, ...extra });
    refusedOn(await cm.create(UID.call, 'en', callForm('backwards-call', { closesAt: before })), 'closesAt');
    refusedOn(await cm.publishNew(UID.call, 'en', callForm('backwards-call', { closesAt: before })), 'closesAt');
    const created = await cm.create(UID.call, 'en', callForm('forwards-call'));
    expect(created.status, created.text).toBe(201);
    const call = String((created.body.data as Json).documentId);
    refusedOn(await cm.update(UID.call, call, 'en', callForm('forwards-call', { closesAt: before })), 'closesAt');
    const clone = await request(app.url)
      .post(`/content-manager/collection-types/${UID.call}/clone/${call}`)
      .query({ locale: 'en' })
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ slug: 'cloned-call', closesAt: before });
    refusedOn({ status: clone.status, text: clone.text, body: clone.body as Json }, 'closesAt');
    // a partial update that moves only the opening after the stored closing
    await expect(
      documents(app, UID.call).update({ documentId: call, locale: 'en', data: { opensAt: new Date(Date.now() + 60 * DAY).toISOString() } })
    ).rejects.toMatchObject({ name: 'ValidationError' });
    // a draft made invalid behind the rules is refused on publish
    await app.strapi.db.query(UID.call).updateMany({ where: { documentId: call, publishedAt: null }, data: { closesAt: new Date(before) } });
    refusedOn(await cm.publish(UID.call, call, 'en', {}), 'closesAt');
    refusedOn(await cm.bulkPublish(UID.call, [call], 'en'), 'closesAt');
    expect(await app.strapi.db.query(UID.call).count({ where: { documentId: call, publishedAt: { $notNull: true } } })).toBe(0);
    // the same day is fine
    const sameTime = await cm.update(UID.call, call, 'en', callForm('forwards-call', { closesAt: opensAt }));
    expect(sameTime.status, sameTime.text).toBe(200);
  });

  it('checks the drafts again on publish: a bulk publish of a draft made invalid behind the rules is refused', async () => {
    const draft = await cm.create(UID.session, 'en', sessionForm('Written behind the rules', 'behind-rules'));
    expect(draft.status, draft.text).toBe(201);
    const documentId = String((draft.body.data as Json).documentId);
    // saves refuse it, so written straight into the table (as an older row or a script could have)
    await app.strapi.db
      .query(UID.session)
      .updateMany({ where: { documentId, publishedAt: null }, data: { endsAt: new Date(start.getTime() - DAY) } });
    refusedOn(await cm.bulkPublish(UID.session, [documentId], 'en'), 'endsAt');
    await app.strapi.db
      .query(UID.session)
      .updateMany({ where: { documentId, publishedAt: null }, data: { endsAt: null, startsAt: new Date('+020000-01-01T00:00:00.000Z') } });
    refusedOn(await cm.bulkPublish(UID.session, [documentId], 'en'), 'startsAt');
    expect(await app.strapi.db.query(UID.session).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
  });

  it('gives past sessions their recording and minutes links once published', async () => {
    const past = await documents(app, UID.session).create({
      locale: 'en',
      status: 'published',
      data: {
        ...sessionForm('Past peer review', 'past-review'),
        startsAt: atSecond(Date.now() - 3 * DAY),
        endsAt: atSecond(Date.now() - 3 * DAY + 3_600_000),
        recordingUrl: 'https://video.example/review',
        minutes: paragraph('We agreed to meet again.'),
      },
    });
    const event = await eventOf('/sessions.ics?locale=en', past.documentId);
    expect(event?.description).toContain('Recording: https://video.example/review');
    expect(event?.description).toContain(`Minutes: ${String(event?.url)}`);
    expect(event?.description).not.toContain('Join:');
  });
});

describe('deadlines calendar', () => {
  it('has one all-day event per call and open-call statement with a deadline, an alarm a week before', async () => {
    const closes = new Date('2027-03-31T21:59:00.000Z');
    const call = await documents(app, UID.call).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Call: care networks', slug: 'care-call', description: 'Send your practices.', opensAt: new Date(), closesAt: closes },
    });
    const openCall = await documents(app, UID.statement).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Sign: food is a right', slug: 'food-open-call', kind: 'open-call', issuedOn: '2026-12-01', deadline: new Date('2027-02-15T12:00:00Z') },
    });
    const other = await documents(app, UID.statement).create({
      locale: 'en',
      status: 'published',
      data: { title: 'Not a call', slug: 'not-a-call', kind: 'sector-statement', issuedOn: '2026-12-01', deadline: new Date('2027-02-15T12:00:00Z') },
    });
    const draft = await documents(app, UID.call).create({
      locale: 'en',
      data: { title: 'Draft call', slug: 'draft-call', opensAt: new Date(), closesAt: closes },
    });
    for (const locale of LOCALES) {
      const text = await calendar(`/calls.ics?locale=${locale}`);
      expect(text).toContain(`X-WR-CALNAME:Solidarity Commons — ${labels(locale).deadlines}`);
      const events = eventsOf(text);
      expect(events.map((e) => e.uid.split('@')[0]).sort()).toEqual(
        [`deadline-call-${call.documentId}`, `deadline-statement-${openCall.documentId}`].sort()
      );
      for (const e of events) {
        expect(e.start.isDate).toBe(true);
        expect(e.alarm).toBe('-P7D');
      }
      expect(text).toContain('DTSTART;VALUE=DATE:20270331');
      expect(text).toContain('DTSTART;VALUE=DATE:20270215');
      // a call's event links to the page of its practices, a page for people (not JSON)
      expect(text).toContain(`URL:${app.url}/embed/${locale}/practices?call=care-call`);
      // the English call on another language's calendar: an English prefix, and the summary says it is English
      if (locale !== 'en') expect(text).toContain('SUMMARY;LANGUAGE=en:Call for practices: Call: care networks');
      else expect(text).toContain('SUMMARY:Call for practices: Call: care networks');
    }
    expect((await fetch(`${app.url}/embed/ca/practices?call=care-call`)).status).toBe(200);
    expect(JSON.stringify(fetched.at(-1))).not.toContain(other.documentId);
    expect(JSON.stringify(fetched.at(-1))).not.toContain(draft.documentId);
    expect((await get('/calls.ics?page=2')).status).toBe(400);
    expect((await get('/calls.ics?kind=open-call')).status).toBe(400);
  });
});

describe('every calendar and feed, in every locale, read by two parsers each', () => {
  it('feeds parse with @rowanmanning/feed-parser; Atom entries are never updated before published', async () => {
    for (const locale of LOCALES) {
      for (const path of ['/feeds/statements.rss', '/feeds/statements.atom', '/feeds/practices.rss', '/feeds/practices.atom']) {
        const text = await feed(`${path}?locale=${locale}`);
        const parsed = parseFeed(text);
        for (const item of parsed.items) {
          if (path.endsWith('.atom')) expect(item.updated?.getTime()).toBeGreaterThanOrEqual(item.published?.getTime() ?? Infinity);
        }
      }
      await calendar(`/sessions.ics?locale=${locale}`);
    }
  });

  it('Python icalendar reads every calendar and feedparser every feed without a malformation', () => {
    expect(fetched.filter((f) => f.kind === 'ics').length).toBeGreaterThan(20);
    const results = parseWithPython(fetched.map(({ kind, text }) => ({ kind, text })));
    for (const [i, result] of results.entries()) {
      const { kind, path } = fetched[i] as (typeof fetched)[number];
      if (kind === 'ics') {
        const cal = result as PyCalendar;
        expect(cal.error, `${path}: ${cal.error}`).toBeUndefined();
        expect(cal.errors, path).toEqual([]);
        for (const event of cal.events ?? []) {
          expect(event.organizer, path).toBeNull();
          if (path.startsWith('/sessions')) expect(event.sequence, path).not.toBeNull();
        }
      } else {
        const parsed = result as PyFeed;
        expect(parsed.bozo, `${path}: ${parsed.bozoException}`).toBe(0);
        if (path.includes('.atom')) {
          for (const entry of parsed.entries) expect(Date.parse(entry.updated ?? '')).toBeGreaterThanOrEqual(Date.parse(entry.published ?? ''));
        }
      }
    }
    // the last sessions calendar fetched, in French: the cancelled session is CANCELLED, SEQUENCE 3
    const lastFr = results.filter((_, i) => fetched[i]?.path === '/sessions.ics?locale=fr').at(-1) as PyCalendar;
    expect(lastFr.name).toBe(`Solidarity Commons — ${labels('fr').sessions}`);
    expect(lastFr.events?.find((e) => e.uid?.startsWith(`${moving}@`))).toMatchObject({ status: 'CANCELLED', sequence: 3 });
  });
});
