import { html, nothing, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { arr } from '../../internal/base.js';
import { READY } from '../../internal/status.js';
import { heading, img } from '../../internal/html.js';
import { displayName } from '../../internal/i18n.js';
import { ListElement } from '../../internal/list.js';
import { practiceMeta, practiceView } from '../../internal/practice-view.js';
import { words, type Params } from '../../internal/query.js';
import type { ListBody, Practice, Topic } from '../../internal/types.js';
import { base } from '../../internal/styles.js';
import styles from './practices.styles.js';

/**
 * The network's good practices: a list or grid, filters, pagination, and a detail view.
 *
 * Clicking (or pressing Enter on) a title opens the practice inside the widget, with a "Back to the
 * list" button; focus moves to the practice's heading, and back to its title in the list. With
 * `href-template`, titles link to your own pages instead.
 *
 * @summary Good practices, filterable, with inline detail.
 * @tag solidarity-practices
 *
 * @attr {string} call - Call slug: practices submitted to that call.
 * @attr {string} criteria - One of crisis-response, inter-cooperation, public-procurement, youth, ecological-transition, feminist-perspective.
 * @attr {string} controls - Filters shown to visitors, comma separated: `topic`, `country`, `search`.
 *
 * @fires solidarity-open - A practice was opened inline. `detail`: `{ slug }`.
 * @fires solidarity-close - The inline practice was closed ("Back to the list").
 *
 * @csspart controls - The filter form.
 * @csspart label - A filter's label.
 * @csspart select - The topic and country drop-downs.
 * @csspart input - The search field.
 * @csspart search - The search button.
 * @csspart image - Images of a practice.
 * @csspart detail - The open practice (inline detail).
 * @csspart back - The "Back to the list" button.
 * @csspart criteria - The criteria of a practice.
 * @csspart links - Links of a practice.
 * @csspart open - The button on a title that opens the practice inline.
 */
export class SolidarityPractices extends ListElement<Practice> {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = {
    call: {},
    criteria: {},
    controls: {},
    __openPractice: { state: true },
    __topics: { state: true },
  };
  static override __refetchKeys = [...ListElement.__refetchKeys, 'call', 'criteria'];

  /** Call slug. */
  declare call?: string | null;
  /** Criterion. */
  declare criteria?: string | null;
  /** Visitor filters: "topic,country,search". */
  declare controls?: string | null;
  /** @internal the practice open inline */
  declare __openPractice?: Practice;
  /** @internal topics for the filter */
  declare __topics?: Topic[];
  private __topicsAbortController?: AbortController;
  /** Countries seen in the results so far (the country filter's options). */
  private __seenCountries = new Set<string>();

  override __path = '/practices';

  override __params(): Params {
    return { ...super.__params(), call: this.call, criteria: this.criteria };
  }

  override willUpdate(ch: PropertyValues): void {
    if (!this.hasUpdated || ch.has('controls') || ch.has('locale') || ch.has('api')) this.__loadTopics();
    if ((this.constructor as typeof SolidarityPractices).__refetchKeys.some((k) => ch.has(k)) || ch.has('locale') || ch.has('api'))
      this.__openPractice = undefined;
    super.willUpdate(ch);
  }

  private __loadTopics(): void {
    this.__topicsAbortController?.abort();
    if (!words(this.controls).includes('topic')) return;
    const ac = (this.__topicsAbortController = new AbortController());
    this.__fetch<ListBody<Topic>>('/topics', { pageSize: 50 }, ac.signal).then(
      (b) => ac.signal.aborted || (this.__topics = arr(b.data)),
      () => {} // the filter then offers "All topics" only
    );
  }

  /** Opens `p` inline and loads its full text. */
  private __show(p: Practice): void {
    this.__openPractice = p;
    this.__focusSelector = '#d';
    this.__emit('solidarity-open', { slug: p.slug });
    this.__load(
      (sig) => this.__fetch<{ data: Practice }>(`/practices/${encodeURIComponent(p.slug)}`, {}, sig),
      (b) => ((this.__openPractice = b.data), { slug: p.slug })
    );
  }

  private __back(): void {
    const p = this.__openPractice;
    this.__abort();
    this.__openPractice = undefined;
    this.__status = READY;
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
    if (!c.length || this.__openPractice) return nothing;
    for (const x of [this.country, ...this.__items.map((x) => x.country)]) if (/^[a-z]{2}$/i.test(x || '')) this.__seenCountries.add(x!.toUpperCase());
    const l = this.__uiLocale,
      cs = [...this.__seenCountries]
        .map((k) => [k, displayName(l, 'region', k)])
        .sort((a, b) => a[1].localeCompare(b[1], l)),
      set = (k: 'topic' | 'country') => (e: Event) => (this[k] = (e.target as HTMLSelectElement).value || null);
    return html`<form class="row controls" part="controls" role="search" aria-label=${this.__translate('filters')}
      @submit=${(e: Event) => (e.preventDefault(), (this.q = (e.target as HTMLFormElement).q.value.trim() || null))}>
      ${c.includes('topic')
        ? html`<label part="label">${this.__translate('topic')}
            <select part="select" @change=${set('topic')}>
              <option value="">${this.__translate('allTopics')}</option>
              ${arr(this.__topics).map((o) => html`<option value=${o.slug} ?selected=${o.slug == this.topic}>${o.name}</option>`)}
            </select></label>`
        : nothing}
      ${c.includes('country')
        ? html`<label part="label">${this.__translate('country')}
            <select part="select" @change=${set('country')}>
              <option value="">${this.__translate('allCountries')}</option>
              ${cs.map(([k, n]) => html`<option value=${k} ?selected=${k == this.country?.toUpperCase()}>${n}</option>`)}
            </select></label>`
        : nothing}
      ${c.includes('search')
        ? html`<span class="row"><label part="label">${this.__translate('search')} <input part="input" type="search" name="q" .value=${this.q ?? ''} /></label>
            <button part="button search">${this.__translate('search')}</button></span>`
        : nothing}
    </form>`;
  }

  override __view(): unknown {
    const p = this.__openPractice;
    return p
      ? html`<div class="stack" @keydown=${(e: KeyboardEvent) => e.key == 'Escape' && this.__back()}>
          <div><button part="button back" @click=${this.__back}>← ${this.__translate('back')}</button></div>
          ${practiceView(this, p, this.__status == READY)}
        </div>`
      : super.__view();
  }
}
