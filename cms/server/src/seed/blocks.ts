/**
 * Converts the small markup used by the demo content (see types.ts) into
 * Strapi blocks JSON, the format the `blocks` field stores.
 */

export interface TextNode {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export interface LinkNode {
  type: 'link';
  url: string;
  children: TextNode[];
}
export type InlineNode = TextNode | LinkNode;
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: { type: 'list-item'; children: InlineNode[] }[] };

const LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+|mailto:[^\s)]+)\)/g;

export const inline = (text: string): InlineNode[] => {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push({ type: 'text', text: text.slice(last, index) });
    nodes.push({ type: 'link', url: match[2] ?? '', children: [{ type: 'text', text: match[1] ?? '' }] });
    last = index + match[0].length;
  }
  if (last < text.length || nodes.length === 0) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
};

export const markupToBlocks = (markup: string): Block[] => {
  const blocks: Block[] = [];
  for (const chunk of markup.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    const first = lines[0] as string;
    if (lines.every((l) => l.startsWith('- '))) {
      blocks.push({
        type: 'list',
        format: 'unordered',
        children: lines.map((l) => ({ type: 'list-item', children: inline(l.slice(2)) })),
      });
    } else if (lines.every((l) => /^\d+\.\s/.test(l))) {
      blocks.push({
        type: 'list',
        format: 'ordered',
        children: lines.map((l) => ({ type: 'list-item', children: inline(l.replace(/^\d+\.\s/, '')) })),
      });
    } else if (first.startsWith('### ')) {
      blocks.push({ type: 'heading', level: 3, children: inline(lines.join(' ').slice(4)) });
    } else if (first.startsWith('## ')) {
      blocks.push({ type: 'heading', level: 2, children: inline(lines.join(' ').slice(3)) });
    } else if (first.startsWith('> ')) {
      blocks.push({ type: 'quote', children: inline(lines.map((l) => l.replace(/^>\s?/, '')).join(' ')) });
    } else {
      blocks.push({ type: 'paragraph', children: inline(lines.join(' ')) });
    }
  }
  return blocks;
};

/** Plain text of blocks (for feeds, search and tests). */
export const blocksToText = (blocks: unknown): string => {
  if (!Array.isArray(blocks)) return '';
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const n = node as { type?: unknown; text?: unknown; children?: unknown[] };
    if (typeof n.text === 'string') return n.text;
    if (!Array.isArray(n.children)) return '';
    // list items and nested lists stand on lines of their own
    return n.children.map(walk).join(n.type === 'list' ? '\n' : '');
  };
  return blocks.map(walk).filter(Boolean).join('\n\n');
};
