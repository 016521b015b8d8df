import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PropertyDeclarations } from 'lit';
import { arr, SolidarityElement } from '../../internal/base.js';
import { blocks } from '../../internal/blocks.js';
import { heading } from '../../internal/html.js';
import { apiLocale, displayName, tr, type Key, type Strings, type Vars } from '../../internal/i18n.js';
import { safeUrl } from '../../internal/query.js';
import { base } from '../../internal/styles.js';
import { loadForm, type FKey, type FStrings } from './strings.js';
import styles from './submit-practice.styles.js';
import { COUNTRIES, empty, payload, retryMinutes, serverErrors, validate, type Data, type Err, type Errors } from './validate.js';

/** A call for practices (`GET /calls`). Answers are untrusted: render defensively. */
export interface Call {
  slug: string;
  title: string;
  description?: unknown;
  opensAt?: string | null;
  closesAt?: string | null;
  isOpen?: boolean;
  criteria?: ({ label?: string; description?: string | null } | string)[];
  topics?: { slug: string; name: string }[];
}

/** The `<altcha-widget>` methods the form uses. */
interface Altcha extends HTMLElement {
  verify?(): void;
  reset?(): void;
}

/** A failed submission: message key, its number, the server's message, whether "Try again" is offered. */
interface Fail {
  k: FKey;
  n?: number;
  m?: string;
  retry?: boolean;
}

const TAG = 'altcha-widget';

/** The ALTCHA chunk, once asked for (by the first form on the page). */
let A: Promise<{ sheet: CSSStyleSheet }> | undefined;

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
  static override properties: PropertyDeclarations = {
    call: {},
    privacyUrl: { attribute: 'privacy-url' },
    st: { state: true },
  };
  static override keys = ['call'];

  /** Slug of the call for practices. */
  declare call?: string | null;
  /** Address of the privacy notice. */
  declare privacyUrl?: string | null;
  /** @internal 0: editing, 1: sending, 2: sent */
  declare st: number;
  /** @internal form strings (loaded with the topics) */
  F = {} as FStrings;
  /** @internal what was typed */
  d: Data = empty();
  /** @internal the honeypot's value */
  hp = '';
  /** @internal the call: undefined without `call`, null when closed or unknown */
  c?: Call | null;
  /** @internal topics to choose from */
  tops: { slug: string; name: string }[] = [];
  /** @internal field errors */
  e: Errors = {};
  /** @internal errors that belong to no field */
  gen: string[] = [];
  /** @internal the failed submission */
  fail?: Fail;
  /** @internal the received practice */
  res?: { id: string | number; email: string };
  /** @internal the ALTCHA payload and state */
  pay = '';
  as = '';
  /** @internal resolves the wait for a proof of work */
  private w?: (p: string) => void;
  /** @internal summary counter text for screen readers, after a pause in typing */
  live = '';
  private lt?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.st = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // ALTCHA is loaded with the form, never by the read widgets
    if (A || !customElements.get(TAG))
      (A ??= import('./altcha.js')).then(
        ({ sheet }) => {
          const r = this.renderRoot as ShadowRoot;
          if (!r.adoptedStyleSheets.includes(sheet)) r.adoptedStyleSheets = [sheet, ...r.adoptedStyleSheets];
        },
        () => {}
      );
  }

  /** @internal form string */
  f(k: FKey, v?: Vars): string {
    return tr(this.F as unknown as Strings, this.ui, k as Key, v);
  }

  override refresh(): void {
    const slug = this.call;
    this.run(
      (sig) =>
        Promise.all([
          this.get<{ data: { slug: string; name: string }[] }>('/topics', { pageSize: 50 }, sig),
          slug ? this.get<{ data: Call[] }>('/calls', { open: 'true' }, sig) : null,
          loadForm(this.ui),
        ]),
      ([t, c, F]) => {
        this.F = F;
        this.tops = arr(t.data).filter((x) => x && typeof x.slug == 'string');
        const call = slug ? arr(c?.data).find((x) => x?.slug == slug) : undefined;
        this.c = slug ? (call && call.isOpen !== false && !(call.closesAt && Date.parse(call.closesAt) < Date.now()) ? call : null) : undefined;
        return { call: slug || null, open: this.c !== null };
      }
    );
  }

  override view(): unknown {
    if (this.s == 2) return this.error();
    if (!this.s) return html`<div class="card sk" part="skeleton" aria-hidden="true"><i></i><i></i><i></i><i></i></div>`;
    if (this.res) return this.done(this.res);
    if (this.c === null)
      return html`<div class="empty stack" part="closed"><p class="strong">${this.f('closed')}</p><p>${this.f('closedText')}</p></div>`;
    return html`${this.c ? this.about(this.c) : nothing}${this.form()}`;
  }

  /** @internal the call: title, description, deadline, criteria */
  about(c: Call): TemplateResult {
    const hl = this.hl,
      dl = deadline(c.closesAt, this.ui),
      cr = arr(c.criteria)
        .map((x) => (typeof x == 'string' ? { label: x } : x && typeof x == 'object' ? x : null))
        .filter((x): x is { label?: string; description?: string | null } => !!x?.label);
    return html`<section class="card stack" part="call" aria-labelledby="call-t">
      <p class="meta" part="meta">${this.f('callFor')}</p>
      ${heading(hl, String(c.title ?? ''), 'call-t')}
      ${typeof c.description == 'string' ? html`<p>${c.description}</p>` : Array.isArray(c.description) ? blocks(c.description, hl, this.base) : nothing}
      ${dl ? html`<p part="deadline">${this.t('deadline', { date: dl })}</p>` : nothing}
      ${cr.length
        ? html`${heading(Math.min(6, hl + 1), this.f('priorities'), undefined, undefined, null)}
            <ul part="criteria">
              ${cr.map((x) => html`<li><span class="strong">${String(x.label)}</span>${x.description ? html`: ${String(x.description)}` : nothing}</li>`)}
            </ul>`
        : nothing}
    </section>`;
  }

  /** @internal an error message */
  msg(x: Err): unknown {
    return typeof x == 'string' ? (this.ui == 'en' ? x : html`<span lang="en">${x}</span>`) : this.f(x[0] as FKey, { n: x[1] ?? 0 });
  }

  /** @internal ids described by a field: its hint and its message */
  desc(k: string, hint?: unknown): string | typeof nothing {
    return [hint ? `h-${k}` : '', this.e[k] ? `e-${k}` : ''].filter(Boolean).join(' ') || nothing;
  }

  /** @internal hint and message of a field */
  notes(k: string, hint?: unknown): unknown {
    return html`${hint ? html`<p class="hint" part="hint" id="h-${k}">${hint}</p>` : nothing}${this.e[k]
      ? html`<p class="msg" part="message" id="e-${k}">${this.msg(this.e[k])}</p>`
      : nothing}`;
  }

  /** @internal a label, "(optional)" after it when `opt` */
  lbl(k: string, text: string, opt?: boolean): TemplateResult {
    return html`<label part="label" for="f-${k}">${text}${opt ? html` <span class="opt">${this.f('optional')}</span>` : nothing}</label>`;
  }

  /** @internal a text input or text area bound to `get`/`set` */
  text(
    k: string,
    label: string,
    get: () => string,
    set: (v: string) => void,
    o: { type?: string; ac?: string; opt?: boolean; hint?: unknown; area?: number; after?: unknown } = {}
  ): TemplateResult {
    const on = (e: Event) => {
      set((e.target as HTMLInputElement).value);
      if (k == 'summary') this.count();
    };
    const a = {
      inv: this.e[k] ? 'true' : nothing,
      d: [o.hint ? `h-${k}` : '', o.after ? `c-${k}` : '', this.e[k] ? `e-${k}` : ''].filter(Boolean).join(' ') || nothing,
    };
    return html`<div class="field" part="field">
      ${this.lbl(k, label, o.opt)} ${this.notes(k, o.hint)}
      ${o.area
        ? html`<textarea id="f-${k}" part="textarea" rows=${o.area} .value=${live(get())} @input=${on} ?required=${!o.opt} aria-invalid=${a.inv} aria-describedby=${a.d}></textarea>`
        : html`<input id="f-${k}" part="input" type=${o.type ?? 'text'} autocomplete=${o.ac ?? nothing} .value=${live(get())} @input=${on} ?required=${!o.opt} aria-invalid=${a.inv} aria-describedby=${a.d} />`}
      ${o.after ?? nothing}
    </div>`;
  }

  /** @internal a country select */
  select(k: string, label: string, get: () => string, set: (v: string) => void, opt?: boolean, ac?: string): TemplateResult {
    const v = get();
    return html`<div class="field" part="field">
      ${this.lbl(k, label, opt)} ${this.notes(k)}
      <select id="f-${k}" part="select" autocomplete=${ac ?? nothing} ?required=${!opt} aria-invalid=${this.e[k] ? 'true' : nothing} aria-describedby=${this.desc(k)}
        @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
        <option value="" .selected=${!v}>${this.f('chooseCountry')}</option>
        ${countryList(this.ui).map(([c, n]) => html`<option value=${c} .selected=${c == v}>${n}</option>`)}
      </select>
    </div>`;
  }

  /** @internal the summary's counter: visible at once, told to screen readers after a pause */
  count(): void {
    this.requestUpdate();
    clearTimeout(this.lt);
    this.lt = setTimeout(() => {
      const n = 600 - this.d.summary.trim().length;
      this.live = n < 0 ? this.f('over', { n: -n }) : this.f('left', { n });
      this.requestUpdate();
    }, 1000);
  }

  /** @internal the label of a field, for the error summary */
  label(k: string): string {
    const m = k.match(/^p(\d+)-(\w+)$/);
    if (m) return `${this.f('promoter', { n: +m[1] + 1 })}, ${m[2] == 'country' ? this.t('country') : this.f(m[2] == 'name' ? 'orgName' : 'website')}`;
    return k == 'country' ? this.t('country') : this.f(k == 'altcha' ? 'check' : k == 'consent' ? 'agree' : (k as FKey));
  }

  /** @internal the error summary, with a link to each field */
  summary(): unknown {
    const ks = Object.keys(this.e),
      n = ks.length + this.gen.length;
    if (!n) return nothing;
    return html`<div class="error stack" part="errors" id="errs" role="alert" tabindex="-1" aria-labelledby="errs-t">
      <p class="strong" id="errs-t">${this.f('problems', { n })}</p>
      <ul>
        ${this.gen.map((m) => html`<li>${this.msg(m)}</li>`)}
        ${ks.map(
          (k) =>
            html`<li><a href="#f-${k}" @click=${(e: Event) => (e.preventDefault(), this.focusField(k))}>${this.label(k)}: ${this.msg(this.e[k])}</a></li>`
        )}
      </ul>
    </div>`;
  }

  /** @internal focuses a field (the first topic, the ALTCHA checkbox) */
  focusField(k: string): void {
    const r = this.renderRoot;
    (r.querySelector<HTMLElement>(k == 'altcha' ? `${TAG} input` : `#f-${k}`) ?? r.querySelector<HTMLElement>('#f-altcha'))?.focus();
  }

  /** @internal the box of a failed submission */
  failure(x: Fail): TemplateResult {
    return html`<div class="error stack" part="failure" id="fail" role="alert" tabindex="-1">
      <p>${this.f(x.k, { n: x.n ?? 0 })}</p>
      ${x.m ? html`<p>${this.msg(x.m)}</p>` : nothing}
      ${x.retry ? html`<div><button type="button" part="button retry" @click=${() => this.submit()}>${this.t('retry')}</button></div>` : nothing}
    </div>`;
  }

  /** @internal the form */
  form(): TemplateResult {
    const d = this.d,
      busy = this.st == 1,
      sum = d.summary.trim().length,
      privacy = safeUrl(this.privacyUrl, document.baseURI),
      rows = d.promoters.length,
      topicsInv = this.e.topics ? 'true' : nothing;
    return html`<form part="form" class="stack" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${(e: Event) => (e.preventDefault(), this.submit())}>
      ${this.summary()} ${this.fail ? this.failure(this.fail) : nothing}
      <p part="intro">${this.f('intro')}</p>
      ${this.text('title', this.f('title'), () => d.title, (v) => (d.title = v), { hint: this.f('titleHint') })}
      ${this.text('summary', this.f('summary'), () => d.summary, (v) => (d.summary = v), {
        hint: this.f('summaryHint'),
        area: 4,
        after: html`<p class="hint counter${sum > 600 ? ' over' : ''}" part="counter" id="c-summary">${this.f('count', { n: sum, max: 600 })}</p>
          <p class="vh" aria-live="polite">${this.live}</p>`,
      })}
      ${this.text('body', this.f('body'), () => d.body, (v) => (d.body = v), { hint: this.f('bodyHint'), area: 8, opt: true })}
      <fieldset part="group" aria-describedby=${this.desc('topics', 1)}>
        <legend part="legend">${this.f('topics')}</legend>
        ${this.notes('topics', this.f('topicsHint'))}
        <div class="checks">
          ${this.tops.map(
            (t, i) => html`<label class="check"><input type="checkbox" part="checkbox" id=${i ? nothing : 'f-topics'} .checked=${live(d.topics.includes(t.slug))} aria-invalid=${topicsInv}
              @change=${(e: Event) => (d.topics = (e.target as HTMLInputElement).checked ? [...d.topics, t.slug] : d.topics.filter((s) => s != t.slug))} />
              <span>${String(t.name ?? t.slug)}</span></label>`
          )}
        </div>
      </fieldset>
      <fieldset part="group">
        <legend part="legend">${this.f('promoters')}</legend>
        ${d.promoters.map((p, i) => {
          const n = i + 1;
          return html`<fieldset part="promoter" class="stack">
            <legend part="legend">${this.f('promoter', { n })}</legend>
            ${this.text(`p${i}-name`, this.f('orgName'), () => p.name, (v) => (p.name = v), { ac: i ? 'off' : 'organization' })}
            ${this.text(`p${i}-website`, this.f('website'), () => p.website, (v) => (p.website = v), { type: 'url', ac: 'off', opt: true, hint: this.f('websiteHint') })}
            ${this.select(`p${i}-country`, this.t('country'), () => p.country, (v) => (p.country = v), true, 'off')}
            ${rows > 1 ? html`<div><button type="button" part="button remove" @click=${() => this.removeRow(i)}>${this.f('remove', { n })}</button></div>` : nothing}
          </fieldset>`;
        })}
        ${rows < 10 ? html`<div><button type="button" part="button add" id="add" @click=${this.addRow}>${this.f('add')}</button></div>` : nothing}
      </fieldset>
      <fieldset part="group" class="stack">
        <legend part="legend">${this.f('territory')}</legend>
        ${this.text('municipality', this.f('municipality'), () => d.municipality, (v) => (d.municipality = v), { opt: true, ac: 'address-level2' })}
        ${this.text('region', this.f('region'), () => d.region, (v) => (d.region = v), { opt: true, ac: 'address-level1' })}
        ${this.select('country', this.t('country'), () => d.country, (v) => (d.country = v), false, 'country')}
      </fieldset>
      <fieldset part="group" class="stack" aria-describedby="h-contact">
        <legend part="legend">${this.f('contact')}</legend>
        <p class="hint" part="hint" id="h-contact">${this.f('contactHint')}</p>
        ${this.text('name', this.f('name'), () => d.name, (v) => (d.name = v), { ac: 'name' })}
        ${this.text('email', this.f('email'), () => d.email, (v) => (d.email = v), { type: 'email', ac: 'email' })}
        ${this.text('phone', this.f('phone'), () => d.phone, (v) => (d.phone = v), { type: 'tel', ac: 'tel', opt: true })}
        ${this.text('role', this.f('role'), () => d.role, (v) => (d.role = v), { ac: 'organization-title' })}
      </fieldset>
      <div class="hp" aria-hidden="true">
        <label for="f-leaveThisFieldEmpty">Website</label>
        <input id="f-leaveThisFieldEmpty" name="leaveThisFieldEmpty" type="text" tabindex="-1" autocomplete="off" .value=${live(this.hp)} @input=${(e: Event) => (this.hp = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field" part="field consent">
        ${this.notes('consent')}
        <div class="check">
          <input type="checkbox" part="checkbox" id="f-consent" required .checked=${live(d.consent)} aria-invalid=${this.e.consent ? 'true' : nothing} aria-describedby=${this.desc('consent')}
            @change=${(e: Event) => (d.consent = (e.target as HTMLInputElement).checked)} />
          <label part="label" for="f-consent">${this.f('consent')}</label>
        </div>
        ${privacy ? html`<p><a part="privacy" href=${privacy} target="_blank" rel="noopener">${this.f('privacy')} <span class="opt">${this.f('newTab')}</span></a></p>` : nothing}
      </div>
      <div class="field" part="altcha" id="f-altcha" tabindex="-1" role="group" aria-label=${this.f('check')} aria-describedby=${this.desc('altcha')}>
        ${this.notes('altcha')}
        <altcha-widget
          challengeurl="${this.base}/api/solidarity/submissions/challenge"
          auto="onfocus"
          hidefooter
          hidelogo
          language=${this.ui}
          strings=${JSON.stringify({
            label: this.f('altLabel'),
            verifying: this.f('altVerifying'),
            verified: this.f('altVerified'),
            error: this.f('altError'),
            expired: this.f('altExpired'),
            verificationRequired: this.f('altRequired'),
            waitAlert: this.f('altWait'),
          })}
          @statechange=${this.altcha}
        ></altcha-widget>
      </div>
      <div>
        <button type="submit" part="button submit" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>${this.f(busy ? 'sending' : 'send')}</button>
      </div>
    </form>`;
  }

  /** @internal ALTCHA's statechange: `{ state, payload }` */
  altcha = (e: Event): void => {
    const { state, payload } = ((e as CustomEvent).detail ?? {}) as { state?: string; payload?: string };
    this.as = String(state ?? '');
    this.pay = state == 'verified' && typeof payload == 'string' ? payload : '';
    if (this.w && (state == 'verified' || state == 'error')) {
      this.w(this.pay);
      this.w = undefined;
    }
  };

  /** @internal a proof of work: the one at hand, or one asked of the widget ('' when it cannot be had) */
  proof(): Promise<string> {
    const w = this.renderRoot.querySelector<Altcha>(TAG);
    if (this.pay || !w || !customElements.get(TAG) || this.as == 'error') return Promise.resolve(this.pay);
    return new Promise((res) => {
      const t = setTimeout(() => ((this.w = undefined), res(this.pay)), 60_000);
      this.w = (p) => (clearTimeout(t), res(p));
      if (this.as != 'verifying') w.verify?.();
    });
  }

  /** @internal a used or doubtful proof: the widget solves a new one */
  newProof(): void {
    this.pay = '';
    this.as = '';
    this.renderRoot.querySelector<Altcha>(TAG)?.reset?.();
  }

  addRow = (): void => {
    this.d.promoters.push({ name: '', website: '', country: '' });
    this.pf = `#f-p${this.d.promoters.length - 1}-name`;
    this.requestUpdate();
  };

  /** @internal */
  removeRow(i: number): void {
    this.d.promoters.splice(i, 1);
    for (const k of Object.keys(this.e)) if (/^p\d/.test(k)) delete this.e[k];
    this.pf = '#add';
    this.requestUpdate();
  }

  /** @internal validates, gets a proof of work, sends */
  async submit(): Promise<void> {
    if (this.st) return;
    this.e = validate(this.d);
    this.gen = [];
    this.fail = undefined;
    if (Object.keys(this.e).length) return this.show('#errs');
    this.st = 1;
    const altcha = await this.proof();
    if (!altcha) {
      this.st = 0;
      this.e = { altcha: ['eAltcha'] };
      return this.show('#errs');
    }
    const body = payload(this.d, {
      call: this.call,
      locale: apiLocale(this.locale, this.ui),
      honeypot: this.hp,
      altcha,
      order: this.tops.map((t) => t.slug),
    });
    let r: Response;
    try {
      r = await fetch(`${this.base}/api/solidarity/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (x) {
      return this.failed(0, String(x));
    }
    const j = (await r.json().catch(() => null)) as {
      data?: { id?: string | number; status?: string } | null;
      error?: { message?: string; details?: { errors?: unknown; retryAfter?: unknown } };
    } | null;
    if (r.ok && j?.data?.id != null) {
      this.res = { id: j.data.id, email: body.contact.email };
      this.st = 2;
      this.emit('solidarity-submit', { id: j.data.id, status: j.data.status ?? 'submitted' });
      return this.show('#done');
    }
    const m = String(j?.error?.message ?? r.statusText ?? '');
    if (r.status == 400) {
      const se = serverErrors(j?.error?.details?.errors);
      if (Object.keys(se).length) {
        this.st = 0;
        if (se.altcha) this.newProof();
        const { '': g, ...fields } = se;
        this.e = fields;
        this.gen = g ? [g] : [];
        this.emit('solidarity-submit-error', { status: 400, message: m, errors: j?.error?.details?.errors });
        return this.show('#errs');
      }
    }
    // Retry-After, or (when a cross-origin answer does not expose it) the seconds in the error's details
    this.failed(r.status, m, r.headers.get('retry-after') ?? String(j?.error?.details?.retryAfter ?? ''));
  }

  /** @internal a failed submission: the form stays as it was, with a message on top */
  failed(s: number, m: string, after?: string | null): void {
    const n = retryMinutes(after);
    this.fail =
      s == 403
        ? { k: 'f403' }
        : s == 409
          ? { k: 'f409', m }
          : s == 413
            ? { k: 'f413' }
            : s == 429
              ? n
                ? { k: 'f429', n }
                : { k: 'f429later' }
              : s == 400
                ? { k: 'fBad', m }
                : { k: s ? 'f5xx' : 'fOffline', retry: true };
    this.st = 0;
    this.newProof();
    this.emit('solidarity-submit-error', { status: s, message: m });
    this.show('#fail');
  }

  /** @internal re-renders and focuses `sel` */
  show(sel: string): void {
    this.pf = sel;
    this.requestUpdate();
  }

  /** @internal the thanks */
  done(x: { id: string | number; email: string }): TemplateResult {
    return html`<section class="card stack done" part="success" id="done" tabindex="-1" aria-labelledby="done-t">
      ${heading(this.hl, this.f('thanks'), 'done-t')}
      <p>${this.f('next', { email: x.email })}</p>
      <p part="reference">${this.f('reference', { id: String(x.id) })}</p>
      <div><button type="button" part="button again" @click=${this.again}>${this.f('again')}</button></div>
    </section>`;
  }

  again = (): void => {
    this.d = empty();
    this.hp = '';
    this.e = {};
    this.res = undefined;
    this.pay = this.as = this.live = '';
    this.st = 0;
    this.show('#f-title');
  };
}
