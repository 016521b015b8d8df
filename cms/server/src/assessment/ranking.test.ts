import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessorTotals, byRank, figures, onScale, type ScoreRow, type WeightedCriterion } from './ranking';

/** The arithmetic of the ranking, without a database (the admin API test covers it through HTTP too). */
const criteria: WeightedCriterion[] = [
  { index: 0, weight: 2 },
  { index: 1, weight: 1 },
  { index: 2, weight: 0.5 },
];
const row = (assessorId: number, criterion: number, score: number): ScoreRow => ({ practiceDocumentId: 'p', assessorId, criterion, score });

describe('assessment ranking', () => {
  it('accepts whole numbers on the scale only', () => {
    expect([0, 1, 3].map((s) => onScale(s, { min: 0, max: 3 }))).toEqual([true, true, true]);
    expect([-1, 4, 1.5, Number.NaN, Infinity].map((s) => onScale(s, { min: 0, max: 3 }))).toEqual([false, false, false, false, false]);
  });

  it('totals each assessor who scored every criterion, weighted', () => {
    const totals = assessorTotals([row(1, 0, 3), row(1, 1, 2), row(1, 2, 1), row(2, 0, 3), row(2, 1, 3)], criteria);
    expect([...totals]).toEqual([[1, 8.5]]); // 2·3 + 2 + 0.5·1; assessor 2 is incomplete
  });

  it('gives the mean, spread and standard deviation of the totals', () => {
    expect(figures([9, 4], criteria, { min: 0, max: 3 })).toEqual({ assessors: 2, mean: 6.5, spread: 5, standardDeviation: 2.5, maxTotal: 10.5 });
    expect(figures([], criteria, { min: 0, max: 3 })).toMatchObject({ assessors: 0, mean: null, spread: null });
  });

  it('keeps the mean between the lowest and highest total, the spread at least the deviation (any scores)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (assessors) => {
        const rows = assessors.flatMap((scores, a) => scores.map((s, c) => row(a + 1, c, s)));
        const totals = [...assessorTotals(rows, criteria).values()];
        const f = figures(totals, criteria, { min: 0, max: 5 });
        expect(f.assessors).toBe(assessors.length);
        expect(f.mean).toBeGreaterThanOrEqual(Math.min(...totals) - 1e-9);
        expect(f.mean).toBeLessThanOrEqual(Math.max(...totals) + 1e-9);
        expect(f.spread ?? 0).toBeGreaterThanOrEqual((f.standardDeviation ?? 0) - 1e-4);
        expect(f.mean).toBeLessThanOrEqual(f.maxTotal);
      })
    );
  });

  it('ranks the highest mean first and the unassessed last', () => {
    const none = { assessors: 0, mean: null, spread: null, standardDeviation: null, maxTotal: 9 };
    const items = [
      { title: 'c', ranking: none },
      { title: 'a', ranking: { ...none, assessors: 1, mean: 4, spread: 0, standardDeviation: 0 } },
      { title: 'b', ranking: { ...none, assessors: 1, mean: 7, spread: 0, standardDeviation: 0 } },
      { title: 'd', ranking: { ...none, assessors: 1, mean: 4, spread: 0, standardDeviation: 0 } },
    ];
    expect(items.sort(byRank((x, y) => x.title.localeCompare(y.title))).map((i) => i.title)).toEqual(['b', 'a', 'd', 'c']);
  });
});
