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
  /** the open phase outside the call's dates (see callStatus): before `opensAt`, after `closesAt` */
  notOpen: { upcoming: string; closed: string };
  /** `{date}`: the deadline */
  deadline: string;
  /** `{date}`: when submissions open (`opensAt`), shown while the call is `upcoming` */
  opens: string;
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
    notOpen: { upcoming: 'Not open for submissions yet', closed: 'Closed for submissions, assessment pending' },
    deadline: 'Deadline: {date}',
    opens: 'Opens for submissions: {date}',
    criteria: 'Priority criteria',
    submit: 'Submit a practice',
    selected: 'Practices selected in this call',
  },
  ca: {
    label: 'Convocatòria de pràctiques',
    phase: 'Fase',
    phases: { open: 'Oberta a propostes', assessment: 'En avaluació', results: 'Resultats publicats' },
    notOpen: { upcoming: 'Encara no oberta a propostes', closed: 'Tancada a propostes, pendent d’avaluació' },
    deadline: 'Termini: {date}',
    opens: 'S’obre a propostes: {date}',
    criteria: 'Criteris prioritaris',
    submit: 'Envia una pràctica',
    selected: 'Pràctiques seleccionades en aquesta convocatòria',
  },
  es: {
    label: 'Convocatoria de prácticas',
    phase: 'Fase',
    phases: { open: 'Abierta a propuestas', assessment: 'En evaluación', results: 'Resultados publicados' },
    notOpen: { upcoming: 'Todavía no abierta a propuestas', closed: 'Cerrada a propuestas, pendiente de evaluación' },
    deadline: 'Plazo: {date}',
    opens: 'Se abre a propuestas: {date}',
    criteria: 'Criterios prioritarios',
    submit: 'Envía una práctica',
    selected: 'Prácticas seleccionadas en esta convocatoria',
  },
  el: {
    label: 'Πρόσκληση για πρακτικές',
    phase: 'Φάση',
    phases: { open: 'Ανοιχτή για υποβολές', assessment: 'Υπό αξιολόγηση', results: 'Δημοσιεύθηκαν τα αποτελέσματα' },
    notOpen: { upcoming: 'Δεν δέχεται ακόμη υποβολές', closed: 'Έκλεισε για υποβολές, αναμένεται η αξιολόγηση' },
    deadline: 'Προθεσμία: {date}',
    opens: 'Δέχεται υποβολές από: {date}',
    criteria: 'Κριτήρια προτεραιότητας',
    submit: 'Υποβάλετε μια πρακτική',
    selected: 'Πρακτικές που επιλέχθηκαν σε αυτή την πρόσκληση',
  },
  fr: {
    label: 'Appel à pratiques',
    phase: 'Phase',
    phases: { open: 'Ouvert aux propositions', assessment: 'En cours d’évaluation', results: 'Résultats publiés' },
    notOpen: { upcoming: 'Pas encore ouvert aux propositions', closed: 'Fermé aux propositions, évaluation à venir' },
    deadline: 'Date limite : {date}',
    opens: 'Ouverture aux propositions : {date}',
    criteria: 'Critères prioritaires',
    submit: 'Proposer une pratique',
    selected: 'Pratiques sélectionnées dans cet appel',
  },
};

/** What a call's banner says of it: its phase, the open phase split by its dates. */
export type CallStatus = 'open' | 'upcoming' | 'closed' | 'assessment' | 'results';

/**
 * What a call's banner shows, from the public API's call (`GET /api/solidarity/calls/<slug>`): its
 * `phase` (an unknown one is `open`), and in the open phase `isOpen` (the server's one rule,
 * cms/server/src/reads/presenters.ts: phase open AND opensAt ≤ now < closesAt) decides: `open`
 * (the form is offered), else `closed` once `closesAt` has passed (the commission has not moved the
 * call on to its assessment yet), else `upcoming` (before `opensAt`). `now` in epoch ms.
 */
export const callStatus = (call: { phase?: unknown; isOpen?: unknown; closesAt?: unknown }, now: number): CallStatus => {
  const phase = call.phase === 'assessment' || call.phase === 'results' ? call.phase : 'open';
  if (phase !== 'open' || call.isOpen !== false) return phase;
  const closes = typeof call.closesAt === 'string' ? Date.parse(call.closesAt) : NaN;
  return closes <= now ? 'closed' : 'upcoming';
};

/** The words of `status` in `w`: "Open for submissions", "Closed for submissions, assessment pending"... */
export const statusWords = (w: CallBannerWords, status: CallStatus): string =>
  status === 'upcoming' || status === 'closed' ? w.notOpen[status] : w.phases[status];
