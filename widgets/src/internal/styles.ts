import { css } from './lit.js';

/**
 * Styles shared by every widget (what only some widgets use is in theirs: the practices' `.link`
 * and drop-downs, the badges of sessions and statements, the sessions' visually hidden text...). Public custom properties are `--solidarity-*`; the private
 * `--_*` ones hold their resolved values. The host page's CSS cannot reach inside (shadow DOM);
 * inherited properties that a theme may set on <body> are reset on :host, and again on the shadow
 * tree's top elements (a theme's `*` rule matches the host itself, and wins over :host).
 */
export const base = css`
  :host {
    --_a: var(--solidarity-color-accent, #0b6e4f);
    --_t: var(--solidarity-color-text, #1c2421);
    --_m: var(--solidarity-color-muted, #56625d);
    --_s: var(--solidarity-color-surface, #fff);
    --_b: var(--solidarity-color-border, #d5dcd8);
    --_o: var(--solidarity-color-on-accent, #fff);
    --_r: var(--solidarity-radius, .5rem);
    --_g: var(--solidarity-space, 1rem);
    display: block;
    contain: content;
    font-family: var(--solidarity-font-family, inherit);
  }
  /* Inherited properties a theme may set, reset. A page's rule for every element (* { color: ... })
     matches the host too, and beats :host: set again on the shadow tree's top elements, they are
     inherited from there. (Fonts are inherited from the page as they are; the family may be set.) */
  :host,
  :host > * {
    color: var(--_t);
    line-height: 1.5;
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme=auto]) {
      --_a: var(--solidarity-dark-color-accent, #5fd0a0);
      --_t: var(--solidarity-dark-color-text, #e3ebe7);
      --_m: var(--solidarity-dark-color-muted, #a5b3ac);
      --_s: var(--solidarity-dark-color-surface, #18201d);
      --_b: var(--solidarity-dark-color-border, #3b4943);
      --_o: var(--solidarity-dark-color-on-accent, #0c1411);
      color-scheme: dark;
      /* readable on a page that stays light in dark mode too */
      background: var(--_s);
    }
  }
  * {
    box-sizing: border-box;
    margin: 0;
  }
  h1, h2, h3, h4, h5, h6 {
    font-size: 1.15em;
    line-height: 1.3;
  }
  a {
    color: var(--_a);
    text-underline-offset: .15em;
  }
  :focus-visible {
    outline: 2px solid var(--_a);
    outline-offset: 2px;
  }
  img {
    max-width: 100%;
    height: auto;
  }
  .stack > * + * {
    margin-top: calc(var(--_g) * .75);
  }
  .list, .tags {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_g);
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: .4em;
  }
  :host([layout='grid']) .list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--solidarity-card-min-width, 16rem)), 1fr));
  }
  .card, .error, .empty {
    background: var(--_s);
    border: 1px solid var(--_b);
    border-radius: var(--_r);
    padding: var(--_g);
  }
  .meta, .note, .count, .end {
    color: var(--_m);
    font-size: .9em;
  }
  .note {
    font-style: italic;
  }
  .tag {
    padding: .1em .6em;
    border-radius: 1em;
    border: 1px solid var(--_b);
    font-size: .8em;
  }
  button, .btn {
    font: inherit;
    min-height: 2.5em;
    border-radius: calc(var(--_r) / 1.5);
    border: 1px solid var(--_a);
    background: var(--_s);
    padding: .35em .9em;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    color: var(--_a);
    text-decoration: none;
  }
  button:hover, .btn:hover {
    background: var(--_a);
    color: var(--_o);
  }
  button:disabled {
    opacity: .5;
    pointer-events: none;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: .5em var(--_g);
    align-items: center;
  }
  .bar {
    margin-top: var(--_g);
    justify-content: space-between;
  }
  .error {
    border-color: #b3261e;
    color: #8c1d18;
  }
  .empty {
    border-style: dashed;
  }
  .sk {
    min-height: 9em;
  }
  .sk i {
    display: block;
    height: 1em;
    margin-bottom: .75em;
    background: var(--_b);
    border-radius: 4px;
  }
  .sk i:first-child {
    width: 60%;
  }
  blockquote {
    border-inline-start: 3px solid var(--_a);
    padding-inline-start: var(--_g);
  }
  pre {
    overflow: auto;
    padding: .75em;
    background: color-mix(in srgb, var(--_b) 30%, var(--_s));
  }
  .n {
    list-style: none;
  }
  /* forced colors: borders and text already take system colors; keep skeletons and states visible */
  @media (forced-colors: active) {
    .sk i {
      forced-color-adjust: none;
      background: GrayText;
    }
    button:disabled {
      color: GrayText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
