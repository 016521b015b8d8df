import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument as parse, parseHtmlFragment } from '../../../../test/helpers/html';
import { documents, startStrapi, type TestApp, type TestDoc } from '../../../../test/helpers/strapi';
import { xmlSafe } from '../feeds/blocks';
import { UID } from '../content-types/uids';
import { OEMBED_PATH, OEMBED_URL_PATTERN, parsePagePath, publicListUrl, publicPageUrl } from './urls';
import { renderPage, documentBody, listBody } from './page';
import { isTimeDependent } from '../http/cache';

/**
 * The public pages (`/embed/<locale>/<plural>[/<slug>]`) and the oEmbed endpoint, through the real
 * app: server-rendered content in the URL's language (with the fallback chain), JSON-LD, discovery,
 * framable by any site (and nothing else is), drafts never shown, everything escaped; and region
 * locales (`ca-ES`) on the API, feeds and calendars.
 */
let app: TestApp;
const docs = (uid: string) => documents(app, uid);
const page = (path: string) => request(app.url).get(path);

let catalanOnly: TestDoc;
const HOSTILE = `<script>alert("x")</script> & "quotes" 'single' </title><img src=x onerror=alert(1)>`;

beforeAll(async () => {
  app = await startStrapi({ env: { ALTCHA_ENABLED: 'false' } });
  catalanOnly = await docs(UID.practice).create({
    locale: 'ca',
    status: 'published',
    data: {
      title: 'Rebost solidari de Vilafranca',
      slug: 'rebost-vilafranca',
      summary: 'Un rebost gestionat pels veïns.',
      country: 'ES',
      municipality: 'Vilafranca del Penedès',
    },
  });
  await docs(UID.practice).create({
    locale: 'en',
    status: 'published',
    data: { title: HOSTILE, slug: 'hostile', summary: HOSTILE, country: 'ES' },
  });
  await docs(UID.practice).create({
    locale: 'en',
    data: { title: 'Secret draft practice', slug: 'secret-draft', summary: 'draft-canary', country: 'ES' },
  });
  const start = new Date(Date.now() + 7 * 86_400_000);
  await docs(UID.session).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Webinar on food banks',
      slug: 'food-banks-webinar',
      summary: 'How three networks keep their food banks going.',
      kind: 'webinar',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timezone: 'Europe/Madrid',
      registrationUrl: 'https://register.example/food',
      description: [{ type: 'paragraph', children: [{ type: 'text', text: 'Bring your questions about cold storage.' }] }],
    },
  });
  await docs(UID.statement).create({
    locale: 'en',
    status: 'published',
    data: {
      title: 'Food is a right',
      slug: 'food-is-a-right',
      summary: 'Fund community kitchens.',
      kind: 'sector-statement',
      issuedOn: '2026-03-01',
      body: [
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'What we ask' }] },
        { type: 'paragraph', children: [{ type: 'text', text: 'A kitchen in every <neighbourhood>.' }] },
      ],
    },
  });
});
afterAll(async () => {
  await app?.stop();
});

const FRAMABLE = (res: request.Response) => {
  expect(res.headers['x-frame-options']).toBeUndefined();
  expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
};

describe('URL scheme', () => {
  it('builds and reads page paths', () => {
    expect(publicPageUrl('practice', 'a b', 'ca', 'https://x.example')).toBe('https://x.example/embed/ca/practices/a%20b');
    expect(publicListUrl('session', 'el', { topic: 'housing', when: undefined, kind: 'webinar' })).toBe('/embed/el/sessions?topic=housing&kind=webinar');
    expect(parsePagePath('/embed/ca/practices/a%20b')).toEqual({ locale: 'ca', kind: 'practice', slug: 'a b' });
    expect(parsePagePath('/embed/statements')).toEqual({ locale: null, kind: 'statement', slug: null });
    expect(parsePagePath('/embed/ca/topics/x')).toBeNull();
    expect(parsePagePath('/embed/ca/practices/x/y')).toBeNull();
    expect(parsePagePath('/embed/ca/practices/%FF')).toBeNull();
    expect(OEMBED_URL_PATTERN).toBe('/embed/*');
  });
});

describe('a document’s page', () => {
  it('is server-rendered, in the URL’s language, with JSON-LD, canonical and oEmbed discovery, framable', async () => {
    const res = await page('/embed/ca/practices/rebost-vilafranca').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    FRAMABLE(res);
    const doc = parse(res.text);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('ca');
    expect(doc.querySelector('h1')?.text).toBe('Rebost solidari de Vilafranca');
    expect(res.text).toContain('Un rebost gestionat pels veïns.');
    const canonical = `${app.url}/embed/ca/practices/rebost-vilafranca`;
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(canonical);
    const discovery = doc.querySelector('link[type="application/json+oembed"]')?.getAttribute('href');
    expect(discovery).toBe(`${app.url}${OEMBED_PATH}?url=${encodeURIComponent(canonical)}&format=json`);
    const widget = doc.querySelector('solidarity-practice');
    expect(widget?.getAttribute('slug')).toBe('rebost-vilafranca');
    expect(widget?.getAttribute('locale')).toBe('ca');
    expect(widget?.querySelector('h1')).toBeTruthy();
    expect(doc.querySelector('script[type=module]')?.getAttribute('src')).toBe(`${app.url}/widgets/solidarity.js`);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.text ?? '{}') as Record<string, unknown>;
    expect(ld['@type']).toBe('CreativeWork');
    expect(ld.url).toBe(canonical);
    expect(ld.name).toBe('Rebost solidari de Vilafranca');
  });

  it('shows a document only in Catalan on the English page, marked with its language', async () => {
    const res = await page('/embed/en/practices/rebost-vilafranca').expect(200);
    const doc = parse(res.text);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('article')?.getAttribute('lang')).toBe('ca');
    expect(doc.querySelector('.note')?.text).toBe('In Catalan');
    // the page's own words inside the Catalan article speak the page's language: the note, the facts (the country's name)
    expect(doc.querySelector('article .note')?.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('article .meta')?.text).toBe('Vilafranca del Penedès, Spain');
    expect(doc.querySelector('article .meta')?.getAttribute('lang')).toBe('en');
    const el = parse((await page('/embed/el/practices/rebost-vilafranca').expect(200)).text);
    expect(el.querySelector('article .note')?.text).toBe('Στα Καταλανικά');
    expect(el.querySelector('article .note')?.getAttribute('lang')).toBe('el');
    expect(el.querySelector('article .meta')?.text).toBe('Vilafranca del Penedès, Ισπανία');
    // in a list, the same in each item
    const list = parse((await page('/embed/el/practices?country=ES').expect(200)).text);
    const item = list.querySelectorAll('li').find((li) => li.getAttribute('lang') === 'ca');
    expect(item?.querySelector('.note')?.getAttribute('lang')).toBe('el');
    expect(item?.querySelector('.meta')?.text).toBe('Vilafranca del Penedès, Ισπανία');
    // in its own language: no lang of its own, the country named in Catalan
    const ca = parse((await page('/embed/ca/practices/rebost-vilafranca').expect(200)).text);
    expect(ca.querySelector('article')?.getAttribute('lang')).toBeUndefined();
    expect(ca.querySelector('article .note')).toBeNull();
    expect(ca.querySelector('article .meta')?.text).toBe('Vilafranca del Penedès, Espanya');
    expect(ca.querySelector('article .meta')?.getAttribute('lang')).toBeUndefined();
    // by documentId too; its canonical is the slug's
    const byId = await page(`/embed/en/practices/${catalanOnly.documentId}`).expect(200);
    expect(parse(byId.text).querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${app.url}/embed/en/practices/rebost-vilafranca`);
  });

  it('renders sessions and statements, in full, inside the widget that shows that one document', async () => {
    const session = await page('/embed/fr/sessions/food-banks-webinar').expect(200);
    const s = parse(session.text);
    expect(s.querySelector('h1')?.text).toBe('Webinar on food banks');
    expect(s.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-/);
    expect(s.querySelector('a[href="https://register.example/food"]')?.text).toBe('S’inscrire');
    expect(JSON.parse(s.querySelector('script[type="application/ld+json"]')?.text ?? '{}')['@type']).toBe('Event');
    // the widget of that session (its slug, the page's locale), the server-rendered session inside it
    const sessionWidget = s.querySelectorAll('main solidarity-sessions');
    expect(sessionWidget.length).toBe(1);
    expect(sessionWidget[0]?.getAttribute('slug')).toBe('food-banks-webinar');
    expect(sessionWidget[0]?.getAttribute('locale')).toBe('fr');
    expect(s.querySelectorAll('main article').length).toBe(1);
    expect(sessionWidget[0]?.querySelector('article h1')?.text).toBe('Webinar on food banks');
    // in full: its description too
    expect(sessionWidget[0]?.querySelector('article')?.text).toContain('Bring your questions about cold storage.');
    const statement = await page('/embed/es/statements/food-is-a-right').expect(200);
    const st = parse(statement.text);
    expect(st.querySelector('h1')?.text).toBe('Food is a right');
    const statementWidget = st.querySelectorAll('main solidarity-statements');
    expect(statementWidget.length).toBe(1);
    expect(statementWidget[0]?.getAttribute('slug')).toBe('food-is-a-right');
    expect(statementWidget[0]?.getAttribute('locale')).toBe('es');
    expect(st.querySelectorAll('main article').length).toBe(1);
    // its full text, escaped
    const article = statementWidget[0]?.querySelector('article');
    expect(article?.querySelector('h2')?.text).toBe('What we ask');
    expect(article?.text).toContain('A kitchen in every <neighbourhood>.');
    expect(statement.text).toContain('A kitchen in every &lt;neighbourhood&gt;.');
    // by documentId, the same widget (the canonical page is the slug's)
    const { data } = (await request(app.url).get('/api/solidarity/statements/food-is-a-right?locale=en').expect(200)).body as { data: { documentId: string } };
    const byId = parse((await page(`/embed/en/statements/${data.documentId}`).expect(200)).text);
    expect(byId.querySelector('solidarity-statements')?.getAttribute('slug')).toBe('food-is-a-right');
  });

  it('says a session is cancelled or moved, with the reason, on its page and in lists (what its calendar says)', async () => {
    const start = new Date(Date.now() + 9 * 86_400_000);
    const base = {
      summary: 'A session that changed.',
      kind: 'workshop',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timezone: 'Europe/Madrid',
      registrationUrl: 'https://register.example/changed',
    };
    await docs(UID.session).create({
      locale: 'en',
      status: 'published',
      data: { ...base, title: 'Cancelled webinar', slug: 'cancelled-webinar', scheduleStatus: 'cancelled', statusReason: 'The speaker <is> ill' },
    });
    await docs(UID.session).create({
      locale: 'en',
      status: 'published',
      data: { ...base, title: 'Moved webinar', slug: 'moved-webinar', scheduleStatus: 'moved', statusReason: 'New date' },
    });
    const cancelled = parse((await page('/embed/ca/sessions/cancelled-webinar').expect(200)).text);
    const notice = cancelled.querySelector('.status');
    expect(notice?.getAttribute('data-status')).toBe('cancelled');
    expect(notice?.text).toBe('Cancel·lada: The speaker <is> ill');
    // a cancelled session offers no registration
    expect(cancelled.querySelector('a[href="https://register.example/changed"]')).toBeNull();
    const moved = parse((await page('/embed/en/sessions/moved-webinar').expect(200)).text);
    expect(moved.querySelector('.status')?.text).toBe('Moved: New date');
    expect(moved.querySelector('a[href="https://register.example/changed"]')).not.toBeNull();
    const list = parse((await page('/embed/en/sessions?when=upcoming').expect(200)).text);
    const items = list.querySelectorAll('li');
    const itemOf = (title: string) => items.find((li) => li.querySelector('h2')?.text === title);
    expect(itemOf('Cancelled webinar')?.querySelector('.status')?.text).toBe('Cancelled: The speaker <is> ill');
    expect(itemOf('Webinar on food banks')?.querySelector('.status')).toBeNull();
  });

  it('404s (an HTML page) for drafts, unknown slugs, kinds and locales', async () => {
    for (const path of [
      '/embed/en/practices/secret-draft',
      '/embed/en/practices/no-such-thing',
      '/embed/en/topics/food',
      '/embed/xx/practices/rebost-vilafranca',
      '/embed/en/practices/rebost-vilafranca/more',
      '/embed/',
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
      expect(res.text, path).not.toContain('draft-canary');
      expect(res.text, path).toContain('<h1>');
    }
    const ca = await page('/embed/ca/practices/nope').expect(404);
    expect(parse(ca.text).querySelector('html')?.getAttribute('lang')).toBe('ca');
    await page('/embed/en/practices/rebost-vilafranca?topic=x').expect(400);
  });

  it('redirects region locales and locale-less paths to the canonical address', async () => {
    const region = await page('/embed/ca-ES/practices/rebost-vilafranca').expect(301);
    expect(region.headers.location).toBe(`${app.url}/embed/ca/practices/rebost-vilafranca`);
    const underscore = await page('/embed/EN_gb/sessions?when=past').expect(301);
    expect(underscore.headers.location).toBe(`${app.url}/embed/en/sessions?when=past`);
    const none = await page('/embed/practices/rebost-vilafranca').expect(302);
    expect(none.headers.location).toBe(`${app.url}/embed/en/practices/rebost-vilafranca`);
  });

  it('is cached with an ETag like the API', async () => {
    const first = await page('/embed/en/statements/food-is-a-right').expect(200);
    expect(first.headers.etag).toBeTruthy();
    const again = await page('/embed/en/statements/food-is-a-right').set('If-None-Match', first.headers.etag as string).expect(304);
    FRAMABLE(again);
  });

  it('answers If-None-Match: * with 304 only for what exists; unknown pages and resources stay 404 (RFC 9110 13.1.2)', async () => {
    const star = (path: string, value = '*') => request(app.url).get(path).set('If-None-Match', value);
    const known = [
      '/embed/en/statements/food-is-a-right',
      '/api/solidarity/practices/rebost-vilafranca?locale=ca',
      '/api/solidarity/practices?locale=en',
      '/api/solidarity/feeds/practices.atom?locale=en',
      '/api/solidarity/export/practices.csv?locale=en',
      `/api/solidarity/oembed?url=${encodeURIComponent(`${app.url}/embed/en/practices/hostile`)}`,
    ];
    const unknown = [
      '/embed/en/statements/no-such-statement',
      '/embed/en/practices/secret-draft',
      '/api/solidarity/practices/no-such-practice?locale=en',
      '/api/solidarity/practices/secret-draft?locale=en',
      '/api/solidarity/sessions/no-such-session.ics',
      `/api/solidarity/oembed?url=${encodeURIComponent(`${app.url}/embed/en/practices/no-such-thing`)}`,
    ];
    for (const round of [1, 2]) {
      // round 2: the known answers are in the response cache (the fast path answers them)
      for (const path of known) expect((await star(path)).status, `${round} ${path}`).toBe(304);
      for (const path of unknown) {
        for (const value of ['*', 'W/"x", *']) expect((await star(path, value)).status, `${round} ${path} ${value}`).toBe(404);
      }
    }
    // an invalid request stays a 400
    expect((await star('/api/solidarity/export/practices.csv?locale=en&country=Spain')).status).toBe(400);
    expect((await star('/api/solidarity/export/practices.csv?locale=xx')).status).toBe(400);
    expect((await star('/embed/en/practices?country=Spain')).status).toBe(400);
  });
});

describe('a list’s page', () => {
  it('holds the list widget with the filters and the first page server-rendered', async () => {
    const res = await page('/embed/ca/practices?country=ES&layout=grid').expect(200);
    FRAMABLE(res);
    const doc = parse(res.text);
    const widget = doc.querySelector('solidarity-practices');
    expect(widget?.getAttribute('country')).toBe('ES');
    expect(widget?.getAttribute('layout')).toBe('grid');
    expect(widget?.getAttribute('locale')).toBe('ca');
    const links = widget?.querySelectorAll('li h2 a').map((a) => a.getAttribute('href'));
    expect(links).toContain(`${app.url}/embed/ca/practices/rebost-vilafranca`);
    expect(res.text).not.toContain('Secret draft practice');
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${app.url}/embed/ca/practices?country=ES&layout=grid`);
    expect(JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.text ?? '{}')['@type']).toBe('ItemList');
    const sessions = parse((await page('/embed/en/sessions?kind=webinar').expect(200)).text);
    expect(sessions.querySelector('solidarity-sessions')?.getAttribute('kind')).toBe('webinar');
    expect(sessions.querySelectorAll('li').length).toBe(1);
    const empty = parse((await page('/embed/en/statements?kind=press-release').expect(200)).text);
    expect(empty.querySelector('solidarity-statements p')?.text).toBe('Nothing to show here yet.');
  });

  it('names the network once in its <title>; a document’s <title> adds the network to its own', async () => {
    const list = parse((await page('/embed/ca/practices').expect(200)).text);
    const listTitle = list.querySelector('title')?.text ?? '';
    expect(listTitle).toBe(list.querySelector('h1')?.text);
    expect(listTitle.split('Solidarity Commons').length - 1).toBe(1);
    const one = parse((await page('/embed/ca/practices/rebost-vilafranca').expect(200)).text);
    expect(one.querySelector('title')?.text).toBe('Rebost solidari de Vilafranca — Solidarity Commons');
  });

  it('404s (an HTML page in the page’s language, and in oEmbed) for a filter naming nothing: an unknown topic, organisation, call or country', async () => {
    await docs(UID.topic).create({ locale: 'en', status: 'published', data: { name: 'Known topic', slug: 'known-topic' } });
    await docs(UID.topic).create({ locale: 'en', data: { name: 'Draft topic', slug: 'draft-topic' } });
    for (const query of ['topic=nonexistent', 'topic=draft-topic', 'organisation=nope', 'country=ZZ', 'country=zz', 'call=nope', 'country=ES&topic=nonexistent']) {
      for (const kind of query.startsWith('topic=') ? ['practices', 'sessions', 'statements'] : ['practices']) {
        const path = `/embed/en/${kind}?${query}`;
        const res = await page(path);
        expect(res.status, path).toBe(404);
        expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
        expect(parse(res.text).querySelector('h1')?.text, path).toBe('Not found');
        const oembed = await request(app.url).get(OEMBED_PATH).query({ url: `${app.url}${path}` });
        expect(oembed.status, path).toBe(404);
        expect(oembed.body.error.status, path).toBe(404);
      }
    }
    const el = parse((await page('/embed/el/practices?organisation=nope').expect(404)).text);
    expect(el.querySelector('html')?.getAttribute('lang')).toBe('el');
    expect(el.querySelector('h1')?.text).toBe('Δεν βρέθηκε');
    // a known topic or country with nothing in it is an empty list
    for (const path of ['/embed/en/practices?topic=known-topic', '/embed/en/practices?country=PT', '/embed/en/sessions?topic=known-topic']) {
      const res = await page(path);
      expect(res.status, path).toBe(200);
      expect(parse(res.text).querySelector('main p')?.text, path).toBe('Nothing to show here yet.');
    }
    await request(app.url).get(OEMBED_PATH).query({ url: `${app.url}/embed/en/practices?country=PT` }).expect(200);
  });

  it('redirects (301) a lower-case country code to its canonical upper-case URL, with the locale at once', async () => {
    const lower = await page('/embed/en/practices?country=es').expect(301);
    expect(lower.headers.location).toBe(`${app.url}/embed/en/practices?country=ES`);
    const both = await page('/embed/ca-ES/practices?country=es&layout=grid').expect(301);
    expect(both.headers.location).toBe(`${app.url}/embed/ca/practices?country=ES&layout=grid`);
    const target = parse((await page('/embed/ca/practices?country=ES&layout=grid').expect(200)).text);
    expect(target.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${app.url}/embed/ca/practices?country=ES&layout=grid`);
    // oEmbed of the lower-case address embeds the canonical page
    const oembed = await request(app.url).get(OEMBED_PATH).query({ url: `${app.url}/embed/en/practices?country=es` }).expect(200);
    expect(String(oembed.body.html)).toContain(`${app.url}/embed/en/practices?country=ES#?secret=`);
    // a malformed one is still a 400
    await page('/embed/en/practices?country=Spain').expect(400);
  });

  it('answers 400 (an HTML page) for unknown or invalid filters', async () => {
    for (const path of ['/embed/en/practices?nope=1', '/embed/en/practices?country=Spain', '/embed/en/practices?topic=a&topic=b', '/embed/en/sessions?when=tomorrow', '/embed/en/practices?page-size=51']) {
      const res = await page(path);
      expect(res.status, path).toBe(400);
      expect(res.headers['content-type'], path).toBe('text/html; charset=utf-8');
    }
  });
});

describe('a call’s list page: the banner follows isOpen (phase open and opensAt ≤ now < closesAt)', () => {
  const day = 86_400_000;
  const call = (slug: string, opensAt: number, closesAt: number) =>
    docs(UID.call).create({
      locale: 'en',
      status: 'published',
      data: { title: `Call ${slug}`, slug, opensAt: new Date(opensAt).toISOString(), closesAt: new Date(closesAt).toISOString(), phase: 'open' },
    });
  beforeAll(async () => {
    const now = Date.now();
    await call('call-passed', now - 30 * day, now - day);
    await call('call-later', now + day, now + 30 * day);
    await call('call-now', now - day, now + 30 * day);
  });

  const banner = async (path: string) => {
    const res = await page(path).expect(200);
    const doc = parse(res.text);
    return { doc, text: res.text, phase: doc.querySelector('solidarity-practices section.call [data-phase]') };
  };

  it('after the deadline, still in the open phase: says closed (in the page’s language), and no form element is in the page', async () => {
    const api = await request(app.url).get('/api/solidarity/calls/call-passed?locale=en').expect(200);
    expect(api.body.data).toMatchObject({ phase: 'open', isOpen: false });
    const en = await banner('/embed/en/practices?call=call-passed');
    expect(en.phase?.text).toBe('Phase: Closed for submissions, assessment pending');
    expect(en.phase?.getAttribute('data-phase')).toBe('closed');
    expect(en.text).not.toContain('solidarity-submit-practice');
    expect(en.doc.querySelector('details')).toBeNull();
    expect(en.text).not.toContain('Open for submissions');
    const el = await banner('/embed/el/practices?call=call-passed');
    expect(el.phase?.text).toBe('Φάση: Έκλεισε για υποβολές, αναμένεται η αξιολόγηση');
    expect(el.text).not.toContain('solidarity-submit-practice');
  });

  it('before opensAt: says not open yet, and no form element', async () => {
    const ca = await banner('/embed/ca/practices?call=call-later');
    expect(ca.phase?.text).toBe('Fase: Encara no oberta a propostes');
    expect(ca.phase?.getAttribute('data-phase')).toBe('upcoming');
    expect(ca.text).not.toContain('solidarity-submit-practice');
    // when it opens, in the page's language (the year of opensAt, a day from now)
    const opens = [...ca.doc.querySelectorAll('section.call p.meta')].map((p) => p.text).find((t) => t.startsWith('S’obre a propostes: '));
    expect(opens).toContain(String(new Date(Date.now() + 86_400_000).getUTCFullYear()));
    // a call open now or closed says no opening date
    expect((await banner('/embed/ca/practices?call=call-now')).text).not.toContain('S’obre a propostes');
    expect((await banner('/embed/ca/practices?call=call-passed')).text).not.toContain('S’obre a propostes');
  });

  it('within its dates: open, with the form behind a disclosure', async () => {
    const fr = await banner('/embed/fr/practices?call=call-now');
    expect(fr.phase?.text).toBe('Phase: Ouvert aux propositions');
    expect(fr.doc.querySelector('section.call details solidarity-submit-practice')?.getAttribute('call')).toBe('call-now');
  });

  it('is cached by the minute, as the calls’ API is: the deadline passes without a content change', () => {
    expect(isTimeDependent('/embed/en/practices', 'call=call-now')).toBe(true);
    expect(isTimeDependent('/embed/en/practices', 'topic=x&call=call-now&layout=grid')).toBe(true);
    expect(isTimeDependent('/embed/en/practices', 'topic=x')).toBe(false);
    expect(isTimeDependent('/embed/en/practices/call-now', '')).toBe(false);
  });
});

describe('framing', () => {
  it('allows framing the public pages only', async () => {
    for (const path of ['/api/solidarity/practices', '/api/solidarity/practices/rebost-vilafranca', '/widgets/solidarity.js', '/admin', '/api/solidarity/oembed?url=x']) {
      const res = await page(path);
      const framable = !res.headers['x-frame-options'] && String(res.headers['content-security-policy'] ?? '').includes('frame-ancestors *');
      expect(framable, path).toBe(false);
    }
  });
});

describe('oEmbed', () => {
  const oembed = (query: Record<string, string>) => request(app.url).get(OEMBED_PATH).query(query);

  it('answers type rich with an iframe of the page and a blockquote link', async () => {
    const url = `${app.url}/embed/ca/practices/rebost-vilafranca`;
    const res = await oembed({ url, maxwidth: '500', maxheight: '300', format: 'json' }).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.body as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', title: 'Rebost solidari de Vilafranca', provider_name: 'Solidarity Commons', provider_url: `${app.url}/`, width: 500, height: 300 });
    const html = parseHtmlFragment(String(body.html));
    const iframe = html.querySelector('iframe');
    const secret = iframe?.getAttribute('data-secret') ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(iframe?.getAttribute('src')).toBe(`${url}#?secret=${secret}`);
    expect(iframe?.getAttribute('class')).toBe('wp-embedded-content');
    expect(iframe?.getAttribute('sandbox')).toContain('allow-scripts');
    expect(iframe?.getAttribute('sandbox')).toContain('allow-same-origin');
    expect(iframe?.getAttribute('width')).toBe('500');
    expect(iframe?.getAttribute('height')).toBe('300');
    const quote = html.querySelector('blockquote');
    expect(quote?.getAttribute('data-secret')).toBe(secret);
    expect(quote?.querySelector('a')?.getAttribute('href')).toBe(url);
    expect(html.querySelector('script')?.getAttribute('src')).toBe(`${app.url}/embed/host.js`);
    // WordPress's wp_filter_oembed_result keeps the blockquote and the iframe of this markup
    expect(String(body.html)).toMatch(/^(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/ms);
    // default and largest size
    const big = await oembed({ url, maxwidth: '5000' }).expect(200);
    expect(big.body.width).toBe(600);
    expect(big.body.height).toBe(400);
  });

  it('follows the discovery link of every page, lists and region locales included', async () => {
    for (const path of ['/embed/en/sessions/food-banks-webinar', '/embed/el/statements?kind=sector-statement']) {
      const doc = parse((await page(path).expect(200)).text);
      const href = doc.querySelector('link[type="application/json+oembed"]')?.getAttribute('href') as string;
      const res = await request(href).get('').expect(200);
      expect(res.body.type).toBe('rich');
      expect(String(res.body.html)).toContain(path.replace(/&/g, '&amp;'));
    }
    const region = await oembed({ url: `${app.url}/embed/ca-ES/practices/rebost-vilafranca` }).expect(200);
    expect(String(region.body.html)).toContain(`${app.url}/embed/ca/practices/rebost-vilafranca#?secret=`);
  });

  it('404s for URLs that are not our published pages; 501 for XML; 400 for bad input', async () => {
    for (const url of [
      `${app.url}/embed/en/practices/secret-draft`,
      `${app.url}/embed/en/practices/no-such-thing`,
      `https://elsewhere.example/embed/en/practices/rebost-vilafranca`,
      `${app.url}/api/solidarity/practices/rebost-vilafranca`,
      `${app.url}/embed/en/practices?nope=1`,
      'not a url',
    ]) {
      const res = await oembed({ url });
      expect(res.status, url).toBe(404);
      expect(res.body.error.status, url).toBe(404);
    }
    const xml = await oembed({ url: `${app.url}/embed/en/practices/rebost-vilafranca`, format: 'xml' }).expect(501);
    expect(xml.body.error.status).toBe(501);
    await oembed({}).expect(400);
    await oembed({ url: `${app.url}/embed/en/practices/rebost-vilafranca`, maxwidth: 'wide' }).expect(400);
  });

  it('404s (never 400) for a URL of ours it has no representation for: not a page, unknown slug, locale or filter (oEmbed 2.2); 501 for any other format', async () => {
    for (const url of [
      `${app.url}/embed/`,
      `${app.url}/embed/en`,
      `${app.url}/embed/en/things/rebost-vilafranca`,
      `${app.url}/embed/en/practices/rebost-vilafranca/more`,
      `${app.url}/embed/en/practices/%E0%A4%A`,
      `${app.url}/embed/zz/practices/rebost-vilafranca`,
      `${app.url}/embed/zz/practices`,
      `${app.url}/embed/practices/no-such-thing`,
      `${app.url}/embed/practices?nope=1`,
      `${app.url}/embed/ca-ES/practices?country=Spain`,
      `${app.url}/embed/ca-ES/practices?nope=1`,
      `${app.url}/embed/en/practices?topic=a&topic=b`,
      `${app.url}/embed/ca-ES/practices/rebost-vilafranca?x=1`,
      `${app.url}/embed/en/practices?page-size=abc`,
      `${app.url}/demo`,
      `${app.url}/`,
      'ftp://elsewhere.example/embed/en/practices',
    ]) {
      const res = await oembed({ url });
      expect(res.status, url).toBe(404);
      expect(res.body.error.status, url).toBe(404);
    }
    for (const format of ['yaml', 'XML', 'html']) {
      const res = await oembed({ url: `${app.url}/embed/en/practices/rebost-vilafranca`, format });
      expect(res.status, format).toBe(501);
      expect(res.body.error.status, format).toBe(501);
    }
    for (const maxheight of ['0', '-1', '1.5', 'tall']) {
      await oembed({ url: `${app.url}/embed/en/practices/rebost-vilafranca`, maxheight }).expect(400);
    }
  });
});

describe('escaping', () => {
  it('escapes a hostile title everywhere through the app', async () => {
    const res = await page('/embed/en/practices/hostile').expect(200);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toContain('<img src=x');
    const doc = parse(res.text);
    expect(doc.querySelector('h1')?.text).toBe(HOSTILE);
    expect(doc.querySelectorAll('script').every((s) => ['application/ld+json', 'module', undefined].includes(s.getAttribute('type')))).toBe(true);
    const o = await request(app.url).get(OEMBED_PATH).query({ url: `${app.url}/embed/en/practices/hostile` }).expect(200);
    expect(String(o.body.html)).not.toContain('<script>alert');
    expect(parseHtmlFragment(String(o.body.html)).querySelector('blockquote a')?.text).toBe(HOSTILE);
  });

  it('never lets any title, summary or locale out of its element (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ maxLength: 12 }), fc.constantFrom('practice', 'session', 'statement' as const), (title, summary, slug, kind) => {
        // a session's description and a statement's body: one paragraph of the summary
        const text = [{ type: 'paragraph', children: [{ type: 'text', text: summary }] }];
        const doc = { title, summary, slug, documentId: 'd1', locale: 'ca', url: `https://x.example/embed/en/practices/${encodeURIComponent(slug)}`, description: text, body: text };
        const body = documentBody(kind, doc, 'en', doc.url, 'https://x.example') + listBody('practice', [doc], 'en', title, { topic: summary });
        const html = renderPage(
          { locale: 'en', title, description: summary, canonical: doc.url, oembed: doc.url, origin: 'https://x.example', network: title, jsonLd: { name: title } },
          body
        );
        const root = parse(html);
        // the only elements are ours: no element or attribute came from the content
        const tags = new Set(root.querySelectorAll('*').map((el) => el.tag));
        for (const tag of tags) {
          expect(['html', 'head', 'meta', 'title', 'link', 'style', 'script', 'body', 'main', 'footer', 'a', 'solidarity-practice', 'solidarity-practices', 'solidarity-sessions', 'solidarity-statements', 'article', 'br', 'h1', 'h2', 'p', 'ul', 'li']).toContain(tag);
        }
        expect(root.querySelectorAll('script').length).toBe(3);
        expect(root.querySelector('main h1')?.text).toBe(xmlSafe(title).replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'));
        const ld = root.querySelector('script[type="application/ld+json"]')?.text ?? '';
        expect(JSON.parse(ld)).toEqual({ name: title });
      }),
      { numRuns: 200 }
    );
  });
});

describe('region locales on the API, feeds and calendars', () => {
  it('maps ca-ES, el_GR, EN-gb to the configured locale; unknown ones stay a 400', async () => {
    const list = await request(app.url).get('/api/solidarity/practices?locale=ca-ES').expect(200);
    expect(list.body.meta.locale).toBe('ca');
    expect((list.body.data as { slug: string }[]).map((d) => d.slug)).toContain('rebost-vilafranca');
    expect((await request(app.url).get('/api/solidarity/practices?locale=el_GR').expect(200)).body.meta.locale).toBe('el');
    expect((await request(app.url).get('/api/solidarity/practices/rebost-vilafranca?locale=EN-gb').expect(200)).body.meta.locale).toBe('en');
    const feed = await request(app.url).get('/api/solidarity/feeds/practices.atom?locale=ca-ES').expect(200);
    expect(feed.text).toContain('xml:lang="ca"');
    await request(app.url).get('/api/solidarity/sessions.ics?locale=fr-FR').expect(200);
    await request(app.url).get('/api/solidarity/facets/practices?locale=es_ES').expect(200);
    for (const bad of ['xx-XX', 'pt-BR', 'c', 'ca--ES', 'ca-ES-<x>']) {
      const res = await request(app.url).get('/api/solidarity/practices').query({ locale: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.name, bad).toBe('ValidationError');
    }
  });

  it('links feeds and JSON to the public pages', async () => {
    const one = await request(app.url).get('/api/solidarity/practices/rebost-vilafranca?locale=en').expect(200);
    expect(one.body.data.url).toBe(`${app.url}/embed/en/practices/rebost-vilafranca`);
  });
});
