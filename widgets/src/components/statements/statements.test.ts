import { aTimeout, expect, fixture } from '@open-wc/testing';
import { fakeApi, freshApi, json, restoreFetch } from '../../../test/fake-api.js';
import { statementDocs } from '../../../test/fixtures/statements.js';
import { $, $$, settled, shows, text, watchErrors } from '../../../test/helpers.js';
import './statements.js';
import type { SolidarityStatements } from './statements.component.js';

const make = (attrs = '', api = freshApi()) => fixture<SolidarityStatements>(`<solidarity-statements api="${api}" ${attrs}></solidarity-statements>`);
const titles = (el: Element) => $$(el, '[part~=card] [part~=title]').map((h) => h.textContent!.trim());

describe('<solidarity-statements>', () => {
  afterEach(() => restoreFetch());

  it('lists statements with kind, date, issuers, signatories and deadlines', async () => {
    fakeApi();
    const el = await make('locale="en"');
    await settled(el);
    expect(titles(el)).to.have.length(4);
    const [call, old, st, pr] = $$(el, '[part~=card]');
    expect(call.querySelector('[part~=kind]')!.textContent).to.equal('Open call');
    expect(call.querySelector('[part~=deadline]')!.textContent).to.match(/^Deadline: \d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(call.textContent).to.include('Issued by RIPESS Europe and Federació de Cooperatives de Treball');
    expect(call.querySelector('time')!.textContent).to.equal('15 January 2026');
    expect(old.querySelector('[part~=closed]')!.textContent).to.equal('Closed');
    expect(old.querySelector('[part~=deadline]')).to.equal(null);
    expect(st.querySelector('[part~=kind]')!.textContent).to.equal('Sector statement');
    expect(st.querySelector('[part~=deadline], [part~=closed]')).to.equal(null);
    expect(st.textContent).to.include('Signed by 5 organisations');
    expect(pr.querySelector('[part~=kind]')!.textContent).to.equal('Press release');
    // titles link to public pages, never to javascript: URLs
    expect(call.querySelector<HTMLAnchorElement>('[part~=title] a')!.href).to.equal('https://xarxa.example.org/calls/2026');
    expect(pr.querySelector('[part~=title] a')).to.equal(null);
    expect(pr.querySelector('[part~=title]')!.textContent).to.equal('Press release: the network grows to 120 members');
    await expect(el).to.be.accessible();
  });

  it('filters by kind and re-fetches when it changes', async () => {
    const api = fakeApi();
    const el = await make('kind="open-call" locale="ca"');
    await settled(el);
    expect(api.calls[0].searchParams.get('kind')).to.equal('open-call');
    expect(titles(el)).to.deep.equal(['Convocatòria de bones pràctiques 2026', 'Youth cooperative projects call 2024']);
    expect($(el, '[part~=deadline]')!.textContent).to.match(/^Termini: /);
    expect($(el, '[part~=closed]')!.textContent).to.equal('Tancada');
    expect($(el, '[part~=count]')!.textContent).to.equal('2 declaracions');
    el.setAttribute('kind', 'sector-statement');
    await settled(el);
    expect(api.calls.at(-1)!.searchParams.get('kind')).to.equal('sector-statement');
    expect(titles(el)).to.deep.equal(['The social economy needs more than an action plan']);
    expect($(el, '[part~=kind]')!.textContent).to.equal('Declaració sectorial');
  });

  it('shows one statement with its full text with `slug`, no list around it', async () => {
    const st = statementDocs[2]!;
    const body = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'What we ask' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Binding targets for social clauses in every tender.' }] },
    ];
    const api = fakeApi({ statements: [st, { ...st, base: { ...st.base, documentId: 'st9', slug: 'with-body' }, t: { en: { ...st.t.en!, body } } }] });
    const el = await make('slug="with-body" locale="en" kind="open-call"');
    await settled(el);
    expect(api.calls.map((u) => u.pathname + u.search)).to.deep.equal(['/api/solidarity/statements/with-body?locale=en']);
    expect(titles(el)).to.deep.equal(['The social economy needs more than an action plan']);
    const card = $(el, '[part~=card]')!;
    expect(card.querySelector('[part~=summary]')!.textContent).to.equal('Five networks ask for binding public procurement targets.');
    // the full text, its headings below the title's level (h3)
    expect(card.querySelector('h4')!.textContent).to.equal('What we ask');
    expect(card.textContent).to.include('Binding targets for social clauses in every tender.');
    expect(card.textContent).to.include('Signed by 5 organisations');
    expect($(el, '[part~=count]')!.textContent).to.equal('');
    expect($(el, '[part~=pagination]')).to.equal(null);
    await expect(el).to.be.accessible();
    el.removeAttribute('slug');
    await settled(el);
    expect(api.calls.at(-1)!.searchParams.get('kind')).to.equal('open-call');
    expect($(el, '[part~=empty]')!.textContent).to.equal('No statements match these filters.');
  });

  it('shows the empty state and errors, translated', async () => {
    fakeApi();
    const el = await make('kind="position-paper" locale="el"');
    await settled(el);
    await shows(el, 'Καμία δήλωση δεν ταιριάζει με αυτά τα φίλτρα.');
    await expect(el).to.be.accessible();
    fakeApi({ override: () => new Response('Bad Gateway', { status: 502 }) });
    el.setAttribute('kind', 'open-call');
    await settled(el);
    expect($(el, '[part~=error]')!.textContent).to.include('Δεν ήταν δυνατή η φόρτωση του περιεχομένου.');
    expect($(el, '[part~=retry]')!.textContent).to.equal('Δοκιμάστε ξανά');
    await expect(el).to.be.accessible();
  });

  it('links with href-template when given', async () => {
    fakeApi();
    const el = await make('href-template="/news/{slug}"');
    await settled(el);
    expect($$<HTMLAnchorElement>(el, '[part~=title] a').map((a) => new URL(a.href).pathname)).to.deep.equal([
      '/news/call-good-practices-2026',
      '/news/call-youth-2024',
      '/news/statement-eu-social-economy-action-plan',
      '/news/press-release-assembly',
    ]);
  });

  it('shows a skeleton while loading, and retries after an unreachable server', async () => {
    let down = true;
    const api = fakeApi({ override: () => (down ? Promise.reject(new TypeError('NetworkError')) : undefined) });
    api.hold();
    const el = await make('page-size="3" locale="es"');
    await el.updateComplete;
    expect($$(el, '[part~=skeleton]')).to.have.length(3);
    expect($(el, '[part~=base]')!.getAttribute('aria-busy')).to.equal('true');
    api.release();
    await settled(el);
    expect($(el, '[part~=error]')!.textContent).to.include('No se ha podido contactar con el servidor.');
    down = false;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await settled(el);
    expect(titles(el)).to.have.length(3);
    expect($(el, '[part~=count]')!.textContent).to.equal('4 declaraciones');
  });

  it('switches language and pages with "load more" until the end', async () => {
    const api = fakeApi();
    const el = await make('locale="en" page-size="3" pagination="more"');
    await settled(el);
    el.setAttribute('locale', 'el');
    await settled(el);
    await shows(el, 'Περισσότερα');
    expect(api.calls.at(-1)!.searchParams.get('locale')).to.equal('el');
    expect(titles(el)[2]).to.equal('Η κοινωνική οικονομία χρειάζεται κάτι περισσότερο από ένα σχέδιο δράσης');
    $<HTMLButtonElement>(el, '[part~=more]')!.click();
    await settled(el);
    expect(titles(el)).to.have.length(4);
    expect($(el, '[part~=end]')!.textContent).to.equal('Τέλος της λίστας.');
    await expect(el).to.be.accessible();
  });

  it('renders hostile content and junk inert', async () => {
    const w = watchErrors();
    delete (window as { __xss?: number }).__xss;
    fakeApi({
      override: () =>
        json({
          data: [
            { ...statementDocs[0].base, locale: 'en', title: '<img src=x onerror=window.__xss=1>', summary: '<script>window.__xss=1</script>', kind: 'open-call', deadline: 'tomorrow', issuers: [{ name: '<b onclick=x>' }], topics: [{ name: '<svg onload=window.__xss=1>' }] },
            { slug: 'junk', title: 42, kind: { a: 1 }, issuers: 'nobody', signatories: 'many', deadline: null, issuedOn: 'yesterday' },
          ],
          meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 } },
        }),
    });
    const el = await make();
    await settled(el);
    await aTimeout(50);
    expect(el.shadowRoot!.querySelectorAll('script, img, svg, [onerror], [onclick]')).to.have.length(0);
    expect(text(el)).to.include('<img src=x onerror=window.__xss=1>');
    expect(titles(el)).to.deep.equal(['<img src=x onerror=window.__xss=1>', '42']);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });
});
