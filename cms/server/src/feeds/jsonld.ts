import { blocksToPlainText, safeUrl } from './blocks';
import {
  asPractice,
  asSession,
  asStatement,
  isPast,
  licenceUrl,
  organisationUrl,
  sessionEnd,
  toIso,
  type Json,
  type OrgRef,
  type TopicRef,
} from './documents';
import type { ContentTypeName } from '../content-types/uids';

export const JSONLD_CONTENT_TYPE = 'application/ld+json; charset=utf-8';
export const JSONLD_MEDIA_TYPE = 'application/ld+json';
export const JSONLD_TYPES = ['practice', 'session', 'statement'] as const;
export type JsonLdType = (typeof JSONLD_TYPES)[number];

export const hasJsonLd = (type: ContentTypeName): type is JsonLdType => (JSONLD_TYPES as readonly string[]).includes(type);

const HTTP = new Set(['http:', 'https:']);
const http = (url: string | null | undefined) => safeUrl(url, undefined, HTTP);

/** Drops null, undefined and empty arrays, so the JSON-LD only states what is known. */
const compact = (o: Json): Json =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
  );

const organization = (o: OrgRef, origin: string): Json =>
  compact({
    '@type': 'Organization',
    name: o.name,
    url: http(organisationUrl(o, origin)),
    address: o.country ? { '@type': 'PostalAddress', addressCountry: o.country } : null,
  });

const organizations = (orgs: OrgRef[], origin: string) => orgs.filter((o) => o.name).map((o) => organization(o, origin));

const terms = (topics: TopicRef[]) =>
  topics
    .filter((t) => t.name)
    .map((t) => compact({ '@type': 'DefinedTerm', name: t.name, termCode: t.slug }));

const practice = (d: Json, origin: string): Json => {
  const p = asPractice(d);
  const address = compact({
    '@type': 'PostalAddress',
    addressLocality: p.municipality,
    addressRegion: p.region,
    addressCountry: p.country,
  });
  const geo =
    p.latitude !== null && p.longitude !== null
      ? { '@type': 'GeoCoordinates', latitude: p.latitude, longitude: p.longitude }
      : null;
  const place = Object.keys(address).length > 1 || geo ? compact({ '@type': 'Place', address, geo }) : null;
  const promoters = organizations(p.promoters, origin);
  const period = p.startedOn ? `${p.startedOn}/${p.endedOn ?? '..'}` : null;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'CreativeWork',
    '@id': p.url,
    url: p.url,
    identifier: p.documentId,
    name: p.title,
    description: p.summary,
    text: blocksToPlainText(p.body, { origin }) || null,
    inLanguage: p.locale,
    datePublished: toIso(d.publishedAt),
    dateModified: toIso(d.updatedAt),
    license: licenceUrl(p.licence),
    about: terms(p.topics),
    keywords: p.criteria.length ? p.criteria.join(', ') : null,
    author: promoters,
    // the fiche's partners, when the network publishes them (absent from the public document otherwise)
    contributor: [...promoters, ...fichePartners(d.partners)],
    // the fiche's "who it serves", when given
    audience: typeof d.beneficiaries === 'string' && d.beneficiaries ? { '@type': 'Audience', audienceType: d.beneficiaries } : null,
    locationCreated: place,
    temporalCoverage: period,
  });
};

/** The fiche's partners (public document's `partners`) as schema.org Organizations: name and http(s) website. */
const fichePartners = (partners: unknown): Json[] =>
  (Array.isArray(partners) ? (partners as Json[]) : [])
    .filter((p) => typeof p?.name === 'string' && p.name)
    .map((p) => compact({ '@type': 'Organization', name: p.name, url: http(typeof p.website === 'string' ? p.website : null) }));

const session = (d: Json, origin: string, now: Date): Json => {
  const s = asSession(d);
  const end = sessionEnd(s);
  const recording = http(s.recordingUrl);
  const text = blocksToPlainText(s.description, { origin });
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': s.url,
    url: s.url,
    identifier: s.documentId,
    name: s.title,
    description: s.summary ?? (text || null),
    startDate: s.startsAt?.toISOString() ?? null,
    endDate: end?.toISOString() ?? null,
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    eventStatus: 'https://schema.org/EventScheduled',
    location: compact({ '@type': 'VirtualLocation', url: http(s.joinUrl) ?? http(s.registrationUrl) ?? s.url }),
    organizer: organizations(s.organisers, origin),
    performer: s.speakers
      .filter((p) => p.name)
      .map((p) =>
        compact({
          '@type': 'Person',
          name: p.name,
          jobTitle: p.role,
          affiliation: p.organisation ? { '@type': 'Organization', name: p.organisation } : null,
        })
      ),
    about: terms(s.topics),
    inLanguage: s.spokenLanguages.length ? s.spokenLanguages : s.locale,
    recordedIn:
      recording && isPast(s, now) ? { '@type': 'CreativeWork', name: s.title, url: recording } : null,
  });
};

const statement = (d: Json, origin: string): Json => {
  const s = asStatement(d);
  const issuers = organizations(s.issuers, origin);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': s.url,
    url: s.url,
    mainEntityOfPage: s.url,
    identifier: s.documentId,
    headline: s.title,
    description: s.summary,
    articleBody: blocksToPlainText(s.body, { origin }) || null,
    datePublished: s.issuedOn ?? toIso(d.publishedAt),
    dateModified: toIso(d.updatedAt),
    inLanguage: s.locale,
    author: issuers,
    publisher: issuers,
    about: terms(s.topics),
    genre: s.kind,
  });
};

/** schema.org JSON-LD of one public document (practice, session or statement). */
export const toJsonLd = (type: JsonLdType, data: Json, origin: string, now = new Date()): Json => {
  if (type === 'practice') return practice(data, origin);
  if (type === 'session') return session(data, origin, now);
  return statement(data, origin);
};

/**
 * JSON text that is safe to inline in an HTML `<script type="application/ld+json">`
 * element: `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (so no `</script>` or
 * `<!--` can end or alter the element), and U+2028/U+2029 escaped. Any JSON parser
 * reads back exactly the same value.
 */
export const inlineSafeJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
