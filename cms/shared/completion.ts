/**
 * A completion link's state as the review API answers it (`GET /solidarity/submissions/:documentId/completion-link`,
 * cms/server/src/submissions/completion/service.ts) and the review page shows it
 * (cms/admin/src/pages/Submissions/detail/CompletionLink.tsx). Never the token. Dates are ISO 8601 strings.
 *
 * No imports, no DOM, no Node.
 */
export interface CompletionLinkState {
  /** `expired` once `expiresAt` has passed; `completed` once the contact sent the fiche (single use) */
  state: 'active' | 'expired' | 'revoked' | 'completed';
  /** the link's language: the submission's locale */
  locale: string;
  /** the contact's address the link was mailed to */
  sentTo: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  completedAt: string | null;
  lastSavedAt: string | null;
  /** the name of the admin who sent it */
  createdBy: string | null;
}
