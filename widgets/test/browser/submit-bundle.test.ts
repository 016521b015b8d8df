/**
 * The built <solidarity-submit-practice> (dist/, after `npm run build`) with the real ALTCHA
 * widget, under a `script-src 'self'` Content Security Policy like the demo pages': the form and
 * ALTCHA are loaded only once a form is on the page, ALTCHA solves its challenge without a worker,
 * a blob or eval, and its payload is sent with the practice.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { fakeApi, freshApi, restoreFetch, type Fake } from '../fake-api.js';
import { OPEN_CALL } from '../fixtures/calls.js';
import { $, settled, watchErrors } from '../helpers.js';

// a variable, so that TypeScript and esbuild leave the import of the built file to the browser
const bundle = '../../dist/solidarity.js';
type W = HTMLElement & { updateComplete: Promise<unknown> };

const loaded = () => performance.getEntriesByType('resource').map((e) => e.name.replace(/^.*\/dist\//, ''));
const formChunks = () => loaded().filter((n) => /^chunks\/(submit-practice|form-\w+|altcha)-[\w-]+\.js$/.test(n));

describe('dist: <solidarity-submit-practice> with ALTCHA, under CSP script-src \'self\'', () => {
  const violations: string[] = [];
  let workers = 0,
    blobs = 0,
    api: Fake;
  const base = freshApi();

  before(() => {
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self'; worker-src 'self'; object-src 'none'";
    document.head.append(meta);
    const W0 = window.Worker;
    window.Worker = class extends W0 {
      constructor(u: string | URL, o?: WorkerOptions) {
        workers++;
        super(u, o);
      }
    };
    const c = URL.createObjectURL;
    URL.createObjectURL = (x: Blob | MediaSource) => (blobs++, c(x));
  });
  afterEach(() => restoreFetch());

  it('enforces the policy in this page', async () => {
    expect(() => (0, eval)('1')).to.throw();
    await waitUntil(() => violations.length, 'the violation report');
    violations.length = 0; // that one was on purpose
  });

  it('loads neither the form nor ALTCHA on a page with only the read widgets', async () => {
    api = fakeApi();
    await import(bundle);
    const el = document.createElement('solidarity-practices') as W;
    el.setAttribute('api', base);
    el.setAttribute('page-size', '2');
    document.body.append(el);
    await settled(el);
    await new Promise((r) => setTimeout(r, 200));
    expect(formChunks()).to.deep.equal([]);
    expect(customElements.get('solidarity-submit-practice')).to.equal(undefined);
    expect(customElements.get('altcha-widget')).to.equal(undefined);
    expect(api.calls.some((u) => u.pathname.includes('/submissions'))).to.equal(false);
    el.remove();
  });

  it('loads them when a form appears, solves the proof of work and sends it', async () => {
    const w = watchErrors();
    api = fakeApi();
    await import(bundle);
    const wrap = document.createElement('div');
    wrap.innerHTML = `<solidarity-submit-practice api="${base}" locale="en" call="${OPEN_CALL}" privacy-url="/demo/privacy"></solidarity-submit-practice>`;
    document.body.append(wrap);
    const el = wrap.firstElementChild as W;
    await waitUntil(() => customElements.get('solidarity-submit-practice'), 'the form chunk', { timeout: 4000 });
    await settled(el);
    await waitUntil(() => customElements.get('altcha-widget'), 'the ALTCHA chunk', { timeout: 4000 });
    expect(formChunks().map((n) => n.replace(/-[\w-]{6}\.js$/, '')).sort()).to.deep.equal(['chunks/altcha', 'chunks/form-en', 'chunks/submit-practice-element']);
    // loading the script again does not throw
    await import(bundle + '?copy=2');

    const altcha = $(el, 'altcha-widget')!;
    const states: string[] = [];
    altcha.addEventListener('statechange', (e) => states.push((e as CustomEvent).detail.state));
    await waitUntil(() => altcha.querySelector('input[type=checkbox]'), 'the ALTCHA checkbox');
    // ALTCHA's styles are adopted in the form's shadow root
    expect(getComputedStyle(altcha.querySelector('.altcha')!).display).to.equal('flex');
    expect(altcha.querySelector('label')!.textContent!.trim()).to.equal('I am not a robot');

    const set = (k: string, v: string) => {
      const i = $<HTMLInputElement>(el, `#f-${k}`)!;
      i.value = v;
      i.dispatchEvent(new Event(i.tagName == 'SELECT' ? 'change' : 'input'));
    };
    // the first focus in the form starts the proof of work (auto="onfocus")
    $<HTMLInputElement>(el, '#f-title')!.focus();
    set('title', 'Rebost solidari del barri');
    set('summary', 'A community pantry run by neighbours and the council.');
    $<HTMLInputElement>(el, '#f-topics')!.click();
    set('p0-name', 'Xarxa Solidària del Barri');
    set('country', 'ES');
    set('name', 'Marta Puig');
    set('email', 'marta@xarxabarri.example.cat');
    set('role', 'Coordinator');
    $<HTMLInputElement>(el, '#f-consent')!.click();
    await waitUntil(() => states.includes('verified'), `the proof of work (states: ${states})`, { timeout: 15000 });
    expect(api.calls.filter((u) => u.pathname == '/api/solidarity/submissions/challenge')).to.have.length(1);

    $<HTMLButtonElement>(el, '[part~=submit]')!.click();
    await waitUntil(() => $(el, '[part~=success]'), 'the thanks', { timeout: 4000 });
    const body = api.posts[0].body as { altcha: string; call: string; leaveThisFieldEmpty: string };
    expect(body.call).to.equal(OPEN_CALL);
    expect(body.leaveThisFieldEmpty).to.equal('');
    const proof = JSON.parse(atob(body.altcha));
    expect(proof).to.include({ algorithm: 'SHA-256', number: 1234 });
    expect(proof.salt).to.match(/\?expires=\d+$/);
    expect(proof.challenge).to.match(/^[0-9a-f]{64}$/);

    expect(violations, 'CSP violations').to.deep.equal([]);
    expect(workers, 'workers started').to.equal(0);
    expect(blobs, 'blob URLs made').to.equal(0);
    w.stop();
    expect(w.errors).to.deep.equal([]);
    wrap.remove();
  });
});
