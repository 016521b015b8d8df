import { html, nothing, type TemplateResult } from '../../internal/lit.js';
import { json } from './json.js';
import type { PropertyDeclarations } from '../../internal/lit.js';
import { arr, SolidarityElement } from '../../internal/base.js';
import { FAILED, LOADING } from '../../internal/status.js';
import { blocks } from '../../internal/blocks.js';
import { heading } from '../../internal/html.js';
import { displayName, tr, type Vars } from '../../internal/i18n.js';
import { safeUrl } from '../../internal/query.js';
import { base } from '../../internal/styles.js';
import { loadForm, type FKey, type FStrings } from './strings.js';
import styles from './submit-practice.styles.js';
import few from '../../locales/en-few.js';
import { COUNTRIES, empty, LIMITS, payload, retryMinutes, serverErrors, validate, type Data, type Err, type Errors } from './validate.js';

/** A call for practices (`GET /calls`). Answers are untrusted: render defensively. */
export interface Call {
  slug: string;
  title: string;
  description?: unknown;
  opensAt?: string | null;
  closesAt?: string | null;
  isOpen?: boolean;
  /** `open`, `assessment` or `results` (a call takes practices only while `open`; none given is `open`) */
  phase?: string;
  criteria?: ({ label?: string; description?: string | null } | string)[];
  topics?: { slug: string; name: string }[];
}

/** The `<altcha-widget>` methods the form uses. */
interface Altcha extends HTMLElement {
  verify?(): void;
  reset?(): void;
}

/** A failed submission: message key, its number (`{n}`), the server's message, whether "Try again" is offered. */
interface Fail {
  __key: FKey;
  __count?: number;
  __message?: string;
  __retry?: boolean;
}

/** Phases of the form (numbers, which the minifier inlines). */
const EDITING = 0,
  SENDING = 1,
  SENT = 2;

const TAG = 'altcha-widget';

/** The ALTCHA chunk, once asked for (by the first form on the page). */
let altchaChunk: Promise<{ sheet: CSSStyleSheet }> | undefined;

/** The deadline of a call, in the visitor's time zone with the zone shown ("30 June 2026, 23:59 CEST"). */
const deadline = (v: string | null | undefined, l: string): string => {
  const d = new Date(String(v));
  return v && !isNaN(+d)
    ? new Intl.DateTimeFormat(l == 'en' ? 'en-GB' : l, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(d)
    : '';
};

/** Countries sorted by their name in `l`, made once per locale. */
const countries: Record<string, [string, string][]> = {};
const countryList = (l: string): [string, string][] =>
  (countries[l] ??= COUNTRIES.map((c): [string, string] => [c, displayName(l, 'region', c)]).sort((a, b) => a[1].localeCompare(b[1], l)));

/**
 * The form with which a member organisation sends a good-practice fiche to the network: for one
 * call for practices (`call`) or for none. Validates as the server does, shows each problem next
 * to its field and in a summary, keeps what was typed when sending fails, and asks the ALTCHA
 * widget (loaded with the form, never before) for a proof of work.
 *
 * @summary The form to send a good practice to the network.
 * @tag solidarity-submit-practice
 *
 * @attr {string} call - Slug of the call for practices the form is for. Its title, deadline and priority criteria are shown; a closed or unknown call shows "This call for practices is closed" instead of the form.
 * @attr {string} privacy-url - Address of the privacy notice, linked beside the (required) consent checkbox; opens in a new tab.
 *
 * @fires solidarity-submit - The practice was received. `detail`: `{ id, status }` (status `submitted`).
 * @fires solidarity-submit-error - Sending failed. `detail`: `{ status, message }` (`status` 0: unreachable; 400 also has `errors`, the server's field errors).
 *
 * @cssprop [--solidarity-color-error=#b3261e] - Borders of invalid fields and of the error boxes.
 *
 * @csspart call - The call for practices: title, description, deadline, criteria.
 * @csspart deadline - The call's deadline.
 * @csspart criteria - The call's priority criteria (list).
 * @csspart closed - The "call closed" box.
 * @csspart unregistered - Shown instead of the form when the network does not accept submissions from this website (not a registered partner site).
 * @csspart form - The form.
 * @csspart intro - The sentence above the fields.
 * @csspart errors - The error summary (role=alert), with a link to each field.
 * @csspart failure - The box of a failed submission (role=alert).
 * @csspart field - One field: label, hint, message, control.
 * @csspart label - Labels of fields.
 * @csspart hint - Hints under labels.
 * @csspart message - The error message of a field.
 * @csspart input - Text inputs.
 * @csspart textarea - Text areas.
 * @csspart select - Country selects.
 * @csspart checkbox - Checkboxes (topics, consent).
 * @csspart counter - The summary's character counter.
 * @csspart group - Groups of fields (fieldset).
 * @csspart legend - Their legends.
 * @csspart promoter - One promoting organisation (fieldset).
 * @csspart add - "Add another organisation".
 * @csspart remove - "Remove organisation N".
 * @csspart consent - The consent checkbox with the privacy link.
 * @csspart privacy - The privacy notice link.
 * @csspart altcha - The box around the ALTCHA widget.
 * @csspart submit - The send button (disabled, with aria-busy, while sending).
 * @csspart success - The thanks shown once the practice was received (focused).
 * @csspart reference - The reference of the received practice.
 * @csspart again - "Send another practice".
 */
export class SolidaritySubmitPractice extends SolidarityElement {
  static override styles = [base, styles];
  /** The English of the read widgets' strings it shows besides the shared ones: the call's deadline, the country. */
  static override __en = few;
  static override properties: PropertyDeclarations = {
    call: {},
    privacyUrl: { attribute: 'privacy-url' },
    __phase: { state: true },
  };
  static override __refetchKeys = ['call'];

  /** Slug of the call for practices. */
  declare call?: string | null;
  /** Address of the privacy notice. */
  declare privacyUrl?: string | null;
  /** @internal EDITING, SENDING or SENT */
  declare __phase: typeof EDITING | typeof SENDING | typeof SENT;
  /** @internal form strings (loaded with the topics) */
  __formStrings = {} as FStrings;
  /** @internal what was typed */
  __data: Data = empty();
  /** @internal the honeypot's value */
  __honeypot = '';
  /** @internal false when the network refuses submissions from this page's website (GET /submissions/origin-check) */
  __originAllowed = true;
  /** @internal the call: undefined without `call`, null when closed or unknown */
  __call?: Call | null;
  /** @internal topics to choose from */
  __topics: { slug: string; name: string }[] = [];
  /** @internal field errors */
  __errors: Errors = {};
  /** @internal errors that belong to no field */
  __generalErrors: string[] = [];
  /** @internal the failed submission */
  __failure?: Fail;
  /** @internal the received practice */
  __received?: { id: string | number; email: string; mail: boolean };
  /** @internal the ALTCHA payload and state */
  __proof = '';
  __altchaState = '';
  /** @internal resolves the wait for a proof of work */
  private __proofWaiter?: (p: string) => void;
  /** @internal summary counter text for screen readers, after a pause in typing */
  __announcement = '';
  private __announceTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.__phase = EDITING;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // ALTCHA is loaded with the form, never by the read widgets
    if (altchaChunk || !customElements.get(TAG))
      (altchaChunk ??= import('./altcha.js')).then(
        ({ sheet }) => {
          const r = this.renderRoot as ShadowRoot;
          if (!r.adoptedStyleSheets.includes(sheet)) r.adoptedStyleSheets = [sheet, ...r.adoptedStyleSheets];
        },
        () => {}
      );
  }

  /** @internal form string */
  __translateForm(key: FKey, v?: Vars): string {
    return tr(this.__formStrings, this.__uiLocale, key, v);
  }

  override __refresh(): void {
    const slug = this.call;
    this.__load(
      (sig) =>
        Promise.all([
          this.__fetch<{ data: { slug: string; name: string }[] }>('/topics', { pageSize: 50 }, sig),
          slug ? this.__fetch<{ data: Call[] }>('/calls', { open: 'true' }, sig) : null,
          loadForm(this.__uiLocale),
          // asked before anyone types; an older server without the route, or a failure, does not hide the form
          this.__fetch<{ data?: { allowed?: unknown } }>('/submissions/origin-check', {}, sig).catch(() => null),
        ]),
      ([t, c, F, o]) => {
        this.__formStrings = F;
        this.__originAllowed = o?.data?.allowed !== false;
        this.__topics = arr(t.data).filter((x) => x && typeof x.slug == 'string');
        const call = slug ? arr(c?.data).find((x) => x?.slug == slug) : undefined;
        this.__call = slug ? (call && call.isOpen !== false && (call.phase ?? 'open') == 'open' && !(call.closesAt && Date.parse(call.closesAt) < Date.now()) ? call : null) : undefined;
        return { call: slug || null, open: this.__call !== null };
      }
    );
  }

  override __view(): unknown {
    if (this.__status == FAILED) return this.__errorBox();
    if (this.__status == LOADING) return html`<div class="card sk" part="skeleton" aria-hidden="true"><i></i><i></i><i></i><i></i></div>`;
    if (this.__received) return this.__done(this.__received);
    if (!this.__originAllowed)
      return html`<div class="empty stack" part="unregistered" role="status"><p class="strong">${this.__translateForm('unregistered')}</p><p>${this.__translateForm('unregisteredText', { origin: location.origin })}</p></div>`;
    if (this.__call === null)
      return html`<div class="empty stack" part="closed"><p class="strong">${this.__translateForm('closed')}</p><p>${this.__translateForm('closedText')}</p></div>`;
    return html`${this.__call ? this.__about(this.__call) : nothing}${this.__form()}`;
  }

  /** @internal the call: title, description, deadline, criteria */
  __about(c: Call): TemplateResult {
    const hl = this.__headingLevel,
      dl = deadline(c.closesAt, this.__uiLocale),
      cr = arr(c.criteria)
        .map((x) => (typeof x == 'string' ? { label: x } : x && typeof x == 'object' ? x : null))
        .filter((x): x is { label?: string; description?: string | null } => !!x?.label);
    return html`<section class="card stack" part="call" aria-labelledby="call-t">
      <p class="meta" part="meta">${this.__translateForm('callFor')}</p>
      ${heading(hl, String(c.title ?? ''), 'call-t')}
      ${typeof c.description == 'string' ? html`<p>${c.description}</p>` : Array.isArray(c.description) ? blocks(c.description, hl, this.__apiBase) : nothing}
      ${dl ? html`<p part="deadline">${this.__translate('deadline', { date: dl })}</p>` : nothing}
      ${cr.length
        ? html`${heading(Math.min(6, hl + 1), this.__translateForm('priorities'), undefined, undefined, null)}
            <ul part="criteria">
              ${cr.map((x) => html`<li><span class="strong">${String(x.label)}</span>${x.description ? html`: ${String(x.description)}` : nothing}</li>`)}
            </ul>`
        : nothing}
    </section>`;
  }

  /** @internal an error message */
  __message(x: Err): unknown {
    return typeof x == 'string' ? (this.__uiLocale == 'en' ? x : html`<span lang="en">${x}</span>`) : this.__translateForm(x[0] as FKey, { n: x[1] ?? 0 });
  }

  /** @internal ids described by a field: its hint and its message */
  __describedBy(key: string, hint?: unknown): string | typeof nothing {
    return [hint ? `h-${key}` : '', this.__errors[key] ? `e-${key}` : ''].filter(Boolean).join(' ') || nothing;
  }

  /** @internal hint and message of a field */
  __notes(key: string, hint?: unknown): unknown {
    return html`${hint ? html`<p class="hint" part="hint" id=${`h-${key}`}>${hint}</p>` : nothing}${this.__errors[key]
      ? html`<p class="msg" part="message" id=${`e-${key}`}>${this.__message(this.__errors[key])}</p>`
      : nothing}`;
  }

  /** @internal a label, "(optional)" after it when `optional` */
  __label(key: string, text: string, optional?: boolean): TemplateResult {
    return html`<label part="label" for=${`f-${key}`}>${text}${optional ? html` <span class="opt">${this.__translateForm('optional')}</span>` : nothing}</label>`;
  }

  /** @internal a text input or text area bound to `get`/`set` */
  __textField(
    key: string,
    label: string,
    get: () => string,
    set: (v: string) => void,
    options: { __type?: string; __autocomplete?: string; __optional?: boolean; __hint?: unknown; __rows?: number; __after?: unknown } = {}
  ): TemplateResult {
    // on `input` and on `change` (autofill and scripts may set a value and send `change` alone), and a
    // render after it even when the event does not bubble to the form (__sync): what is sent is what
    // the field shows
    const on = (e: Event) => {
      set((e.target as HTMLInputElement).value);
      this.requestUpdate();
      if (key == 'summary') this.__countLater();
    };
    const invalid = this.__errors[key] ? 'true' : nothing,
      describedBy = [options.__hint ? `h-${key}` : '', options.__after ? `c-${key}` : '', this.__errors[key] ? `e-${key}` : ''].filter(Boolean).join(' ') || nothing;
    return html`<div class="field" part="field">
      ${this.__label(key, label, options.__optional)} ${this.__notes(key, options.__hint)}
      ${options.__rows
        ? html`<textarea id=${`f-${key}`} part="textarea" rows=${options.__rows} .value=${get()} @input=${on} @change=${on} ?required=${!options.__optional} aria-invalid=${invalid} aria-describedby=${describedBy}></textarea>`
        : html`<input id=${`f-${key}`} part="input" type=${options.__type ?? 'text'} autocomplete=${options.__autocomplete ?? nothing} .value=${get()} @input=${on} @change=${on} ?required=${!options.__optional} aria-invalid=${invalid} aria-describedby=${describedBy} />`}
      ${options.__after ?? nothing}
    </div>`;
  }

  /** @internal a country select */
  __countrySelect(key: string, label: string, get: () => string, set: (v: string) => void, opt?: boolean, autocomplete?: string): TemplateResult {
    const v = get();
    return html`<div class="field" part="field">
      ${this.__label(key, label, opt)} ${this.__notes(key)}
      <select id=${`f-${key}`} part="select" autocomplete=${autocomplete ?? nothing} ?required=${!opt} aria-invalid=${this.__errors[key] ? 'true' : nothing} aria-describedby=${this.__describedBy(key)}
        @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        <option value="" .selected=${!v}>${this.__translateForm('chooseCountry')}</option>
        ${countryList(this.__uiLocale).map(([c, n]) => html`<option value=${c} .selected=${c == v}>${n}</option>`)}
      </select>
    </div>`;
  }

  /** @internal the summary's counter: visible at once, told to screen readers after a pause */
  __countLater(): void {
    this.requestUpdate();
    clearTimeout(this.__announceTimer);
    this.__announceTimer = setTimeout(() => {
      const n = LIMITS.summary[1] - this.__data.summary.trim().length;
      this.__announcement = n < 0 ? this.__translateForm('over', { n: -n }) : this.__translateForm('left', { n });
      this.requestUpdate();
    }, 1000);
  }

  /** @internal the label of a field, for the error summary */
  __fieldName(key: string): string {
    const m = key.match(/^p(\d+)-(\w+)$/);
    if (m) return `${this.__translateForm('promoter', { n: +m[1] + 1 })}, ${m[2] == 'country' ? this.__translate('country') : this.__translateForm(m[2] == 'name' ? 'orgName' : 'website')}`;
    return key == 'country' ? this.__translate('country') : this.__translateForm(key == 'altcha' ? 'check' : key == 'consent' ? 'agree' : (key as FKey));
  }

  /** @internal the error summary, with a link to each field */
  __errorSummary(): unknown {
    const ks = Object.keys(this.__errors),
      n = ks.length + this.__generalErrors.length;
    if (!n) return nothing;
    return html`<div class="error stack" part="errors" id="errs" role="alert" tabindex="-1" aria-labelledby="errs-t">
      <p class="strong" id="errs-t">${this.__translateForm('problems', { n })}</p>
      <ul>
        ${this.__generalErrors.map((m) => html`<li>${this.__message(m)}</li>`)}
        ${ks.map(
          (key) =>
            html`<li><a href=${`#f-${key}`} @click=${(e: Event) => (e.preventDefault(), this.__focusField(key))}>${this.__fieldName(key)}: ${this.__message(this.__errors[key])}</a></li>`
        )}
      </ul>
    </div>`;
  }

  /** @internal focuses a field (the first topic, the ALTCHA checkbox) */
  __focusField(key: string): void {
    const r = this.renderRoot;
    (r.querySelector<HTMLElement>(key == 'altcha' ? `${TAG} input` : `#f-${key}`) ?? r.querySelector<HTMLElement>('#f-altcha'))?.focus();
  }

  /** @internal the box of a failed submission */
  __failureBox(x: Fail): TemplateResult {
    return html`<div class="error stack" part="failure" id="fail" role="alert" tabindex="-1">
      <p>${this.__translateForm(x.__key, { n: x.__count ?? 0 })}</p>
      ${x.__message ? html`<p>${this.__message(x.__message)}</p>` : nothing}
      ${x.__retry ? html`<div><button type="button" part="button retry" @click=${() => this.__submit()}>${this.__translate('retry')}</button></div>` : nothing}
    </div>`;
  }

  /** @internal the form */
  __form(): TemplateResult {
    const d = this.__data,
      busy = this.__phase == SENDING,
      sum = d.summary.trim().length,
      privacy = safeUrl(this.privacyUrl, document.baseURI),
      rows = d.promoters.length,
      topicsInv = this.__errors.topics ? 'true' : nothing;
    return html`<form part="form" class="stack" novalidate aria-busy=${busy} @submit=${(e: Event) => (e.preventDefault(), this.__submit())}
      @input=${this.__sync} @change=${this.__sync}>
      ${this.__errorSummary()} ${this.__failure ? this.__failureBox(this.__failure) : nothing}
      <p part="intro">${this.__translateForm('intro')}</p>
      ${this.__textField('title', this.__translateForm('title'), () => d.title, (v) => (d.title = v), { __hint: this.__translateForm('titleHint') })}
      ${this.__textField('summary', this.__translateForm('summary'), () => d.summary, (v) => (d.summary = v), {
        __hint: this.__translateForm('summaryHint'),
        __rows: 4,
        __after: html`<p class=${sum > LIMITS.summary[1] ? 'hint counter over' : 'hint counter'} part="counter" id="c-summary">${this.__translateForm('count', { n: sum, max: LIMITS.summary[1] })}</p>
          <p class="vh" aria-live="polite">${this.__announcement}</p>`,
      })}
      ${this.__textField('body', this.__translateForm('body'), () => d.body, (v) => (d.body = v), { __hint: this.__translateForm('bodyHint'), __rows: 8, __optional: true })}
      <fieldset part="group" aria-describedby=${this.__describedBy('topics', 1)}>
        <legend part="legend">${this.__translateForm('topics')}</legend>
        ${this.__notes('topics', this.__translateForm('topicsHint'))}
        <div class="checks">
          ${this.__topics.map(
            (t, i) => html`<label class="check"><input type="checkbox" part="checkbox" id=${i ? nothing : 'f-topics'} .checked=${d.topics.includes(t.slug)} aria-invalid=${topicsInv}
              @change=${(e: Event) => (d.topics = (e.target as HTMLInputElement).checked ? [...d.topics, t.slug] : d.topics.filter((s) => s != t.slug))} />
              <span>${String(t.name ?? t.slug)}</span></label>`
          )}
        </div>
      </fieldset>
      <fieldset part="group">
        <legend part="legend">${this.__translateForm('promoters')}</legend>
        ${d.promoters.map((p, i) => {
          const n = i + 1;
          return html`<fieldset part="promoter" class="stack">
            <legend part="legend">${this.__translateForm('promoter', { n })}</legend>
            ${this.__textField(`p${i}-name`, this.__translateForm('orgName'), () => p.name, (v) => (p.name = v), { __autocomplete: i ? 'off' : 'organization' })}
            ${this.__textField(`p${i}-website`, this.__translateForm('website'), () => p.website, (v) => (p.website = v), { __type: 'url', __autocomplete: 'off', __optional: true, __hint: this.__translateForm('websiteHint') })}
            ${this.__countrySelect(`p${i}-country`, this.__translate('country'), () => p.country, (v) => (p.country = v), true, 'off')}
            ${rows > 1 ? html`<div><button type="button" part="button remove" @click=${() => this.__removeRow(i)}>${this.__translateForm('remove', { n })}</button></div>` : nothing}
          </fieldset>`;
        })}
        ${rows < LIMITS.promoters[1] ? html`<div><button type="button" part="button add" id="add" @click=${this.__addRow}>${this.__translateForm('add')}</button></div>` : nothing}
      </fieldset>
      <fieldset part="group" class="stack">
        <legend part="legend">${this.__translateForm('territory')}</legend>
        ${this.__textField('municipality', this.__translateForm('municipality'), () => d.municipality, (v) => (d.municipality = v), { __optional: true, __autocomplete: 'address-level2' })}
        ${this.__textField('region', this.__translateForm('region'), () => d.region, (v) => (d.region = v), { __optional: true, __autocomplete: 'address-level1' })}
        ${this.__countrySelect('country', this.__translate('country'), () => d.country, (v) => (d.country = v), false, 'country')}
      </fieldset>
      <fieldset part="group" class="stack" aria-describedby="h-contact">
        <legend part="legend">${this.__translateForm('contact')}</legend>
        <p class="hint" part="hint" id="h-contact">${this.__translateForm('contactHint')}</p>
        ${this.__textField('name', this.__translateForm('name'), () => d.name, (v) => (d.name = v), { __autocomplete: 'name' })}
        ${this.__textField('email', this.__translateForm('email'), () => d.email, (v) => (d.email = v), { __type: 'email', __autocomplete: 'email' })}
        ${this.__textField('phone', this.__translateForm('phone'), () => d.phone, (v) => (d.phone = v), { __type: 'tel', __autocomplete: 'tel', __optional: true })}
        ${this.__textField('role', this.__translateForm('role'), () => d.role, (v) => (d.role = v), { __autocomplete: 'organization-title' })}
      </fieldset>
      <div class="hp" aria-hidden="true">
        <label for="f-leaveThisFieldEmpty">Website</label>
        <input id="f-leaveThisFieldEmpty" name="leaveThisFieldEmpty" type="text" tabindex="-1" autocomplete="off" .value=${this.__honeypot} @input=${(e: Event) => (this.__honeypot = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field" part="field consent">
        ${this.__notes('consent')}
        <div class="check">
          <input type="checkbox" part="checkbox" id="f-consent" required .checked=${d.consent} aria-invalid=${this.__errors.consent ? 'true' : nothing} aria-describedby=${this.__describedBy('consent')}
            @change=${(e: Event) => (d.consent = (e.target as HTMLInputElement).checked)} />
          <label part="label" for="f-consent">${this.__translateForm('consent')}</label>
        </div>
        ${privacy ? html`<p><a part="privacy" href=${privacy} target="_blank" rel="noopener">${this.__translateForm('privacy')} <span class="opt">${this.__translateForm('newTab')}</span></a></p>` : nothing}
      </div>
      <div class="field" part="altcha" id="f-altcha" tabindex="-1" role="group" aria-label=${this.__translateForm('check')} aria-describedby=${this.__describedBy('altcha')}>
        ${this.__notes('altcha')}
        <altcha-widget
          challengeurl=${`${this.__apiBase}/api/solidarity/submissions/challenge`}
          auto="onfocus"
          hidefooter
          hidelogo
          language=${this.__uiLocale}
          strings=${JSON.stringify({
            label: this.__translateForm('altLabel'),
            verifying: this.__translateForm('altVerifying'),
            verified: this.__translateForm('altVerified'),
            error: this.__translateForm('altError'),
            expired: this.__translateForm('altExpired'),
            verificationRequired: this.__translateForm('altRequired'),
            waitAlert: this.__translateForm('altWait'),
          })}
          @statechange=${this.__onAltchaState}
        ></altcha-widget>
      </div>
      <div>
        <button type="submit" part="button submit" ?disabled=${busy} aria-busy=${busy}>${this.__translateForm(busy ? 'sending' : 'send')}</button>
      </div>
    </form>`;
  }

  /** @internal ALTCHA's statechange: `{ state, payload }` */
  __onAltchaState = (e: Event): void => {
    const { state, payload } = ((e as CustomEvent).detail ?? {}) as { state?: string; payload?: string };
    this.__altchaState = String(state ?? '');
    this.__proof = state == 'verified' && typeof payload == 'string' ? payload : '';
    if (this.__proofWaiter && (state == 'verified' || state == 'error')) {
      this.__proofWaiter(this.__proof);
      this.__proofWaiter = undefined;
    }
  };

  /** @internal a proof of work: the one at hand, or one asked of the widget ('' when it cannot be had) */
  __getProof(): Promise<string> {
    const w = this.renderRoot.querySelector<Altcha>(TAG);
    if (this.__proof || !w || !customElements.get(TAG) || this.__altchaState == 'error') return Promise.resolve(this.__proof);
    return new Promise((res) => {
      const t = setTimeout(() => ((this.__proofWaiter = undefined), res(this.__proof)), 60_000);
      this.__proofWaiter = (p) => (clearTimeout(t), res(p));
      if (this.__altchaState != 'verifying') w.verify?.();
    });
  }

  /** @internal a used or doubtful proof: the widget solves a new one */
  __newProof(): void {
    this.__proof = '';
    this.__altchaState = '';
    this.renderRoot.querySelector<Altcha>(TAG)?.reset?.();
  }

  __addRow = (): void => {
    this.__data.promoters.push({ name: '', website: '', country: '' });
    this.__focusSelector = `#f-p${this.__data.promoters.length - 1}-name`;
    this.requestUpdate();
  };

  /** @internal */
  __removeRow(i: number): void {
    this.__data.promoters.splice(i, 1);
    for (const k of Object.keys(this.__errors)) if (/^p\d/.test(k)) delete this.__errors[k];
    this.__focusSelector = '#add';
    this.requestUpdate();
  }

  /** @internal validates, gets a proof of work, sends */
  async __submit(): Promise<void> {
    if (this.__phase != EDITING) return;
    this.__errors = validate(this.__data);
    this.__generalErrors = [];
    this.__failure = undefined;
    if (Object.keys(this.__errors).length) return this.__show('#errs');
    this.__phase = SENDING;
    const altcha = await this.__getProof();
    if (!altcha) {
      this.__phase = EDITING;
      this.__errors = { altcha: ['eAltcha'] };
      return this.__show('#errs');
    }
    const body = payload(this.__data, {
      call: this.call,
      locale: this.__contentLocale,
      honeypot: this.__honeypot,
      altcha,
      order: this.__topics.map((t) => t.slug),
    });
    let r: Response;
    try {
      r = await fetch(`${this.__apiBase}/api/solidarity/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: json(body),
      });
    } catch (x) {
      return this.__failed(0, String(x));
    }
    const j = (await r.json().catch(() => null)) as {
      data?: { id?: string | number; status?: string } | null;
      meta?: { mail?: unknown };
      error?: { message?: string; details?: { errors?: unknown; retryAfter?: unknown } };
    } | null;
    if (r.ok && j?.data?.id != null) {
      this.__received = { id: j.data.id, email: body.contact.email, mail: j.meta?.mail === true };
      this.__phase = SENT;
      this.__emit('solidarity-submit', { id: j.data.id, status: j.data.status ?? 'submitted' });
      return this.__show('#done');
    }
    const m = String(j?.error?.message ?? r.statusText ?? '');
    if (r.status == 400) {
      const se = serverErrors(j?.error?.details?.errors);
      if (Object.keys(se).length) {
        this.__phase = EDITING;
        if (se.altcha) this.__newProof();
        const { '': g, ...fields } = se;
        this.__errors = fields;
        this.__generalErrors = g ? [g] : [];
        this.__emit('solidarity-submit-error', { status: 400, message: m, errors: j?.error?.details?.errors });
        return this.__show('#errs');
      }
    }
    // Retry-After, or (when a cross-origin answer does not expose it) the seconds in the error's details
    this.__failed(r.status, m, r.headers.get('retry-after') ?? String(j?.error?.details?.retryAfter ?? ''));
  }

  /** @internal a failed submission: the form stays as it was, with a message on top */
  __failed(s: number, m: string, after?: string | null): void {
    const n = retryMinutes(after);
    this.__failure =
      s == 403
        ? { __key: 'f403' }
        : s == 409
          ? { __key: 'f409', __message: m }
          : s == 413
            ? { __key: 'f413' }
            : s == 429
              ? n
                ? { __key: 'f429', __count: n }
                : { __key: 'f429later' }
              : s == 400
                ? { __key: 'fBad', __message: m }
                : { __key: s ? 'f5xx' : 'fOffline', __retry: true };
    this.__phase = EDITING;
    this.__newProof();
    this.__emit('solidarity-submit-error', { status: s, message: m });
    this.__show('#fail');
  }

  /** @internal re-renders and focuses `sel` */
  __show(sel: string): void {
    this.__focusSelector = sel;
    this.requestUpdate();
  }

  /** @internal the thanks; promises mails only when the server sends them (the answer's `meta.mail`, true when SMTP is configured) */
  __done(x: { id: string | number; email: string; mail: boolean }): TemplateResult {
    return html`<section class="card stack done" part="success" id="done" tabindex="-1" aria-labelledby="done-t">
      ${heading(this.__headingLevel, this.__translateForm('thanks'), 'done-t')}
      <p>${this.__translateForm(x.mail ? 'next' : 'nextNoMail', { email: x.email })}</p>
      <p part="reference">${this.__translateForm('reference', { id: String(x.id) })}</p>
      <div><button type="button" part="button again" @click=${this.__again}>${this.__translateForm('again')}</button></div>
    </section>`;
  }

  /**
   * @internal every input and change in the form (they bubble to it, after the field's own handler has
   * set the data) renders it again, so that lit-html's last value of each field's `.value` or
   * `.checked` is what the field shows: data set by code later (a promoter removed, whose rows move
   * up) then reaches the fields whose values differ (what Lit's `live` directive does; lit-html's
   * directives are cut from the build: scripts/lit-cuts.mjs).
   */
  __sync = (): void => this.requestUpdate();

  __again = (): void => {
    this.__data = empty();
    this.__honeypot = '';
    this.__errors = {};
    this.__received = undefined;
    this.__proof = this.__altchaState = this.__announcement = '';
    this.__phase = EDITING;
    this.__show('#f-title');
  };
}
