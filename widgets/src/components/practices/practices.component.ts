import { html, nothing, type PropertyValues } from '../../internal/lit.js';
import type { PropertyDeclarations } from '../../internal/lit.js';
import { arr } from '../../internal/base.js';
import { FAILED, READY } from '../../internal/status.js';
import { heading, img } from '../../internal/html.js';
import { ListElement } from '../../internal/list.js';
import { practiceMeta } from '../../internal/practice-meta.js';
import { words, type Params } from '../../internal/query.js';
import type { Practice } from '../../internal/types.js';
import type { Facets } from './controls.js';
import { base } from '../../internal/styles.js';
import styles from './practices.styles.js';

/** Prefix of the page URL fragment's keys naming each list's open practice. */
const KEY = 'solidarity-practice';
/**
 * The widgets' part of the page URL's fragment: `key=slug` pairs joined by `&` (URLSearchParams),
 * one per list with a practice open; empty when the fragment is something else (a page's own anchor).
 */
const hashParams = (): URLSearchParams => {
  const h = location.hash.slice(1),
    p = new URLSearchParams(h.startsWith(KEY) ? h : '');
  for (const k of [...p.keys()]) if (!k.startsWith(KEY)) p.delete(k);
  return p;
};
/** `#` + the fragment's pairs, or the page URL without a fragment when none is left. */
const hashUrl = (p: URLSearchParams): string => (p.size ? '#' + p : location.href.replace(/#.*/, ''));

/**
 * The network's good practices: a list or grid, filters, pagination, and a detail view.
 *
 * Clicking (or pressing Enter on) a title opens the practice inside the widget, with a "Back to the
 * list" button; focus moves to the practice's heading, and back to its title in the list. With
 * `href-template`, titles link to your own pages instead.
 *
 * The open practice is in the page's URL (`#solidarity-practice=<slug>`, a new history entry), so it
 * can be shared and bookmarked: the widget opens it on load, and the browser's Back button returns
 * to the list (Forward opens it again). With several lists on a page, each has its own key in the
 * fragment (`&` between them): `solidarity-practice.<id>` for a list with an `id`, else
 * `solidarity-practice.<n>` after the first (n: its index among the page's lists, from 0); give
 * lists ids when the page adds or removes some, so that links stay right.
 *
 * @summary Good practices, filterable, with inline detail.
 * @tag solidarity-practices
 *
 * @attr {string} call - Call slug: practices submitted to that call. The list then opens with the call's banner: its title, phase, deadline and priority criteria, a button to the submission form while it is open, and after its results a heading saying that these are the practices it selected (its results list only those).
 * @attr {string} criteria - One of crisis-response, inter-cooperation, public-procurement, youth, ecological-transition, feminist-perspective.
 * @attr {string} controls - Filters shown to visitors, comma separated: `topic`, `country`, `organisation`, `call`, `search`. The drop-downs offer every value of the current filter with its number of practices (the API's facets), named in the visitor's language.
 *
 * @fires solidarity-open - A practice was opened inline. `detail`: `{ slug }`.
 * @fires solidarity-close - The inline practice was closed ("Back to the list").
 *
 * @csspart controls - The filter form.
 * @csspart label - A filter's label.
 * @csspart select - The topic, country, organisation and call drop-downs.
 * @csspart input - The search field.
 * @csspart search - The search button.
 * @csspart image - Images of a practice.
 * @csspart detail - The open practice (inline detail).
 * @csspart back - The "Back to the list" button.
 * @csspart criteria - The criteria of a practice.
 * @csspart links - Links of a practice.
 * @csspart fiche - The practice's systematisation fiche: its public sections (context, objectives, budget, results, figures, partners…) under headings in the widget's language, in a chunk loaded only for a practice that has one.
 * @csspart fiche-section - One section of the fiche (`data-fiche` names its field).
 * @csspart open - The button on a title that opens the practice inline.
 * @csspart call - The banner of the call (with `call`).
 * @csspart call-title - The call's title in the banner.
 * @csspart call-phase - The call's phase.
 * @csspart call-deadline - The call's deadline.
 * @csspart call-criteria - The call's priority criteria.
 * @csspart call-submit - The button that opens the submission form (while the call is open).
 * @csspart call-form - The submission form, once opened.
 * @csspart call-results - The heading over the selected practices (after the results).
 */
export class SolidarityPractices extends ListElement<Practice> {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    call: {},
    criteria: {},
    controls: {},
    __openPractice: { state: true },
    __controls: { state: true },
    __facets: { state: true },
    __callInfo: { state: true },
    __callForm: { state: true },
    __detail: { state: true },
  };
  static override __refetchKeys = [...ListElement.__refetchKeys, 'call', 'criteria'];

  /** Call slug. */
  declare call?: string | null;
  /** Criterion. */
  declare criteria?: string | null;
  /** Visitor filters: "topic,country,organisation,call,search". */
  declare controls?: string | null;
  /** @internal the practice open inline */
  declare __openPractice?: Practice;
  /** @internal the filters' chunk (./controls.ts), once loaded */
  declare __controls?: typeof import('./controls.js');
  /** @internal the facets of the current filter: the filters' options */
  declare __facets?: Facets;
  /** @internal the full view of a practice (internal/practice-view.ts, its own chunk), imported when one is first opened */
  declare __detail?: typeof import('../../internal/practice-view.js');
  /** @internal the import of the filters' chunk */
  __controlsImport?: Promise<unknown>;
  /** @internal the call banner's chunk (./call-banner.ts), once loaded */
  declare __banner?: typeof import('./call-banner.js');
  /** @internal the call of `call`, as the banner shows it */
  declare __callInfo?: import('./call-banner.js').CallInfo;
  /** @internal the banner's submission form is open */
  declare __callForm?: boolean;
  /** @internal the call's load in flight */
  __callAbort?: AbortController;
  /** @internal the import of the banner's chunk */
  __bannerImport?: Promise<unknown>;
  /** @internal the facets load in flight */
  __facetsAbort?: AbortController;
  /** @internal the fragment of the history entry this list pushed for its open practice ('' when none: Back pops it) */
  __pushed = '';
  /**
   * @internal this list's key in the page URL's fragment: `solidarity-practice` for the page's first
   * (or only) list, `solidarity-practice.<id>` for a list with an id, else `solidarity-practice.<n>`
   * (its index among the page's lists, from 0), so that several lists keep their own open practice.
   */
  get __hashKey(): string {
    const i = [...document.getElementsByTagName(this.localName)].indexOf(this);
    return this.id ? `${KEY}.${this.id}` : i > 0 ? `${KEY}.${i}` : KEY;
  }
  /** @internal the slug this list's key names in the page URL, '' when none (or with href-template) */
  get __hashSlug(): string {
    return (!this.hrefTemplate && hashParams().get(this.__hashKey)) || '';
  }
  /** @internal follows Back / Forward and edits of the URL's fragment */
  __onNav = (): void => {
    const s = this.__hashSlug;
    if (s && s != this.__openPractice?.slug) this.__show({ slug: s } as Practice, false);
    else if (!s && this.__openPractice) this.__back(false);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.__onNav);
    addEventListener('hashchange', this.__onNav);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.__onNav);
    removeEventListener('hashchange', this.__onNav);
  }

  /** The first load opens the practice named in the page URL (a shared or bookmarked link), if any. */
  override __refresh(): void {
    const s = !this.hasUpdated && this.__hashSlug;
    if (s) this.__show({ slug: s } as Practice, false, false);
    else super.__refresh();
  }

  override __path = '/practices';

  override __params(): Params {
    return { ...super.__params(), call: this.call, criteria: this.criteria };
  }

  override willUpdate(ch: PropertyValues): void {
    const filter = (this.constructor as typeof SolidarityPractices).__refetchKeys.some((k) => ch.has(k)) || ch.has('locale') || ch.has('api');
    if (filter) this.__openPractice = undefined;
    // the call banner (and its strings) loads only on lists of one call
    if (this.call) {
      if (!this.__banner) this.__bannerImport ??= import('./call-banner.js').then((m) => ((this.__banner = m), m.load(this)));
      else if (ch.has('call') || ch.has('locale') || ch.has('api')) this.__banner.load(this);
    } else if (this.__callInfo) this.__callInfo = undefined;
    // the filters (and their strings) load only where there are filters
    if (words(this.controls).length) {
      if (!this.__controls) this.__controlsImport ??= import('./controls.js').then((m) => ((this.__controls = m), m.load(this)));
      else if (filter || ch.has('controls')) this.__controls.load(this);
    }
    super.willUpdate(ch);
  }

  /**
   * Opens `p` inline and loads its full text; `nav`: a visitor's click, which adds the practice to
   * the page URL (a history entry); `focus`: move focus to its heading (not on the page's first load).
   */
  private __show(p: Practice, nav = true, focus = true): void {
    this.__openPractice = p;
    if (focus) this.__focusSelector = '#d';
    if (nav) {
      const h = hashParams();
      h.set(this.__hashKey, p.slug);
      history.pushState(history.state, '', hashUrl(h));
      this.__pushed = location.hash;
    }
    this.__emit('solidarity-open', { slug: p.slug });
    // the practice and the code that shows it (imported once) in parallel: READY once both are here
    this.__load(
      (sig) =>
        Promise.all([
          this.__fetch<{ data: Practice }>(`/practices/${encodeURIComponent(p.slug)}`, {}, sig),
          import('../../internal/practice-view.js').then((m) => (this.__detail = m)),
        ]).then(([b]) => b),
      (b) => ((this.__openPractice = b.data), { slug: p.slug })
    );
  }

  /** Back to the list; `nav`: the visitor's button (the URL loses the practice: Back, or replaced when the page was opened on it). */
  private __back(nav = true): void {
    const p = this.__openPractice;
    this.__abort();
    this.__openPractice = undefined;
    // opened from the URL at load: the list was never loaded
    if (this.__pageInfo) this.__status = READY;
    else super.__refresh();
    if (nav && this.__hashSlug) {
      const h = hashParams();
      h.delete(this.__hashKey);
      // Back only when the page is still on the entry this list pushed (another list may have pushed one since)
      if (this.__pushed == location.hash) history.back();
      else history.replaceState(history.state, '', hashUrl(h));
    }
    this.__pushed = '';
    this.__focusSelector = `[data-s="${CSS.escape(p?.slug ?? '')}"]`;
    this.__emit('solidarity-close');
  }

  override __title(x: Practice, i: number) {
    return this.hrefTemplate
      ? super.__title(x, i)
      : heading(this.__headingLevel, html`<button class="link" part="open" data-s=${x.slug} @click=${() => this.__show(x)}>${x.title}</button>`, undefined, i);
  }

  override __item(x: Practice, i: number): unknown {
    return html`<article class="card stack" part="card">
      ${img(arr(x.images)[0], this.__apiBase)}
      ${this.__title(x, i)} ${this.__fallbackNote(x)} ${practiceMeta(this, x)}
      ${x.summary ? html`<p part="summary">${x.summary}</p>` : nothing} ${this.__topicTags(x)}
    </article>`;
  }

  override __head(): unknown {
    const c = words(this.controls);
    if (this.__openPractice) return nothing;
    return [this.call && this.__banner ? this.__banner.render(this) : nothing, c.length && this.__controls ? this.__controls.render(this, c) : nothing];
  }

  override __view(): unknown {
    const p = this.__openPractice;
    return p
      ? html`<div class="stack" @keydown=${(e: KeyboardEvent) => e.key == 'Escape' && this.__back()}>
          <div><button part="button back" @click=${() => this.__back()}>← ${this.__translate('back')}</button></div>
          ${this.__detail
            ? this.__detail.practiceView(this, p, this.__status == READY)
            : this.__status == FAILED
              ? this.__errorBox()
              : html`<div class="sk" part="skeleton" aria-hidden="true"><i></i><i></i><i></i></div>`}
        </div>`
      : super.__view();
  }
}
