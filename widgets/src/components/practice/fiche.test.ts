import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import { fakeApi, freshApi, restoreFetch } from '../../../test/fake-api.js';
import { xssDoc } from '../../../test/fixtures/practices.js';
import { $, $$, settled, text, watchErrors } from '../../../test/helpers.js';
import '../practices/practices.js';
import type { SolidarityPractices } from '../practices/practices.component.js';
import './practice.js';
import type { SolidarityPractice } from './practice.component.js';

/*
 * A practice's systematisation fiche (issue #15) in <solidarity-practice> and in the practice a
 * <solidarity-practices> list opens: its public sections under headings in the widget's language, in
 * a chunk of its own (src/internal/practice-fiche.ts) that only a practice with a fiche loads. This
 * file's first test runs before anything here imports that chunk.
 */

const make = (attrs: string, api = freshApi()) => fixture<SolidarityPractice>(`<solidarity-practice api="${api}" ${attrs}></solidarity-practice>`);

/** The fiche's chunk among the modules this page has loaded (its source file here, `practice-fiche-*.js` when built). */
const ficheLoaded = () => performance.getEntriesByType('resource').some((e) => /\/practice-fiche[-.]/.test(e.name));

/** Waits until the fiche shows, then for the element's update. */
const fiche = async (el: SolidarityPractice | SolidarityPractices): Promise<HTMLElement> => {
  await waitUntil(() => $(el, '[part~=fiche]'), 'waiting for the fiche', { timeout: 4000 });
  await el.updateComplete;
  return $<HTMLElement>(el, '[part~=fiche]')!;
};

/** Each section as [data-fiche, heading, text]. */
const sections = (f: HTMLElement) =>
  [...f.querySelectorAll<HTMLElement>('[part~=fiche-section]')].map((s) => [
    s.dataset.fiche,
    s.querySelector('h1, h2, h3, h4, h5, h6')!.textContent,
    [...s.children].slice(1).map((c) => (c as HTMLElement).innerText.trim()).join(' | '),
  ]);

describe('the systematisation fiche in the widgets', () => {
  afterEach(() => {
    restoreFetch();
    // an opened practice is in the page URL: each test starts without one
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('does not load the fiche’s chunk for practices without a fiche', async () => {
    const api = fakeApi();
    const el = await make('slug="fablab-repair-cafe" locale="en"');
    await settled(el);
    expect(text(el)).to.include('Repair café');
    // opened from a list too
    const list = await fixture<SolidarityPractices>(`<solidarity-practices api="${freshApi()}" q="repair"></solidarity-practices>`);
    await settled(list);
    $<HTMLButtonElement>(list, 'button[part~=open]')!.click();
    await settled(list);
    expect($(list, '[part~=detail]')).to.not.equal(null);
    await aTimeout(100);
    expect(api.calls.some((u) => u.pathname.endsWith('/practices/fablab-repair-cafe'))).to.equal(true);
    expect($(el, '[part~=fiche]')).to.equal(null);
    expect($(list, '[part~=fiche]')).to.equal(null);
    expect(ficheLoaded(), performance.getEntriesByType('resource').map((e) => e.name).join('\n')).to.equal(false);
  });

  it('shows the public sections in English, in fiche order, skipping empty ones', async () => {
    fakeApi();
    const el = await make('slug="rebost-solidari-del-barri" locale="en"');
    await settled(el);
    const f = await fiche(el);
    expect(ficheLoaded()).to.equal(true);
    // one level below the practice's title (h3)
    expect($$(el, '[part~=fiche-section] > h4')).to.have.length(9);
    expect(sections(f)).to.deep.equal([
      ['context', 'Context and need', 'In 2020 the lockdown left many households without income.\nThe usual food banks had queues of hours. | Neighbours wanted dignity, not charity.'],
      ['objectives', 'Objectives', 'Share good food among neighbours as equals.'],
      ['resources', 'Resources', 'Forty volunteers, a shop lent by the council.'],
      ['budgetRange', 'Budget', '€5,000 to €20,000'],
      ['results', 'Results', 'Members decide together what the food bank buys.'],
      ['figures', 'In figures', '412 households are members\n38,200 kg food rescued in 2025'],
      ['replicability', 'What others can replicate', 'Any neighbourhood association with a room and a fridge.'],
      ['lessons', 'Lessons learned', 'Shared rules matter more than money.'],
      ['partners', 'Partners', 'Pagesia del Lluçanès: Supplies vegetables every Monday\nBanc de temps: Finds volunteers'],
    ]);
    // a line break kept as one, a blank line as a new paragraph
    const context = f.querySelector('[data-fiche=context]')!;
    expect(context.querySelectorAll('p')).to.have.length(2);
    expect(context.querySelectorAll('p br')).to.have.length(1);
    // figures: value and unit, then the label
    expect([...f.querySelectorAll('[data-fiche=figures] strong')].map((s) => s.textContent)).to.deep.equal(['412', '38,200 kg']);
    // partners: the website linked, in a new tab without access to the page
    const links = [...f.querySelectorAll<HTMLAnchorElement>('[data-fiche=partners] a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.rel, a.target])).to.deep.equal([
      ['Pagesia del Lluçanès', 'https://pagesia.example.cat/', 'noopener', '_blank'],
    ]);
    // after the body, before the images and tags
    const article = $(el, 'article')!;
    expect(article.querySelector('.body')!.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows the headings in the widget’s language (Catalan), in <solidarity-practice> and in an opened practice', async () => {
    fakeApi();
    const el = await make('slug="rebost-solidari-del-barri" locale="ca"');
    await settled(el);
    const expected = [
      ['context', 'Context i necessitat', 'El 2020 el confinament va deixar moltes llars sense ingressos.'],
      ['objectives', 'Objectius', 'Compartir bon menjar entre veïnes, d’igual a igual.'],
      ['budgetRange', 'Pressupost', 'De 5.000 a 20.000 €'],
      ['results', 'Resultats', 'Les sòcies decideixen juntes què compra el rebost.'],
      ['figures', 'En xifres', '412 llars sòcies\n38.200 kg aliments recuperats el 2025'],
      ['partners', 'Entitats col·laboradores', 'Pagesia del Lluçanès: Porta verdura cada dilluns'],
    ];
    expect(sections(await fiche(el))).to.deep.equal(expected);

    const list = await fixture<SolidarityPractices>(`<solidarity-practices api="${freshApi()}" locale="ca" heading-level="2"></solidarity-practices>`);
    await settled(list);
    $<HTMLButtonElement>(list, '[data-s="rebost-solidari-del-barri"]')!.click();
    await settled(list);
    const f = await fiche(list);
    expect(sections(f)).to.deep.equal(expected);
    expect($$(list, '[part~=fiche-section] > h3')).to.have.length(expected.length);
    await expect(list).to.be.accessible();
    // the list itself never asks for or shows a fiche; back to it, none is left
    $<HTMLButtonElement>(list, '[part~=back]')!.click();
    await settled(list);
    expect($(list, '[part~=fiche]')).to.equal(null);
  });

  it('a document in the widget’s language fallback keeps the headings in the widget’s language', async () => {
    fakeApi();
    // no Greek text: the English one, headings in Greek
    const el = await make('slug="rebost-solidari-del-barri" locale="el"');
    await settled(el);
    const s = sections(await fiche(el));
    expect(s[0].slice(0, 2)).to.deep.equal(['context', 'Πλαίσιο και ανάγκη']);
    expect(s.find((x) => x[0] == 'budgetRange')![2]).to.equal('5.000 € έως 20.000 €');
  });

  it('renders a hostile fiche inert: text stays text, a javascript: website is not linked', async () => {
    const w = watchErrors();
    delete (window as { __xss?: number }).__xss;
    fakeApi({ practices: [xssDoc] });
    const el = await make('slug="xss"');
    await settled(el);
    const f = await fiche(el);
    await aTimeout(50);
    const r = el.shadowRoot!;
    expect(r.querySelectorAll('script, img, svg, b, [onerror], [onload], [onmouseover]')).to.have.length(0);
    expect(r.querySelectorAll('a')).to.have.length(0);
    const context = f.querySelector<HTMLElement>('[data-fiche=context]')!;
    expect(context.innerText).to.include('<img src=x onerror="window.__xss=1">context\n<script>window.__xss=1</script>');
    // an unknown budget range is left out, not shown
    expect(f.querySelector('[data-fiche=budgetRange]')).to.equal(null);
    expect(f.querySelector('[data-fiche=figures]')!.textContent).to.include('1 <b> <svg onload=window.__xss=1>');
    const partners = f.querySelector<HTMLElement>('[data-fiche=partners]')!;
    expect(partners.innerText).to.include('a js partner: <img src=x onerror="window.__xss=1">');
    expect(partners.innerText).to.include('a data partner');
    expect(partners.innerText).to.include('a relative partner');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });
});
