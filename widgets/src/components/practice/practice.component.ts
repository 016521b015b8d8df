import { html } from '../../internal/lit.js';
import type { PropertyDeclarations } from '../../internal/lit.js';
import { ApiError } from '../../internal/api.js';
import { SolidarityElement } from '../../internal/base.js';
import { FAILED, READY } from '../../internal/status.js';
import { skeleton } from '../../internal/html.js';
import { practiceView } from '../../internal/practice-view.js';
import { base } from '../../internal/styles.js';
import type { OneBody, Practice } from '../../internal/types.js';
import styles from './practice.styles.js';

/**
 * One good practice in full: place, dates, promoters, topics, criteria, images, the rich-text body,
 * its systematisation fiche (the public sections: context and need, objectives, who it serves, what
 * was done, resources and budget range, results and figures, what others can replicate, lessons,
 * partners) and links.
 *
 * @summary One practice, in full.
 * @tag solidarity-practice
 *
 * @attr {string} slug - The practice's slug (required).
 *
 * @csspart detail - The practice (article).
 * @csspart summary - Its summary.
 * @csspart meta - Place, dates, promoters, call and licence.
 * @csspart image - Its images.
 * @csspart topics - Its topics.
 * @csspart topic - One topic.
 * @csspart criteria - Its criteria.
 * @csspart links - Its links.
 * @csspart fiche - The practice's systematisation fiche: its public sections (context, objectives, budget, results, figures, partners…) under headings in the widget's language, in a chunk loaded only for a practice that has one.
 * @csspart fiche-section - One section of the fiche (`data-fiche` names its field).
 */
export class SolidarityPractice extends SolidarityElement {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = { slug: {} };
  static override __refetchKeys = ['slug'];

  /** The practice's slug. */
  declare slug?: string | null;
  /** @internal */
  declare __practice?: Practice;

  override __refresh(): void {
    const slug = this.slug;
    this.__load(
      (sig) => (slug ? this.__fetch<OneBody<Practice>>(`/practices/${encodeURIComponent(slug)}`, {}, sig) : Promise.reject(new ApiError(404))),
      (b) => ((this.__practice = b.data), { slug })
    );
  }

  override __view(): unknown {
    return this.__status == FAILED ? this.__errorBox() : this.__status == READY && this.__practice ? practiceView(this, this.__practice, true) : html`<ul class="list">${skeleton(1)}</ul>`;
  }
}
