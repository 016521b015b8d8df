import { SHIPPED_LOCALES } from '../../../../../cms/shared/locales';

/**
 * The words of the completion page and of the link's mail, in the submitter's language (the link's
 * locale); any other language gets English. The fiche fields' headings, questions, budget ranges and
 * parts are the fiche's own words (cms/shared/fiche-labels.ts); here only the synthesis' fields
 * (summary, description, links) are named.
 */
export const PAGE_LANGUAGES = SHIPPED_LOCALES;
type PageLanguage = (typeof PAGE_LANGUAGES)[number];

/** The refusals a link can meet, each with its own page. */
export type LinkRefusal = 'expired' | 'revoked' | 'completed' | 'invalid' | 'forged';

export interface PageTexts {
  lang: string;
  title: string;
  intro(title: string, network: string): string;
  until(date: string): string;
  missing: string;
  optional: string;
  save: string;
  send: string;
  sendHint: string;
  saved: string;
  unchanged: string;
  problems: string;
  tooLong(max: number): string;
  notDate: string;
  notUrl: string;
  required: string;
  notNumber: string;
  notChoice: string;
  endBeforeStart: string;
  linkLabel: string;
  linkUrl: string;
  doneTitle: string;
  done(network: string): string;
  refusal: Record<LinkRefusal, { title: string; text: string }>;
  /** headings of the synthesis' fields (the fiche's own are cms/shared/fiche-labels.ts) */
  fields: Record<string, string>;
  mailSubject(title: string): string;
  mail(p: { name: string; title: string; network: string; url: string; until: string; id: string }): string;
}

const TEXTS: Record<PageLanguage, PageTexts> = {
  en: {
    lang: 'en',
    title: 'Complete the fiche of your practice',
    intro: (title, network) =>
      `The technical commission of ${network} asks you to complete the fiche of “${title}”. Fields marked “missing” are empty. ` +
      'Save as often as you like; when the fiche is complete, send it to the network.',
    until: (date) => `This private link is valid until ${date}.`,
    missing: 'missing',
    optional: 'optional',
    save: 'Save',
    send: 'Send it to the network',
    sendHint: 'Sending saves what is in the form and closes this link: it cannot be used again.',
    saved: 'Saved. You can go on, or send the fiche to the network when it is complete.',
    unchanged: 'Nothing was changed.',
    problems: 'Some fields need attention; nothing was saved:',
    tooLong: (max) => `is too long (at most ${max} characters)`,
    notDate: 'is not a date (year-month-day)',
    notUrl: 'must be a web address starting with http:// or https://',
    required: 'is required',
    notNumber: 'must be a number (at most 8 digits before the decimal point and 2 after)',
    notChoice: 'is not one of the choices',
    endBeforeStart: 'ends before it starts',
    linkLabel: 'Title of the link',
    linkUrl: 'Address',
    doneTitle: 'Thank you!',
    done: (network) => `Your fiche was sent to ${network}. The technical commission will review it. This link cannot be used again.`,
    refusal: {
      expired: { title: 'This link has expired', text: 'Ask the network’s team for a new link.' },
      revoked: { title: 'This link is no longer valid', text: 'It was replaced or withdrawn. If you still need to complete the fiche, ask the network for a new link.' },
      completed: {
        title: 'This fiche was already sent',
        text: 'This link was used to send the fiche to the network and cannot be used again. Write to the network if you want to change something.',
      },
      invalid: { title: 'This link is not valid', text: 'Check that you copied the whole address from the mail, or ask the network for a new link.' },
      forged: { title: 'The form could not be saved', text: 'Open the link from your mail again and retry.' },
    },
    fields: {
      summary: 'Summary',
      body: 'Description of the practice',
      links: 'Links',
    },
    mailSubject: (title) => `Complete the fiche of your practice: ${title}`,
    mail: ({ name, title, network, url, until, id }) =>
      `Dear ${name},\n\nThe technical commission of ${network} asks you to complete the fiche of “${title}”. ` +
      `Open this private link (no account is needed); it is valid until ${until}:\n\n${url}\n\n` +
      `Please do not forward it: whoever has it can edit the fiche until you send it.\n\nReference: ${id}\n\n${network}`,
  },
  ca: {
    lang: 'ca',
    title: 'Completeu la fitxa de la vostra pràctica',
    intro: (title, network) =>
      `La comissió tècnica de ${network} us demana que completeu la fitxa de «${title}». Els camps marcats «falta» són buits. ` +
      'Deseu tantes vegades com vulgueu; quan la fitxa sigui completa, envieu-la a la xarxa.',
    until: (date) => `Aquest enllaç privat és vàlid fins al ${date}.`,
    missing: 'falta',
    optional: 'opcional',
    save: 'Desa',
    send: 'Envia-la a la xarxa',
    sendHint: 'En enviar-la es desa el que hi ha al formulari i es tanca aquest enllaç: no es podrà tornar a fer servir.',
    saved: 'Desat. Podeu continuar, o enviar la fitxa a la xarxa quan sigui completa.',
    unchanged: 'No s’ha canviat res.',
    problems: 'Cal revisar alguns camps; no s’ha desat res:',
    tooLong: (max) => `és massa llarg (com a màxim ${max} caràcters)`,
    notDate: 'no és una data (any-mes-dia)',
    notUrl: 'ha de ser una adreça web que comenci per http:// o https://',
    required: 'és obligatori',
    notNumber: 'ha de ser un nombre (com a màxim 8 xifres abans de la coma i 2 després)',
    notChoice: 'no és cap de les opcions',
    endBeforeStart: 'acaba abans de començar',
    linkLabel: 'Títol de l’enllaç',
    linkUrl: 'Adreça',
    doneTitle: 'Gràcies!',
    done: (network) => `La vostra fitxa s’ha enviat a ${network}. La comissió tècnica la revisarà. Aquest enllaç ja no es pot tornar a fer servir.`,
    refusal: {
      expired: { title: 'Aquest enllaç ha caducat', text: 'Demaneu un enllaç nou a l’equip de la xarxa.' },
      revoked: { title: 'Aquest enllaç ja no és vàlid', text: 'S’ha substituït o retirat. Si encara heu de completar la fitxa, demaneu un enllaç nou a la xarxa.' },
      completed: {
        title: 'Aquesta fitxa ja s’ha enviat',
        text: 'Aquest enllaç es va fer servir per enviar la fitxa a la xarxa i no es pot tornar a fer servir. Escriviu a la xarxa si voleu canviar alguna cosa.',
      },
      invalid: { title: 'Aquest enllaç no és vàlid', text: 'Comproveu que heu copiat tota l’adreça del correu, o demaneu un enllaç nou a la xarxa.' },
      forged: { title: 'No s’ha pogut desar el formulari', text: 'Torneu a obrir l’enllaç del correu i torneu-ho a provar.' },
    },
    fields: {
      summary: 'Resum',
      body: 'Descripció de la pràctica',
      links: 'Enllaços',
    },
    mailSubject: (title) => `Completeu la fitxa de la vostra pràctica: ${title}`,
    mail: ({ name, title, network, url, until, id }) =>
      `Benvolgut/da ${name},\n\nLa comissió tècnica de ${network} us demana que completeu la fitxa de «${title}». ` +
      `Obriu aquest enllaç privat (no cal cap compte); és vàlid fins al ${until}:\n\n${url}\n\n` +
      `Si us plau, no el reenvieu: qui el tingui pot editar la fitxa fins que l’envieu.\n\nReferència: ${id}\n\n${network}`,
  },
  es: {
    lang: 'es',
    title: 'Complete la ficha de su práctica',
    intro: (title, network) =>
      `La comisión técnica de ${network} le pide que complete la ficha de «${title}». Los campos marcados «falta» están vacíos. ` +
      'Guarde tantas veces como quiera; cuando la ficha esté completa, envíela a la red.',
    until: (date) => `Este enlace privado es válido hasta el ${date}.`,
    missing: 'falta',
    optional: 'opcional',
    save: 'Guardar',
    send: 'Enviarla a la red',
    sendHint: 'Al enviarla se guarda lo que hay en el formulario y se cierra este enlace: no se podrá volver a usar.',
    saved: 'Guardado. Puede continuar, o enviar la ficha a la red cuando esté completa.',
    unchanged: 'No se ha cambiado nada.',
    problems: 'Hay que revisar algunos campos; no se ha guardado nada:',
    tooLong: (max) => `es demasiado largo (como máximo ${max} caracteres)`,
    notDate: 'no es una fecha (año-mes-día)',
    notUrl: 'debe ser una dirección web que empiece por http:// o https://',
    required: 'es obligatorio',
    notNumber: 'debe ser un número (como máximo 8 cifras antes de la coma y 2 después)',
    notChoice: 'no es ninguna de las opciones',
    endBeforeStart: 'termina antes de empezar',
    linkLabel: 'Título del enlace',
    linkUrl: 'Dirección',
    doneTitle: '¡Gracias!',
    done: (network) => `Su ficha se ha enviado a ${network}. La comisión técnica la revisará. Este enlace ya no se puede volver a usar.`,
    refusal: {
      expired: { title: 'Este enlace ha caducado', text: 'Pida un enlace nuevo al equipo de la red.' },
      revoked: { title: 'Este enlace ya no es válido', text: 'Se ha sustituido o retirado. Si aún tiene que completar la ficha, pida un enlace nuevo a la red.' },
      completed: {
        title: 'Esta ficha ya se ha enviado',
        text: 'Este enlace se usó para enviar la ficha a la red y no se puede volver a usar. Escriba a la red si quiere cambiar algo.',
      },
      invalid: { title: 'Este enlace no es válido', text: 'Compruebe que ha copiado toda la dirección del correo, o pida un enlace nuevo a la red.' },
      forged: { title: 'No se ha podido guardar el formulario', text: 'Vuelva a abrir el enlace del correo e inténtelo de nuevo.' },
    },
    fields: {
      summary: 'Resumen',
      body: 'Descripción de la práctica',
      links: 'Enlaces',
    },
    mailSubject: (title) => `Complete la ficha de su práctica: ${title}`,
    mail: ({ name, title, network, url, until, id }) =>
      `Estimado/a ${name}:\n\nLa comisión técnica de ${network} le pide que complete la ficha de «${title}». ` +
      `Abra este enlace privado (no hace falta ninguna cuenta); es válido hasta el ${until}:\n\n${url}\n\n` +
      `Por favor, no lo reenvíe: quien lo tenga puede editar la ficha hasta que usted la envíe.\n\nReferencia: ${id}\n\n${network}`,
  },
  el: {
    lang: 'el',
    title: 'Συμπληρώστε το δελτίο της πρακτικής σας',
    intro: (title, network) =>
      `Η τεχνική επιτροπή του ${network} σας ζητά να συμπληρώσετε το δελτίο της πρακτικής «${title}». Τα πεδία με την ένδειξη «λείπει» είναι κενά. ` +
      'Αποθηκεύστε όσες φορές θέλετε· όταν το δελτίο είναι πλήρες, στείλτε το στο δίκτυο.',
    until: (date) => `Αυτός ο ιδιωτικός σύνδεσμος ισχύει έως ${date}.`,
    missing: 'λείπει',
    optional: 'προαιρετικό',
    save: 'Αποθήκευση',
    send: 'Αποστολή στο δίκτυο',
    sendHint: 'Η αποστολή αποθηκεύει ό,τι υπάρχει στη φόρμα και κλείνει αυτόν τον σύνδεσμο: δεν θα μπορεί να χρησιμοποιηθεί ξανά.',
    saved: 'Αποθηκεύτηκε. Μπορείτε να συνεχίσετε ή να στείλετε το δελτίο στο δίκτυο όταν είναι πλήρες.',
    unchanged: 'Δεν άλλαξε τίποτα.',
    problems: 'Ορισμένα πεδία χρειάζονται διόρθωση· δεν αποθηκεύτηκε τίποτα:',
    tooLong: (max) => `είναι πολύ μεγάλο (έως ${max} χαρακτήρες)`,
    notDate: 'δεν είναι ημερομηνία (έτος-μήνας-ημέρα)',
    notUrl: 'πρέπει να είναι διεύθυνση ιστού που αρχίζει με http:// ή https://',
    required: 'είναι υποχρεωτικό',
    notNumber: 'πρέπει να είναι αριθμός (έως 8 ψηφία πριν από την υποδιαστολή και 2 μετά)',
    notChoice: 'δεν είναι μία από τις επιλογές',
    endBeforeStart: 'τελειώνει πριν αρχίσει',
    linkLabel: 'Τίτλος του συνδέσμου',
    linkUrl: 'Διεύθυνση',
    doneTitle: 'Σας ευχαριστούμε!',
    done: (network) => `Το δελτίο σας στάλθηκε στο ${network}. Η τεχνική επιτροπή θα το εξετάσει. Αυτός ο σύνδεσμος δεν μπορεί να χρησιμοποιηθεί ξανά.`,
    refusal: {
      expired: { title: 'Αυτός ο σύνδεσμος έληξε', text: 'Ζητήστε νέο σύνδεσμο από την ομάδα του δικτύου.' },
      revoked: { title: 'Αυτός ο σύνδεσμος δεν ισχύει πια', text: 'Αντικαταστάθηκε ή ανακλήθηκε. Αν πρέπει ακόμη να συμπληρώσετε το δελτίο, ζητήστε νέο σύνδεσμο από το δίκτυο.' },
      completed: {
        title: 'Αυτό το δελτίο έχει ήδη σταλεί',
        text: 'Ο σύνδεσμος χρησιμοποιήθηκε για την αποστολή του δελτίου στο δίκτυο και δεν μπορεί να χρησιμοποιηθεί ξανά. Γράψτε στο δίκτυο αν θέλετε να αλλάξετε κάτι.',
      },
      invalid: { title: 'Αυτός ο σύνδεσμος δεν είναι έγκυρος', text: 'Ελέγξτε ότι αντιγράψατε ολόκληρη τη διεύθυνση από το μήνυμα ή ζητήστε νέο σύνδεσμο από το δίκτυο.' },
      forged: { title: 'Η φόρμα δεν αποθηκεύτηκε', text: 'Ανοίξτε ξανά τον σύνδεσμο από το μήνυμά σας και δοκιμάστε πάλι.' },
    },
    fields: {
      summary: 'Περίληψη',
      body: 'Περιγραφή της πρακτικής',
      links: 'Σύνδεσμοι',
    },
    mailSubject: (title) => `Συμπληρώστε το δελτίο της πρακτικής σας: ${title}`,
    mail: ({ name, title, network, url, until, id }) =>
      `Αγαπητέ/ή ${name},\n\nΗ τεχνική επιτροπή του ${network} σας ζητά να συμπληρώσετε το δελτίο της πρακτικής «${title}». ` +
      `Ανοίξτε αυτόν τον ιδιωτικό σύνδεσμο (δεν χρειάζεται λογαριασμός)· ισχύει έως ${until}:\n\n${url}\n\n` +
      `Παρακαλούμε μην τον προωθήσετε: όποιος τον έχει μπορεί να επεξεργαστεί το δελτίο μέχρι να το στείλετε.\n\nΚωδικός: ${id}\n\n${network}`,
  },
  fr: {
    lang: 'fr',
    title: 'Complétez la fiche de votre pratique',
    intro: (title, network) =>
      `La commission technique de ${network} vous demande de compléter la fiche de « ${title} ». Les champs marqués « manquant » sont vides. ` +
      'Enregistrez aussi souvent que vous le souhaitez ; quand la fiche est complète, envoyez-la au réseau.',
    until: (date) => `Ce lien privé est valable jusqu’au ${date}.`,
    missing: 'manquant',
    optional: 'facultatif',
    save: 'Enregistrer',
    send: 'L’envoyer au réseau',
    sendHint: 'L’envoi enregistre le contenu du formulaire et ferme ce lien : il ne pourra plus être utilisé.',
    saved: 'Enregistré. Vous pouvez continuer, ou envoyer la fiche au réseau quand elle est complète.',
    unchanged: 'Rien n’a été modifié.',
    problems: 'Certains champs sont à revoir ; rien n’a été enregistré :',
    tooLong: (max) => `est trop long (au plus ${max} caractères)`,
    notDate: 'n’est pas une date (année-mois-jour)',
    notUrl: 'doit être une adresse web commençant par http:// ou https://',
    required: 'est obligatoire',
    notNumber: 'doit être un nombre (au plus 8 chiffres avant la virgule et 2 après)',
    notChoice: 'n’est pas l’un des choix',
    endBeforeStart: 'se termine avant de commencer',
    linkLabel: 'Titre du lien',
    linkUrl: 'Adresse',
    doneTitle: 'Merci !',
    done: (network) => `Votre fiche a été envoyée à ${network}. La commission technique l’examinera. Ce lien ne peut plus être utilisé.`,
    refusal: {
      expired: { title: 'Ce lien a expiré', text: 'Demandez un nouveau lien à l’équipe du réseau.' },
      revoked: { title: 'Ce lien n’est plus valable', text: 'Il a été remplacé ou retiré. Si vous devez encore compléter la fiche, demandez un nouveau lien au réseau.' },
      completed: {
        title: 'Cette fiche a déjà été envoyée',
        text: 'Ce lien a servi à envoyer la fiche au réseau et ne peut plus être utilisé. Écrivez au réseau si vous souhaitez modifier quelque chose.',
      },
      invalid: { title: 'Ce lien n’est pas valable', text: 'Vérifiez que vous avez copié toute l’adresse du message, ou demandez un nouveau lien au réseau.' },
      forged: { title: 'Le formulaire n’a pas pu être enregistré', text: 'Rouvrez le lien de votre message et réessayez.' },
    },
    fields: {
      summary: 'Résumé',
      body: 'Description de la pratique',
      links: 'Liens',
    },
    mailSubject: (title) => `Complétez la fiche de votre pratique : ${title}`,
    mail: ({ name, title, network, url, until, id }) =>
      `Bonjour ${name},\n\nLa commission technique de ${network} vous demande de compléter la fiche de « ${title} ». ` +
      `Ouvrez ce lien privé (aucun compte n’est nécessaire) ; il est valable jusqu’au ${until} :\n\n${url}\n\n` +
      `Merci de ne pas le transférer : quiconque l’a peut modifier la fiche jusqu’à ce que vous l’envoyiez.\n\nRéférence : ${id}\n\n${network}`,
  },
};

/** Whether the page speaks `locale` (else English). */
export const isPageLanguage = (locale: string | null | undefined): locale is PageLanguage =>
  typeof locale === 'string' && (PAGE_LANGUAGES as readonly string[]).includes(locale);

/** The page's and mail's words in `locale`, else English. */
export const pageTexts = (locale: string | null | undefined): PageTexts => TEXTS[isPageLanguage(locale) ? locale : 'en'];

/** A date (YYYY-MM-DD) as the language writes it, e.g. 21 December 2026 (Intl, UTC). */
export const longDate = (locale: string, date: Date): string =>
  new Intl.DateTimeFormat(isPageLanguage(locale) ? locale : 'en', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
