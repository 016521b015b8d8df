import { PLURAL, type ContentTypeName } from '../content-types/uids';
import type { Entry } from './repository';
import { isEmbedKind, publicListUrl, publicPageUrl } from '../embed/urls';
import { CALL_DEFAULTS, CALL_PHASES, type CallPhase } from '../assessment/uids';
import { BUDGET_RANGES, type BudgetRange } from '../../../../cms/shared/fiche';
import {
  ALWAYS_FIELDS,
  type BlockNode,
  type Media,
  type NarrowedDocument,
  type OrganisationRef,
  type PublicDocument,
  type PublicDocuments,
  type TopicRef,
} from './shapes';

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
/** A call's phase; a call stored before phases existed is `open`. */
const callPhase = (v: unknown): CallPhase => ((CALL_PHASES as readonly unknown[]).includes(v) ? (v as CallPhase) : CALL_DEFAULTS.phase);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
/** A date or date-time column: Strapi hands back ISO strings (JSON would write a Date the same way). */
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : null);
/** A blocks (rich text) column: its nodes, each an object with a `type` (Strapi validates them on write). */
const blocks = (v: unknown): BlockNode[] =>
  arr(v).filter((node): node is BlockNode => typeof node === 'object' && node !== null && typeof node.type === 'string');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A practice's budget range (one of BUDGET_RANGES), or null. */
const budgetRange = (v: unknown): BudgetRange | null => ((BUDGET_RANGES as readonly unknown[]).includes(v) ? (v as BudgetRange) : null);

/** A session's status as editors set it; sessions saved before it existed (null) are scheduled. */
const scheduleStatus = (v: unknown): 'scheduled' | 'moved' | 'cancelled' =>
  v === 'moved' || v === 'cancelled' ? v : 'scheduled';

/** The public API path of a type's list (`/api/solidarity/practices`). */
export const apiPath = (type: ContentTypeName) => `/api/solidarity/${PLURAL[type]}`;

const absolute = (origin: string, url: unknown): string | null => {
  const u = str(url);
  if (!u) return null;
  return /^https?:\/\//i.test(u) ? u : `${origin}${u.startsWith('/') ? '' : '/'}${u}`;
};

/**
 * The public URL of a document: the type's `urlTemplates` entry; else, for practices, sessions and
 * statements, its public page in the requested locale (embed/urls.ts `publicPageUrl`); for a call,
 * the public page of its practices (`/embed/<locale>/practices?call=<slug>`, a page for people that
 * the deadlines calendar links to); else its API URL in the requested locale.
 */
export const publicUrl = (type: ContentTypeName, e: Json, ctx: PresentContext): string => {
  const template = ctx.urlTemplates[type];
  if (template === undefined && isEmbedKind(type)) {
    return publicPageUrl(type, str(e.slug) ?? String(e.documentId), ctx.locale, ctx.origin);
  }
  const callSlug = type === 'call' ? str(e.slug) : null;
  if (template === undefined && callSlug) return publicListUrl('practice', ctx.locale, { call: callSlug }, ctx.origin);
  return fillTemplate(template ?? `{origin}${apiPath(type)}/{slug}?locale={locale}`, e, ctx);
};

const fillTemplate = (template: string, e: Json, ctx: PresentContext): string => {
  const enc = (v: unknown) => encodeURIComponent(String(v ?? ''));
  return template
    .replaceAll('{origin}', ctx.origin)
    .replaceAll('{slug}', enc(e.slug))
    .replaceAll('{locale}', enc(ctx.locale))
    .replaceAll('{documentId}', enc(e.documentId));
};

const topicRef = (t: Json): TopicRef => ({ slug: str(t.slug), name: str(t.name) });
const orgRef = (o: Json): OrganisationRef => ({
  slug: str(o.slug),
  name: str(o.name),
  country: str(o.country),
  website: str(o.website),
});
const media =
  (origin: string) =>
  (m: Json): Media => ({
    url: absolute(origin, m.url),
    alternativeText: str(m.alternativeText),
    width: num(m.width),
    height: num(m.height),
    mime: str(m.mime),
  });

const common = (type: ContentTypeName, e: Json, ctx: PresentContext) => ({
  documentId: String(e.documentId),
  slug: str(e.slug),
  locale: String(e.locale),
  localeFallback: e.locale !== ctx.locale,
  url: publicUrl(type, e, ctx),
  publishedAt: iso(e.publishedAt),
  updatedAt: iso(e.updatedAt),
});

/** `{ [key]: value() }` when the entry has `key` (detail-only relations and columns), else nothing. */
const ifPresent = <K extends string, V>(e: Json, key: K, value: () => V): { [P in K]?: V } =>
  (key in e ? { [key]: value() } : {}) as { [P in K]?: V };

/** The fiche's text fields (and budget range) in the order of practiceSchema, before and after `figures`. */
const FICHE_TEXTS_BEFORE_FIGURES = ['context', 'objectives', 'beneficiaries', 'activities', 'resources', 'budgetRange', 'budgetDetails', 'results'] as const;
const FICHE_TEXTS_AFTER_FIGURES = ['replicability', 'lessons'] as const;

/** Document → public JSON, per type: the output of each is its schema in ./shapes.ts. */
const presenters: { [T in ContentTypeName]: (e: Json, ctx: PresentContext) => PublicDocuments[T] } = {
  topic: (e, ctx) => ({
    ...common('topic', e, ctx),
    name: str(e.name),
    description: str(e.description),
  }),
  organisation: (e, ctx) => {
    const logo = obj(e.logo);
    return {
      ...common('organisation', e, ctx),
      name: str(e.name),
      kind: str(e.kind),
      country: str(e.country),
      city: str(e.city),
      website: str(e.website),
      description: str(e.description),
      latitude: num(e.latitude),
      longitude: num(e.longitude),
      logo: logo ? media(ctx.origin)(logo) : null,
      memberOf: arr(e.memberOf).map(orgRef),
    };
  },
  call: (e, ctx) => {
    const opens = Date.parse(String(e.opensAt));
    const closes = Date.parse(String(e.closesAt));
    return {
      ...common('call', e, ctx),
      title: str(e.title),
      description: str(e.description),
      opensAt: iso(e.opensAt),
      closesAt: iso(e.closesAt),
      // taking submissions: in the open phase (the assessment closes a call before its deadline) and within its dates
      isOpen: callPhase(e.phase) === 'open' && opens <= ctx.now.getTime() && ctx.now.getTime() < closes,
      phase: callPhase(e.phase),
      criteria: arr(e.criteria).map((c) => ({ label: str(c.label), description: str(c.description) })),
      topics: arr(e.topics).map(topicRef),
    };
  },
  practice: (e, ctx) => {
    const call = obj(e.call);
    // Built key by key rather than with `...ifPresent(...)` spreads: a spread after the first one in an
    // object literal is a slow runtime copy, and a list presents every practice of its page (issue #12).
    // The keys come in the same order and are present in the same cases as the schema's (./shapes.ts).
    const out: Json = {
      documentId: String(e.documentId),
      slug: str(e.slug),
      locale: String(e.locale),
      localeFallback: e.locale !== ctx.locale,
      url: publicUrl('practice', e, ctx),
      publishedAt: iso(e.publishedAt),
      updatedAt: iso(e.updatedAt),
      title: str(e.title),
      summary: str(e.summary),
    };
    if ('body' in e) out.body = blocks(e.body);
    out.topics = arr(e.topics).map(topicRef);
    out.promoters = arr(e.promoters).map(orgRef);
    out.municipality = str(e.municipality);
    out.region = str(e.region);
    out.country = str(e.country);
    out.latitude = num(e.latitude);
    out.longitude = num(e.longitude);
    out.startedOn = iso(e.startedOn);
    out.endedOn = iso(e.endedOn);
    out.criteria = arr(e.criteria)
      .map((c) => str(c.value))
      .filter((c): c is string => Boolean(c));
    out.licence = str(e.licence);
    out.call = call ? { slug: str(call.slug), title: str(call.title) } : null;
    out.images = arr(e.images).map(media(ctx.origin));
    if ('links' in e) out.links = arr(e.links).map((l) => ({ label: str(l.label), url: str(l.url) }));
    if ('attachments' in e) out.attachments = arr(e.attachments).map(media(ctx.origin));
    // the fiche: present only when read (single documents, feeds) and public (sanitized away otherwise)
    for (const key of FICHE_TEXTS_BEFORE_FIGURES) if (key in e) out[key] = key === 'budgetRange' ? budgetRange(e[key]) : str(e[key]);
    if ('figures' in e) out.figures = arr(e.figures).map((f) => ({ label: str(f.label), value: num(f.value), unit: str(f.unit) }));
    for (const key of FICHE_TEXTS_AFTER_FIGURES) if (key in e) out[key] = str(e[key]);
    if ('partners' in e) out.partners = arr(e.partners).map((p) => ({ name: str(p.name), website: str(p.website), role: str(p.role) }));
    // `out` holds exactly practiceSchema's keys with their types (above, as the schema lists them); the
    // key-by-key build is what TypeScript cannot follow
    return out as unknown as PublicDocuments['practice'];
  },
  session: (e, ctx) => ({
    ...common('session', e, ctx),
    title: str(e.title),
    summary: str(e.summary),
    description: blocks(e.description),
    minutes: e.minutes === null || e.minutes === undefined ? null : blocks(e.minutes),
    kind: str(e.kind),
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    timezone: str(e.timezone),
    scheduleStatus: scheduleStatus(e.scheduleStatus),
    statusReason: str(e.statusReason),
    sequence: Math.max(0, Math.trunc(num(e.sequence) ?? 0)),
    spokenLanguages: strings(e.spokenLanguages),
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
    ...ifPresent(e, 'body', () => blocks(e.body)),
    kind: str(e.kind),
    issuedOn: iso(e.issuedOn),
    deadline: iso(e.deadline),
    issuers: arr(e.issuers).map(orgRef),
    signatories: arr(e.signatories).map(orgRef),
    topics: arr(e.topics).map(topicRef),
    ...ifPresent(e, 'documents', () => arr(e.documents).map(media(ctx.origin))),
  }),
};

/**
 * The public JSON of one (already sanitized) entry, as its schema in
 * ./shapes.ts describes it; `fields` narrows it like Strapi's `fields`
 * (ALWAYS_FIELDS are kept whatever it says).
 */
export function present<T extends ContentTypeName>(type: T, e: Entry | Json, ctx: PresentContext): PublicDocument<T>;
export function present<T extends ContentTypeName>(
  type: T,
  e: Entry | Json,
  ctx: PresentContext,
  fields: string[] | undefined
): NarrowedDocument<T>;
export function present<T extends ContentTypeName>(
  type: T,
  e: Entry | Json,
  ctx: PresentContext,
  fields?: string[]
): PublicDocument<T> | NarrowedDocument<T> {
  const out = presenters[type](e, ctx);
  if (!fields?.length) return out;
  const keep = new Set<string>([...ALWAYS_FIELDS, ...fields]);
  return Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k))) as NarrowedDocument<T>;
}

/** Strapi's `fields` syntax (string, comma list, array) as a list. */
export const parseFields = (fields: unknown): string[] | undefined => {
  if (fields === undefined) return undefined;
  const list = (Array.isArray(fields) ? fields : [fields]).flatMap((f) => String(f).split(','));
  return list.map((f) => f.trim()).filter(Boolean);
};
