import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PARTNER_ORIGINS, normalizePartnerOrigins, parsePartnerOrigin } from './partner-sites';

/** Whatever an editor types as a partner site's origins: a normalised origin or a field error, never a throw. */
describe('partner site origins (property)', () => {
  it('any value gives either an https (or loopback http) origin without path, or an error', () => {
    const value = fc.oneof(
      fc.string(),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom('null', '*', 'https://*.x.example', 'http://localhost:1', 'https://[::1]', 'HTTPS://A.EXAMPLE:443/'),
      fc.anything()
    );
    fc.assert(
      fc.property(value, (v) => {
        const parsed = parsePartnerOrigin(v);
        if ('error' in parsed) return typeof parsed.error === 'string' && parsed.error.length > 0;
        const url = new URL(parsed.origin);
        expect(parsed.origin).toBe(url.origin);
        expect(parsed.origin).toBe(parsed.origin.toLowerCase());
        expect(url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)).toBe(true);
        // idempotent: a stored origin parses to itself
        expect(parsePartnerOrigin(parsed.origin)).toEqual({ origin: parsed.origin });
        return true;
      }),
      { numRuns: 500 }
    );
  });

  it('a list gives distinct origins (at most the limit) or one error per bad entry under origins.<index>', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.webUrl(), fc.string()), { maxLength: MAX_PARTNER_ORIGINS + 3 }), (list) => {
        const result = normalizePartnerOrigins(list);
        if (result.origins) {
          expect(new Set(result.origins).size).toBe(result.origins.length);
          expect(result.origins.length).toBeGreaterThan(0);
          expect(result.origins.length).toBeLessThanOrEqual(MAX_PARTNER_ORIGINS);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e.path[0]).toBe('origins');
        }
      }),
      { numRuns: 300 }
    );
  });
});
