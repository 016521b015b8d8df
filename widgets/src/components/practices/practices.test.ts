import { aTimeout, expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { apiError, fakeApi, freshApi, json, restoreFetch } from '../../../test/fake-api.js';
import { xssDoc } from '../../../test/fixtures/practices.js';
import { $, $$, settled, shows, text, watchErrors } from '../../../test/helpers.js';
import './practices.js';
import type { SolidarityPractices } from './practices.component.js';

const make = (attrs = '', api = freshApi()) => fixture<SolidarityPractices>(`<solidarity-practices api="${api}" ${attrs}></solidarity-practices>`);
const titles = (el: Element) => $$(el, '[part~=card] [part~=title]').map((h) => h.textContent!.trim());
const params = (u: URL) => Object.fromEntries(u.searchParams);
/** requests of the list itself (not of its facets) */
const lists = (api: { calls: URL[] }) => api.calls.filter((u) => u.pathname.endsWith('/api/solidarity/practices'));

describe('<solidarity-practices>', () => {
  afterEach(() => {
    restoreFetch();
    document.documentElement.lang = 'en';
    // an open practice is in the page URL: each test starts without one
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('is registered, and defining it again is a no-op', async () => {
    expect(customElements.get('solidarity-practices')).to.be.a('function');
    await import('./practices.js?again' as string).catch(() => import('./practices.js'));
    expect(customElements.get('solidarity-practices')).to.be.a('function');
  });

  it('renders practices with topics, promoters, places and a live count, accessibly', async () => {
    const api = fakeApi();
    const wrap = document.createElement('div');
    const loaded = oneEvent(wrap, 'solidarity-load');
    const el = await fixture<SolidarityPractices>(`<solidarity-practices api="${freshApi()}" locale="en"></solidarity-practices>`, { parentNode: wrap });
    expect((await loaded).detail).to.deep.equal({ total: 12 });
    await settled(el);
    expect(titles(el)).to.have.length(10);
    expect(titles(el)[0]).to.equal('Neighbourhood solidarity food bank');
    expect($(el, '[part~=count]')!.getAttribute('role')).to.equal('status');
    expect($(el, '[part~=count]')!.textContent).to.equal('12 practices');
    const first = $$(el, '[part~=card]')[0];
    expect(first.textContent).to.include('Food sovereignty');
    expect(first.textContent).to.include('Promoted by Xarxa Solidària del Barri and Cooperativa Coopmar');
    expect(first.textContent).to.include('Barcelona, Catalonia, Spain');
    expect($$(el, 'ul[part~=list] > li')).to.have.length(10);
    expect($$(el, 'article h3')).to.have.length(10);
    expect(params(api.calls[0])).to.deep.equal({ locale: 'en', page: '1', pageSize: '10' });
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton that reserves the expected height while loading (aria-busy)', async () => {
    const api = fakeApi();
    api.hold();
    const el = await make('page-size="4"');
    await el.updateComplete;
    expect($(el, '[part~=base]')!.getAttribute('aria-busy')).to.equal('true');
    const sk = $$(el, '[part~=skeleton]');
    expect(sk).to.have.length(4);
    expect(sk[0].getAttribute('aria-hidden')).to.equal('true');
    expect(sk[0].getBoundingClientRect().height).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
    api.release();
    await settled(el);
    expect($$(el, '[part~=skeleton]')).to.have.length(0);
    expect(titles(el)).to.have.length(4);
  });

  it('shows the empty state', async () => {
    fakeApi();
    const el = await make('q="no such practice anywhere"');
    await settled(el);
    expect($(el, '[part~=empty]')!.textContent).to.equal('No practices match these filters.');
    expect($(el, '[part~=count]')!.textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows an error with a working retry button on a 5xx', async () => {
    let fail = true;
    const api = fakeApi({ override: () => (fail ? apiError(503, 'ServiceUnavailableError', 'Down for maintenance') : undefined) });
    const el = await make();
    const ev = oneEvent(el, 'solidarity-error');
    await settled(el);
    expect((await ev).detail.status).to.equal(503);
    const err = $(el, '[part~=error]')!;
    expect(err.getAttribute('role')).to.equal('alert');
    expect(err.textContent).to.include('The content could not be loaded.');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>(el, '[part~=retry]')!.click();
    await settled(el);
    expect($(el, '[part~=error]')).to.equal(null);
    expect(titles(el)).to.have.length(10);
    expect(api.calls).to.have.length(2);
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[data-i="0"]'), 'focus on the first result after retry');
  });

  it('says the server is unreachable when fetch throws, and never throws itself', async () => {
    const w = watchErrors();
    fakeApi({ override: () => Promise.reject(new TypeError('Failed to fetch')) });
    const el = await make();
    await settled(el);
    expect($(el, '[part~=error]')!.textContent).to.include('The server could not be reached.');
    expect($(el, '[part~=retry]')).to.be.instanceOf(HTMLButtonElement);
    await aTimeout(20);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });

  it('handles malformed JSON, wrong shapes and 4xx answers', async () => {
    const w = watchErrors();
    for (const bad of [
      () => new Response('<html>Bad gateway</html>', { status: 200 }),
      () => new Response('{"data": [', { status: 200 }),
      () => json({ data: { not: 'a list' }, meta: {} }),
      () => json({ data: [null, 3, { slug: 'odd', title: { x: 1 }, topics: 'no', promoters: 7 }], meta: { pagination: 'x' } }),
      () => apiError(403, 'ForbiddenError', 'Forbidden'),
      () => new Response('not json', { status: 500 }),
    ]) {
      fakeApi({ override: bad });
      const el = await make();
      await settled(el);
      expect(text(el)).to.match(/could not be loaded|practice/);
    }
    await aTimeout(20);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });

  it('paginates with previous/next, "page X of Y", moving focus to the first result', async () => {
    const api = fakeApi();
    const el = await make('page-size="5"');
    await settled(el);
    const nav = $(el, 'nav[part~=pagination]')!;
    expect(nav.getAttribute('aria-label')).to.equal('Pages');
    expect(nav.textContent).to.include('Page 1 of 3');
    expect($<HTMLButtonElement>(el, '[part~=prev]')!.disabled).to.equal(true);
    $<HTMLButtonElement>(el, '[part~=next]')!.click();
    await settled(el);
    expect(params(api.calls.at(-1)!).page).to.equal('2');
    expect($(el, 'nav[part~=pagination]')!.textContent).to.include('Page 2 of 3');
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.includes(titles(el)[0]), 'focus on the first result');
    $<HTMLButtonElement>(el, '[part~=next]')!.click();
    await settled(el);
    expect(titles(el)).to.have.length(2);
    expect($<HTMLButtonElement>(el, '[part~=next]')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('loads more, then says the list has ended', async () => {
    fakeApi();
    const el = await make('page-size="5" pagination="more"');
    await settled(el);
    for (const n of [10, 12]) {
      $<HTMLButtonElement>(el, '[part~=more]')!.click();
      await settled(el);
      expect(titles(el)).to.have.length(n);
    }
    expect($(el, '[part~=more]')).to.equal(null);
    expect($(el, '[part~=end]')!.textContent).to.equal('End of the list.');
    expect(el.shadowRoot!.activeElement?.getAttribute('data-i')).to.equal('10');
    await expect(el).to.be.accessible();
  });

  it('sends the filter attributes and re-fetches when they change', async () => {
    const api = fakeApi();
    const el = await make('topic="food-sovereignty" country="ES" organisation="coopmar" call="covid-responses-2020" criteria="crisis-response" q="food"');
    await settled(el);
    expect(params(api.calls[0])).to.deep.include({
      topic: 'food-sovereignty', country: 'ES', organisation: 'coopmar', call: 'covid-responses-2020', criteria: 'crisis-response', q: 'food',
    });
    expect(titles(el)).to.deep.equal(['Neighbourhood solidarity food bank']);
    el.setAttribute('country', 'FR');
    el.removeAttribute('organisation');
    el.removeAttribute('call');
    el.removeAttribute('criteria');
    el.removeAttribute('q');
    await settled(el);
    expect(params(api.calls.at(-1)!)).to.deep.equal({ country: 'FR', locale: 'en', page: '1', pageSize: '10', topic: 'food-sovereignty' });
    expect(titles(el)).to.deep.equal(['Worker-owned bakery supplying school canteens']);
  });

  it('switches language when the locale attribute changes: strings, content, fallback notes', async () => {
    const api = fakeApi();
    const el = await make('locale="en" page-size="3"');
    await settled(el);
    expect($(el, '[part~=count]')!.textContent).to.equal('12 practices');
    el.setAttribute('locale', 'ca');
    await settled(el);
    await shows(el, 'pràctiques');
    expect(params(api.calls.at(-1)!).locale).to.equal('ca');
    expect($(el, '[part~=count]')!.textContent).to.equal('12 pràctiques');
    expect(titles(el)[0]).to.equal('Rebost solidari del barri');
    expect($(el, 'nav')!.textContent).to.include('Pàgina 1 de 4');
    const card3 = $$(el, 'ul[part~=list] > li')[2];
    expect(card3.getAttribute('lang')).to.equal('en');
    expect(card3.querySelector('[part~=note]')!.textContent).to.equal('Disponible en anglès');
    expect(card3.querySelector('[part~=note]')!.getAttribute('lang')).to.equal('ca');
    expect($$(el, 'ul[part~=list] > li')[0].querySelector('[part~=note]')).to.equal(null);
    el.setAttribute('locale', 'el');
    await settled(el);
    await shows(el, 'πρακτικές');
    expect($(el, '[part~=count]')!.textContent).to.equal('12 πρακτικές');
    await expect(el).to.be.accessible();
  });

  it('falls back to English UI for an unknown locale and retries the API without it', async () => {
    const w = watchErrors();
    const api = fakeApi();
    const el = await make('locale="xx"');
    await settled(el);
    expect(params(api.calls[0]).locale).to.equal('xx');
    expect(api.calls[1].searchParams.has('locale')).to.equal(false);
    expect(titles(el)).to.have.length(10);
    expect($(el, '[part~=count]')!.textContent).to.equal('12 practices');
    // the refused locale is remembered by the shared client
    el.setAttribute('page-size', '2');
    await settled(el);
    expect(api.calls).to.have.length(3);
    expect(api.calls[2].searchParams.has('locale')).to.equal(false);
    w.stop();
    expect(w.errors).to.deep.equal([]);
  });

  it('takes the page language from <html lang> when there is no locale attribute', async () => {
    document.documentElement.lang = 'es-ES';
    const api = fakeApi();
    const el = await make();
    await settled(el);
    expect(params(api.calls[0]).locale).to.equal('es');
    await shows(el, '12 prácticas');
    document.documentElement.lang = 'de';
    const el2 = await make();
    await settled(el2);
    expect($(el2, '[part~=count]')!.textContent).to.equal('12 practices');
  });

  for (const [given, sent] of [['abc', '10'], ['0', '10'], ['-3', '10'], ['1000', '50'], ['7', '7'], ['', '10']])
    it(`page-size="${given}" asks for ${sent}`, async () => {
      const api = fakeApi();
      const el = await make(`page-size="${given}"`);
      await settled(el);
      expect(params(api.calls[0]).pageSize).to.equal(sent);
      expect($(el, '[part~=error]')).to.equal(null);
    });

  it('opens a practice inline with Enter, manages focus, and goes back', async () => {
    const api = fakeApi();
    const el = await make('page-size="5"');
    await settled(el);
    const button = $<HTMLButtonElement>(el, '[part~=card] button[part~=open]')!;
    expect(button.closest('h3')).to.be.instanceOf(HTMLHeadingElement);
    button.focus();
    const opened = oneEvent(el, 'solidarity-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.slug).to.equal('rebost-solidari-del-barri');
    await settled(el);
    expect(api.calls.at(-1)!.pathname).to.equal('/api/solidarity/practices/rebost-solidari-del-barri');
    const h = $(el, '[part~=detail] #d')!;
    expect(h.tagName).to.equal('H3');
    expect(el.shadowRoot!.activeElement).to.equal(h);
    expect(text(el)).to.include('How it works');
    expect($(el, '[part~=detail] h4')!.textContent).to.equal('How it works');
    expect($(el, '[part~=count]')).to.equal(null);
    await expect(el).to.be.accessible();
    const back = $<HTMLButtonElement>(el, '[part~=back]')!;
    expect(back.textContent).to.include('Back to the list');
    back.focus();
    const closed = oneEvent(el, 'solidarity-close');
    await sendKeys({ press: 'Enter' });
    await closed;
    await el.updateComplete;
    expect(titles(el)).to.have.length(5);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-s="rebost-solidari-del-barri"]'));
    expect(lists(api)).to.have.length(1);
  });

  it('puts the open practice in the page URL: Back returns to the list, Forward reopens it, a shared URL opens it on load', async () => {
    const api = fakeApi();
    const el = await make('page-size="5"');
    await settled(el);
    $<HTMLButtonElement>(el, 'button[part~=open]')!.click();
    await settled(el);
    expect(location.hash).to.equal('#solidarity-practice=rebost-solidari-del-barri');
    history.back();
    await waitUntil(() => !$(el, '[part~=detail]'), 'Back shows the list');
    expect(location.hash).to.equal('');
    expect(titles(el)).to.have.length(5);
    expect(lists(api)).to.have.length(1);
    history.forward();
    await waitUntil(() => $(el, '[part~=detail]'), 'Forward opens the practice again');
    await settled(el);
    expect(text(el)).to.include('How it works');
    el.remove();

    // a shared or bookmarked link: the widget opens on the practice; its own Back button shows the list
    history.replaceState(null, '', '#solidarity-practice=rebost-solidari-del-barri');
    const shared = await make('page-size="5"');
    await settled(shared);
    expect($(shared, '[part~=detail] h4')!.textContent).to.equal('How it works');
    expect(shared.shadowRoot!.activeElement, 'focus stays where the page put it').to.equal(null);
    $<HTMLButtonElement>(shared, '[part~=back]')!.click();
    await settled(shared);
    expect(titles(shared)).to.have.length(5);
    expect(location.hash).to.equal('');
  });

  it('keeps each list\'s open practice under its own key in the page URL (id, else index): both open on load, Back closes the last opened', async () => {
    fakeApi();
    const api = freshApi();
    const wrap = await fixture(
      `<div><solidarity-practices api="${api}" page-size="5"></solidarity-practices><solidarity-practices api="${api}" page-size="5"></solidarity-practices><solidarity-practices id="news" api="${api}" page-size="5"></solidarity-practices></div>`
    );
    const [a, b, c] = [...wrap.querySelectorAll<SolidarityPractices>('solidarity-practices')];
    await Promise.all([settled(a), settled(b), settled(c)]);
    const open = async (el: SolidarityPractices, i: number) => {
      $$<HTMLButtonElement>(el, 'button[part~=open]')[i].click();
      await waitUntil(() => $(el, '[part~=detail]'), 'the practice opens');
      await settled(el);
    };
    await open(a, 0);
    await open(b, 1);
    await open(c, 2);
    const key = (h: string) => Object.fromEntries(new URLSearchParams(h.slice(1)));
    expect(key(location.hash)).to.deep.equal({
      'solidarity-practice': 'rebost-solidari-del-barri',
      'solidarity-practice.1': 'fablab-repair-cafe',
      'solidarity-practice.news': 'koinsep-social-kitchen',
    });
    expect($(a, '[part~=detail] #d')!.textContent).to.include('food bank');
    expect($(b, '[part~=detail] #d')!.textContent).not.to.equal($(a, '[part~=detail] #d')!.textContent);

    // the browser's Back closes the list opened last, the others stay open
    history.back();
    await waitUntil(() => !$(c, '[part~=detail]'), 'Back closes the third list\'s practice');
    expect($(a, '[part~=detail]')).not.to.equal(null);
    expect($(b, '[part~=detail]')).not.to.equal(null);
    expect(key(location.hash)).to.deep.equal({ 'solidarity-practice': 'rebost-solidari-del-barri', 'solidarity-practice.1': 'fablab-repair-cafe' });
    // a list's own Back button closes its practice only, whichever opened last
    $<HTMLButtonElement>(a, '[part~=back]')!.click();
    await waitUntil(() => !$(a, '[part~=detail]'), 'its Back button closes the first list\'s practice');
    await settled(a);
    expect(key(location.hash)).to.deep.equal({ 'solidarity-practice.1': 'fablab-repair-cafe' });
    expect($(b, '[part~=detail]')).not.to.equal(null);
    wrap.remove();

    // the same URL shared: each list opens its own practice on load
    history.replaceState(null, '', '#solidarity-practice.1=fablab-repair-cafe&solidarity-practice.news=koinsep-social-kitchen');
    const again = await fixture(
      `<div><solidarity-practices api="${api}" page-size="5"></solidarity-practices><solidarity-practices api="${api}" page-size="5"></solidarity-practices><solidarity-practices id="news" api="${api}" page-size="5"></solidarity-practices></div>`
    );
    const [a2, b2, c2] = [...again.querySelectorAll<SolidarityPractices>('solidarity-practices')];
    await Promise.all([settled(a2), settled(b2), settled(c2)]);
    await waitUntil(() => $(b2, '[part~=detail] #d') && $(c2, '[part~=detail] #d'), 'the second and third lists open their practices');
    expect($(a2, '[part~=detail]')).to.equal(null);
    expect(titles(a2)).to.have.length(5);
    expect($(b2, '[part~=detail] #d')!.textContent).to.equal($$(a2, '[part~=card] [part~=title]')[1].textContent);
    expect($(c2, '[part~=detail] #d')!.textContent).to.equal($$(a2, '[part~=card] [part~=title]')[2].textContent);
  });

  it('takes its language from the nearest ancestor with lang, then <html lang>', async () => {
    const api = fakeApi();
    const wrap = await fixture(`<section lang="ca-ES"><div><solidarity-practices api="${freshApi()}"></solidarity-practices></div></section>`);
    const el = wrap.querySelector('solidarity-practices')!;
    await settled(el);
    expect(params(api.calls[0]).locale).to.equal('ca');
    await shows(el, '12 pràctiques');
  });

  it('follows prefers-color-scheme with theme="auto", with dark tokens a partner may set', async () => {
    fakeApi();
    const bg = (el: Element) => getComputedStyle($(el, '[part~=card]')!).backgroundColor;
    const light = await make('page-size="1"'),
      auto = await make('page-size="1" theme="auto"'),
      custom = await make('page-size="1" theme="auto" style="--solidarity-dark-color-surface: rgb(1, 2, 3)"');
    await Promise.all([settled(light), settled(auto), settled(custom)]);
    expect(bg(auto)).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      expect(bg(light)).to.equal('rgb(255, 255, 255)');
      expect(bg(auto)).to.equal('rgb(24, 32, 29)');
      expect(getComputedStyle(auto).colorScheme).to.equal('dark');
      expect(bg(custom)).to.equal('rgb(1, 2, 3)');
      await expect(auto).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('closes the inline practice with Escape', async () => {
    fakeApi();
    const el = await make();
    await settled(el);
    $<HTMLButtonElement>(el, 'button[part~=open]')!.click();
    await settled(el);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '[part~=detail]')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-s')).to.equal('rebost-solidari-del-barri');
  });

  it('links titles with href-template instead of opening them inline', async () => {
    fakeApi();
    const el = await make('href-template="/practices/{slug}?lang={locale}"');
    await settled(el);
    const a = $<HTMLAnchorElement>(el, '[part~=card] [part~=title] a')!;
    expect(a.getAttribute('href')).to.equal(new URL('/practices/rebost-solidari-del-barri?lang=en', location.href).href);
    expect($(el, 'button[part~=open]')).to.equal(null);
  });

  it('offers topic, country and search controls to visitors, built from the facets', async () => {
    const api = fakeApi();
    const el = await make('controls="topic,country,search" locale="ca"');
    await settled(el);
    await waitUntil(() => $$<HTMLSelectElement>(el, 'select')[0]?.options.length > 1, 'facets loaded');
    const facets = api.calls.find((u) => u.pathname.endsWith('/facets/practices'))!;
    expect(params(facets)).to.deep.equal({ locale: 'ca' });
    expect(api.calls.some((u) => u.pathname.endsWith('/topics'))).to.equal(false);
    const [topic, country] = $$<HTMLSelectElement>(el, 'select');
    expect(topic.options[0].textContent).to.equal('Tots els temes');
    expect([...topic.options].map((o) => o.textContent)).to.include('Sobirania alimentària (3)');
    expect([...country.options].map((o) => o.textContent)).to.deep.equal(['Tots els països', 'Espanya (4)', 'França (1)', 'Grècia (1)', 'Luxemburg (6)']);
    expect($(el, 'form')!.getAttribute('role')).to.equal('search');
    await expect(el).to.be.accessible();
    topic.value = 'food-sovereignty';
    topic.dispatchEvent(new Event('change'));
    await settled(el);
    expect(params(lists(api).at(-1)!).topic).to.equal('food-sovereignty');
    expect(titles(el)).to.have.length(3);
    // the facets follow the filter: countries of food practices, the topics still all offered
    await waitUntil(() => $$<HTMLSelectElement>(el, 'select')[1].options.length == 4, 'facets of the topic');
    expect([...$$<HTMLSelectElement>(el, 'select')[1].options].map((o) => o.textContent)).to.deep.equal(['Tots els països', 'Espanya (1)', 'França (1)', 'Grècia (1)']);
    expect([...$$<HTMLSelectElement>(el, 'select')[0].options].length).to.equal(topic.options.length);
    const c = $$<HTMLSelectElement>(el, 'select')[1];
    c.value = 'GR';
    c.dispatchEvent(new Event('change'));
    await settled(el);
    expect(titles(el)).to.deep.equal(['Social kitchen of a social cooperative enterprise']);
    const input = $<HTMLInputElement>(el, 'input[type=search]')!;
    input.value = 'zzz';
    $<HTMLButtonElement>(el, '[part~=search]')!.click();
    await settled(el);
    expect(params(lists(api).at(-1)!)).to.deep.include({ q: 'zzz', topic: 'food-sovereignty', country: 'GR', page: '1' });
    expect($(el, '[part~=empty]')!.textContent).to.equal('Cap pràctica no coincideix amb aquests filtres.');
    // the current choice stays offered when nothing matches it any more
    await waitUntil(() => api.calls.some((u) => u.pathname.endsWith('/facets/practices') && params(u).q == 'zzz'), 'facets of the search');
    await settled(el);
    expect($$<HTMLSelectElement>(el, 'select')[1].value).to.equal('GR');
  });

  it('offers every country on first load, before the visitor pages to one of its practices', async () => {
    const api = fakeApi();
    const el = await make('controls="country" page-size="2"');
    await settled(el);
    await waitUntil(() => $$<HTMLSelectElement>(el, 'select')[0]?.options.length > 1, 'facets loaded');
    // the first page holds two Spanish practices; Greece, France and Luxembourg are offered all the same
    expect(lists(api)).to.have.length(1);
    expect(titles(el)).to.have.length(2);
    const options = [...$<HTMLSelectElement>(el, 'select')!.options].map((o) => [o.value, o.textContent]);
    expect(options).to.deep.equal([['', 'All countries'], ['FR', 'France (1)'], ['GR', 'Greece (1)'], ['LU', 'Luxembourg (6)'], ['ES', 'Spain (4)']]);
    await expect(el).to.be.accessible();
  });

  it('offers organisation and call filters, in the visitor’s language', async () => {
    const api = fakeApi();
    const el = await make('controls="organisation,call" locale="el"');
    await settled(el);
    await waitUntil(() => $$<HTMLSelectElement>(el, 'select')[1]?.options.length > 1, 'facets loaded');
    const [org, call] = $$<HTMLSelectElement>(el, 'select');
    expect(org.options[0].textContent).to.equal('Όλοι οι οργανισμοί');
    expect(call.options[0].textContent).to.equal('Όλες οι προσκλήσεις');
    expect([...call.options].map((o) => o.value)).to.deep.equal(['', 'covid-responses-2020']);
    org.value = [...org.options][1].value;
    org.dispatchEvent(new Event('change'));
    await settled(el);
    expect(params(lists(api).at(-1)!).organisation).to.equal(org.value);
    await expect(el).to.be.accessible();
  });

  it('keeps a list without controls free of the filters’ chunk and of facet requests', async () => {
    const api = fakeApi();
    const el = await make();
    await settled(el);
    expect(api.calls.some((u) => u.pathname.includes('/facets/'))).to.equal(false);
    expect($(el, 'form')).to.equal(null);
  });

  it('renders hostile content inert', async () => {
    delete (window as { __xss?: number }).__xss;
    fakeApi({ practices: [xssDoc] });
    const el = await make();
    await settled(el);
    expect(titles(el)[0]).to.include('<img src=x onerror="window.__xss=1">Free <script>');
    $<HTMLButtonElement>(el, 'button[part~=open]')!.click();
    await settled(el);
    await aTimeout(50);
    const r = el.shadowRoot!;
    expect(r.querySelectorAll('script, [onerror], [onload], [onmouseover], svg')).to.have.length(0);
    expect([...r.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([]);
    expect([...r.querySelectorAll('img')].length).to.equal(0);
    expect(text(el)).to.include('a js link');
    expect(text(el)).to.include('<script>window.__xss=1</script>');
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('lays out as a grid, and honours heading-level', async () => {
    fakeApi();
    const el = await make('layout="grid" heading-level="2"');
    await settled(el);
    expect($$(el, 'article h2')).to.have.length(10);
    expect(getComputedStyle($(el, '[part~=list]')!).display).to.equal('grid');
    expect(getComputedStyle($(el, '[part~=list]')!).gridTemplateColumns.split(' ').length).to.be.greaterThan(0);
  });

  it('shares one API client: identical requests from two widgets are made once, and cached', async () => {
    const api = fakeApi();
    const base = freshApi();
    const [a, b] = await Promise.all([make('topic="housing"', base), make('topic="housing"', base)]);
    await Promise.all([settled(a), settled(b)]);
    expect(api.calls).to.have.length(1);
    const c = await make('topic="housing"', base);
    await settled(c);
    expect(api.calls).to.have.length(1);
    expect(titles(c)).to.deep.equal(titles(a));
  });

  it('aborts the request in flight when attributes change', async () => {
    const api = fakeApi();
    api.hold();
    const el = await make('topic="housing"');
    await el.updateComplete;
    el.setAttribute('topic', 'energy');
    await el.updateComplete;
    api.release();
    await settled(el);
    expect(api.aborted.map((u) => u.searchParams.get('topic'))).to.deep.equal(['housing']);
    expect(titles(el)).to.deep.equal(['Community solar roofs in Vallecas']);
  });

  it('loads again when moved in the page while loading', async () => {
    const api = fakeApi();
    api.hold();
    const el = await make('topic="energy"');
    await el.updateComplete;
    const parent = el.parentElement!;
    el.remove();
    expect(api.aborted).to.have.length(1);
    api.release();
    parent.append(el);
    await settled(el);
    expect(titles(el)).to.deep.equal(['Community solar roofs in Vallecas']);
  });
});
