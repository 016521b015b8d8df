/**
 * The arithmetic of a call's assessment, without a database: which scores a
 * scale accepts, each assessor's weighted total, and the ranking of the call's
 * submissions by the mean of those totals with the spread between assessors.
 */

/** A call's assessment scale: each criterion is scored from `min` to `max` (integers, both included). */
export interface Scale {
  min: number;
  max: number;
}

/** One criterion of a call, by its position in the call's list (0-based), with its weight (1 when the call gives none). */
export interface WeightedCriterion {
  index: number;
  weight: number;
}

/** One stored score: an assessor's score for one criterion of one submission. */
export interface ScoreRow {
  practiceDocumentId: string;
  assessorId: number;
  criterion: number;
  score: number;
}

/** The ranking figures of one submission. Totals are weighted sums Σ weight × score over the call's criteria. */
export interface RankFigures {
  /** assessors who scored every criterion (only they count) */
  assessors: number;
  /** mean over those assessors of their weighted totals; null without any */
  mean: number | null;
  /** max − min of the assessors' totals (0 with one assessor); null without any */
  spread: number | null;
  /** population standard deviation of the totals; null without any */
  standardDeviation: number | null;
  /** the highest total the scale allows: Σ weight × scale.max */
  maxTotal: number;
}

/** Whether `score` is on the scale: an integer from min to max. */
export const onScale = (score: number, scale: Scale): boolean => Number.isInteger(score) && score >= scale.min && score <= scale.max;

/** Rounds to 4 decimals, so that sums of decimal weights compare and read well (0.1 + 0.2 is 0.3). */
const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * Each assessor's weighted total for one submission, from their scores: only
 * assessors who scored every criterion of `criteria` get one.
 */
export const assessorTotals = (rows: readonly ScoreRow[], criteria: readonly WeightedCriterion[]): Map<number, number> => {
  const byAssessor = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const scores = byAssessor.get(row.assessorId) ?? new Map<number, number>();
    scores.set(row.criterion, row.score);
    byAssessor.set(row.assessorId, scores);
  }
  const totals = new Map<number, number>();
  for (const [assessor, scores] of byAssessor) {
    if (!criteria.every((c) => scores.has(c.index))) continue;
    totals.set(assessor, round(criteria.reduce((sum, c) => sum + c.weight * (scores.get(c.index) ?? 0), 0)));
  }
  return totals;
};

/** The ranking figures of one submission from its assessors' totals. */
export const figures = (totals: readonly number[], criteria: readonly WeightedCriterion[], scale: Scale): RankFigures => {
  const maxTotal = round(criteria.reduce((sum, c) => sum + c.weight * scale.max, 0));
  if (!totals.length) return { assessors: 0, mean: null, spread: null, standardDeviation: null, maxTotal };
  const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
  const variance = totals.reduce((sum, t) => sum + (t - mean) ** 2, 0) / totals.length;
  return {
    assessors: totals.length,
    mean: round(mean),
    spread: round(Math.max(...totals) - Math.min(...totals)),
    standardDeviation: round(Math.sqrt(variance)),
    maxTotal,
  };
};

/**
 * Orders ranked items: the highest mean first, those without any complete
 * assessment last, ties by `tie` (e.g. the title).
 */
export const byRank = <T extends { ranking?: RankFigures }>(tie: (a: T, b: T) => number) => (a: T, b: T): number => {
  const am = a.ranking?.mean ?? null;
  const bm = b.ranking?.mean ?? null;
  if (am === null && bm === null) return tie(a, b);
  if (am === null) return 1;
  if (bm === null) return -1;
  return bm - am || tie(a, b);
};
