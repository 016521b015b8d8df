/** Shapes of the Solidarity Commons public API (`/api/solidarity`). Answers are untrusted: render defensively. */

/** A node of Strapi v5 "blocks" rich text (block or inline). */
export interface BNode {
  type: string;
  text?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
  url?: string;
  level?: number;
  format?: string;
  image?: Img;
  children?: BNode[];
}

export interface Img {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
}

export interface Ref {
  slug: string;
  name: string;
  country?: string | null;
  website?: string | null;
}

export interface TopicRef {
  slug: string;
  name: string;
}

export interface Doc {
  documentId: string;
  slug: string;
  locale: string;
  localeFallback?: boolean;
  url?: string | null;
  title: string;
  summary?: string | null;
  topics?: TopicRef[];
  publishedAt?: string;
  updatedAt?: string;
}

export interface Topic {
  documentId: string;
  slug: string;
  locale: string;
  name: string;
  description?: string | null;
}

export interface Practice extends Doc {
  promoters?: Ref[];
  municipality?: string | null;
  region?: string | null;
  country?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  startedOn?: string | null;
  endedOn?: string | null;
  criteria?: string[];
  licence?: string | null;
  call?: { slug: string; title: string } | null;
  images?: Img[];
  /** Detail only. */
  body?: BNode[];
  /** Detail only. */
  links?: { label: string; url: string }[];
  // The systematisation fiche (issue #15, cms/shared/fiche.ts): single documents only, and only the
  // fields the network keeps public (a private one is absent). Texts are plain text with line breaks.
  /** Detail only: context and need. */
  context?: string | null;
  /** Detail only: objectives. */
  objectives?: string | null;
  /** Detail only: who it serves. */
  beneficiaries?: string | null;
  /** Detail only: what was done. */
  activities?: string | null;
  /** Detail only: the people, means and funding it took. */
  resources?: string | null;
  /** Detail only: one of BUDGET_RANGES (cms/shared/fiche.ts), e.g. `from-5k-to-20k`. */
  budgetRange?: string | null;
  /** Detail only, when the network publishes it: the budget in detail. */
  budgetDetails?: string | null;
  /** Detail only: its results. */
  results?: string | null;
  /** Detail only: results in figures, `value` in `unit` (1200 families). */
  figures?: FicheFigure[];
  /** Detail only: what others can replicate. */
  replicability?: string | null;
  /** Detail only: lessons learned. */
  lessons?: string | null;
  /** Detail only: partners and their roles. */
  partners?: FichePartner[];
}

/** A result in figures of a practice's fiche: `value` (a decimal) in `unit`, described by `label`. */
export interface FicheFigure {
  label?: string | null;
  value?: number | null;
  unit?: string | null;
}

/** A partner of a practice and its role; `website` should be http(s) (untrusted: checked before it is linked). */
export interface FichePartner {
  name?: string | null;
  website?: string | null;
  role?: string | null;
}

export interface Speaker {
  name: string;
  role?: string | null;
  organisation?: string | Ref | null;
}

export interface Session extends Doc {
  description?: BNode[] | null;
  minutes?: BNode[] | null;
  kind: string;
  startsAt: string;
  endsAt?: string | null;
  timezone?: string | null;
  spokenLanguages?: string[];
  registrationUrl?: string | null;
  joinUrl?: string | null;
  recordingUrl?: string | null;
  /** set by editors: a moved or cancelled session stays listed, marked as such */
  scheduleStatus?: 'scheduled' | 'moved' | 'cancelled';
  /** why it was moved or cancelled, in the document's language */
  statusReason?: string | null;
  speakers?: Speaker[];
  organisers?: Ref[];
  practices?: { slug: string; title: string }[];
  icsUrl?: string | null;
}

export interface Statement extends Doc {
  kind: string;
  issuedOn?: string | null;
  deadline?: string | null;
  issuers?: Ref[];
  signatories?: Ref[];
  body?: BNode[];
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ListBody<T> {
  data: T[];
  meta: { pagination: Pagination; locale?: string };
}

export interface OneBody<T> {
  data: T;
  meta?: { locale?: string };
}

export interface ErrorBody {
  data: null;
  error: { status: number; name: string; message: string; details?: unknown };
}
