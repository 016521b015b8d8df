/**
 * Typed reading of the public documents returned by the public-api service
 * (the shapes built in ../reads/presenters.ts). Everything here already went
 * through Strapi's output sanitizer: no private field can appear.
 */

import type { BlockNode, OrganisationRef, PublicDocument, TopicRef } from '../reads/shapes';

export type Json = Record<string, unknown>;
export type { TopicRef };
/** An organisation as a relation (promoter, organiser, issuer, signatory): the public API's OrganisationRef. */
export type OrgRef = OrganisationRef;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): Json[] =>
  Array.isArray(v) ? v.filter((x): x is Json => Boolean(x) && typeof x === 'object' && !Array.isArray(x)) : [];

/** A date of the database (a Date, or a string in some drivers) as a Date, or null. */
export const toDate = (v: unknown): Date | null => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
};

/** ISO 8601 for date-times, the stored string for plain dates (YYYY-MM-DD), else null. */
export const toIso = (v: unknown): string | null => {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  return str(v);
};

/**
 * A public document as the feeds read it: the fields of its public shape
 * (../reads/shapes.ts) that they use, with date-times as Dates, relations and
 * rich text never missing, and a title always (the slug, else the documentId).
 */
type FeedReading<T extends 'practice' | 'session' | 'statement', K extends keyof PublicDocument<T>, Dates extends string = never> = {
  [P in Exclude<K, Dates>]-?: Exclude<PublicDocument<T>[P], undefined>;
} & { [P in Dates]: Date | null };

/** What every public document has (the same on each type; read here from the practice's shape). */
type Common = FeedReading<
  'practice',
  'documentId' | 'slug' | 'locale' | 'localeFallback' | 'url' | 'summary' | 'topics' | 'publishedAt' | 'updatedAt',
  'publishedAt' | 'updatedAt'
> & {
  /** the title, else the slug, else the documentId */
  title: string;
};

export type PracticeDoc = Common &
  FeedReading<
    'practice',
    | 'body'
    | 'promoters'
    | 'municipality'
    | 'region'
    | 'country'
    | 'latitude'
    | 'longitude'
    | 'startedOn'
    | 'endedOn'
    | 'criteria'
    | 'licence'
  >;

export type SessionDoc = Common &
  FeedReading<
    'session',
    | 'description'
    | 'kind'
    | 'startsAt'
    | 'endsAt'
    | 'timezone'
    | 'scheduleStatus'
    | 'statusReason'
    | 'sequence'
    | 'minutes'
    | 'spokenLanguages'
    | 'registrationUrl'
    | 'joinUrl'
    | 'recordingUrl'
    | 'speakers'
    | 'organisers',
    'startsAt' | 'endsAt'
  >;

export type StatementDoc = Common &
  FeedReading<'statement', 'body' | 'kind' | 'issuedOn' | 'deadline' | 'issuers' | 'signatories', 'deadline'>;

const topicRef = (t: Json): TopicRef => ({ slug: str(t.slug), name: str(t.name) });
const orgRef = (o: Json): OrgRef => ({
  slug: str(o.slug),
  name: str(o.name),
  country: str(o.country),
  website: str(o.website),
});

const common = (d: Json): Common => ({
  documentId: String(d.documentId ?? ''),
  slug: str(d.slug),
  locale: String(d.locale ?? ''),
  localeFallback: d.localeFallback === true,
  url: String(d.url ?? ''),
  publishedAt: toDate(d.publishedAt),
  updatedAt: toDate(d.updatedAt),
  title: str(d.title) ?? str(d.slug) ?? String(d.documentId ?? ''),
  summary: str(d.summary),
  topics: list(d.topics).map(topicRef),
});

/** Rich text as the feeds render it: the block nodes (objects with a `type`), none when missing. */
const blocks = (v: unknown): BlockNode[] =>
  list(v).filter((node): node is BlockNode => typeof node.type === 'string');

/** A practice of the public API (a `list({ detail: true })` document), read defensively. */
export const asPractice = (d: Json): PracticeDoc => ({
  ...common(d),
  body: blocks(d.body),
  promoters: list(d.promoters).map(orgRef),
  municipality: str(d.municipality),
  region: str(d.region),
  country: str(d.country),
  latitude: num(d.latitude),
  longitude: num(d.longitude),
  startedOn: toIso(d.startedOn),
  endedOn: toIso(d.endedOn),
  criteria: Array.isArray(d.criteria) ? d.criteria.filter((c): c is string => typeof c === 'string') : [],
  licence: str(d.licence),
});

/** A session of the public API, read defensively. */
export const asSession = (d: Json): SessionDoc => ({
  ...common(d),
  description: blocks(d.description),
  kind: str(d.kind),
  startsAt: toDate(d.startsAt),
  endsAt: toDate(d.endsAt),
  timezone: str(d.timezone),
  scheduleStatus: d.scheduleStatus === 'moved' || d.scheduleStatus === 'cancelled' ? d.scheduleStatus : 'scheduled',
  statusReason: str(d.statusReason),
  sequence: Math.max(0, Math.trunc(num(d.sequence) ?? 0)),
  minutes: blocks(d.minutes),
  spokenLanguages: Array.isArray(d.spokenLanguages)
    ? d.spokenLanguages.filter((l): l is string => typeof l === 'string' && l !== '')
    : [],
  registrationUrl: str(d.registrationUrl),
  joinUrl: str(d.joinUrl),
  recordingUrl: str(d.recordingUrl),
  speakers: list(d.speakers).map((s) => ({ name: str(s.name), role: str(s.role), organisation: str(s.organisation) })),
  organisers: list(d.organisers).map(orgRef),
});

/** A statement of the public API (a `list({ detail: true })` document), read defensively. */
export const asStatement = (d: Json): StatementDoc => ({
  ...common(d),
  body: blocks(d.body),
  kind: str(d.kind),
  issuedOn: toIso(d.issuedOn),
  deadline: toDate(d.deadline),
  issuers: list(d.issuers).map(orgRef),
  signatories: list(d.signatories).map(orgRef),
});

const HOUR_MS = 60 * 60 * 1000;

/** When a session ends: its end, else one hour after its start. */
export const sessionEnd = (s: SessionDoc): Date | null =>
  s.endsAt ?? (s.startsAt ? new Date(s.startsAt.getTime() + HOUR_MS) : null);

/** Past as the `when=past` shortcut defines it: ended, or started when it has no end. */
export const isPast = (s: SessionDoc, now: Date): boolean =>
  s.endsAt ? s.endsAt.getTime() <= now.getTime() : Boolean(s.startsAt && s.startsAt.getTime() < now.getTime());

/** Creative Commons licences offered by the content model, with their legal code URLs. */
export const LICENCE_URLS: Record<string, string> = {
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-NC-4.0': 'https://creativecommons.org/licenses/by-nc/4.0/',
  'CC-BY-NC-SA-4.0': 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
};

export const licenceUrl = (licence: string | null): string | null => (licence ? (LICENCE_URLS[licence] ?? null) : null);

/** Public page of an organisation: its website, else its document in the API. */
export const organisationUrl = (o: OrgRef, origin: string): string | null =>
  o.website ?? (o.slug ? `${origin}/api/solidarity/organisations/${encodeURIComponent(o.slug)}` : null);

export const names = (refs: { name: string | null }[]): string[] =>
  refs.map((r) => r.name).filter((n): n is string => Boolean(n));
