import { html, nothing, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { arr } from '../../internal/base.js';
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
    open: { state: true },
    tops: { state: true },
  };
  static override keys = [...ListElement.keys, 'call', 'criteria'];

  /** Call slug. */
  declare call?: string | null;
  /** Criterion. */
  declare criteria?: string | null;
  /** Visitor filters: "topic,country,search". */
  declare controls?: string | null;
  /** @internal the practice open inline */
  declare open?: Practice;
  /** @internal topics for the filter */
  declare tops?: Topic[];
  private tac?: AbortController;
  /** Countries seen in the results so far (the country filter's options). */
  private seen = new Set<string>();

  override path = '/practices';

  override params(): Params {
    return { ...super.params(), call: this.call, criteria: this.criteria };
  }

  override willUpdate(ch: PropertyValues): void {
    if (!this.hasUpdated || ch.has('controls') || ch.has('locale') || ch.has('api')) this.loadTopics();
    if ((this.constructor as typeof SolidarityPractices).keys.some((k) => ch.has(k)) || ch.has('locale') || ch.has('api'))
      this.open = undefined;
    super.willUpdate(ch);
  }

  private loadTopics(): void {
    this.tac?.abort();
    if (!words(this.controls).includes('topic')) return;
    const ac = (this.tac = new AbortController());
    this.get<ListBody<Topic>>('/topics', { pageSize: 50 }, ac.signal).then(
      (b) => ac.signal.aborted || (this.tops = arr(b.data)),
      () => {} // the filter then offers "All topics" only
    );
  }

  /** Opens `p` inline and loads its full text. */
  private show(p: Practice): void {
    this.open = p;
    this.pf = '#d';
    this.emit('solidarity-open', { slug: p.slug });
    this.run(
      (sig) => this.get<{ data: Practice }>(`/practices/${encodeURIComponent(p.slug)}`, {}, sig),
      (b) => ((this.open = b.data), { slug: p.slug })
    );
  }

  private back(): void {
    const p = this.open;
    this.stop();
    this.open = undefined;
    this.s = 1;
    this.pf = `[data-s="${CSS.escape(p?.slug ?? '')}"]`;
    this.emit('solidarity-close');
  }

  override ttl(x: Practice, i: number) {
    return this.hrefTemplate
      ? super.ttl(x, i)
      : heading(this.hl, html`<button class="link" part="open" data-s=${x.slug} @click=${() => this.show(x)}>${x.title}</button>`, undefined, i);
  }

  override item(x: Practice, i: number): unknown {
    return html`<article class="card stack" part="card">
      ${img(arr(x.images)[0], this.base)}
      ${this.ttl(x, i)} ${this.note(x)} ${practiceMeta(this, x)}
      ${x.summary ? html`<p part="summary">${x.summary}</p>` : nothing} ${this.topics(x)}
    </article>`;
  }

  override head(): unknown {
    const c = words(this.controls);
    if (!c.length || this.open) return nothing;
    for (const x of [this.country, ...this.items.map((x) => x.country)]) if (/^[a-z]{2}$/i.test(x || '')) this.seen.add(x!.toUpperCase());
    const l = this.ui,
      cs = [...this.seen]
        .map((k) => [k, displayName(l, 'region', k)])
        .sort((a, b) => a[1].localeCompare(b[1], l)),
      set = (k: 'topic' | 'country') => (e: Event) => (this[k] = (e.target as HTMLSelectElement).value || null);
    return html`<form class="row controls" part="controls" role="search" aria-label=${this.t('filters')}
      @submit=${(e: Event) => (e.preventDefault(), (this.q = (e.target as HTMLFormElement).q.value.trim() || null))}>
      ${c.includes('topic')
        ? html`<label part="label">${this.t('topic')}
            <select part="select" @change=${set('topic')}>
              <option value="">${this.t('allTopics')}</option>
              ${arr(this.tops).map((o) => html`<option value=${o.slug} ?selected=${o.slug == this.topic}>${o.name}</option>`)}
            </select></label>`
        : nothing}
      ${c.includes('country')
        ? html`<label part="label">${this.t('country')}
            <select part="select" @change=${set('country')}>
              <option value="">${this.t('allCountries')}</option>
              ${cs.map(([k, n]) => html`<option value=${k} ?selected=${k == this.country?.toUpperCase()}>${n}</option>`)}
            </select></label>`
        : nothing}
      ${c.includes('search')
        ? html`<span class="row"><label part="label">${this.t('search')} <input part="input" type="search" name="q" .value=${this.q ?? ''} /></label>
            <button part="button search">${this.t('search')}</button></span>`
        : nothing}
    </form>`;
  }

  override view(): unknown {
    const p = this.open;
    return p
      ? html`<div class="stack" @keydown=${(e: KeyboardEvent) => e.key == 'Escape' && this.back()}>
          <div><button part="button back" @click=${this.back}>← ${this.t('back')}</button></div>
          ${practiceView(this, p, this.s == 1)}
        </div>`
      : super.view();
  }
}
