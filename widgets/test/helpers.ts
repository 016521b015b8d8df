/** Helpers of the browser tests. */
import { waitUntil } from '@open-wc/testing';

export const root = (el: Element): ShadowRoot => el.shadowRoot!;
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string): T | null => root(el).querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string): T[] => [...root(el).querySelectorAll<T>(sel)];
export const text = (el: Element): string => (root(el).textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the widget has settled (not busy) and rendered. */
export async function settled(el: Element & { updateComplete: Promise<unknown> }, what = 'the widget to load'): Promise<void> {
  // the built entry defines the element lazily (its chunk loads once the tag is on the page)
  await customElements.whenDefined(el.localName);
  await el.updateComplete;
  await waitUntil(() => $(el, '[part~=base]')?.getAttribute('aria-busy') == 'false', `waiting for ${what}`, { timeout: 4000 });
  await el.updateComplete;
}

/** Waits until the shadow DOM text contains `s`. */
export const shows = (el: Element, s: string): Promise<void> =>
  waitUntil(() => text(el).includes(s), `waiting for "${s}" in: ${text(el).slice(0, 300)}`, { timeout: 4000 });

/** Records uncaught errors and unhandled rejections during a test. */
export function watchErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
