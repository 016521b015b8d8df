import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, contentManager } from '../../../../test/helpers/content-manager';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db';
import { startStrapi, type TestApp } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';
import { FIELD_ACTIONS, syncRoleFields } from './role-fields';

/**
 * Strapi gives its Editor role every field of every content type when it makes the role, and never
 * a field added later: on a database made before a call had its phase and assessment scale (issue 15)
 * an Editor could neither see nor set them. The plugin adds new fields at start (./role-fields.ts);
 * tested as an Editor through the Content Manager's admin API, after a restart on such a database.
 * Strapi's new Editor role also has no `locales` on the plugin's localized types, which i18n reads as
 * none: without the sync an Editor could not even open the call they created.
 */
const ADDED_LATER = ['phase', 'scaleMin', 'scaleMax', 'scoresVisibleBeforeScoring', 'criteria.weight'];
const EDITOR = { email: 'editor@solidarity.example', password: 'Editor-2026-pass' };

let db: TestDatabase;
let app: TestApp;

type Row = { id: number; properties: { fields?: string[] } };
const editorCallPermissions = async (): Promise<Row[]> => {
  const role = (await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) as { id: number };
  return (await app.strapi.db.query('admin::permission').findMany({
    where: { role: { id: role.id }, subject: UID.call, action: { $in: FIELD_ACTIONS } },
  })) as Row[];
};

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startStrapi({ database: db });
  // the database as an older version left it: the Editor's call permissions without the assessment fields,
  // and no record of a sync
  const rows = await editorCallPermissions();
  expect(rows.length).toBe(FIELD_ACTIONS.length);
  for (const row of rows) {
    const fields = (row.properties.fields ?? []).filter((f) => !ADDED_LATER.includes(f));
    await app.strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { properties: { ...row.properties, fields } } });
  }
  await app.strapi.store({ type: 'plugin', name: 'solidarity' }).delete({ key: 'role-fields' });
  await app.stop();
  app = await startStrapi({ database: db });
  const role = (await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } })) as { id: number };
  // Strapi types its services as `{ [key]: any }`-like records: the part of the admin's user service used here
  const users = app.strapi.service('admin::user') as unknown as { create(a: object): Promise<unknown> };
  await users.create({ ...EDITOR, firstname: 'Eda', lastname: 'Editor', isActive: true, roles: [role.id] });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('the Editor role and the call’s fields', () => {
  it('lets an Editor of an older database see and set a call’s phase, scale, visibility rule and criteria weights', async () => {
    const token = await adminLogin(app.url, EDITOR.email, EDITOR.password);
    const mine = await request(app.url).get('/admin/users/me/permissions').set('Authorization', `Bearer ${token}`).expect(200);
    const perms = (mine.body.data as { action: string; subject: string; properties: { fields?: string[] } }[]).filter((p) => p.subject === UID.call);
    for (const action of FIELD_ACTIONS) {
      const fields = perms.find((p) => p.action === action)?.properties.fields ?? [];
      for (const field of ADDED_LATER) expect(fields, `${action} ${field}`).toContain(field);
    }

    const cm = contentManager(app.url, token);
    const created = await cm.create(UID.call, 'en', {
      title: 'Call for food practices',
      slug: 'food-call',
      opensAt: '2027-01-01T00:00:00.000Z',
      closesAt: '2027-03-01T00:00:00.000Z',
      phase: 'assessment',
      scaleMin: 1,
      scaleMax: 5,
      scoresVisibleBeforeScoring: true,
      criteria: [{ label: 'Replicable', weight: 2 }],
    });
    expect(created.status, created.text).toBe(201);
    const documentId = String((created.body.data as { documentId: string }).documentId);
    const read = await cm.findOne(UID.call, documentId, 'en');
    expect(read.status, read.text).toBe(200);
    const data = read.body.data as Record<string, unknown> & { criteria: { label: string; weight: unknown }[] };
    expect(data).toMatchObject({ phase: 'assessment', scaleMin: 1, scaleMax: 5, scoresVisibleBeforeScoring: true });
    expect(Number(data.criteria[0]?.weight)).toBe(2);

    const updated = await cm.update(UID.call, documentId, 'en', {
      title: data.title,
      slug: data.slug,
      opensAt: data.opensAt,
      closesAt: data.closesAt,
      phase: 'results',
      scaleMax: 4,
    });
    expect(updated.status, updated.text).toBe(200);
    const stored = (await app.strapi.db.query(UID.call).findOne({ where: { documentId } })) as Record<string, unknown>;
    expect(stored).toMatchObject({ phase: 'results', scaleMax: 4 });
  });

  it('does not give back a field an administrator removed from the role afterwards', async () => {
    for (const row of await editorCallPermissions()) {
      const fields = (row.properties.fields ?? []).filter((f) => f !== 'phase');
      await app.strapi.db.query('admin::permission').update({ where: { id: row.id }, data: { properties: { ...row.properties, fields } } });
    }
    expect(await syncRoleFields(app.strapi)).toBe(0);
    for (const row of await editorCallPermissions()) expect(row.properties.fields).not.toContain('phase');
  });
});
