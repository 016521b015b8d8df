import { describe, expect, it } from 'vitest';
import { block, COUNTRIES, empty, EMAIL, fieldOf, isUrl, line, payload, retryMinutes, serverErrors, validate, type Data } from '../../src/components/submit-practice/validate.js';

const valid = (): Data => ({
  ...empty(),
  title: 'Rebost solidari',
  summary: 'A community pantry run by neighbours.',
  topics: ['food-sovereignty'],
  promoters: [{ name: 'Xarxa', website: '', country: '' }],
  country: 'ES',
  name: 'Marta Puig',
  email: 'marta@example.cat',
  role: 'Coordinator',
  consent: true,
});

describe('validate (mirrors the server)', () => {
  it('accepts a complete fiche', () => {
    expect(validate(valid())).toEqual({});
  });

  it('requires every required field of an empty form', () => {
    expect(validate(empty())).toEqual({
      title: ['eRequired'],
      summary: ['eRequired'],
      topics: ['eTopicsMin'],
      'p0-name': ['eRequired'],
      country: ['eCountry'],
      name: ['eRequired'],
      email: ['eRequired'],
      role: ['eRequired'],
      consent: ['eConsent'],
    });
  });

  it('checks lengths after cleaning as the server does', () => {
    const d = valid();
    d.title = '  a\u0000  ';
    d.summary = ' '.repeat(50) + 'too short ';
    d.name = 'M';
    d.role = 'x'.repeat(201);
    d.municipality = 'y'.repeat(121);
    d.promoters = [{ name: 'A', website: '', country: '' }];
    expect(validate(d)).toEqual({
      title: ['eMin', 3],
      summary: ['eMin', 10],
      name: ['eMin', 2],
      role: ['eMax', 200],
      municipality: ['eMax', 120],
      'p0-name': ['eMin', 2],
    });
    d.title = 'x'.repeat(201);
    d.summary = 'x'.repeat(601);
    d.body = 'x'.repeat(20_001);
    expect(validate(d)).toMatchObject({ title: ['eMax', 200], summary: ['eMax', 600], body: ['eMax', 20_000] });
    d.summary = 'x'.repeat(600);
    d.body = 'x'.repeat(20_000);
    expect(validate(d)).not.toHaveProperty('summary');
    expect(validate(d)).not.toHaveProperty('body');
  });

  it('accepts 1 to 5 topics', () => {
    const d = valid();
    d.topics = ['a', 'b', 'c', 'd', 'e'];
    expect(validate(d)).toEqual({});
    d.topics.push('f');
    expect(validate(d)).toEqual({ topics: ['eTopicsMax', 5] });
  });

  it('checks email, web address and phone formats', () => {
    const d = valid();
    d.email = 'marta@';
    d.promoters = [
      { name: 'A co', website: 'javascript:alert(1)', country: '' },
      { name: 'B co', website: ' https://b.example.org/path ', country: 'GR' },
      { name: 'C co', website: 'www.c.example', country: '' },
    ];
    d.phone = '+34 (93) 000-00-00';
    expect(validate(d)).toEqual({ email: ['eEmail'], 'p0-website': ['eUrl'], 'p2-website': ['eUrl'] });
    d.phone = 'call me';
    expect(validate(d)).toMatchObject({ phone: ['ePhone'] });
    for (const ok of ['a@b.co', "o'neil+tag@sub.example.org", 'x_y-z@example.coop']) expect(EMAIL.test(ok), ok).toBe(true);
    for (const no of ['a@b', '.a@b.co', 'a..b@c.org', 'a@b.c', 'a b@c.org', 'a@-b.org']) expect(EMAIL.test(no), no).toBe(false);
    expect(isUrl('http://x.example')).toBe(true);
    expect(isUrl('ftp://x.example')).toBe(false);
    expect(isUrl('https://' + 'x'.repeat(2050) + '.org')).toBe(false);
  });

  it('cleans text as the server stores it', () => {
    expect(line(' a \t b\n c\u0007 ')).toBe('a b c');
    expect(block(' a\r\nb\u0000\n\n c ')).toBe('a\nb\n\n c');
  });
});

describe('payload', () => {
  it('builds the contract body, leaving out empty optional fields', () => {
    const d = valid();
    d.topics = ['housing', 'food-sovereignty'];
    d.promoters.push({ name: ' Coopmar ', website: 'https://coopmar.example.cat', country: 'ES' });
    d.phone = ' ';
    expect(payload(d, { locale: 'ca', honeypot: '', altcha: 'P', order: ['food-sovereignty', 'digital', 'housing'] })).toEqual({
      title: 'Rebost solidari',
      summary: 'A community pantry run by neighbours.',
      body: '',
      topics: ['food-sovereignty', 'housing'],
      promoters: [{ name: 'Xarxa' }, { name: 'Coopmar', website: 'https://coopmar.example.cat', country: 'ES' }],
      territory: { country: 'ES' },
      locale: 'ca',
      contact: { name: 'Marta Puig', email: 'marta@example.cat', role: 'Coordinator' },
      consent: true,
      leaveThisFieldEmpty: '',
      altcha: 'P',
    });
    d.municipality = 'Manlleu';
    d.phone = '+34 600';
    const p = payload(d, { call: 'c-1', locale: 'en', honeypot: 'x', altcha: 'P' });
    expect(p.leaveThisFieldEmpty).toBe('x');
    expect(p).not.toHaveProperty('website');
    expect(p.call).toBe('c-1');
    expect(p.territory).toEqual({ municipality: 'Manlleu', country: 'ES' });
    expect(p.contact.phone).toBe('+34 600');
    expect(p.topics).toEqual(['housing', 'food-sovereignty']);
  });
});

describe('server errors', () => {
  it('map path[0] (and deeper) to the form fields', () => {
    expect(fieldOf(['topics', 0])).toBe('topics');
    expect(fieldOf(['title'])).toBe('title');
    expect(fieldOf(['contact', 'email'])).toBe('email');
    expect(fieldOf(['contact', 'name'])).toBe('name');
    expect(fieldOf(['contact'])).toBe('name');
    expect(fieldOf(['territory', 'region'])).toBe('region');
    expect(fieldOf(['territory', 'country'])).toBe('country');
    expect(fieldOf(['promoters', 2, 'website'])).toBe('p2-website');
    expect(fieldOf(['promoters', 1, 'name'])).toBe('p1-name');
    expect(fieldOf(['promoters'])).toBe('p0-name');
    expect(fieldOf(['altcha'])).toBe('altcha');
    expect(fieldOf(['consent'])).toBe('consent');
    expect(fieldOf(['call'])).toBe('');
    expect(fieldOf(['locale'])).toBe('');
    expect(fieldOf([])).toBe('');
    expect(fieldOf('title')).toBe('');
  });

  it('keep the first message of each field; junk is skipped', () => {
    expect(
      serverErrors([
        { path: ['topics', 0], message: 'unknown topic' },
        { path: ['topics', 1], message: 'unknown topic too' },
        { path: ['call'], message: 'not open' },
        { path: ['title'] },
        null,
        'x',
      ])
    ).toEqual({ topics: 'unknown topic', '': 'not open' });
    expect(serverErrors(undefined)).toEqual({});
  });

  it('Retry-After: seconds or a date, in minutes rounded up', () => {
    expect(retryMinutes('600')).toBe(10);
    expect(retryMinutes('61')).toBe(2);
    expect(retryMinutes('1')).toBe(1);
    expect(retryMinutes('0')).toBe(0);
    expect(retryMinutes(null)).toBe(0);
    expect(retryMinutes('soon')).toBe(0);
    const now = Date.parse('2026-06-01T10:00:00Z');
    expect(retryMinutes('Mon, 01 Jun 2026 10:05:30 GMT', now)).toBe(6);
  });
});

describe('countries', () => {
  it('are the ISO 3166-1 alpha-2 codes (and XK), each once, each with a name', () => {
    expect(COUNTRIES.length).toBe(250);
    expect(new Set(COUNTRIES).size).toBe(250);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    for (const c of COUNTRIES) expect(names.of(c), c).not.toBe(c);
    for (const c of ['ES', 'GR', 'FR', 'IT', 'PT', 'XK', 'GB']) expect(COUNTRIES).toContain(c);
    for (const c of ['EU', 'UN', 'UK', 'ZZ']) expect(COUNTRIES).not.toContain(c);
  });
});
