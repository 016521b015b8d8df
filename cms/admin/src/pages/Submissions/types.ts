import { REVIEW_ACTIONS, REVIEW_STATUSES, type ReviewAction, type ReviewStatus as Status } from '../../../../server/src/content-types/vocabulary';

/** The review statuses and actions, from the plugin's one vocabulary (server/src/content-types/vocabulary.ts). */
export { REVIEW_STATUSES as STATUSES, REVIEW_ACTIONS };
export type { ReviewAction, Status };

/** Which statuses each action starts from (the server checks again and answers 400 otherwise). */
export const ACTION_FROM: Record<ReviewAction, readonly Status[]> = {
  'start-review': ['submitted', 'needs-info'],
  'request-info': ['submitted', 'in-review'],
  approve: ['in-review'],
  reject: ['submitted', 'in-review', 'needs-info'],
};

export interface CallRef {
  documentId?: string;
  slug: string;
  title: string;
}

export interface Contact {
  name: string;
  email: string;
  phone?: string | null;
  role?: string | null;
}

export interface HistoryEvent {
  at: string;
  /** one of HISTORY_EVENTS (cms/shared/history.ts); an unknown one (a newer server) shows as itself */
  action: string;
  from?: Status | null;
  to?: Status;
  by: { id: number | string; name: string } | null;
  note?: string;
  /** what became of the mail to the contact: sent, failed, not-configured (no mail server), skipped (no address) */
  mail?: string;
  /** on `submit` and `completion-completed`: what became of the editors' notice */
  mailEditors?: string;
  /** on `decide`: the commission's decision (selected, not-selected, needs-info) */
  decision?: string;
  /** on `assessment-conflict`: `decide` when the member's decision was refused */
  refused?: string;
  /** on `assessment-open`: what became of each commission member's notice */
  commission?: { id: number; name: string; mail: string }[];
  /** on `completion-sent`: an older link was revoked by this one */
  resent?: boolean;
  /** on `completion-sent`: when the link expires */
  expiresAt?: string;
  /** on `completion-saved`: the fields the contact changed, before and after in short */
  changes?: { field: string; before: string; after: string }[];
}

/** A promoting organisation of a submission, as the review API answers it. */
export interface Promoter {
  documentId?: string;
  slug?: string;
  name: string;
  country?: string | null;
  website?: string | null;
  /** false: a draft organisation made from this submission, to confirm or merge (published with the practice otherwise) */
  confirmed?: boolean;
  /** what the form sent for it (the stored organisation's website may differ) */
  submitted?: { name: string; website: string | null; country: string | null } | null;
}

export interface SubmissionSummary {
  documentId: string;
  title: string;
  locale: string;
  /** `status` in the server's answer; `reviewStatus` in the first contract */
  status?: Status | null;
  reviewStatus?: Status | null;
  published?: boolean;
  submittedAt: string | null;
  call: CallRef | null;
  contact?: Contact | null;
}

export interface Block {
  type: string;
  children?: Block[];
  [key: string]: unknown;
}

export interface Submission extends SubmissionSummary {
  summary?: string | null;
  body?: Block[] | null;
  topics?: { slug: string; name: string }[];
  promoters?: Promoter[];
  territory?: { municipality?: string | null; region?: string | null; country?: string | null };
  municipality?: string | null;
  region?: string | null;
  country?: string | null;
  reviewNotes?: string | null;
  events?: HistoryEvent[];
  /** the systematisation fiche (cms/shared/fiche.ts), on the detail only */
  fiche?: FicheValues;
}

/** A submission's fiche as the review API gives it: each text or null, the figures, the partners, the dates. */
export interface FicheValues {
  context?: string | null;
  objectives?: string | null;
  beneficiaries?: string | null;
  activities?: string | null;
  resources?: string | null;
  budgetRange?: string | null;
  budgetDetails?: string | null;
  results?: string | null;
  replicability?: string | null;
  lessons?: string | null;
  figures?: { label: string | null; value: number | null; unit: string | null }[];
  partners?: { name: string | null; website: string | null; role: string | null }[];
  startedOn?: string | null;
  endedOn?: string | null;
}

export interface ListMeta {
  counts?: Partial<Record<Status, number>>;
  pagination?: { page: number; pageSize: number; pageCount: number; total: number };
}

export const statusOf = (s: SubmissionSummary): Status | null => s.status ?? s.reviewStatus ?? null;

export const territoryOf = (s: Submission) => ({
  municipality: s.territory?.municipality ?? s.municipality ?? null,
  region: s.territory?.region ?? s.region ?? null,
  country: s.territory?.country ?? s.country ?? null,
});

/**
 * The practice in the Content Manager, relative to the admin's root (the router's basename, `/admin`
 * by default): `/admin/content-manager/collection-types/plugin::solidarity.practice/<id>?plugins[i18n][locale]=<locale>`.
 */
export const contentManagerPath = (documentId: string, locale: string): string =>
  `/content-manager/collection-types/plugin::solidarity.practice/${encodeURIComponent(documentId)}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
