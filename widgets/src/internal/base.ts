/** The base class of every widget: attributes shared by all, API access, loading states, i18n, events. */
import { WidgetElement } from './element.js';
import { html, nothing, type PropertyValues, type TemplateResult } from './lit.js';
import type { PropertyDeclarations } from './lit.js';
import { ApiError, client } from './api.js';
import { apiLocale, displayName, en, load, tr, uiLocale, type Key, type Messages, type Vars } from './i18n.js';
import { endpoint, headingLevel, pageSize, type Params } from './query.js';
import { FAILED, LOADING, READY, type Status } from './status.js';
import { base } from './styles.js';
import type { Doc, Ref } from './types.js';

/** Default API base: the origin the widget script was loaded from. */
const ORIGIN = new URL(import.meta.url).origin;


export { arr } from './util.js';

/**
 * @attr {string} api - Base URL of the Solidarity Commons server (default: the origin the script was loaded from).
 * @attr {string} locale - Language of the content and of the interface: en, ca, es, el or fr (default: the `lang` of the nearest ancestor that has one, as HTML defines an element's language, then `<html lang>`, if supported; else en). Other values are sent to the API; the interface then falls back to English.
 * @attr {number} page-size - Items per page, 1 to 50 (default 10; not a number: 10; above 50: 50).
 * @attr {number} heading-level - Level of the item headings, 1 to 6 (default 3).
 * @attr {'auto'} theme - `auto`: follow the visitor's `prefers-color-scheme`, with the dark tokens below in dark mode (default: always the light ones).
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
 * @cssprop [--solidarity-dark-color-accent=#5fd0a0] - Accent with `theme="auto"` in dark mode.
 * @cssprop [--solidarity-dark-color-on-accent=#0c1411] - Text on accent backgrounds with `theme="auto"` in dark mode.
 * @cssprop [--solidarity-dark-color-text=#e3ebe7] - Text with `theme="auto"` in dark mode.
 * @cssprop [--solidarity-dark-color-muted=#a5b3ac] - Secondary text with `theme="auto"` in dark mode.
 * @cssprop [--solidarity-dark-color-surface=#18201d] - Card and control background with `theme="auto"` in dark mode.
 * @cssprop [--solidarity-dark-color-border=#3b4943] - Borders and skeletons with `theme="auto"` in dark mode.
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
export class SolidarityElement extends WidgetElement {
  static override styles = [base];
  static override properties: PropertyDeclarations = {
    api: {},
    locale: {},
    pageSize: { attribute: 'page-size' },
    headingLevel: { attribute: 'heading-level' },
    __status: { state: true },
  };
  /** @internal property names (besides api, locale, page-size) whose change re-fetches */
  static __refetchKeys: string[] = [];
  /** @internal the widget's own English strings (locales/en-<widget>.ts), in its own chunk */
  static __en: Messages = {};

  /** Base URL of the Solidarity Commons server. */
  declare api?: string | null;
  /** Language of content and interface. */
  declare locale?: string | null;
  /** Items per page (1..50). */
  declare pageSize?: string | null;
  /** Level of item headings (1..6). */
  declare headingLevel?: string | null;
  /** @internal LOADING, READY or FAILED */
  declare __status: Status;
  /** @internal UI strings of the current locale (for English, the shared ones; the widget's own English is its class's). */
  __strings: Messages = en;
  /** @internal the last error */
  declare __error?: unknown;
  /** @internal selector to focus once it is rendered */
  __focusSelector = '';
  private declare __abortController?: AbortController;
  /** @internal loads again (the error box's button; a reconnection cut a load short) */
  declare __reload?: () => void;

  constructor() {
    super();
    this.__status = LOADING;
  }

  /** @internal API base URL, without trailing slash. */
  get __apiBase(): string {
    return (this.api || ORIGIN).replace(/\/+$/, '');
  }
  /**
   * @internal interface locale: the `locale` attribute, else the language of the element as HTML
   * defines it (the `lang` of the nearest ancestor that has one, then `<html lang>`).
   */
  get __uiLocale(): string {
    return uiLocale(this.locale, this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }
  /** @internal the content's locale sent to the API (apiLocale) */
  get __contentLocale(): string {
    return apiLocale(this.locale, this.__uiLocale);
  }
  /** @internal */
  get __itemsPerPage(): number {
    return pageSize(this.pageSize);
  }
  /** @internal */
  get __headingLevel(): number {
    return headingLevel(this.headingLevel);
  }

  /** @internal translate; `english`: the English of the view that shows `k` (default: the widget's own). */
  __translate(k: Key, v?: Vars, english: Messages = (this.constructor as typeof SolidarityElement).__en): string {
    return tr(this.__strings, this.__uiLocale, k, v, english);
  }

  /** @internal a line like "Organised by A, B and C" (`k` has a {list} placeholder, its English in `english` or the widget's); nothing when `xs` is empty. */
  __listLine(k: Key, xs: unknown[], english?: Messages): unknown {
    const v = xs.map((x) => String((x as Ref)?.name ?? x ?? '')).filter(Boolean);
    return v.length ? html`<p class="meta" part="meta">${this.__translate(k, { list: new Intl.ListFormat(this.__uiLocale).format(v) }, english)}</p>` : nothing;
  }

  /** @internal GET `path` with the widget's locale; a 400 (unknown locale) is retried once without it. */
  __fetch<T>(path: string, p: Params, sig: AbortSignal): Promise<T> {
    const api = client(this.__apiBase),
      contentLocale = this.__contentLocale,
      get = (locale?: string) => api.get<T>(endpoint(this.__apiBase, path, { ...p, locale }), sig);
    return api.__refused.has(contentLocale)
      ? get()
      : get(contentLocale).catch((e: unknown) => {
          if (!(e instanceof ApiError) || e.status != 400) throw e;
          if (/locale/i.test(e.message)) api.__refused.add(contentLocale);
          return get();
        });
  }

  /** @internal runs a load (aborting the previous one) and tracks its state; `ok` may throw on a bad answer. */
  __load<T>(f: (sig: AbortSignal) => Promise<T>, ok: (d: T) => unknown): void {
    this.__abortController?.abort();
    const controller = (this.__abortController = new AbortController()),
      uiLocale = this.__uiLocale;
    this.__status = LOADING;
    this.__reload = () => this.__load(f, ok);
    const strings = load(uiLocale);
    Promise.all([f(controller.signal), strings])
      .then(([d, s]) => {
        if (controller.signal.aborted) return;
        this.__strings = s;
        this.__emit('solidarity-load', ok(d));
        this.__status = READY;
      })
      .catch(async (e: unknown) => {
        if (controller.signal.aborted) return;
        this.__strings = await strings;
        this.__error = e;
        this.__status = FAILED;
        this.__emit('solidarity-error', {
          status: e instanceof ApiError ? e.status : -1,
          message: String((e as Error)?.message ?? e),
        });
      });
  }

  /** @internal abort the load in flight */
  __abort(): void {
    this.__abortController?.abort();
  }

  /** @internal (re)loads everything; called when a fetch-relevant attribute changed. */
  __refresh(): void {}

  /** @internal */
  __emit(type: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  override willUpdate(ch: PropertyValues): void {
    const keys = ['api', 'locale', 'pageSize', ...(this.constructor as typeof SolidarityElement).__refetchKeys];
    if (!this.hasUpdated || keys.some((k) => ch.has(k))) this.__refresh();
  }

  override updated(): void {
    const el = this.__focusSelector && this.renderRoot.querySelector<HTMLElement>(this.__focusSelector);
    if (el) {
      el.focus();
      this.__focusSelector = '';
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // reconnected after a load was cut short by a disconnection: load again
    if (this.hasUpdated && this.__status == LOADING) this.__reload?.();
  }

  disconnectedCallback(): void {
    this.__abort();
  }

  override render(): unknown {
    // a boolean bound to an attribute is written as its text: aria-busy="true" or "false"
    return html`<div part="base" class="stack" aria-busy=${this.__status == LOADING}>${this.__view()}</div>`;
  }

  /** @internal the widget's content */
  __view(): unknown {
    return nothing;
  }

  /** @internal the error box (role=alert), with a retry button unless the content does not exist. */
  __errorBox(): TemplateResult {
    const s = this.__error instanceof ApiError ? this.__error.status : -1;
    return html`<div class="error stack" part="error" role="alert">
      <p>${this.__translate(s == 404 ? 'notFound' : s ? 'error' : 'offline')}</p>
      ${s == 404
        ? nothing
        : html`<div><button part="button retry" @click=${() => ((this.__focusSelector = '[data-i="0"],#d,[part~=retry]'), this.__reload?.())}>${this.__translate('retry')}</button></div>`}
    </div>`;
  }

  /** @internal "Available in English" on content in a fallback language. */
  __fallbackNote(x: Doc): unknown {
    return x.localeFallback && x.locale
      ? html`<p class="note" part="note" lang=${this.__uiLocale}>${this.__translate('fallback', { lang: displayName(this.__uiLocale, 'language', x.locale) })}</p>`
      : nothing;
  }
}
