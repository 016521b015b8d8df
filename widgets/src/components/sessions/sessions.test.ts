import { aTimeout, expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { apiError, fakeApi, freshApi, restoreFetch } from '../../../test/fake-api.js';
import { at, sessionDocs, type SessionDoc } from '../../../test/fixtures/sessions.js';
import { $, $$, settled, shows, text, watchErrors } from '../../../test/helpers.js';
import { localZone, whenLocal } from '../../internal/format.js';
import './sessions.js';
import type { SolidaritySessions } from './sessions.component.js';

const make = (attrs = '', api = freshApi()) => fixture<SolidaritySessions>(`<solidarity-sessions api="${api}" ${attrs}></solidarity-sessions>`);
const titles = (el: Element) => $$(el, '[part~=card] [part~=title]').map((h) => h.textContent!.trim());

describe('<solidarity-sessions>', () => {
  afterEach(() => restoreFetch());

  it('also shows each time in the visitor’s time zone when its clock reads otherwise, and links the .ics in the widget’s locale', async () => {
    const base = freshApi();
    fakeApi();
    const el = await make('locale="es"', base);
    await settled(el);
    const cards = $$(el, '[part~=card]');
    const docs = sessionDocs.filter((d) => cards.some((c) => c.querySelector('time')!.getAttribute('datetime') == d.base.startsAt)).map((d) => d.base);
    expect(docs).to.have.length(cards.length);
    let shown = 0;
    for (const d of docs) {
      const card = cards.find((c) => c.querySelector('time')!.getAttribute('datetime') == d.startsAt)!;
      const local = whenLocal(d.startsAt, d.endsAt, d.timezone, 'es', localZone());
      const line = card.querySelector('[part~=local-time]');
      if (local) {
        shown++;
        expect(line!.textContent).to.equal(`En su hora: ${local}`);
      } else expect(line, `${d.timezone} reads as ${localZone()}`).to.equal(null);
      expect(card.querySelector<HTMLAnchorElement>('a[part~=calendar]')!.href).to.equal(`${base}/api/solidarity/sessions/${d.slug}.ics?locale=es`);
    }
    // the sessions are in Madrid and Athens: one of them at least reads otherwise wherever the browser is
    expect(shown).to.be.greaterThan(0);
  });

  it('lists upcoming sessions, in their own time zone, with join, register and calendar links', async () => {
    const base = freshApi();
    const api = fakeApi();
    const el = await make('locale="en"', base);
    await settled(el);
    expect(api.calls[0].searchParams.get('when')).to.equal('upcoming');
    expect(titles(el)).to.deep.equal([
      'Social clauses in public procurement',
      'Peer review: governance of cooperative food banks',
      'Annual assembly of the network',
    ]);
    expect($(el, '[part~=count]')!.textContent).to.equal('3 sessions');
    const [first, second, third] = $$(el, '[part~=card]');
    const s1 = sessionDocs[0].base;
    // date and time in the session's zone (Europe/Madrid), with the zone shown
    const expected = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Madrid', timeZoneName: 'short',
    }).formatRange(new Date(s1.startsAt), new Date(s1.endsAt!));
    const time = first.querySelector('time')!;
    expect(time.textContent).to.equal(expected);
    expect(time.getAttribute('datetime')).to.equal(s1.startsAt);
    expect(time.textContent).to.match(/CES?T/);
    expect(second.querySelector('time')!.textContent).to.match(/GMT\+[23]|EES?T/);
    // an invalid zone in the data falls back to UTC, shown as such
    expect(third.querySelector('time')!.textContent).to.include('UTC');
    expect(first.querySelector('[part~=kind]')!.textContent).to.equal('Webinar');
    expect(second.querySelector('[part~=kind]')!.textContent).to.equal('Peer review');
    expect(first.textContent).to.include('Languages: Catalan and Spanish');
    expect(first.textContent).to.include('Speakers: Núria Puig (Lawyer, Federació de Cooperatives de Treball) and Jordi Mas');
    expect(second.textContent).to.include('Organised by Καλημέρα ΚοινΣΕπ and Xarxa Solidària del Barri');
    expect(second.textContent).to.include('Three food banks review each other’s governance.');
    const join = first.querySelector<HTMLAnchorElement>('a[part~=join]')!;
    expect(join.href).to.equal('https://meet.example.org/ppw');
    expect(join.textContent).to.equal('Join the session: Social clauses in public procurement');
    expect(first.querySelector<HTMLAnchorElement>('a[part~=register]')!.href).to.equal('https://forms.example.org/register/ppw');
    expect(first.querySelector<HTMLAnchorElement>('a[part~=calendar]')!.href).to.equal(`${base}/api/solidarity/sessions/public-procurement-webinar.ics?locale=en`);
    // a javascript: registration link is not rendered
    expect(third.querySelector('a[part~=register]')).to.equal(null);
    expect($(el, '[part~=recording]')).to.equal(null);
    expect($(el, '[part~=minutes]')).to.equal(null);
    // the title links to the session's public page
    expect(first.querySelector<HTMLAnchorElement>('[part~=title] a')!.href).to.equal('https://xarxa.example.org/sessions/public-procurement-webinar');
    await expect(el).to.be.accessible();
  });

  it('offers a webcal:// subscription and an https download of the same filter', async () => {
    const base = freshApi();
    fakeApi();
    const el = await make('locale="ca" topic="food-sovereignty" kind="webinar"', base);
    await settled(el);
    const sub = $<HTMLAnchorElement>(el, 'a[part~=subscribe]')!;
    const dl = $<HTMLAnchorElement>(el, 'a[part~=download]')!;
    const host = new URL(base).host;
    expect(sub.getAttribute('href')).to.equal(`webcal://${host}/api/solidarity/sessions.ics?kind=webinar&locale=ca&topic=food-sovereignty&when=upcoming`);
    expect(dl.getAttribute('href')).to.equal(`https://${host}/api/solidarity/sessions.ics?kind=webinar&locale=ca&topic=food-sovereignty&when=upcoming`);
    expect(sub.textContent).to.equal('Subscriu-te al calendari');
    expect(dl.hasAttribute('download')).to.equal(true);
  });

  it('lists past sessions with recordings and collapsible minutes', async () => {
    const api = fakeApi();
    const el = await make('when="past"');
    await settled(el);
    expect(api.calls[0].searchParams.get('when')).to.equal('past');
    expect(titles(el)).to.deep.equal(['Digital commons for cooperatives', 'Workshop: starting a housing cooperative']);
    const [first, second] = $$(el, '[part~=card]');
    expect(first.querySelector<HTMLAnchorElement>('a[part~=recording]')!.href).to.equal('https://video.example.org/w/dcs');
    expect(first.querySelector('a[part~=join]')).to.equal(null);
    const details = first.querySelector<HTMLDetailsElement>('details[part~=minutes]')!;
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent).to.equal('Minutes: Digital commons for cooperatives');
    expect(details.querySelector('h4')!.textContent).to.equal('Agreements');
    expect(details.textContent).to.include('Publish the shared tools under free licences.');
    expect(second.querySelector('details')).to.equal(null);
    expect(first.textContent).to.include('Speakers: Camille Martin (Researcher, Université Lyon 2)');
    await expect(el).to.be.accessible();
    details.open = true;
    await expect(el).to.be.accessible();
  });

  it('shows the empty states, translated', async () => {
    fakeApi();
    const el = await make('kind="seminar" locale="es"');
    await settled(el);
    expect($(el, '[part~=empty]')!.textContent).to.equal('No hay próximas sesiones.');
    el.setAttribute('when', 'past');
    el.setAttribute('kind', 'assembly');
    await settled(el);
    expect($(el, '[part~=empty]')!.textContent).to.equal('No hay sesiones anteriores.');
    await expect(el).to.be.accessible();
  });

  it('formats dates in the widget locale when the locale changes', async () => {
    const api = fakeApi();
    const el = await make('locale="en"');
    await settled(el);
    el.setAttribute('locale', 'fr');
    await settled(el);
    await shows(el, 'Rejoindre la session');
    expect(api.calls.at(-1)!.searchParams.get('locale')).to.equal('fr');
    const s1 = sessionDocs[0].base;
    const fr = new Intl.DateTimeFormat('fr', { weekday: 'long', timeZone: 'Europe/Madrid' }).format(new Date(s1.startsAt));
    expect($(el, 'time')!.textContent).to.include(fr);
    expect(text(el)).to.include('Assemblée annuelle du réseau');
    expect(text(el)).to.include('Langues : catalan et espagnol');
    expect($(el, '[part~=kind]')!.textContent).to.equal('Webinaire');
    expect($$(el, '[part~=note]').map((n) => n.textContent)).to.deep.equal(['Disponible en anglais', 'Disponible en anglais']);
  });

  it('shows skeletons while loading, then an error with a working retry', async () => {
    let fail = true;
    const api = fakeApi({ override: () => (fail ? apiError(500, 'InternalServerError', 'Internal Server Error') : undefined) });
    api.hold();
    const el = await make('page-size="2"');
    await el.updateComplete;
    expect($(el, '[part~=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect($$(el, '[part~=skeleton]')).to.have.length(2);
    await expect(el).to.be.accessible();
    api.release();
    await settled(el);
    expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part~=subscribe]')).to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await settled(el);
    expect(titles(el)).to.have.length(2);
    expect($(el, 'nav [part~=next]')).to.be.instanceOf(HTMLButtonElement);
  });

  it('is operable with the keyboard: title, then the session links, in order', async () => {
    fakeApi();
    const wrap = await fixture(`<div><button id="before">before</button><solidarity-sessions api="${freshApi()}" page-size="1"></solidarity-sessions></div>`);
    const el = wrap.querySelector<SolidaritySessions>('solidarity-sessions')!;
    await settled(el);
    wrap.querySelector<HTMLButtonElement>('#before')!.focus();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const a = el.shadowRoot!.activeElement;
      seen.push(a ? `${a.tagName} ${a.getAttribute('part') ?? ''}`.trim() : 'outside');
    }
    expect(seen).to.deep.equal(['A', 'A button join', 'A button register', 'A button calendar', 'BUTTON button next', 'A button subscribe']);
  });

  it('marks a cancelled session (no join or register link) and a moved one, with the reason, translated', async () => {
    const [first, second] = sessionDocs;
    const cancelled: SessionDoc = { ...first!, base: { ...first!.base, scheduleStatus: 'cancelled', statusReason: 'The speaker is ill' } };
    const moved: SessionDoc = { ...second!, base: { ...second!.base, scheduleStatus: 'moved', statusReason: null } };
    fakeApi({ sessions: [cancelled, moved] });
    const el = await make('locale="ca"');
    await settled(el);
    const cards = $$(el, '[part~=card]');
    expect(cards).to.have.length(2);
    const [c, m] = cards;
    expect(c!.querySelector('[part~=status]')!.textContent!.trim()).to.equal('Cancel·lada');
    expect(c!.querySelector('[part~=status]')!.getAttribute('part')).to.include('cancelled');
    expect(c!.querySelector('[part~=status-reason]')!.textContent!.trim()).to.equal('The speaker is ill');
    expect(c!.querySelector('a[part~=join], a[part~=register]')).to.equal(null);
    expect(c!.querySelector('a[part~=calendar]')).not.to.equal(null);
    expect(m!.querySelector('[part~=status]')!.textContent!.trim()).to.equal('Canvi d’hora o lloc');
    expect(m!.querySelector('[part~=status-reason]')).to.equal(null);
    expect(m!.querySelector('a[part~=join]')).not.to.equal(null);
  });

  it('shows one session in full with `slug` (slug or documentId): its times, links and calendar in the widget’s locale, no list around it', async () => {
    const base = freshApi();
    const first = sessionDocs[0]!;
    const description = [{ type: 'paragraph', children: [{ type: 'text', text: 'Bring your last tender.' }] }];
    const api = fakeApi({ sessions: [{ ...first, base: { ...first.base, description } }, ...sessionDocs.slice(1)] });
    const el = await make('slug="public-procurement-webinar" locale="ca" kind="seminar" when="past"', base);
    await settled(el);
    // one request, for that document, in the widget's locale; the list's filters are not sent
    expect(api.calls.map((u) => u.pathname + u.search)).to.deep.equal(['/api/solidarity/sessions/public-procurement-webinar?locale=ca']);
    expect(titles(el)).to.deep.equal(['Clàusules socials en la compra pública']);
    const card = $(el, '[part~=card]')!;
    const s1 = first.base;
    const local = whenLocal(s1.startsAt, s1.endsAt, s1.timezone, 'ca', localZone());
    expect(card.querySelector('time')!.getAttribute('datetime')).to.equal(s1.startsAt);
    if (local) expect(card.querySelector('[part~=local-time]')!.textContent).to.include(local);
    // in full: the summary and the description; upcoming (whatever `when` says): join and register, no recording
    expect(card.querySelector('[part~=summary]')!.textContent).to.equal('Com guanyen licitacions públiques les cooperatives de treball amb clàusules socials i ambientals.');
    expect(card.textContent).to.include('Bring your last tender.');
    expect(card.querySelector<HTMLAnchorElement>('a[part~=join]')!.href).to.equal('https://meet.example.org/ppw');
    expect(card.querySelector<HTMLAnchorElement>('a[part~=register]')!.href).to.equal('https://forms.example.org/register/ppw');
    expect(card.querySelector<HTMLAnchorElement>('a[part~=calendar]')!.href).to.equal(`${base}/api/solidarity/sessions/public-procurement-webinar.ics?locale=ca`);
    // a document, not a list: no count, pages or calendar subscription
    expect($(el, '[part~=count]')!.textContent).to.equal('');
    expect($(el, '[part~=subscribe], [part~=pagination]')).to.equal(null);
    await expect(el).to.be.accessible();
    // a past session by its documentId: the recording, no join link
    el.setAttribute('slug', 's4');
    await settled(el);
    expect(api.calls.at(-1)!.pathname).to.equal('/api/solidarity/sessions/s4');
    expect(titles(el)).to.deep.equal(['Digital commons for cooperatives']);
    expect($<HTMLAnchorElement>(el, 'a[part~=recording]')!.href).to.equal('https://video.example.org/w/dcs');
    expect($(el, 'a[part~=join]')).to.equal(null);
    // without `slug`, the list again (with its filters)
    el.removeAttribute('slug');
    await settled(el);
    expect(api.calls.at(-1)!.pathname).to.equal('/api/solidarity/sessions');
    expect(api.calls.at(-1)!.searchParams.get('kind')).to.equal('seminar');
    expect(titles(el)).to.deep.equal(['Digital commons for cooperatives']);
    expect($(el, '[part~=count]')!.textContent).to.equal('1 sessió');
  });

  it('says a session given by `slug` does not exist, without a retry button', async () => {
    const api = fakeApi();
    api.hold();
    const el = await make('slug="no-such-session" locale="en"');
    await el.updateComplete;
    // one document: one placeholder while it loads
    expect($$(el, '[part~=skeleton]')).to.have.length(1);
    api.release();
    await settled(el);
    expect($(el, '[part~=error]')!.getAttribute('role')).to.equal('alert');
    expect($(el, '[part~=retry], [part~=card]')).to.equal(null);
  });

  it('renders hostile content inert', async () => {
    const w = watchErrors();
    delete (window as { __xss?: number }).__xss;
    const evil: SessionDoc = {
      base: {
        ...sessionDocs[3].base, slug: 'x', startsAt: at(-2, 10), endsAt: 'soon', timezone: '<script>', url: 'javascript:window.__xss=1',
        recordingUrl: 'javascript:window.__xss=1', kind: '<img src=x onerror=window.__xss=1>', spokenLanguages: ['<b>', 'xx-invalid-'],
        speakers: [{ name: '<img src=x onerror=window.__xss=1>', role: '<script>window.__xss=1</script>' }],
      },
      t: { en: { title: '<script>window.__xss=1</script>', summary: '<img src=x onerror=window.__xss=1>', minutes: [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:window.__xss=1', children: [{ type: 'text', text: 'minutes link' }] }] }] } },
    };
    fakeApi({ sessions: [evil] });
    const el = await make('when="past"');
    await settled(el);
    $<HTMLDetailsElement>(el, 'details')!.open = true;
    await aTimeout(50);
    expect(el.shadowRoot!.querySelectorAll('script, img, [onerror]')).to.have.length(0);
    expect($$<HTMLAnchorElement>(el, 'a').map((a) => a.protocol)).to.deep.equal(['https:', 'webcal:', 'https:']);
    expect(text(el)).to.include('<script>window.__xss=1</script>');
    expect(text(el)).to.include('minutes link');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });
});
