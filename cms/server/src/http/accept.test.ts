import { describe, expect, it } from 'vitest';
import { preferredMediaType } from './accept';

const OFFERS = ['application/json', 'application/ld+json'] as const;
const pick = (accept: string | undefined) => preferredMediaType(accept, OFFERS);

describe('Accept negotiation (RFC 9110 12.5.1)', () => {
  it('parameters other than q do not stop a range from matching', () => {
    expect(pick('application/ld+json; profile="http://schema.org"')).toBe('application/ld+json');
    expect(pick('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"')).toBe('application/ld+json');
    expect(pick('application/ld+json; profile="a,b;c=\\"d\\""; q=0.9, application/json; q=0.5')).toBe('application/ld+json');
    expect(pick('APPLICATION/LD+JSON; charset=utf-8')).toBe('application/ld+json');
  });
  it('honours q-values, q=0 and specificity', () => {
    expect(pick('application/ld+json;q=0.5, application/json')).toBe('application/json');
    expect(pick('application/json;q=0.5, application/ld+json;q=0.9')).toBe('application/ld+json');
    expect(pick('application/ld+json;q=0, */*')).toBe('application/json');
    expect(pick('*/*;q=0.1, application/ld+json')).toBe('application/ld+json');
    expect(pick('application/*;q=0.2, application/ld+json;q=0')).toBe('application/json');
    expect(pick('application/json;q=0, application/ld+json;q=0')).toBeNull();
    expect(pick('text/html')).toBeNull();
  });
  it('ties go to the range listed first, then the first offer; no Accept means the first offer', () => {
    expect(pick('application/ld+json, application/json')).toBe('application/ld+json');
    expect(pick('application/json, application/ld+json')).toBe('application/json');
    expect(pick('*/*')).toBe('application/json');
    expect(pick(undefined)).toBe('application/json');
    expect(pick('')).toBe('application/json');
    expect(pick('application/ld+json;q=2, application/json;q=0.3')).toBe('application/json');
  });
});
