/**
 * An open practice in <solidarity-practices>, in a chunk of its own: imported when a visitor opens a
 * practice, or when the page URL's fragment names one (a shared or bookmarked link, Back / Forward).
 * Opening and closing, the "Back to the list" view, and the page URL: the open practice is in the
 * fragment (`#solidarity-practice=<slug>`, a new history entry), one key per list (see the element's
 * docs). It imports a practice's full view (internal/practice-view.ts) from <solidarity-practice>'s chunk,
 * where it lives (see ../practice/practice.ts).
 */
import { html } from '../../internal/lit.js';
import { ListElement } from '../../internal/list.js';
import { practiceView } from '../practice/practice.js';
import { READY } from '../../internal/status.js';
import type { Practice } from '../../internal/types.js';
import type { SolidarityPractices } from './practices.component.js';

/** Prefix of the page URL fragment's keys naming each list's open practice (the list checks for it before importing this chunk). */
export const KEY = 'solidarity-practice';

/**
 * The widgets' part of the page URL's fragment: `key=slug` pairs joined by `&` (URLSearchParams),
 * one per list with a practice open; empty when the fragment is something else (a page's own anchor).
 */
const hashParams = (): URLSearchParams => {
  const h = location.hash.slice(1),
    p = new URLSearchParams(h.startsWith(KEY) ? h : '');
  for (const k of [...p.keys()]) if (!k.startsWith(KEY)) p.delete(k);
  return p;
};
/** `#` + the fragment's pairs, or the page URL without a fragment when none is left. */
const hashUrl = (p: URLSearchParams): string => (p.size ? '#' + p : location.href.replace(/#.*/, ''));

/**
 * The list's key in the page URL's fragment: `solidarity-practice` for the page's first (or only)
 * list, `solidarity-practice.<id>` for a list with an id, else `solidarity-practice.<n>` (its index
 * among the page's lists, from 0), so that several lists keep their own open practice.
 */
const hashKey = (h: SolidarityPractices): string => {
  const i = [...document.getElementsByTagName(h.localName)].indexOf(h);
  return h.id ? `${KEY}.${h.id}` : i > 0 ? `${KEY}.${i}` : KEY;
};
/** The slug the list's key names in the page URL, '' when none (or with href-template). */
const hashSlug = (h: SolidarityPractices): string => (!h.hrefTemplate && hashParams().get(hashKey(h))) || '';

/** The first load: the practice the page URL names (a shared or bookmarked link), else the list. */
export const start = (h: SolidarityPractices): void => {
  const s = hashSlug(h);
  if (s) show(h, { slug: s } as Practice, false, false);
  else ListElement.prototype.__refresh.call(h);
};

/** Follows Back / Forward and edits of the URL's fragment. */
export const onNav = (h: SolidarityPractices): void => {
  const s = hashSlug(h);
  if (s && s != h.__openPractice?.slug) show(h, { slug: s } as Practice, false);
  else if (!s && h.__openPractice) back(h, false);
};

/**
 * Opens `p` inline and loads its full text; `nav`: a visitor's click, which adds the practice to
 * the page URL (a history entry); `focus`: move focus to its heading (not on the page's first load).
 */
export const show = (h: SolidarityPractices, p: Practice, nav = true, focus = true): void => {
  h.__openPractice = p;
  if (focus) h.__focusSelector = '#d';
  if (nav) {
    const q = hashParams();
    q.set(hashKey(h), p.slug);
    history.pushState(history.state, '', hashUrl(q));
    h.__pushed = location.hash;
  }
  h.__emit('solidarity-open', { slug: p.slug });
  h.__load(
    (sig) => h.__fetch<{ data: Practice }>(`/practices/${encodeURIComponent(p.slug)}`, {}, sig),
    (b) => ((h.__openPractice = b.data), { slug: p.slug })
  );
};

/** Back to the list; `nav`: the visitor's button (the URL loses the practice: Back, or replaced when the page was opened on it). */
export const back = (h: SolidarityPractices, nav = true): void => {
  const p = h.__openPractice;
  h.__abort();
  h.__openPractice = undefined;
  // opened from the URL at load: the list was never loaded
  if (h.__pageInfo) h.__status = READY;
  else ListElement.prototype.__refresh.call(h);
  if (nav && hashSlug(h)) {
    const q = hashParams();
    q.delete(hashKey(h));
    // Back only when the page is still on the entry this list pushed (another list may have pushed one since)
    if (h.__pushed == location.hash) history.back();
    else history.replaceState(history.state, '', hashUrl(q));
  }
  h.__pushed = '';
  h.__focusSelector = `[data-s="${CSS.escape(p?.slug ?? '')}"]`;
  h.__emit('solidarity-close');
};

/** The open practice, with its "Back to the list" button (Escape too). */
export const view = (h: SolidarityPractices, p: Practice): unknown =>
  html`<div class="stack" @keydown=${(e: KeyboardEvent) => e.key == 'Escape' && back(h)}>
    <div><button part="button back" @click=${() => back(h)}>← ${h.__translate('back')}</button></div>
    ${practiceView(h, p, h.__status == READY)}
  </div>`;
