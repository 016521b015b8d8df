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
}

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
