/**
 * The built bundle (dist/solidarity.js, minified, with its hashed chunks) in the browser: what a
 * partner site really loads. Run after `npm run build`.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { fakeApi, freshApi, restoreFetch } from '../fake-api.js';
import { $, $$, settled, shows, text, watchErrors } from '../helpers.js';

const TAGS = ['solidarity-practices', 'solidarity-practice', 'solidarity-sessions', 'solidarity-statements'];
// a variable, so that TypeScript and esbuild leave the import of the built file to the browser
const bundle = '../../dist/solidarity.js';

describe('dist/solidarity.js', () => {
  afterEach(() => restoreFetch());

  it('registers every read widget once its tag is on the page, and loading it again (or another copy) does not throw', async () => {
    const w = watchErrors();
    await import(bundle);
    for (const t of TAGS) document.body.append(document.createElement(t));
    await Promise.all(TAGS.map((t) => customElements.whenDefined(t)));
    for (const t of TAGS) expect(customElements.get(t), t).to.be.a('function');
    document.body.querySelectorAll(TAGS.join()).forEach((e) => e.remove());
    await import(bundle + '?copy=2');
    await import(bundle + '?copy=3');
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });

  it('renders each widget from the built code, loading a locale chunk on demand', async () => {
    await import(bundle);
    const api = freshApi();
    const f = fakeApi();
    const practices = await fixture(`<solidarity-practices api="${api}" locale="ca" page-size="3" controls="topic,country,search"></solidarity-practices>`);
    await settled(practices as HTMLElement & { updateComplete: Promise<unknown> });
    await shows(practices, '12 pràctiques');
    expect(text(practices)).to.include('Pàgina 1 de 4');
    expect($$(practices, 'article')).to.have.length(3);
    await expect(practices).to.be.accessible();
    const chunks = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/chunks/'));
    expect(chunks.some((n) => /\/chunks\/ca-[\w-]+\.js$/.test(n)), chunks.join()).to.equal(true);

    // a practice's fiche: its own chunk, loaded only by a practice that has one
    const fiche = () => performance.getEntriesByType('resource').some((e) => /\/dist\/chunks\/practice-fiche-[\w-]+\.js$/.test(e.name));
    expect(fiche()).to.equal(false);
    const one = await fixture(`<solidarity-practice api="${api}" slug="rebost-solidari-del-barri" locale="en"></solidarity-practice>`);
    await settled(one as HTMLElement & { updateComplete: Promise<unknown> });
    expect($(one, '.body h4')!.textContent).to.equal('How it works');
    await shows(one, 'Lessons learned');
    expect($(one, '[data-fiche=budgetRange]')!.textContent).to.include('€5,000 to €20,000');
    expect($(one, '[data-fiche=partners] a[rel=noopener]')!.getAttribute('href')).to.equal('https://pagesia.example.cat/');
    expect(fiche()).to.equal(true);

    const sessions = await fixture(`<solidarity-sessions api="${api}" locale="es"></solidarity-sessions>`);
    await settled(sessions as HTMLElement & { updateComplete: Promise<unknown> });
    await shows(sessions, 'Añadir al calendario');
    expect($(sessions, 'a[part~=subscribe]')!.getAttribute('href')).to.match(/^webcal:\/\//);

    const statements = await fixture(`<solidarity-statements api="${api}" locale="el" kind="open-call"></solidarity-statements>`);
    await settled(statements as HTMLElement & { updateComplete: Promise<unknown> });
    await shows(statements, 'Ανοιχτή πρόσκληση');
    expect($(statements, '[part~=closed]')!.textContent).to.equal('Έκλεισε');
    expect(f.calls.every((u) => u.origin == api)).to.equal(true);
  });

  it('a list loads a practice\'s full view only when one is opened, from <solidarity-practice>\'s chunk', async () => {
    // a page of its own (an iframe: its own module map), with the fake API as its fetch
    const f = document.createElement('iframe');
    document.body.append(f);
    const w = f.contentWindow as Window & typeof globalThis & { eval(s: string): Promise<unknown> };
    fakeApi();
    w.fetch = window.fetch.bind(window);
    const chunks = () =>
      (w.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name.replace(/^.*\/chunks\//, '')).filter((n) => !n.includes('/'));
    try {
      await w.eval(`import(${JSON.stringify(new URL(bundle, import.meta.url).href)})`);
      w.document.body.innerHTML = `<solidarity-practices api="${freshApi()}" locale="en" page-size="3"></solidarity-practices>`;
      const el = w.document.querySelector('solidarity-practices')!;
      await waitUntil(() => el.shadowRoot && $$(el, 'article').length == 3, 'the list renders');
      expect(chunks().some((n) => n.startsWith('practice-element-')), chunks().join()).to.equal(false);
      expect(w.customElements.get('solidarity-practice')).to.equal(undefined);
      const title = $(el, 'article [part~=title]')!.textContent!.trim();
      $<HTMLButtonElement>(el, 'button[part~=open]')!.click();
      await waitUntil(() => $(el, '[part~=detail]'), 'the practice opens');
      expect($(el, '[part~=detail] [part~=title]')!.textContent).to.include(title);
      expect(chunks().filter((n) => /^(open|practice-element)-[\w-]+\.js$/.test(n)).map((n) => n.replace(/-[\w-]{6}\.js$/, '')).sort()).to.deep.equal(['open', 'practice-element']);
      expect(chunks().some((n) => n.startsWith('practice-view-')), 'no chunk of its own').to.equal(false);
    } finally {
      w.history.replaceState(null, '', w.location.href.replace(/#.*/, ''));
      f.remove();
    }
  });

  it('defaults the API to the origin the script was loaded from', async () => {
    await import(bundle);
    const f = fakeApi();
    const el = await fixture(`<solidarity-statements locale="en"></solidarity-statements>`);
    await settled(el as HTMLElement & { updateComplete: Promise<unknown> });
    expect(f.calls[0].origin).to.equal(location.origin);
    expect(f.calls[0].pathname).to.equal('/api/solidarity/statements');
  });
});
