import { parse as parseHtml, parseFragment } from 'parse5';
import type { Element as DefaultTreeElement, Node as DefaultTreeNode, TextNode as DefaultTreeTextNode } from 'parse5';

/**
 * HTML as a browser parses it (parse5, the WHATWG algorithm), with the few DOM methods tests need:
 * `querySelector(All)` for simple selectors (`tag`, `.class`, `[attr]`, `[attr=value]`, `[attr="value"]`,
 * `*`, combined, and descendant combinators), `getAttribute`, `text` (the text content, entities decoded).
 */
export interface El {
  tag: string;
  getAttribute(name: string): string | undefined;
  text: string;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): El[];
}

type Simple = { tag?: string; classes: string[]; attrs: [string, string | undefined][] };

const parseSimple = (s: string): Simple => {
  const out: Simple = { classes: [], attrs: [] };
  const re = /^([a-z0-9-]+|\*)|\.([\w-]+)|\[([\w-]+)(?:=(?:"([^"]*)"|([^\]]*)))?\]/gi;
  for (const m of s.matchAll(re)) {
    if (m[1] && m[1] !== '*') out.tag = m[1].toLowerCase();
    else if (m[2]) out.classes.push(m[2]);
    else if (m[3]) out.attrs.push([m[3], m[4] ?? m[5]]);
  }
  return out;
};

const isElement = (n: DefaultTreeNode): n is DefaultTreeElement => 'tagName' in n;
const childrenOf = (n: DefaultTreeNode): DefaultTreeNode[] => {
  const node = n as DefaultTreeElement & { content?: { childNodes: DefaultTreeNode[] } };
  return [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])];
};

const wrap = (node: DefaultTreeElement, ancestors: DefaultTreeElement[]): El & { node: DefaultTreeElement; ancestors: DefaultTreeElement[] } => {
  const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
  const matches = (el: DefaultTreeElement, s: Simple) =>
    (!s.tag || el.tagName === s.tag) &&
    s.classes.every((c) => (el.attrs.find((a) => a.name === 'class')?.value ?? '').split(/\s+/).includes(c)) &&
    s.attrs.every(([n, v]) => el.attrs.some((a) => a.name === n && (v === undefined || a.value === v)));
  const descendants = (): { el: DefaultTreeElement; path: DefaultTreeElement[] }[] => {
    const out: { el: DefaultTreeElement; path: DefaultTreeElement[] }[] = [];
    const walk = (n: DefaultTreeNode, path: DefaultTreeElement[]) => {
      for (const c of childrenOf(n)) {
        if (isElement(c)) {
          out.push({ el: c, path });
          walk(c, [...path, c]);
        }
      }
    };
    walk(node, [...ancestors, node]);
    return out;
  };
  const all = (selector: string) => {
    const parts = selector.trim().split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(parseSimple);
    const last = parts[parts.length - 1] as Simple;
    const scope = ancestors.length + 1;
    return descendants()
      .filter(({ el, path }) => {
        if (!matches(el, last)) return false;
        let i = parts.length - 2;
        for (let j = path.length - 1; j >= scope - 1 && i >= 0; j--) if (matches(path[j] as DefaultTreeElement, parts[i] as Simple)) i--;
        return i < 0;
      })
      .map(({ el, path }) => wrap(el, path));
  };
  const text = (n: DefaultTreeNode): string =>
    n.nodeName === '#text' ? (n as DefaultTreeTextNode).value : childrenOf(n).map(text).join('');
  return {
    node,
    ancestors,
    tag: node.tagName,
    getAttribute: attr,
    get text() {
      return text(node);
    },
    querySelectorAll: all,
    querySelector: (s) => all(s)[0] ?? null,
  };
};

/** Parses a whole document; the result's selectors search the `<html>` element and its descendants. */
export const parseDocument = (html: string): El => {
  const doc = parseHtml(html) as unknown as DefaultTreeElement; // parse5's Document has childNodes like an element
  const root = { tagName: '#root', nodeName: '#root', attrs: [], childNodes: doc.childNodes } as unknown as DefaultTreeElement;
  return wrap(root, []);
};

/** Parses a fragment (oEmbed `html`). */
export const parseHtmlFragment = (html: string): El => {
  const frag = parseFragment(html) as unknown as DefaultTreeElement;
  const root = { tagName: '#root', nodeName: '#root', attrs: [], childNodes: frag.childNodes } as unknown as DefaultTreeElement;
  return wrap(root, []);
};
