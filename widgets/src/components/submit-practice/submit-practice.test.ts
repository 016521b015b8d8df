import { aTimeout, expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { altchaLog, PAYLOAD } from '../../../test/fake-altcha.js';
import { apiError, fakeApi, freshApi, json, restoreFetch, type Fake } from '../../../test/fake-api.js';
import { callDocs, OPEN_CALL } from '../../../test/fixtures/calls.js';
import { $, $$, settled, shows, text, watchErrors } from '../../../test/helpers.js';
import './submit-practice.js';
import type { SolidaritySubmitPractice } from './submit-practice.component.js';

type El = SolidaritySubmitPractice;
const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];

const make = async (attrs = '', api = freshApi()) => {
  const el = await fixture<El>(`<solidarity-submit-practice api="${api}" privacy-url="/demo/privacy" ${attrs}></solidarity-submit-practice>`);
  await settled(el);
  return el;
};
const field = <T extends HTMLElement = HTMLInputElement>(el: El, k: string) => $<T>(el, `#f-${k}`)!;
const focused = (el: El) => el.shadowRoot!.activeElement as HTMLElement | null;
const set = (el: El, k: string, v: string) => {
  const i = field<HTMLInputElement | HTMLSelectElement>(el, k);
  i.value = v;
  i.dispatchEvent(new Event(i.tagName == 'SELECT' ? 'change' : 'input', { bubbles: true }));
};
const tick = (el: El, sel: string) => $<HTMLInputElement>(el, sel)!.click();
const topicBoxes = (el: El) => $$<HTMLInputElement>(el, '[part~=group] .checks input[type=checkbox]');
const send = async (el: El) => {
  $<HTMLButtonElement>(el, '[part~=submit]')!.click();
  await el.updateComplete;
};

/** Fills every required field through the DOM (as input events do). */
async function fill(el: El): Promise<void> {
  set(el, 'title', 'Rebost solidari del barri');
  set(el, 'summary', 'A community pantry run by neighbours and the council.');
  topicBoxes(el)[0].click();
  set(el, 'p0-name', 'Xarxa Solidària del Barri');
  set(el, 'country', 'ES');
  set(el, 'name', 'Marta Puig');
  set(el, 'email', 'marta@xarxabarri.example.cat');
  set(el, 'role', 'Coordinator');
  tick(el, '#f-consent');
  await el.updateComplete;
}

/** Answers POST /submissions with `r`, everything else as usual. */
const onPost = (r: () => Response | Promise<Response>) => (_u: URL, init?: RequestInit) => (init?.method == 'POST' ? r() : undefined);

const waitFocus = (el: El, id: string) =>
  waitUntil(() => focused(el)?.id == id, `focus on #${id}, not on ${focused(el)?.outerHTML.slice(0, 120)}`, { timeout: 4000 });

describe('<solidarity-submit-practice>', () => {
  beforeEach(() => {
    altchaLog.verify = altchaLog.reset = 0;
    altchaLog.fail = false;
  });
  afterEach(() => restoreFetch());

  it('shows the call: title, description, deadline and priority criteria', async () => {
    const api = fakeApi();
    const el = await make(`call="${OPEN_CALL}" locale="en" heading-level="2"`);
    const call = $(el, '[part~=call]')!;
    expect(call.querySelector('h2')!.textContent).to.equal('Call for good practices: municipal and SSE responses to the cost-of-living crisis');
    expect(call.textContent).to.include('Send a short fiche with the title');
    expect($(el, '[part~=deadline]')!.textContent).to.match(/^Deadline: 30 June 2030/);
    expect(call.querySelector('h3')!.textContent).to.equal('Priority criteria');
    expect($$(el, '[part~=criteria] li').map((li) => li.textContent!.trim())).to.deep.equal([
      'Crisis response: Responds to the social, economic or community impact of the cost-of-living crisis',
      'Inter-cooperation: Between municipalities, or between a municipality and the SSE organisations in its area',
      'Youth',
    ]);
    expect($(el, '[part~=form]')).to.not.equal(null);
    const calls = api.calls.find((u) => u.pathname.endsWith('/calls'))!;
    expect(Object.fromEntries(calls.searchParams)).to.deep.equal({ locale: 'en', open: 'true' });
    const topics = api.calls.find((u) => u.pathname.endsWith('/topics'))!;
    expect(Object.fromEntries(topics.searchParams)).to.deep.equal({ locale: 'en', pageSize: '50' });
    expect(topicBoxes(el).map((b) => b.parentElement!.textContent!.trim())).to.deep.equal([
      'Food sovereignty',
      'Digital commons',
      'Cooperative housing',
      'Community energy',
      'Ethical finance',
    ]);
    // the deadline in Catalan, and the call in Catalan
    el.setAttribute('locale', 'ca');
    await settled(el);
    expect($(el, '[part~=deadline]')!.textContent).to.match(/^Termini: 30 de juny del 2030/);
    expect($(el, '[part~=call] h2')!.textContent).to.match(/^Convocatòria de bones pràctiques/);
    expect($(el, '[part~=call] h3')!.textContent).to.equal('Criteris prioritaris');
    await expect(el).to.be.accessible();
  });

  it('without `call`, is a form for no call and asks for no call', async () => {
    const api = fakeApi();
    const el = await make('locale="en"');
    expect($(el, '[part~=call]')).to.equal(null);
    expect($(el, '[part~=form]')).to.not.equal(null);
    expect(api.calls.some((u) => u.pathname.endsWith('/calls'))).to.equal(false);
  });

  it('shows "this call is closed" for a closed or unknown call, without the form', async () => {
    fakeApi();
    for (const slug of ['local-food-transition-practices', 'no-such-call']) {
      const el = await make(`call="${slug}" locale="en"`);
      expect($(el, '[part~=closed]')!.textContent).to.include('This call for practices is closed.');
      expect($(el, '[part~=form]')).to.equal(null);
      await expect(el).to.be.accessible();
    }
    // a call the server still lists, but whose deadline has passed
    fakeApi({ cfp: [{ ...callDocs[0], base: { ...callDocs[0].base, closesAt: '2020-01-01T00:00:00Z' } }] });
    const el = await make(`call="${OPEN_CALL}" locale="es"`);
    expect($(el, '[part~=closed]')!.textContent).to.include('Esta convocatoria de prácticas está cerrada.');
    // a call whose commission is assessing (or has decided), before its deadline
    fakeApi({ cfp: [{ ...callDocs[0], base: { ...callDocs[0].base, phase: 'assessment' } }] });
    const assessing = await make(`call="${OPEN_CALL}" locale="ca"`);
    expect($(assessing, '[part~=closed]')).to.not.equal(null);
    expect($(assessing, '[part~=form]')).to.equal(null);
  });

  it('says before anyone types when the network does not accept submissions from this website, in every language', async () => {
    const unregistered = (u: URL) => (u.pathname.endsWith('/submissions/origin-check') ? json({ data: { allowed: false } }) : undefined);
    const expected: Record<string, string> = {
      en: 'This website cannot send practices to the network yet.',
      ca: 'Aquest web encara no pot enviar pràctiques a la xarxa.',
      es: 'Esta web todavía no puede enviar prácticas a la red.',
      el: 'Αυτός ο ιστότοπος δεν μπορεί ακόμη να στείλει πρακτικές στο δίκτυο.',
      fr: 'Ce site ne peut pas encore envoyer de pratiques au réseau.',
    };
    for (const l of LOCALES) {
      const api = fakeApi({ override: unregistered });
      const el = await make(`call="${OPEN_CALL}" locale="${l}"`);
      const box = $(el, '[part~=unregistered]');
      expect(box, l).to.not.equal(null);
      expect(box!.textContent, l).to.include(expected[l]);
      expect(box!.textContent, l).to.include(location.origin);
      expect($(el, '[part~=form]'), l).to.equal(null);
      expect($(el, 'input, textarea, select'), l).to.equal(null);
      expect(api.calls.some((u) => u.pathname.endsWith('/submissions/origin-check')), l).to.equal(true);
      await expect(el, l).to.be.accessible();
    }
    // allowed, or a server without the route (404) or unreachable: the form as usual
    for (const answer of [() => json({ data: { allowed: true } }), () => apiError(404, 'NotFoundError', 'Not Found'), () => Promise.reject(new TypeError('offline'))]) {
      fakeApi({ override: (u) => (u.pathname.endsWith('/submissions/origin-check') ? answer() : undefined) });
      const el = await make('locale="en"');
      expect($(el, '[part~=unregistered]')).to.equal(null);
      expect($(el, '[part~=form]')).to.not.equal(null);
    }
  });

  it('renders a hostile call inert', async () => {
    const w = watchErrors();
    delete (window as { __xss?: number }).__xss;
    const evil = '<img src=x onerror=window.__xss=1>';
    fakeApi({
      override: (u) =>
        u.pathname.endsWith('/calls')
          ? json({
              data: [
                {
                  slug: OPEN_CALL,
                  title: evil,
                  description: '<script>window.__xss=1</script>',
                  closesAt: '2030-01-01T00:00:00Z',
                  isOpen: true,
                  criteria: [{ label: '<svg onload=window.__xss=1>', description: '<b onclick=x>bold</b>' }, 42, null],
                  topics: 'none',
                },
              ],
              meta: {},
            })
          : u.pathname.endsWith('/topics')
            ? json({ data: [{ slug: 'x', name: '<img src=y onerror=window.__xss=1>' }, null, { name: 'no slug' }] })
            : undefined,
    });
    const el = await make(`call="${OPEN_CALL}"`);
    await aTimeout(50);
    expect(el.shadowRoot!.querySelectorAll('img, script, svg, b, [onerror], [onclick], [onload]')).to.have.length(0);
    expect($(el, '[part~=call] h3')!.textContent).to.equal(evil);
    expect(text(el)).to.include('<script>window.__xss=1</script>');
    expect(text(el)).to.include('<img src=y onerror=window.__xss=1>');
    expect(topicBoxes(el)).to.have.length(1);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });

  it('can be completed with the keyboard alone, and sends exactly the contract', async () => {
    const api = fakeApi();
    const sent: unknown[] = [];
    const wrap = await fixture(`<div><button id="before">before</button>
      <solidarity-submit-practice api="${freshApi()}" locale="en" call="${OPEN_CALL}" privacy-url="/demo/privacy"></solidarity-submit-practice></div>`);
    const el = wrap.querySelector<El>('solidarity-submit-practice')!;
    el.addEventListener('solidarity-submit', (e) => sent.push((e as CustomEvent).detail));
    await settled(el);
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const tab = async (id: string) => {
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(focused(el)?.id || focused(el)?.textContent?.trim(), `focus after Tab, wanted ${id}`).to.equal(id);
    };
    const type = async (s: string) => {
      await sendKeys({ type: s });
      await el.updateComplete;
    };
    const press = async (k: string) => {
      await sendKeys({ press: k });
      await el.updateComplete;
    };

    await tab('f-title');
    await type('Rebost solidari del barri');
    await tab('f-summary');
    await type('A community pantry run by neighbours and the council.');
    await tab('f-body');
    await type('Families shop with points.');
    await press('Enter');
    await press('Enter');
    await type('It opened in 2016.');
    await tab('f-topics');
    await press('Space');
    await tab('');
    await tab('');
    await press('Space');
    await tab('');
    await tab('');
    await tab('f-p0-name');
    await type('Xarxa Solidària del Barri');
    await tab('f-p0-website');
    await type('https://xarxabarri.example.cat');
    await tab('f-p0-country');
    await type('Spain');
    await tab('add');
    await press('Enter');
    await waitFocus(el, 'f-p1-name');
    await type('Cooperativa Coopmar');
    await tab('f-p1-website');
    await tab('f-p1-country');
    await tab('Remove organisation 2');
    await tab('add');
    await tab('f-municipality');
    await type('Manlleu');
    await tab('f-region');
    await type('Catalonia');
    await tab('f-country');
    await type('Spain');
    await tab('f-name');
    await type('Marta Puig');
    await tab('f-email');
    await type('marta@xarxabarri.example.cat');
    await tab('f-phone');
    await type('+34 600 000 000');
    await tab('f-role');
    await type('Coordinator');
    await tab('f-consent'); // the honeypot is skipped
    await press('Space');
    await tab('Read the privacy notice (opens in a new tab)');
    // the ALTCHA checkbox: the check started on the form's first focus and is done
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.closest('altcha-widget')).to.not.equal(null);
    await waitUntil(() => (focused(el) as HTMLInputElement).checked, 'the proof of work');
    await tab('Send the practice');
    await press('Enter');

    await waitFocus(el, 'done');
    expect(api.posts).to.have.length(1);
    const post = api.posts[0];
    expect(post.url.pathname).to.equal('/api/solidarity/submissions');
    expect(post.headers['content-type']).to.equal('application/json');
    expect(JSON.stringify(post.body)).to.equal(
      JSON.stringify({
        title: 'Rebost solidari del barri',
        summary: 'A community pantry run by neighbours and the council.',
        body: 'Families shop with points.\n\nIt opened in 2016.',
        topics: ['food-sovereignty', 'housing'],
        promoters: [{ name: 'Xarxa Solidària del Barri', website: 'https://xarxabarri.example.cat', country: 'ES' }, { name: 'Cooperativa Coopmar' }],
        territory: { municipality: 'Manlleu', region: 'Catalonia', country: 'ES' },
        call: OPEN_CALL,
        locale: 'en',
        contact: { name: 'Marta Puig', email: 'marta@xarxabarri.example.cat', phone: '+34 600 000 000', role: 'Coordinator' },
        consent: true,
        leaveThisFieldEmpty: '',
        altcha: PAYLOAD,
      })
    );
    const done = $(el, '[part~=success]')!;
    expect(done.querySelector('h3')!.textContent).to.equal('Thank you! Your practice has been sent.');
    expect(done.textContent).to.include('technical commission will review it');
    expect(done.textContent).to.include('You will receive an email at marta@xarxabarri.example.cat');
    expect($(el, '[part~=reference]')!.textContent).to.match(/^Reference: sub-\d+$/);
    expect(sent).to.have.length(1);
    expect(sent[0]).to.deep.include({ status: 'submitted' });
    expect(altchaLog.verify).to.equal(1);
    await expect(el).to.be.accessible();

    // "Send another practice": an empty form, focus on its first field
    $<HTMLButtonElement>(el, '[part~=again]')!.click();
    await waitFocus(el, 'f-title');
    expect(field(el, 'title').value).to.equal('');
  });

  it('validates on submit: an error summary (focused, role=alert) linking each invalid field', async () => {
    const api = fakeApi();
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    await send(el);
    await waitFocus(el, 'errs');
    const sum = $(el, '[part~=errors]')!;
    expect(sum.getAttribute('role')).to.equal('alert');
    expect(sum.querySelector('#errs-t')!.textContent).to.equal('There are problems with 9 fields');
    const required = ['title', 'summary', 'p0-name', 'country', 'name', 'email', 'role', 'consent'];
    for (const k of required) {
      const f = field(el, k);
      expect(f.getAttribute('aria-invalid'), k).to.equal('true');
      const ids = f.getAttribute('aria-describedby')!.split(' ');
      expect(ids, k).to.include(`e-${k}`);
      expect($(el, `#e-${k}`)!.textContent, k).to.not.equal('');
    }
    expect($(el, '#e-title')!.textContent).to.equal('Fill in this field.');
    expect($(el, '#e-country')!.textContent).to.equal('Choose a country.');
    expect($(el, '#e-consent')!.textContent).to.include('Tick this box');
    expect(topicBoxes(el).every((b) => b.getAttribute('aria-invalid') == 'true')).to.equal(true);
    expect($(el, '[part~=group]')!.getAttribute('aria-describedby')).to.equal('h-topics e-topics');
    expect($(el, '#e-topics')!.textContent).to.equal('Choose at least one topic.');
    // optional fields are not invalid
    for (const k of ['body', 'p0-website', 'municipality', 'region', 'phone']) expect(field(el, k).hasAttribute('aria-invalid'), k).to.equal(false);
    const links = [...sum.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Name of the practice: Fill in this field.',
      'Summary: Fill in this field.',
      'Topics: Choose at least one topic.',
      'Organisation 1, Name: Fill in this field.',
      'Country: Choose a country.',
      'Full name: Fill in this field.',
      'Email: Fill in this field.',
      'Role in the organisation: Fill in this field.',
      'Consent: Tick this box to send the practice: the network needs your agreement to review it.',
    ]);
    // a link (followed with the keyboard) focuses its field
    links[6].focus();
    await sendKeys({ press: 'Enter' });
    expect(focused(el)!.id).to.equal('f-email');
    links[2].click();
    expect(focused(el)!.id).to.equal('f-topics');
    expect(api.posts).to.have.length(0);
    await expect(el).to.be.accessible();

    // wrong values: lengths, formats, too many topics
    set(el, 'title', 'ab');
    set(el, 'summary', 'x'.repeat(601));
    set(el, 'p0-website', 'ftp://files.example.org');
    set(el, 'email', 'marta@');
    set(el, 'phone', 'call me');
    for (const b of topicBoxes(el)) b.click();
    fakeApi({ override: (u) => (u.pathname.endsWith('/topics') ? json({ data: 'abcdef'.split('').map((c) => ({ slug: c, name: c.toUpperCase() })) }) : undefined) });
    el.setAttribute('api', freshApi());
    await settled(el);
    for (const b of topicBoxes(el)) b.click();
    await send(el);
    await waitFocus(el, 'errs');
    expect($(el, '#e-title')!.textContent).to.equal('Write at least 3 characters.');
    expect($(el, '#e-summary')!.textContent).to.equal('Write at most 600 characters.');
    expect($(el, '[part~=counter]')!.textContent).to.equal('601 of 600 characters');
    expect($(el, '[part~=counter]')!.classList.contains('over')).to.equal(true);
    expect($(el, '#e-p0-website')!.textContent).to.equal('Enter a web address starting with https:// or http://.');
    expect($(el, '#e-email')!.textContent).to.equal('Enter an email address such as name@example.org.');
    expect($(el, '#e-phone')!.textContent).to.equal('Enter a phone number with digits, spaces and + - ( ) only.');
    expect($(el, '#e-topics')!.textContent).to.equal('Choose at most 5 topics.');
    expect(field(el, 'summary').getAttribute('aria-describedby')).to.equal('h-summary c-summary e-summary');
    await expect(el).to.be.accessible();
  });

  it('counts the summary, and tells screen readers after a pause', async () => {
    fakeApi();
    const el = await make('locale="en"');
    field(el, 'summary').focus();
    await sendKeys({ type: 'Twelve chars' });
    await el.updateComplete;
    expect($(el, '[part~=counter]')!.textContent).to.equal('12 of 600 characters');
    await waitUntil(() => $(el, '[aria-live=polite]')!.textContent == '588 characters left', 'the live counter', { timeout: 3000 });
  });

  it('adds and removes promoting organisations (up to 10), keeping what was typed', async () => {
    fakeApi();
    const el = await make('locale="en"');
    expect($(el, '[part~=remove]')).to.equal(null);
    const add = () => $<HTMLButtonElement>(el, '[part~=add]')!.click();
    add();
    await waitFocus(el, 'f-p1-name');
    add();
    await waitFocus(el, 'f-p2-name');
    set(el, 'p0-name', 'A');
    set(el, 'p1-name', 'B');
    set(el, 'p2-name', 'C');
    set(el, 'p2-country', 'GR');
    const removes = $$<HTMLButtonElement>(el, '[part~=remove]');
    expect(removes.map((b) => b.textContent)).to.deep.equal(['Remove organisation 1', 'Remove organisation 2', 'Remove organisation 3']);
    removes[1].click();
    await waitFocus(el, 'add');
    expect([field(el, 'p0-name').value, field(el, 'p1-name').value]).to.deep.equal(['A', 'C']);
    expect(field<HTMLSelectElement>(el, 'p1-country').value).to.equal('GR');
    expect(field(el, 'p2-name')).to.equal(null);
    expect($$(el, '[part~=promoter] legend').map((l) => l.textContent)).to.deep.equal(['Organisation 1', 'Organisation 2']);
    for (let i = 0; i < 8; i++) add();
    await el.updateComplete;
    expect($$(el, '[part~=promoter]')).to.have.length(10);
    expect($(el, '[part~=add]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the values of the rows that move up when a promoter is removed, also an empty one over what was typed', async () => {
    fakeApi();
    const el = await make('locale="en"');
    const add = () => $<HTMLButtonElement>(el, '[part~=add]')!.click();
    add();
    await waitFocus(el, 'f-p1-name');
    add();
    await waitFocus(el, 'f-p2-name');
    set(el, 'p1-name', 'B');
    $<HTMLInputElement>(el, '#f-consent')!.click();
    // what a visitor types is rendered before their next click
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '[part~=remove]')[1].click();
    await waitFocus(el, 'add');
    // the third row (empty) is the second now: its field shows no trace of the B typed there
    expect([field(el, 'p0-name').value, field(el, 'p1-name').value]).to.deep.equal(['', '']);
    expect($<HTMLInputElement>(el, '#f-consent')!.checked).to.equal(true);
  });

  it('sends what the fields show when autofill or a script sets them with a change event alone, or an input event that does not bubble', async () => {
    const api = fakeApi();
    const el = await make('locale="en"');
    await fill(el);
    const quietly = (k: string, v: string, type: 'change' | 'input', bubbles: boolean) => {
      const i = field(el, k);
      i.value = v;
      i.dispatchEvent(new Event(type, { bubbles }));
    };
    quietly('title', 'Set by autofill with change', 'change', true);
    quietly('p0-name', 'Org set by autofill', 'change', false);
    quietly('role', 'Role typed, input not bubbling', 'input', false);
    await el.updateComplete;
    // a promoter added and removed: its rows render again, from the data
    $<HTMLButtonElement>(el, '[part~=add]')!.click();
    await waitFocus(el, 'f-p1-name');
    $$<HTMLButtonElement>(el, '[part~=remove]')[1]!.click();
    await el.updateComplete;
    expect([field(el, 'title').value, field(el, 'p0-name').value, field(el, 'role').value]).to.deep.equal([
      'Set by autofill with change',
      'Org set by autofill',
      'Role typed, input not bubbling',
    ]);
    await send(el);
    await waitUntil(() => api.posts.length == 1);
    const body = api.posts[0].body as { title: string; contact: { role: string }; promoters: { name: string }[] };
    expect([body.title, body.promoters[0]?.name, body.contact.role]).to.deep.equal([
      'Set by autofill with change',
      'Org set by autofill',
      'Role typed, input not bubbling',
    ]);
  });

  it('has a honeypot hidden from people and assistive technology, never focused, sent as typed', async () => {
    const api = fakeApi();
    const el = await make('locale="en"');
    const hp = field(el, 'leaveThisFieldEmpty');
    expect(hp.name).to.equal('leaveThisFieldEmpty');
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.getAttribute('autocomplete')).to.equal('off');
    expect(hp.closest('[aria-hidden=true]')).to.not.equal(null);
    const r = hp.getBoundingClientRect();
    expect(r.right <= 0 || r.width <= 1).to.equal(true);
    // a bot fills it: the server decides
    await fill(el);
    set(el, 'leaveThisFieldEmpty', 'https://spam.example');
    await send(el);
    await waitUntil(() => api.posts.length == 1);
    expect((api.posts[0].body as { leaveThisFieldEmpty: string }).leaveThisFieldEmpty).to.equal('https://spam.example');
    expect(api.posts[0].body).to.not.have.property('website');
  });

  it('sends arrays as arrays on a page whose old library patches Array.prototype.toJSON (Prototype.js)', async () => {
    const api = fakeApi();
    const el = await make('locale="en"');
    await fill(el);
    // Prototype.js 1.6's patch: an array's toJSON returns a JSON *string*, so JSON.stringify nests it as a string
    const proto = Array.prototype as unknown as { toJSON?: () => string };
    proto.toJSON = function (this: unknown[]) {
      return '[' + this.map((x) => JSON.stringify(x)).join(', ') + ']';
    };
    try {
      expect(JSON.stringify({ a: ['x'] }), 'the patch is in force').to.equal('{"a":"[\\"x\\"]"}');
      await send(el);
      await waitUntil(() => api.posts.length == 1, 'the POST');
    } finally {
      delete proto.toJSON;
    }
    const body = api.posts[0].body as Record<string, unknown>;
    expect((body.topics as unknown[]).length).to.be.greaterThan(0);
    expect(body.promoters).to.be.an('array');
    expect((body.promoters as { name: string }[])[0].name).to.be.a('string');
    await waitFocus(el, 'done');
  });

  it('promises no mail when the network sends none (the answer\'s meta.mail is false or missing)', async () => {
    for (const meta of [{ mail: false }, undefined]) {
      const api = fakeApi();
      api.override = (u) =>
        u.pathname == '/api/solidarity/submissions' ? new Response(JSON.stringify({ data: { id: 'sub-x', status: 'submitted' }, ...(meta ? { meta } : {}) }), { status: 202 }) : undefined;
      const el = await make('locale="en"');
      await fill(el);
      await send(el);
      await waitFocus(el, 'done');
      const done = $(el, '[part~=success]')!.textContent!;
      expect(done).to.include('may contact you at');
      expect(done).to.not.include('You will receive an email');
      api.restore();
    }
  });

  it('is busy while sending: the button disabled with aria-busy', async () => {
    const api = fakeApi();
    const el = await make('locale="en"');
    await fill(el);
    api.hold();
    await send(el);
    const btn = $<HTMLButtonElement>(el, '[part~=submit]')!;
    await waitUntil(() => api.posts.length == 1, 'the POST');
    expect(btn.disabled).to.equal(true);
    expect(btn.getAttribute('aria-busy')).to.equal('true');
    expect(btn.textContent).to.equal('Sending…');
    expect($(el, '[part~=form]')!.getAttribute('aria-busy')).to.equal('true');
    btn.click(); // no second request
    api.release();
    await waitFocus(el, 'done');
    expect(api.posts).to.have.length(1);
  });

  it('shows the server field errors (400) next to their fields and in the summary', async () => {
    const errors: unknown[] = [];
    const api = fakeApi({
      override: onPost(() =>
        apiError(400, 'ValidationError', '4 fields need attention', {
          errors: [
            { path: ['topics', 0], message: 'unknown topic "food-sovereignty"', name: 'ValidationError' },
            { path: ['contact', 'email'], message: 'must be a valid email address', name: 'ValidationError' },
            { path: ['promoters', 0, 'website'], message: 'must be a web address starting with http:// or https://', name: 'ValidationError' },
            { path: ['call'], message: 'the call "cost-of-living-crisis-practices" is not open', name: 'ValidationError' },
          ],
        })
      ),
    });
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    el.addEventListener('solidarity-submit-error', (e) => errors.push((e as CustomEvent).detail));
    await fill(el);
    await send(el);
    await waitFocus(el, 'errs');
    expect(api.posts).to.have.length(1);
    expect($(el, '#e-topics')!.textContent).to.equal('unknown topic "food-sovereignty"');
    expect($(el, '#e-email')!.textContent).to.equal('must be a valid email address');
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'email').getAttribute('aria-describedby')).to.equal('e-email');
    expect($(el, '#e-p0-website')!.textContent).to.equal('must be a web address starting with http:// or https://');
    const sum = $(el, '[part~=errors]')!;
    expect(sum.querySelector('#errs-t')!.textContent).to.equal('There are problems with 4 fields');
    expect([...sum.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'the call "cost-of-living-crisis-practices" is not open',
      'Topics: unknown topic "food-sovereignty"',
      'Email: must be a valid email address',
      'Organisation 1, Website: must be a web address starting with http:// or https://',
    ]);
    expect(errors[0]).to.deep.include({ status: 400, message: '4 fields need attention' });
    // what was typed is kept
    expect(field(el, 'title').value).to.equal('Rebost solidari del barri');
    await expect(el).to.be.accessible();
  });

  it('in another locale, marks an (English) server message as English', async () => {
    fakeApi({ override: onPost(() => apiError(400, 'ValidationError', 'x', { errors: [{ path: ['title'], message: 'must be at most 200 characters' }] })) });
    const el = await make('locale="ca"');
    await fill(el);
    await send(el);
    await waitFocus(el, 'errs');
    expect($(el, '#e-title [lang=en]')!.textContent).to.equal('must be at most 200 characters');
  });

  it('asks ALTCHA for a new proof when the server refuses the one sent', async () => {
    let n = 0;
    const api = fakeApi({
      override: onPost(() =>
        ++n == 1 ? apiError(400, 'ValidationError', 'proof of work already used: solve a new challenge', { errors: [{ path: ['altcha'], message: 'proof of work already used: solve a new challenge' }] }) : undefined!
      ),
    });
    const el = await make('locale="en"');
    await fill(el);
    await send(el);
    await waitFocus(el, 'errs');
    expect($(el, '#e-altcha')!.textContent).to.equal('proof of work already used: solve a new challenge');
    expect(altchaLog.reset).to.equal(1);
    $<HTMLAnchorElement>(el, '[part~=errors] a')!.click();
    expect(focused(el)!.closest('altcha-widget')).to.not.equal(null);
    await send(el);
    await waitFocus(el, 'done');
    expect(api.posts).to.have.length(2);
    expect(altchaLog.verify).to.equal(2);
  });

  it('says so when the anti-spam check fails', async () => {
    const api = fakeApi();
    altchaLog.fail = true;
    const el = await make('locale="fr"');
    await fill(el);
    await send(el);
    await waitFocus(el, 'errs');
    expect($(el, '#e-altcha')!.textContent).to.equal('La vérification anti-spam n’a pas pu aboutir. Cochez la case et patientez un instant.');
    expect(api.posts).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  const failures: [string, () => Response | Promise<Response>, string, boolean][] = [
    ['403', () => apiError(403, 'ForbiddenError', 'origin not allowed'), 'This website is not allowed to send practices to the network.', false],
    ['409', () => new Response(JSON.stringify({ data: null, error: { status: 409, name: 'ConflictError', message: 'The call "Cost of living" closed on 30 June 2026.' } }), { status: 409 }), 'This call for practices is closed: the practice was not sent. The call "Cost of living" closed on 30 June 2026.', false],
    ['413', () => apiError(413, 'PayloadTooLargeError', 'request entity too large'), 'The practice is too long to be sent. Shorten the explanation and try again.', false],
    ['429 (Retry-After: 600)', () => new Response(JSON.stringify({ data: null, error: { status: 429, name: 'RateLimitError', message: 'Too many' } }), { status: 429, headers: { 'retry-after': '600' } }), 'Try again in 10 minutes.', false],
    ['429 (Retry-After: 30)', () => new Response('{}', { status: 429, headers: { 'Retry-After': '30' } }), 'Try again in 1 minute.', false],
    ['429 (no Retry-After)', () => new Response('{}', { status: 429 }), 'Try again later.', false],
    ['429 (details.retryAfter: 125, no header)', () => apiError(429, 'RateLimitError', 'Too many submissions from this address: try again in 3 minutes', { retryAfter: 125 }), 'Try again in 3 minutes.', false],
    ['500', () => new Response('Internal Server Error', { status: 500 }), 'because of a problem on the server. Your answers are still here: try again in a moment.', true],
    ['503', () => apiError(503, 'ServiceUnavailableError', 'down'), 'because of a problem on the server.', true],
    ['network failure', () => Promise.reject(new TypeError('Failed to fetch')), 'The server could not be reached. Check your connection: your answers are still here.', true],
  ];
  for (const [name, answer, says, retry] of failures)
    it(`after a ${name}: says so, keeps the form as it was${retry ? ', and sends again' : ''}`, async () => {
      let down = true;
      const api: Fake = fakeApi({ override: onPost(() => (down ? answer() : undefined!)) });
      const errors: unknown[] = [];
      const el = await make('locale="en"');
      el.addEventListener('solidarity-submit-error', (e) => errors.push((e as CustomEvent).detail));
      await fill(el);
      set(el, 'body', 'A long explanation.');
      await send(el);
      await waitFocus(el, 'fail');
      const box = $(el, '[part~=failure]')!;
      expect(box.getAttribute('role')).to.equal('alert');
      expect(box.textContent!.replace(/\s+/g, ' ')).to.include(says);
      expect(field(el, 'title').value).to.equal('Rebost solidari del barri');
      expect(field(el, 'body').value).to.equal('A long explanation.');
      expect(field<HTMLSelectElement>(el, 'country').value).to.equal('ES');
      expect((field(el, 'consent') as HTMLInputElement).checked).to.equal(true);
      expect(topicBoxes(el)[0].checked).to.equal(true);
      expect($<HTMLButtonElement>(el, '[part~=submit]')!.disabled).to.equal(false);
      expect(errors).to.have.length(1);
      expect(altchaLog.reset).to.equal(1); // the proof may have been used: a new one is solved
      await expect(el).to.be.accessible();
      const again = $<HTMLButtonElement>(el, '[part~=failure] [part~=retry]');
      expect(!!again).to.equal(retry);
      if (again) {
        down = false;
        again.click();
        await waitFocus(el, 'done');
        expect(api.posts).to.have.length(2);
        expect(altchaLog.verify).to.equal(2);
      }
    });

  it('switches language, keeping what was typed', async () => {
    fakeApi();
    const el = await make(`call="${OPEN_CALL}" locale="en"`);
    await fill(el);
    el.setAttribute('locale', 'el');
    await settled(el);
    await shows(el, 'Αποστολή της πρακτικής');
    expect(field(el, 'title').value).to.equal('Rebost solidari del barri');
    expect(topicBoxes(el)[0].checked).to.equal(true);
    expect(topicBoxes(el)[0].parentElement!.textContent!.trim()).to.equal('Επισιτιστική κυριαρχία');
    expect(field<HTMLSelectElement>(el, 'country').selectedOptions[0].textContent).to.equal('Ισπανία');
    expect($(el, 'altcha-widget label')!.textContent).to.equal('Δεν είμαι ρομπότ');
  });

  it('shows a translated error with "Try again" when the topics cannot be loaded', async () => {
    let down = true;
    fakeApi({ override: (u) => (down && u.pathname.endsWith('/topics') ? new Response('oops', { status: 502 }) : undefined) });
    const el = await make('locale="es"');
    expect($(el, '[part~=error]')!.textContent).to.include('No se ha podido cargar el contenido.');
    down = false;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await settled(el);
    expect($(el, '[part~=submit]')!.textContent).to.equal('Enviar la práctica');
  });

  it('fits a 320 px wide viewport (200 % zoom), and stays usable in forced-colors mode', async () => {
    fakeApi();
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await make(`call="${OPEN_CALL}" locale="el"`);
      $<HTMLButtonElement>(el, '[part~=add]')!.click();
      await send(el);
      await waitFocus(el, 'errs');
      const b = $(el, '[part~=base]')!;
      expect(b.scrollWidth).to.be.at.most(b.clientWidth + 1);
      for (const x of $$(el, 'input:not(#f-leaveThisFieldEmpty), select, textarea, button, [part~=errors] a'))
        expect(x.getBoundingClientRect().right, x.outerHTML.slice(0, 80)).to.be.at.most(321);
      await emulateMedia({ forcedColors: 'active' });
      expect(getComputedStyle($(el, '#e-title')!).display).to.not.equal('none');
      expect(getComputedStyle(field(el, 'title')).borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ forcedColors: 'none' });
      await setViewport({ width: 1024, height: 768 });
    }
  });

  describe('is accessible (axe) in every state and locale', () => {
    for (const l of LOCALES)
      it(l, async () => {
        fakeApi();
        const el = await make(`call="${OPEN_CALL}" locale="${l}"`);
        expect(el.shadowRoot!.querySelector('[lang]:not([lang=en])')).to.equal(null);
        await expect(el, `${l}: empty`).to.be.accessible();
        await send(el);
        await waitFocus(el, 'errs');
        await expect(el, `${l}: errors`).to.be.accessible();
        await fill(el);
        await send(el);
        await waitFocus(el, 'done');
        await expect(el, `${l}: success`).to.be.accessible();
        const closed = await make(`call="no-such-call" locale="${l}"`);
        expect($(closed, '[part~=closed]')).to.not.equal(null);
        await expect(closed, `${l}: closed`).to.be.accessible();
        fakeApi({ override: onPost(() => new Response('', { status: 500 })) });
        const failed = await make(`locale="${l}"`);
        await fill(failed);
        await send(failed);
        await waitFocus(failed, 'fail');
        await expect(failed, `${l}: failure`).to.be.accessible();
      });
  });
});
