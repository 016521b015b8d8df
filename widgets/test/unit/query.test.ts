import { describe, expect, it } from 'vitest';
import { endpoint, fill, headingLevel, pageSize, qs, safeUrl, webcal } from '../../src/internal/query.js';
import { words } from '../../src/internal/words.js';

describe('pageSize', () => {
  it.each([
    [undefined, 10],
    [null, 10],
    ['', 10],
    ['abc', 10],
    ['0', 10],
    ['-5', 10],
    ['NaN', 10],
    ['1', 1],
    ['12', 12],
    ['12.7', 12],
    ['50', 50],
    ['51', 50],
    ['1000', 50],
    [' 7 ', 7],
  ])('%j -> %i', (v, n) => expect(pageSize(v)).toBe(n));
});

describe('headingLevel', () => {
  it.each([
    [undefined, 3],
    ['abc', 3],
    ['2', 2],
    ['0', 1],
    ['9', 6],
    ['4.5', 4],
  ])('%j -> %i', (v, n) => expect(headingLevel(v)).toBe(n));
});

describe('query building', () => {
  it('sorts keys and drops empty values', () => {
    expect(qs({ topic: 'food', page: 1, q: '', country: null, call: undefined, locale: 'ca' })).toBe('locale=ca&page=1&topic=food');
  });

  it('encodes values', () => {
    expect(qs({ q: 'café & co/op' })).toBe('q=caf%C3%A9+%26+co%2Fop');
  });

  it('builds API URLs from a base with or without trailing slash', () => {
    expect(endpoint('https://commons.example.org/', '/practices', { page: 2, pageSize: 10 })).toBe(
      'https://commons.example.org/api/solidarity/practices?page=2&pageSize=10'
    );
    expect(endpoint('https://example.org/commons', '/topics')).toBe('https://example.org/commons/api/solidarity/topics');
  });

  it('is stable whatever the order of parameters (cache keys)', () => {
    expect(endpoint('https://x', '/p', { b: 1, a: 2 })).toBe(endpoint('https://x', '/p', { a: 2, b: 1 }));
  });

  it('reads lists from attributes', () => {
    expect(words('topic, country  search')).toEqual(['topic', 'country', 'search']);
    expect(words(null)).toEqual([]);
  });

  it('fills href templates, encoding values', () => {
    expect(fill('/practices/{slug}?l={locale}', { slug: 'a b/c', locale: 'ca' })).toBe('/practices/a%20b%2Fc?l=ca');
    expect(fill('/x/{missing}', {})).toBe('/x/');
  });

  it('turns a calendar URL into a webcal:// subscription', () => {
    expect(webcal('https://x.org/api/solidarity/sessions.ics?topic=a')).toBe('webcal://x.org/api/solidarity/sessions.ics?topic=a');
    expect(webcal('http://localhost:1337/a.ics')).toBe('webcal://localhost:1337/a.ics');
  });
});

describe('safeUrl', () => {
  it('keeps http, https and mailto', () => {
    expect(safeUrl('https://a.example/x')).toBe('https://a.example/x');
    expect(safeUrl('http://a.example/')).toBe('http://a.example/');
    expect(safeUrl('mailto:info@a.example')).toBe('mailto:info@a.example');
  });

  it('resolves relative URLs against the base', () => {
    expect(safeUrl('/uploads/a.jpg', 'https://cms.example/')).toBe('https://cms.example/uploads/a.jpg');
  });

  it('refuses every other scheme, however written', () => {
    for (const u of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd'])
      expect(safeUrl(u, 'https://cms.example/'), u).toBeUndefined();
  });

  it('refuses non-strings and junk', () => {
    for (const u of [undefined, null, 3, {}, '', '   ', 'http://[bad']) expect(safeUrl(u)).toBeUndefined();
  });
});
