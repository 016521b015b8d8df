/**
 * One practice in full: shared by <solidarity-practice> and the inline detail of <solidarity-practices>
 * (which imports this module only when a practice is opened: it is not needed for the list), in
 * <solidarity-practice>'s chunk (components/practice/practice.ts re-exports it for the list). Its
 * systematisation fiche comes in a chunk of its own (practice-fiche.ts), imported the first time a
 * practice has fiche fields.
 */
import { html, nothing, type TemplateResult } from './lit.js';
import { arr, type SolidarityElement } from './base.js';
import { FAILED } from './status.js';
import { hasFiche } from './fiche-keys.js';
import { blocks } from './blocks.js';
import { months } from './format-months.js';
import { heading, img, tags } from './html.js';
import type { Key } from './i18n.js';
import { practiceMeta } from './practice-meta.js';
import { safeUrl } from './query.js';
import type { Practice } from './types.js';
import english from '../locales/en-practice.js';

export { practiceMeta };

/** The fiche's chunk (./practice-fiche.ts), once loaded. */
let fiche: typeof import('./practice-fiche.js') | undefined;

/**
 * The fiche of `p`: its sections once the chunk is here, else nothing; imports the chunk when `p` has
 * fiche fields, then `h` renders again (the browser imports a module once; a failed import leaves the
 * fiche out, and the next view tries again).
 */
const ficheView = (h: SolidarityElement, p: Practice): unknown => {
  if (fiche) return fiche.render(h, p);
  if (hasFiche(p))
    import('./practice-fiche.js').then(
      (m) => ((fiche = m), h.requestUpdate()),
      () => {}
    );
  return nothing;
};

/**
 * The detail of `p`, title (id "d", focused when the detail opens) at the widget's heading level.
 * `full`: the body is loaded (else placeholders, or the error box when loading failed).
 */
export const practiceView = (h: SolidarityElement, p: Practice, full: boolean): TemplateResult => {
  const b = h.__apiBase,
    period = months(p.startedOn, p.endedOn, h.__uiLocale),
    links = arr(p.links)
      .map((x) => [safeUrl(x?.url, b), x?.label || x?.url])
      .filter((x) => x[0]),
    src = safeUrl(p.url, b);
  return html`<article class="stack" part="detail" lang=${p.locale || nothing}>
    ${heading(h.__headingLevel, p.title, 'd')}${h.__fallbackNote(p)}${practiceMeta(h, p)}
    ${period ? html`<p class="meta" part="meta">${p.endedOn ? period : h.__translate('since', { date: period }, english)}</p>` : nothing}
    ${p.summary ? html`<p part="summary"><strong>${p.summary}</strong></p>` : nothing}
    ${h.__status == FAILED
      ? h.__errorBox()
      : full
        ? [blocks(p.body, h.__headingLevel, b), ficheView(h, p)]
        : html`<div class="sk" part="skeleton" aria-hidden="true"><i></i><i></i><i></i></div>`}
    ${arr(p.images).map((i) => img(i, b))}
    ${tags(arr(p.criteria).map((c) => h.__translate(c as Key, {}, english)), 'criteria', h.__translate('criteria', {}, english))}
    ${tags(arr(p.topics).map((o) => o?.name))}
    ${links.length ? html`<ul part="links">${links.map(([u, t]) => html`<li><a href=${u!}>${t}</a></li>`)}</ul>` : nothing}
    <p class="meta" part="meta">
      ${p.call?.title ? h.__translate('call', { title: p.call.title }, english) + ' · ' : ''}${p.licence ? h.__translate('licence', { name: p.licence }, english) + ' · ' : ''}${src ? html`<a href=${src}>${h.__translate('source', {}, english)}</a>` : nothing}
    </p>
  </article>`;
};
