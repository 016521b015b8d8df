/** One practice in full: shared by <solidarity-practice> and the inline detail of <solidarity-practices>. */
import { html, nothing, type TemplateResult } from 'lit';
import { arr, type SolidarityElement } from './base.js';
import { blocks } from './blocks.js';
import { months } from './format.js';
import { heading, img, tags } from './html.js';
import { displayName, type Key } from './i18n.js';
import { safeUrl } from './query.js';
import type { Practice } from './types.js';

/** Place ("Barcelona, Catalonia, Spain", the country named in the widget's locale) and promoters. */
export const practiceMeta = (h: SolidarityElement, p: Practice): unknown => {
  const w = [p.municipality, p.region, p.country && displayName(h.ui, 'region', p.country)].filter(Boolean).join(', ');
  return html`${w ? html`<p class="meta" part="meta">${w}</p>` : nothing}${h.line('promoters', arr(p.promoters))}`;
};

/**
 * The detail of `p`, title (id "d", focused when the detail opens) at the widget's heading level.
 * `full`: the body is loaded (else placeholders, or the error box when loading failed).
 */
export const practiceView = (h: SolidarityElement, p: Practice, full: boolean): TemplateResult => {
  const b = h.base,
    period = months(p.startedOn, p.endedOn, h.ui),
    links = arr(p.links)
      .map((x) => [safeUrl(x?.url, b), x?.label || x?.url])
      .filter((x) => x[0]),
    src = safeUrl(p.url, b);
  return html`<article class="stack" part="detail" lang=${p.locale || nothing}>
    ${heading(h.hl, p.title, 'd')}${h.note(p)}${practiceMeta(h, p)}
    ${period ? html`<p class="meta" part="meta">${p.endedOn ? period : h.t('since', { date: period })}</p>` : nothing}
    ${p.summary ? html`<p part="summary"><strong>${p.summary}</strong></p>` : nothing}
    ${h.s == 2
      ? h.error()
      : full
        ? blocks(p.body, h.hl, b)
        : html`<div class="sk" part="skeleton" aria-hidden="true"><i></i><i></i><i></i></div>`}
    ${arr(p.images).map((i) => img(i, b))}
    ${tags(arr(p.criteria).map((c) => h.t(c as Key)), 'criteria', h.t('criteria'))}
    ${tags(arr(p.topics).map((o) => o?.name))}
    ${links.length ? html`<ul part="links">${links.map(([u, t]) => html`<li><a href=${u!}>${t}</a></li>`)}</ul>` : nothing}
    <p class="meta" part="meta">
      ${p.call?.title ? h.t('call', { title: p.call.title }) + ' · ' : ''}${p.licence ? h.t('licence', { name: p.licence }) + ' · ' : ''}${src ? html`<a href=${src}>${h.t('source')}</a>` : nothing}
    </p>
  </article>`;
};
