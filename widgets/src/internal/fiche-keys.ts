/**
 * Which fields of a practice's systematisation fiche (issue #15, cms/shared/fiche.ts) the widgets show,
 * in fiche order, and whether a practice has any: read by a practice's full view (practice-view.ts),
 * which imports the fiche's own chunk (practice-fiche.ts) only then. The fiche's dates, images and
 * attachments are shown by the view itself; its contact is never public. Tied to cms/shared/fiche.ts
 * by test/unit/fiche.test.ts.
 */
import type { Practice } from './types.js';

/** The fiche fields a widget shows, in fiche order (the public API answers only the public ones, on single documents). */
export const FICHE_SHOWN = ['context', 'objectives', 'beneficiaries', 'activities', 'resources', 'budgetRange', 'budgetDetails', 'results', 'figures', 'replicability', 'lessons', 'partners'] as const;

/** One of FICHE_SHOWN. */
export type FicheShown = (typeof FICHE_SHOWN)[number];

/**
 * Whether `p` has a fiche field to show: a text or a list that is not empty (a blank text loads the
 * fiche's chunk, which then shows nothing for it).
 */
export const hasFiche = (p: Practice): boolean => FICHE_SHOWN.some((k) => !!p[k]?.length);
