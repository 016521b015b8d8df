import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import qs from 'qs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { UID } from '../content-types/uids';

/*
 * Adversarial suite: generated hostile and malformed queries (Strapi's query
 * grammar, encoded with qs, and raw junk) against every public route, with
 * canaries stored in drafts, draft edits, a submission and private fields.
 * Properties: (a) never a 5xx; (b) no canary in any body; (c) a filter only a
 * draft or private value could satisfy answers like a filter that matches
 * nothing (or is refused). Fixed seed and run counts: a failure replays.
 */

const SEED = 20261130;
/** Generated requests per property (see the log line for the total). */
const RUNS = { hostile: 600, oracle: 100 };

/** Canaries: none of them may ever appear in a public body. Requests only carry proper prefixes of them. */
const CANARY = {
  draftOnly: 'Qvdraftonlyx7731canary',
  draftEdit: 'Qvdraftedity5512canary',
  submission: 'Qvsubmissionz9043canary',
  contact: 'qvcontactw4410@canary.example',
  notes: 'Qvreviewnotesv2287canary',
  sessionDraft: 'Qvsessiondraftu6610canary',
  sessionEdit: 'Qvsessioneditt3398canary',
  statementDraft: 'Qvstatementdrafts1207canary',
  topicEdit: 'Qvtopiceditr8823canary',
  orgDraft: 'Qvorgdraftq4471canary',
  callDraft: 'Qvcalldraftp9935canary',
};
const CANARIES = Object.values(CANARY);
/** A prefix that only a canary (so only a draft or private value) starts with. */
const prefixOf = (c: string) => c.slice(0, c.length - 7);

/** A published title that breaks naive encoders: a formula, a script end tag, CDATA ends, CSV specials, Greek. */
const HOSTILE_TITLE = '=HYPERLINK("x") </script><script>alert(1)</script> ]]> a ]]> b, "q"; é Ελληνικά';

/** Slugs that only draft rows carry (a draft edit of a published topic, organisation and call). */
const DRAFT_SLUG = { topic: 'qv-topic-draft-slug', organisation: 'qv-org-draft-slug', call: 'qv-call-draft-slug' };

let app: TestApp;
const docs = (uid: string) => documents(app, uid);
let slugs: Record<string, string>;
let sent = 0;
/** Responses per status code, for the log line. */
const statuses = new Map<number, number>();

interface Res {
  status: number;
  text: string;
}
const get = async (url: string): Promise<Res> => {
  sent += 1;
  const res = await request(app.url)
    .get(url)
    .buffer(true)
    .parse((r, done) => {
      r.setEncoding('utf8');
      let data = '';
      r.on('data', (c: string) => {
        data += c;
      });
      r.on('end', () => done(null, data));
    });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return { status: res.status, text: String(res.body ?? '') };
};

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

beforeAll(async () => {
  app = await startStrapi();
  const [topic] = (await app.strapi.db
    .query(UID.topic as never)
    .findMany({ where: { slug: 'food-and-basic-goods', locale: 'en' }, select: ['documentId'] })) as TestDoc[];
  const topicId = topic?.documentId as string;
  // a published topic whose draft has newer text
  await docs(UID.topic).update({ documentId: topicId, locale: 'en', data: { name: CANARY.topicEdit, slug: DRAFT_SLUG.topic } });

  const org = await docs(UID.organisation).create({
    locale: 'en',
    status: 'published',
    data: { name: 'Open Coop', slug: 'open-coop', kind: 'cooperative', country: 'ES' },
  });
  const orgDraft = await docs(UID.organisation).create({
    locale: 'en',
    data: { name: CANARY.orgDraft, slug: 'org-draft', kind: 'cooperative', country: 'ES' },
  });
  await docs(UID.organisation).update({ documentId: org.documentId, locale: 'en', data: { slug: DRAFT_SLUG.organisation } });
  const call = await docs(UID.call).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Open call',
      slug: 'open-call',
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000 * 30),
      topics: [{ documentId: topicId }],
    },
  });
  await docs(UID.call).update({ documentId: call.documentId, locale: 'en', data: { slug: DRAFT_SLUG.call } });
  await docs(UID.call).create({
    locale: 'en',
    data: { title: CANARY.callDraft, slug: 'call-draft', topics: [{ documentId: topicId }] },
  });
  const published = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Public practice alpha',
      slug: 'public-alpha',
      summary: 'A published practice.',
      body: paragraph('Body text.'),
      country: 'ES',
      latitude: 41.4,
      startedOn: '2021-05-01',
      topics: [{ documentId: topicId }],
      promoters: [{ documentId: org.documentId }, { documentId: orgDraft.documentId }],
      call: { documentId: call.documentId },
      criteria: [{ value: 'inter-cooperation' }],
      contact: { name: 'Private Person', email: CANARY.contact },
      reviewStatus: 'approved',
      reviewNotes: CANARY.notes,
    },
  });
  await docs(UID.practice).update({
    documentId: published.documentId,
    locale: 'ca',
    status: 'published',
    data: { title: 'Pràctica pública', slug: 'practica-publica', summary: 'Publicada.', body: paragraph('Text.'), country: 'ES' },
  });
  const edited = await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Public practice beta',
      slug: 'public-beta',
      summary: 'Another published practice.',
      body: paragraph('Beta.'),
      country: 'GR',
      topics: [{ documentId: topicId }],
      call: { documentId: call.documentId },
    },
  });
  // the draft of a published document carries newer, unpublished text
  await docs(UID.practice).update({
    documentId: edited.documentId,
    locale: 'en',
    data: { title: CANARY.draftEdit, summary: CANARY.draftEdit },
  });
  const draft = await docs(UID.practice).create({
    locale: 'en',
    data: {
      title: CANARY.draftOnly,
      slug: 'draft-only',
      country: 'ES',
      topics: [{ documentId: topicId }],
      promoters: [{ documentId: org.documentId }],
      call: { documentId: call.documentId },
    },
  });
  // an unreviewed submission: a draft with private fields
  const submission = await docs(UID.practice).create({
    locale: 'en',
    data: {
      title: CANARY.submission,
      slug: 'submitted-one',
      country: 'ES',
      topics: [{ documentId: topicId }],
      promoters: [{ documentId: org.documentId }],
      call: { documentId: call.documentId },
      contact: { name: 'Submitter', email: `sub-${CANARY.contact}` },
      source: 'submission',
      reviewStatus: 'submitted',
      submittedAt: new Date(),
    },
  });
  const session = await docs(UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Public session',
      slug: 'public-session',
      summary: 'A published session.',
      kind: 'webinar',
      startsAt: new Date(Date.now() + 86_400_000 * 7),
      timezone: 'Europe/Madrid',
      topics: [{ documentId: topicId }],
      organisers: [{ documentId: org.documentId }],
      practices: [{ documentId: published.documentId }, { documentId: draft.documentId }, { documentId: submission.documentId }],
    },
  });
  await docs(UID.session).update({ documentId: session.documentId, locale: 'en', data: { title: CANARY.sessionEdit } });
  await docs(UID.session).create({
    locale: 'en',
    data: { title: CANARY.sessionDraft, slug: 'session-draft', kind: 'webinar', startsAt: new Date(), topics: [{ documentId: topicId }] },
  });
  await docs(UID.statement).create({
    locale: 'en',
    status: 'published',
    data: { title: 'Public statement', slug: 'public-statement', summary: 'A published statement.', kind: 'position-paper', issuedOn: '2025-01-01', body: paragraph('S.'), topics: [{ documentId: topicId }], issuers: [{ documentId: org.documentId }] },
  });
  await docs(UID.statement).create({
    locale: 'en',
    data: { title: CANARY.statementDraft, slug: 'statement-draft', kind: 'position-paper', topics: [{ documentId: topicId }], issuers: [{ documentId: org.documentId }] },
  });
  await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: { title: HOSTILE_TITLE, slug: 'hostile-title', summary: HOSTILE_TITLE, body: paragraph(HOSTILE_TITLE), country: 'PT' },
  });
  slugs = {
    practices: 'public-alpha',
    sessions: 'public-session',
    statements: 'public-statement',
    topics: 'food-and-basic-goods',
    organisations: 'open-coop',
    calls: 'open-call',
  };
}, 120_000);

afterAll(async () => {
  console.log(`[adversarial] ${sent} requests in all; by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
  await app?.stop();
});

const TYPES = ['practices', 'sessions', 'statements', 'topics', 'organisations', 'calls'] as const;

/** Every public read route (paths under /api/solidarity), with a published document for the single ones. */
const routes = (): string[] => [
  ...TYPES.map((t) => `/${t}`),
  ...TYPES.map((t) => `/${t}/${slugs[t]}`),
  '/practices/public-alpha?format=jsonld',
  '/sessions/public-session?format=jsonld',
  '/statements/public-statement?format=jsonld',
  '/feeds/practices.rss',
  '/feeds/practices.atom',
  '/feeds/practices.json',
  '/feeds/statements.rss',
  '/feeds/statements.atom',
  '/feeds/statements.json',
  '/sessions.ics',
  '/sessions/public-session.ics',
  '/export/practices.csv',
  '/export/practices.json',
  '/openapi.json',
];
/** Routes that list documents (and so answer filters). */
const LISTING = [
  ...TYPES.map((t) => `/${t}`),
  '/feeds/practices.rss',
  '/feeds/statements.atom',
  '/feeds/practices.json',
  '/sessions.ics',
  '/export/practices.csv',
  '/export/practices.json',
];

const withQuery = (route: string, query: string) =>
  `/api/solidarity${route}${query ? (route.includes('?') ? '&' : '?') + query : ''}`;

const leaks = (text: string) => CANARIES.filter((c) => text.includes(c));

const expectSafe = (url: string, res: Res) => {
  expect(res.status, `${url} -> ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(leaks(res.text), `${url} leaks`).toEqual([]);
  if (res.status === 400 && res.text.startsWith('{')) {
    const body = JSON.parse(res.text) as { data: unknown; error: { status: number; name: string } };
    expect(body.data, url).toBeNull();
    expect(body.error.status, url).toBe(400);
    expect(body.error.name, url).toBe('ValidationError');
  }
};

// ---------------------------------------------------------------- generators

const OPERATORS = [
  '$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$contains', '$containsi', '$notContains',
  '$startsWith', '$endsWith', '$null', '$notNull', '$between', '$and', '$or', '$not', '$eqi', '$foo', '$', 'eq',
];
const FIELDS = [
  'title', 'slug', 'summary', 'name', 'country', 'latitude', 'startedOn', 'startsAt', 'kind', 'publishedAt',
  'id', 'documentId', 'locale', 'body', 'spokenLanguages', 'criteria', 'links', 'images', 'value',
  'localizations', 'topics', 'promoters', 'call', 'practices', 'organisers', 'issuers', 'memberOf',
  'contact', 'email', 'reviewStatus', 'reviewNotes', 'source', 'submittedAt', 'createdBy', 'updatedBy',
  '__proto__', 'constructor', '', '0', 'password',
];
const canaryPrefix = fc.constantFrom(...CANARIES.map(prefixOf));
const scalar = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('', 'true', 'false', 'null', '0', '-1', '1.5', '1e309', 'NaN', '2026-01-01', '2026-13-45T99:99',
    '9999999999999999999', '\u0000', "'; DROP TABLE x;--", '%', '_', '*', '\\', 'Q', 'qv'),
  fc.integer().map(String),
  canaryPrefix
);

const { node } = fc.letrec<{ node: unknown; cond: unknown; operand: unknown }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    fc.dictionary(fc.constantFrom(...FIELDS), tie('cond'), { maxKeys: 2 }),
    fc.record({ $and: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ $or: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ $not: tie('node') }),
    scalar,
    fc.array(scalar, { maxLength: 2 })
  ),
  cond: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    scalar,
    fc.dictionary(fc.constantFrom(...OPERATORS), tie('operand'), { maxKeys: 2 }),
    tie('node')
  ),
  operand: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 }),
    tie('node')
  ),
}));

const sortValue = fc.oneof(
  fc.constantFrom('title:asc', 'title:desc', 'publishedAt', 'reviewStatus:asc', 'localizations', 'createdBy:asc', 'title:up', ':', ',,', '*'),
  fc.array(fc.constantFrom('title', 'slug:desc', 'contact', 'x'), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('title', 'topics', 'contact', '0'), fc.oneof(scalar, fc.dictionary(fc.constantFrom('name', 'x'), scalar)), { maxKeys: 2 })
);
const fieldsValue = fc.oneof(
  fc.constantFrom('title', 'contact', 'title,reviewNotes', '*', 'localizations', ''),
  fc.array(fc.constantFrom('title', 'summary', 'contact', 'createdBy', 'x'), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 })
);
const populateValue = fc.oneof(
  fc.constantFrom('*', 'topics', 'localizations', 'createdBy', 'contact', 'topics,promoters', 'true', ''),
  fc.array(fc.constantFrom('topics', 'localizations', 'call', 'x'), { maxLength: 3 }),
  fc.dictionary(
    fc.constantFrom('topics', 'promoters', 'localizations', 'call', 'practices', 'createdBy'),
    fc.oneof(fc.constantFrom('true', '*', 'x'), fc.record({ populate: fc.constantFrom('*', 'localizations', 'practices') }), fc.record({ filters: node })),
    { maxKeys: 2 }
  )
);
const paginationValue = fc.oneof(
  scalar,
  fc.dictionary(fc.constantFrom('page', 'pageSize', 'start', 'limit', 'withCount', 'x'), fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { maxKeys: 3 })
);

const structured = fc
  .record(
    {
      filters: node,
      sort: sortValue,
      fields: fieldsValue,
      populate: populateValue,
      pagination: paginationValue,
      locale: fc.oneof(fc.constantFrom('en', 'ca', 'EN', 'xx', '', 'en-US'), scalar),
      q: fc.oneof(scalar, canaryPrefix, fc.constantFrom('"', 'a OR b', 'NEAR(', '*', '^', 'title:x', ':', '(((', "'")),
      status: fc.constantFrom('draft', 'published', 'x', '', 'published', 'published'),
      page: scalar,
      pageSize: scalar,
      topic: fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })),
    },
    { requiredKeys: [] }
  )
  .map((q) => qs.stringify(q, { allowDots: false }));

/** Mostly well-formed queries for the route's type, so that many requests reach the query engine. */
type Kind = 'text' | 'number' | 'date' | 'datetime';
const SCALARS: Record<string, Record<string, Kind>> = {
  practice: { title: 'text', slug: 'text', summary: 'text', country: 'text', municipality: 'text', latitude: 'number', startedOn: 'date', publishedAt: 'datetime', longitude: 'number', documentId: 'text', locale: 'text' },
  session: { title: 'text', slug: 'text', kind: 'text', startsAt: 'datetime', endsAt: 'datetime', timezone: 'text', sequence: 'number', locale: 'text' },
  statement: { title: 'text', slug: 'text', kind: 'text', issuedOn: 'date', deadline: 'datetime', documentId: 'text' },
  topic: { name: 'text', slug: 'text', description: 'text', publishedAt: 'datetime' },
  organisation: { name: 'text', slug: 'text', country: 'text', city: 'text', latitude: 'number', kind: 'text' },
  call: { title: 'text', slug: 'text', opensAt: 'datetime', closesAt: 'datetime', documentId: 'text' },
};
const RELATIONS: Record<string, Record<string, string>> = {
  practice: { topics: 'topic', promoters: 'organisation', call: 'call', sessions: 'session' },
  session: { topics: 'topic', organisers: 'organisation', practices: 'practice' },
  statement: { topics: 'topic', issuers: 'organisation', signatories: 'organisation' },
  topic: { practices: 'practice', sessions: 'session', statements: 'statement', calls: 'call' },
  organisation: { memberOf: 'organisation', members: 'organisation', practices: 'practice', issuedStatements: 'statement' },
  call: { topics: 'topic', practices: 'practice' },
};
const SORTABLE: Record<string, string[]> = {
  practice: ['title', 'slug', 'country', 'startedOn', 'publishedAt'],
  session: ['title', 'startsAt', 'endsAt', 'kind'],
  statement: ['title', 'issuedOn', 'deadline'],
  topic: ['name', 'slug'],
  organisation: ['name', 'country', 'city'],
  call: ['title', 'opensAt', 'closesAt'],
};
const typeOfRoute = (route: string): string => {
  if (route.includes('practices')) return 'practice';
  if (route.includes('statements')) return 'statement';
  if (route.includes('sessions')) return 'session';
  if (route.includes('topics')) return 'topic';
  if (route.includes('organisations')) return 'organisation';
  return 'call';
};
const valueOf = (kind: Kind) =>
  kind === 'number'
    ? fc.constantFrom('41.4', '0', '-1', '1', '2', '1e3')
    : kind === 'date'
      ? fc.constantFrom('2021-05-01', '2025-01-01', '1970-01-01', '9999-12-31')
      : kind === 'datetime'
        ? fc.constantFrom('2026-01-01T00:00:00Z', '2020-06-01', '2030-01-01T10:00:00+02:00')
        : fc.oneof(fc.constantFrom('ES', 'Public', 'public', 'food-and-basic-goods', 'open-coop', 'en', '%', '_', ''), canaryPrefix, fc.string({ maxLength: 5 }));
const TEXT_OPS = ['$eq', '$ne', '$in', '$notIn', '$contains', '$containsi', '$notContains', '$startsWith', '$endsWith', '$null', '$notNull', '$lt', '$gte', '$between'];
const ORDER_OPS = ['$eq', '$ne', '$in', '$notIn', '$null', '$notNull', '$lt', '$lte', '$gt', '$gte', '$between'];
const leafOf = (type: string): fc.Arbitrary<Record<string, unknown>> => {
  const fields = Object.entries(SCALARS[type] ?? {});
  return fc.constantFrom(...fields).chain(([field, kind]) =>
    fc.constantFrom(...(kind === 'text' ? TEXT_OPS : ORDER_OPS)).chain((op) => {
      const v = valueOf(kind);
      const operand =
        op === '$null' || op === '$notNull'
          ? fc.constantFrom('true', 'false')
          : op === '$between'
            ? fc.tuple(v, v)
            : op === '$in' || op === '$notIn'
              ? fc.array(v, { minLength: 1, maxLength: 3 })
              : v;
      return operand.map((o) => ({ [field]: { [op]: o } }));
    })
  );
};
const plausibleFilters = (type: string) => {
  const rels = Object.entries(RELATIONS[type] ?? {});
  const relLeaf = fc
    .constantFrom(...rels)
    .chain(([rel, target]) =>
      fc.oneof(leafOf(target), fc.constantFrom(...Object.entries(RELATIONS[target] ?? {})).chain(([rel2, t2]) => leafOf(t2).map((l) => ({ [rel2]: l }))))
        .map((l) => ({ [rel]: l }))
    );
  const leaf = fc.oneof(leafOf(type), relLeaf);
  return fc.oneof(
    leaf,
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((l) => ({ $or: l })),
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((l) => ({ $and: l })),
    leafOf(type).map((l) => ({ $not: l }))
  );
};
const walkRoute = (route: string) => /\.(ics|csv)$/.test(route) || route.startsWith('/export/') || route.startsWith('/feeds/');
const plausibleFor = (route: string) => {
  const type = typeOfRoute(route);
  return fc
    .record(
      {
        filters: plausibleFilters(type),
        sort: fc.constantFrom(...(SORTABLE[type] ?? ['title'])).chain((f) => fc.constantFrom(f, `${f}:asc`, `${f}:desc`)),
        locale: fc.constantFrom('en', 'ca', 'el'),
        q: fc.oneof(fc.constantFrom('food', 'public', '"', 'a OR', '*', 'NEAR(x', '-x'), canaryPrefix),
        ...(walkRoute(route) ? {} : { pageSize: fc.constantFrom('1', '50'), page: fc.constantFrom('1', '2', '999') }),
      },
      { requiredKeys: ['filters'] }
    )
    .map((q) => qs.stringify(q));
};

/** Hostile filters alone (nothing else in the query to be refused first). */
const hostileFilters = fc
  .record({ filters: node, locale: fc.constantFrom('en', 'ca') }, { requiredKeys: ['filters'] })
  .map((q) => qs.stringify(q));

const rawJunk = fc
  .array(
    fc.oneof(
      fc.constantFrom('filters', '[', ']', '$and', '$or', '$not', '$in', '$between', '=', '&', '%', '%00', '%ZZ', '%C3', '0', 'title', 'localizations', '+', '.', ',', '*', 'sort', 'populate', 'fields', 'pagination', 'x'),
      fc.string({ maxLength: 4 })
    ),
    { maxLength: 14 }
  )
  .map((parts) => parts.join('').replace(/#/g, '%23'));

// ---------------------------------------------------------------- regressions

describe('hostile queries: fixed regressions', () => {
  const malformed = [
    'filters[$and]=1',
    'filters[$or][0]=x',
    'filters[$not]=',
    'filters[$not]',
    'filters[]=',
    'filters=abc',
    'filters[title][$between]=a',
    'filters[title][$between][x]=a',
    'filters[title][$between][0]=a',
    'filters[latitude][$between][0]=1&filters[latitude][$between][1]=x',
    'filters[title][$in][a]=b',
    'filters[title][$gt][a]=b',
    'filters[title][$null]=foo',
    'filters[title][$foo]=1',
    'filters[title][$eq][0][1][2]=x',
    'filters[latitude][$contains]=1',
    'filters[latitude][$gt]=abc',
    'filters[startedOn][$lt]=not-a-date',
    'filters[publishedAt][$gt]=2026-99-99',
    'filters[startedOn][$eq]=2024-02-30',
    'filters[publishedAt][$gt]=2024-01-01T25:00:00Z',
    'filters[publishedAt][$gt]=2024-01-01T10:00:00+99:00',
    'filters[latitude][$eq]=1e400',
    'filters[id][$in][0]=1.5',
    'filters[id][$eq]=99999999999999999999',
    'filters[title][$eq]=a%00b',
    'filters[body][$contains]=x',
    'filters[topics]=1',
    'filters[topics][$eq]=1',
    'filters[topics][name][$in][a][b]=c',
    'filters[$and][0][$or][0][$not][$and]=1',
    `filters${'[$and][0]'.repeat(14)}[title][$eq]=x`,
    'sort[0][a][b]=c',
    'sort[title]=sideways',
    'fields[0][a]=b',
    'populate[topics][populate][0][a]=b',
    'pagination[page]=0',
    'pagination[page][a]=1',
    'pagination=1',
  ];
  it('malformed filters, sort, fields, populate and pagination are a 400 in Strapi’s format on every listing route', async () => {
    for (const route of [...LISTING, '/practices/public-alpha']) {
      for (const q of malformed) {
        const url = withQuery(route, q);
        const res = await get(url);
        expectSafe(url, res);
        expect(res.status, `${url}: ${res.text.slice(0, 200)}`).toBe(400);
      }
    }
  });

  it('an id or slug that no document can have (a NUL byte, markup) is a 404 on every detail route, never a 500', async () => {
    // PostgreSQL refuses a NUL byte in text: it must not reach the database
    for (const route of ['/practices', '/sessions', '/statements', '/topics', '/organisations', '/calls']) {
      for (const id of ['%00', 'public-alpha%00', 'a%00b', '%3Cscript%3E']) {
        const url = `/api/solidarity${route}/${id}`;
        const res = await get(url);
        expectSafe(url, res);
        expect(res.status, `${url}: ${res.text.slice(0, 200)}`).toBe(404);
      }
    }
    const ics = await get('/api/solidarity/sessions/a%00b.ics');
    expect(ics.status, ics.text.slice(0, 200)).toBe(404);
  });

  const privateReaches = [
    `filters[localizations][title][$startsWith]=${prefixOf(CANARY.draftEdit)}`,
    'filters[localizations][title][$notNull]=true',
    'filters[createdBy][id][$notNull]=true',
    'filters[updatedBy][email][$contains]=@',
    'filters[contact][email][$contains]=canary',
    'filters[reviewNotes][$contains]=Qv',
    'filters[topics][localizations][name][$notNull]=true',
    'filters[$not][topics][name][$eq]=x',
    'populate[localizations]=true',
    'populate=localizations',
    'populate[createdBy]=true',
    'sort=localizations',
    'fields[0]=createdBy',
  ];
  it('localizations, admin relations and private fields are refused (400) as filters, populate, sort and fields', async () => {
    for (const route of ['/practices', '/practices/public-alpha', '/feeds/practices.rss', '/sessions.ics', '/export/practices.csv']) {
      for (const q of privateReaches) {
        const url = withQuery(route, q);
        const res = await get(url);
        expectSafe(url, res);
        expect(res.status, `${url}: ${res.text.slice(0, 200)}`).toBe(400);
      }
    }
  });

  it('relation filters see published rows only: no yes/no answer about drafts, submissions or draft edits', async () => {
    const cases: [string, string, string][] = [
      // [route, filter that only unpublished text satisfies, the same filter matching nothing]
      ['/calls', `filters[practices][title][$startsWith]=${prefixOf(CANARY.submission)}`, 'filters[practices][title][$startsWith]=Zzzz'],
      ['/calls', `filters[practices][title][$startsWith]=${prefixOf(CANARY.draftOnly)}`, 'filters[practices][title][$startsWith]=Zzzz'],
      ['/calls', `filters[practices][title][$startsWith]=${prefixOf(CANARY.draftEdit)}`, 'filters[practices][title][$startsWith]=Zzzz'],
      ['/topics', `filters[practices][title][$contains]=${prefixOf(CANARY.submission)}`, 'filters[practices][title][$contains]=Zzzz'],
      ['/topics', `filters[statements][title][$startsWith]=${prefixOf(CANARY.statementDraft)}`, 'filters[statements][title][$startsWith]=Zzzz'],
      ['/organisations', `filters[practices][title][$startsWith]=${prefixOf(CANARY.submission)}`, 'filters[practices][title][$startsWith]=Zzzz'],
      ['/practices', `filters[topics][name][$startsWith]=${prefixOf(CANARY.topicEdit)}`, 'filters[topics][name][$startsWith]=Zzzz'],
      ['/practices', `filters[promoters][name][$startsWith]=${prefixOf(CANARY.orgDraft)}`, 'filters[promoters][name][$startsWith]=Zzzz'],
      ['/practices', `filters[call][practices][title][$startsWith]=${prefixOf(CANARY.submission)}`, 'filters[call][practices][title][$startsWith]=Zzzz'],
      ['/sessions', `filters[practices][title][$startsWith]=${prefixOf(CANARY.draftOnly)}`, 'filters[practices][title][$startsWith]=Zzzz'],
      ['/sessions.ics', `filters[practices][title][$startsWith]=${prefixOf(CANARY.submission)}`, 'filters[practices][title][$startsWith]=Zzzz'],
      ['/feeds/statements.json', `filters[topics][statements][title][$startsWith]=${prefixOf(CANARY.statementDraft)}`, 'filters[topics][statements][title][$startsWith]=Zzzz'],
      ['/export/practices.json', `filters[call][practices][title][$startsWith]=${prefixOf(CANARY.draftOnly)}`, 'filters[call][practices][title][$startsWith]=Zzzz'],
      ['/practices', `filters[title][$startsWith]=${prefixOf(CANARY.draftEdit)}`, 'filters[title][$startsWith]=Zzzz'],
      // shortcuts by slug: a slug only a draft edit carries finds nothing
      ['/practices', `topic=${DRAFT_SLUG.topic}`, 'topic=zzzz-nothing'],
      ['/practices', `organisation=${DRAFT_SLUG.organisation}`, 'organisation=zzzz-nothing'],
      ['/practices', `call=${DRAFT_SLUG.call}`, 'call=zzzz-nothing'],
      ['/sessions', `topic=${DRAFT_SLUG.topic}`, 'topic=zzzz-nothing'],
      ['/feeds/practices.rss', `topic=${DRAFT_SLUG.topic}`, 'topic=zzzz-nothing'],
      ['/practices', `filters[topics][slug][$eq]=${DRAFT_SLUG.topic}`, 'filters[topics][slug][$eq]=zzzz-nothing'],
    ];
    for (const [route, secret, control] of cases) {
      const a = await get(withQuery(route, secret));
      const b = await get(withQuery(route, control));
      expectSafe(route, a);
      expect(a.status, `${route}?${secret}`).toBe(200);
      expect(answer(route, a), `${route}?${secret} tells a draft apart`).toEqual(answer(route, b));
    }
    // full-text search: a word only a draft, a draft edit or a private field holds finds nothing
    // (topics, organisations and calls have no full-text search: q is refused there, whatever the word)
    const unsearched = new Set(['/topics', '/organisations', '/calls']);
    for (const route of LISTING) {
      for (const word of [CANARY.draftOnly, CANARY.draftEdit, CANARY.submission, CANARY.notes, CANARY.sessionEdit, CANARY.statementDraft]) {
        const a = await get(withQuery(route, `q=${word}`));
        const b = await get(withQuery(route, 'q=zzzznothing'));
        expect(a.status, `${route}?q=${word}`).toBe(unsearched.has(route) ? 400 : 200);
        expect(answer(route, a), `${route}?q=${word} tells a draft apart`).toEqual(answer(route, b));
      }
    }
    // and the same relation filters do find published text
    const found = await get(withQuery('/calls', 'filters[practices][title][$startsWith]=Public practice'));
    expect(answer('/calls', found)).toMatchObject({ status: 200, count: 1 });
    const viaTopic = await get(withQuery('/practices', 'filters[topics][slug][$eq]=food-and-basic-goods'));
    expect(answer('/practices', viaTopic)).toMatchObject({ status: 200, count: 2 });
  });
});

/** What a response tells a client, without the parts that echo the request or the clock. */
const answer = (route: string, res: Res): { status: number; count?: number; ids?: string[] } => {
  if (res.status !== 200) return { status: res.status };
  const t = res.text;
  if (route.endsWith('.rss')) return { status: 200, count: (t.match(/<item>/g) ?? []).length, ids: t.match(/<guid[^>]*>[^<]*/g) ?? [] };
  if (route.endsWith('.atom')) return { status: 200, count: (t.match(/<entry>/g) ?? []).length, ids: t.match(/<id>[^<]*/g)?.slice(1) ?? [] };
  if (route.endsWith('.ics')) return { status: 200, count: (t.match(/BEGIN:VEVENT/g) ?? []).length, ids: t.match(/UID:[^\r\n]*/g) ?? [] };
  if (route.endsWith('.csv')) return { status: 200, count: t.trim().split(/\r\n/).length - 1 };
  const body = JSON.parse(t) as { data?: { documentId?: string }[]; items?: { id?: string }[] } | { documentId?: string }[];
  const list = Array.isArray(body) ? body : (body.data ?? body.items ?? []);
  return { status: 200, count: list.length, ids: list.map((d) => String((d as { documentId?: string; id?: string }).documentId ?? (d as { id?: string }).id)) };
};

// ---------------------------------------------------------------- properties

describe('hostile queries: generated', () => {
  it('(a) never a 5xx and (b) never a draft or private value, on every public route', async () => {
    const all = routes();
    const start = sent;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all).chain((route) =>
          fc.tuple(
            fc.constant(route),
            fc.oneof(
              { weight: 2, arbitrary: structured },
              { weight: 2, arbitrary: hostileFilters },
              { weight: 3, arbitrary: plausibleFor(route) },
              { weight: 1, arbitrary: rawJunk }
            )
          )
        ),
        async ([route, query]) => {
        const url = withQuery(route, query);
        const res = await get(url);
        expectSafe(url, res);
      }),
      { seed: SEED, numRuns: RUNS.hostile, endOnFailure: true }
    );
    console.log(`[adversarial] seed ${SEED}: ${sent - start} generated requests over ${all.length} routes (a, b)`);
    expect(sent - start).toBeGreaterThanOrEqual(RUNS.hostile);
  });

  it('(c) a filter only a draft or private value satisfies answers like one that matches nothing', async () => {
    const secretLeaf = fc.oneof(
      canaryPrefix.map((p) => ({ localizations: { title: { $startsWith: p } } })),
      canaryPrefix.map((p) => ({ title: { $startsWith: p } })),
      canaryPrefix.map((p) => ({ call: { practices: { title: { $startsWith: p } } } })),
      canaryPrefix.map((p) => ({ topics: { name: { $startsWith: p } } })),
      canaryPrefix.map((p) => ({ topics: { practices: { title: { $containsi: p } } } })),
      canaryPrefix.map((p) => ({ topics: { statements: { title: { $startsWith: p } } } })),
      canaryPrefix.map((p) => ({ promoters: { name: { $startsWith: p } } })),
      canaryPrefix.map((p) => ({ practices: { title: { $startsWith: p } } })),
      canaryPrefix.map((p) => ({ contact: { email: { $startsWith: p.toLowerCase() } } })),
      canaryPrefix.map((p) => ({ reviewNotes: { $startsWith: p } })),
      canaryPrefix.map((p) => ({ practices: { contact: { email: { $contains: p.toLowerCase() } } } }))
    );
    // the same shapes with a value that nothing stored starts with
    const control = (secret: unknown): unknown =>
      JSON.parse(JSON.stringify(secret).replace(/Qv[a-z0-9]+/gi, 'Zzzznothing'));
    const wrap = fc.constantFrom(
      (s: unknown) => s,
      (s: unknown) => ({ $or: [s, { publishedAt: { $null: true } }] }),
      (s: unknown) => ({ $and: [s, { publishedAt: { $notNull: true } }] }),
      (s: unknown) => ({ $not: s })
    );
    const start = sent;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LISTING), secretLeaf, wrap, async (route, leaf, w) => {
        const secret = qs.stringify({ filters: w(leaf) });
        const nothing = qs.stringify({ filters: w(control(leaf)) });
        const a = await get(withQuery(route, secret));
        const b = await get(withQuery(route, nothing));
        expectSafe(route, a);
        expectSafe(route, b);
        expect(answer(route, a), `${route}?${decodeURIComponent(secret)}`).toEqual(answer(route, b));
      }),
      { seed: SEED, numRuns: RUNS.oracle, endOnFailure: true }
    );
    console.log(`[adversarial] seed ${SEED}: ${sent - start} generated requests (c)`);
    expect(sent - start).toBe(RUNS.oracle * 2);
  });
});

describe('output encodings over HTTP', () => {
  const htmlDecode = (t: string) =>
    t.replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');

  it('JSON-LD has no raw "<" and reads back to the exact title', async () => {
    const res = await get('/api/solidarity/practices/hostile-title?format=jsonld');
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/[<>]/);
    expect(res.text).toContain('\\u003c/script\\u003e');
    expect((JSON.parse(res.text) as { name: string }).name).toBe(HOSTILE_TITLE);
  });

  it('RSS and Atom titles read back exactly (XML, then HTML text)', async () => {
    const xml = new XMLParser({ processEntities: true, trimValues: false, parseTagValue: false });
    const rss = await get('/api/solidarity/feeds/practices.rss?country=PT');
    const item = (xml.parse(rss.text) as { rss: { channel: { item: { title: string } } } }).rss.channel.item;
    expect(htmlDecode(item.title)).toBe(HOSTILE_TITLE);
    const atom = await get('/api/solidarity/feeds/practices.atom?country=PT');
    const entry = (xml.parse(atom.text) as { feed: { entry: { title: string | { '#text': string } } } }).feed.entry;
    expect(htmlDecode(typeof entry.title === 'string' ? entry.title : entry.title['#text'])).toBe(HOSTILE_TITLE);
  });

  it('CSV: BOM, RFC 4180, the formula neutralized with an apostrophe; JSON export exact', async () => {
    const csv = await get('/api/solidarity/export/practices.csv?country=PT');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const [header, row] = parseCsv(csv.text, { bom: true }) as string[][];
    expect(row?.[header?.indexOf('title') ?? -1]).toBe(`'${HOSTILE_TITLE}`);
    const json = await get('/api/solidarity/export/practices.json?country=PT');
    expect((JSON.parse(json.text) as { title: string }[])[0]?.title).toBe(HOSTILE_TITLE);
  });
});
