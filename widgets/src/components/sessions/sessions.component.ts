import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { arr } from '../../internal/base.js';
import { blocks } from '../../internal/blocks.js';
import { when } from '../../internal/format.js';
import { apiLocale, displayName } from '../../internal/i18n.js';
import { ListElement } from '../../internal/list.js';
import { endpoint, safeUrl, webcal, type Params } from '../../internal/query.js';
import { base } from '../../internal/styles.js';
import type { Key } from '../../internal/i18n.js';
import type { Ref, Session } from '../../internal/types.js';
import styles from './sessions.styles.js';

/**
 * The network's online sessions, upcoming or past. Dates and times are shown in each session's own
 * time zone, with the zone's name. Upcoming sessions offer their join and registration links, past
 * ones their recording and minutes. Every session has an "Add to calendar" link (.ics), and the list
 * a "Subscribe to the calendar" link (webcal://) for the same filters.
 *
 * @summary Online sessions, upcoming or past, with calendar links.
 * @tag solidarity-sessions
 *
 * @attr {'upcoming'|'past'} when - Upcoming sessions, soonest first (default), or past ones, latest first.
 * @attr {string} kind - Session kind: webinar, peer-review, seminar, workshop or assembly.
 *
 * @csspart kind - The kind badge of a session.
 * @csspart badge - Badges.
 * @csspart actions - A session's links (join, register, recording, calendar).
 * @csspart join - "Join the session" link.
 * @csspart register - "Register" link.
 * @csspart recording - "Watch the recording" link.
 * @csspart calendar - "Add to calendar" link.
 * @csspart minutes - The minutes (details element).
 * @csspart subscribe - The calendar subscription links below the list (the webcal:// link is also `button`).
 * @csspart download - The plain https link to the list's .ics file.
 */
export class SolidaritySessions extends ListElement<Session> {
  static override styles = [base, styles];
  static override properties: PropertyDeclarations = { when: {}, kind: {} };
  static override keys = [...ListElement.keys, 'when', 'kind'];

  /** "upcoming" (default) or "past". */
  declare when?: string | null;
  /** Session kind. */
  declare kind?: string | null;

  override path = '/sessions';
  override nKey = 'sessions' as const;

  get past(): boolean {
    return this.when == 'past';
  }

  override params(): Params {
    this.eKey = this.past ? 'noPast' : 'noUpcoming';
    return { ...super.params(), when: this.past ? 'past' : 'upcoming', kind: this.kind };
  }

  override item(x: Session, i: number): unknown {
    const ctx = html`<span class="vh">: ${x.title}</span>`,
      a = (u: string | null | undefined, part: string, label: string, cls = 'btn') => {
        const h = safeUrl(u, this.base);
        return h ? html`<a class=${cls} part="button ${part}" href=${h}>${label}${ctx}</a>` : nothing;
      },
      mins = arr(x.minutes);
    return html`<article class="card stack" part="card">
      <p class="row meta" part="meta">
        ${x.kind ? html`<span class="badge" part="badge kind">${this.t(x.kind as Key)}</span>` : nothing}
        <time datetime=${x.startsAt}>${when(x.startsAt, x.endsAt, x.timezone, this.ui)}</time>
      </p>
      ${this.ttl(x, i)} ${this.note(x)}
      ${x.summary ? html`<p part="summary">${x.summary}</p>` : blocks(x.description, this.hl, this.base)}
      ${this.line('languages', arr(x.spokenLanguages).map((c) => displayName(this.ui, 'language', String(c))))}
      ${this.line(
        'speakers',
        arr(x.speakers).map((s) => {
          const d = [s?.role, (s?.organisation as Ref)?.name ?? s?.organisation].filter(Boolean).join(', ');
          return s?.name && (d ? `${s.name} (${d})` : s.name);
        })
      )}
      ${this.line('organisers', arr(x.organisers))}
      ${mins.length
        ? html`<details part="minutes"><summary>${this.t('minutes')}${ctx}</summary>${blocks(mins, this.hl, this.base)}</details>`
        : nothing}
      ${this.topics(x)}
      <p class="row" part="actions">
        ${this.past
          ? a(x.recordingUrl, 'recording', this.t('recording'))
          : html`${a(x.joinUrl, 'join', this.t('join'))} ${a(x.registrationUrl, 'register', this.t('register'))}`}
        ${a(endpoint(this.base, `/sessions/${encodeURIComponent(x.slug)}.ics`), 'calendar', this.t('addCal'), '')}
      </p>
    </article>`;
  }

  override foot(): unknown {
    if (this.s != 1 || !this.items.length) return nothing;
    const u = endpoint(this.base, '/sessions.ics', { ...this.params(), locale: apiLocale(this.locale, this.ui) });
    return html`<p class="row" part="subscribe">
      <a class="btn" part="button subscribe" href=${webcal(u)}>${this.t('subscribe')}</a>
      <a part="download" href=${u} download>${this.t('ics')}</a>
    </p>`;
  }
}
