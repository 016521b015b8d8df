/** The assessment's private content types (never served by the public API, hidden from the Content Manager). */
export const ASSESSMENT_UID = {
  member: 'plugin::solidarity.commission-member',
  score: 'plugin::solidarity.assessment-score',
  decision: 'plugin::solidarity.assessment-decision',
} as const;

/** A call's phases, in order: submissions open, the commission assesses, the results are out. */
export const CALL_PHASES = ['open', 'assessment', 'results'] as const;
/** One of CALL_PHASES. */
export type CallPhase = (typeof CALL_PHASES)[number];

/** The commission's decisions on a submission. */
export const DECISIONS = ['selected', 'not-selected', 'needs-info'] as const;
/** One of DECISIONS. */
export type Decision = (typeof DECISIONS)[number];

/** What a call's scale and phase are when the call does not say (calls made before the assessment existed). */
export const CALL_DEFAULTS = { phase: 'open' as CallPhase, scaleMin: 0, scaleMax: 3, scoresVisibleBeforeScoring: false };
