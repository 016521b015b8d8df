/**
 * The plugin's vocabulary: every enumeration of the content model, defined
 * once. The schema.json files repeat them (Strapi reads enums only from
 * there); content-types/vocabulary.test.ts fails when the two differ. The
 * server (public API, validation, review, seed), the admin pages
 * (cms/admin/src) and the components import these lists; this file imports
 * nothing, so that the admin's bundler can take it as it is.
 */

/** `organisation.kind` */
export const ORGANISATION_KINDS = [
  'municipality',
  'network',
  'cooperative',
  'social-enterprise',
  'association',
  'foundation',
  'public-body',
  'university',
  'company',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The criteria component's `criterion` on a practice (component `solidarity.criteria`). */
export const PRACTICE_CRITERIA = [
  'crisis-response',
  'inter-cooperation',
  'public-procurement',
  'youth',
  'ecological-transition',
  'feminist-perspective',
] as const;
export type PracticeCriterion = (typeof PRACTICE_CRITERIA)[number];

/** `practice.licence`: Creative Commons licences (SPDX identifiers). */
export const LICENCES = ['CC-BY-SA-4.0', 'CC-BY-4.0', 'CC0-1.0', 'CC-BY-NC-4.0', 'CC-BY-NC-SA-4.0'] as const;
export type Licence = (typeof LICENCES)[number];

/** `practice.reviewStatus`: where a submitted practice is in the review. */
export const REVIEW_STATUSES = ['submitted', 'in-review', 'needs-info', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What a reviewer can do to a submission (admin route POST /solidarity/submissions/:documentId/actions). */
export const REVIEW_ACTIONS = ['start-review', 'request-info', 'approve', 'reject'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** `practice.source`: written by an editor or sent through the public submission form. */
export const PRACTICE_SOURCES = ['editor', 'submission'] as const;
export type PracticeSource = (typeof PRACTICE_SOURCES)[number];

/** `session.kind` */
export const SESSION_KINDS = ['webinar', 'peer-review', 'seminar', 'workshop', 'assembly'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** `session.scheduleStatus`: set by editors; moved and cancelled sessions stay in calendars, marked. */
export const SESSION_STATUSES = ['scheduled', 'moved', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** `statement.kind` */
export const STATEMENT_KINDS = [
  'sector-statement',
  'policy-reaction',
  'open-call',
  'position-paper',
  'press-release',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];
