/** The base class of the list widgets: filters, pagination ("pages" or "more"), states, counts. */
import { html, nothing, type TemplateResult } from './lit.js';
import type { PropertyDeclarations } from './lit.js';
import { ApiError } from './api.js';
import { arr, SolidarityElement } from './base.js';
import { FAILED, LOADING, READY } from './status.js';
import { heading, link, skeleton, tags } from './html.js';
import type { Key } from './i18n.js';
import { fill, safeUrl, type Params } from './query.js';
import type { Doc, ListBody, OneBody, Pagination } from './types.js';

/**
 * @attr {string} q - Full-text search.
 * @attr {string} topic - Topic slug.
 * @attr {string} country - ISO 3166-1 alpha-2 country code (e.g. ES).
 * @attr {string} organisation - Organisation slug.
 * @attr {'pages'|'more'} pagination - "pages": previous/next with "page X of Y" (default); "more": a "Load more" button.
 * @attr {string} href-template - Link each title to your own page, e.g. `/practices/{slug}` (placeholders: any field, such as {slug}, {documentId}, {locale}).
 * @attr {'list'|'grid'} layout - One column (default) or a responsive grid of cards.
 *
 * @csspart list - The list of items (ul).
 * @csspart card - One item.
 * @csspart summary - The summary of an item.
 * @csspart meta - Secondary information of an item (date, place, organisations).
 * @csspart topics - The list of an item's topics.
 * @csspart topic - One topic.
 * @csspart count - The number of results (live region).
 * @csspart empty - The message shown when nothing matches.
 * @csspart pagination - The pagination bar.
 * @csspart prev - The "Previous" button.
 * @csspart next - The "Next" button.
 * @csspart more - The "Load more" button.
 * @csspart end - The end-of-list message.
 */
export class ListElement<T extends Doc> extends SolidarityElement {
  static override properties: PropertyDeclarations = {
    q: {},
    topic: {},
    country: {},
    organisation: {},
    pagination: {},
    hrefTemplate: { attribute: 'href-template' },
    layout: { reflect: true },
  };
  static override __refetchKeys = ['q', 'topic', 'country', 'organisation'];

  /** Full-text search. */
  declare q?: string | null;
  /** Topic slug. */
  declare topic?: string | null;
  /** Country code (ISO 3166-1 alpha-2). */
  declare country?: string | null;
  /** Organisation slug. */
  declare organisation?: string | null;
  /** "pages" (default) or "more". */
  declare pagination?: string | null;
  /** Template of the link of each item, e.g. `/practices/{slug}`. */
  declare hrefTemplate?: string | null;
  /** "list" (default) or "grid". */
  declare layout?: string | null;

  /** @internal */
  __items: T[] = [];
  /** @internal */
  declare __pageInfo?: Pagination;
  /** @internal the one document shown instead of the list: a subclass's `slug` attribute (slug or documentId) */
  declare slug?: string | null;
  /** @internal appending the next page ("Load more") */
  __appending = false;
  /** @internal API path of the list */
  __path = '';
  /** @internal string keys: plural count, empty state (each list's own: set by the subclass) */
  declare __countKey: Key;
  declare __emptyKey: Key;

  /** @internal query parameters besides locale and paging */
  __params(): Params {
    return { q: this.q, topic: this.topic, country: this.country, organisation: this.organisation };
  }

  override __refresh(): void {
    this.__loadPage(1);
  }

  /** @internal loads page `p`; `add`: append to the items shown ("Load more"). */
  __loadPage(p: number, add = false): void {
    const s = this.slug;
    this.__appending = add;
    this.__load(
      (sig) =>
        s
          ? this.__fetch<OneBody<T>>(`${this.__path}/${encodeURIComponent(s)}`, {}, sig).then((b): Partial<ListBody<T>> => ({ data: [b.data] }))
          : this.__fetch<ListBody<T>>(this.__path, { ...this.__params(), page: p, pageSize: this.__itemsPerPage }, sig),
      (b) => {
        if (!Array.isArray(b.data)) throw new ApiError(-1);
        const d = b.data.filter((x) => x && typeof x == 'object'),
          m = b.meta?.pagination;
        this.__items = add ? [...this.__items, ...d] : d;
        this.__pageInfo = { page: p, pageSize: this.__itemsPerPage, pageCount: Number(m?.pageCount) || 1, total: Math.max(Number(m?.total) || 0, this.__items.length) };
        return { total: this.__pageInfo.total };
      }
    );
  }

  /** @internal the item's link: href-template, else the document's public URL. */
  __href(x: T): string | undefined {
    return this.hrefTemplate ? safeUrl(fill(this.hrefTemplate, x), document.baseURI) : safeUrl(x.url, this.__apiBase);
  }

  /** @internal the item's heading; `i` is its index (focus target) */
  __title(x: T, i: number): TemplateResult {
    return heading(this.__headingLevel, link(this.__href(x), x.title), undefined, i);
  }

  /** @internal topics of an item */
  __topicTags(x: Doc): unknown {
    return tags(arr(x.topics).map((o) => o?.name));
  }

  // A subclass's own parts of the view (none by default: lit-html renders undefined as nothing)
  /** @internal one item (inside <li>) */
  __item?(x: T, i: number): unknown;
  /** @internal above the list (filter controls) */
  __head?(): unknown;
  /** @internal below the list (calendar links) */
  __foot?(): unknown;

  override __view(): unknown {
    const { __status: status, __pageInfo: pageInfo, __appending: appending } = this,
      busy = status == LOADING,
      more = this.pagination == 'more',
      left = this.slug ? 1 : pageInfo && appending ? pageInfo.total - this.__items.length : this.__itemsPerPage,
      list = !busy || appending ? this.__items : [];
    return html`${this.__head?.()}
      <p class="count" part="count" role="status">${status == READY && pageInfo?.total && !this.slug ? this.__translate(this.__countKey, { n: pageInfo.total }) : ''}</p>
      ${status == FAILED && !appending
        ? this.__errorBox()
        : status == READY && !list.length
          ? html`<p class="empty" part="empty">${this.__translate(this.__emptyKey)}</p>`
          : html`<ul class="list" part="list">
              ${list.map((x, i) => html`<li lang=${x.locale || nothing}>${this.__item?.(x, i)}</li>`)}
              ${busy ? skeleton(Math.max(1, Math.min(this.__itemsPerPage, left))) : nothing}
            </ul>`}
      ${status == FAILED && appending ? this.__errorBox() : nothing} ${pageInfo?.total && status != FAILED ? this.__pager(pageInfo, more) : nothing}
      ${this.__foot?.()}`;
  }

  /** @internal pagination bar */
  __pager(pageInfo: Pagination, more: boolean): unknown {
    const p = pageInfo.page,
      n = pageInfo.pageCount;
    return more
      ? html`<div class="row bar" part="pagination">
          ${p < n
            ? html`<button part="button more" @click=${() => ((this.__focusSelector = `[data-i="${this.__items.length}"]`), this.__loadPage(p + 1, true))}>${this.__translate('more')}</button>`
            : pageInfo.total > this.__itemsPerPage
              ? html`<p class="end" part="end">${this.__translate('end')}</p>`
              : nothing}
        </div>`
      : n > 1
        ? html`<nav class="row bar" part="pagination" aria-label=${this.__translate('pages')}>
            <button part="button prev" ?disabled=${p < 2} @click=${() => this.__goToPage(p - 1)}>${this.__translate('prev')}</button>
            <span>${this.__translate('page', { page: p, count: n })}</span>
            <button part="button next" ?disabled=${p >= n} @click=${() => this.__goToPage(p + 1)}>${this.__translate('next')}</button>
          </nav>`
        : nothing;
  }

  /** @internal goes to page `p` and focuses its first item */
  __goToPage(p: number): void {
    this.__focusSelector = '[data-i="0"]';
    this.__loadPage(p);
  }
}
