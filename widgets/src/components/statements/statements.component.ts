import { html, nothing } from '../../internal/lit.js';
import type { PropertyDeclarations } from '../../internal/lit.js';
import { arr } from '../../internal/base.js';
import { blocks } from '../../internal/blocks.js';
import { day } from '../../internal/format-day.js';
import { past } from '../../internal/util.js';
import type { Key } from '../../internal/i18n.js';
import { ListElement } from '../../internal/list.js';
import type { Params } from '../../internal/query.js';
import { base } from '../../internal/styles.js';
import english from '../../locales/en-statements.js';
import few from '../../locales/en-few.js';
import type { Statement } from '../../internal/types.js';
import styles from './statements.styles.js';

/**
 * The network's statements: sector statements, policy reactions, open calls, position papers and
 * press releases, with their issuers. Open calls show their deadline, or "Closed" once it has passed.
 *
 * @summary Statements and open calls, with issuers and deadlines.
 * @tag solidarity-statements
 *
 * @attr {string} kind - sector-statement, policy-reaction, open-call, position-paper or press-release.
 * @attr {string} slug - One statement (its slug or documentId) instead of the list, with its full text; no count or pages (the list's filters are ignored).
 *
 * @csspart badge - Badges (kind, deadline, closed).
 * @csspart kind - The kind badge.
 * @csspart deadline - The deadline badge of an open call.
 * @csspart closed - The "Closed" badge of an open call whose deadline has passed.
 */
export class SolidarityStatements extends ListElement<Statement> {
  static override styles = [base, styles];
  static override __en = english;
  static override properties: PropertyDeclarations = { kind: {}, slug: {} };
  static override __refetchKeys = [...ListElement.__refetchKeys, 'kind', 'slug'];

  /** Statement kind. */
  declare kind?: string | null;

  override __path = '/statements';
  override __countKey = 'statements' as const;
  override __emptyKey = 'noStatements' as const;

  override __params(): Params {
    return { ...super.__params(), kind: this.kind };
  }

  override __item(x: Statement, i: number): unknown {
    const l = this.__uiLocale,
      n = arr(x.signatories).length,
      dl = x.kind == 'open-call' && day(x.deadline, l);
    return html`<article class="card stack" part="card">
      <p class="row meta" part="meta">
        ${x.kind ? html`<span class="badge" part="badge kind">${this.__translate(x.kind as Key)}</span>` : nothing}
        ${dl
          ? past(x.deadline)
            ? html`<span class="badge off" part="badge closed">${this.__translate('closed')}</span>`
            : html`<span class="badge dl" part="badge deadline">${this.__translate('deadline', { date: dl }, few)}</span>`
          : nothing}
        ${x.issuedOn ? html`<time datetime=${x.issuedOn}>${day(x.issuedOn, l)}</time>` : nothing}
      </p>
      ${this.__title(x, i)} ${this.__fallbackNote(x)} ${x.summary ? html`<p part="summary">${x.summary}</p>` : nothing}
      ${blocks(x.body, this.__headingLevel, this.__apiBase)} ${this.__listLine('issuers', arr(x.issuers))}
      ${n ? html`<p class="meta" part="meta">${this.__translate('signatories', { n })}</p>` : nothing} ${this.__topicTags(x)}
    </article>`;
  }
}
