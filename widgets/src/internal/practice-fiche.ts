/**
 * A practice's systematisation fiche (issue #15, cms/shared/fiche.ts) in its full view
 * (practice-view.ts, shared by <solidarity-practice> and the practice a <solidarity-practices> list
 * opens): the sections the public API gave, in fiche order, each under a heading in the widget's
 * language; empty ones are left out. A chunk of its own, with its words in every UI locale, imported
 * only when a practice has fiche fields (fiche-keys.ts `hasFiche`).
 *
 * The answer is untrusted: texts are plain text, bound as text (never parsed as HTML), a blank line
 * between paragraphs and each line break kept; a partner's website is linked only when it is an
 * absolute http(s) URL. The same sections as the practice's public page (cms/server/src/embed/page.ts
 * `ficheSections`), which the widget replaces once it runs.
 */
import type { BudgetRange } from '../../../cms/shared/fiche.js';
import type { SolidarityElement } from './base.js';
import type { FicheShown } from './fiche-keys.js';
import { heading } from './html.js';
import { html, nothing, type TemplateResult } from './lit.js';
import { safeUrl } from './query.js';
import type { Practice } from './types.js';
import { arr } from './util.js';

/**
 * The fiche's words the widget needs in one UI locale: each section's heading, in fiche order (the order
 * the sections show in: fiche-keys.ts FICHE_SHOWN, not imported here so that the practice view's chunk
 * exports nothing more), and each budget range.
 */
export interface FicheWidgetWords {
  label: Record<FicheShown, string>;
  budget: Record<BudgetRange, string>;
}

/**
 * The words per UI locale: the headings and budget ranges of cms/shared/fiche-labels.ts (its
 * `FICHE_WORDS`, which also holds the completion form's questions the widget does not need, and would
 * triple this chunk), kept equal to them by test/unit/fiche.test.ts.
 */
export const WORDS: Record<string, FicheWidgetWords> = {
  en: {
    label: {
      context: 'Context and need',
      objectives: 'Objectives',
      beneficiaries: 'Who it serves',
      activities: 'What was done',
      resources: 'Resources',
      budgetRange: 'Budget',
      budgetDetails: 'Budget details',
      results: 'Results',
      figures: 'In figures',
      replicability: 'What others can replicate',
      lessons: 'Lessons learned',
      partners: 'Partners',
    },
    budget: {
      none: 'No budget (volunteer work, donated means)',
      'under-5k': 'Under €5,000',
      'from-5k-to-20k': '€5,000 to €20,000',
      'from-20k-to-100k': '€20,000 to €100,000',
      'from-100k-to-500k': '€100,000 to €500,000',
      'over-500k': 'Over €500,000',
    },
  },
  ca: {
    label: {
      context: 'Context i necessitat',
      objectives: 'Objectius',
      beneficiaries: 'A qui s’adreça',
      activities: 'Què s’ha fet',
      resources: 'Recursos',
      budgetRange: 'Pressupost',
      budgetDetails: 'Detall del pressupost',
      results: 'Resultats',
      figures: 'En xifres',
      replicability: 'Què es pot replicar',
      lessons: 'Aprenentatges',
      partners: 'Entitats col·laboradores',
    },
    budget: {
      none: 'Sense pressupost (voluntariat, mitjans cedits)',
      'under-5k': 'Menys de 5.000 €',
      'from-5k-to-20k': 'De 5.000 a 20.000 €',
      'from-20k-to-100k': 'De 20.000 a 100.000 €',
      'from-100k-to-500k': 'De 100.000 a 500.000 €',
      'over-500k': 'Més de 500.000 €',
    },
  },
  es: {
    label: {
      context: 'Contexto y necesidad',
      objectives: 'Objetivos',
      beneficiaries: 'A quién se dirige',
      activities: 'Qué se hizo',
      resources: 'Recursos',
      budgetRange: 'Presupuesto',
      budgetDetails: 'Detalle del presupuesto',
      results: 'Resultados',
      figures: 'En cifras',
      replicability: 'Qué se puede replicar',
      lessons: 'Aprendizajes',
      partners: 'Entidades colaboradoras',
    },
    budget: {
      none: 'Sin presupuesto (voluntariado, medios cedidos)',
      'under-5k': 'Menos de 5.000 €',
      'from-5k-to-20k': 'De 5.000 a 20.000 €',
      'from-20k-to-100k': 'De 20.000 a 100.000 €',
      'from-100k-to-500k': 'De 100.000 a 500.000 €',
      'over-500k': 'Más de 500.000 €',
    },
  },
  el: {
    label: {
      context: 'Πλαίσιο και ανάγκη',
      objectives: 'Στόχοι',
      beneficiaries: 'Σε ποιους απευθύνεται',
      activities: 'Τι έγινε',
      resources: 'Πόροι',
      budgetRange: 'Προϋπολογισμός',
      budgetDetails: 'Ανάλυση προϋπολογισμού',
      results: 'Αποτελέσματα',
      figures: 'Σε αριθμούς',
      replicability: 'Τι μπορούν να επαναλάβουν άλλοι',
      lessons: 'Διδάγματα',
      partners: 'Συνεργάτες',
    },
    budget: {
      none: 'Χωρίς προϋπολογισμό (εθελοντική εργασία, δωρεές)',
      'under-5k': 'Κάτω από 5.000 €',
      'from-5k-to-20k': '5.000 € έως 20.000 €',
      'from-20k-to-100k': '20.000 € έως 100.000 €',
      'from-100k-to-500k': '100.000 € έως 500.000 €',
      'over-500k': 'Πάνω από 500.000 €',
    },
  },
  fr: {
    label: {
      context: 'Contexte et besoin',
      objectives: 'Objectifs',
      beneficiaries: 'À qui elle s’adresse',
      activities: 'Ce qui a été fait',
      resources: 'Ressources',
      budgetRange: 'Budget',
      budgetDetails: 'Détail du budget',
      results: 'Résultats',
      figures: 'En chiffres',
      replicability: 'Ce que d’autres peuvent reproduire',
      lessons: 'Enseignements',
      partners: 'Partenaires',
    },
    budget: {
      none: 'Sans budget (bénévolat, moyens mis à disposition)',
      'under-5k': 'Moins de 5 000 €',
      'from-5k-to-20k': 'De 5 000 à 20 000 €',
      'from-20k-to-100k': 'De 20 000 à 100 000 €',
      'from-100k-to-500k': 'De 100 000 à 500 000 €',
      'over-500k': 'Plus de 500 000 €',
    },
  },
};

/** The words of UI locale `l` (English when it has none). */
export const words = (l: string): FicheWidgetWords => WORDS[l] ?? WORDS.en;

/** A string's text, '' for anything else (the answer is untrusted). */
const str = (v: unknown): string => (typeof v == 'string' ? v.trim() : '');

const BR = html`<br />`;

/** Plain text as paragraphs (a blank line between them), each line break kept; text only. */
export const paragraphs = (t: string): TemplateResult[] =>
  t
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p.split('\n').map((line, i) => (i ? [BR, line] : line))}</p>`);

/** A partner's website when it is an absolute http(s) URL (normalized), else undefined. */
export const website = (u: unknown): string | undefined => {
  const x = safeUrl(u);
  return x && /^https?:/.test(x) ? x : undefined;
};

/**
 * The fiche sections of `p` for the element `h` (its UI locale, its heading level: sections' headings
 * one level below the practice's title); nothing when none is filled.
 */
export const render = (h: SolidarityElement, p: Practice): unknown => {
  const l = h.__uiLocale,
    w = words(l),
    level = Math.min(h.__headingLevel + 1, 6),
    number = new Intl.NumberFormat(l);
  const content = (k: FicheShown): unknown => {
    if (k == 'budgetRange') {
      const r = str(p.budgetRange);
      return Object.hasOwn(w.budget, r) ? html`<p>${w.budget[r as BudgetRange]}</p>` : '';
    }
    if (k == 'figures') {
      const xs = arr(p.figures)
        .map((f) => [[typeof f?.value == 'number' && isFinite(f.value) ? number.format(f.value) : '', str(f?.unit)].filter(Boolean).join(' '), str(f?.label)])
        .filter(([v, t]) => v || t);
      return xs.length ? html`<ul>${xs.map(([v, t]) => html`<li>${v ? html`<strong>${v}</strong> ` : ''}${t}</li>`)}</ul>` : '';
    }
    if (k == 'partners') {
      const xs = arr(p.partners).filter((x) => str(x?.name) || str(x?.role));
      return xs.length
        ? html`<ul>
            ${xs.map((x) => {
              const u = website(x.website),
                name = str(x.name),
                role = str(x.role);
              return html`<li>${u && name ? html`<a href=${u} target="_blank" rel="noopener">${name}</a>` : name}${name && role ? ': ' : ''}${role}</li>`;
            })}
          </ul>`
        : '';
    }
    const t = str(p[k]);
    return t ? paragraphs(t) : '';
  };
  const sections = (Object.keys(w.label) as FicheShown[]).map((k) => [k, content(k)] as const).filter(([, c]) => c);
  return sections.length
    ? html`<div class="stack" part="fiche">
        ${sections.map(([k, c]) => html`<section class="stack" part="fiche-section" data-fiche=${k}>${heading(level, w.label[k], undefined, undefined, null)}${c}</section>`)}
      </div>`
    : nothing;
};
