import type { AssessedSubmission, CallAssessment } from './types';

/**
 * What the "Your assessment" column says about one submission for the admin looking:
 * - `not-member`: they are not on the call's commission (nothing for them to score);
 * - `conflict`: their organisation promotes the practice (they may not score it);
 * - `scored`: they have scored every criterion; `todo`: not yet.
 */
export type YourAssessment = 'not-member' | 'conflict' | 'scored' | 'todo';

/** The "Your assessment" state of `submission` for the viewer `me` (see YourAssessment). */
export const yourAssessment = (me: Pick<CallAssessment['me'], 'member'>, submission: Pick<AssessedSubmission, 'conflict' | 'scored'>): YourAssessment => {
  if (!me.member) return 'not-member';
  if (submission.conflict) return 'conflict';
  return submission.scored ? 'scored' : 'todo';
};

/**
 * How the viewer's own scores on `submission` show: `form` (a commission member with the assess
 * permission in the assessment phase, without a conflict of interest: they can change them),
 * `read-only` (they have scores but can no longer change them, e.g. after the results: a member
 * always sees their own scores), `none` (nothing to show).
 */
export const ownScoresMode = (view: Pick<CallAssessment, 'call' | 'me'>, submission: Pick<AssessedSubmission, 'conflict' | 'myScores'>): 'form' | 'read-only' | 'none' => {
  if (view.me.can.assess && view.me.member && view.call.phase === 'assessment' && !submission.conflict) return 'form';
  return submission.myScores.length > 0 ? 'read-only' : 'none';
};

/** The value of the Organisation select that stands for "no organisation" (a select option needs a non-empty value). */
export const NO_ORGANISATION = 'none';

/** The organisation documentId the commission API takes for a value of the Organisation select (null for none). */
export const organisationOfChoice = (value: string): string | null => (value && value !== NO_ORGANISATION ? value : null);
