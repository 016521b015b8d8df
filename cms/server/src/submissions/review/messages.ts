import type { Core } from '@strapi/strapi';
import { SHIPPED_LOCALES } from '../../../../../cms/shared/locales';
import type { ReviewStatus } from '../../content-types/vocabulary';
import type { ReviewField } from './rules';

/**
 * The review rules' refusals (./rules.ts) in the editor's language. The Content Manager shows a
 * refused action's `error.message` as it is, so the server writes it in the admin user's interface
 * language (`preferedLanguage`, Strapi's spelling, set in the profile), else the browser's
 * `Accept-Language`, else English. The words are the admin pages' own
 * (cms/admin/src/translations/<locale>.json: `menu.submissions`, and `status.*` in lower case inside a
 * sentence; English keeps its shorter sentence forms); messages.test.ts ties them.
 */
export const MESSAGE_LANGUAGES = SHIPPED_LOCALES;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

interface Words {
  /** the menu entry of the Submissions page (the admin's `menu.submissions`) */
  menu: string;
  status: Record<ReviewStatus, string>;
  noStatus: string;
  field: Record<ReviewField, string>;
  thisPractice: string;
  underReview(what: string, status: string, page: string): string;
  rejected(what: string, page: string): string;
  fieldsChanged(list: string, many: boolean, page: string): string;
  fieldError(page: string): string;
  page(menu: string): string;
}

export const WORDS: Record<MessageLanguage, Words> = {
  en: {
    menu: 'Submissions',
    status: { submitted: 'submitted', 'in-review': 'in review', 'needs-info': 'needs info', approved: 'approved', rejected: 'rejected' },
    noStatus: 'no review status',
    field: { reviewStatus: 'review status', reviewHistory: 'review history', reviewNotes: 'review notes', submittedAt: 'submission date', source: 'source' },
    thisPractice: 'This practice',
    page: (menu) => `the Submissions page (${menu} in the main menu)`,
    underReview: (what, status, page) => `${what} is a submission under review (status: ${status}). Approve it on ${page} to publish it.`,
    rejected: (what, page) => `${what} is a submission that was rejected on ${page}: it cannot be published.`,
    fieldsChanged: (list, many, page) =>
      `The ${list} of a practice ${many ? 'are' : 'is'} set by the review of submissions, not in the Content Manager. Use ${page} to review a submission.`,
    fieldError: (page) => `is set by the review on ${page}`,
  },
  ca: {
    menu: 'Propostes',
    status: { submitted: 'enviada', 'in-review': 'en revisió', 'needs-info': 'cal més informació', approved: 'aprovada', rejected: 'rebutjada' },
    noStatus: 'sense estat de revisió',
    field: { reviewStatus: 'estat de la revisió', reviewHistory: 'historial de la revisió', reviewNotes: 'notes de la revisió', submittedAt: "data d'enviament", source: 'origen' },
    thisPractice: 'Aquesta pràctica',
    page: (menu) => `la pàgina ${menu} (${menu} al menú principal)`,
    underReview: (what, status, page) => `${what} és una proposta en revisió (estat: ${status}). Aproveu-la a ${page} per publicar-la.`,
    rejected: (what, page) => `${what} és una proposta que es va rebutjar a ${page}: no es pot publicar.`,
    fieldsChanged: (list, _many, page) =>
      `La revisió de les propostes fixa aquests camps d'una pràctica (${list}), no el gestor de continguts. Feu servir ${page} per revisar una proposta.`,
    fieldError: (page) => `el fixa la revisió a ${page}`,
  },
  es: {
    menu: 'Propuestas',
    status: { submitted: 'enviada', 'in-review': 'en revisión', 'needs-info': 'falta información', approved: 'aprobada', rejected: 'rechazada' },
    noStatus: 'sin estado de revisión',
    field: { reviewStatus: 'estado de la revisión', reviewHistory: 'historial de la revisión', reviewNotes: 'notas de la revisión', submittedAt: 'fecha de envío', source: 'origen' },
    thisPractice: 'Esta práctica',
    page: (menu) => `la página ${menu} (${menu} en el menú principal)`,
    underReview: (what, status, page) => `${what} es una propuesta en revisión (estado: ${status}). Apruébela en ${page} para publicarla.`,
    rejected: (what, page) => `${what} es una propuesta que se rechazó en ${page}: no se puede publicar.`,
    fieldsChanged: (list, _many, page) =>
      `La revisión de las propuestas fija estos campos de una práctica (${list}), no el gestor de contenidos. Use ${page} para revisar una propuesta.`,
    fieldError: (page) => `lo fija la revisión en ${page}`,
  },
  el: {
    menu: 'Υποβολές',
    status: { submitted: 'υποβλήθηκε', 'in-review': 'υπό αξιολόγηση', 'needs-info': 'χρειάζονται πληροφορίες', approved: 'εγκρίθηκε', rejected: 'απορρίφθηκε' },
    noStatus: 'χωρίς κατάσταση αξιολόγησης',
    field: { reviewStatus: 'κατάσταση αξιολόγησης', reviewHistory: 'ιστορικό αξιολόγησης', reviewNotes: 'σημειώσεις αξιολόγησης', submittedAt: 'ημερομηνία υποβολής', source: 'προέλευση' },
    thisPractice: 'Αυτή η πρακτική',
    page: (menu) => `τη σελίδα ${menu} (${menu} στο κύριο μενού)`,
    underReview: (what, status, page) => `${what} είναι υποβολή υπό αξιολόγηση (κατάσταση: ${status}). Εγκρίνετέ την από ${page} για να δημοσιευθεί.`,
    rejected: (what, page) => `${what} είναι υποβολή που απορρίφθηκε από ${page}: δεν μπορεί να δημοσιευθεί.`,
    fieldsChanged: (list, _many, page) =>
      `Αυτά τα πεδία μιας πρακτικής (${list}) τα ορίζει η αξιολόγηση των υποβολών, όχι η διαχείριση περιεχομένου. Χρησιμοποιήστε ${page} για να αξιολογήσετε μια υποβολή.`,
    fieldError: (page) => `ορίζεται από την αξιολόγηση (${page})`,
  },
  fr: {
    menu: 'Propositions',
    status: { submitted: 'envoyée', 'in-review': 'en relecture', 'needs-info': 'informations demandées', approved: 'approuvée', rejected: 'rejetée' },
    noStatus: 'sans statut de relecture',
    field: { reviewStatus: 'statut de relecture', reviewHistory: 'historique de relecture', reviewNotes: 'notes de relecture', submittedAt: "date d'envoi", source: 'origine' },
    thisPractice: 'Cette pratique',
    page: (menu) => `la page ${menu} (${menu} dans le menu principal)`,
    underReview: (what, status, page) => `${what} est une proposition en relecture (statut : ${status}). Approuvez-la sur ${page} pour la publier.`,
    rejected: (what, page) => `${what} est une proposition rejetée sur ${page} : elle ne peut pas être publiée.`,
    fieldsChanged: (list, _many, page) =>
      `La relecture des propositions fixe ces champs d'une pratique (${list}), pas le gestionnaire de contenu. Utilisez ${page} pour relire une proposition.`,
    fieldError: (page) => `est fixé par la relecture sur ${page}`,
  },
};

const isLanguage = (value: unknown): value is MessageLanguage =>
  typeof value === 'string' && (MESSAGE_LANGUAGES as readonly string[]).includes(value);

/**
 * The language of the request being served (Strapi's request context, `strapi.requestContext`):
 * the admin user's interface language, else the best of `Accept-Language`, else English. Outside a
 * request (scripts, bootstrap): English.
 */
export const requestLanguage = (strapi: Core.Strapi): MessageLanguage => {
  const ctx = strapi.requestContext.get();
  if (!ctx) return 'en';
  const preferred: unknown = (ctx.state as { user?: { preferedLanguage?: unknown } } | undefined)?.user?.preferedLanguage;
  if (isLanguage(preferred)) return preferred;
  const accepted = ctx.acceptsLanguages([...MESSAGE_LANGUAGES]);
  return isLanguage(accepted) ? accepted : 'en';
};
