import { z } from 'zod';
import { UID, type ContentTypeName } from '../content-types/uids';
import { SESSION_STATUSES } from '../content-types/vocabulary';
import { CALL_PHASES } from '../assessment/uids';
import { BUDGET_RANGES } from '../../../../cms/shared/fiche';

/**
 * The fixed, shallow shape each public type comes back in: which columns, which
 * relations (and which of their columns). Chosen on the server: a client's
 * `populate` is validated but never widens this, so private fields and admin
 * users are unreachable, and a list costs one query per relation whatever
 * its size.
 */
const topicRef = { select: ['documentId', 'slug', 'name', 'locale'] };
const orgRef = { select: ['documentId', 'slug', 'name', 'country', 'website', 'locale'] };
/** The attributes of an uploaded file that a media field of a public answer shows. */
export const PUBLIC_FILE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'mime', 'name', 'size', 'formats'];
const media = { select: PUBLIC_FILE_FIELDS };

export interface Shape {
  /** scalar columns of the list view */
  list: string[];
  /** extra scalar columns of the single-document view */
  detail: string[];
  populate: Record<string, unknown>;
  detailPopulate?: Record<string, unknown>;
  /** scalar attributes a client may sort on */
  sortable: string[];
  defaultSort: [string, 'asc' | 'desc'][];
}

const base = ['documentId', 'slug', 'locale', 'publishedAt', 'updatedAt', 'createdAt'];

export const SHAPES: Record<ContentTypeName, Shape> = {
  topic: {
    list: [...base, 'name', 'description'],
    detail: [],
    populate: {},
    sortable: ['name', 'slug', 'publishedAt', 'updatedAt'],
    defaultSort: [['name', 'asc']],
  },
  organisation: {
    list: [...base, 'name', 'kind', 'country', 'city', 'website', 'description', 'latitude', 'longitude'],
    detail: [],
    populate: { logo: media, memberOf: orgRef },
    sortable: ['name', 'slug', 'kind', 'country', 'city', 'publishedAt', 'updatedAt'],
    defaultSort: [['name', 'asc']],
  },
  call: {
    list: [...base, 'title', 'description', 'opensAt', 'closesAt', 'phase'],
    detail: [],
    populate: { topics: topicRef, criteria: true },
    sortable: ['title', 'slug', 'opensAt', 'closesAt', 'publishedAt', 'updatedAt'],
    defaultSort: [['closesAt', 'desc']],
  },
  practice: {
    list: [
      ...base,
      'title',
      'summary',
      'municipality',
      'region',
      'country',
      'latitude',
      'longitude',
      'startedOn',
      'endedOn',
      'licence',
    ],
    // the fiche's (cms/shared/fiche.ts): read for the single document and the feeds only; the private
    // ones (the network's choice, `fiche.privateFields`) are never read (repository.ts `load`)
    detail: ['body', 'context', 'objectives', 'beneficiaries', 'activities', 'resources', 'budgetRange', 'budgetDetails', 'results', 'replicability', 'lessons'],
    populate: {
      topics: topicRef,
      promoters: orgRef,
      criteria: true,
      call: { select: ['documentId', 'slug', 'title', 'locale'] },
      images: media,
    },
    detailPopulate: { links: true, attachments: media, figures: true, partners: true },
    sortable: ['title', 'slug', 'country', 'municipality', 'startedOn', 'endedOn', 'publishedAt', 'updatedAt'],
    defaultSort: [['publishedAt', 'desc']],
  },
  session: {
    list: [
      ...base,
      'title',
      'summary',
      'description',
      'minutes',
      'kind',
      'startsAt',
      'endsAt',
      'timezone',
      'scheduleStatus',
      'statusReason',
      'sequence',
      'spokenLanguages',
      'registrationUrl',
      'joinUrl',
      'recordingUrl',
    ],
    detail: [],
    populate: {
      speakers: true,
      organisers: orgRef,
      topics: topicRef,
      practices: { select: ['documentId', 'slug', 'title', 'locale'] },
    },
    detailPopulate: { attachments: media },
    sortable: ['title', 'slug', 'kind', 'startsAt', 'endsAt', 'publishedAt', 'updatedAt'],
    defaultSort: [['startsAt', 'desc']],
  },
  statement: {
    list: [...base, 'title', 'summary', 'kind', 'issuedOn', 'deadline'],
    detail: ['body'],
    populate: { issuers: orgRef, signatories: orgRef, topics: topicRef },
    detailPopulate: { documents: media },
    sortable: ['title', 'slug', 'kind', 'issuedOn', 'deadline', 'publishedAt', 'updatedAt'],
    defaultSort: [['issuedOn', 'desc']],
  },
};

export const uidOf = (type: ContentTypeName) => UID[type];

/*
 * The public documents as the API answers them, defined once: zod output
 * schemas. The presenters (./presenters.ts) return their inferred types, the
 * OpenAPI document (../openapi/document.ts) generates its response schemas from
 * them, the feeds read them, and a test parses real answers with them (objects
 * are strict: a field the schema does not name fails). The widgets' types
 * (widgets/src/internal/types.ts) are tied to them by a type-level test.
 */

const text = z.string().nullable();
const number = z.number().nullable();
/** ISO 8601 date-time in UTC, as Strapi returns datetime columns (`2025-03-01T10:00:00.000Z`). */
const dateTime = z.iso.datetime().nullable();
/** ISO 8601 calendar date (`YYYY-MM-DD`), as Strapi returns date columns. */
const date = z.iso.date().nullable();

/** One node of Strapi's "blocks" rich text: a `type` and whatever that type carries (children, text, url...). */
export const blockNodeSchema = z.looseObject({ type: z.string() });
/** Strapi "blocks" rich text: a list of block nodes. */
export const blocksSchema = z.array(blockNodeSchema).meta({ description: 'Strapi blocks (rich text) JSON.' });

/** A topic as a relation of another document. */
export const topicRefSchema = z.strictObject({ slug: text, name: text });
/** An organisation as a relation of another document (promoter, organiser, issuer, signatory, member of). */
export const organisationRefSchema = z.strictObject({ slug: text, name: text, country: text, website: text });
/** An uploaded file (image, attachment); `url` is absolute (the public origin is prepended to local uploads). */
export const mediaSchema = z.strictObject({
  url: z.url().nullable(),
  alternativeText: text,
  width: number,
  height: number,
  mime: text,
});

/** Fields every public document has (see `common` in ./presenters.ts). */
const documentFields = {
  documentId: z.string(),
  slug: text,
  /** the locale of the text: the requested one, or the default locale when the document has no version in it */
  locale: z.string(),
  localeFallback: z.boolean().meta({
    description: 'true when this is the default-locale text of a document missing in the requested locale',
  }),
  url: z.url().meta({ description: 'The public page of the document: plugin config `urlTemplates`, else for practices, sessions and statements `/embed/<locale>/<plural>/<slug>`, else its API URL.' }),
  publishedAt: dateTime,
  updatedAt: dateTime,
};

/** Only in the single-document answer (`/<type>/:idOrSlug`) and the feeds, never in lists. */
const detailOnly = <T extends z.ZodType>(schema: T) => schema.optional().meta({ description: 'Only on single documents.' });

/** A field of the systematisation fiche: single documents only, absent when the network keeps it private. Plain text keeps its line breaks. */
const ficheOnly = <T extends z.ZodType>(schema: T, description: string) =>
  schema.optional().meta({ description: `${description} Only on single documents; absent when the network keeps it private.` });

export const topicSchema = z.strictObject({ ...documentFields, name: text, description: text });

export const organisationSchema = z.strictObject({
  ...documentFields,
  name: text,
  kind: text,
  country: text,
  city: text,
  website: text,
  description: text,
  latitude: number,
  longitude: number,
  logo: mediaSchema.nullable(),
  memberOf: z.array(organisationRefSchema),
});

export const callSchema = z.strictObject({
  ...documentFields,
  title: text,
  description: text,
  opensAt: dateTime,
  closesAt: dateTime,
  isOpen: z.boolean().meta({ description: 'taking submissions now: phase is `open` and opensAt ≤ now < closesAt (false during the assessment and after the results, even before closesAt)' }),
  phase: z.enum(CALL_PHASES).meta({
    description:
      'where the call is: `open` (taking submissions until closesAt), `assessment` (the commission assesses them), `results` (decided: its practices are the selected ones)',
  }),
  criteria: z.array(z.strictObject({ label: text, description: text })),
  topics: z.array(topicRefSchema),
});

export const practiceSchema = z.strictObject({
  ...documentFields,
  title: text,
  summary: text,
  body: detailOnly(blocksSchema),
  topics: z.array(topicRefSchema),
  promoters: z.array(organisationRefSchema),
  municipality: text,
  region: text,
  country: text,
  latitude: number,
  longitude: number,
  startedOn: date,
  endedOn: date,
  criteria: z.array(z.string()),
  licence: text,
  call: z.strictObject({ slug: text, title: text }).nullable(),
  images: z.array(mediaSchema),
  links: detailOnly(z.array(z.strictObject({ label: text, url: text }))),
  attachments: detailOnly(z.array(mediaSchema)),
  // The systematisation fiche (cms/shared/fiche.ts): single documents and feeds only, and only the
  // fields the network keeps public (plugin option `fiche.privateFields`: a private one is absent).
  context: ficheOnly(text, 'Context and need: the situation the practice answers.'),
  objectives: ficheOnly(text, 'What it set out to achieve.'),
  beneficiaries: ficheOnly(text, 'Who it serves.'),
  activities: ficheOnly(text, 'What was done.'),
  resources: ficheOnly(text, 'The people, means and funding it took.'),
  budgetRange: ficheOnly(z.enum(BUDGET_RANGES).nullable(), 'Budget over the whole practice, in euros: `none` (volunteer work, donated means), `under-5k` (< 5 000), `from-5k-to-20k`, `from-20k-to-100k`, `from-100k-to-500k`, `over-500k` (≥ 500 000).'),
  budgetDetails: ficheOnly(text, 'The budget in detail (private unless the network publishes it).'),
  results: ficheOnly(text, 'Its results.'),
  figures: ficheOnly(z.array(z.strictObject({ label: text, value: number, unit: text })), 'Results with figures: `value` in `unit` (e.g. 1200 families).'),
  replicability: ficheOnly(text, 'What others can replicate, and how.'),
  lessons: ficheOnly(text, 'Lessons learned.'),
  partners: ficheOnly(z.array(z.strictObject({ name: text, website: text, role: text })), 'Partners and their roles.'),
});

export const sessionSchema = z.strictObject({
  ...documentFields,
  title: text,
  summary: text,
  description: blocksSchema,
  minutes: blocksSchema.nullable(),
  kind: text,
  startsAt: dateTime,
  endsAt: dateTime,
  timezone: text,
  scheduleStatus: z.enum(SESSION_STATUSES).meta({
    description: 'Set by editors: `moved` (its time or place changed) and `cancelled` sessions stay listed, marked as such.',
  }),
  statusReason: text.meta({ description: 'Why it was moved or cancelled, in the document’s language.' }),
  sequence: z.number().int().min(0).meta({
    description: 'Revision of its time, place (join link) and status: grows with every change (iCalendar SEQUENCE).',
  }),
  spokenLanguages: z.array(z.string()),
  registrationUrl: text,
  joinUrl: text,
  recordingUrl: text,
  speakers: z.array(z.strictObject({ name: text, role: text, organisation: text })),
  organisers: z.array(organisationRefSchema),
  topics: z.array(topicRefSchema),
  practices: z.array(z.strictObject({ slug: text, title: text })),
  icsUrl: z.url().meta({ description: 'This session as iCalendar.' }),
  attachments: detailOnly(z.array(mediaSchema)),
});

export const statementSchema = z.strictObject({
  ...documentFields,
  title: text,
  summary: text,
  body: detailOnly(blocksSchema),
  kind: text,
  issuedOn: date,
  deadline: dateTime,
  issuers: z.array(organisationRefSchema),
  signatories: z.array(organisationRefSchema),
  topics: z.array(topicRefSchema),
  documents: detailOnly(z.array(mediaSchema)),
});

/** The output schema of each public type. */
export const documentSchemas = {
  topic: topicSchema,
  organisation: organisationSchema,
  call: callSchema,
  practice: practiceSchema,
  session: sessionSchema,
  statement: statementSchema,
} as const satisfies Record<ContentTypeName, z.ZodObject>;

/** A public document of each type, as the presenters build it and the API answers it. */
export type PublicDocuments = { [T in ContentTypeName]: z.infer<(typeof documentSchemas)[T]> };
export type PublicDocument<T extends ContentTypeName = ContentTypeName> = PublicDocuments[T];
export type TopicRef = z.infer<typeof topicRefSchema>;
export type OrganisationRef = z.infer<typeof organisationRefSchema>;
export type Media = z.infer<typeof mediaSchema>;
export type BlockNode = z.infer<typeof blockNodeSchema>;

/** Fields kept whatever `fields` asks for: what identifies a document and says which text it is. */
export const ALWAYS_FIELDS = ['documentId', 'slug', 'locale', 'localeFallback'] as const;
type AlwaysField = (typeof ALWAYS_FIELDS)[number];

/**
 * A public document after Strapi's `fields` parameter: the fields it names, plus
 * ALWAYS_FIELDS. Without `fields` it is the whole PublicDocument.
 */
export type NarrowedDocument<T extends ContentTypeName = ContentTypeName> = T extends ContentTypeName
  ? Pick<PublicDocuments[T], AlwaysField> & Partial<PublicDocuments[T]>
  : never;

/** Pagination of a list: page-based (`page`, `pageSize`), or offset-based with `pagination[start]`/`pagination[limit]`. */
export const paginationSchema = z.union([
  z.strictObject({
    page: z.int().min(1),
    pageSize: z.int().min(1),
    pageCount: z.int().min(0),
    total: z.int().min(0),
  }),
  z.strictObject({ start: z.int().min(0), limit: z.int().min(1), total: z.int().min(0) }),
]);
export type Pagination = z.infer<typeof paginationSchema>;

const metaLocale = z.string().meta({ description: 'The requested locale (each document says which text it holds).' });
/** `meta` of a list answer. */
export const listMetaSchema = z.strictObject({ pagination: paginationSchema, locale: metaLocale });
/** `meta` of a single-document answer. */
export const oneMetaSchema = z.strictObject({ locale: metaLocale });

/** The answer of a list route (`/<type>`): a page of documents. */
export const listBodySchema = <T extends z.ZodType>(document: T) => z.strictObject({ data: z.array(document), meta: listMetaSchema });

/** The answer of a single-document route (`/<type>/:idOrSlug`). */
export const oneBodySchema = <T extends z.ZodType>(document: T) => z.strictObject({ data: document, meta: oneMetaSchema });

/** The answer of a type's list route, as `listBodySchema` describes it. */
export interface ListBody<T extends ContentTypeName> {
  data: PublicDocument<T>[];
  meta: z.infer<typeof listMetaSchema>;
}
/** The answer of a type's single-document route, as `oneBodySchema` describes it. */
export interface OneBody<T extends ContentTypeName> {
  data: PublicDocument<T>;
  meta: z.infer<typeof oneMetaSchema>;
}

/**
 * One value of a public facet (`GET /facets/<plural>`): `value` is what the
 * list's shortcut of the same name takes (a topic, organisation or call slug;
 * a country code), `label` its name in the requested locale (countries by
 * Unicode CLDR's names), `count` the published documents of the filter with
 * it; `locale` when the label is in a fallback language.
 */
export const facetValueSchema = z.strictObject({
  value: z.string().meta({ description: 'What the list parameter of the same name takes: a topic, organisation or call slug, or a country code.' }),
  label: z.string().meta({ description: 'Its name in the requested locale (countries: Unicode CLDR names).' }),
  count: z.int().min(1).meta({ description: 'Published documents of the filter with this value.' }),
  locale: z.string().optional().meta({ description: 'Present when the label is in a fallback language.' }),
});
export type PublicFacetValue = z.infer<typeof facetValueSchema>;

/** The facets of practices: each counted under every condition of the filter except its own parameter. */
export const practiceFacetsSchema = z
  .strictObject({
    topics: z.array(facetValueSchema),
    countries: z.array(facetValueSchema),
    organisations: z.array(facetValueSchema).meta({ description: 'Promoting organisations.' }),
    calls: z.array(facetValueSchema),
  })
  .meta({
    description:
      'Each facet is counted under every condition of the filter except its own parameter (a `country` filter still lists the other countries). Sorted by label.',
  });

/** The answer of a facets route. */
export const facetsBodySchema = <T extends z.ZodType>(facets: T) =>
  z.strictObject({
    data: facets,
    meta: z.strictObject({
      locale: metaLocale,
      total: z.int().min(0).meta({ description: 'Documents matching the whole filter (the list’s total).' }),
    }),
  });
