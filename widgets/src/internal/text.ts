import type { BNode } from './types.js';

/** Plain text of Strapi blocks (for summaries, titles and tests): blocks separated by newlines. */
export const blocksText = (nodes: unknown): string =>
  Array.isArray(nodes)
    ? nodes
        .map((n: BNode) => (n && typeof n == 'object' ? (n.type == 'text' ? String(n.text ?? '') : blocksText(n.children)) : ''))
        .join(nodes.some((n: BNode) => n && n.type != 'text' && n.type != 'link') ? '\n' : '')
    : '';
