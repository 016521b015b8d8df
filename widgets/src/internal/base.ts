/** The base class of every widget: attributes shared by all, API access, loading states, i18n, events. */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ApiError, client } from './api.js';
import { apiLocale, displayName, en, load, tr, uiLocale, type Key, type Strings, type Vars } from './i18n.js';
import { endpoint, headingLevel, pageSize, type Params } from './query.js';
import { base } from './styles.js';
import type { Doc, Ref } from './types.js';

/** Default API base: the origin the widget script was loaded from. */
const ORIGIN = new URL(import.meta.url).origin;

/** Loading (0), loaded (1) or failed (2). */
export type Status = 0 | 1 | 2;

export { arr } from './util.js';

/**
 * @attr {string} api - Base URL of the Solidarity Commons server (default: the origin the script was loaded from).
 * @attr {string} locale - Language of the content and of the interface: en, ca, es, el or fr (default: the page's `<html lang>` if supported, else en). Other values are sent to the API; the interface then falls back to English.
 * @attr {number} page-size - Items per page, 1 to 50 (default 10; not a number: 10; above 50: 50).
 * @attr {number} heading-level - Level of the item headings, 1 to 6 (default 3).
 *
 * @fires solidarity-load - Content loaded. `detail`: `{ total }` for lists (number of matches), `{ slug }` for one document.
 * @fires solidarity-error - Loading failed. `detail`: `{ status, message }` (`status` 0: unreachable, -1: malformed answer).
 *
 * @cssprop [--solidarity-color-accent=#0b6e4f] - Links, buttons, badges, focus ring.
 * @cssprop [--solidarity-color-on-accent=#fff] - Text on accent backgrounds (badges, hovered buttons).
 * @cssprop [--solidarity-color-text=#1c2421] - Text.
 * @cssprop [--solidarity-color-muted=#56625d] - Secondary text (meta, counts, notes).
 * @cssprop [--solidarity-color-surface=#fff] - Card and control background.
 * @cssprop [--solidarity-color-border=#d5dcd8] - Card, tag and control borders; skeletons.
 * @cssprop [--solidarity-radius=0.5rem] - Corner radius of cards (controls use a smaller one).
 * @cssprop [--solidarity-space=1rem] - Padding of cards and gap between them.
 * @cssprop [--solidarity-font-family=inherit] - Font family (default: the page's).
 * @cssprop [--solidarity-card-min-width=16rem] - Narrowest card in the grid layout.
 *
 * @csspart base - The wrapper of the whole widget (carries aria-busy).
 * @csspart error - The error message box (role=alert).
 * @csspart button - Every button and button-like link.
 * @csspart retry - The "Try again" button of the error box.
 * @csspart title - Headings of items and documents.
 * @csspart note - "Available in English" note on content in a fallback language.
 * @csspart skeleton - Loading placeholders.
 */
export class SolidarityElement extends LitElement {
  static override styles = [base];
  static override properties: PropertyDeclarations = {
    api: {},
    locale: {},
    pageSize: { attribute: 'page-size' },
    headingLevel: { attribute: 'heading-level' },
    s: { state: true },
  };
  /** Property names (besides api, locale, page-size) whose change re-fetches. */
  static keys: string[] = [];

  /** Base URL of the Solidarity Commons server. */
  declare api?: string | null;
  /** Language of content and interface. */
  declare locale?: string | null;
  /** Items per page (1..50). */
  declare pageSize?: string | null;
  /** Level of item headings (1..6). */
  declare headingLevel?: string | null;
  /** @internal */
  declare s: Status;
  /** @internal UI strings of the current locale. */
  S: Strings = en;
  /** @internal the last error */
  err?: unknown;
  /** @internal selector to focus once it is rendered */
  pf = '';
  private ac?: AbortController;
  private re?: () => void;

  constructor() {
    super();
    this.s = 0;
  }

  /** @internal API base URL, without trailing slash. */
  get base(): string {
    return (this.api || ORIGIN).replace(/\/+$/, '');
  }
  /** @internal interface locale */
  get ui(): string {
    return uiLocale(this.locale, document.documentElement.lang);
  }
  /** @internal */
  get size(): number {
    return pageSize(this.pageSize);
  }
  /** @internal */
  get hl(): number {
    return headingLevel(this.headingLevel);
  }

  /** @internal translate */
  t(k: Key, v?: Vars): string {
    return tr(this.S, this.ui, k, v);
  }

  /** @internal a line like "Organised by A, B and C" (`k` has a {list} placeholder); nothing when `xs` is empty. */
  line(k: Key, xs: unknown[]): unknown {
    const v = xs.map((x) => String((x as Ref)?.name ?? x ?? '')).filter(Boolean);
    return v.length ? html`<p class="meta" part="meta">${this.t(k, { list: new Intl.ListFormat(this.ui).format(v) })}</p>` : nothing;
  }

  /** @internal GET `path` with the widget's locale; a 400 (unknown locale) is retried once without it. */
  get<T>(path: string, p: Params, sig: AbortSignal): Promise<T> {
    const c = client(this.base),
      l = apiLocale(this.locale, this.ui),
      go = (locale?: string) => c.get<T>(endpoint(this.base, path, { ...p, locale }), sig);
    return c.bad.has(l)
      ? go()
      : go(l).catch((e: unknown) => {
          if (!(e instanceof ApiError) || e.s != 400) throw e;
          if (/locale/i.test(e.message)) c.bad.add(l);
          return go();
        });
  }

  /** @internal runs a load (aborting the previous one) and tracks its state; `ok` may throw on a bad answer. */
  run<T>(f: (sig: AbortSignal) => Promise<T>, ok: (d: T) => unknown): void {
    this.ac?.abort();
    const ac = (this.ac = new AbortController()),
      l = this.ui;
    this.s = 0;
    this.re = () => this.run(f, ok);
    const S = load(l);
    Promise.all([f(ac.signal), S])
      .then(([d, s]) => {
        if (ac.signal.aborted) return;
        this.S = s;
        this.emit('solidarity-load', ok(d));
        this.s = 1;
      })
      .catch(async (e: unknown) => {
        if (ac.signal.aborted) return;
        this.S = await S;
        this.err = e;
        this.s = 2;
        this.emit('solidarity-error', {
          status: e instanceof ApiError ? e.s : -1,
          message: String((e as Error)?.message ?? e),
        });
      });
  }

  /** @internal abort the load in flight */
  stop(): void {
    this.ac?.abort();
  }

  /** @internal (re)loads everything; called when a fetch-relevant attribute changed. */
  refresh(): void {}

  /** @internal */
  emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override willUpdate(ch: PropertyValues): void {
    const keys = ['api', 'locale', 'pageSize', ...(this.constructor as typeof SolidarityElement).keys];
    if (!this.hasUpdated || keys.some((k) => ch.has(k))) this.refresh();
  }

  override updated(): void {
    const el = this.pf && this.renderRoot.querySelector<HTMLElement>(this.pf);
    if (el) {
      el.focus();
      this.pf = '';
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // reconnected after a load was cut short by a disconnection: load again
    if (this.hasUpdated && !this.s) this.re?.();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  override render(): unknown {
    return html`<div part="base" class="stack" aria-busy=${this.s ? 'false' : 'true'}>${this.view()}</div>`;
  }

  /** @internal the widget's content */
  view(): unknown {
    return nothing;
  }

  /** @internal the error box (role=alert), with a retry button unless the content does not exist. */
  error(): TemplateResult {
    const s = this.err instanceof ApiError ? this.err.s : -1;
    return html`<div class="error stack" part="error" role="alert">
      <p>${this.t(s == 404 ? 'notFound' : s ? 'error' : 'offline')}</p>
      ${s == 404
        ? nothing
        : html`<div><button part="button retry" @click=${() => ((this.pf = '[data-i="0"],#d,[part~=retry]'), this.re?.())}>${this.t('retry')}</button></div>`}
    </div>`;
  }

  /** @internal "Available in English" on content in a fallback language. */
  note(x: Doc): unknown {
    return x.localeFallback && x.locale
      ? html`<p class="note" part="note" lang=${this.ui}>${this.t('fallback', { lang: displayName(this.ui, 'language', x.locale) })}</p>`
      : nothing;
  }
}
