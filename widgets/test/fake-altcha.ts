/**
 * A stand-in for the ALTCHA widget in the component tests (the real one is tested on the built
 * bundle in test/browser/submit-bundle.test.ts). Same tag, attributes, methods and events as
 * altcha 2 (README of node_modules/altcha): a checkbox labelled by `strings.label`; `verify()`
 * (also on ticking it, or on the form's first focus with auto="onfocus") goes through the states
 * verifying -> verified, firing `statechange` `{ state, payload }` and `verified` `{ payload }`.
 */
export const PAYLOAD = btoa(JSON.stringify({ algorithm: 'SHA-256', challenge: 'c'.repeat(64), number: 1234, salt: 'salt?expires=1', signature: 's'.repeat(64), took: 5 }));

export const altchaLog: { verify: number; reset: number; fail: boolean; delay: number } = { verify: 0, reset: 0, fail: false, delay: 5 };

class FakeAltcha extends HTMLElement {
  state = 'unverified';
  private box?: HTMLInputElement;
  private form?: HTMLFormElement | null;
  private onFocus = () => {
    if (this.getAttribute('auto') == 'onfocus' && this.state == 'unverified') this.verify();
  };

  static get observedAttributes() {
    return ['strings'];
  }

  connectedCallback() {
    if (!this.box) {
      const id = `altcha_${Math.random().toString(36).slice(2)}`;
      this.innerHTML = `<div class="altcha"><input type="checkbox" id="${id}"><label for="${id}"></label></div>`;
      this.box = this.querySelector('input')!;
      this.box.addEventListener('change', () => (this.box!.checked ? this.verify() : this.reset()));
    }
    this.attributeChangedCallback();
    this.form = this.closest('form');
    this.form?.addEventListener('focusin', this.onFocus);
  }

  disconnectedCallback() {
    this.form?.removeEventListener('focusin', this.onFocus);
  }

  attributeChangedCallback() {
    const label = this.querySelector('label');
    if (label) label.textContent = (JSON.parse(this.getAttribute('strings') || '{}') as { label?: string }).label ?? 'I am not a robot';
  }

  private set(state: string, payload: string | null = null) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('statechange', { detail: { state, payload } }));
    if (state == 'verified') this.dispatchEvent(new CustomEvent('verified', { detail: { payload } }));
  }

  verify() {
    altchaLog.verify++;
    this.set('verifying');
    setTimeout(() => {
      if (altchaLog.fail) return this.set('error');
      this.box!.checked = true;
      this.set('verified', PAYLOAD);
    }, altchaLog.delay);
  }

  reset() {
    altchaLog.reset++;
    if (this.box) this.box.checked = false;
    this.set('unverified');
  }

  getState() {
    return this.state;
  }
}

if (!customElements.get('altcha-widget')) customElements.define('altcha-widget', FakeAltcha);
