import type { BudgetRange } from '../../../../cms/shared/fiche';

/** The words the public pages add around the content, per locale (English otherwise). */

export interface PageLabels {
  /** link from a page (or a list item) to the document's own page: "Read more" */
  readMore: string;
  /** note on content shown in another language: "In {language}" */
  inLanguage: string;
  /** a list with no match */
  empty: string;
  /** title and text of the 404 page */
  notFoundTitle: string;
  notFoundText: string;
  /** title and text of the 400 page */
  badRequestTitle: string;
  /** link to the session's registration */
  register: string;
  /** "Published by {network}" under the content */
  by: string;
  /** headings of the systematisation fiche's sections on a practice's page (cms/shared/fiche.ts) */
  fiche: FicheLabels;
  /** the budget ranges (BUDGET_RANGES) */
  budget: Record<BudgetRange, string>;
}

/** Headings of the fiche's sections a page may show (the public ones; the contact never). */
export type FicheLabels = Record<
  'context' | 'objectives' | 'beneficiaries' | 'activities' | 'resources' | 'budgetRange' | 'budgetDetails' | 'results' | 'figures' | 'replicability' | 'lessons' | 'partners',
  string
>;

const LABELS: Record<string, PageLabels> = {
  en: {
    readMore: 'Read more',
    inLanguage: 'In {language}',
    empty: 'Nothing to show here yet.',
    notFoundTitle: 'Not found',
    notFoundText: 'There is no published page at this address.',
    badRequestTitle: 'This address is not valid',
    register: 'Register',
    by: 'Published by {network}',
    fiche: {context:'Context and need',objectives:'Objectives',beneficiaries:'Who it serves',activities:'What was done',resources:'Resources',budgetRange:'Budget',budgetDetails:'Budget details',results:'Results',figures:'In figures',replicability:'What others can replicate',lessons:'Lessons learned',partners:'Partners'},
    budget: {none:'No budget (volunteer work, donated means)','under-5k':'Under €5,000','from-5k-to-20k':'€5,000 to €20,000','from-20k-to-100k':'€20,000 to €100,000','from-100k-to-500k':'€100,000 to €500,000','over-500k':'Over €500,000'},
  },
  ca: {
    readMore: 'Llegiu-ne més',
    inLanguage: 'En {language}',
    empty: 'Encara no hi ha res a mostrar.',
    notFoundTitle: 'No s’ha trobat',
    notFoundText: 'No hi ha cap pàgina publicada en aquesta adreça.',
    badRequestTitle: 'Aquesta adreça no és vàlida',
    register: 'Inscriviu-vos',
    by: 'Publicat per {network}',
    fiche: {context:'Context i necessitat',objectives:'Objectius',beneficiaries:'A qui s’adreça',activities:'Què s’ha fet',resources:'Recursos',budgetRange:'Pressupost',budgetDetails:'Detall del pressupost',results:'Resultats',figures:'En xifres',replicability:'Què es pot replicar',lessons:'Aprenentatges',partners:'Entitats col·laboradores'},
    budget: {none:'Sense pressupost (voluntariat, mitjans cedits)','under-5k':'Menys de 5.000 €','from-5k-to-20k':'De 5.000 a 20.000 €','from-20k-to-100k':'De 20.000 a 100.000 €','from-100k-to-500k':'De 100.000 a 500.000 €','over-500k':'Més de 500.000 €'},
  },
  es: {
    readMore: 'Leer más',
    inLanguage: 'En {language}',
    empty: 'Todavía no hay nada que mostrar.',
    notFoundTitle: 'No encontrado',
    notFoundText: 'No hay ninguna página publicada en esta dirección.',
    badRequestTitle: 'Esta dirección no es válida',
    register: 'Inscríbete',
    by: 'Publicado por {network}',
    fiche: {context:'Contexto y necesidad',objectives:'Objetivos',beneficiaries:'A quién se dirige',activities:'Qué se hizo',resources:'Recursos',budgetRange:'Presupuesto',budgetDetails:'Detalle del presupuesto',results:'Resultados',figures:'En cifras',replicability:'Qué se puede replicar',lessons:'Aprendizajes',partners:'Entidades colaboradoras'},
    budget: {none:'Sin presupuesto (voluntariado, medios cedidos)','under-5k':'Menos de 5.000 €','from-5k-to-20k':'De 5.000 a 20.000 €','from-20k-to-100k':'De 20.000 a 100.000 €','from-100k-to-500k':'De 100.000 a 500.000 €','over-500k':'Más de 500.000 €'},
  },
  el: {
    readMore: 'Διαβάστε περισσότερα',
    inLanguage: 'Στα {language}',
    empty: 'Δεν υπάρχει ακόμη τίποτα εδώ.',
    notFoundTitle: 'Δεν βρέθηκε',
    notFoundText: 'Δεν υπάρχει δημοσιευμένη σελίδα σε αυτή τη διεύθυνση.',
    badRequestTitle: 'Αυτή η διεύθυνση δεν είναι έγκυρη',
    register: 'Εγγραφή',
    by: 'Δημοσιεύτηκε από {network}',
    fiche: {context:'Πλαίσιο και ανάγκη',objectives:'Στόχοι',beneficiaries:'Σε ποιους απευθύνεται',activities:'Τι έγινε',resources:'Πόροι',budgetRange:'Προϋπολογισμός',budgetDetails:'Ανάλυση προϋπολογισμού',results:'Αποτελέσματα',figures:'Σε αριθμούς',replicability:'Τι μπορούν να επαναλάβουν άλλοι',lessons:'Διδάγματα',partners:'Συνεργάτες'},
    budget: {none:'Χωρίς προϋπολογισμό (εθελοντική εργασία, δωρεές)','under-5k':'Κάτω από 5.000 €','from-5k-to-20k':'5.000 € έως 20.000 €','from-20k-to-100k':'20.000 € έως 100.000 €','from-100k-to-500k':'100.000 € έως 500.000 €','over-500k':'Πάνω από 500.000 €'},
  },
  fr: {
    readMore: 'Lire la suite',
    inLanguage: 'En {language}',
    empty: 'Rien à afficher pour le moment.',
    notFoundTitle: 'Introuvable',
    notFoundText: 'Aucune page publiée à cette adresse.',
    badRequestTitle: 'Cette adresse n’est pas valide',
    register: 'S’inscrire',
    by: 'Publié par {network}',
    fiche: {context:'Contexte et besoin',objectives:'Objectifs',beneficiaries:'À qui elle s’adresse',activities:'Ce qui a été fait',resources:'Ressources',budgetRange:'Budget',budgetDetails:'Détail du budget',results:'Résultats',figures:'En chiffres',replicability:'Ce que d’autres peuvent reproduire',lessons:'Enseignements',partners:'Partenaires'},
    budget: {none:'Sans budget (bénévolat, moyens mis à disposition)','under-5k':'Moins de 5 000 €','from-5k-to-20k':'De 5 000 à 20 000 €','from-20k-to-100k':'De 20 000 à 100 000 €','from-100k-to-500k':'De 100 000 à 500 000 €','over-500k':'Plus de 500 000 €'},
  },
};

/** The labels of `locale` (its language subtag), English when the app has none for it. */
export const pageLabels = (locale: string): PageLabels =>
  LABELS[locale.toLowerCase().split(/[-_]/)[0] ?? ''] ?? (LABELS.en as PageLabels);

/** The name of the language of `code` in `inLocale` (Unicode CLDR through Intl), the code itself when unknown. */
export const languageName = (code: string, inLocale: string): string => {
  try {
    return new Intl.DisplayNames([inLocale, 'en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};
