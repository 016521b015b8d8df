/**
 * The words of a call's banner (issue #15: a call's phase, deadline and criteria over the list of
 * its practices), per UI locale, used by the widget's banner chunk
 * (widgets/src/components/practices/call-banner.ts) and the server's public list page
 * (cms/server/src/embed/call-banner.ts). `deadline` holds `{date}`, the formatted deadline.
 *
 * No imports, no DOM, no Node: the widgets bundle it into the banner's lazy chunk.
 */
export interface CallBannerWords {
  /** the banner's accessible name */
  label: string;
  phase: string;
  /** one per call phase (cms/server/src/assessment/uids.ts CALL_PHASES) */
  phases: { open: string; assessment: string; results: string };
  /** `{date}`: the deadline */
  deadline: string;
  criteria: string;
  submit: string;
  selected: string;
}

/** The banner's words in en, ca, es, el and fr. */
export const CALL_BANNER_WORDS: Record<'en' | 'ca' | 'es' | 'el' | 'fr', CallBannerWords> = {
  en: {
    label: 'Call for practices',
    phase: 'Phase',
    phases: { open: 'Open for submissions', assessment: 'Being assessed', results: 'Results published' },
    deadline: 'Deadline: {date}',
    criteria: 'Priority criteria',
    submit: 'Submit a practice',
    selected: 'Practices selected in this call',
  },
  ca: {
    label: 'Convocatòria de pràctiques',
    phase: 'Fase',
    phases: { open: 'Oberta a propostes', assessment: 'En avaluació', results: 'Resultats publicats' },
    deadline: 'Termini: {date}',
    criteria: 'Criteris prioritaris',
    submit: 'Envia una pràctica',
    selected: 'Pràctiques seleccionades en aquesta convocatòria',
  },
  es: {
    label: 'Convocatoria de prácticas',
    phase: 'Fase',
    phases: { open: 'Abierta a propuestas', assessment: 'En evaluación', results: 'Resultados publicados' },
    deadline: 'Plazo: {date}',
    criteria: 'Criterios prioritarios',
    submit: 'Envía una práctica',
    selected: 'Prácticas seleccionadas en esta convocatoria',
  },
  el: {
    label: 'Πρόσκληση για πρακτικές',
    phase: 'Φάση',
    phases: { open: 'Ανοιχτή για υποβολές', assessment: 'Υπό αξιολόγηση', results: 'Δημοσιεύθηκαν τα αποτελέσματα' },
    deadline: 'Προθεσμία: {date}',
    criteria: 'Κριτήρια προτεραιότητας',
    submit: 'Υποβάλετε μια πρακτική',
    selected: 'Πρακτικές που επιλέχθηκαν σε αυτή την πρόσκληση',
  },
  fr: {
    label: 'Appel à pratiques',
    phase: 'Phase',
    phases: { open: 'Ouvert aux propositions', assessment: 'En cours d’évaluation', results: 'Résultats publiés' },
    deadline: 'Date limite : {date}',
    criteria: 'Critères prioritaires',
    submit: 'Proposer une pratique',
    selected: 'Pratiques sélectionnées dans cet appel',
  },
};
