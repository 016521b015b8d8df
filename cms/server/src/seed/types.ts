/**
 * Shape of the demo content shipped with the plugin. The seeder
 * (`seed/index.ts`) turns these records into Strapi documents, one per locale.
 *
 * Rich text is written as a small, readable markup and converted into Strapi
 * blocks by `seed/blocks.ts`:
 *   - paragraphs are separated by a blank line;
 *   - a paragraph starting with `## ` is a heading (level 2), `### ` level 3;
 *   - consecutive lines starting with `- ` form a bulleted list, `1. ` a numbered list;
 *   - a paragraph starting with `> ` is a quote;
 *   - `[label](https://url)` inside a paragraph or list item is a link.
 */

import { SHIPPED_LOCALES } from '../../../../cms/shared/locales';
import type { BudgetRange } from '../../../../cms/shared/fiche';

/** The locales of the demo content: the shipped ones (cms/shared/locales.ts). */
export const LOCALES = SHIPPED_LOCALES;
export type Locale = (typeof LOCALES)[number];

/** English is required; other locales are optional (a missing one falls back to English). */
export type L10n<T> = { en: T } & Partial<Record<Exclude<Locale, 'en'>, T>>;
/** Every locale required (used for topics). */
export type AllLocales<T> = Record<Locale, T>;

export {
  ORGANISATION_KINDS,
  PRACTICE_CRITERIA,
  REVIEW_STATUSES,
  SESSION_KINDS,
  STATEMENT_KINDS,
  type OrganisationKind,
  type PracticeCriterion,
  type ReviewStatus,
  type SessionKind,
  type StatementKind,
} from '../content-types/vocabulary';
import type { OrganisationKind, PracticeCriterion, ReviewStatus, SessionKind, StatementKind } from '../content-types/vocabulary';

export interface TopicSeed {
  slug: string;
  name: AllLocales<string>;
  description: AllLocales<string>;
}

export interface OrganisationSeed {
  slug: string;
  name: string;
  kind: OrganisationKind;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  city: string;
  website?: string;
  description: L10n<string>;
  latitude?: number;
  longitude?: number;
  /** Slugs of organisations (networks) this one is a member of. */
  memberOf?: string[];
}

export interface CallSeed {
  slug: string;
  title: L10n<string>;
  description: L10n<string>;
  /** Days relative to the day of seeding (negative: in the past). */
  opensInDays: number;
  closesInDays: number;
  criteria: L10n<string[]>;
  topics: string[];
}

export interface ContactSeed {
  name: string;
  email: string;
  phone?: string;
  role: string;
}

export interface LinkSeed {
  label: L10n<string>;
  url: string;
}

export interface PracticeSeed {
  slug: string;
  title: L10n<string>;
  /** At most 600 characters in every locale. */
  summary: L10n<string>;
  /** Markup as described at the top of this file. */
  body: L10n<string>;
  topics: string[];
  /** Organisation slugs. */
  promoters: string[];
  municipality: string;
  region: string;
  country: string;
  latitude?: number;
  longitude?: number;
  /** ISO date (YYYY-MM-DD). */
  startedOn: string;
  endedOn?: string;
  criteria: PracticeCriterion[];
  links: LinkSeed[];
  licence?: string;
  /** Call slug. */
  call?: string;
  /** false: stays a draft (never public). */
  published: boolean;
  contact?: ContactSeed;
  reviewStatus: ReviewStatus;
  reviewNotes?: string;
  /** Days relative to seeding. */
  submittedInDays?: number;
  source: 'editor' | 'submission';
  /** The systematisation fiche (cms/shared/fiche.ts); texts fall back to English in a locale without them. */
  fiche?: FicheSeed;
}

/** A practice's systematisation fiche, as seeded: every field optional (a fiche is completed over time). */
export interface FicheSeed {
  context?: L10n<string>;
  objectives?: L10n<string>;
  beneficiaries?: L10n<string>;
  activities?: L10n<string>;
  resources?: L10n<string>;
  budgetRange?: BudgetRange;
  /** Private by default (plugin option `fiche.privateFields`). */
  budgetDetails?: L10n<string>;
  results?: L10n<string>;
  figures?: { label: L10n<string>; value: number; unit?: L10n<string> }[];
  replicability?: L10n<string>;
  lessons?: L10n<string>;
  partners?: { name: string; website?: string; role?: L10n<string> }[];
}

export interface SpeakerSeed {
  name: string;
  /** Translated per locale, like the session's text (the speakers component is localized as a whole). */
  role: L10n<string>;
  organisation: string;
}

export interface SessionSeed {
  slug: string;
  title: L10n<string>;
  summary: L10n<string>;
  description: L10n<string>;
  minutes?: L10n<string>;
  kind: SessionKind;
  /** Day relative to seeding (negative: past). */
  startsInDays: number;
  /** Local wall-clock time in `timezone`, HH:MM. */
  startTime: string;
  durationMinutes: number;
  /** IANA name. */
  timezone: string;
  /** BCP 47 language codes spoken in the session. */
  spokenLanguages: string[];
  registrationUrl?: string;
  joinUrl?: string;
  recordingUrl?: string;
  speakers: SpeakerSeed[];
  organisers: string[];
  topics: string[];
  practices: string[];
  published: boolean;
}

export interface StatementSeed {
  slug: string;
  title: L10n<string>;
  summary: L10n<string>;
  body: L10n<string>;
  kind: StatementKind;
  /** Days relative to seeding. */
  issuedInDays: number;
  /** Only for open calls: days relative to seeding. */
  deadlineInDays?: number;
  issuers: string[];
  signatories: string[];
  topics: string[];
  published: boolean;
}
