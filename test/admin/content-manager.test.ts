import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../cms/server/src/submissions/testing/fixtures';
import { PLURAL, UID, type ContentTypeName } from '../../cms/server/src/content-types/uids';
import { isTimeDependent } from '../../cms/server/src/http/cache';
import { adminLogin, contentManager, type CmAnswer, type ContentManagerClient } from '../helpers/content-manager';
import { testDatabaseClient } from '../helpers/db';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Editors' path (issue #9 "Editors can publish"): each content type through
 * Strapi's own Content Manager admin API, as the admin panel calls it, and
 * after every action what the public side answers on the very next request:
 * list, detail (by documentId and by slug), search, feeds, calendar, export,
 * JSON-LD, and a new ETag.
 */

let app: TestApp;
let cm: ContentManagerClient;
const DB = testDatabaseClient();
/** Publish answers (single and bulk) and their durations, printed at the end. */
const publishTimes: { type: string; action: string; ms: number }[] = [];
/**
 * A hang detector, not a performance target: a publish that waits for a
 * second database connection ends after the 10 s acquire timeout (issue #9).
 * Below 10 s with room for a loaded CI machine (3 s seen with the whole suite
 * running on two busy cores; tens of milliseconds when quiet).
 */
const HANG_MS = 8000;

const SEARCHABLE = new Set<ContentTypeName>(['practice', 'session', 'statement']);
const JSONLD = new Set<ContentTypeName>(['practice', 'session', 'statement']);
/** Types whose test documents link a topic. */
const RELATED = new Set<ContentTypeName>(['practice', 'session', 'statement']);
const FEEDS: Partial<Record<ContentTypeName, string[]>> = {
  practice: ['/feeds/practices.rss', '/feeds/practices.atom', '/feeds/practices.json', '/export/practices.csv', '/export/practices.json'],
  statement: ['/feeds/statements.rss', '/feeds/statements.atom', '/feeds/statements.json'],
  session: ['/sessions.ics'],
};

const titleField = (type: ContentTypeName) => (type === 'topic' || type === 'organisation' ? 'name' : 'title');

const inAMonth = new Date(Date.now() + 30 * 86_400_000);
const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** A seeded topic (every locale has it), linked from practices, sessions and statements. */
const TOPIC = 'food-and-basic-goods';
let topicDocumentId = '';

/** A relation field as the edit view sends it: entries to connect, in the document's locale. */
const connect = (documentId: string, locale: string) => ({
  connect: [{ documentId, locale, position: { end: true } }],
  disconnect: [],
});

/** The form an editor fills in for a type: its required fields, some text and, where it has one, a topic. */
const formFor = (type: ContentTypeName, title: string, slug: string, text: string, locale = 'en'): Record<string, unknown> => {
  const topics = connect(topicDocumentId, locale);
  switch (type) {
    case 'topic':
      return { name: title, slug, description: text };
    case 'organisation':
      return { name: title, slug, kind: 'cooperative', country: 'ES', description: text };
    case 'call':
      return {
        title,
        slug,
        description: text,
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: inAMonth.toISOString(),
      };
    case 'practice':
      return { title, slug, summary: text, body: paragraph(text), licence: 'CC-BY-SA-4.0', country: 'ES', topics };
    case 'session':
      return {
        title,
        slug,
        summary: text,
        kind: 'webinar',
        startsAt: inAMonth.toISOString(),
        endsAt: new Date(inAMonth.getTime() + 3_600_000).toISOString(),
        timezone: 'Europe/Madrid',
        topics,
      };
    case 'statement':
      return { title, slug, summary: text, body: paragraph(text), kind: 'sector-statement', issuedOn: '2026-11-01', topics };
  }
};

type Json = Record<string, unknown>;
const pub = (path: string) => request(app.url).get(`/api/solidarity${path}`);

/** What the public side should show of one document: its published title per locale (null: nothing). */
interface Expected {
  en: string | null;
  el: string | null;
}

interface Doc {
  documentId: string;
  slug: { en: string; el: string };
  /** a word of every title and text of the document, for search */
  token: string;
  /** every title the document ever had: those not published must not show */
  titles: Set<string>;
}

const listOf = async (type: ContentTypeName, query: Record<string, string>) => {
  const res = await pub(`/${PLURAL[type]}`).query({ pageSize: '50', ...query });
  expect(res.status, `${PLURAL[type]} ${JSON.stringify(query)}: ${res.text}`).toBe(200);
  return res.body as { data: Json[] };
};

/**
 * Asserts every public view of `doc` against `expected`, the published title
 * per locale (`el` falls back to `en` when it has no version of its own).
 */
const assertPublic = async (type: ContentTypeName, doc: Doc, expected: Expected, step: string) => {
  const field = titleField(type);
  const plural = PLURAL[type];
  for (const locale of ['en', 'el'] as const) {
    // Organisations share their name across locales: their locale shows in slug and `locale`.
    // A locale without a published version shows the other one, marked as a fallback: the chain of
    // each locale ends with every language the document has (issue #12, locales/fallback.ts).
    const other = locale === 'el' ? 'en' : 'el';
    const own = expected[locale];
    const shown = own ?? expected[other];
    const shownLocale = own !== null ? locale : other;
    const at = `${step} [${type}, ${locale}]`;
    const stale = [...doc.titles].filter((t) => t !== shown);

    const list = await listOf(type, { locale });
    const entry = list.data.find((d) => d.documentId === doc.documentId);
    if (shown === null) expect(entry, `${at}: list`).toBeUndefined();
    else {
      expect(entry?.[field], `${at}: list`).toBe(shown);
      expect(entry?.locale, `${at}: list locale`).toBe(shownLocale);
      expect(entry?.localeFallback, `${at}: list localeFallback`).toBe(own === null);
    }
    const listed = JSON.stringify(list.data);
    for (const t of stale) expect(listed, `${at}: list shows "${t}"`).not.toContain(t);

    const byId = await pub(`/${plural}/${doc.documentId}`).query({ locale });
    if (shown === null) expect(byId.status, `${at}: detail ${byId.text}`).toBe(404);
    else {
      expect(byId.status, `${at}: detail ${byId.text}`).toBe(200);
      expect((byId.body as { data: Json }).data[field], `${at}: detail`).toBe(shown);
      expect((byId.body as { data: Json }).data.locale, `${at}: detail locale`).toBe(shownLocale);
      expect((byId.body as { data: Json }).data.localeFallback, `${at}: detail localeFallback`).toBe(own === null);
      if (RELATED.has(type)) {
        const topics = (byId.body as { data: { topics?: { slug: string }[] } }).data.topics ?? [];
        expect(topics.map((t) => t.slug), `${at}: the topic chosen in the edit view`).toEqual([TOPIC]);
      }
    }
    const slug = doc.slug[locale];
    const bySlug = await pub(`/${plural}/${slug}`).query({ locale });
    if (own === null) {
      if (expected.en === null && expected.el === null) expect(bySlug.status, `${at}: by slug ${slug}`).toBe(404);
    } else {
      expect(bySlug.status, `${at}: by slug ${slug} ${bySlug.text}`).toBe(200);
      expect((bySlug.body as { data: Json }).data.documentId, `${at}: by slug`).toBe(doc.documentId);
      expect((bySlug.body as { data: Json }).data.slug, `${at}: by slug`).toBe(slug);
    }

    if (SEARCHABLE.has(type)) {
      const found = (await listOf(type, { locale, q: doc.token })).data.filter((d) => d.documentId === doc.documentId);
      if (shown === null) expect(found, `${at}: search`).toEqual([]);
      else expect(found.map((d) => d[field]), `${at}: search`).toEqual([shown]);
    }

    if (JSONLD.has(type)) {
      const ld = await pub(`/${plural}/${doc.documentId}`).query({ locale, format: 'jsonld' });
      if (shown === null) expect(ld.status, `${at}: JSON-LD`).toBe(404);
      else {
        expect(ld.status, `${at}: JSON-LD ${ld.text}`).toBe(200);
        expect(ld.headers['content-type'], `${at}: JSON-LD type`).toContain('application/ld+json');
        expect(ld.text, `${at}: JSON-LD`).toContain(JSON.stringify(shown).slice(1, -1));
      }
    }

    for (const feed of FEEDS[type] ?? []) {
      const res = await pub(feed).query({ locale });
      expect(res.status, `${at}: ${feed} ${res.text.slice(0, 200)}`).toBe(200);
      const text = res.text;
      if (shown !== null) expect(text, `${at}: ${feed}`).toContain(shown);
      for (const t of stale) expect(text, `${at}: ${feed} shows "${t}"`).not.toContain(t);
    }
  }
};

/** The ETag of a public list, read before an admin action (which also primes the response cache). */
const etagOf = async (type: ContentTypeName) => {
  const res = await pub(`/${PLURAL[type]}`).query({ locale: 'en', pageSize: '50' });
  expect(res.status).toBe(200);
  return String(res.headers.etag);
};

/**
 * Runs an admin action and asserts what it does to the public list's ETag. An action that changes
 * public content (publish, unpublish, delete) gives a new ETag, and the old one no longer revalidates.
 * An action on drafts only (create, save, discard) leaves the ETag as it was: a draft leaves no trace
 * in any public answer, not even as a changed validator (issue #10).
 */
const act = async (
  type: ContentTypeName,
  step: string,
  action: () => Promise<CmAnswer>,
  status = 200,
  changesPublic = true
): Promise<CmAnswer> => {
  // Sessions' and calls' ETags also change each minute (what is upcoming or open changes with the
  // clock, http/cache.ts isTimeDependent): keep the comparison within one minute of the clock.
  const minute = () => Math.floor(Date.now() / 60_000);
  const timed = isTimeDependent(`/api/solidarity/${PLURAL[type]}`);
  if (timed && !changesPublic && Date.now() % 60_000 > 45_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 50));
  const startedIn = minute();
  const before = await etagOf(type);
  const res = await action();
  expect(res.status, `${step} [${type}]: ${res.text}`).toBe(status);
  const after = await pub(`/${PLURAL[type]}`).query({ locale: 'en', pageSize: '50' }).set('If-None-Match', before);
  if (timed && !changesPublic) expect(minute(), `${step} [${type}]: the action took over 15 s; its ETag cannot be compared`).toBe(startedIn);
  if (changesPublic) {
    expect(after.status, `${step} [${type}]: the old ETag still revalidates`).toBe(200);
    expect(after.headers.etag, `${step} [${type}]: ETag`).not.toBe(before);
  } else {
    expect(after.status, `${step} [${type}]: a draft-only action changed the public ETag`).toBe(304);
    expect(after.headers.etag, `${step} [${type}]: ETag`).toBe(before);
  }
  return res;
};

const publishTimed = async (type: ContentTypeName, action: string, call: () => Promise<CmAnswer>) => {
  const res = await act(type, action, call);
  publishTimes.push({ type, action, ms: res.ms });
  expect(res.ms, `${action} [${type}] took ${res.ms} ms`).toBeLessThan(HANG_MS);
  return res;
};

beforeAll(async () => {
  app = await startStrapi();
  cm = contentManager(app.url, await adminLogin(app.url, DEMO_ADMIN.email, DEMO_ADMIN.password));
  const topic = await pub(`/topics/${TOPIC}`).query({ locale: 'en' });
  expect(topic.status, topic.text).toBe(200);
  topicDocumentId = String((topic.body as { data: Json }).data.documentId);
});

afterAll(async () => {
  if (publishTimes.length) {
    const ms = publishTimes.map((p) => p.ms).sort((a, b) => a - b);
    console.log(
      `Content Manager publish on ${DB}: ${publishTimes.map((p) => `${p.type} ${p.action} ${p.ms} ms`).join(', ')}; ` +
        `median ${ms[Math.floor(ms.length / 2)]} ms, max ${ms[ms.length - 1]} ms`
    );
  }
  await app?.stop();
});

describe.each(Object.keys(UID) as ContentTypeName[])(`Content Manager on ${DB}: %s`, (type) => {
  it('create, publish, edit, translate, unpublish, bulk publish, discard, delete, bulk unpublish and delete: the public side follows each step', { timeout: 180_000 }, async () => {
    const uid = UID[type];
    const field = titleField(type);
    const token = `${type}zq${DB.slice(0, 2)}`;
    const doc: Doc = { documentId: '', slug: { en: `${type}-cm-test`, el: `${type}-cm-test-el` }, token, titles: new Set() };
    const title = (words: string) => {
      const t = `${words} ${token}`;
      doc.titles.add(t);
      return t;
    };
    const first = title('Zephyr first');
    let form = formFor(type, first, doc.slug.en, `Draft text about ${token}`);

    // 1. A draft: nothing public.
    const created = await act(type, 'create', () => cm.create(uid, 'en', form), 201, false);
    doc.documentId = String((created.body.data as Json).documentId);
    expect(doc.documentId).toMatch(/\w{10,}/);
    await assertPublic(type, doc, { en: null, el: null }, 'draft created');

    // 2. Publish.
    await publishTimed(type, 'publish', () => cm.publish(uid, doc.documentId, 'en', form));
    await assertPublic(type, doc, { en: first, el: null }, 'published');

    // 3. Edit: the draft changes, the public side does not; republish shows it.
    const second = title('Revised second');
    form = { ...form, [field]: second };
    await act(type, 'edit', () => cm.update(uid, doc.documentId, 'en', form), 200, false);
    await assertPublic(type, doc, { en: first, el: null }, 'edited draft');
    await publishTimed(type, 'republish', () => cm.publish(uid, doc.documentId, 'en', form));
    await assertPublic(type, doc, { en: second, el: null }, 'republished');

    // 4. A Greek version: a draft first (the English one shows with the fallback), then published.
    // Organisations' names are not localized: the Greek version shares the English one.
    const greek = type === 'organisation' ? second : title('Αλληλεγγύη ελληνικά');
    const greekForm = formFor(type, greek, doc.slug.el, `Ελληνικό κείμενο ${token}`, 'el');
    await act(type, 'add el', () => cm.update(uid, doc.documentId, 'el', greekForm), 200, false);
    await assertPublic(type, doc, { en: second, el: null }, 'el draft');
    await publishTimed(type, 'publish el', () => cm.publish(uid, doc.documentId, 'el', greekForm));
    await assertPublic(type, doc, { en: second, el: greek }, 'el published');

    // 5. Unpublish English: the Greek version stays public, and English pages show it as a fallback.
    await act(type, 'unpublish', () => cm.unpublish(uid, doc.documentId, 'en'));
    await assertPublic(type, doc, { en: null, el: greek }, 'unpublished en');

    // 6. Bulk publish two documents (this one's English draft and a new one).
    const otherTitle = `Bulk other ${type}zo${DB.slice(0, 2)}`;
    const otherForm = formFor(type, otherTitle, `${type}-cm-test-other`, `Other text ${type}zo${DB.slice(0, 2)}`);
    const other = await cm.create(uid, 'en', otherForm);
    expect(other.status, other.text).toBe(201);
    const otherDoc: Doc = {
      documentId: String((other.body.data as Json).documentId),
      slug: { en: `${type}-cm-test-other`, el: `${type}-cm-test-other` },
      token: `${type}zo${DB.slice(0, 2)}`,
      titles: new Set([otherTitle]),
    };
    const bulk = await publishTimed(type, 'bulk publish 2', () =>
      cm.bulkPublish(uid, [doc.documentId, otherDoc.documentId], 'en')
    );
    expect(bulk.body.count, `bulk publish: ${bulk.text}`).toBe(2);
    await assertPublic(type, doc, { en: second, el: greek }, 'bulk published');
    const otherListed = (await listOf(type, { locale: 'en' })).data.find((d) => d.documentId === otherDoc.documentId);
    expect(otherListed?.[field], 'bulk published: the other document').toBe(otherTitle);

    // 7. Discard a draft: an edit that was never published goes away, the public side never showed it.
    const discarded = title('Discarded draft');
    await act(type, 'edit before discard', () => cm.update(uid, doc.documentId, 'en', { ...form, [field]: discarded }), 200, false);
    await assertPublic(type, doc, { en: second, el: greek }, 'draft to discard');
    await act(type, 'discard', () => cm.discard(uid, doc.documentId, 'en'), 200, false);
    const draft = await cm.findOne(uid, doc.documentId, 'en');
    expect((draft.body.data as Json)[field], 'discard: the draft is the published version again').toBe(second);
    await assertPublic(type, doc, { en: second, el: greek }, 'discarded');

    // 8. Delete: English first (Greek stays), then Greek; then the other document.
    await act(type, 'delete en', () => cm.delete(uid, doc.documentId, 'en'));
    await assertPublic(type, doc, { en: null, el: greek }, 'deleted en');
    await act(type, 'delete el', () => cm.delete(uid, doc.documentId, 'el'));
    await assertPublic(type, doc, { en: null, el: null }, 'deleted');
    // The list view's bulk actions on the other document.
    const unpublished = await act(type, 'bulk unpublish', () => cm.bulkUnpublish(uid, [otherDoc.documentId], 'en'));
    expect(unpublished.body.count, `bulk unpublish: ${unpublished.text}`).toBe(1);
    await assertPublic(type, otherDoc, { en: null, el: null }, 'other bulk unpublished');
    expect((await cm.publish(uid, otherDoc.documentId, 'en', otherForm)).status).toBe(200);
    await assertPublic(type, otherDoc, { en: otherTitle, el: null }, 'other published again');
    const deleted = await act(type, 'bulk delete', () => cm.bulkDelete(uid, [otherDoc.documentId], 'en'));
    expect(deleted.body.count, `bulk delete: ${deleted.text}`).toBe(1);
    await assertPublic(type, otherDoc, { en: null, el: null }, 'other bulk deleted');
    expect((await cm.findOne(uid, doc.documentId, 'en')).status, 'deleted: the Content Manager').toBe(404);
    // A draft that was never published, deleted: no public answer changes, not even the ETag.
    const draftOnly = await act(
      type,
      'create a draft to delete',
      () => cm.create(uid, 'en', formFor(type, `Draft only ${type}zx`, `${type}-cm-draft-only`, `Draft only text ${type}zx`)),
      201,
      false
    );
    const draftOnlyId = String((draftOnly.body.data as Json).documentId);
    await act(type, 'delete a draft never published', () => cm.delete(uid, draftOnlyId, 'en'), 200, false);

    // 9. A new document created and published in one request (the edit view's Publish on a new entry).
    const direct: Doc = { documentId: '', slug: { en: `${type}-cm-direct`, el: `${type}-cm-direct` }, token: `${type}zd${DB.slice(0, 2)}`, titles: new Set() };
    const directTitle = `Direct ${direct.token}`;
    direct.titles.add(directTitle);
    const published = await publishTimed(type, 'create and publish', () =>
      cm.publishNew(uid, 'en', formFor(type, directTitle, direct.slug.en, `Direct text ${direct.token}`))
    );
    direct.documentId = String((published.body.data as Json).documentId);
    await assertPublic(type, direct, { en: directTitle, el: null }, 'created and published');
  });
});
