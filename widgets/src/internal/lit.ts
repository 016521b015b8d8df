/**
 * What the widgets use of Lit, in fewer bytes: lit-html's templates (`html`, `nothing`, `render`),
 * and a small `LitElement` with the same model as Lit's (reactive properties declared in
 * `static properties`, their attributes, `static styles` in a shadow root, `render()`, the
 * `willUpdate` / `updated` / `firstUpdated` lifecycle and `updateComplete`).
 *
 * Why not Lit's own LitElement: with @lit/reactive-element it is about 2.7 KB gzip of a page's
 * budget (issue #13: 10 KB for a page with one widget, Lit included) for features the widgets do
 * not use (reactive controllers, decorators, attribute converters and types, `hasChanged`,
 * `shadowRootOptions`, polyfill hooks). This keeps its API for what the widgets use, so code
 * written against Lit's reads the same; import from here, never from the lit package (which would bundle
 * Lit's element as well: the size budget fails).
 *
 * Differences to know: a property's attribute is its value as a string (no `type`, no converter;
 * `null` once removed); a change is a `!==` comparison; `reflect: true` writes the string back
 * (removes the attribute for null / undefined).
 */
import { nothing, render } from 'lit-html';

export { html, nothing, render, svg, type TemplateResult } from 'lit-html';

/** How a reactive property is declared in `static properties` (the subset of Lit's that we use). */
export interface PropertyDeclaration {
  /** The attribute's name (default: the property's name in lower case). */
  attribute?: string;
  /** Write the value back to the attribute after each change. */
  reflect?: boolean;
  /** Internal state: no attribute. */
  state?: boolean;
}
/** `static properties`: property name -> declaration. */
export type PropertyDeclarations = Record<string, PropertyDeclaration>;
/** The properties changed since the last update, with their previous values. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** A stylesheet made by `css`: its text, and one constructed CSSStyleSheet shared by every shadow root that adopts it. */
export class CSSResult {
  private __sheet?: CSSStyleSheet;
  constructor(readonly cssText: string) {}
  /** The constructed stylesheet (made on first use). */
  get styleSheet(): CSSStyleSheet {
    if (!this.__sheet) (this.__sheet = new CSSStyleSheet()).replaceSync(this.cssText);
    return this.__sheet;
  }
  toString(): string {
    return this.cssText;
  }
}

/** A stylesheet from a template literal; values are other `css` results or numbers (constants only, never content). */
export const css = (strings: TemplateStringsArray, ...values: (CSSResult | number)[]): CSSResult =>
  new CSSResult(strings.reduce((a, s, i) => a + String(values[i - 1]) + s));

/** Per class: its reactive properties, its own and its ancestors' (property -> declaration). */
const metas = new WeakMap<object, Map<string, PropertyDeclaration>>();
/** The attribute of a property. */
const attr = (k: string, d: PropertyDeclaration): string | false => !d.state && (d.attribute ?? k.toLowerCase());

/**
 * The reactive properties of a class, once per class, after its ancestors', with their accessors
 * on its prototype: a value lives in a map of the instance; setting a different one requests an update.
 */
const meta = (c: typeof LitElement): Map<string, PropertyDeclaration> => {
  let m = metas.get(c);
  if (!m) {
    const sup = Object.getPrototypeOf(c) as typeof LitElement;
    metas.set(c, (m = new Map(sup == (HTMLElement as unknown) ? [] : meta(sup))));
    for (const [k, d] of Object.entries(c.properties)) {
      m.set(k, d);
      Object.defineProperty(c.prototype, k, {
        get(this: LitElement) {
          return this.__values.get(k);
        },
        set(this: LitElement, v: unknown) {
          const old = this.__values.get(k);
          if (old !== v) {
            this.__values.set(k, v);
            this.requestUpdate(k, old);
          }
        },
        configurable: true,
      });
    }
  }
  return m;
};

/**
 * A custom element that renders `render()` with lit-html into its shadow root after its reactive
 * properties change (batched in a microtask), as Lit's LitElement does; updates start once it is
 * connected.
 */
export class LitElement extends HTMLElement {
  /** Reactive properties of this class (its ancestors' are inherited). */
  static properties: PropertyDeclarations = {};
  /** Stylesheets of the shadow root. */
  static styles: CSSResult[] = [];
  /** The attributes of the reactive properties (custom elements' API). */
  static get observedAttributes(): string[] {
    return [...meta(this)].map(([k, d]) => attr(k, d)).filter((a): a is string => !!a);
  }

  /** @internal values of the reactive properties */
  __values = new Map<string, unknown>();
  /** @internal properties changed since the last update (old values) */
  private __changed: PropertyValues = new Map();
  /** @internal an update is requested and not done yet */
  private __pending = false;
  /** @internal resolves when the element is first connected */
  private __connect!: () => void;
  /** @internal the last update requested: resolves after it */
  private __update: Promise<boolean> = new Promise<void>((r) => (this.__connect = r)).then(() => true);
  /** The shadow root the element renders into (made when it is first connected). */
  renderRoot!: ShadowRoot;
  /** It has rendered at least once. */
  hasUpdated = false;

  constructor() {
    super();
    const c = this.constructor as typeof LitElement;
    // values set on the element before its class was defined shadow the accessors: move them behind
    for (const k of meta(c).keys())
      if (Object.hasOwn(this, k)) {
        const v = (this as unknown as Record<string, unknown>)[k]; // a property of this instance by name (the accessors' own name)
        delete (this as unknown as Record<string, unknown>)[k];
        (this as unknown as Record<string, unknown>)[k] = v;
      }
    this.requestUpdate();
  }

  /** Resolves (true when no further update is pending) once the update requested so far is rendered. */
  get updateComplete(): Promise<boolean> {
    return this.__update;
  }

  /** Schedules an update; `name`, `old`: a property that changed and its previous value. */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined && !this.__changed.has(name)) this.__changed.set(name, old);
    if (!this.__pending) {
      this.__pending = true;
      this.__update = this.__enqueue();
    }
  }

  /** @internal waits for the previous update (or the first connection), then updates. */
  private async __enqueue(): Promise<boolean> {
    try {
      await this.__update;
    } catch {
      // the previous update threw: it was reported to its caller; this one still runs
    }
    const ch = this.__changed,
      c = this.constructor as typeof LitElement;
    try {
      this.willUpdate(ch);
      for (const [k, d] of meta(c)) {
        const a = d.reflect && ch.has(k) && attr(k, d),
          v = this.__values.get(k);
        if (a && v == null) this.removeAttribute(a);
        else if (a) this.setAttribute(a, String(v));
      }
      render(this.render(), this.renderRoot, { host: this });
    } finally {
      this.__changed = new Map();
      this.__pending = false;
    }
    if (!this.hasUpdated) {
      this.hasUpdated = true;
      this.firstUpdated(ch);
    }
    this.updated(ch);
    return !this.__pending;
  }

  connectedCallback(): void {
    if (!this.renderRoot) {
      this.renderRoot = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      this.renderRoot.adoptedStyleSheets = (this.constructor as typeof LitElement).styles.map((s) => s.styleSheet);
    }
    this.__connect();
  }

  disconnectedCallback(): void {}

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    for (const [k, d] of meta(this.constructor as typeof LitElement)) if (attr(k, d) == name) (this as unknown as Record<string, unknown>)[k] = value; // the property of that attribute, by name
  }

  /** Before rendering: compute what depends on the changed properties (changes made here join this update). */
  willUpdate(_changed: PropertyValues): void {}
  /** What to render into the shadow root. */
  render(): unknown {
    return nothing;
  }
  /** After the first render. */
  firstUpdated(_changed: PropertyValues): void {}
  /** After each render. */
  updated(_changed: PropertyValues): void {}
}
