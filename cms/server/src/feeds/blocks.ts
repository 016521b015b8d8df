/**
 * Strapi blocks (the JSON of a `blocks` field) as safe HTML for feeds and as
 * plain text for calendars, exports and JSON-LD. Every text is escaped; links
 * keep only http, https and mailto targets; unknown node types keep their text.
 */

type Node = Record<string, unknown>;

const asNodes = (v: unknown): Node[] =>
  Array.isArray(v) ? v.filter((n): n is Node => Boolean(n) && typeof n === 'object' && !Array.isArray(n)) : [];

/**
 * Characters XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates), and
 * the ones it discourages (§2.2: DEL and the C1 controls), which readers misread: feedparser turns
 * U+0085 into "…" (windows-1252's 0x85).
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters that would make an XML document ill-formed. */
export const xmlSafe = (s: string): string => s.replace(XML_INVALID, '');

export const escapeHtml = (s: string): string =>
  xmlSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const SAFE_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SAFE_MEDIA_PROTOCOLS = new Set(['http:', 'https:']);

/** The URL if it is absolute (or relative to `base`) and of an allowed scheme, else null. */
export const safeUrl = (url: unknown, base?: string, protocols: Set<string> = SAFE_LINK_PROTOCOLS): string | null => {
  if (typeof url !== 'string' || !url.trim()) return null;
  try {
    const parsed = base ? new URL(url.trim(), base) : new URL(url.trim());
    return protocols.has(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
};

export interface RenderOptions {
  /** origin to resolve relative link and image URLs against (uploads are stored as /uploads/...) */
  origin?: string;
}

const inlineHtml = (nodes: unknown, o: RenderOptions): string =>
  asNodes(nodes)
    .map((n) => {
      if (n.type === 'link') {
        const inner = inlineHtml(n.children, o);
        const href = safeUrl(n.url, o.origin);
        return href ? `<a href="${escapeHtml(href)}">${inner || escapeHtml(href)}</a>` : inner;
      }
      if (typeof n.text === 'string') {
        let html = escapeHtml(n.text).replace(/\r?\n/g, '<br>');
        if (n.code) html = `<code>${html}</code>`;
        if (n.bold) html = `<strong>${html}</strong>`;
        if (n.italic) html = `<em>${html}</em>`;
        if (n.underline) html = `<u>${html}</u>`;
        if (n.strikethrough) html = `<s>${html}</s>`;
        return html;
      }
      return inlineHtml(n.children, o);
    })
    .join('');

const blockHtml = (n: Node, o: RenderOptions): string => {
  switch (n.type) {
    case 'paragraph':
      return `<p>${inlineHtml(n.children, o)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(n.level) || 2));
      return `<h${level}>${inlineHtml(n.children, o)}</h${level}>`;
    }
    case 'quote':
      return `<blockquote><p>${inlineHtml(n.children, o)}</p></blockquote>`;
    case 'code':
      return `<pre><code>${inlineHtml(n.children, o)}</code></pre>`;
    case 'list': {
      const tag = n.format === 'ordered' ? 'ol' : 'ul';
      const items = asNodes(n.children)
        .map((child) => (child.type === 'list' ? blockHtml(child, o) : `<li>${inlineHtml(child.children, o)}</li>`))
        .join('');
      return `<${tag}>${items}</${tag}>`;
    }
    case 'image': {
      const image = (n.image && typeof n.image === 'object' ? n.image : {}) as Node;
      const src = safeUrl(image.url, o.origin, SAFE_MEDIA_PROTOCOLS);
      if (!src) return '';
      const alt = typeof image.alternativeText === 'string' ? image.alternativeText : '';
      return `<p><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"></p>`;
    }
    default: {
      const inner = inlineHtml(n.children, o);
      return inner ? `<p>${inner}</p>` : '';
    }
  }
};

/** HTML of blocks: escaped text, http/https/mailto links only, no attributes but href/src/alt. */
export const blocksToHtml = (blocks: unknown, options: RenderOptions = {}): string =>
  asNodes(blocks)
    .map((b) => blockHtml(b, options))
    .filter(Boolean)
    .join('\n');

const inlineText = (nodes: unknown, o: RenderOptions): string =>
  asNodes(nodes)
    .map((n) => {
      if (n.type === 'link') {
        const label = inlineText(n.children, o);
        const href = safeUrl(n.url, o.origin);
        if (!href) return label;
        const bare = href.replace(/^mailto:/, '');
        return !label ? href : label === href || label === bare ? label : `${label} (${href})`;
      }
      if (typeof n.text === 'string') return n.text;
      return inlineText(n.children, o);
    })
    .join('');

const blockText = (n: Node, o: RenderOptions, depth = 0): string => {
  if (n.type === 'list') {
    const ordered = n.format === 'ordered';
    let index = 0;
    return asNodes(n.children)
      .map((child) => {
        if (child.type === 'list') return blockText(child, o, depth + 1);
        index += 1;
        return `${'  '.repeat(depth)}${ordered ? `${index}.` : '-'} ${inlineText(child.children, o)}`;
      })
      .join('\n');
  }
  if (n.type === 'image') return '';
  return inlineText(n.children, o);
};

/** Plain text of blocks: paragraphs separated by a blank line, list items on their own lines. */
export const blocksToPlainText = (blocks: unknown, options: RenderOptions = {}): string =>
  asNodes(blocks)
    .map((b) => blockText(b, options).trim())
    .filter(Boolean)
    .join('\n\n');
