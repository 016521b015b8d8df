import { escapeHtml } from '../feeds/blocks';
import { CALL_BANNER_WORDS, callStatus, statusWords, type CallBannerWords } from '../../../../cms/shared/call-banner-words';

type Json = Record<string, unknown>;

/** The words of a call's banner on a public list page (`/embed/<locale>/practices?call=<slug>`), per locale (cms/shared/call-banner-words.ts, shared with the widget). */
export type CallBannerLabels = CallBannerWords;

const LABELS: Record<string, CallBannerLabels> = CALL_BANNER_WORDS;

/** The banner's words in `locale` (its primary subtag; English otherwise). */
export const callBannerLabels = (locale: string): CallBannerLabels =>
  LABELS[locale.toLowerCase().split(/[-_]/)[0] ?? ''] ?? (LABELS.en as CallBannerLabels);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A deadline in `locale`, in UTC with the zone shown (the page cannot know the reader's zone); '' when not a date. */
const deadline = (v: unknown, locale: string): string => {
  const d = new Date(str(v));
  if (!str(v) || Number.isNaN(d.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(d);
  } catch {
    return d.toISOString();
  }
};

/**
 * The banner of a call on its public list page, as the `<solidarity-practices call>` widget shows
 * it (widgets/src/components/practices/call-banner.ts): title, phase, deadline, priority criteria;
 * while the call takes submissions (its `isOpen`: the open phase and within its dates) the submission
 * form (`<solidarity-submit-practice call>`, behind a disclosure), and no form element at all
 * otherwise (the widgets' loader would load the form's chunk for it); in the open phase outside its
 * dates "not open yet" or "closed, assessment pending" (cms/shared/call-banner-words.ts
 * `callStatus`); in the results phase a heading over the selected practices. `call` is the public
 * API's call (reads/presenters.ts), `now` the instant it was read at (epoch ms); every value is
 * HTML-escaped.
 */
export const callBanner = (call: Json, locale: string, now: number = Date.now()): string => {
  const e = escapeHtml;
  const w = callBannerLabels(locale);
  const phase = callStatus(call, now);
  const when = deadline(call.closesAt, locale);
  const opens = phase === 'upcoming' ? deadline(call.opensAt, locale) : '';
  const criteria = (Array.isArray(call.criteria) ? (call.criteria as unknown[]) : [])
    .map((c) => (typeof c === 'string' ? c : str((c as Json | null)?.label)))
    .filter(Boolean);
  return `<section class="call" aria-label="${e(w.label)}">
<h2>${e(str(call.title))}</h2>
<p class="meta" data-phase="${e(phase)}">${e(w.phase)}: <strong>${e(statusWords(w, phase))}</strong></p>
${opens ? `<p class="meta">${e(w.opens.replace('{date}', opens))}</p>\n` : ''}${when ? `<p class="meta">${e(w.deadline.replace('{date}', when))}</p>\n` : ''}${
    criteria.length ? `<p>${e(w.criteria)}</p>\n<ul>${criteria.map((c) => `<li>${e(c)}</li>`).join('')}</ul>\n` : ''
  }${
    phase === 'open'
      ? `<details><summary>${e(w.submit)}</summary><solidarity-submit-practice call="${e(str(call.slug))}" locale="${e(locale)}"></solidarity-submit-practice></details>\n`
      : ''
  }${phase === 'results' ? `<h2>${e(w.selected)}</h2>\n` : ''}</section>`;
};
