/** The few words feeds and calendars add around the content, per locale (English otherwise). */

export type Collection = 'practices' | 'statements' | 'sessions' | 'deadlines';

/** Words of one locale: collection names (feed and calendar titles) and the notes calendars add to events. */
export type Labels = Record<Collection, string> & {
  join: string;
  recording: string;
  minutes: string;
  organisers: string;
  /** SUMMARY prefix of a cancelled session */
  cancelled: string;
  /** SUMMARY prefix of a moved session */
  moved: string;
  /** DESCRIPTION line of a deadline: the exact time (UTC) */
  deadline: string;
  /** alarm text, a week before a deadline */
  deadlineInAWeek: string;
  /** SUMMARY prefix of a call for practices */
  call: string;
  /** SUMMARY prefix of an open-call statement */
  openCall: string;
};

const LABELS: Record<string, Labels> = {
  en: {
    practices: 'good practices',
    statements: 'statements',
    sessions: 'online sessions',
    deadlines: 'deadlines',
    join: 'Join',
    recording: 'Recording',
    minutes: 'Minutes',
    organisers: 'Organised by',
    cancelled: 'Cancelled',
    moved: 'Moved',
    deadline: 'Deadline',
    deadlineInAWeek: 'Deadline in a week',
    call: 'Call for practices',
    openCall: 'Open call',
  },
  ca: {
    practices: 'bones pràctiques',
    statements: 'declaracions',
    sessions: 'sessions en línia',
    deadlines: 'terminis',
    join: 'Connecta-t’hi',
    recording: 'Enregistrament',
    minutes: 'Acta',
    organisers: 'Organitza',
    cancelled: 'Cancel·lada',
    moved: 'Canvi d’hora o lloc',
    deadline: 'Termini',
    deadlineInAWeek: 'El termini acaba d’aquí a una setmana',
    call: 'Convocatòria de pràctiques',
    openCall: 'Crida oberta',
  },
  es: {
    practices: 'buenas prácticas',
    statements: 'declaraciones',
    sessions: 'sesiones en línea',
    deadlines: 'plazos',
    join: 'Conéctate',
    recording: 'Grabación',
    minutes: 'Acta',
    organisers: 'Organiza',
    cancelled: 'Cancelada',
    moved: 'Cambio de hora o lugar',
    deadline: 'Plazo',
    deadlineInAWeek: 'El plazo termina dentro de una semana',
    call: 'Convocatoria de prácticas',
    openCall: 'Llamamiento abierto',
  },
  el: {
    practices: 'καλές πρακτικές',
    statements: 'δηλώσεις',
    sessions: 'διαδικτυακές συναντήσεις',
    deadlines: 'προθεσμίες',
    join: 'Συμμετοχή',
    recording: 'Βιντεοσκόπηση',
    minutes: 'Πρακτικά',
    organisers: 'Διοργάνωση',
    cancelled: 'Ακυρώθηκε',
    moved: 'Αλλαγή ώρας ή τόπου',
    deadline: 'Προθεσμία',
    deadlineInAWeek: 'Η προθεσμία λήγει σε μία εβδομάδα',
    call: 'Πρόσκληση για πρακτικές',
    openCall: 'Ανοιχτή πρόσκληση',
  },
  fr: {
    practices: 'bonnes pratiques',
    statements: 'déclarations',
    sessions: 'sessions en ligne',
    deadlines: 'échéances',
    join: 'Rejoindre',
    recording: 'Enregistrement',
    minutes: 'Compte rendu',
    organisers: 'Organisé par',
    cancelled: 'Annulée',
    moved: 'Changement d’horaire ou de lieu',
    deadline: 'Échéance',
    deadlineInAWeek: 'Échéance dans une semaine',
    call: 'Appel à pratiques',
    openCall: 'Appel ouvert',
  },
};

/** The words of a locale (its language part), English when the language has none. */
export const labels = (locale: string): Labels => LABELS[locale.toLowerCase().split('-')[0] ?? ''] ?? (LABELS.en as Labels);

/** The languages that have their words here (a test checks every one has every word). */
export const LABEL_LOCALES = Object.keys(LABELS);

/** "Solidarity Commons — good practices" */
export const collectionTitle = (network: string, collection: Collection, locale: string) =>
  `${network} — ${labels(locale)[collection]}`;
