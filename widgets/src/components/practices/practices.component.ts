import { html, nothing, type PropertyValues } from '../../internal/lit.js';
import type { PropertyDeclarations } from '../../internal/lit.js';
import { arr } from '../../internal/base.js';
import { FAILED, LOADING } from '../../internal/status.js';
import { heading, img } from '../../internal/html.js';
import { ListElement } from '../../internal/list.js';
import { practiceMeta } from '../../internal/practice-meta.js';
import type { Params } from '../../internal/query.js';
import { words } from '../../internal/words.js';
import type { Practice } from '../../internal/types.js';
import type { Facets } from './controls.js';
import { base } from '../../internal/styles.js';
import english from '../../locales/en-practices.js';
import styles from './practices.styles.js';

/** Prefix of the page URL fragment's keys naming each list's open practice (./open.ts's KEY, which the list checks for before importing that chunk). */
const KEY = 'solidarity-practice';

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
 * @csspart call-opens - When a call not open yet opens for submissions.
 * @csspart call-deadline - The call's deadline.
 * @csspart call-criteria - The call's priority criteria.
 * @csspart call-submit - The button that opens the submission form (while the call is open).
 * @csspart call-form - The submission form, once opened.
 * @csspart call-results - The heading over the selected practices (after the results).
 */
export class SolidarityPractices extends ListElement<Practice> {
  static override styles = [base, styles];
  static override __en = english;
  static override properties: PropertyDeclarations = {
    call: {},
    criteria: {},
    controls: {},
    __openPractice: { state: true },
    __controls: { state: true },
    __facets: { state: true },
    __callInfo: { state: true },
    __callForm: { state: true },
    __nav: { state: true },
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
  /** @internal an open practice's chunk (./open.ts), once loaded */
  declare __nav?: typeof import('./open.js');
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
  /** @internal follows Back / Forward and edits of the URL's fragment (once it names a practice, or one is open) */
  __onNav = (): void => {
    if (location.hash.includes(KEY) || this.__openPractice) this.__withNav((m) => m.onNav(this));
  };

  /**
   * @internal runs `f` with the open practice's chunk (./open.ts), importing it the first time
   * (placeholders meanwhile; the error box, whose button tries again, if the import fails).
   */
  __withNav(f: (m: typeof import('./open.js')) => void): void {
    if (this.__nav) return f(this.__nav);
    this.__status = LOADING;
    this.__reload = () => this.__withNav(f);
    // a practice's full view (in <solidarity-practice>'s chunk) at once, beside the chunk that imports it: no waterfall
    import('../practice/practice.js').catch(() => {});
    import('./open.js').then(
      (m) => f((this.__nav = m)),
      (e: unknown) => ((this.__error = e), (this.__status = FAILED))
    );
  }

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
    if (!this.hasUpdated && !this.hrefTemplate && location.hash.includes(KEY)) this.__withNav((m) => m.start(this));
    else super.__refresh();
  }

  override __path = '/practices';
  override __countKey = 'practices' as const;
  override __emptyKey = 'noPractices' as const;

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

  override __title(x: Practice, i: number) {
    return this.hrefTemplate
      ? super.__title(x, i)
      : heading(this.__headingLevel, html`<button class="link" part="open" data-s=${x.slug} @click=${() => ((this.__openPractice = x), this.__withNav((m) => m.show(this, x)))}>${x.title}</button>`, undefined, i);
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
      ? this.__nav
        ? this.__nav.view(this, p)
        : this.__status == FAILED
          ? this.__errorBox()
          : html`<div class="sk" part="skeleton" aria-hidden="true"><i></i><i></i><i></i></div>`
      : super.__view();
  }
}
