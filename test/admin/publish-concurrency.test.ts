import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../cms/server/src/submissions/testing/fixtures';
import { createSearchIndex } from '../../cms/server/src/search';
import { UID } from '../../cms/server/src/content-types/uids';
import { adminLogin, contentManager, type CmAnswer, type ContentManagerClient } from '../helpers/content-manager';
import { testDatabaseClient } from '../helpers/db';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Public reads while an editor's publish is in flight. A document-service
 * middleware registered by the test holds the Content Manager's publish
 * transaction open (after the publish wrote its rows and bumped the content
 * version) until the test releases it, so "during the publish" is a state the
 * test controls, not a race.
 */

let app: TestApp;
let cm: ContentManagerClient;
const DB = testDatabaseClient();
const pub = (path: string) => request(app.url).get(`/api/solidarity${path}`);

/** The hold: set by a test, awaited by the middleware inside the publish transaction. */
let hold: { reached: () => void; release: Promise<void> } | null = null;

const form = (title: string, slug: string) => ({
  title,
  slug,
  summary: `${title}: a summary`,
  licence: 'CC-BY-SA-4.0',
  country: 'ES',
});

/** Starts a Content Manager publish of `documentId` and resolves once it is held inside its transaction. */
const startHeldPublish = async (documentId: string, data: Record<string, unknown>) => {
  let release!: () => void;
  const reached = new Promise<void>((resolve) => {
    hold = { reached: resolve, release: new Promise<void>((r) => (release = r)) };
  });
  const state = { settled: false };
  const publishing = cm.publish(UID.practice, documentId, 'en', data).then((res: CmAnswer) => {
    state.settled = true;
    return res;
  });
  await reached;
  return {
    state,
    async finish() {
      release();
      return publishing;
    },
  };
};

beforeAll(async () => {
  app = await startStrapi();
  app.strapi.documents.use(async (context, next) => {
    const result = await next();
    const current = hold;
    if (current && context.uid === UID.practice && context.action === 'publish') {
      hold = null;
      current.reached();
      await current.release;
    }
    return result;
  });
  cm = contentManager(app.url, await adminLogin(app.url, DEMO_ADMIN.email, DEMO_ADMIN.password));
  const first = await cm.create(UID.practice, 'en', form('Published before', 'published-before'));
  const id = String((first.body.data as { documentId: string }).documentId);
  expect((await cm.publish(UID.practice, id, 'en', form('Published before', 'published-before'))).status).toBe(200);
});

afterAll(async () => {
  await app?.stop();
});

describe(`public reads during a Content Manager publish (${DB})`, () => {
  it('cached reads and revalidations are answered while the publish holds its transaction, and show it once committed', async () => {
    const draft = await cm.create(UID.practice, 'en', form('Held publish', 'held-publish'));
    expect(draft.status, draft.text).toBe(201);
    const documentId = String((draft.body.data as { documentId: string }).documentId);
    const list = await pub('/practices').query({ locale: 'en' });
    expect(list.status).toBe(200);
    const etag = String(list.headers.etag);

    const publish = await startHeldPublish(documentId, form('Held publish', 'held-publish'));
    try {
      // The publish has written its rows and a new content version, uncommitted.
      const again = await pub('/practices').query({ locale: 'en' });
      expect(again.status).toBe(200);
      expect(again.headers.etag, 'the uncommitted content version is not visible').toBe(etag);
      expect(again.text).toContain('Published before');
      expect(again.text, 'an uncommitted publish is not public').not.toContain('Held publish');
      const revalidated = await pub('/practices').query({ locale: 'en' }).set('If-None-Match', etag);
      expect(revalidated.status).toBe(304);
      expect(publish.state.settled, 'the publish is still held').toBe(false);
    } finally {
      const res = await publish.finish();
      expect(res.status, res.text).toBe(200);
    }
    const after = await pub('/practices').query({ locale: 'en' }).set('If-None-Match', etag);
    expect(after.status, 'the committed publish gives a new ETag').toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.text).toContain('Held publish');
  });

  it('an uncached read overlapping the publish answers: at once on PostgreSQL, as soon as it commits on SQLite', async () => {
    const draft = await cm.create(UID.practice, 'en', form('Overlapping publish', 'overlapping-publish'));
    expect(draft.status, draft.text).toBe(201);
    const documentId = String((draft.body.data as { documentId: string }).documentId);
    const publish = await startHeldPublish(documentId, form('Overlapping publish', 'overlapping-publish'));
    // A query the response cache has never seen: it needs the database.
    const reading = pub('/practices').query({ locale: 'en', q: 'overlapping' }).then((res) => res);
    try {
      if (DB === 'postgres') {
        // Its own pool connection; the uncommitted publish is invisible to it.
        const res = await reading;
        expect(res.status, res.text).toBe(200);
        expect((res.body as { data: unknown[] }).data).toEqual([]);
        expect(publish.state.settled, 'the publish is still held').toBe(false);
      } else {
        // SQLite: knex has one connection and the publish holds it, so the read
        // queues for it (it cannot see the database before the commit).
        const pool = (app.strapi.db.connection as unknown as { client: { pool: { numPendingAcquires(): number } } }).client.pool;
        while (pool.numPendingAcquires() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        expect(publish.state.settled, 'the publish is still held').toBe(false);
      }
    } finally {
      const res = await publish.finish();
      expect(res.status, res.text).toBe(200);
    }
    if (DB === 'sqlite') {
      const res = await reading;
      expect(res.status, res.text).toBe(200);
      expect(JSON.stringify(res.body)).toContain('Overlapping publish');
    }
    const after = await pub('/practices').query({ locale: 'en', q: 'overlapping' });
    expect(JSON.stringify(after.body), 'after the commit').toContain('Overlapping publish');
  });

  it('a publish rolled back with its caller\'s transaction leaves the content version, ETag, list and search index as they were', async () => {
    const draft = await cm.create(UID.practice, 'en', form('Rolled back quixotic', 'rolled-back'));
    expect(draft.status, draft.text).toBe(201);
    const documentId = String((draft.body.data as { documentId: string }).documentId);
    const list = await pub('/practices').query({ locale: 'en' });
    const etag = String(list.headers.etag);
    const cache = app.strapi.plugin('solidarity').service('cache') as unknown as { version(): Promise<string> };
    const version = await cache.version();
    const documents = app.strapi.documents(UID.practice as never) as unknown as { publish(p: object): Promise<unknown> };
    await expect(
      app.strapi.db.transaction(async () => {
        await documents.publish({ documentId, locale: 'en' });
        // The plugin's middleware has indexed the document and bumped the version, in this transaction.
        expect(await app.strapi.db.query(UID.practice as never).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(1);
        throw new Error('editor action failed after the publish');
      })
    ).rejects.toThrow('editor action failed');
    expect(await cache.version()).toBe(version);
    const again = await pub('/practices').query({ locale: 'en' }).set('If-None-Match', etag);
    expect(again.status, 'same content version: the old ETag still holds').toBe(304);
    const search = await pub('/practices').query({ locale: 'en', q: 'quixotic' });
    expect(search.status).toBe(200);
    expect((search.body as { data: unknown[] }).data).toEqual([]);
    const detail = await pub(`/practices/${documentId}`).query({ locale: 'en' });
    expect(detail.status).toBe(404);
  });
});

describe(`the search index inside a caller's transaction (${DB})`, () => {
  it('a full rebuild joins the transaction it is called in: no wait for a second connection, and a rollback keeps the index', async () => {
    const search = createSearchIndex(app.strapi);
    const before = await search.count();
    expect(before, 'the published practice is indexed').toBeGreaterThan(0);
    await expect(
      app.strapi.db.transaction(async () => {
        await search.reindexAll();
        expect(await search.count(), 'rebuilt inside the transaction').toBe(before);
        throw new Error('the caller gives up');
      })
    ).rejects.toThrow('the caller gives up');
    expect(await search.count()).toBe(before);
    const found = await pub('/practices').query({ locale: 'en', q: 'Published before' });
    expect((found.body as { data: { title: string }[] }).data.map((d) => d.title)).toContain('Published before');
  });
});
