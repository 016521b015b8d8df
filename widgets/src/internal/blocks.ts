/**
 * Strapi v5 "blocks" rich text as Lit templates. Content is never parsed as HTML: text is
 * always bound as text, links keep only http(s) and mailto URLs, images only http(s).
 */
import { html, type TemplateResult } from './lit.js';
import { el, heading, img, link } from './html.js';
import { arr } from './util.js';
import { safeUrl } from './query.js';
import type { BNode } from './types.js';

type R = (n: BNode) => unknown;

const kids = (n: BNode, r: R): unknown[] => (Array.isArray(n.children) ? n.children.map(r) : []);

/** Text modifiers, innermost first. */
const MODS: [keyof BNode, string][] = [
  ['code', 'code'],
  ['strikethrough', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

/**
 * Renders blocks. `hl` is the heading level of the title above them: content headings are
 * nested below it (a level-2 heading under an h3 title becomes an h4). `base` resolves relative URLs.
 */
export const blocks = (nodes: unknown, hl: number, base: string): TemplateResult | string => {
  const r: R = (n) => {
    if (!n || typeof n != 'object') return '';
    const k = kids(n, r);
    switch (n.type) {
      case 'text':
        return MODS.reduce<unknown>((t, [m, tag]) => (n[m] ? el(tag, t) : t), String(n.text ?? ''));
      case 'link':
        return link(safeUrl(n.url, base), k);
      case 'paragraph':
        return el('p', k);
      case 'heading':
        return heading(Math.min(6, hl + Math.max(1, (Math.floor(Number(n.level)) || 2) - 1)), k, undefined, undefined, null);
      case 'list':
        // a nested list directly inside a list is wrapped in an unmarked <li>
        return el(
          n.format == 'ordered' ? 'ol' : 'ul',
          arr(n.children).map((c) => (c?.type == 'list' ? html`<li class="n">${r(c)}</li>` : c?.type == 'list-item' ? r(c) : el('li', r(c))))
        );
      case 'list-item':
        return el('li', k);
      case 'quote':
        return el('blockquote', k);
      case 'code':
        return el('pre', el('code', k));
      case 'image':
        return img(n.image, base);
      default:
        return k;
    }
  };
  return Array.isArray(nodes) ? html`<div class="body stack">${nodes.map(r)}</div>` : '';
};
