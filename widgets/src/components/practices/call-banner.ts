// The form's chunk, imported on demand below, imports ALTCHA's stylesheet as text (rollup's cssText).
// Its module declaration is a .d.ts, which cannot be imported: referenced for the type checks that
// reach the form through this file (the admin's, whose embed builder imports the practices widget).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../submit-practice/altcha-css.d.ts" />
/**
 * The call banner of <solidarity-practices call="...">, in a chunk of its own (loaded only by lists
 * of one call), with its strings in every UI locale: the call's title, its phase (open, assessment,
 * results; in the open phase outside its dates "not open yet" or "closed", as the server's page
 * says: cms/shared/call-banner-words.ts callStatus), its deadline in the visitor's locale and time
 * zone, its priority criteria; while the call takes submissions (`isOpen`) a button that opens the submission form (<solidarity-submit-practice call="...">,
 * whose chunk loads on that click); after the results a heading saying that the list holds the
 * practices the commission selected. Read from `GET /api/solidarity/calls/<slug>`; the answer is
 * untrusted and rendered defensively (text only, unknown phases shown as open).
 */
import { html, nothing } from '../../internal/lit.js';
import { CALL_BANNER_WORDS, callStatus, statusWords, type CallBannerWords } from '../../../../cms/shared/call-banner-words.js';
import { heading } from '../../internal/html.js';
import { arr } from '../../internal/util.js';
import type { SolidarityPractices } from './practices.component.js';

/** A call for practices as `GET /calls/<slug>` serves it (the fields the banner shows). */
export interface CallInfo {
  slug: string;
  title: string;
  opensAt?: string | null;
  closesAt?: string | null;
  isOpen?: boolean;
  /** `open`, `assessment` or `results`; none or another value is shown as `open` */
  phase?: string;
  criteria?: ({ label?: string; description?: string | null } | string)[];
}

/** A call's phases, in order (the server's CALL_PHASES). */
export const PHASES = ['open', 'assessment', 'results'] as const;

const WORDS: Record<string, CallBannerWords> = CALL_BANNER_WORDS;

/** The words of UI locale `l` (English when it has none). */
export const words = (l: string): CallBannerWords => WORDS[l] ?? CALL_BANNER_WORDS.en;

/** A deadline in locale `l` and the visitor's time zone, the zone shown ("30 June 2030, 23:59 CEST"); '' when not a date. */
export const deadline = (v: string | null | undefined, l: string): string => {
  const d = new Date(String(v));
  return v && !isNaN(+d)
    ? new Intl.DateTimeFormat(l == 'en' ? 'en-GB' : l, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d)
    : '';
};

/** The criteria's labels (a criterion is an object with a label, or a plain string). */
export const criteriaOf = (c: Pick<CallInfo, 'criteria'>): string[] =>
  arr<CallInfo['criteria'] extends (infer T)[] | undefined ? T : never>(c.criteria)
    .map((x) => (typeof x == 'string' ? x : x && typeof x.label == 'string' ? x.label : ''))
    .filter(Boolean);

/** Loads `host.call`'s call into `host.__callInfo` (the previous load is aborted; none when the call is unknown). */
export const load = (host: SolidarityPractices): void => {
  host.__callAbort?.abort();
  const controller = (host.__callAbort = new AbortController());
  host.__callInfo = undefined;
  host.__callForm = false;
  if (!host.call) return;
  host.__fetch<{ data: CallInfo }>(`/calls/${encodeURIComponent(host.call)}`, {}, controller.signal).then(
    (b) => controller.signal.aborted || (host.__callInfo = b && b.data && typeof b.data == 'object' && typeof b.data.title == 'string' ? b.data : undefined),
    () => {} // an unknown or unreachable call: the list shows without its banner
  );
};

/** Opens the submission form for the call (its chunk loads now). */
const openForm = (host: SolidarityPractices): void => {
  host.__callForm = true;
  import('../submit-practice/submit-practice.js');
};

/** The banner of `host`'s call; nothing before it loads. */
export const render = (host: SolidarityPractices): unknown => {
  const c = host.__callInfo;
  if (!c) return nothing;
  const l = host.__uiLocale,
    w = words(l),
    phase = callStatus(c, Date.now()),
    when = deadline(c.closesAt, l),
    criteria = criteriaOf(c),
    // above the cards' headings (host.__headingLevel)
    level = Math.max(host.__headingLevel - 1, 1);
  return html`<section class="stack call" part="call" aria-label=${w.label}>
    ${heading(level, c.title, undefined, undefined, 'call-title')}
    <p part="call-phase" data-phase=${phase}>${w.phase}: <strong>${statusWords(w, phase)}</strong></p>
    ${phase == 'upcoming' && deadline(c.opensAt, l) ? html`<p part="call-opens">${w.opens.replace('{date}', deadline(c.opensAt, l))}</p>` : nothing}
    ${when ? html`<p part="call-deadline">${w.deadline.replace('{date}', when)}</p>` : nothing}
    ${criteria.length
      ? html`<div part="call-criteria"><p>${w.criteria}</p><ul>${criteria.map((x) => html`<li>${x}</li>`)}</ul></div>`
      : nothing}
    ${phase == 'open'
      ? host.__callForm
        ? html`<solidarity-submit-practice part="call-form" call=${c.slug} api=${host.api ?? nothing} locale=${host.locale ?? nothing}></solidarity-submit-practice>`
        : html`<div><button part="button call-submit" @click=${() => openForm(host)}>${w.submit}</button></div>`
      : nothing}
    ${phase == 'results' ? heading(level, w.selected, undefined, undefined, 'call-results') : nothing}
  </section>`;
};
