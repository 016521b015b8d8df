/** The answers of the plugin's assessment admin API (server/src/assessment/service.ts), as the page reads them. */

export type Phase = 'open' | 'assessment' | 'results';
export type Decision = 'selected' | 'not-selected' | 'needs-info';
export const DECISIONS: readonly Decision[] = ['selected', 'not-selected', 'needs-info'];

export interface CallSummary {
  documentId: string;
  /** in the admin's language when the call has it, else in its original one */
  title: string;
  slug: string;
  /** the language of title and slug */
  locale: string;
  phase: Phase;
  opensAt: string | null;
  closesAt: string | null;
}

export interface Criterion {
  index: number;
  label: string;
  description: string | null;
  weight: number;
}

export interface Score {
  criterion: number;
  score: number;
  comment: string | null;
}

export interface AssessorScores {
  assessor: { id: number; name: string };
  /** weighted total, null until every criterion is scored */
  total: number | null;
  scores: Score[];
}

export interface RankFigures {
  assessors: number;
  mean: number | null;
  spread: number | null;
  standardDeviation: number | null;
  maxTotal: number;
}

export interface DecisionRecord {
  decision: Decision;
  reason: string | null;
  decidedAt: string | null;
  by: { id: number; name: string } | null;
}

export interface AssessedSubmission {
  documentId: string;
  title: string;
  locale: string;
  status: string | null;
  submittedAt: string | null;
  promoters: { documentId: string; name: string }[];
  conflict: { organisation: { documentId: string; name: string } } | null;
  myScores: Score[];
  scored: boolean;
  /** the other assessors' scores; null while hidden from this admin */
  others: AssessorScores[] | null;
  /** with the read-scores permission */
  ranking?: RankFigures;
  /** with the decide or read-scores permission */
  decision?: DecisionRecord | null;
}

export interface CallAssessment {
  call: {
    documentId: string;
    title: string;
    phase: Phase;
    closesAt: string;
    scale: { min: number; max: number };
    scoresVisibleBeforeScoring: boolean;
    criteria: Criterion[];
  };
  me: {
    member: boolean;
    organisation: { documentId: string; name: string | null } | null;
    can: { assess: boolean; decide: boolean; readScores: boolean };
  };
  commission: { id: number | null; name: string }[];
  submissions: AssessedSubmission[];
}

/** The call's commission as `GET …/commission` answers it (decide permission). */
export interface Commission {
  members: {
    userId: number | null;
    name: string;
    email: string | null;
    organisation: { documentId: string; name: string | null } | null;
    /** how many of the call's submissions the member has scored on every criterion */
    scored: number;
  }[];
  /** how many submissions the call has */
  submissions: number;
  /** the active admin users who can be put on the commission */
  admins: { id: number; name: string; email: string | null }[];
  /** the organisations a member can belong to */
  organisations: { documentId: string; name: string }[];
}
