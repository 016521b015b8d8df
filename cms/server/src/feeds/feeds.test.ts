import { parseFeed } from '@rowanmanning/feed-parser';
import { sync as ical, type VEvent } from 'node-ical';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';

/*
 * Feeds, calendars, exports and JSON-LD against a real Strapi on a fresh
 * database, with fixtures made here: published documents in English and
 * Catalan, and drafts and private contacts that must never come out.
 */

let app: TestApp;
type Doc = TestDoc;
const docs = (uid: string) => documents(app, uid);

interface TextResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Every response as text, whatever its type; all of them are kept for the leak checks. */
const responses: TextResponse[] = [];
const get = async (path: string, headers: Record<string, string> = {}): Promise<TextResponse> => {
  let req = request(app.url)
    .get(`/api/solidarity${path}`)
    .buffer(true)
    .parse((res, done) => {
      res.setEncoding('utf8');
      let data = '';
      res.on('data', (chunk: string) => {
        data += chunk;
      });
      res.on('end', () => done(null, data));
    });
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  const res = await req;
  const out = { status: res.status, headers: res.headers as Record<string, string>, text: String(res.body ?? '') };
  responses.push(out);
  return out;
};
const ok = async (path: string, headers?: Record<string, string>) => {
  const res = await get(path, headers);
  expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
  return res;
};
const json = (res: TextResponse) => JSON.parse(res.text) as Record<string, unknown> & { [k: string]: never };

const topicId = async (slug: string) => {
  const rows = (await app.strapi.db
    .query(UID.topic as never)
    .findMany({ where: { slug, locale: 'en' }, select: ['documentId'] })) as Doc[];
  return rows[0]?.documentId as string;
};

const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const atSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);
const upcomingStart = atSecond(Date.now() + 7 * DAY);
const pastStart = atSecond(Date.now() - 30 * DAY);

let foodBank: Doc;
let fablab: Doc;
let upcoming: Doc;
let past: Doc;
let statement: Doc;

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

beforeAll(async () => {
  app = await startStrapi();
  const food = await topicId('food-and-basic-goods');
  const fablabs = await topicId('local-production-and-fablabs');

  const coop = await docs(UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES', website: 'https://teixit.example' },
  });
  const network = await docs(UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Xarxa d’Economia Solidària', slug: 'xes', kind: 'network', country: 'ES' },
  });
  for (const locale of LOCALES.slice(1)) {
    await docs(UID.organisation).update({ documentId: coop.documentId, locale, status: 'published', data: { name: 'Cooperativa Teixit', slug: 'teixit', kind: 'cooperative', country: 'ES', website: 'https://teixit.example' } });
    await docs(UID.organisation).update({ documentId: network.documentId, locale, status: 'published', data: { name: 'Xarxa d’Economia Solidària', slug: 'xes', kind: 'network', country: 'ES' } });
  }

  foodBank = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Volunteer food bank in Sants',
      slug: 'sants-food-bank',
      summary: 'Neighbours collect & share fresh food every week.',
      body: [
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'How it works' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'A cooperative kitchen cooks <script>alert(1)</script> with surplus, ' },
            { type: 'link', url: 'tel:+34900000000', children: [{ type: 'text', text: 'not a link' }] },
            { type: 'text', text: ' and ' },
            { type: 'link', url: 'https://teixit.example/kitchen?a=1&b=2', children: [{ type: 'text', text: 'the kitchen' }] },
            { type: 'text', text: '.', bold: true },
          ],
        },
        {
          type: 'list',
          format: 'unordered',
          children: [
            { type: 'list-item', children: [{ type: 'text', text: 'collect on Mondays' }] },
            { type: 'list-item', children: [{ type: 'text', text: 'share on Fridays' }] },
          ],
        },
      ],
      country: 'ES',
      municipality: 'Barcelona',
      region: 'Catalonia',
      latitude: 41.375,
      longitude: 2.135,
      startedOn: '2020-03-15',
      topics: [{ documentId: food }],
      promoters: [{ documentId: coop.documentId }],
      criteria: [{ value: 'crisis-response' }, { value: 'inter-cooperation' }],
      contact: { name: 'Private Person', email: 'private-person@leak-canary.example', role: 'coordinator' },
      reviewStatus: 'approved',
      reviewNotes: 'internal notes leak-canary',
    },
  });
  await docs(UID.practice).update({
    documentId: foodBank.documentId,
    locale: 'ca',
    status: 'published',
    data: {
      title: 'Banc d’aliments voluntari de Sants',
      slug: 'banc-aliments-sants',
      summary: 'El veïnat recull i comparteix aliments frescos cada setmana.',
      body: [paragraph('Una cuina cooperativa cuina amb excedents.')],
      country: 'ES',
      topics: [{ documentId: food }],
      promoters: [{ documentId: coop.documentId }],
    },
  });
  fablab = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Fablab visors for care homes',
      slug: 'fablab-visors',
      summary: 'Makers printed protective visors.',
      body: [paragraph('Open hardware designs shared across the network.')],
      country: 'GR',
      licence: 'CC0-1.0',
      topics: [{ documentId: fablabs }],
      criteria: [{ value: 'inter-cooperation' }],
      contact: { name: 'Another Person', email: 'another@leak-canary.example' },
    },
  });
  await docs(UID.practice).create({
    locale: 'en',
    data: {
      title: 'Secret draft about housing',
      slug: 'secret-draft',
      summary: 'not public',
      country: 'ES',
      topics: [{ documentId: food }],
      contact: { name: 'Draft Person', email: 'draft@leak-canary.example' },
    },
  });

  upcoming = await docs(UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Webinar: food banks that last, with cooperatives, municipalities and neighbours',
      slug: 'food-banks-webinar',
      summary: 'How three networks keep their food banks going.',
      description: [paragraph('We compare three food banks; bring your questions. ' + 'Long text to fold. '.repeat(8))],
      kind: 'webinar',
      startsAt: upcomingStart,
      endsAt: new Date(upcomingStart.getTime() + 90 * 60_000),
      timezone: 'Europe/Madrid',
      spokenLanguages: ['en', 'ca'],
      joinUrl: 'https://meet.example/food-banks?pwd=abc',
      registrationUrl: 'https://teixit.example/register',
      topics: [{ documentId: food }],
      organisers: [{ documentId: coop.documentId }],
      speakers: [{ name: 'Maria Puig', role: 'coordinator', organisation: 'Cooperativa Teixit' }],
    },
  });
  await docs(UID.session).update({
    documentId: upcoming.documentId,
    locale: 'ca',
    status: 'published',
    data: {
      title: 'Webinar: bancs d’aliments que duren',
      slug: 'webinar-bancs-aliments',
      summary: 'Com tres xarxes mantenen els seus bancs d’aliments.',
      description: [paragraph('Comparem tres bancs d’aliments.')],
      kind: 'webinar',
      startsAt: upcomingStart,
      endsAt: new Date(upcomingStart.getTime() + 90 * 60_000),
      timezone: 'Europe/Madrid',
      topics: [{ documentId: food }],
      organisers: [{ documentId: coop.documentId }],
    },
  });
  past = await docs(UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Peer review of fablab practices',
      slug: 'fablab-peer-review',
      summary: 'Three fablabs reviewed each other.',
      kind: 'peer-review',
      startsAt: pastStart,
      timezone: 'Europe/Athens',
      joinUrl: 'https://meet.example/fablabs',
      recordingUrl: 'https://video.example/fablab-review',
      topics: [{ documentId: fablabs }],
      organisers: [{ documentId: network.documentId }],
    },
  });
  await docs(UID.session).create({
    locale: 'en',
    data: {
      title: 'Secret draft session',
      slug: 'secret-draft-session',
      summary: 'Write to organiser@leak-canary.example to join.',
      kind: 'workshop',
      startsAt: upcomingStart,
      timezone: 'Europe/Madrid',
      topics: [{ documentId: food }],
    },
  });

  statement = await docs(UID.statement).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Food is a right, not a business',
      slug: 'food-is-a-right',
      summary: 'The network asks cities to fund community kitchens.',
      body: [paragraph('We, the undersigned networks, ask…')],
      kind: 'sector-statement',
      issuedOn: '2026-02-01',
      topics: [{ documentId: food }],
      issuers: [{ documentId: network.documentId }],
      signatories: [{ documentId: coop.documentId }],
    },
  });
  await docs(UID.statement).update({
    documentId: statement.documentId,
    locale: 'ca',
    status: 'published',
    data: {
      title: 'L’alimentació és un dret, no un negoci',
      slug: 'alimentacio-dret',
      summary: 'La xarxa demana finançar cuines comunitàries.',
      kind: 'sector-statement',
      issuedOn: '2026-02-01',
      topics: [{ documentId: food }],
      issuers: [{ documentId: network.documentId }],
    },
  });
  await docs(UID.statement).create({
    locale: 'en',
    data: { title: 'Secret draft statement', slug: 'secret-draft-statement', kind: 'press-release', issuedOn: '2026-03-01' },
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('feeds of practices and statements', () => {
  it('serves RSS 2.0 that an independent parser reads back', async () => {
    const res = await ok('/feeds/practices.rss');
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600');
    const feed = parseFeed(res.text);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Solidarity Commons — good practices');
    expect(feed.language).toBe('en');
    expect(feed.self).toBe(`${app.url}/api/solidarity/feeds/practices.rss`);
    expect(feed.url).toBe(`${app.url}/embed/en/practices`); // the list's page for people
    expect(feed.items.map((i) => i.title).sort()).toEqual(['Fablab visors for care homes', 'Volunteer food bank in Sants']);
    const item = feed.items.find((i) => i.title === 'Volunteer food bank in Sants');
    expect(item?.id).toBe(`urn:solidarity:practice:${foodBank.documentId}:en`);
    expect(item?.url).toBe(`${app.url}/embed/en/practices/sants-food-bank`);
    expect(item?.description).toBe('Neighbours collect & share fresh food every week.');
    expect(item?.authors.map((a) => a.name)).toEqual(['Cooperativa Teixit']);
    expect(item?.categories.map((c) => c.label ?? c.term)).toEqual(['Food and basic goods']);
    expect(item?.published?.getTime()).toBeGreaterThan(Date.now() - HOUR);
  });

  it('renders bodies as safe HTML: text escaped, only http/https/mailto links', async () => {
    // feed-parser decodes entities even inside CDATA: read the exact HTML from the JSON Feed and the raw XML.
    const rss = (await ok('/feeds/practices.rss')).text;
    expect(rss).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rss).not.toMatch(/<script/i);
    const items = json(await ok('/feeds/practices.json')).items as unknown as { title: string; content_html: string }[];
    const html = items.find((i) => i.title === 'Volunteer food bank in Sants')?.content_html ?? '';
    expect(html).toContain('<h2>How it works</h2>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|tel:/i); // Strapi itself refuses javascript: links; see blocks.test.ts
    expect(html).toContain('not a link');
    expect(html).toContain('<a href="https://teixit.example/kitchen?a=1&amp;b=2">the kitchen</a>');
    expect(html).toContain('<ul><li>collect on Mondays</li><li>share on Fridays</li></ul>');
    expect(html).toContain('<strong>.</strong>');
  });

  it('serves Atom 1.0 with ids, dates, authors, categories and language', async () => {
    const res = await ok('/feeds/practices.atom?locale=ca');
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(res.text);
    expect(feed.meta.type).toBe('atom');
    expect(feed.language).toBe('ca');
    expect(feed.title).toBe('Solidarity Commons — bones pràctiques');
    expect(feed.self).toBe(`${app.url}/api/solidarity/feeds/practices.atom?locale=ca`);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Banc d’aliments voluntari de Sants');
    expect(titles).toContain('Fablab visors for care homes'); // not translated: the English version
    const item = feed.items.find((i) => i.title === 'Banc d’aliments voluntari de Sants');
    expect(item?.id).toBe(`urn:solidarity:practice:${foodBank.documentId}:ca`);
    expect(item?.url).toBe(`${app.url}/embed/ca/practices/banc-aliments-sants`);
    expect(item?.updated).toBeInstanceOf(Date);
    expect(item?.published).toBeInstanceOf(Date);
    expect(item?.authors[0]).toMatchObject({ name: 'Cooperativa Teixit', url: 'https://teixit.example/' });
    expect(item?.categories[0]).toMatchObject({ term: 'food-and-basic-goods' });
  });

  it('serves JSON Feed 1.1', async () => {
    const res = await ok('/feeds/practices.json?topic=food-and-basic-goods');
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = json(res) as unknown as {
      version: string;
      title: string;
      language: string;
      feed_url: string;
      home_page_url: string;
      authors: { name: string }[];
      author?: unknown;
      items: Record<string, unknown>[];
    };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('en');
    expect(feed.title).toBe('Solidarity Commons — good practices');
    expect(feed.feed_url).toBe(`${app.url}/api/solidarity/feeds/practices.json?topic=food-and-basic-goods`);
    // the list's page for people, with the feed's filters (not the JSON list)
    expect(feed.home_page_url).toBe(`${app.url}/embed/en/practices?topic=food-and-basic-goods`);
    expect(feed.authors).toEqual([{ name: 'Solidarity Commons', url: app.url }]);
    expect(feed).not.toHaveProperty('author');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: `urn:solidarity:practice:${foodBank.documentId}:en`,
      url: `${app.url}/embed/en/practices/sants-food-bank`,
      title: 'Volunteer food bank in Sants',
      summary: 'Neighbours collect & share fresh food every week.',
      language: 'en',
      authors: [{ name: 'Cooperativa Teixit', url: 'https://teixit.example/' }],
      tags: ['Food and basic goods'],
    });
    expect(item).not.toHaveProperty('author');
    expect(String(item?.content_html)).toContain('<h2>How it works</h2>');
    expect(Date.parse(String(item?.date_published))).not.toBeNaN();
    expect(Date.parse(String(item?.date_modified))).not.toBeNaN();
  });

  it('makes every filter a feed: topic, locale, pageSize', async () => {
    const topic = parseFeed((await ok('/feeds/practices.rss?topic=local-production-and-fablabs')).text);
    expect(topic.items.map((i) => i.title)).toEqual(['Fablab visors for care homes']);
    const ca = parseFeed((await ok('/feeds/practices.rss?locale=ca&topic=food-and-basic-goods')).text);
    expect(ca.language).toBe('ca');
    expect(ca.items.map((i) => i.title)).toEqual(['Banc d’aliments voluntari de Sants']);
    const one = parseFeed((await ok('/feeds/practices.atom?pageSize=1')).text);
    expect(one.items).toHaveLength(1);
    const statements = parseFeed((await ok('/feeds/statements.rss?locale=ca')).text);
    expect(statements.title).toBe('Solidarity Commons — declaracions');
    expect(statements.items.map((i) => i.title)).toEqual(['L’alimentació és un dret, no un negoci']);
    expect(statements.items[0]?.authors.map((a) => a.name)).toEqual(['Xarxa d’Economia Solidària']);
    const statementsAtom = parseFeed((await ok('/feeds/statements.atom')).text);
    expect(statementsAtom.items[0]?.id).toBe(`urn:solidarity:statement:${statement.documentId}:en`);
    const statementsJson = json(await ok('/feeds/statements.json?organisation=xes'));
    expect((statementsJson.items as unknown as { title: string }[]).map((i) => i.title)).toEqual(['Food is a right, not a business']);
  });

  it('answers 304 to If-None-Match', async () => {
    const first = await ok('/feeds/practices.atom?topic=food-and-basic-goods');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const second = await get('/feeds/practices.atom?topic=food-and-basic-goods', { 'If-None-Match': etag });
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
  });

  it.each([
    ['/feeds/practices.rss?locale=xx', 400, /Unknown locale "xx"/],
    ['/feeds/practices.atom?pageSize=1000', 400, /pageSize/],
    ['/feeds/practices.json?status=draft', 400, /published/],
    ['/feeds/statements.rss?q=%FF', 400, /UTF-8/],
    ['/feeds/statements.rss?fields=title', 400, /fields/],
    ['/feeds/practices.rss?bogus=1', 400, /Unknown query parameter "bogus"/],
    ['/feeds/practices.rss?topic=%3Cscript%3E', 400, /topic/],
    ['/sessions.ics?locale=xx', 400, /Unknown locale/],
    ['/sessions.ics?page=2', 400, /page/],
    ['/sessions.ics?when=tomorrow', 400, /when/],
    ['/sessions/no-such-session.ics', 404, /No published session/],
    ['/sessions/secret-draft-session.ics', 404, /No published session/],
    ['/sessions/%FF.ics', 400, /UTF-8/],
    ['/export/practices.csv?locale=xx', 400, /Unknown locale/],
    ['/export/practices.csv?pageSize=1000', 400, /pageSize/],
    ['/export/practices.json?status=draft', 400, /published/],
    ['/export/practices.json?country=Spain', 400, /country/],
  ])('answers %s with %i in Strapi error JSON', async (path, status, message) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    const body = json(res) as unknown as { data: null; error: { status: number; name: string; message: string } };
    expect(body.data).toBeNull();
    expect(body.error.status).toBe(status);
    expect(body.error.name).toBe(status === 404 ? 'NotFoundError' : 'ValidationError');
    expect(body.error.message).toMatch(message);
  });
});

/** Lines of an iCalendar text, checking RFC 5545 §3.1 on the way: CRLF only, at most 75 octets. */
const contentLines = (text: string) => {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  return lines;
};
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const events = (text: string) =>
  Object.values(ical.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');

describe('calendars', () => {
  it('serves every published session as RFC 5545 with the RFC 7986 additions', async () => {
    const res = await ok('/sessions.ics');
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('inline; filename="sessions.ics"');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // the second read comes from the response cache, with the same headers
    const again = await ok('/sessions.ics');
    expect(again.headers['content-disposition']).toBe('inline; filename="sessions.ics"');
    expect(again.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(again.text).toBe(res.text);
    expect(res.headers.etag).toMatch(/^W\/".+"$/);
    const lines = contentLines(res.text);
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // long lines were folded
    const text = unfold(res.text);
    for (const line of [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:Solidarity Commons — online sessions',
      'X-WR-CALNAME:Solidarity Commons — online sessions',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'STATUS:CONFIRMED',
    ]) {
      expect(text.split('\r\n')).toContain(line);
    }
    expect(text).toMatch(/^PRODID:.+$/m);

    const parsed = events(res.text);
    expect(parsed.map((e) => e.summary).sort()).toEqual([
      'Peer review of fablab practices',
      'Webinar: food banks that last, with cooperatives, municipalities and neighbours',
    ]);
    const webinar = parsed.find((e) => e.uid === `${upcoming.documentId}@${new URL(app.url).host}`);
    expect(webinar).toBeDefined();
    expect(webinar?.start.getTime()).toBe(upcomingStart.getTime());
    expect(webinar?.end.getTime()).toBe(upcomingStart.getTime() + 90 * 60_000);
    expect(String(webinar?.url)).toBe(`${app.url}/embed/en/sessions/food-banks-webinar`);
    const description = String(webinar?.description);
    expect(description).toContain('We compare three food banks; bring your questions.');
    expect(description).toContain('Join: https://meet.example/food-banks?pwd=abc');
    expect(description).not.toMatch(/[{}[\]]|"type"|<[a-z/]/i); // plain text: no JSON, no tags
    expect(text).toMatch(/^CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Join:https:\/\/meet\.example\/food-banks\?pwd=abc$/m);
    expect(text).toMatch(/^CATEGORIES:Food and basic goods$/m);
    // organisers named, not as ORGANIZER (scheduling only, RFC 5545 §3.8.4.3: Outlook would show an invitation)
    expect(text).not.toMatch(/^ORGANIZER/m);
    expect(text).toMatch(/^X-SOLIDARITY-ORGANISER:Cooperativa Teixit$/m);
    expect(text).toMatch(/^LOCATION:https:\/\/meet\.example\/food-banks\?pwd=abc$/m);
    expect(text).toMatch(/^SEQUENCE:0$/m);
    expect(text).toMatch(/^DTSTART:\d{8}T\d{6}Z$/m);

    const review = parsed.find((e) => e.uid === `${past.documentId}@${new URL(app.url).host}`);
    expect(review?.start.getTime()).toBe(pastStart.getTime());
    expect(review?.end.getTime()).toBe(pastStart.getTime() + HOUR); // no end: one hour
    expect(String(review?.description)).toContain('Recording: https://video.example/fablab-review');
    expect(text).toContain('ATTACH:https://video.example/fablab-review');
  });

  it('keeps UIDs stable across requests and locales', async () => {
    const uids = async (path: string) => events((await ok(path)).text).map((e) => e.uid).sort();
    const en = await uids('/sessions.ics');
    const again = await uids('/sessions.ics?topic=food-and-basic-goods&topic=local-production-and-fablabs');
    const ca = await uids('/sessions.ics?locale=ca');
    expect(en).toHaveLength(2);
    expect(again).toEqual(en);
    expect(ca).toEqual(en);
  });

  it('filters like the list route and speaks the locale', async () => {
    const res = await ok('/sessions.ics?topic=food-and-basic-goods&locale=ca&when=upcoming');
    const parsed = events(res.text);
    expect(parsed.map((e) => e.summary)).toEqual(['Webinar: bancs d’aliments que duren']);
    expect(unfold(res.text)).toContain('NAME:Solidarity Commons — sessions en línia');
    const pastOnly = events((await ok('/sessions.ics?when=past')).text);
    expect(pastOnly.map((e) => e.summary)).toEqual(['Peer review of fablab practices']);
  });

  it('serves one session by slug or documentId', async () => {
    const res = await ok('/sessions/food-banks-webinar.ics');
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('inline; filename="food-banks-webinar.ics"');
    contentLines(res.text);
    const [event] = events(res.text);
    expect(event?.uid).toBe(`${upcoming.documentId}@${new URL(app.url).host}`);
    expect(event?.start.getTime()).toBe(upcomingStart.getTime());
    const byId = events((await ok(`/sessions/${upcoming.documentId}.ics?locale=ca`)).text);
    expect(byId[0]?.uid).toBe(event?.uid);
    expect(byId[0]?.summary).toBe('Webinar: bancs d’aliments que duren');
  });
});

/** RFC 4180: quoted fields, doubled quotes, CRLF records (line breaks inside quotes kept). */
const parseCsv = (raw: string): string[][] => {
  // the export starts with a UTF-8 byte order mark (for Excel); it is not part of the first header
  expect(raw.startsWith('\uFEFF')).toBe(true);
  const text = raw.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
};

const CSV_HEADER = [
  'documentId', 'slug', 'locale', 'localeFallback', 'title', 'summary', 'body', 'topics', 'promoters',
  'municipality', 'region', 'country', 'latitude', 'longitude', 'startedOn', 'endedOn', 'criteria',
  'licence', 'licenceUrl', 'url', 'publishedAt', 'updatedAt',
  // the systematisation fiche's public fields (cms/shared/fiche.ts); never the budget details or the contact
  'context', 'objectives', 'beneficiaries', 'activities', 'resources', 'budgetRange', 'results', 'figures',
  'replicability', 'lessons', 'partners',
];

describe('open-data export', () => {
  it('streams every published practice as CSV', async () => {
    const res = await ok('/export/practices.csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="practices-en.csv"');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(2);
    const records = rows.map((r) => Object.fromEntries(CSV_HEADER.map((k, i) => [k, r[i] ?? ''])));
    for (const r of records) {
      expect(r.licence).not.toBe('');
      expect(r.licenceUrl).toMatch(/^https:\/\/creativecommons\.org\//);
    }
    const food = records.find((r) => r.documentId === foodBank.documentId);
    expect(food).toMatchObject({
      slug: 'sants-food-bank',
      locale: 'en',
      localeFallback: 'false',
      title: 'Volunteer food bank in Sants',
      summary: 'Neighbours collect & share fresh food every week.',
      topics: 'food-and-basic-goods',
      promoters: 'Cooperativa Teixit',
      municipality: 'Barcelona',
      region: 'Catalonia',
      country: 'ES',
      latitude: '41.375',
      longitude: '2.135',
      startedOn: '2020-03-15',
      endedOn: '',
      criteria: 'crisis-response;inter-cooperation',
      licence: 'CC-BY-SA-4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by-sa/4.0/',
      url: `${app.url}/embed/en/practices/sants-food-bank`,
    });
    expect(food?.body).toContain('How it works\n\nA cooperative kitchen cooks <script>');
    expect(food?.body).toContain('- collect on Mondays\n- share on Fridays');
    expect(Date.parse(String(food?.publishedAt))).not.toBeNaN();
    const fab = records.find((r) => r.documentId === fablab.documentId);
    expect(fab).toMatchObject({ licence: 'CC0-1.0', licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/' });
  });

  it('honours the shortcuts and the locale', async () => {
    const res = await ok('/export/practices.csv?locale=ca&topic=food-and-basic-goods');
    expect(res.headers['content-disposition']).toBe('attachment; filename="practices-ca.csv"');
    const [, ...rows] = parseCsv(res.text);
    expect(rows.map((r) => r[CSV_HEADER.indexOf('title')])).toEqual(['Banc d’aliments voluntari de Sants']);
    const none = parseCsv((await ok('/export/practices.csv?country=FR')).text);
    expect(none).toEqual([CSV_HEADER]);
  });

  it('streams JSON with every public field and the licence', async () => {
    const res = await ok('/export/practices.json?locale=ca');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="practices-ca.json"');
    const records = JSON.parse(res.text) as Record<string, unknown>[];
    expect(records).toHaveLength(2);
    const fab = records.find((r) => r.documentId === fablab.documentId);
    expect(fab).toMatchObject({ locale: 'en', localeFallback: true, licence: 'CC0-1.0', licenceUrl: 'https://creativecommons.org/publicdomain/zero/1.0/' });
    expect(fab?.bodyText).toBe('Open hardware designs shared across the network.');
    expect(fab).toHaveProperty('body');
    expect(fab).toHaveProperty('links');
    for (const key of ['contact', 'reviewStatus', 'reviewNotes', 'source', 'submittedAt']) expect(fab).not.toHaveProperty(key);
    expect(JSON.parse((await ok('/export/practices.json?country=FR')).text)).toEqual([]);
  });

  it('walks past the first page of 50', async () => {
    const food = await topicId('food-and-basic-goods');
    for (let i = 0; i < 52; i += 1) {
      await docs(UID.practice).create({
        locale: 'en',
        status: 'published',
        data: { title: `Bulk practice ${i}`, slug: `bulk-${i}`, summary: 'bulk', country: 'PT', topics: [{ documentId: food }] },
      });
    }
    const [, ...rows] = parseCsv((await ok('/export/practices.csv?country=PT')).text);
    expect(rows).toHaveLength(52);
    expect(new Set(rows.map((r) => r[0])).size).toBe(52);
    const records = JSON.parse((await ok('/export/practices.json?country=PT')).text) as unknown[];
    expect(records).toHaveLength(52);
    const feed = parseFeed((await ok('/feeds/practices.rss?country=PT')).text);
    expect(feed.items).toHaveLength(20); // a feed: the 20 newest
    const bigger = parseFeed((await ok('/feeds/practices.rss?country=PT&pageSize=50')).text);
    expect(bigger.items).toHaveLength(50);
  });

  it('answers 304 to If-None-Match', async () => {
    const first = await ok('/export/practices.csv?country=ES');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await get('/export/practices.csv?country=ES', { 'If-None-Match': etag })).status).toBe(304);
  });
});

describe('JSON-LD', () => {
  it('describes a practice as a schema.org CreativeWork', async () => {
    const res = await ok('/practices/sants-food-bank?format=jsonld');
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const ld = json(res) as unknown as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      name: 'Volunteer food bank in Sants',
      description: 'Neighbours collect & share fresh food every week.',
      inLanguage: 'en',
      url: `${app.url}/embed/en/practices/sants-food-bank`,
      license: 'https://creativecommons.org/licenses/by-sa/4.0/',
      about: [{ '@type': 'DefinedTerm', name: 'Food and basic goods' }],
      author: [{ '@type': 'Organization', name: 'Cooperativa Teixit', url: 'https://teixit.example/' }],
      locationCreated: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Barcelona', addressRegion: 'Catalonia', addressCountry: 'ES' },
        geo: { '@type': 'GeoCoordinates', latitude: 41.375, longitude: 2.135 },
      },
    });
    expect(String(ld.text)).toContain('A cooperative kitchen cooks');
  });

  it('answers Accept: application/ld+json the same, and plain JSON otherwise', async () => {
    const viaAccept = await ok('/practices/banc-aliments-sants?locale=ca', { Accept: 'application/ld+json' });
    expect(viaAccept.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(json(viaAccept)).toMatchObject({ '@type': 'CreativeWork', inLanguage: 'ca', name: 'Banc d’aliments voluntari de Sants' });
    const plain = await ok('/practices/banc-aliments-sants?locale=ca');
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(json(plain)).toHaveProperty('data');
    expect(viaAccept.headers.etag).not.toBe(plain.headers.etag);
  });

  it('describes a session as an online Event', async () => {
    const ld = json(await ok('/sessions/food-banks-webinar?format=jsonld')) as unknown as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Webinar: food banks that last, with cooperatives, municipalities and neighbours',
      startDate: upcomingStart.toISOString(),
      endDate: new Date(upcomingStart.getTime() + 90 * 60_000).toISOString(),
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'VirtualLocation', url: 'https://meet.example/food-banks?pwd=abc' },
      organizer: [{ '@type': 'Organization', name: 'Cooperativa Teixit' }],
      inLanguage: ['en', 'ca'],
    });
    expect(ld).not.toHaveProperty('recordedIn');
    const pastLd = json(await ok(`/sessions/${past.documentId}?format=jsonld`)) as unknown as Record<string, unknown>;
    expect(pastLd).toMatchObject({
      '@type': 'Event',
      recordedIn: { url: 'https://video.example/fablab-review' },
      location: { '@type': 'VirtualLocation' },
    });
  });

  it('describes a statement as an Article', async () => {
    const ld = json(await ok('/statements/food-is-a-right?format=jsonld')) as unknown as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Food is a right, not a business',
      articleBody: 'We, the undersigned networks, ask…',
      datePublished: '2026-02-01',
      inLanguage: 'en',
      author: [{ '@type': 'Organization', name: 'Xarxa d’Economia Solidària' }],
      publisher: [{ '@type': 'Organization', name: 'Xarxa d’Economia Solidària' }],
    });
  });

  it('refuses JSON-LD where there is none, and drafts stay 404', async () => {
    expect((await get('/topics/food-and-basic-goods?format=jsonld')).status).toBe(400);
    expect((await get('/practices/secret-draft?format=jsonld')).status).toBe(404);
    expect((await get('/sessions/secret-draft-session', { Accept: 'application/ld+json' })).status).toBe(404);
    expect((await get('/practices/sants-food-bank?format=xml')).status).toBe(400);
  });
});

describe('the systematisation fiche in feed entries', () => {
  it('carries a practice’s public fiche sections after its body (RSS, Atom, JSON Feed), escaped, never a private field', async () => {
    const practice = await docs(UID.practice).create({
      locale: 'en',
      status: 'published',
      data: {
        title: 'Fiche practice in Porto',
        slug: 'fiche-practice-porto',
        summary: 'A practice with its fiche.',
        country: 'PT',
        context: 'Rents <b>doubled</b> & families left.',
        objectives: 'Keep families in the neighbourhood.',
        budgetRange: 'under-5k',
        budgetDetails: 'Budget details leak-canary',
        contact: { name: 'Private Person', email: 'fiche@leak-canary.example' },
      },
    });
    try {
      const items = json(await ok('/feeds/practices.json?country=PT')).items as unknown as { title: string; content_html: string }[];
      const html = items.find((i) => i.title === 'Fiche practice in Porto')?.content_html ?? '';
      expect(html).toContain('<section data-fiche="context">');
      expect(html).toContain('Rents &lt;b&gt;doubled&lt;/b&gt; &amp; families left.');
      expect(html).toContain('<section data-fiche="objectives">');
      expect(html).toContain('<section data-fiche="budgetRange">');
      expect(html).not.toContain('data-fiche="budgetDetails"');
      for (const path of ['/feeds/practices.rss?country=PT', '/feeds/practices.atom?country=PT']) {
        const res = await ok(path);
        const item = parseFeed(res.text).items.find((i) => i.title === 'Fiche practice in Porto');
        expect(item?.content, path).toContain('Keep families in the neighbourhood.');
        expect(item?.content, path).toContain('data-fiche="budgetRange"');
        // the exact HTML, in its CDATA section: the typed markup escaped
        expect(res.text, path).toContain('Rents &lt;b&gt;doubled&lt;/b&gt; &amp; families left.');
        expect(res.text, path).not.toContain('<b>doubled');
        expect(res.text, path).not.toMatch(/leak-canary|Budget details/);
      }
    } finally {
      await docs(UID.practice).delete({ documentId: practice.documentId, locale: '*' });
    }
  });
});

describe('privacy', () => {
  it('never shows a draft or a private contact in any feed, calendar, export or JSON-LD', async () => {
    for (const path of [
      '/feeds/practices.rss',
      '/feeds/practices.atom?topic=food-and-basic-goods',
      '/feeds/practices.json?pageSize=50',
      '/feeds/statements.rss',
      '/feeds/statements.json',
      '/sessions.ics',
      '/sessions.ics?when=upcoming',
      '/export/practices.csv',
      '/export/practices.json',
      '/practices/sants-food-bank?format=jsonld',
      '/sessions/food-banks-webinar?format=jsonld',
      '/statements/food-is-a-right?format=jsonld',
    ]) {
      await get(path);
    }
    expect(responses.length).toBeGreaterThan(40);
    for (const res of responses) {
      expect(res.text).not.toMatch(/leak-canary|Secret draft|reviewNotes|reviewStatus|Private Person/);
    }
  });
});
