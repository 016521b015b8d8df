/**
 * The one place the widgets import Lit from (Lit 3: `lit`, i.e. lit-html's templates and Lit's own
 * `LitElement` over `@lit/reactive-element`). Components and internals import `html`, `css`,
 * `nothing`, `LitElement` and the types from here, so the widgets' use of Lit is read in one file.
 *
 * Lit's element costs about 1.9 KB gzip of a page's budget (issue #13) over a hand-written
 * element with the same model; the project keeps Lit's own (a well-kept library beats our own
 * code: attribute converters, `hasChanged`, controllers and its lifecycle stay Lit's, documented at
 * https://lit.dev/docs/components/overview/).
 */
export { LitElement, css, html, nothing } from 'lit';
export type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
