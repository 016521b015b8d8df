import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncateText } from './truncate';

const wellFormed = (s: string): boolean => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe('truncateText', () => {
  it('never splits a surrogate pair', () => {
    const s = `${'a'.repeat(118)}😀 and more`;
    expect(truncateText(s, 120, true)).toBe(`${'a'.repeat(118)}…`);
    expect(truncateText(s, 119)).toBe('a'.repeat(118));
    expect(truncateText(s, 120)).toBe(`${'a'.repeat(118)}😀`);
  });
  it('keeps short texts as they are, and any cut is well-formed and within the bound', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (s, max, ellipsis) => {
        const cut = truncateText(s, max, ellipsis);
        expect(cut.length).toBeLessThanOrEqual(Math.max(max, s.length <= max ? s.length : 0));
        expect(wellFormed(cut)).toBe(true);
        if (s.length <= max) expect(cut).toBe(s);
      })
    );
  });
});
