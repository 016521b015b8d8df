/**
 * The widgets' base element: Lit's reactive-element model (`ReactiveElement`) (https://lit.dev/docs/components/lifecycle/)
 * in the few lines the widgets use, over lit-html's `render`. Why not Lit's own `LitElement`: see
 * ./lit.ts (issue #13's byte budget). What it does, as Lit does it:
 *
 * - `static properties` (inherited and merged down the class chain): an accessor per property on the
 *   declaring class's prototype; a property with an attribute (`attribute`: its name, default the
 *   property's name lowercased; none with `state: true`) follows it, converted by `type` (String, the
 *   default: the attribute's text or null; Number: `Number(text)` or null; Boolean: present or not);
 *   `reflect: true` writes the property back to its attribute at the next update (String and Number:
 *   removed when null or undefined; Boolean: present when true).
 * - A set that changes the value (`!==`, NaN equal to NaN: Lit's `notEqual`) records the old value in
 *   the changed-properties map and asks for an update; updates are batched in a microtask, the first
 *   one waits for the element to be connected. A value set on the element before its class was
 *   defined (an upgrade) goes through the accessor.
 * - An update: `willUpdate(changed)`, `render()`, reflection, lit-html's render into `renderRoot`
 *   (properties set from here on ask for another update), then `firstUpdated(changed)` the first time
 *   and `updated(changed)`. `updateComplete` resolves after the update (to false if another one was
 *   asked for meanwhile); an error thrown by an update rejects it and does not stop later updates.
 * - `createRenderRoot()`: an open shadow root with `static styles` adopted (one shared
 *   CSSStyleSheet per css`` result; `<style>` elements where constructable stylesheets are missing,
 *   Safari before 16.4).
 *
 * Not implemented (no widget uses them): custom converters, `hasChanged`, `noAccessor`,
 * `shouldUpdate`, reactive controllers, `shadowRootOptions`, `disconnectedCallback` (a subclass's own
 * needs no super call), directives (cut from lit-html: scripts/lit-cuts.mjs), css`` interpolations.
 */
import { adoptStyles, type CSSResult } from './css.js';
import { render } from './lit.js';

/** One reactive property: Lit's `PropertyDeclaration`, the options the widgets use (see the file's docstring). */
export interface PropertyDeclaration {
  /** The attribute's name (default: the property's name, lowercased). */
  attribute?: string;
  /** How the attribute's text converts: String (default), Number or Boolean. */
  type?: typeof String | typeof Number | typeof Boolean;
  /** Write the property back to its attribute. */
  reflect?: boolean;
  /** Internal state: no attribute. */
  state?: boolean;
}
/** A class's `static properties`: property name -> declaration. */
export type PropertyDeclarations = { readonly [name: string]: PropertyDeclaration };
/** The changed-properties map of an update: property name -> its value before the change. */
export type PropertyValues = Map<PropertyKey, unknown>;

/** A finalized class's properties (its own and inherited): name -> declaration, with `attribute` resolved (undefined for state). */
type Props = Map<string, PropertyDeclaration>;
/** Each finalized class's properties. */
const metas = new WeakMap<object, Props>();

/** The base class of the widgets' elements (see the file's docstring). */
export class WidgetElement extends HTMLElement {
  /** Reactive properties, merged with the superclasses' (a subclass's own: this class has none). */
  declare static properties: PropertyDeclarations;
  /** Styles of the shadow root. */
  static styles: CSSResult[] = [];

  /** @internal the class's properties, made once: accessors on the prototype of the class that declares them. */
  static __props(): Props {
    let m = metas.get(this);
    if (!m) {
      const up = Object.getPrototypeOf(this) as typeof WidgetElement;
      metas.set(this, (m = new Map(up.__props?.())));
      if (Object.hasOwn(this, 'properties'))
        for (const [p, d] of Object.entries(this.properties)) {
          m.set(p, { ...d, attribute: d.state ? undefined : (d.attribute ?? p.toLowerCase()) });
          Object.defineProperty(this.prototype, p, {
            get(this: WidgetElement) {
              return this.__values.get(p);
            },
            set(this: WidgetElement, v: unknown) {
              const old = this.__values.get(p);
              this.__values.set(p, v);
              this.requestUpdate(p, old);
            },
            configurable: true,
            enumerable: true,
          });
        }
    }
    return m;
  }

  /** The attributes the browser reports to attributeChangedCallback. */
  static get observedAttributes(): string[] {
    return [...this.__props().values()].flatMap((d) => d.attribute ?? []);
  }

  /** True once the first update has run. */
  hasUpdated = false;
  /** An update is asked for and has not run yet. */
  isUpdatePending = false;
  /** Where `render()` renders: the shadow root (made at the first connection). */
  declare renderRoot: HTMLElement | ShadowRoot;
  /** @internal the class's properties */
  __props = (this.constructor as typeof WidgetElement).__props();
  /** @internal values of the reactive properties */
  __values = new Map<string, unknown>();
  /** @internal changed properties of the coming update */
  __changed: PropertyValues = new Map();
  /** @internal properties to reflect at the coming update */
  __reflect = new Set<string>();
  /** @internal the property being set from its attribute, or reflected to it */
  declare __reflecting?: string;
  /** @internal lets the first update run (at the first connection) */
  declare __enable: (v: boolean) => void;
  /** @internal the current update (the first one waits for the connection) */
  __update = new Promise<boolean>((r) => (this.__enable = r));

  constructor() {
    super();
    // values set before the class was defined: through the accessors
    const o = this as unknown as Record<string, unknown>;
    for (const p of this.__props.keys())
      if (Object.hasOwn(this, p)) {
        const v = o[p];
        delete o[p];
        o[p] = v;
      }
    this.requestUpdate();
  }

  /** Resolves once the pending update has run: true, or false when another update was asked for meanwhile. */
  get updateComplete(): Promise<boolean> {
    return this.__update;
  }

  /**
   * Asks for an update (batched in a microtask). With `name` (a declared property): only when its
   * value changed from `old` (Lit's `notEqual`: not identical, NaN equal to NaN; then recorded in
   * the changed-properties map, and reflected if declared so).
   */
  requestUpdate(name?: string, old?: unknown): void {
    if (name !== undefined) {
      const v = this.__values.get(name);
      if (old === v || (old !== old && v !== v)) return;
      if (!this.__changed.has(name)) this.__changed.set(name, old);
      if (this.__props.get(name)?.reflect && this.__reflecting !== name) this.__reflect.add(name);
    }
    if (!this.isUpdatePending) this.__update = this.__enqueue();
  }

  /**
   * @internal waits for the previous update (or the connection), then updates: willUpdate, render,
   * reflection, lit-html's render, firstUpdated the first time, updated. Resolves to false when
   * another update was asked for meanwhile.
   */
  async __enqueue(): Promise<boolean> {
    this.isUpdatePending = true;
    try {
      await this.__update;
    } catch (e) {
      // reported again, as Lit does: the failed update's error must not stop this one
      void Promise.reject(e);
    }
    const ch = this.__changed;
    try {
      this.willUpdate(ch);
      const view = this.render();
      for (const p of this.__reflect) {
        const v = this.__values.get(p),
          { type, attribute } = this.__props.get(p)!;
        this.__reflecting = p;
        if (type == Boolean) this.toggleAttribute(attribute!, !!v);
        else if (v == null) this.removeAttribute(attribute!);
        else this.setAttribute(attribute!, String(v));
        this.__reflecting = undefined;
      }
      this.__markUpdated();
      // lit-html's options: event listeners are called with the element as `this`
      render(view, this.renderRoot, { host: this });
    } catch (e) {
      this.__markUpdated();
      throw e;
    }
    if (!this.hasUpdated) {
      this.hasUpdated = true;
      this.firstUpdated(ch);
    }
    this.updated(ch);
    return !this.isUpdatePending;
  }

  /** @internal the update has run: a new changed-properties map */
  __markUpdated(): void {
    this.__changed = new Map();
    this.__reflect = new Set();
    this.isUpdatePending = false;
  }

  /** Before rendering; properties set here join this update. */
  willUpdate(_changed: PropertyValues): void {}

  /** The element's content: anything lit-html renders. */
  render(): unknown {
    return undefined;
  }

  /** After the first update. */
  firstUpdated(_changed: PropertyValues): void {}

  /** After every update. */
  updated(_changed: PropertyValues): void {}

  /** An open shadow root with the class's `static styles`. */
  createRenderRoot(): HTMLElement | ShadowRoot {
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, (this.constructor as typeof WidgetElement).styles);
    return root;
  }

  connectedCallback(): void {
    this.renderRoot ??= this.createRenderRoot();
    this.__enable(true);
  }

  /** Sets the property of attribute `name` from `value`, converted by its declaration's `type`. */
  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    for (const [p, d] of this.__props)
      if (d.attribute == name && this.__reflecting !== p) {
        this.__reflecting = p;
        (this as unknown as Record<string, unknown>)[p] = d.type == Boolean ? value !== null : d.type == Number && value !== null ? Number(value) : value;
        this.__reflecting = undefined;
      }
  }
}
