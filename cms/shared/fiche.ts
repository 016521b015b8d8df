/**
 * The systematisation fiche of a good practice (issue #15), defined once: the ordered list of the
 * fields a network's good-practice fiche holds, with their kind, whether they are written per
 * language, and who sees them. Everything else builds on it:
 * - the server: the practice's schema (`cms/server/src/content-types/practice/schema.json`, checked
 *   against this list by `content-types/fiche.test.ts`), which fields the public API, pages, feeds,
 *   exports and the search index may show (`ficheVisibility`), and the plugin option that makes
 *   some private (`fiche.privateFields`, env `SOLIDARITY_FICHE_PRIVATE`);
 * - the admin: the review page's fiche section and the Content Manager's labels;
 * - the submitter's completion form (a private link) and the widgets, which show the public ones.
 *
 * The fields of the short synthesis a member submits (title, summary, body, topics, promoters,
 * territory, contact) are the submission form's (`cms/shared/limits.ts`), not listed here except the
 * contact, which the fiche shows too. The submission form never asks for the others.
 *
 * No imports, no DOM, no Node: the server's `tsc` compiles it (CommonJS), the admin's and the
 * widgets' bundlers bundle it.
 */

/**
 * How a fiche field is stored and edited:
 * - `text`: plain text, several paragraphs (Strapi `text`; line breaks kept, never HTML);
 * - `richtext`: Strapi blocks;
 * - `enum`: one of `values`;
 * - `date`: a calendar day (`YYYY-MM-DD`);
 * - `component`: a repeatable list of small records (`parts`);
 * - `media`: files of the Media Library (images or documents).
 */
export type FicheKind = 'text' | 'richtext' | 'enum' | 'date' | 'component' | 'media';

/** Who sees a field: everyone (public API, pages, feeds, exports, widgets, search) or only editors (and the submitter's completion form). */
export type FicheVisibility = 'public' | 'private';

/** One value of a component's record (a figure's label, value and unit; a partner's name, website and role). */
export interface FichePart {
  key: string;
  /** `string`: one line; `text`: several lines; `number`: a decimal; `url`: an http(s) address. */
  kind: 'string' | 'text' | 'number' | 'url';
  required: boolean;
  /** the longest text, in UTF-16 code units */
  maxLength?: number;
}

/** One field of the fiche. */
export interface FicheField {
  /** the practice's attribute, as in its schema and in the public API */
  key: string;
  kind: FicheKind;
  /** written per language (Strapi i18n `localized`) */
  localized: boolean;
  /** who sees it when the network configures nothing */
  visibility: FicheVisibility;
  /**
   * Whether the network decides (plugin option `fiche.privateFields`): a configurable field is
   * private exactly when listed there. A field that is not configurable keeps its `visibility`
   * (the contact is always private).
   */
  configurable: boolean;
  /** the field existed before the fiche (issue #15) and is only reused by it */
  existing?: boolean;
  /** `text` fields: the longest text, in UTF-16 code units */
  maxLength?: number;
  /** `enum` fields: the values, in order */
  values?: readonly string[];
  /** `component` fields: the Strapi component (`solidarity.<name>`), repeatable */
  component?: string;
  /** `component` fields: the parts of each record */
  parts?: readonly FichePart[];
  /** `media` fields: what it accepts */
  accepts?: 'images' | 'files';
}

/** The longest text of a fiche section (a few paragraphs), in UTF-16 code units. */
export const FICHE_TEXT_MAX = 5000;

/**
 * The budget ranges a practice may give (euros over the whole practice, the network's currency):
 * `none` (volunteer work, donated means only), then upper bounds excluded (`under-5k` is less than
 * 5 000 €, `from-5k-to-20k` is 5 000 € to less than 20 000 €), `over-500k` is 500 000 € or more.
 */
export const BUDGET_RANGES = ['none', 'under-5k', 'from-5k-to-20k', 'from-20k-to-100k', 'from-100k-to-500k', 'over-500k'] as const;

/** One of BUDGET_RANGES. */
export type BudgetRange = (typeof BUDGET_RANGES)[number];

const text = (key: string, visibility: FicheVisibility = 'public', configurable = false): FicheField => ({
  key,
  kind: 'text',
  localized: true,
  visibility,
  configurable,
  maxLength: FICHE_TEXT_MAX,
});

/**
 * The fiche's fields in the order a fiche reads (and the review page, the public page and the
 * completion form show them): context and need, objectives, who it serves, what was done, resources
 * and budget, results with figures, what others can replicate, lessons learned, partners and their
 * roles, start and end, images and documents, contact.
 */
export const FICHE_FIELDS: readonly FicheField[] = [
  text('context'),
  text('objectives'),
  text('beneficiaries'),
  text('activities'),
  text('resources', 'public', true),
  { key: 'budgetRange', kind: 'enum', localized: false, visibility: 'public', configurable: true, values: BUDGET_RANGES },
  text('budgetDetails', 'private', true),
  text('results'),
  {
    key: 'figures',
    kind: 'component',
    localized: true,
    visibility: 'public',
    configurable: true,
    component: 'solidarity.figure',
    parts: [
      { key: 'label', kind: 'string', required: true, maxLength: 200 },
      { key: 'value', kind: 'number', required: true },
      { key: 'unit', kind: 'string', required: false, maxLength: 40 },
    ],
  },
  text('replicability'),
  text('lessons'),
  {
    key: 'partners',
    kind: 'component',
    localized: true,
    visibility: 'public',
    configurable: true,
    component: 'solidarity.partner',
    parts: [
      { key: 'name', kind: 'string', required: true, maxLength: 200 },
      { key: 'website', kind: 'url', required: false, maxLength: 2048 },
      { key: 'role', kind: 'text', required: false, maxLength: 1000 },
    ],
  },
  { key: 'startedOn', kind: 'date', localized: false, visibility: 'public', configurable: false, existing: true },
  { key: 'endedOn', kind: 'date', localized: false, visibility: 'public', configurable: false, existing: true },
  { key: 'images', kind: 'media', localized: false, visibility: 'public', configurable: false, existing: true, accepts: 'images' },
  { key: 'attachments', kind: 'media', localized: false, visibility: 'public', configurable: false, existing: true, accepts: 'files' },
  {
    key: 'contact',
    kind: 'component',
    localized: false,
    visibility: 'private',
    configurable: false,
    existing: true,
    component: 'solidarity.contact',
    parts: [
      { key: 'name', kind: 'string', required: true, maxLength: 200 },
      { key: 'email', kind: 'string', required: true, maxLength: 254 },
      { key: 'phone', kind: 'string', required: false, maxLength: 40 },
      { key: 'role', kind: 'string', required: false, maxLength: 200 },
    ],
  },
];

/** The keys of FICHE_FIELDS, in order. */
export const FICHE_KEYS: readonly string[] = FICHE_FIELDS.map((f) => f.key);

/** The keys the network may make private or public (`fiche.privateFields`). */
export const FICHE_CONFIGURABLE: readonly string[] = FICHE_FIELDS.filter((f) => f.configurable).map((f) => f.key);

/** The configurable fields that are private when the network configures nothing: `budgetDetails`. */
export const FICHE_DEFAULT_PRIVATE: readonly string[] = FICHE_FIELDS.filter((f) => f.configurable && f.visibility === 'private').map((f) => f.key);

/** The fiche fields added by issue #15 (the others, `existing`, were there before). */
export const FICHE_NEW_KEYS: readonly string[] = FICHE_FIELDS.filter((f) => !f.existing).map((f) => f.key);

/**
 * Reads the network's choice of private fields (plugin option `fiche.privateFields`, or the env
 * variable `SOLIDARITY_FICHE_PRIVATE`: comma-separated keys, spaces allowed; empty: none of the
 * configurable ones). Throws an Error naming the first unknown or unconfigurable key (the server
 * refuses to start rather than publish what a network meant to keep private).
 */
export const parseFichePrivate = (value: string | readonly string[]): string[] => {
  const keys = (typeof value === 'string' ? value.split(',') : [...value]).map((k) => k.trim()).filter(Boolean);
  for (const key of keys) {
    if (!FICHE_CONFIGURABLE.includes(key)) {
      throw new Error(`"${key}" is not a fiche field the network can make private (one of ${FICHE_CONFIGURABLE.join(', ')})`);
    }
  }
  return [...new Set(keys)];
};

/**
 * Who sees each fiche field, given the network's private configurable fields (`privateFields`, as
 * `parseFichePrivate` returns them; `undefined`: the defaults). Answers `{ public, private }`, each the
 * keys in fiche order.
 */
export const ficheVisibility = (privateFields: readonly string[] = FICHE_DEFAULT_PRIVATE): { public: string[]; private: string[] } => {
  const out = { public: [] as string[], private: [] as string[] };
  for (const f of FICHE_FIELDS) {
    const isPrivate = f.configurable ? privateFields.includes(f.key) : f.visibility === 'private';
    out[isPrivate ? 'private' : 'public'].push(f.key);
  }
  return out;
};
