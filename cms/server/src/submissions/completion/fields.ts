import { FICHE_FIELDS, type FicheField, type FichePart } from '../../../../../cms/shared/fiche';
import { SUBMISSION_LIMITS } from '../../../../../cms/shared/limits';

/**
 * The fields of the completion form, in fiche order: the synthesis' summary and description, then
 * the fiche's own fields (cms/shared/fiche.ts) that the practice's schema holds and a form without
 * an account can fill: texts, choices, dates and lists of small records. Not in the form: images and
 * documents (no uploads through a link), and the contact (the person the link was sent to: a change
 * goes through the network).
 */
export interface FormField {
  key: string;
  kind: 'text' | 'richtext' | 'enum' | 'date' | 'component';
  localized: boolean;
  /** the longest text (text and richtext), in UTF-16 code units */
  maxLength: number;
  values?: readonly string[];
  parts?: readonly FichePart[];
  /** whether a value is needed for the fiche to be complete (only marks it "missing") */
  wanted: boolean;
}

/** Records shown for a list (component) field: its own, then empty rows up to this many. */
export const MAX_ROWS = 10;
/** Empty rows offered after a list's records. */
export const EMPTY_ROWS = 2;

const SYNTHESIS: readonly FormField[] = [
  { key: 'summary', kind: 'text', localized: true, maxLength: SUBMISSION_LIMITS.summary[1], wanted: true },
  { key: 'body', kind: 'richtext', localized: true, maxLength: SUBMISSION_LIMITS.body, wanted: true },
];

/** The practice's links, kept in the form until the fiche lists them (same shape as a fiche component). */
const LINKS: FormField = {
  key: 'links',
  kind: 'component',
  localized: true,
  maxLength: 0,
  wanted: false,
  parts: [
    { key: 'label', kind: 'string', required: true, maxLength: 200 },
    { key: 'url', kind: 'url', required: true, maxLength: SUBMISSION_LIMITS.url },
  ],
};

const fromFiche = (f: FicheField): FormField | null => {
  if (f.kind === 'media' || f.key === 'contact') return null;
  return {
    key: f.key,
    kind: f.kind,
    localized: f.localized,
    maxLength: f.maxLength ?? 5000,
    ...(f.values ? { values: f.values } : {}),
    ...(f.parts ? { parts: f.parts } : {}),
    wanted: f.kind !== 'component' && f.kind !== 'enum',
  };
};

/**
 * The form's fields given the practice's attributes (`strapi.contentType(practice).attributes`):
 * a fiche field the schema does not hold (yet) is left out.
 */
export const formFields = (attributes: Record<string, unknown>): FormField[] => {
  const fiche = FICHE_FIELDS.map(fromFiche).filter((f): f is FormField => f !== null);
  const all = [...SYNTHESIS, ...fiche];
  if (!fiche.some((f) => f.key === 'links')) all.push(LINKS);
  return all.filter((f) => f.key in attributes);
};
