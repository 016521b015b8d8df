import { Feed, type Author, type Category, type Item } from 'feed';
import { blocksToHtml, escapeHtml, safeUrl, xmlSafe } from './blocks';
import {
  asPractice,
  asStatement,
  licenceUrl,
  organisationUrl,
  type Json,
  type OrgRef,
  type TopicRef,
  type StatementDoc,
} from './documents';
import { collectionTitle, type Collection } from './labels';
import { publicPageUrl } from '../embed/urls';
import { ficheSections } from '../embed/page';

export type FeedFormat = 'rss' | 'atom' | 'json';
export type FeedCollection = Extract<Collection, 'practices' | 'statements'>;

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const GENERATOR = 'Solidarity Commons';
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** One feed item, format-neutral. */
export interface FeedEntry {
  /** `urn:solidarity:<type>:<documentId>:<locale>`: stable across requests and edits */
  id: string;
  url: string;
  title: string;
  summary: string | null;
  /** sanitized HTML of the body */
  html: string;
  published: Date;
  updated: Date;
  /** locale of the text (the default locale for an untranslated document) */
  language: string;
  topics: TopicRef[];
  authors: { name: string; url: string | null }[];
  /** practices: their licence */
  rights: string | null;
}

export interface FeedInput {
  collection: FeedCollection;
  network: string;
  /** the requested locale */
  locale: string;
  origin: string;
  /** this feed in each format (same query) */
  self: Record<FeedFormat, string>;
  /** the same documents as JSON (the list route, same query) */
  alternate: string;
  entries: FeedEntry[];
}

/**
 * Any non-null object, arrays included, as a record of its keys: what xml-js
 * walks. Lets a list be handed where the feed package's types say one record.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const authorsOf = (orgs: OrgRef[], origin: string) =>
  orgs
    .filter((o): o is OrgRef & { name: string } => Boolean(o.name))
    .map((o) => ({ name: o.name, url: safeUrl(organisationUrl(o, origin), undefined, new Set(['http:', 'https:'])) }));

const validUrl = (url: string, fallback: string) => safeUrl(url, undefined, new Set(['http:', 'https:'])) ?? fallback;

const itemHtml = (blocks: unknown, summary: string | null, title: string, origin: string) =>
  blocksToHtml(blocks, { origin }) || `<p>${escapeHtml(summary ?? title)}</p>`;

/** The later of two dates (the first when the second is missing). */
const latestOf = (a: Date, b: Date | null): Date => (b && b.getTime() > a.getTime() ? b : a);

/** Feed entries of public practices or statements (the shaped documents of `list({ detail: true })`). */
export const feedEntries = (collection: FeedCollection, docs: Json[], locale: string, origin: string): FeedEntry[] =>
  docs.map((d) => {
    const practice = collection === 'practices' ? asPractice(d) : null;
    const statement = practice ? null : asStatement(d);
    const doc = practice ?? (statement as StatementDoc);
    const type = practice ? 'practice' : 'statement';
    const fallbackUrl = publicPageUrl(type, doc.slug ?? doc.documentId, locale, origin);
    const licence = practice ? licenceUrl(practice.licence) : null;
    const published = doc.publishedAt ?? doc.updatedAt ?? new Date(0);
    return {
      id: `urn:solidarity:${type}:${doc.documentId}:${locale}`,
      url: validUrl(doc.url, fallbackUrl),
      title: doc.title,
      summary: doc.summary,
      // a practice's public fiche sections follow its body, as on its public page (only what the
      // public API read: a private field is never in `d`, reads/shapes.ts)
      html: itemHtml(doc.body, doc.summary, doc.title, origin) + (practice ? ficheSections(d, locale) : ''),
      published,
      // Atom (RFC 4287 §4.2.15): an entry is not updated before it was published. Strapi keeps the
      // draft's updatedAt on the published version, which is then earlier than its publishedAt.
      updated: latestOf(published, doc.updatedAt),
      language: doc.locale || locale,
      topics: doc.topics,
      // practices are by their promoters, statements by their issuers
      authors: authorsOf(practice?.promoters ?? statement?.issuers ?? [], origin),
      rights: practice?.licence ? `${practice.licence}${licence ? ` ${licence}` : ''}` : null,
    };
  });

/*
 * The `feed` library writes through xml-js, which escapes text nodes but, in
 * attributes, only `"` (the library itself escapes `&`), and CDATA sections
 * only up to the first `]]>`. The helpers below keep every value inside those
 * limits so that the XML stays well-formed whatever editors type.
 */
/**
 * Text for a CDATA section that comes back exactly: every `]]>` after the first
 * is split across two sections here (`]]]]><![CDATA[>`); xml-js splits the first
 * one itself (its `replace` is not global), and the pre-split ones sit after it,
 * so it never touches them.
 */
export const cdataExact = (s: string): string => {
  let seen = false;
  return xmlSafe(s).replace(/]]>/g, (m) => {
    if (!seen) {
      seen = true;
      return m;
    }
    return ']]]]><![CDATA[>';
  });
};
const cdataSafe = cdataExact;
/**
 * A title or summary as HTML text (RSS and Atom readers render these as HTML):
 * markup escaped, and CR as `&#13;` since XML parsers turn a raw CR into LF.
 */
export const htmlText = (s: string): string => escapeHtml(s).replace(/\r/g, '&#13;');
const attributeSafe = (s: string) => xmlSafe(s).replace(/</g, '‹');

const categories = (topics: TopicRef[], format: FeedFormat): Category[] =>
  topics
    .filter((t): t is TopicRef & { name: string } => Boolean(t.name))
    .map((t) =>
      format === 'atom'
        ? { name: attributeSafe(t.name), term: attributeSafe(t.slug ?? t.name) }
        : { name: xmlSafe(t.name) }
    );

const authors = (entry: FeedEntry): Author[] =>
  entry.authors.map((a) => ({ name: xmlSafe(a.name), ...(a.url ? { link: a.url } : {}) }));

const item = (entry: FeedEntry, format: FeedFormat): Item => {
  const base: Omit<Item, 'title'> = {
    id: entry.id,
    guid: entry.id,
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    category: categories(entry.topics, format),
  };
  if (format === 'atom') {
    // Atom title and summary are sent as type="html": their text must be escaped.
    return {
      ...base,
      title: htmlText(entry.title),
      ...(entry.summary ? { description: htmlText(entry.summary) } : {}),
      content: cdataSafe(entry.html),
      author: authors(entry),
      ...(entry.rights ? { copyright: xmlSafe(entry.rights) } : {}),
    };
  }
  if (format === 'rss') {
    // RSS <description> is HTML by convention; <author> wants an e-mail address, so names go to dc:creator.
    const creators = entry.authors.map((a) => ({ _text: xmlSafe(a.name) }));
    return {
      ...base,
      // RSS titles are HTML by convention too: escaped, so that markup typed by an editor stays text
      title: cdataExact(htmlText(entry.title)),
      ...(entry.summary ? { description: cdataExact(htmlText(entry.summary)) } : {}),
      content: cdataSafe(entry.html),
      // The feed package types `objects` as one record, but xml-js renders a list as one <dc:creator> per item.
      ...(creators.length && isObject(creators) ? { extensions: [{ name: 'dc:creator', objects: creators }] } : {}),
    };
  }
  // JSON carries any character, but the formats should say the same: control characters go everywhere.
  return {
    ...base,
    title: xmlSafe(entry.title),
    ...(entry.summary ? { description: xmlSafe(entry.summary) } : {}),
    content: entry.html,
  };
};

/** RSS 2.0, Atom 1.0 or JSON Feed 1.1 of the entries. */
export const renderFeed = (format: FeedFormat, input: FeedInput): string => {
  const title = collectionTitle(input.network, input.collection, input.locale);
  const latest = input.entries.reduce<Date | undefined>(
    (max, e) => (!max || e.updated.getTime() > max.getTime() ? e.updated : max),
    undefined
  );
  const feed = new Feed({
    id: input.self.atom,
    title: xmlSafe(title),
    description: xmlSafe(title),
    link: input.alternate,
    language: input.locale,
    updated: latest,
    generator: GENERATOR,
    ttl: 60,
    feedLinks: { ...input.self },
    author: { name: xmlSafe(input.network), link: input.origin },
  });
  for (const entry of input.entries) feed.addItem(item(entry, format));

  if (format === 'rss') return feed.rss2();
  if (format === 'atom') {
    // The library writes no xml:lang; the feed's language is the requested locale.
    return feed.atom1().replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(input.locale)}">`
    );
  }
  return toJsonFeed11(feed.json1(), input);
};

/** The library writes JSON Feed 1 (one `author`); version 1.1 has `authors` and `language`. */
const toJsonFeed11 = (json1: string, input: FeedInput): string => {
  const v1 = JSON.parse(json1) as Json & { items?: Json[] };
  const items = (v1.items ?? []).map((it, index) => {
    const { author: _author, ...rest } = it;
    const entry = input.entries[index];
    const itemAuthors = (entry?.authors ?? []).map((a) => ({ name: xmlSafe(a.name), ...(a.url ? { url: a.url } : {}) }));
    return {
      ...rest,
      ...(entry ? { language: entry.language } : {}),
      ...(itemAuthors.length ? { authors: itemAuthors } : {}),
    };
  });
  const { author: _author, version: _version, items: _items, ...rest } = v1;
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    ...rest,
    language: input.locale,
    authors: [{ name: input.network, url: input.origin }],
    items,
  });
};
