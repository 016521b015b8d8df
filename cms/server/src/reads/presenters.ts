import { PLURAL, type ContentTypeName } from '../content-types/uids';
import type { Entry } from './repository';

export interface PresentContext {
  /** the locale the client asked for */
  locale: string;
  /** absolute origin of the public API, e.g. https://commons.example */
  origin: string;
  /** `{origin}`, `{slug}`, `{locale}`, `{documentId}` templates of public pages, per type */
  urlTemplates: Partial<Record<ContentTypeName, string>>;
  now: Date;
}

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));


export const apiPath = (type: ContentTypeName) => `/api/solidarity/${PLURAL[type]}`;

const absolute = (origin: string, url: unknown): string | null => {
  const u = str(url);
  if (!u) return null;
  return /^https?:\/\//i.test(u) ? u : `${origin}${u.startsWith('/') ? '' : '/'}${u}`;
};

export const publicUrl = (type: ContentTypeName, e: Json, ctx: PresentContext): string => {
  const template = ctx.urlTemplates[type] ?? `{origin}${apiPath(type)}/{slug}?locale={locale}`;
  const enc = (v: unknown) => encodeURIComponent(String(v ?? ''));
  return template
    .replaceAll('{origin}', ctx.origin)
    .replaceAll('{slug}', enc(e.slug))
    .replaceAll('{locale}', enc(ctx.locale))
    .replaceAll('{documentId}', enc(e.documentId));
};

const topicRef = (t: Json) => ({ slug: str(t.slug), name: str(t.name) });
const orgRef = (o: Json) => ({ slug: str(o.slug), name: str(o.name), country: str(o.country), website: str(o.website) });
const media = (origin: string) => (m: Json) => ({
  url: absolute(origin, m.url),
  alternativeText: str(m.alternativeText),
  width: num(m.width),
  height: num(m.height),
  mime: str(m.mime),
});

const common = (type: ContentTypeName, e: Json, ctx: PresentContext) => ({
  documentId: e.documentId,
  slug: str(e.slug),
  locale: e.locale,
  localeFallback: e.locale !== ctx.locale,
  url: publicUrl(type, e, ctx),
  publishedAt: e.publishedAt ?? null,
  updatedAt: e.updatedAt ?? null,
});

const ifPresent = (e: Json, key: string, value: () => unknown): Json => (key in e ? { [key]: value() } : {});

const presenters: Record<ContentTypeName, (e: Json, ctx: PresentContext) => Json> = {
  topic: (e, ctx) => ({
    ...common('topic', e, ctx),
    name: str(e.name),
    description: str(e.description),
  }),
  organisation: (e, ctx) => ({
    ...common('organisation', e, ctx),
    name: str(e.name),
    kind: str(e.kind),
    country: str(e.country),
    city: str(e.city),
    website: str(e.website),
    description: str(e.description),
    latitude: num(e.latitude),
    longitude: num(e.longitude),
    logo: obj(e.logo) ? media(ctx.origin)(obj(e.logo) as Json) : null,
    memberOf: arr(e.memberOf).map(orgRef),
  }),
  call: (e, ctx) => {
    const opens = Date.parse(String(e.opensAt));
    const closes = Date.parse(String(e.closesAt));
    return {
      ...common('call', e, ctx),
      title: str(e.title),
      description: str(e.description),
      opensAt: e.opensAt ?? null,
      closesAt: e.closesAt ?? null,
      isOpen: opens <= ctx.now.getTime() && ctx.now.getTime() < closes,
      criteria: arr(e.criteria).map((c) => ({ label: str(c.label), description: str(c.description) })),
      topics: arr(e.topics).map(topicRef),
    };
  },
  practice: (e, ctx) => ({
    ...common('practice', e, ctx),
    title: str(e.title),
    summary: str(e.summary),
    ...ifPresent(e, 'body', () => e.body ?? []),
    topics: arr(e.topics).map(topicRef),
    promoters: arr(e.promoters).map(orgRef),
    municipality: str(e.municipality),
    region: str(e.region),
    country: str(e.country),
    latitude: num(e.latitude),
    longitude: num(e.longitude),
    startedOn: e.startedOn ?? null,
    endedOn: e.endedOn ?? null,
    criteria: arr(e.criteria)
      .map((c) => str(c.value))
      .filter(Boolean),
    licence: str(e.licence),
    call: obj(e.call) ? { slug: str((e.call as Json).slug), title: str((e.call as Json).title) } : null,
    images: arr(e.images).map(media(ctx.origin)),
    ...ifPresent(e, 'links', () => arr(e.links).map((l) => ({ label: str(l.label), url: str(l.url) }))),
    ...ifPresent(e, 'attachments', () => arr(e.attachments).map(media(ctx.origin))),
  }),
  session: (e, ctx) => ({
    ...common('session', e, ctx),
    title: str(e.title),
    summary: str(e.summary),
    description: e.description ?? [],
    minutes: e.minutes ?? null,
    kind: str(e.kind),
    startsAt: e.startsAt ?? null,
    endsAt: e.endsAt ?? null,
    timezone: str(e.timezone),
    spokenLanguages: Array.isArray(e.spokenLanguages) ? e.spokenLanguages : [],
    registrationUrl: str(e.registrationUrl),
    joinUrl: str(e.joinUrl),
    recordingUrl: str(e.recordingUrl),
    speakers: arr(e.speakers).map((s) => ({ name: str(s.name), role: str(s.role), organisation: str(s.organisation) })),
    organisers: arr(e.organisers).map(orgRef),
    topics: arr(e.topics).map(topicRef),
    practices: arr(e.practices).map((p) => ({ slug: str(p.slug), title: str(p.title) })),
    icsUrl: `${ctx.origin}${apiPath('session')}/${encodeURIComponent(String(e.slug ?? e.documentId))}.ics`,
    ...ifPresent(e, 'attachments', () => arr(e.attachments).map(media(ctx.origin))),
  }),
  statement: (e, ctx) => ({
    ...common('statement', e, ctx),
    title: str(e.title),
    summary: str(e.summary),
    ...ifPresent(e, 'body', () => e.body ?? []),
    kind: str(e.kind),
    issuedOn: e.issuedOn ?? null,
    deadline: e.deadline ?? null,
    issuers: arr(e.issuers).map(orgRef),
    signatories: arr(e.signatories).map(orgRef),
    topics: arr(e.topics).map(topicRef),
    ...ifPresent(e, 'documents', () => arr(e.documents).map(media(ctx.origin))),
  }),
};

const ALWAYS = ['documentId', 'slug', 'locale', 'localeFallback'];

/** The public JSON of one (already sanitized) entry; `fields` narrows it like Strapi's `fields`. */
export const present = (type: ContentTypeName, e: Entry | Json, ctx: PresentContext, fields?: string[]): Json => {
  const out = presenters[type](e as Json, ctx);
  if (!fields?.length) return out;
  const keep = new Set([...ALWAYS, ...fields]);
  return Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
};

/** Strapi's `fields` syntax (string, comma list, array) as a list. */
export const parseFields = (fields: unknown): string[] | undefined => {
  if (fields === undefined) return undefined;
  const list = (Array.isArray(fields) ? fields : [fields]).flatMap((f) => String(f).split(','));
  return list.map((f) => f.trim()).filter(Boolean);
};
