/**
 * The built entry (dist/solidarity.js, after `npm run build`) as partners' pages include it, each
 * page in its own iframe (its own module map and resource timeline): a classic script with `?ver=`
 * (WordPress's wp_enqueue_script), a module, both at once; chunks loaded only for the tags on the
 * page, once each; the bytes a page loads (the build's gzip, served by web-test-runner.config.mjs)
 * within budgets.json; a tag defined by another script; the fallback link inside the element.
 */
import { expect, waitUntil } from '@open-wc/testing';

const DIST = new URL('../../dist/', import.meta.url).href;
const READ = ['practices', 'practice', 'sessions', 'statements'];
const TAG: Record<string, string> = {
  practices: '<solidarity-practices></solidarity-practices>',
  practice: '<solidarity-practice slug="x"></solidarity-practice>',
  sessions: '<solidarity-sessions></solidarity-sessions>',
  statements: '<solidarity-statements></solidarity-statements>',
  form: '<solidarity-submit-practice></solidarity-submit-practice>',
};
/** An empty API (every list empty, every document 404), so that the pages make no real request. */
const FAKE_API = `<script>
  window.__warns = [];
  const w = console.warn;
  console.warn = (...a) => (window.__warns.push(a.join(' ')), w(...a));
  window.fetch = async (u) => /\\/api\\/solidarity\\/\\w+\\/[^/?]+/.test(String(u))
    ? new Response('{"data":null,"error":{"status":404,"name":"NotFoundError","message":"Not Found"}}', { status: 404 })
    : new Response('{"data":[],"meta":{"pagination":{"page":1,"pageSize":10,"pageCount":1,"total":0}}}');
</script>`;

type Page = { w: Window & typeof globalThis & { __warns: string[]; __solidarityLoader?: unknown }; f: HTMLIFrameElement; res(): PerformanceResourceTiming[]; chunks(): string[] };

/** A page (iframe) with `head` and `body`; resolves once it has loaded. */
async function page(head: string, body: string): Promise<Page> {
  const f = document.createElement('iframe');
  f.srcdoc = `<!doctype html><html lang="en"><head>${FAKE_API}${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((r) => f.addEventListener('load', r, { once: true }));
  document.body.append(f);
  await loaded;
  const w = f.contentWindow as Page['w'];
  const res = () => w.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  return { w, f, res, chunks: () => res().map((e) => e.name).filter((n) => n.includes('/dist/chunks/')) };
}
const defined = (p: Page, tags: string[]) =>
  waitUntil(() => tags.every((t) => p.w.customElements.get(`solidarity-${t}`)), `waiting for ${tags.join(', ')} to be defined`, { timeout: 5000 });
/** Every chunk URL requested once at most. */
const once = (p: Page) => {
  const names = p.chunks();
  expect(names.length, names.join('\n')).to.equal(new Set(names).size);
  for (const n of names) expect(n, 'chunks are imported without the query string').not.to.include('?');
};
/** Waits for the page's network to settle (no new resource for 300 ms). */
const quiet = async (p: Page) => {
  let n = -1;
  while (n != p.res().length) {
    n = p.res().length;
    await new Promise((r) => setTimeout(r, 300));
  }
};
/**
 * The base element of every widget on the page is one class (the one below HTMLElement in their
 * prototype chains): the widgets came from one copy of the shared code, not two.
 */
const oneBase = (p: Page, tags: string[]) => {
  const bases = tags.map((t) => {
    let c = p.w.customElements.get(`solidarity-${t}`) as unknown as object;
    while (Object.getPrototypeOf(c) != p.w.HTMLElement) c = Object.getPrototypeOf(c) as object;
    return c;
  });
  expect(new Set(bases).size, `one base element for ${tags.join(', ')}`).to.equal(1);
};
/** A chunk's kind: its name without the hash; a family's (`one-<x>-<hash>[-<tag>].js`): `one-<x>`, `one-<x>+<tag>`. */
const kind = (n: string) => {
  const f = n.replace(/^.*\/chunks\//, ''),
    m = /^one-(\w+)-[\w-]{6}(?:-(practices|practice|sessions|statements|submit-practice))?\.js$/.exec(f);
  return m ? `one-${m[1]}${m[2] ? '+' + m[2] : ''}` : f.replace(/-[\w-]{6}\.js$/, '');
};
/** An API whose lists answer one practice (`A seed bank`) and whose documents (/practices/<slug>) that practice. */
const ONE_PRACTICE_API = (() => {
  const practice = { documentId: 'p1', slug: 'seed-bank', locale: 'en', title: 'A seed bank', summary: 'Seeds kept in common.', topics: [], promoters: [] };
  const one = JSON.stringify({ data: practice });
  const list = JSON.stringify({ data: [practice], meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 1 } } });
  return `<script>window.fetch = async (u) => new Response(/\\/practices\\/[^/?]+/.test(String(u)) ? ${JSON.stringify(one)} : ${JSON.stringify(list)});</script>`;
})();
/** Opens the listed practice in the page's <solidarity-practices> (with ONE_PRACTICE_API) and waits for its full view. */
const openPractice = async (p: Page) => {
  const el = p.w.document.querySelector('solidarity-practices')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~=open]'), '<solidarity-practices> lists the practice');
  (el.shadowRoot!.querySelector('[part~=open]') as HTMLButtonElement).click();
  await waitUntil(() => el.shadowRoot?.querySelector('[part~=detail]')?.textContent?.includes('Seeds kept in common.'), 'the opened practice shows in the list');
};
const classic = (q = '') => `<script src="${DIST}solidarity.js${q}"></script>`;
const module = (q = '') => `<script type="module" src="${DIST}solidarity.js${q}"></script>`;

describe('dist/solidarity.js: the loader on partners\' pages', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('works as a classic script with ?ver= (wp_enqueue_script), in the head', async () => {
    const p = await page(classic('?ver=6.4.2'), TAG.statements);
    await defined(p, ['statements']);
    await quiet(p);
    once(p);
    // one read widget alone: its own build, one chunk
    expect(p.chunks().some((n) => /\/chunks\/one-statements-[\w-]{6}\.js$/.test(n))).to.equal(true);
    expect(p.w.__warns).to.deep.equal([]);
  });

  it('works as a module, and imported', async () => {
    const p = await page(module(), TAG.practices);
    await defined(p, ['practices']);
    const q = await page('', TAG.sessions);
    await (q.w as unknown as { eval(s: string): Promise<unknown> }).eval(`import(${JSON.stringify(DIST + 'solidarity.js')})`);
    await defined(q, ['sessions']);
  });

  it('included three times (a module, two classic scripts with ?ver=), loads each chunk once', async () => {
    const p = await page(module() + classic('?ver=1') + classic('?ver=2'), READ.map((r) => TAG[r]).join(''));
    await defined(p, READ);
    await quiet(p);
    once(p);
    expect(p.res().filter((e) => e.name.includes('/dist/solidarity.js')).length).to.equal(3);
    // four read widgets at load: the one chunk with all four (fewer bytes than the shared chunk and theirs), once
    expect(p.chunks().filter((n) => n.includes('/chunks/all-read-')).length).to.equal(1);
    expect(p.w.__solidarityLoader).to.be.an('object');
  });

  it('picks one chunk per widget for a page with two read widgets, and the chunk with all four for a page with four (script in the head)', async () => {
    const names = (p: Page) => p.chunks().map((n) => n.replace(/^.*\/chunks\//, '').replace(/-[\w-]{6}\.js$/, '')).sort();
    const two = await page(classic(), TAG.sessions + TAG.statements);
    await defined(two, ['sessions', 'statements']);
    await quiet(two);
    expect(names(two)).to.deep.equal(['sessions-element', 'shared', 'statements-element']);
    const four = await page(classic(), READ.map((r) => TAG[r]).join(''));
    await defined(four, READ);
    await quiet(four);
    expect(names(four)).to.deep.equal(['all-read']);
    // every widget renders from it (the empty API: empty lists, the practice not found)
    for (const r of ['practices', 'sessions', 'statements'])
      await waitUntil(() => four.w.document.querySelector(`solidarity-${r}`)!.shadowRoot?.querySelector('[part~=empty]'), `<solidarity-${r}> renders`);
    await waitUntil(() => four.w.document.querySelector('solidarity-practice')!.shadowRoot?.querySelector('[part~=error]'), '<solidarity-practice> renders');
    // a tag added later comes from the same build: no second copy of the shared code
    four.w.document.body.insertAdjacentHTML('beforeend', TAG.form);
    await defined(four, ['submit-practice']);
    await quiet(four);
    once(four);
    expect(names(four).filter((n) => !/^(form-|altcha)/.test(n))).to.deep.equal(['all-read', 'all-submit-practice-element']);
    oneBase(four, [...READ, 'submit-practice']);
    expect(four.w.__warns).to.deep.equal([]);
    // two read widgets: a third and the form added later come from the build with one chunk per widget, beside the one shared chunk
    two.w.document.body.insertAdjacentHTML('beforeend', TAG.practices + TAG.form);
    await defined(two, ['practices', 'submit-practice']);
    await quiet(two);
    once(two);
    expect(names(two).filter((n) => !/^(form-|altcha)/.test(n))).to.deep.equal(['practices-element', 'sessions-element', 'shared', 'statements-element', 'submit-practice-element']);
    await waitUntil(() => two.w.document.querySelector('solidarity-practices')!.shadowRoot?.querySelector('[part~=empty]'), '<solidarity-practices> renders');
    await waitUntil(() => two.w.document.querySelector('solidarity-submit-practice')!.shadowRoot?.querySelector('form'), '<solidarity-submit-practice> renders');
    oneBase(two, ['sessions', 'statements', 'practices', 'submit-practice']);
    expect(two.w.__warns).to.deep.equal([]);
  });

  it('a page that started with one read widget\'s own build loads tags added later from the same family: no second copy of lit-html or the shared client', async () => {
    const p = await page(classic(), TAG.sessions);
    await defined(p, ['sessions']);
    await quiet(p);
    expect(p.chunks().map(kind)).to.deep.equal(['one-sessions']);
    await waitUntil(() => p.w.document.querySelector('solidarity-sessions')!.shadowRoot?.querySelector('[part~=empty]'), '<solidarity-sessions> renders');
    // a tab opened later, in a single-page app: another read widget and the form
    p.w.document.body.insertAdjacentHTML('beforeend', `<section>${TAG.practices}${TAG.form}</section>`);
    await defined(p, ['practices', 'submit-practice']);
    await waitUntil(() => p.w.document.querySelector('solidarity-practices')!.shadowRoot?.querySelector('[part~=empty]'), '<solidarity-practices> renders');
    await waitUntil(() => p.w.document.querySelector('solidarity-submit-practice')!.shadowRoot?.querySelector('form'), '<solidarity-submit-practice> renders');
    await quiet(p);
    once(p);
    const kinds = p.chunks().map(kind);
    // every chunk from the family of <solidarity-sessions> (and its lazy ones), or the form's strings and ALTCHA (one file for
    // every build: they import nothing): no shared-*, no *-element-*, no all-*
    for (const k of kinds) expect(k, kinds.join(', ')).to.match(/^(one-sessions(\+|-|$)|form-\w+$|altcha$)/);
    expect(kinds.filter((k) => /^one-sessions(\+|$)/.test(k)).sort()).to.deep.equal(['one-sessions', 'one-sessions+practices', 'one-sessions+submit-practice']);
    oneBase(p, ['sessions', 'practices', 'submit-practice']);
    expect(p.w.__warns).to.deep.equal([]);
  });

  it('a page that started with <solidarity-practice> alone opens a practice in a <solidarity-practices> added later (the view read from the first chunk through a dynamic import)', async () => {
    const p = await page(classic() + ONE_PRACTICE_API, TAG.practice);
    await defined(p, ['practice']);
    await quiet(p);
    expect(p.chunks().map(kind)).to.deep.equal(['one-practice']);
    p.w.document.body.insertAdjacentHTML('beforeend', `<div>${TAG.practices}</div>`);
    await defined(p, ['practices']);
    await openPractice(p);
    await quiet(p);
    once(p);
    for (const k of p.chunks().map(kind)) expect(k).to.match(/^(one-practice(\+|-|$))/);
    oneBase(p, ['practice', 'practices']);
    expect(p.w.__warns).to.deep.equal([]);
  });

  it('loads only the chunks of the tags on the page, and a tag added later when it appears', async () => {
    const names = (p: Page) => p.chunks().map((n) => n.replace(/^.*\/chunks\//, '').replace(/-[\w-]{6}\.js$/, ''));
    const p = await page(classic(), TAG.statements);
    await defined(p, ['statements']);
    await quiet(p);
    // one read widget alone: the chunk of its own build (the widget with the shared code it uses)
    expect(names(p)).to.deep.equal(['one-statements']);
    await waitUntil(() => p.w.document.querySelector('solidarity-statements')!.shadowRoot?.querySelector('[part~=empty]'), '<solidarity-statements> renders');
    expect(p.w.customElements.get('solidarity-sessions')).to.equal(undefined);
    p.w.document.body.insertAdjacentHTML('beforeend', `<div>${TAG.sessions}</div>`);
    await defined(p, ['sessions']);
    await quiet(p);
    once(p);
    // a tag added later: its chunk from the same family, importing lit-html and the shared client from the first
    expect(p.chunks().map(kind).sort()).to.deep.equal(['one-statements', 'one-statements+sessions']);
    await waitUntil(() => p.w.document.querySelector('solidarity-sessions')!.shadowRoot?.querySelector('[part~=empty]'), '<solidarity-sessions> renders');
    oneBase(p, ['statements', 'sessions']);
    // a read widget with the form is not alone: the shared chunk and theirs
    const q = await page(classic(), TAG.sessions + TAG.form);
    await defined(q, ['sessions', 'submit-practice']);
    await quiet(q);
    expect(names(q).filter((n) => !/^(form-|altcha)/.test(n)).sort()).to.deep.equal(['sessions-element', 'shared', 'submit-practice-element']);
    expect(p.chunks().some((n) => n.includes('/chunks/practices-element-'))).to.equal(false);
    expect(p.chunks().some((n) => n.includes('/chunks/submit-practice-'))).to.equal(false);
  });

  it('stays within the byte budgets (gzip, as loaded): entry, one read widget, all four', async () => {
    const budgets = (await (await fetch(new URL('../../budgets.json', import.meta.url))).json()) as Record<string, number>;
    const bytes = (p: Page) => p.res().filter((e) => e.name.includes('/widgets/dist/')).reduce((n, e) => n + e.encodedBodySize, 0);
    const report: string[] = [];
    for (const r of READ) {
      const p = await page(classic(), TAG[r]);
      await defined(p, [r]);
      await quiet(p);
      const entry = p.res().find((e) => e.name.endsWith('/solidarity.js'))!;
      expect(entry.encodedBodySize, 'served gzip').to.be.lessThan(entry.decodedBodySize);
      expect(entry.encodedBodySize).to.be.at.most(budgets.entry);
      expect(bytes(p), `<solidarity-${r}>`).to.be.at.most(budgets.oneReadWidget);
      report.push(`<solidarity-${r}>: ${bytes(p)} B`);
      p.f.remove();
    }
    const all = await page(classic(), READ.map((r) => TAG[r]).join(''));
    await defined(all, READ);
    await quiet(all);
    expect(bytes(all)).to.be.at.most(budgets.allReadWidgets);
    report.push(`all four: ${bytes(all)} B`);
    console.log(`bytes loaded (gzip): ${report.join('; ')}`);
  });

  it('loads the widgets inside a shadow root given to __solidarityLoader.scan from the build the page uses', async () => {
    const p = await page(classic(), TAG.practice + '<div id="host"></div>');
    await defined(p, ['practice']);
    await quiet(p);
    const root = p.w.document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = TAG.sessions;
    await new Promise((r) => setTimeout(r, 300));
    // the loader does not see inside shadow roots: nothing loaded until it is told
    expect(p.w.customElements.get('solidarity-sessions')).to.equal(undefined);
    (p.w.__solidarityLoader as { scan(root?: ParentNode): void }).scan(root);
    await defined(p, ['sessions']);
    await waitUntil(() => root.querySelector('solidarity-sessions')!.shadowRoot?.querySelector('[part~=empty]'), '<solidarity-sessions> renders in the shadow root');
    await quiet(p);
    once(p);
    expect(p.chunks().map(kind).filter((k) => !k.startsWith('one-practice-')).sort()).to.deep.equal(['one-practice', 'one-practice+sessions']);
    oneBase(p, ['practice', 'sessions']);
  });

  it('does not warn about a tag defined by another script that the page does not have (a chunk imported for another widget defines it too)', async () => {
    const p = await page(`${ONE_PRACTICE_API}<script>customElements.define('solidarity-practice', class extends HTMLElement {})</script>${classic()}`, TAG.practices);
    await defined(p, ['practices']);
    await openPractice(p);
    await quiet(p);
    expect(p.w.__warns).to.deep.equal([]);
    // with the tag on the page, the clash is named (an anonymous class too)
    const q = await page(`<script>customElements.define('solidarity-practice', class extends HTMLElement {})</script>${classic()}`, TAG.practice);
    await waitUntil(() => q.w.__warns.length > 0, 'waiting for the warning', { timeout: 5000 });
    expect(q.w.__warns.join('\n')).to.match(/<solidarity-practice> is already defined by another script \(anonymous class\)/);
  });

  it('warns, naming the tag, when a tag is already defined by another script', async () => {
    const p = await page(`<script>customElements.define('solidarity-statements', class Other extends HTMLElement {})</script>${classic()}`, TAG.statements + TAG.sessions);
    await defined(p, ['sessions']);
    await waitUntil(() => p.w.__warns.length > 0, 'waiting for the warning', { timeout: 5000 });
    expect(p.w.__warns.join('\n')).to.match(/<solidarity-statements> is already defined by another script \(Other\)/);
    expect(p.w.__warns.length).to.equal(1);
  });

  it('shows the fallback link until the widget upgrades, then hides it', async () => {
    const p = await page('', `<solidarity-statements><a href="https://commons.example/demo/">Statements on Solidarity Commons</a></solidarity-statements>`);
    const a = p.w.document.querySelector('a')!;
    expect(a.getClientRects().length, 'visible before the script').to.be.greaterThan(0);
    const s = p.w.document.createElement('script');
    s.src = `${DIST}solidarity.js?ver=2`;
    p.w.document.head.append(s);
    await defined(p, ['statements']);
    await (p.w.document.querySelector('solidarity-statements') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(a.getClientRects().length, 'hidden once upgraded').to.equal(0);
  });
});
