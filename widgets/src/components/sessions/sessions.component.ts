import { html, nothing } from '../../internal/lit.js';
import type { PropertyDeclarations } from '../../internal/lit.js';
import { arr } from '../../internal/base.js';
import { READY } from '../../internal/status.js';
import { blocks } from '../../internal/blocks.js';
import { past } from '../../internal/util.js';
import { when, whenLocal } from '../../internal/format-when.js';
import { displayName } from '../../internal/i18n.js';
import { ListElement } from '../../internal/list.js';
import { endpoint, safeUrl, webcal, type Params } from '../../internal/query.js';
import { base } from '../../internal/styles.js';
import english from '../../locales/en-sessions.js';
import type { Key } from '../../internal/i18n.js';
import type { Ref, Session } from '../../internal/types.js';
import styles from './sessions.styles.js';

/**
 * The network's online sessions, upcoming or past. Dates and times are shown in each session's own
 * time zone, with the zone's name, and also in the visitor's (the browser's) when its clock reads
 * otherwise. Upcoming sessions offer their join and registration links, past
 * ones their recording and minutes. Every session has an "Add to calendar" link (.ics), and the list
 * a "Subscribe to the calendar" link (webcal://) for the same filters.
 *
 * @summary Online sessions, upcoming or past, with calendar links.
 * @tag solidarity-sessions
 *
 * @attr {'upcoming'|'past'} when - Upcoming sessions, soonest first (default), or past ones, latest first.
 * @attr {string} kind - Session kind: webinar, peer-review, seminar, workshop or assembly.
 * @attr {string} slug - One session (its slug or documentId) instead of the list, in full: its summary and description, the recording once it has ended, else the join and registration links; no count, pages or subscription (the list's filters are ignored).
 *
 * @csspart kind - The kind badge of a session.
 * @csspart badge - Badges.
 * @csspart actions - A session's links (join, register, recording, calendar).
 * @csspart join - "Join the session" link.
 * @csspart register - "Register" link (not shown for a cancelled session).
 * @csspart status - Badge of a moved or cancelled session (also `cancelled` or `moved`).
 * @csspart status-reason - Why it was moved or cancelled.
 * @csspart recording - "Watch the recording" link.
 * @csspart calendar - "Add to calendar" link (the .ics in the widget's locale).
 * @csspart local-time - The session's time in the visitor's time zone, when it differs (also `meta`).
 * @csspart minutes - The minutes (details element).
 * @csspart subscribe - The calendar subscription links below the list (the webcal:// link is also `button`).
 * @csspart download - The plain https link to the list's .ics file.
 */
export class SolidaritySessions extends ListElement<Session> {
  static override styles = [base, styles];
  static override __en = english;
  static override properties: PropertyDeclarations = { when: {}, kind: {}, slug: {} };
  static override __refetchKeys = [...ListElement.__refetchKeys, 'when', 'kind', 'slug'];

  /** "upcoming" (default) or "past". */
  declare when?: string | null;
  /** Session kind. */
  declare kind?: string | null;

  override __path = '/sessions';
  override __countKey = 'sessions' as const;

  get __past(): boolean {
    return this.when == 'past';
  }

  override __params(): Params {
    this.__emptyKey = this.__past ? 'noPast' : 'noUpcoming';
    return { ...super.__params(), when: this.__past ? 'past' : 'upcoming', kind: this.kind };
  }

  override __item(x: Session, i: number): unknown {
    const ctx = html`<span class="vh">: ${x.title}</span>`,
      a = (u: string | null | undefined, part: string, label: string, cls = 'btn') => {
        const h = safeUrl(u, this.__apiBase);
        return h ? html`<a class=${cls} part=${`button ${part}`} href=${h}>${label}${ctx}</a>` : nothing;
      },
      mins = arr(x.minutes),
      st = x.scheduleStatus == 'cancelled' || x.scheduleStatus == 'moved' ? x.scheduleStatus : null,
      local = whenLocal(x.startsAt, x.endsAt, x.timezone, this.__uiLocale),
      one = this.slug;
    return html`<article class="card stack" part="card">
      <p class="row meta" part="meta">
        ${x.kind ? html`<span class="badge" part="badge kind">${this.__translate(x.kind as Key)}</span>` : nothing}
        ${st ? html`<strong class="badge" part=${`badge status ${st}`}>${this.__translate(st)}</strong>` : nothing}
        <time datetime=${x.startsAt}>${when(x.startsAt, x.endsAt, x.timezone, this.__uiLocale)}</time>
      </p>
      ${st && x.statusReason ? html`<p part="status-reason">${x.statusReason}</p>` : nothing}
      ${local ? html`<p class="meta" part="meta local-time">${this.__translate('localTime', { time: local })}</p>` : nothing}
      ${this.__title(x, i)} ${this.__fallbackNote(x)}
      ${x.summary ? html`<p part="summary">${x.summary}</p>` : nothing} ${one || !x.summary ? blocks(x.description, this.__headingLevel, this.__apiBase) : nothing}
      ${this.__listLine('languages', arr(x.spokenLanguages).map((c) => displayName(this.__uiLocale, 'language', String(c))))}
      ${this.__listLine(
        'speakers',
        arr(x.speakers).map((s) => {
          const d = [s?.role, (s?.organisation as Ref)?.name ?? s?.organisation].filter(Boolean).join(', ');
          return s?.name && (d ? `${s.name} (${d})` : s.name);
        })
      )}
      ${this.__listLine('organisers', arr(x.organisers))}
      ${mins.length
        ? html`<details part="minutes"><summary>${this.__translate('minutes')}${ctx}</summary>${blocks(mins, this.__headingLevel, this.__apiBase)}</details>`
        : nothing}
      ${this.__topicTags(x)}
      <p class="row" part="actions">
        ${(one ? past(x.endsAt || x.startsAt) : this.__past)
          ? a(x.recordingUrl, 'recording', this.__translate('recording'))
          : st == 'cancelled'
            ? nothing
            : html`${a(x.joinUrl, 'join', this.__translate('join'))} ${a(x.registrationUrl, 'register', this.__translate('register'))}`}
        ${a(endpoint(this.__apiBase, `/sessions/${encodeURIComponent(x.slug)}.ics`, { locale: this.__contentLocale }), 'calendar', this.__translate('addCal'), '')}
      </p>
    </article>`;
  }

  override __foot(): unknown {
    if (this.__status != READY || !this.__items.length || this.slug) return nothing;
    const u = endpoint(this.__apiBase, '/sessions.ics', { ...this.__params(), locale: this.__contentLocale });
    return html`<p class="row" part="subscribe">
      <a class="btn" part="button subscribe" href=${webcal(u)}>${this.__translate('subscribe')}</a>
      <a part="download" href=${u} download>${this.__translate('ics')}</a>
    </p>`;
  }
}
