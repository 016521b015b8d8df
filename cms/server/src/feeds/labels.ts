/** The few words feeds and calendars add around the content, per locale (English otherwise). */

export type Collection = 'practices' | 'statements' | 'sessions';

const LABELS: Record<string, Record<Collection, string> & { join: string; recording: string }> = {
  en: {
    practices: 'good practices',
    statements: 'statements',
    sessions: 'online sessions',
    join: 'Join',
    recording: 'Recording',
  },
  ca: {
    practices: 'bones pràctiques',
    statements: 'declaracions',
    sessions: 'sessions en línia',
    join: 'Connecta-t’hi',
    recording: 'Enregistrament',
  },
  es: {
    practices: 'buenas prácticas',
    statements: 'declaraciones',
    sessions: 'sesiones en línea',
    join: 'Conéctate',
    recording: 'Grabación',
  },
  el: {
    practices: 'καλές πρακτικές',
    statements: 'δηλώσεις',
    sessions: 'διαδικτυακές συναντήσεις',
    join: 'Συμμετοχή',
    recording: 'Βιντεοσκόπηση',
  },
  fr: {
    practices: 'bonnes pratiques',
    statements: 'déclarations',
    sessions: 'sessions en ligne',
    join: 'Rejoindre',
    recording: 'Enregistrement',
  },
};

export const labels = (locale: string) => LABELS[locale.toLowerCase().split('-')[0] ?? ''] ?? (LABELS.en as (typeof LABELS)[string]);

/** "Solidarity Commons — good practices" */
export const collectionTitle = (network: string, collection: Collection, locale: string) =>
  `${network} — ${labels(locale)[collection]}`;
