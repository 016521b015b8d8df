import { UID, type ContentTypeName } from '../content-types/uids';

/**
 * The fixed, shallow shape each public type comes back in: which columns, which
 * relations (and which of their columns). Chosen on the server: a client's
 * `populate` is validated but never widens this, so private fields and admin
 * users are unreachable, and a list costs one query per relation whatever
 * its size.
 */
const topicRef = { select: ['documentId', 'slug', 'name', 'locale'] };
const orgRef = { select: ['documentId', 'slug', 'name', 'country', 'website', 'locale'] };
const media = { select: ['url', 'alternativeText', 'width', 'height', 'mime', 'name', 'size', 'formats'] };

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
    list: [...base, 'title', 'description', 'opensAt', 'closesAt'],
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
    detail: ['body'],
    populate: {
      topics: topicRef,
      promoters: orgRef,
      criteria: true,
      call: { select: ['documentId', 'slug', 'title', 'locale'] },
      images: media,
    },
    detailPopulate: { links: true, attachments: media },
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
