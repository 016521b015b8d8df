import type { Core } from '@strapi/strapi';
import { strapiService } from '../services/strapi-services';
import { submissionsConfig } from './config';
import { SHIPPED_LOCALES } from '../../../../cms/shared/locales';

/** Languages the acknowledgement and the request for information are written in; others get English. */
export const MAIL_LOCALES = SHIPPED_LOCALES;
type MailLocale = (typeof MAIL_LOCALES)[number];

interface ContactTexts {
  ackSubject: (title: string) => string;
  ack: (p: { name: string; title: string; network: string; id: string }) => string;
  infoSubject: (title: string) => string;
  info: (p: { name: string; title: string; network: string; note: string; id: string }) => string;
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
export type Delivery = 'sent' | 'failed' | 'not-configured' | 'skipped';

const SEND_TIMEOUT_MS = 15_000;

interface Mail {
  to: string | string[];
  subject: string;
  text: string;
  /** who the mail is for, in logs (never the address) */
  audience: 'contact' | 'editors';
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
    const publicUrl = String(strapi.config.get('server.url') ?? '').replace(/\/+$/, '');
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
    /** Whether mails can leave this server (a mail provider other than the default sendmail, or `delivery: email`). */
    configured(): boolean {
      return mode() === 'email';
    },

    adminLink(documentId: string, locale: string): string {
      return `${adminBase()}/content-manager/collection-types/plugin::solidarity.practice/${documentId}?plugins[i18n][locale]=${locale}`;
    },

    /** Editors hear of a new submission (no contact details: the link leads to them); the contact gets an acknowledgement. */
    async submitted(s: SubmittedMail): Promise<{ editors: Delivery; contact: Delivery }> {
      const { editors } = submissionsConfig(strapi).notifications;
      const lines = [
        `A new practice was submitted to ${network()} and waits for review.`,
        '',
        `Title: ${s.title}`,
        `Language: ${s.locale}`,
        ...(s.callTitle ? [`Call: ${s.callTitle}`] : []),
        ...(s.origin ? [`Sent from: ${s.origin}`] : []),
        '',
        s.summary,
        '',
        `Review it (contact details are there): ${this.adminLink(s.documentId, s.locale)}`,
      ];
      const toEditors = editors.length
        ? send({ audience: 'editors', to: editors, subject: `[${network()}] New practice submitted: ${s.title}`, text: lines.join('\n') })
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
  };
};

export type NotificationsService = ReturnType<typeof notificationsService>;
export default notificationsService;
