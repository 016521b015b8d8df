/**
 * The words of the systematisation fiche (cms/shared/fiche.ts) in every shipped language: each field's
 * heading (public pages, the review page, the completion form), the question the submitter's
 * completion form asks for it, the budget ranges and the parts of a figure and a partner.
 *
 * A file of its own so that a bundle that only needs the field list (fiche.ts) does not carry the
 * words. No imports but types, no DOM, no Node.
 */
import type { BudgetRange } from './fiche';

/** The fiche's field keys (FICHE_KEYS), as a type. */
export type FicheKey =
  | 'context'
  | 'objectives'
  | 'beneficiaries'
  | 'activities'
  | 'resources'
  | 'budgetRange'
  | 'budgetDetails'
  | 'results'
  | 'figures'
  | 'replicability'
  | 'lessons'
  | 'partners'
  | 'startedOn'
  | 'endedOn'
  | 'images'
  | 'attachments'
  | 'contact';

/** The words of the fiche in one language. */
export interface FicheWords {
  /** each field's heading */
  label: Record<FicheKey, string>;
  /** the question the completion form asks for each field */
  question: Record<FicheKey, string>;
  /** each budget range, in words */
  budget: Record<BudgetRange, string>;
  /** the parts of a figure and of a partner */
  parts: { label: string; value: string; unit: string; name: string; website: string; role: string };
}

/** The fiche's words per shipped locale (cms/shared/locales.ts). */
export const FICHE_WORDS: Record<'en' | 'ca' | 'es' | 'el' | 'fr', FicheWords> = {
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
      startedOn: 'Start',
      endedOn: 'End',
      images: 'Images',
      attachments: 'Documents',
      contact: 'Contact person',
    },
    question: {
      context: 'What situation or need did the practice answer?',
      objectives: 'What did it set out to achieve?',
      beneficiaries: 'Who does it serve, and how many people?',
      activities: 'What was done, step by step?',
      resources: 'What people, means and funding did it take?',
      budgetRange: 'What was the budget over the whole practice?',
      budgetDetails: 'How was the budget spent, and where did it come from?',
      results: 'What changed thanks to it?',
      figures: 'Which results can you give in figures?',
      replicability: 'What could others replicate, and what would they need?',
      lessons: 'What did you learn? What would you do differently?',
      partners: 'Who took part, and what was each one’s role?',
      startedOn: 'When did it start?',
      endedOn: 'When did it end (if it has)?',
      images: 'Photos of the practice',
      attachments: 'Documents others can use (guides, reports)',
      contact: 'Who can others contact about it?',
    },
    budget: {
      none: 'No budget (volunteer work, donated means)',
      'under-5k': 'Under €5,000',
      'from-5k-to-20k': '€5,000 to €20,000',
      'from-20k-to-100k': '€20,000 to €100,000',
      'from-100k-to-500k': '€100,000 to €500,000',
      'over-500k': 'Over €500,000',
    },
    parts: { label: 'What', value: 'Figure', unit: 'Unit', name: 'Name', website: 'Website', role: 'Role' },
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
      startedOn: 'Inici',
      endedOn: 'Final',
      images: 'Imatges',
      attachments: 'Documents',
      contact: 'Persona de contacte',
    },
    question: {
      context: 'A quina situació o necessitat responia la pràctica?',
      objectives: 'Què es proposava aconseguir?',
      beneficiaries: 'A qui s’adreça, i a quantes persones?',
      activities: 'Què s’ha fet, pas a pas?',
      resources: 'Quines persones, mitjans i finançament ha calgut?',
      budgetRange: 'Quin ha estat el pressupost de tota la pràctica?',
      budgetDetails: 'En què s’ha gastat el pressupost i d’on venia?',
      results: 'Què ha canviat gràcies a la pràctica?',
      figures: 'Quins resultats podeu donar en xifres?',
      replicability: 'Què podrien replicar altres entitats, i què els caldria?',
      lessons: 'Què n’heu après? Què faríeu diferent?',
      partners: 'Qui hi ha participat, i quin paper ha tingut cadascú?',
      startedOn: 'Quan va començar?',
      endedOn: 'Quan va acabar (si ha acabat)?',
      images: 'Fotografies de la pràctica',
      attachments: 'Documents útils per a altres (guies, informes)',
      contact: 'A qui es pot adreçar la gent per saber-ne més?',
    },
    budget: {
      none: 'Sense pressupost (voluntariat, mitjans cedits)',
      'under-5k': 'Menys de 5.000 €',
      'from-5k-to-20k': 'De 5.000 a 20.000 €',
      'from-20k-to-100k': 'De 20.000 a 100.000 €',
      'from-100k-to-500k': 'De 100.000 a 500.000 €',
      'over-500k': 'Més de 500.000 €',
    },
    parts: { label: 'Què', value: 'Xifra', unit: 'Unitat', name: 'Nom', website: 'Web', role: 'Paper' },
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
      startedOn: 'Inicio',
      endedOn: 'Fin',
      images: 'Imágenes',
      attachments: 'Documentos',
      contact: 'Persona de contacto',
    },
    question: {
      context: '¿A qué situación o necesidad respondía la práctica?',
      objectives: '¿Qué se proponía conseguir?',
      beneficiaries: '¿A quién se dirige, y a cuántas personas?',
      activities: '¿Qué se hizo, paso a paso?',
      resources: '¿Qué personas, medios y financiación hicieron falta?',
      budgetRange: '¿Cuál fue el presupuesto de toda la práctica?',
      budgetDetails: '¿En qué se gastó el presupuesto y de dónde venía?',
      results: '¿Qué ha cambiado gracias a la práctica?',
      figures: '¿Qué resultados podéis dar en cifras?',
      replicability: '¿Qué podrían replicar otras entidades, y qué necesitarían?',
      lessons: '¿Qué habéis aprendido? ¿Qué haríais de otra manera?',
      partners: '¿Quién ha participado, y qué papel ha tenido cada uno?',
      startedOn: '¿Cuándo empezó?',
      endedOn: '¿Cuándo terminó (si ha terminado)?',
      images: 'Fotografías de la práctica',
      attachments: 'Documentos útiles para otros (guías, informes)',
      contact: '¿A quién puede dirigirse la gente para saber más?',
    },
    budget: {
      none: 'Sin presupuesto (voluntariado, medios cedidos)',
      'under-5k': 'Menos de 5.000 €',
      'from-5k-to-20k': 'De 5.000 a 20.000 €',
      'from-20k-to-100k': 'De 20.000 a 100.000 €',
      'from-100k-to-500k': 'De 100.000 a 500.000 €',
      'over-500k': 'Más de 500.000 €',
    },
    parts: { label: 'Qué', value: 'Cifra', unit: 'Unidad', name: 'Nombre', website: 'Web', role: 'Papel' },
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
      startedOn: 'Έναρξη',
      endedOn: 'Λήξη',
      images: 'Εικόνες',
      attachments: 'Έγγραφα',
      contact: 'Υπεύθυνος επικοινωνίας',
    },
    question: {
      context: 'Σε ποια κατάσταση ή ανάγκη απάντησε η πρακτική;',
      objectives: 'Τι επεδίωκε να πετύχει;',
      beneficiaries: 'Σε ποιους απευθύνεται και σε πόσους ανθρώπους;',
      activities: 'Τι έγινε, βήμα προς βήμα;',
      resources: 'Ποιους ανθρώπους, μέσα και χρηματοδότηση χρειάστηκε;',
      budgetRange: 'Ποιος ήταν ο προϋπολογισμός όλης της πρακτικής;',
      budgetDetails: 'Πού δαπανήθηκε ο προϋπολογισμός και από πού προήλθε;',
      results: 'Τι άλλαξε χάρη σε αυτήν;',
      figures: 'Ποια αποτελέσματα μπορείτε να δώσετε σε αριθμούς;',
      replicability: 'Τι θα μπορούσαν να επαναλάβουν άλλοι και τι θα χρειάζονταν;',
      lessons: 'Τι μάθατε; Τι θα κάνατε διαφορετικά;',
      partners: 'Ποιοι συμμετείχαν και ποιος ήταν ο ρόλος του καθενός;',
      startedOn: 'Πότε ξεκίνησε;',
      endedOn: 'Πότε τελείωσε (αν έχει τελειώσει);',
      images: 'Φωτογραφίες της πρακτικής',
      attachments: 'Έγγραφα χρήσιμα σε άλλους (οδηγοί, εκθέσεις)',
      contact: 'Σε ποιον μπορούν να απευθυνθούν οι άλλοι;',
    },
    budget: {
      none: 'Χωρίς προϋπολογισμό (εθελοντική εργασία, δωρεές)',
      'under-5k': 'Κάτω από 5.000 €',
      'from-5k-to-20k': '5.000 € έως 20.000 €',
      'from-20k-to-100k': '20.000 € έως 100.000 €',
      'from-100k-to-500k': '100.000 € έως 500.000 €',
      'over-500k': 'Πάνω από 500.000 €',
    },
    parts: { label: 'Τι', value: 'Αριθμός', unit: 'Μονάδα', name: 'Όνομα', website: 'Ιστότοπος', role: 'Ρόλος' },
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
      startedOn: 'Début',
      endedOn: 'Fin',
      images: 'Images',
      attachments: 'Documents',
      contact: 'Personne de contact',
    },
    question: {
      context: 'À quelle situation ou à quel besoin la pratique répondait-elle ?',
      objectives: 'Que cherchait-elle à atteindre ?',
      beneficiaries: 'À qui s’adresse-t-elle, et à combien de personnes ?',
      activities: 'Qu’est-ce qui a été fait, étape par étape ?',
      resources: 'Quelles personnes, quels moyens et quel financement a-t-elle demandés ?',
      budgetRange: 'Quel a été le budget de toute la pratique ?',
      budgetDetails: 'À quoi le budget a-t-il servi, et d’où venait-il ?',
      results: 'Qu’est-ce qui a changé grâce à elle ?',
      figures: 'Quels résultats pouvez-vous donner en chiffres ?',
      replicability: 'Que pourraient reproduire d’autres, et de quoi auraient-ils besoin ?',
      lessons: 'Qu’avez-vous appris ? Que feriez-vous autrement ?',
      partners: 'Qui y a participé, et quel a été le rôle de chacun ?',
      startedOn: 'Quand a-t-elle commencé ?',
      endedOn: 'Quand s’est-elle terminée (si c’est le cas) ?',
      images: 'Photos de la pratique',
      attachments: 'Documents utiles à d’autres (guides, rapports)',
      contact: 'Qui peut-on contacter à son sujet ?',
    },
    budget: {
      none: 'Sans budget (bénévolat, moyens mis à disposition)',
      'under-5k': 'Moins de 5 000 €',
      'from-5k-to-20k': 'De 5 000 à 20 000 €',
      'from-20k-to-100k': 'De 20 000 à 100 000 €',
      'from-100k-to-500k': 'De 100 000 à 500 000 €',
      'over-500k': 'Plus de 500 000 €',
    },
    parts: { label: 'Quoi', value: 'Chiffre', unit: 'Unité', name: 'Nom', website: 'Site web', role: 'Rôle' },
  },
};

/** The fiche's words in `locale` (its language subtag), English when the app has none for it. */
export const ficheWords = (locale: string): FicheWords =>
  FICHE_WORDS[(locale.toLowerCase().split(/[-_]/)[0] ?? '') as keyof typeof FICHE_WORDS] ?? FICHE_WORDS.en;
