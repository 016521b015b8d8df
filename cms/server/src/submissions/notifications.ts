import type { Core } from '@strapi/strapi';
import { strapiService } from '../services/strapi-services';
import { getService } from '../services/get-service';
import { submissionsConfig } from './config';
import { configuredPublicOrigin } from '../http/origin';
import { SHIPPED_LOCALES } from '../../../../cms/shared/locales';
import type { MailDelivery } from '../../../../cms/shared/history';
import type { Decision } from '../assessment/uids';

/** Languages the acknowledgement and the request for information are written in; others get English. */
export const MAIL_LOCALES = SHIPPED_LOCALES;
type MailLocale = (typeof MAIL_LOCALES)[number];

interface ContactTexts {
  ackSubject: (title: string) => string;
  ack: (p: { name: string; title: string; network: string; id: string }) => string;
  infoSubject: (title: string) => string;
  info: (p: { name: string; title: string; network: string; note: string; id: string }) => string;
  /** the commission's decision, to the contact (subject and text per decision) */
  decisionSubject: (decision: Decision, title: string) => string;
  decision: (p: { decision: Decision; name: string; title: string; call: string; network: string; reason: string; id: string }) => string;
  /** to the editors (NOTIFY_EDITORS), of a new submission: subject, and the text's words */
  editorsSubject: (title: string, network: string) => string;
  editors: { intro: (network: string) => string; title: string; language: string; call: string; from: string; review: string };
  /** to a commission member, when the call's assessment opens */
  assessmentSubject: (call: string, network: string) => string;
  assessment: (p: { name: string; call: string; count: number; network: string; link: string }) => string;
}

const TEXTS: Record<MailLocale, ContactTexts> = {
  en: {
    ackSubject: (title) => `We received your practice: ${title}`,
    ack: ({ name, title, network, id }) =>
      `Dear ${name},\n\nThank you for sending "${title}" to ${network}. The technical commission will review it, ` +
      `and may write to you to ask for more information before it is published.\n\n` +
      `Reference: ${id}\n\nYour contact details are only seen by the people who review submissions; ` +
      `you can ask us to erase them at any time by replying to this message.\n\n${network}`,
    infoSubject: (title) => `More information needed: ${title}`,
    info: ({ name, title, network, note, id }) =>
      `Dear ${name},\n\nThe technical commission reviewing "${title}" needs more information:\n\n${note}\n\n` +
      `Please reply to this message.\n\nReference: ${id}\n\n${network}`,
    decisionSubject: (decision, title) =>
      ({ selected: `Your practice was selected: ${title}`, 'not-selected': `Your practice was not selected: ${title}`, 'needs-info': `More information needed: ${title}` })[decision],
    decision: ({ decision, name, title, call, network, reason, id }) =>
      `Dear ${name},\n\n` +
      ({
        selected: `The technical commission selected "${title}" in the call "${call}". Our technical advisers will contact you to complete the practice's fiche before it is published.`,
        'not-selected': `The technical commission assessed "${title}" in the call "${call}" and did not select it this time.`,
        'needs-info': `The technical commission assessing "${title}" in the call "${call}" needs more information before it decides. Please reply to this message.`,
      })[decision] +
      `\n\nThe commission's reason:\n\n${reason}\n\nReference: ${id}\n\n${network}`,
    assessmentSubject: (call, network) => `[${network}] The assessment of "${call}" is open`,
    assessment: ({ name, call, count, network, link }) =>
      `Dear ${name},\n\nThe assessment of the call "${call}" has started. As a member of its technical commission, ` +
      `you can now score its submissions (${count}) against the call's criteria:\n\n${link}\n\n${network}`,
    editorsSubject: (title, network) => `[${network}] New practice submitted: ${title}`,
    editors: { intro: (network) => `A new practice was submitted to ${network} and waits for review.`, title: 'Title', language: 'Language', call: 'Call', from: 'Sent from', review: 'Review it (contact details are there)' },
  },
  ca: {
    ackSubject: (title) => `Hem rebut la vostra pràctica: ${title}`,
    ack: ({ name, title, network, id }) =>
      `Benvolgut/da ${name},\n\nGràcies per enviar «${title}» a ${network}. La comissió tècnica la revisarà ` +
      `i potser us escriurà per demanar-vos més informació abans de publicar-la.\n\n` +
      `Referència: ${id}\n\nLes vostres dades de contacte només les veuen les persones que revisen les propostes; ` +
      `en podeu demanar l’esborrament en qualsevol moment responent aquest missatge.\n\n${network}`,
    infoSubject: (title) => `Necessitem més informació: ${title}`,
    info: ({ name, title, network, note, id }) =>
      `Benvolgut/da ${name},\n\nLa comissió tècnica que revisa «${title}» necessita més informació:\n\n${note}\n\n` +
      `Si us plau, responeu aquest missatge.\n\nReferència: ${id}\n\n${network}`,
    decisionSubject: (decision, title) =>
      ({ selected: `La vostra pràctica ha estat seleccionada: ${title}`, 'not-selected': `La vostra pràctica no ha estat seleccionada: ${title}`, 'needs-info': `Necessitem més informació: ${title}` })[decision],
    decision: ({ decision, name, title, call, network, reason, id }) =>
      `Benvolgut/da ${name},\n\n` +
      ({
        selected: `La comissió tècnica ha seleccionat «${title}» a la convocatòria «${call}». Els assessors tècnics es posaran en contacte amb vosaltres per completar la fitxa de la pràctica abans de publicar-la.`,
        'not-selected': `La comissió tècnica ha valorat «${title}» a la convocatòria «${call}» i aquesta vegada no l’ha seleccionada.`,
        'needs-info': `La comissió tècnica que valora «${title}» a la convocatòria «${call}» necessita més informació abans de decidir. Si us plau, responeu aquest missatge.`,
      })[decision] +
      `\n\nEl motiu de la comissió:\n\n${reason}\n\nReferència: ${id}\n\n${network}`,
    assessmentSubject: (call, network) => `[${network}] S’ha obert la valoració de «${call}»`,
    assessment: ({ name, call, count, network, link }) =>
      `Benvolgut/da ${name},\n\nHa començat la valoració de la convocatòria «${call}». Com a membre de la comissió tècnica, ` +
      `ja podeu puntuar-ne les propostes (${count}) segons els criteris de la convocatòria:\n\n${link}\n\n${network}`,
    editorsSubject: (title, network) => `[${network}] Nova pràctica enviada: ${title}`,
    editors: { intro: (network) => `S’ha enviat una pràctica nova a ${network} i espera revisió.`, title: 'Títol', language: 'Llengua', call: 'Convocatòria', from: 'Enviada des de', review: 'Reviseu-la (hi trobareu les dades de contacte)' },
  },
  es: {
    ackSubject: (title) => `Hemos recibido vuestra práctica: ${title}`,
    ack: ({ name, title, network, id }) =>
      `Estimado/a ${name}:\n\nGracias por enviar «${title}» a ${network}. La comisión técnica la revisará ` +
      `y quizá os escriba para pedir más información antes de publicarla.\n\n` +
      `Referencia: ${id}\n\nVuestros datos de contacto solo los ven las personas que revisan las propuestas; ` +
      `podéis pedir que se borren en cualquier momento respondiendo a este mensaje.\n\n${network}`,
    infoSubject: (title) => `Necesitamos más información: ${title}`,
    info: ({ name, title, network, note, id }) =>
      `Estimado/a ${name}:\n\nLa comisión técnica que revisa «${title}» necesita más información:\n\n${note}\n\n` +
      `Por favor, responded a este mensaje.\n\nReferencia: ${id}\n\n${network}`,
    decisionSubject: (decision, title) =>
      ({ selected: `Vuestra práctica ha sido seleccionada: ${title}`, 'not-selected': `Vuestra práctica no ha sido seleccionada: ${title}`, 'needs-info': `Necesitamos más información: ${title}` })[decision],
    decision: ({ decision, name, title, call, network, reason, id }) =>
      `Estimado/a ${name}:\n\n` +
      ({
        selected: `La comisión técnica ha seleccionado «${title}» en la convocatoria «${call}». Los asesores técnicos se pondrán en contacto con vosotros para completar la ficha de la práctica antes de publicarla.`,
        'not-selected': `La comisión técnica ha valorado «${title}» en la convocatoria «${call}» y esta vez no la ha seleccionado.`,
        'needs-info': `La comisión técnica que valora «${title}» en la convocatoria «${call}» necesita más información antes de decidir. Por favor, responded a este mensaje.`,
      })[decision] +
      `\n\nEl motivo de la comisión:\n\n${reason}\n\nReferencia: ${id}\n\n${network}`,
    assessmentSubject: (call, network) => `[${network}] Se ha abierto la valoración de «${call}»`,
    assessment: ({ name, call, count, network, link }) =>
      `Estimado/a ${name}:\n\nHa empezado la valoración de la convocatoria «${call}». Como miembro de la comisión técnica, ` +
      `ya podéis puntuar sus propuestas (${count}) según los criterios de la convocatoria:\n\n${link}\n\n${network}`,
    editorsSubject: (title, network) => `[${network}] Nueva práctica enviada: ${title}`,
    editors: { intro: (network) => `Se ha enviado una práctica nueva a ${network} y espera revisión.`, title: 'Título', language: 'Idioma', call: 'Convocatoria', from: 'Enviada desde', review: 'Revísela (allí están los datos de contacto)' },
  },
  el: {
    ackSubject: (title) => `Λάβαμε την πρακτική σας: ${title}`,
    ack: ({ name, title, network, id }) =>
      `Αγαπητέ/ή ${name},\n\nΣας ευχαριστούμε που στείλατε την πρακτική «${title}» στο ${network}. ` +
      `Η τεχνική επιτροπή θα την εξετάσει και ίσως σας ζητήσει περισσότερες πληροφορίες πριν από τη δημοσίευση.\n\n` +
      `Κωδικός: ${id}\n\nΤα στοιχεία επικοινωνίας σας τα βλέπουν μόνο όσοι εξετάζουν τις υποβολές· ` +
      `μπορείτε να ζητήσετε τη διαγραφή τους οποτεδήποτε απαντώντας σε αυτό το μήνυμα.\n\n${network}`,
    infoSubject: (title) => `Χρειαζόμαστε περισσότερες πληροφορίες: ${title}`,
    info: ({ name, title, network, note, id }) =>
      `Αγαπητέ/ή ${name},\n\nΗ τεχνική επιτροπή που εξετάζει την πρακτική «${title}» χρειάζεται περισσότερες πληροφορίες:\n\n${note}\n\n` +
      `Παρακαλούμε απαντήστε σε αυτό το μήνυμα.\n\nΚωδικός: ${id}\n\n${network}`,
    decisionSubject: (decision, title) =>
      ({ selected: `Η πρακτική σας επιλέχθηκε: ${title}`, 'not-selected': `Η πρακτική σας δεν επιλέχθηκε: ${title}`, 'needs-info': `Χρειαζόμαστε περισσότερες πληροφορίες: ${title}` })[decision],
    decision: ({ decision, name, title, call, network, reason, id }) =>
      `Αγαπητέ/ή ${name},\n\n` +
      ({
        selected: `Η τεχνική επιτροπή επέλεξε την πρακτική «${title}» στην πρόσκληση «${call}». Οι τεχνικοί σύμβουλοι θα επικοινωνήσουν μαζί σας για να συμπληρώσετε το δελτίο της πρακτικής πριν από τη δημοσίευση.`,
        'not-selected': `Η τεχνική επιτροπή αξιολόγησε την πρακτική «${title}» στην πρόσκληση «${call}» και αυτή τη φορά δεν την επέλεξε.`,
        'needs-info': `Η τεχνική επιτροπή που αξιολογεί την πρακτική «${title}» στην πρόσκληση «${call}» χρειάζεται περισσότερες πληροφορίες πριν αποφασίσει. Παρακαλούμε απαντήστε σε αυτό το μήνυμα.`,
      })[decision] +
      `\n\nΗ αιτιολόγηση της επιτροπής:\n\n${reason}\n\nΚωδικός: ${id}\n\n${network}`,
    assessmentSubject: (call, network) => `[${network}] Άνοιξε η αξιολόγηση της πρόσκλησης «${call}»`,
    assessment: ({ name, call, count, network, link }) =>
      `Αγαπητέ/ή ${name},\n\nΗ αξιολόγηση της πρόσκλησης «${call}» ξεκίνησε. Ως μέλος της τεχνικής επιτροπής, ` +
      `μπορείτε τώρα να βαθμολογήσετε τις υποβολές της (${count}) με βάση τα κριτήρια της πρόσκλησης:\n\n${link}\n\n${network}`,
    editorsSubject: (title, network) => `[${network}] Νέα πρακτική υποβλήθηκε: ${title}`,
    editors: { intro: (network) => `Μια νέα πρακτική υποβλήθηκε στο ${network} και περιμένει αξιολόγηση.`, title: 'Τίτλος', language: 'Γλώσσα', call: 'Πρόσκληση', from: 'Στάλθηκε από', review: 'Αξιολογήστε την (εκεί είναι τα στοιχεία επικοινωνίας)' },
  },
  fr: {
    ackSubject: (title) => `Nous avons reçu votre pratique : ${title}`,
    ack: ({ name, title, network, id }) =>
      `Bonjour ${name},\n\nMerci d’avoir envoyé « ${title} » à ${network}. La commission technique l’examinera ` +
      `et pourra vous écrire pour demander des précisions avant sa publication.\n\n` +
      `Référence : ${id}\n\nVos coordonnées ne sont vues que par les personnes qui examinent les propositions ; ` +
      `vous pouvez en demander l’effacement à tout moment en répondant à ce message.\n\n${network}`,
    infoSubject: (title) => `Précisions nécessaires : ${title}`,
    info: ({ name, title, network, note, id }) =>
      `Bonjour ${name},\n\nLa commission technique qui examine « ${title} » a besoin de précisions :\n\n${note}\n\n` +
      `Merci de répondre à ce message.\n\nRéférence : ${id}\n\n${network}`,
    decisionSubject: (decision, title) =>
      ({ selected: `Votre pratique a été sélectionnée : ${title}`, 'not-selected': `Votre pratique n’a pas été sélectionnée : ${title}`, 'needs-info': `Précisions nécessaires : ${title}` })[decision],
    decision: ({ decision, name, title, call, network, reason, id }) =>
      `Bonjour ${name},\n\n` +
      ({
        selected: `La commission technique a sélectionné « ${title} » dans l’appel « ${call} ». Nos conseillers techniques vous contacteront pour compléter la fiche de la pratique avant sa publication.`,
        'not-selected': `La commission technique a évalué « ${title} » dans l’appel « ${call} » et ne l’a pas retenue cette fois-ci.`,
        'needs-info': `La commission technique qui évalue « ${title} » dans l’appel « ${call} » a besoin de précisions avant de décider. Merci de répondre à ce message.`,
      })[decision] +
      `\n\nLe motif de la commission :\n\n${reason}\n\nRéférence : ${id}\n\n${network}`,
    assessmentSubject: (call, network) => `[${network}] L’évaluation de « ${call} » est ouverte`,
    assessment: ({ name, call, count, network, link }) =>
      `Bonjour ${name},\n\nL’évaluation de l’appel « ${call} » a commencé. En tant que membre de la commission technique, ` +
      `vous pouvez maintenant noter ses propositions (${count}) selon les critères de l’appel :\n\n${link}\n\n${network}`,
    editorsSubject: (title, network) => `[${network}] Nouvelle pratique envoyée : ${title}`,
    editors: { intro: (network) => `Une nouvelle pratique a été envoyée à ${network} et attend sa relecture.`, title: 'Titre', language: 'Langue', call: 'Appel', from: 'Envoyée depuis', review: 'Relisez-la (les coordonnées y sont)' },
  },
};

export const textsFor = (locale: string): ContactTexts =>
  TEXTS[(MAIL_LOCALES as readonly string[]).includes(locale) ? (locale as MailLocale) : 'en'];

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The HTML part of a mail: the text, escaped (submitted titles are never markup), paragraphs kept. */
export const textToHtml = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** Mail addresses hidden from a message before it is logged. */
export const redactAddresses = (s: string): string => s.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<address>');

/**
 * What became of one mail: `sent` (the mail server took it), `failed` (it refused it, or did not
 * answer in time), `not-configured` (no mail server: only logged), `skipped` (nobody to send it to).
 */
export type Delivery = MailDelivery;

const SEND_TIMEOUT_MS = 15_000;

/** The state of several mails as one: failed if one failed, else not-configured if one was, else sent (skipped when none). */
const worst = (states: Delivery[]): Delivery =>
  (['failed', 'not-configured', 'sent', 'skipped'] as const).find((state) => states.includes(state)) ?? 'skipped';

interface Mail {
  to: string | string[];
  subject: string;
  text: string;
  /** who the mail is for, in logs (never the address) */
  audience: 'contact' | 'editors' | 'commission';
}

export interface SubmittedMail {
  documentId: string;
  locale: string;
  title: string;
  summary: string;
  callTitle?: string | null;
  contact: { name: string; email: string };
  origin?: string | null;
}

/**
 * Mails of the submission workflow, through Strapi's email plugin. A mail
 * that cannot be sent is logged (without addresses) and never fails the
 * request that caused it. Without SMTP (`delivery: auto` and the email
 * plugin on its default sendmail provider), mails are only logged, at debug
 * level and without contact details.
 */
const notificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * Work that goes on after an answer (mails and the record of their delivery), kept until it
   * settles so that a shutdown waits for it instead of closing the database under it.
   */
  const afterAnswer = new Set<Promise<void>>();

  const network = () => String(strapi.plugin('solidarity').config('networkName') ?? 'Solidarity Commons');

  const mode = (): 'email' | 'log' => {
    const { delivery } = submissionsConfig(strapi).notifications;
    if (delivery !== 'auto') return delivery;
    const provider = String(strapi.config.get('plugin::email.provider') ?? 'sendmail').toLowerCase();
    return provider === 'sendmail' ? 'log' : 'email';
  };

  const adminBase = (): string => {
    const configured = submissionsConfig(strapi).notifications.adminUrl;
    if (configured) return configured.replace(/\/+$/, '');
    const adminUrl = String(strapi.config.get('admin.url') ?? '/admin');
    if (/^https?:\/\//.test(adminUrl)) return adminUrl.replace(/\/+$/, '');
    const publicUrl = configuredPublicOrigin(strapi) ?? '';
    const base = publicUrl || `http://localhost:${String(strapi.config.get('server.port') ?? 1337)}`;
    return `${base}${adminUrl.startsWith('/') ? '' : '/'}${adminUrl}`.replace(/\/+$/, '');
  };

  const send = async (mail: Mail): Promise<Delivery> => {
    if (mode() === 'log') {
      strapi.log.debug(`Mail to the ${mail.audience} not sent (no SMTP configured): "${redactAddresses(mail.subject)}"`);
      return 'not-configured';
    }
    try {
      const email = strapiService(strapi, 'plugin::email.email');
      const sending = email.send({ to: mail.to, subject: mail.subject, text: mail.text, html: textToHtml(mail.text) });
      let timer: NodeJS.Timeout | undefined;
      // A slow mail server must not keep a reviewer waiting: give up waiting (the send goes on) after a while.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the mail server within ${SEND_TIMEOUT_MS / 1000} s`)), SEND_TIMEOUT_MS);
      });
      sending.catch(() => undefined);
      try {
        await Promise.race([sending, timeout]);
      } finally {
        clearTimeout(timer);
      }
      return 'sent';
    } catch (error) {
      strapi.log.warn(`Mail to the ${mail.audience} failed: ${redactAddresses((error as Error)?.message ?? String(error))}`);
      return 'failed';
    }
  };

  return {
    /**
     * Runs `work` (mails and the record of their delivery) without making the caller wait, and keeps
     * it until it settles (see `settle`). A failure is logged (addresses hidden) as `what failed`,
     * never thrown. Called after the caller's transaction commits (see `afterCommit`).
     */
    later(what: string, work: () => Promise<unknown>): void {
      const task: Promise<void> = Promise.resolve()
        .then(work)
        .then(
          () => undefined,
          (error: unknown) => {
            strapi.log.warn(`${what} failed: ${redactAddresses((error as Error)?.message ?? String(error))}`);
          }
        )
        .finally(() => afterAnswer.delete(task));
      afterAnswer.add(task);
    },

    /**
     * `later(what, work)` once the caller's database transaction commits (Strapi runs document
     * middlewares and lifecycles inside it; nothing happens if it rolls back), or at once outside a
     * transaction.
     */
    afterCommit(what: string, work: () => Promise<unknown>): void {
      if (!strapi.db.inTransaction()) {
        this.later(what, work);
        return;
      }
      // A nested `transaction` shares the caller's commit callbacks (@strapi/database transaction-context).
      void strapi.db.transaction(({ onCommit }) => {
        onCommit(() => this.later(what, work));
        return Promise.resolve();
      });
    },

    /**
     * Waits for the work still running after answers (mails, their delivery record), at most
     * `timeoutMs` milliseconds; called by the plugin's destroy before Strapi closes the database.
     * Never throws.
     */
    async settle(timeoutMs = 10_000): Promise<void> {
      if (!afterAnswer.size) return;
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...afterAnswer]), limit]);
      clearTimeout(timer);
    },

    /** Whether mails can leave this server (a mail provider other than the default sendmail, or `delivery: email`). */
    configured(): boolean {
      return mode() === 'email';
    },

    adminLink(documentId: string, locale: string): string {
      return `${adminBase()}/content-manager/collection-types/plugin::solidarity.practice/${documentId}?plugins[i18n][locale]=${locale}`;
    },

    /**
     * Editors hear of a new submission (no contact details: the link leads to them), each in their
     * language (that of the admin user with their address, else the default content locale; one mail
     * per language); the contact gets an acknowledgement in the submission's language. The editors'
     * state is the worst of their mails' (failed, then not-configured, then sent).
     */
    async submitted(s: SubmittedMail): Promise<{ editors: Delivery; contact: Delivery }> {
      const { editors } = submissionsConfig(strapi).notifications;
      const byLanguage = new Map<string, string[]>();
      if (editors.length) {
        const users: { email: string | null; preferedLanguage?: string | null }[] = await strapi.db
          .query('admin::user')
          .findMany({ where: { email: { $in: editors.map((e) => e.toLowerCase()) } }, select: ['email', 'preferedLanguage'] });
        const fallback = await getService(strapi, 'locales').defaultLocale();
        for (const address of editors) {
          const preferred = users.find((u) => u.email?.toLowerCase() === address.toLowerCase())?.preferedLanguage;
          const language = preferred && (MAIL_LOCALES as readonly string[]).includes(preferred) ? preferred : fallback;
          byLanguage.set(language, [...(byLanguage.get(language) ?? []), address]);
        }
      }
      const notice = (language: string, to: string[]) => {
        const w = textsFor(language);
        const lines = [
          w.editors.intro(network()),
          '',
          `${w.editors.title}: ${s.title}`,
          `${w.editors.language}: ${s.locale}`,
          ...(s.callTitle ? [`${w.editors.call}: ${s.callTitle}`] : []),
          ...(s.origin ? [`${w.editors.from}: ${s.origin}`] : []),
          '',
          s.summary,
          '',
          `${w.editors.review}: ${this.adminLink(s.documentId, s.locale)}`,
        ];
        return send({ audience: 'editors', to, subject: w.editorsSubject(s.title, network()), text: lines.join('\n') });
      };
      const toEditors = byLanguage.size
        ? Promise.all([...byLanguage].map(([language, to]) => notice(language, to))).then(worst)
        : Promise.resolve<Delivery>('skipped');
      const t = textsFor(s.locale);
      const toContact = send({
        audience: 'contact',
        to: s.contact.email,
        subject: t.ackSubject(s.title),
        text: t.ack({ name: s.contact.name, title: s.title, network: network(), id: s.documentId }),
      });
      const [e, c] = await Promise.all([toEditors, toContact]);
      return { editors: e, contact: c };
    },

    /** The completion link, to the contact (texts in the submission's language: ./completion/texts.ts). */
    async completionLink(p: { to: string; subject: string; text: string }): Promise<Delivery> {
      return send({ audience: 'contact', to: p.to, subject: p.subject, text: p.text });
    },

    /** Editors hear that a contact sent their completed fiche (`skipped` when no editor is configured). */
    async completed(p: { documentId: string; locale: string; title: string; fields: string[] }): Promise<Delivery> {
      const { editors } = submissionsConfig(strapi).notifications;
      if (!editors.length) return 'skipped';
      const lines = [
        `The contact of a submission to ${network()} completed its fiche through their link.`,
        '',
        `Title: ${p.title}`,
        `Language: ${p.locale}`,
        `Fields changed: ${p.fields.length ? p.fields.join(', ') : 'none'}`,
        '',
        `Review it: ${this.adminLink(p.documentId, p.locale)}`,
      ];
      return send({ audience: 'editors', to: editors, subject: `[${network()}] Fiche completed: ${p.title}`, text: lines.join('\n') });
    },

    /** The reviewer's request for information, to the contact, in the submission's language. */
    async requestInfo(p: { documentId: string; locale: string; title: string; note: string; contact: { name: string; email: string } }): Promise<Delivery> {
      const t = textsFor(p.locale);
      return send({
        audience: 'contact',
        to: p.contact.email,
        subject: t.infoSubject(p.title),
        text: t.info({ name: p.contact.name, title: p.title, network: network(), note: p.note, id: p.documentId }),
      });
    },

    /** The commission's decision on a submission, with its reason, to the contact, in the submission's language. */
    async decision(p: { documentId: string; locale: string; title: string; call: string; decision: Decision; reason: string; contact: { name: string; email: string } }): Promise<Delivery> {
      const t = textsFor(p.locale);
      return send({
        audience: 'contact',
        to: p.contact.email,
        subject: t.decisionSubject(p.decision, p.title),
        text: t.decision({ decision: p.decision, name: p.contact.name, title: p.title, call: p.call, network: network(), reason: p.reason, id: p.documentId }),
      });
    },

    /** The call's assessment page in the admin (plugins/solidarity/assessment/:callId). */
    assessmentLink(callId: string): string {
      return `${adminBase()}/plugins/solidarity/assessment/${callId}`;
    },

    /**
     * Tells one commission member that the call's assessment is open, in `language` (their admin
     * interface language, else the default content locale), with a link to the call's assessment page.
     */
    async assessmentOpen(p: { callId: string; call: string; count: number; language: string; member: { name: string; email: string | null } }): Promise<Delivery> {
      if (!p.member.email) return 'skipped';
      const t = textsFor(p.language);
      return send({
        audience: 'commission',
        to: p.member.email,
        subject: t.assessmentSubject(p.call, network()),
        text: t.assessment({ name: p.member.name, call: p.call, count: p.count, network: network(), link: this.assessmentLink(p.callId) }),
      });
    },
  };
};

export type NotificationsService = ReturnType<typeof notificationsService>;
export default notificationsService;
