import { inlineSafeJson } from '../feeds/jsonld';
import { collectionTitle, labels as feedLabels } from '../feeds/labels';
import { blocksToHtml, escapeHtml, safeUrl } from '../feeds/blocks';
import { EMBED_KINDS, type EmbedKind } from './urls';
import { languageName, pageLabels } from './labels';
import { ficheWords } from '../../../../cms/shared/fiche-labels';
import { countryName } from '../content-types/countries';

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const HTTP = new Set(['http:', 'https:']);

/** Paths of the two small scripts of the public pages (served by ./pages.ts). */
export const FRAME_SCRIPT = '/embed/frame.js';
export const HOST_SCRIPT = '/embed/host.js';

/** The widget tag of each kind's list; with a `slug` attribute, sessions' and statements' show that one document. */
const LIST_TAG: Record<EmbedKind, string> = {
  practice: 'solidarity-practices',
  session: 'solidarity-sessions',
  statement: 'solidarity-statements',
};

/** What every public page has in its head. */
export interface PageHead {
  /** the page's language (the URL's locale): `<html lang>` */
  locale: string;
  title: string;
  /**
   * The document's `<title>` when it is not `<title> — <network>`: a list's title already names the
   * network ("Solidarity Commons — good practices", `listTitle`), so it is its own `<title>`.
   */
  documentTitle?: string;
  description: string;
  /** absolute canonical URL of the page */
  canonical: string;
  /** absolute oEmbed URL of the page (discovery link, https://oembed.com section 4) */
  oembed: string;
  /** the app's public origin, without a trailing slash */
  origin: string;
  network: string;
  /** schema.org JSON-LD of the page, if any */
  jsonLd?: unknown;
}

/** `{name}` placeholders of a label, each value HTML-escaped. */
const fill = (template: string, vars: Record<string, string>) =>
  escapeHtml(template).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? escapeHtml(vars[k] ?? '') : m));

// `scrollbar-gutter: stable`: the page's width does not change when a scrollbar comes or goes, so a
// frame sized to its content (the oEmbed iframe, resized by its height messages) settles instead of
// wrapping its text again at each size (a scrollbar narrows the text, which grows taller, which removes it).
const STYLE = `html{scrollbar-gutter:stable}:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1c2421}
body{margin:0;padding:1rem;background:#fff}main{max-width:60rem;margin:0 auto}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:0 0 .25rem}
a{color:#0b6e4f}.note,.meta,footer{color:#56625d;font-size:.9rem}.status{color:#8a1c1c}
ul.items{list-style:none;padding:0;margin:0}ul.items li{border:1px solid #d5dcd8;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
footer{margin-top:1rem}`;

/**
 * The whole HTML document of a public page: head (title, description, canonical, oEmbed discovery,
 * Open Graph, JSON-LD, the widget bundle and the frame script) and `body` (already escaped HTML).
 * Every value from content is HTML-escaped here; the JSON-LD is inline-safe JSON (no `<`, `>`, `&`).
 */
export const renderPage = (head: PageHead, body: string): string => {
  const e = escapeHtml;
  const labels = pageLabels(head.locale);
  return `<!doctype html>
<html lang="${e(head.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(head.documentTitle ?? `${head.title} — ${head.network}`)}</title>
<meta name="description" content="${e(head.description)}">
<link rel="canonical" href="${e(head.canonical)}">
<link rel="alternate" type="application/json+oembed" href="${e(head.oembed)}" title="${e(head.title)}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${e(head.network)}">
<meta property="og:title" content="${e(head.title)}">
<meta property="og:description" content="${e(head.description)}">
<meta property="og:url" content="${e(head.canonical)}">
<style>${STYLE}</style>
${head.jsonLd ? `<script type="application/ld+json">${inlineSafeJson(head.jsonLd)}</script>\n` : ''}<script type="module" src="${e(head.origin)}/widgets/solidarity.js"></script>
<script src="${e(head.origin)}${FRAME_SCRIPT}" defer></script>
</head>
<body>
<main>
${body}
</main>
<footer>${e(labels.by).replace('{network}', `<a href="${e(head.origin)}/" target="_top">${e(head.network)}</a>`)}</footer>
</body>
</html>
`;
};

/** `lang` attribute of a document's own markup when it differs from the page's. */
const langAttr = (doc: Json, locale: string): string => {
  const docLocale = str(doc.locale);
  return docLocale && docLocale !== locale ? ` lang="${escapeHtml(docLocale)}"` : '';
};

/**
 * `lang` attribute of the page's own words inside a document's markup (its fallback note, its facts:
 * a country's name, a date in the page's language) when the document's `lang` differs from the
 * page's, so that a screen reader speaks them in the page's language (WCAG 3.1.2); '' otherwise.
 */
const pageLangAttr = (doc: Json, locale: string): string => (langAttr(doc, locale) ? ` lang="${escapeHtml(locale)}"` : '');

/** The fallback note of a document shown in another language than the page's: "In Catalan", in the page's language. */
const languageNote = (doc: Json, locale: string): string => {
  const docLocale = str(doc.locale);
  if (!docLocale || docLocale === locale) return '';
  return `<p class="note"${pageLangAttr(doc, locale)}>${fill(pageLabels(locale).inLanguage, { language: languageName(docLocale, locale) })}</p>`;
};

/** Formats an ISO instant in the page's locale and the session's time zone (UTC when it has none or an unknown one). */
const when = (iso: string, locale: string, timeZone: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'long' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone || 'UTC' }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date);
  }
};

/**
 * A line of facts under a document's title (place, dates, kind) in the page's language (a practice's
 * country by its name, Unicode CLDR's through Intl.DisplayNames as the API's facets name it:
 * content-types/countries.ts `countryName`), escaped.
 */
const facts = (kind: EmbedKind, doc: Json, locale: string): string => {
  const parts: string[] = [];
  if (kind === 'practice') {
    const country = str(doc.country);
    const place = [str(doc.municipality), str(doc.region), country ? countryName(country, locale) : ''].filter(Boolean).join(', ');
    if (place) parts.push(place);
  } else if (kind === 'session') {
    const start = when(str(doc.startsAt), locale, str(doc.timezone));
    if (start) parts.push(`<time datetime="${escapeHtml(str(doc.startsAt))}">${escapeHtml(start)}</time>`);
  } else if (str(doc.issuedOn)) {
    parts.push(`<time datetime="${escapeHtml(str(doc.issuedOn))}">${escapeHtml(str(doc.issuedOn))}</time>`);
  }
  return parts.length ? `<p class="meta"${pageLangAttr(doc, locale)}>${parts.map((p) => (p.startsWith('<time') ? p : escapeHtml(p))).join(' · ')}</p>` : '';
};

/**
 * A moved or cancelled session's notice ("Cancelled: <reason>"), in the words its calendar uses
 * (feeds/labels.ts), so that the page the calendar's URL points to says what subscribers were told;
 * '' for a scheduled session or another kind.
 */
const statusNotice = (kind: EmbedKind, doc: Json, locale: string): string => {
  const status = str(doc.scheduleStatus);
  if (kind !== 'session' || (status !== 'cancelled' && status !== 'moved')) return '';
  const word = feedLabels(locale)[status];
  const reason = str(doc.statusReason);
  return `<p class="status" data-status="${escapeHtml(status)}"><strong${pageLangAttr(doc, locale)}>${escapeHtml(word)}</strong>${reason ? `: ${escapeHtml(reason)}` : ''}</p>
`;
};

/** The fiche's plain-text sections a practice's page shows, in fiche order (cms/shared/fiche.ts). */
const FICHE_TEXTS = ['context', 'objectives', 'beneficiaries', 'activities', 'resources', 'budgetDetails', 'results', 'replicability', 'lessons'] as const;

/** Plain text as paragraphs (a blank line between them), each line break kept, escaped. */
const paragraphs = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * The public sections of a practice's systematisation fiche, readable without JavaScript: each text,
 * the budget range, the figures and the partners, under their headings in the page's language. Only
 * what the public API gave (a private field is absent from it); '' when the fiche is empty.
 */
export const ficheSections = (doc: Json, locale: string): string => {
  const e = escapeHtml;
  const words = ficheWords(locale);
  const out: string[] = [];
  const section = (key: string, heading: string, html: string) => out.push(`<section data-fiche="${e(key)}">\n<h2>${e(heading)}</h2>\n${html}\n</section>`);
  for (const key of FICHE_TEXTS) {
    const text = str(doc[key]);
    if (text) section(key, words.label[key], paragraphs(text));
    if (key === 'resources') {
      const range = str(doc.budgetRange);
      if (range && range in words.budget) section('budgetRange', words.label.budgetRange, `<p>${e(words.budget[range as keyof typeof words.budget])}</p>`);
    }
    if (key === 'results' && Array.isArray(doc.figures) && doc.figures.length) {
      const number = new Intl.NumberFormat(locale);
      const items = (doc.figures as Json[]).map((f) => {
        const value = typeof f.value === 'number' ? number.format(f.value) : '';
        return `<li><strong>${e([value, str(f.unit)].filter(Boolean).join(' '))}</strong> ${e(str(f.label))}</li>`;
      });
      section('figures', words.label.figures, `<ul>\n${items.join('\n')}\n</ul>`);
    }
  }
  if (Array.isArray(doc.partners) && doc.partners.length) {
    const items = (doc.partners as Json[]).map((p) => {
      const site = safeUrl(str(p.website), undefined, HTTP);
      const name = site ? `<a href="${e(site)}" target="_blank" rel="noopener">${e(str(p.name))}</a>` : e(str(p.name));
      return `<li>${name}${str(p.role) ? `: ${e(str(p.role))}` : ''}</li>`;
    });
    section('partners', words.label.partners, `<ul>\n${items.join('\n')}\n</ul>`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
};

/** Rich text (Strapi blocks) as HTML on its own lines, '' when there is none. */
const text = (blocks: unknown, origin?: string): string => {
  const html = blocksToHtml(blocks, { origin });
  return html ? `${html}\n` : '';
};

/**
 * The body of one document's page: its title, summary, facts and text (a practice's fiche, a
 * session's description, a statement's body), server-rendered inside the widget that shows that one
 * document (`<solidarity-practice slug>`, `<solidarity-sessions slug>`, `<solidarity-statements slug>`,
 * in the page's locale), so that the widget replaces them once it runs (shadow DOM, no slot) and a
 * reader without JavaScript still has them. `origin` (the app's public origin) resolves the text's
 * relative links and images.
 */
export const documentBody = (kind: EmbedKind, doc: Json, locale: string, canonical: string, origin?: string): string => {
  const e = escapeHtml;
  const labels = pageLabels(locale);
  // a cancelled session offers no registration
  const registration =
    kind === 'session' && str(doc.scheduleStatus) !== 'cancelled' ? safeUrl(str(doc.registrationUrl), undefined, HTTP) : null;
  const article = `<article${langAttr(doc, locale)}>
<h1>${e(str(doc.title))}</h1>
${languageNote(doc, locale)}${statusNotice(kind, doc, locale)}${facts(kind, doc, locale)}
<p>${e(str(doc.summary))}</p>
${kind === 'practice' ? ficheSections(doc, locale) : text(kind === 'session' ? doc.description : doc.body, origin)}${registration ? `<p><a href="${e(registration)}" target="_blank" rel="noopener">${e(labels.register)}</a></p>\n` : ''}<p><a href="${e(canonical)}" target="_top">${e(labels.readMore)}</a></p>
</article>`;
  const tag = kind === 'practice' ? 'solidarity-practice' : LIST_TAG[kind];
  return `<${tag} slug="${e(str(doc.slug) || str(doc.documentId))}" locale="${e(locale)}">
${article}
</${tag}>`;
};

/**
 * The body of a list's page: the list widget with the filters as its attributes, holding the first
 * page of items server-rendered (title, summary, link to each item's page).
 */
export const listBody = (
  kind: EmbedKind,
  docs: readonly Json[],
  locale: string,
  title: string,
  attributes: Readonly<Record<string, string>>,
  /** HTML (already escaped) shown first inside the widget's element, above the items: the call's banner (./call-banner.ts) */
  banner = ''
): string => {
  const e = escapeHtml;
  const labels = pageLabels(locale);
  const attrs = Object.entries({ ...attributes, locale })
    .map(([k, v]) => ` ${k}="${e(v)}"`)
    .join('');
  const items = docs.length
    ? `<ul class="items">\n${docs
        .map(
          (doc) => `<li${langAttr(doc, locale)}>
<h2><a href="${e(str(doc.url))}" target="_top">${e(str(doc.title))}</a></h2>
${languageNote(doc, locale)}${statusNotice(kind, doc, locale)}${facts(kind, doc, locale)}<p>${e(str(doc.summary))}</p>
</li>`
        )
        .join('\n')}\n</ul>`
    : `<p>${e(labels.empty)}</p>`;
  return `<h1>${e(title)}</h1>
<${LIST_TAG[kind]}${attrs}>
${banner ? `${banner}\n` : ''}${items}
</${LIST_TAG[kind]}>`;
};

/** The title of a list's page: "Solidarity Commons — good practices". */
export const listTitle = (network: string, kind: EmbedKind, locale: string): string =>
  collectionTitle(network, EMBED_KINDS[kind], locale);

/** A small error page (404, 400) in the page's language, framable like the pages. */
export const errorPage = (locale: string, status: 404 | 400, network: string, origin: string): string => {
  const labels = pageLabels(locale);
  const title = status === 404 ? labels.notFoundTitle : labels.badRequestTitle;
  const e = escapeHtml;
  return `<!doctype html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)} — ${e(network)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${e(title)}</h1>
${status === 404 ? `<p>${e(labels.notFoundText)}</p>\n` : ''}<p><a href="${e(origin)}/" target="_top">${e(network)}</a></p>
</main>
</body>
</html>
`;
};
