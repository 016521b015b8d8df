/**
 * The kinds of event a submission's review history records (the `action` of each entry of the
 * practice's private `reviewHistory` JSON), defined once. The server's event types take their
 * `action` from this list (cms/server/src/submissions/service.ts `HistoryEvent`,
 * cms/server/src/assessment/service.ts `AssessmentEvent`), and the admin's history
 * (cms/admin/src/pages/Submissions/detail/History.tsx) labels each with a `Record` over it: an
 * event written by the server without a label fails the typecheck. To add an event, add it here,
 * then its label (and its translations in cms/admin/src/translations/*.json).
 *
 * No imports, no DOM, no Node.
 */
export const HISTORY_EVENTS = [
  /** the submission form stored the practice */
  'submit',
  /** the review actions (content-types/vocabulary.ts REVIEW_ACTIONS) */
  'start-review',
  'request-info',
  'approve',
  'reject',
  /** a commission member scored the practice (assessment) */
  'assess',
  /** a commission member's organisation promotes the practice: they cannot assess or decide on it */
  'assessment-conflict',
  /** the commission's decision (selected, not selected, needs info) with its reason */
  'decide',
  /** the call's assessment opened; what became of the commission's notices */
  'assessment-open',
  /** the completion link (cms/server/src/submissions/completion): sent (or sent again), revoked, a save by the contact, the contact's final send */
  'completion-sent',
  'completion-revoked',
  'completion-saved',
  'completion-completed',
] as const;

/** One of HISTORY_EVENTS. */
export type HistoryEventType = (typeof HISTORY_EVENTS)[number];

/** What became of one mail (cms/server/src/submissions/notifications.ts `Delivery`). */
export const MAIL_DELIVERIES = ['sent', 'failed', 'not-configured', 'skipped'] as const;

/** One of MAIL_DELIVERIES. */
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];
