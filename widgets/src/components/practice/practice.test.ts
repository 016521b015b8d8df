import { aTimeout, expect, fixture } from '@open-wc/testing';
import { apiError, fakeApi, freshApi, restoreFetch } from '../../../test/fake-api.js';
import { xssDoc } from '../../../test/fixtures/practices.js';
import { $, $$, settled, shows, text, watchErrors } from '../../../test/helpers.js';
import './practice.js';
import type { SolidarityPractice } from './practice.component.js';

const make = (attrs = 'slug="rebost-solidari-del-barri"', api = freshApi()) =>
  fixture<SolidarityPractice>(`<solidarity-practice api="${api}" ${attrs}></solidarity-practice>`);

describe('<solidarity-practice>', () => {
  afterEach(() => restoreFetch());

  it('renders one practice in full, with its rich-text body', async () => {
    const api = fakeApi();
    const el = await make('slug="rebost-solidari-del-barri" locale="en"');
    await settled(el);
    expect(api.calls[0].pathname).to.equal('/api/solidarity/practices/rebost-solidari-del-barri');
    expect(api.calls[0].searchParams.get('locale')).to.equal('en');
    expect($(el, 'h3[part~=title]')!.textContent).to.equal('Neighbourhood solidarity food bank');
    const body = $(el, '.body')!;
    // text modifiers
    expect(body.querySelector('strong')!.textContent).to.equal('the neighbours themselves');
    expect(body.querySelector('em')!.textContent).to.equal('no charity logic');
    expect(body.querySelector('u')!.textContent).to.equal('shared rules');
    expect(body.querySelector('s')!.textContent).to.equal('old model');
    expect(body.querySelector('p code')!.textContent).to.equal('stock.csv');
    // links: https and mailto
    expect([...body.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://xarxabarri.example.cat/model',
      'mailto:rebost@xarxabarri.example.cat',
    ]);
    // headings nested below the h3 title
    expect([...body.querySelectorAll('h4, h5')].map((h) => `${h.tagName} ${h.textContent}`)).to.deep.equal(['H4 How it works', 'H5 Results']);
    // ordered list with a nested unordered list
    expect(body.querySelectorAll('ol > li')).to.have.length(3);
    expect(body.querySelector('ol > li > ul > li')!.textContent).to.equal('Monday: collection from local farms');
    expect(body.querySelector('blockquote')!.textContent).to.include('Nobody asks you why you come.');
    expect(body.querySelector('pre > code')!.textContent).to.equal('households: 412\nkg_rescued_2025: 38200');
    const img = body.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(new URL('/uploads/rebost_2c1f.jpg', api.calls[0]).href);
    expect(img.getAttribute('alt')).to.equal('Volunteers sorting vegetables in the neighbourhood food bank');
    expect(img.getAttribute('width')).to.equal('800');
    // the rest of the practice
    expect(text(el)).to.include('Since April 2020');
    expect(text(el)).to.include('Promoted by Xarxa Solidària del Barri and Cooperativa Coopmar');
    expect(text(el)).to.include('Call: SSE responses to COVID-19');
    expect(text(el)).to.include('Licence: CC BY-SA 4.0');
    expect($(el, '[part~=criteria]')!.getAttribute('aria-label')).to.equal('Criteria');
    expect($$(el, '[part~=criteria] li').map((l) => l.textContent)).to.deep.equal(['Crisis response', 'Inter-cooperation']);
    expect($$(el, '[part~=links] a').map((a) => a.textContent)).to.deep.equal(['Annual report 2025 (PDF)']);
    expect($$(el, 'a').some((a) => a.textContent == 'Original page')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading', async () => {
    const api = fakeApi();
    api.hold();
    const el = await make();
    await el.updateComplete;
    expect($(el, '[part~=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '[part~=skeleton]')!.getBoundingClientRect().height).to.be.greaterThan(200);
    await expect(el).to.be.accessible();
    api.release();
    await settled(el);
  });

  it('says when the practice does not exist (404), without a useless retry', async () => {
    fakeApi();
    const el = await make('slug="no-such-practice"');
    await settled(el);
    expect($(el, '[part~=error]')!.textContent).to.include('This content could not be found.');
    expect($(el, '[part~=retry]')).to.equal(null);
    await expect(el).to.be.accessible();
    const empty = await make('');
    await settled(empty);
    expect($(empty, '[part~=error]')!.textContent).to.include('This content could not be found.');
  });

  it('retries after a server error', async () => {
    let fail = true;
    fakeApi({ override: () => (fail ? apiError(500, 'InternalServerError', 'Internal Server Error') : undefined) });
    const el = await make('slug="fablab-repair-cafe" locale="ca"');
    await settled(el);
    expect($(el, '[part~=error]')!.textContent).to.include('No s’ha pogut carregar el contingut.');
    expect($(el, '[part~=retry]')!.textContent).to.equal('Torna-ho a provar');
    fail = false;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await settled(el);
    await shows(el, 'Repair café en un fab lab cooperatiu');
    expect(text(el)).to.include('Inici: setembre del 2018');
  });

  it('re-fetches when slug or locale change, and marks fallback content', async () => {
    const api = fakeApi();
    const el = await make('slug="koinsep-social-kitchen" locale="el"');
    await settled(el);
    expect(text(el)).to.include('Κοινωνική κουζίνα μιας ΚοινΣΕπ');
    expect(text(el)).to.include('Ιανουάριος 2016');
    el.setAttribute('locale', 'fr');
    await settled(el);
    await shows(el, 'Disponible en anglais');
    expect($(el, '[part~=note]')!.getAttribute('lang')).to.equal('fr');
    expect($(el, 'article')!.getAttribute('lang')).to.equal('en');
    el.setAttribute('slug', 'boulangerie-cooperative');
    await settled(el);
    await shows(el, 'Boulangerie coopérative pour les cantines scolaires');
    expect(api.calls.map((u) => u.pathname.split('/').pop() + ':' + u.searchParams.get('locale'))).to.deep.equal([
      'koinsep-social-kitchen:el',
      'koinsep-social-kitchen:fr',
      'boulangerie-cooperative:fr',
    ]);
  });

  it('renders hostile content inert', async () => {
    const w = watchErrors();
    delete (window as { __xss?: number }).__xss;
    fakeApi({ practices: [xssDoc] });
    const el = await make('slug="xss" heading-level="2"');
    await settled(el);
    await aTimeout(50);
    const r = el.shadowRoot!;
    expect(r.querySelectorAll('script, [onerror], [onload], [onmouseover], svg, img')).to.have.length(0);
    expect(r.querySelectorAll('a')).to.have.length(0);
    expect($(el, 'h2')!.textContent).to.equal('<img src=x onerror="window.__xss=1">Free <script>window.__xss=1</script>');
    expect(text(el)).to.include('<script>window.__xss=1</script>');
    expect(text(el)).to.include('a mixed-case js link');
    expect(text(el)).to.include('a data link');
    expect(text(el)).to.include('unknown block');
    // a heading level out of range is clamped
    expect($(el, '.body h6')!.textContent).to.equal('<svg onload=window.__xss=1>');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });
});
