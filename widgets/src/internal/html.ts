/** Small Lit template helpers shared by the widgets. */
import { html, nothing, type TemplateResult } from './lit.js';
import { safeUrl } from './query.js';
import type { Img } from './types.js';

/**
 * A template strings array built from constants (never from content). Lit cannot bind a tag
 * name, so templates whose tag varies (headings, rich-text elements) are made once per tag here;
 * `raw` makes the array acceptable to Lit, which caches templates by the array's identity.
 */
const templateStrings = (...parts: string[]): TemplateStringsArray => Object.freeze(Object.assign(parts, { raw: parts }));

const HEADINGS = [1, 2, 3, 4, 5, 6].map((level) => templateStrings(`<h${level} part="`, '" id="', '" data-i="', '" tabindex="-1">', `</h${level}>`));
const ELEMENTS: Record<string, TemplateStringsArray> = {};

/** `<tag>c</tag>` for a constant `tag`. */
export const el = (tag: string, c: unknown): TemplateResult => html((ELEMENTS[tag] ??= templateStrings(`<${tag}>`, `</${tag}>`)), c);

/**
 * A heading of level `l` (a real <hN>, so the page outline stays right), `part="title"` unless
 * `part` is given (null: none), focusable by script (tabindex -1). `id` and `i` (item index) are focus targets.
 */
export const heading = (l: number, c: unknown, id?: string, i?: number, part: string | null = 'title'): TemplateResult =>
  html(HEADINGS[l - 1] || HEADINGS[2], part ?? nothing, id ?? nothing, i ?? nothing, c);

/** A link when `href` is set (already checked), else the text alone. */
export const link = (href: string | undefined, c: unknown): unknown => (href ? html`<a href=${href}>${c}</a>` : c);

/** Loading placeholders: `n` cards that reserve about the height of real ones. */
export const skeleton = (n: number): TemplateResult[] =>
  Array.from({ length: n }, () => html`<li class="card sk" part="card skeleton" aria-hidden="true"><i></i><i></i><i></i><i></i></li>`);

/** A list of tags (topics, criteria); nothing when empty. */
export const tags = (xs: unknown[], part = 'topics', label?: string): unknown =>
  xs.length
    ? html`<ul class="tags" part=${part} aria-label=${label ?? nothing}>${xs.map((x) => html`<li class="tag" part="topic">${x}</li>`)}</ul>`
    : nothing;

/** An image from content: http(s) only; nothing otherwise. */
export const img = (i: Img | null | undefined, base: string): unknown => {
  const u = safeUrl(i?.url, base);
  return u && /^https?:/.test(u)
    ? html`<img part="image" src=${u} alt=${i!.alternativeText || ''} width=${i!.width || nothing} height=${i!.height || nothing} loading="lazy" />`
    : nothing;
};
