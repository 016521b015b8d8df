/**
 * The one place the widgets import Lit from: lit-html's templates (`html`, `nothing`, `render`,
 * through `lit`'s `lit/html.js`). The element they render in is ./element.ts, and css`` is ./css.ts.
 *
 * Why not Lit's own `LitElement` (over `@lit/reactive-element` and its css-tag), although a
 * well-kept library beats our own code: issue #13's byte budget. A page with one read widget may
 * load 10 KB gzip in all; Lit's element, `ReactiveElement` and css-tag cost about 2.5 KB of that on
 * every page, for a small part of them that the widgets use (string attributes, `reflect`, internal
 * state, the update lifecycle). ./element.ts (`WidgetElement`) keeps Lit's model and names for that part in under
 * 1 KB, with its own tests (element.test.ts); the templates, the library's core, stay lit-html's.
 */
export { html, nothing, render } from 'lit/html.js';
export type { RenderOptions, TemplateResult } from 'lit/html.js';
export { css, type CSSResult } from './css.js';
export type { PropertyDeclarations, PropertyValues } from './element.js';
