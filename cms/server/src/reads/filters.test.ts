import { describe, expect, it } from 'vitest';
import { hiddenFromPublic } from './public-attributes';
import { UID } from '../content-types/uids';
import { FILTER_LIMITS, checkPublicFilters, checkPublicPopulate, refuseForbiddenNames, type FilterModel } from './filters';

/** A small model graph in Strapi's shape: practice -> topics (draft and publish), contact (private component). */
const MODELS: Record<string, FilterModel> = {
  'plugin::x.practice': {
    uid: 'plugin::x.practice',
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      latitude: { type: 'float' },
      startedOn: { type: 'date' },
      body: { type: 'blocks' },
      reviewNotes: { type: 'text', private: true },
      topics: { type: 'relation', relation: 'manyToMany', target: 'plugin::x.topic' },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'plugin::x.practice' },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
      criteria: { type: 'component', component: 'x.tag' },
    },
  },
  'plugin::x.topic': {
    uid: 'plugin::x.topic',
    options: { draftAndPublish: true },
    attributes: { name: { type: 'string' }, practices: { type: 'relation', relation: 'manyToMany', target: 'plugin::x.practice' } },
  },
  'x.tag': { uid: 'x.tag', attributes: { value: { type: 'enumeration' } } },
};
const get = (uid: string) => MODELS[uid];
const check = (f: unknown) => checkPublicFilters(f, MODELS['plugin::x.practice'] as FilterModel, get);
const status = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { name?: string }).name;
  }
};

describe('public filters', () => {
  it('adds publishedAt at every relation level, and only there', () => {
    expect(check({ topics: { practices: { title: { $startsWith: 'A' } } } })).toEqual({
      topics: { practices: { title: { $startsWith: 'A' }, publishedAt: { $notNull: true } }, publishedAt: { $notNull: true } },
    });
    // a logical operator in a relation: the client's node and published-only under $and
    expect(check({ topics: { $or: [{ name: 'a' }, { name: 'b' }] } })).toEqual({
      topics: { $and: [{ $or: [{ name: { $eq: 'a' } }, { name: { $eq: 'b' } }] }, { publishedAt: { $notNull: true } }] },
    });
    expect(check({ $or: [{ title: 'x' }, { criteria: { value: { $in: ['a'] } } }] })).toEqual({
      $or: [{ title: { $eq: 'x' } }, { criteria: { value: { $in: ['a'] } } }],
    });
  });

  it('refuses localizations, admin relations, private, JSON/blocks and unknown attributes', () => {
    for (const f of [
      { localizations: { title: { $eq: 'a' } } },
      { createdBy: { id: { $eq: '1' } } },
      { reviewNotes: { $contains: 'a' } },
      { body: { $contains: 'a' } },
      { nope: { $eq: 'a' } },
      { topics: { localizations: { name: { $eq: 'a' } } } },
      { $not: { topics: { name: { $eq: 'a' } } } },
      // the row id is in no public answer: its order would count drafts and submissions between published rows
      { id: { $gte: '1' } },
      { id: '1' },
      { topics: { id: { $eq: '1' } } },
      { $or: [{ title: 'a' }, { id: { $lt: '5' } }] },
    ]) {
      expect(status(() => check(f)), JSON.stringify(f)).toBe('ValidationError');
    }
  });

  it('refuses misshapen operators and operands with a ValidationError', () => {
    for (const f of [
      '1',
      [],
      { $and: '1' },
      { $or: ['x'] },
      { $not: '' },
      { $not: null },
      {},
      { title: { $between: 'a' } },
      { title: { $between: { a: 'b' } } },
      { title: { $in: { a: 'b' } } },
      { title: { $gt: { a: 'b' } } },
      { title: { $null: 'foo' } },
      { title: { $foo: '1' } },
      { title: { $eq: 'a\u0000b' } },
      { latitude: { $contains: '1' } },
      { latitude: { $gt: 'abc' } },
      { startedOn: { $lt: 'soon' } },
      { startedOn: { $eq: '2024-02-30' } },
      { startedOn: { $eq: '2023-02-29' } },
      { topics: '1' },
      { topics: { $eq: '1' } },
    ]) {
      expect(status(() => check(f)), JSON.stringify(f)).toBe('ValidationError');
    }
    let deep: Record<string, unknown> = { title: { $eq: 'x' } };
    for (let i = 0; i < 20; i += 1) deep = { $and: [deep] };
    expect(status(() => check(deep))).toBe('ValidationError');
  });

  it('keeps well-formed filters, lists from qs objects with numeric keys, typed operands', () => {
    expect(check({ latitude: { $between: ['1', '2.5'] }, title: { $in: { 0: 'a', 150: 'b' } } })).toEqual({
      latitude: { $between: [1, 2.5] },
      title: { $in: ['a', 'b'] },
    });
    expect(check({ title: { $null: 'true' } })).toEqual({ title: { $null: true } });
    expect(check({ startedOn: { $between: ['2024-02-29', '2024-12-31'] } })).toEqual({ startedOn: { $between: ['2024-02-29', '2024-12-31'] } });
  });

  it('refuses forbidden names in sort, fields and populate, and populate outside the shape', () => {
    expect(status(() => refuseForbiddenNames({ sort: 'localizations:asc' }))).toBe('ValidationError');
    expect(status(() => refuseForbiddenNames({ populate: { topics: { populate: ['createdBy'] } } }))).toBe('ValidationError');
    expect(status(() => refuseForbiddenNames({ sort: 'title:asc', fields: ['title'] }))).toBe('ok');
    expect(status(() => checkPublicPopulate('topics,localizations', ['topics']))).toBe('ValidationError');
    expect(status(() => checkPublicPopulate({ topics: { filters: { a: 1 } } }, ['topics']))).toBe('ValidationError');
    expect(status(() => checkPublicPopulate({ topics: { populate: '*' } }, ['topics']))).toBe('ok');
    expect(status(() => checkPublicPopulate('*', ['topics']))).toBe('ok');
  });
});

describe('conditions on related documents are bounded (each is a join, multiplied under $or)', () => {
  const branch = (i: number) => ({ topics: { name: { $ne: `x${i}` } } });
  it(`takes ${FILTER_LIMITS.relationConditions} and refuses one more with a 400 that names the shortcuts`, () => {
    const ok = { $or: Array.from({ length: FILTER_LIMITS.relationConditions }, (_, i) => branch(i)) };
    expect(status(() => check(ok))).toBe('ok');
    const tooMany = { $or: Array.from({ length: FILTER_LIMITS.relationConditions + 1 }, (_, i) => branch(i)) };
    expect(status(() => check(tooMany))).toBe('ValidationError');
    try {
      check(tooMany);
    } catch (e) {
      expect(String((e as Error).message)).toMatch(/related documents/);
    }
  });
  it('counts every hop of a nested path, and counts across $and, $or and plain keys alike', () => {
    // topics -> practices -> topics: three joins; two such paths are six
    const deep = { topics: { practices: { topics: { name: { $eq: 'a' } } } } };
    expect(status(() => check(deep))).toBe('ok');
    expect(status(() => check({ $and: [deep, deep] }))).toBe('ValidationError');
    expect(status(() => check({ topics: { name: { $eq: 'a' } }, $and: [branch(1), branch(2), branch(3), branch(4)] }))).toBe('ValidationError');
  });
});

describe('attributes no public answer shows', () => {
  const practice = { uid: UID.practice, attributes: { title: { type: 'string' }, sessions: { type: 'relation' }, submittedAt: { type: 'datetime' } } };
  it('are hidden: scalars outside the shapes, file attributes media fields do not show', () => {
    expect(hiddenFromPublic(practice, 'id')).toBe(true);
    expect(hiddenFromPublic(practice, 'submittedAt')).toBe(true);
    expect(hiddenFromPublic({ uid: 'plugin::upload.file', attributes: {} }, 'hash')).toBe(true);
    expect(hiddenFromPublic({ uid: 'plugin::upload.file', attributes: {} }, 'folderPath')).toBe(true);
  });
  it('are not: shown scalars, documentId, relations (checked by the validator), components and files shown', () => {
    for (const name of ['title', 'documentId', 'publishedAt', 'locale', 'body', 'sessions']) expect(hiddenFromPublic(practice, name), name).toBe(false);
    expect(hiddenFromPublic({ uid: 'x.tag', attributes: { value: { type: 'string' } } }, 'value')).toBe(false);
    expect(hiddenFromPublic({ uid: 'plugin::upload.file', attributes: {} }, 'name')).toBe(false);
  });
});
