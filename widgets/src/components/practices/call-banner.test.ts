import { expect, fixture, waitUntil } from '@open-wc/testing';
import { fakeApi, freshApi, restoreFetch } from '../../../test/fake-api.js';
import { callDocs, OPEN_CALL, type CallDoc } from '../../../test/fixtures/calls.js';
import { $, $$, settled, shows, text } from '../../../test/helpers.js';
import './practices.js';
import type { SolidarityPractices } from './practices.component.js';

const make = (attrs: string, api = freshApi()) => fixture<SolidarityPractices>(`<solidarity-practices api="${api}" ${attrs}></solidarity-practices>`);
/** The open call of the fixtures in another phase (submissions closed). */
const inPhase = (phase: 'assessment' | 'results'): CallDoc[] => callDocs.map((d) => (d.base.slug == OPEN_CALL ? { ...d, base: { ...d.base, phase, isOpen: false } } : d));
const banner = (el: Element) => $(el, '[part~=call]');

describe('<solidarity-practices call="..."> banner', () => {
  afterEach(() => {
    restoreFetch();
    document.documentElement.lang = 'en';
  });

  it("shows an open call's title, phase, deadline, criteria and a button that opens the form", async () => {
    const api = fakeApi();
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    expect($(el, '[part~=call-title]')!.tagName).to.equal('H2');
    expect($(el, '[part~=call-title]')!.textContent).to.equal('Call for good practices: municipal and SSE responses to the cost-of-living crisis');
    expect($(el, '[part~=call-phase]')!.textContent).to.equal('Phase: Open for submissions');
    expect($(el, '[part~=call-deadline]')!.textContent).to.match(/^Deadline: 30 June 2030.* \d{1,2}:59 .+/);
    expect($$(el, '[part~=call-criteria] li').map((li) => li.textContent)).to.deep.equal(['Crisis response', 'Inter-cooperation', 'Youth']);
    expect($(el, '[part~=call-results]')).to.equal(null);
    expect(api.calls.filter((u) => u.pathname.endsWith(`/calls/${OPEN_CALL}`))).to.have.length(1);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~=call-submit]')!.click();
    await waitUntil(() => $(el, 'solidarity-submit-practice'), 'waiting for the form');
    const form = $(el, 'solidarity-submit-practice')!;
    expect(form.getAttribute('call')).to.equal(OPEN_CALL);
    await customElements.whenDefined('solidarity-submit-practice');
    expect($(el, '[part~=call-submit]')).to.equal(null);
  });

  it('speaks the visitor’s language: phase, deadline and criteria in Catalan', async () => {
    fakeApi();
    const el = await make(`call="${OPEN_CALL}" locale="ca"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    await shows(el, 'Fase: Oberta a propostes');
    expect($(el, '[part~=call-deadline]')!.textContent).to.match(/^Termini: 30 de juny del? 2030/);
    expect(text(el)).to.include('Criteris prioritaris');
    expect(text(el)).to.include('Resposta a crisis');
    expect($(el, '[part~=call-submit]')!.textContent).to.equal('Envia una pràctica');
  });

  it('after the results: says the list holds the selected practices, offers no form', async () => {
    fakeApi({ cfp: inPhase('results') });
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    expect($(el, '[part~=call-phase]')!.textContent).to.equal('Phase: Results published');
    expect($(el, '[part~=call-results]')!.textContent).to.equal('Practices selected in this call');
    expect($(el, '[part~=call-results]')!.tagName).to.equal('H2');
    expect($(el, '[part~=call-submit]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('during the assessment: the phase, no form and no results heading', async () => {
    fakeApi({ cfp: inPhase('assessment') });
    const el = await make(`call="${OPEN_CALL}" locale="fr"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    expect($(el, '[part~=call-phase]')!.textContent).to.equal('Phase: En cours d’évaluation');
    expect($(el, '[part~=call-submit]')).to.equal(null);
    expect($(el, '[part~=call-results]')).to.equal(null);
  });

  it('a call whose deadline passed, still in the open phase: says it is closed, offers no form', async () => {
    fakeApi({ cfp: callDocs.map((d) => (d.base.slug == OPEN_CALL ? { ...d, base: { ...d.base, phase: 'open', isOpen: false, closesAt: '2024-11-30T22:59:00.000Z' } } : d)) });
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    expect($(el, '[part~=call-phase]')!.textContent).to.equal('Phase: Closed for submissions, assessment pending');
    expect($(el, '[part~=call-submit]')).to.equal(null);
    expect($(el, 'solidarity-submit-practice')).to.equal(null);
  });

  it('a call not open yet: says so and when it opens, in the visitor’s language, offers no form', async () => {
    fakeApi({ cfp: callDocs.map((d) => (d.base.slug == OPEN_CALL ? { ...d, base: { ...d.base, phase: 'open', isOpen: false, opensAt: '2031-03-01T09:00:00.000Z', closesAt: '2031-06-30T21:59:00.000Z' } } : d)) });
    const el = await make(`call="${OPEN_CALL}" locale="es"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    expect($(el, '[part~=call-phase]')!.textContent).to.equal('Fase: Todavía no abierta a propuestas');
    expect($(el, '[part~=call-opens]')!.textContent).to.match(/^Se abre a propuestas: 1 de marzo de 2031/);
    expect($(el, '[part~=call-deadline]')!.textContent).to.match(/^Plazo: 30 de junio de 2031/);
    expect($(el, '[part~=call-submit]')).to.equal(null);
    // an open call says no opening date
    fakeApi();
    const open = await make(`call="${OPEN_CALL}" locale="es"`);
    await settled(open);
    await waitUntil(() => banner(open), 'waiting for the call banner');
    expect($(open, '[part~=call-opens]')).to.equal(null);
  });

  it('shows no banner for an unknown call, and asks for none without a call', async () => {
    const api = fakeApi();
    const el = await make('call="no-such-call" locale="en"');
    await settled(el);
    await waitUntil(() => api.calls.some((u) => u.pathname.endsWith('/calls/no-such-call')), 'waiting for the call request');
    await el.updateComplete;
    expect(banner(el)).to.equal(null);
    el.removeAttribute('call');
    await settled(el);
    expect(banner(el)).to.equal(null);
    const other = await make('locale="en"');
    await settled(other);
    expect(api.calls.filter((u) => /\/calls\//.test(u.pathname))).to.have.length(1);
  });

  it('follows a change of call', async () => {
    fakeApi();
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    await settled(el);
    await waitUntil(() => banner(el), 'waiting for the call banner');
    el.setAttribute('call', 'local-food-transition-practices');
    await waitUntil(() => $(el, '[part~=call-title]')?.textContent == 'Call for practices: local food systems and the ecological transition', 'waiting for the new call');
    expect($$(el, '[part~=call-criteria] li').map((li) => li.textContent)).to.deep.equal(['Shortens the chain between producers and residents']);
  });
});
