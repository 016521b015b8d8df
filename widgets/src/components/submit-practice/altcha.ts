/**
 * The ALTCHA widget, in its own chunk: imported by <solidarity-submit-practice> only, when the
 * form is on the page and no `<altcha-widget>` is defined yet.
 *
 * The "external" build: no inline (blob) worker, no injected <style>, no eval, so it runs under a
 * `script-src 'self'` Content Security Policy. Its styles are exported for the form's shadow root.
 *
 * The proof of work is solved on the main thread, with `crypto.subtle` (each hash awaited, so the
 * page stays responsive): a Worker cannot be started from a script of another origin, which is
 * what a widget embedded on a partner's site is, and a blob worker would need `worker-src blob:`.
 */
import 'altcha/external';
import css from 'altcha/altcha.css';

/** ALTCHA's stylesheet, to adopt in a shadow root. */
export const sheet = new CSSStyleSheet();
sheet.replaceSync(css);

interface Work {
  type: string;
  payload?: { algorithm?: string; challenge?: string; salt?: string };
  start?: number;
  max?: number;
}

const enc = new TextEncoder();
const hex = (b: ArrayBuffer): string => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

/** What ALTCHA asks of a worker (postMessage work/abort, a "message" with the solution or null, terminate), on the main thread. */
class Solver extends EventTarget {
  private stop = false;

  postMessage(m: Work): void {
    if (m?.type == 'abort') this.stop = true;
    else if (m?.type == 'work') void this.work(m);
  }

  terminate(): void {
    this.stop = true;
  }

  private async work({ payload: p = {}, start = 0, max = 1e6 }: Work): Promise<void> {
    const t = Date.now(),
      alg = String(p.algorithm || 'SHA-256').toUpperCase();
    let data: { number: number; took: number; worker: boolean } | null = null;
    try {
      for (let n = start; n <= max && !this.stop; n++)
        if (hex(await crypto.subtle.digest(alg, enc.encode(`${p.salt}${n}`))) == p.challenge) {
          data = { number: n, took: Date.now() - t, worker: true };
          break;
        }
    } catch {
      // no Web Crypto (not a secure context) or an unknown algorithm: no solution
    }
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

(globalThis as { altchaCreateWorker?: () => unknown }).altchaCreateWorker = () => new Solver();
