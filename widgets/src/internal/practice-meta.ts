/** The place and promoters line of a practice: in the cards of <solidarity-practices> and in the full view (practice-view.ts). */
import { html, nothing } from './lit.js';
import { arr, type SolidarityElement } from './base.js';
import { displayName } from './i18n.js';
import type { Practice } from './types.js';
import few from '../locales/en-few.js';

/** Place ("Barcelona, Catalonia, Spain", the country named in the widget's locale) and promoters. */
export const practiceMeta = (h: SolidarityElement, p: Practice): unknown => {
  const w = [p.municipality, p.region, p.country && displayName(h.__uiLocale, 'region', p.country)].filter(Boolean).join(', ');
  return html`${w ? html`<p class="meta" part="meta">${w}</p>` : nothing}${h.__listLine('promoters', arr(p.promoters), few)}`;
};
