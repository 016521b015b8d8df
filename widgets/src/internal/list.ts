/** The base class of the list widgets: filters, pagination ("pages" or "more"), states, counts. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ApiError } from './api.js';
import { arr, SolidarityElement } from './base.js';
import { heading, link, skeleton, tags } from './html.js';
import type { Key } from './i18n.js';
import { fill, safeUrl, type Params } from './query.js';
import type { Doc, ListBody, Pagination } from './types.js';

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
  static override keys = ['q', 'topic', 'country', 'organisation'];

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
  items: T[] = [];
  /** @internal */
  pg?: Pagination;
  /** @internal appending the next page ("Load more") */
  app = false;
  /** @internal API path of the list */
  path = '';
  /** @internal string keys: plural count, empty state */
  nKey: Key = 'practices';
  eKey: Key = 'noPractices';

  /** @internal query parameters besides locale and paging */
  params(): Params {
    return { q: this.q, topic: this.topic, country: this.country, organisation: this.organisation };
  }

  override refresh(): void {
    this.go(1);
  }

  /** @internal loads page `p`; `add`: append to the items shown ("Load more"). */
  go(p: number, add = false): void {
    this.app = add;
    this.run(
      (sig) => this.get<ListBody<T>>(this.path, { ...this.params(), page: p, pageSize: this.size }, sig),
      (b) => {
        if (!Array.isArray(b.data)) throw new ApiError(-1);
        const d = b.data.filter((x) => x && typeof x == 'object'),
          m = b.meta?.pagination;
        this.items = add ? [...this.items, ...d] : d;
        this.pg = { page: p, pageSize: this.size, pageCount: Number(m?.pageCount) || 1, total: Math.max(Number(m?.total) || 0, this.items.length) };
        return { total: this.pg.total };
      }
    );
  }

  /** @internal the item's link: href-template, else the document's public URL. */
  href(x: T): string | undefined {
    return this.hrefTemplate ? safeUrl(fill(this.hrefTemplate, x), document.baseURI) : safeUrl(x.url, this.base);
  }

  /** @internal the item's heading; `i` is its index (focus target) */
  ttl(x: T, i: number): TemplateResult {
    return heading(this.hl, link(this.href(x), x.title), undefined, i);
  }

  /** @internal topics of an item */
  topics(x: Doc): unknown {
    return tags(arr(x.topics).map((o) => o?.name));
  }

  /** @internal one item (inside <li>) */
  item(_x: T, _i: number): unknown {
    return nothing;
  }

  /** @internal above the list (filter controls) */
  head(): unknown {
    return nothing;
  }

  /** @internal below the list (calendar links) */
  foot(): unknown {
    return nothing;
  }

  override view(): unknown {
    const { s, pg, app } = this,
      busy = !s,
      more = this.pagination == 'more',
      left = pg && app ? pg.total - this.items.length : this.size,
      list = !busy || app ? this.items : [];
    return html`${this.head()}
      <p class="count" part="count" role="status">${s == 1 && pg?.total ? this.t(this.nKey, { n: pg.total }) : ''}</p>
      ${s == 2 && !app
        ? this.error()
        : s == 1 && !list.length
          ? html`<p class="empty" part="empty">${this.t(this.eKey)}</p>`
          : html`<ul class="list" part="list">
              ${list.map((x, i) => html`<li lang=${x.locale || nothing}>${this.item(x, i)}</li>`)}
              ${busy ? skeleton(Math.max(1, Math.min(this.size, left))) : nothing}
            </ul>`}
      ${s == 2 && app ? this.error() : nothing} ${pg?.total && s != 2 ? this.pager(pg, more) : nothing}
      ${this.foot()}`;
  }

  /** @internal pagination bar */
  pager(pg: Pagination, more: boolean): unknown {
    const p = pg.page,
      n = pg.pageCount;
    return more
      ? html`<div class="row bar" part="pagination">
          ${p < n
            ? html`<button part="button more" @click=${() => ((this.pf = `[data-i="${this.items.length}"]`), this.go(p + 1, true))}>${this.t('more')}</button>`
            : pg.total > this.size
              ? html`<p class="end" part="end">${this.t('end')}</p>`
              : nothing}
        </div>`
      : n > 1
        ? html`<nav class="row bar" part="pagination" aria-label=${this.t('pages')}>
            <button part="button prev" ?disabled=${p < 2} @click=${() => this.to(p - 1)}>${this.t('prev')}</button>
            <span>${this.t('page', { page: p, count: n })}</span>
            <button part="button next" ?disabled=${p >= n} @click=${() => this.to(p + 1)}>${this.t('next')}</button>
          </nav>`
        : nothing;
  }

  /** @internal goes to page `p` and focuses its first item */
  to(p: number): void {
    this.pf = '[data-i="0"]';
    this.go(p);
  }
}
