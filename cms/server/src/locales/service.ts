import type { Core } from '@strapi/strapi';

/** Human names for the locales a network typically uses; others get their code. */
const LOCALE_NAMES: Record<string, string> = {
  en: 'English (en)',
  ca: 'Català (ca)',
  es: 'Español (es)',
  el: 'Ελληνικά (el)',
  fr: 'Français (fr)',
  it: 'Italiano (it)',
  pt: 'Português (pt)',
  de: 'Deutsch (de)',
  eu: 'Euskara (eu)',
  gl: 'Galego (gl)',
};

export interface LocaleService {
  ensureLocales(): Promise<string[]>;
  codes(): Promise<string[]>;
  defaultLocale(): Promise<string>;
}

interface I18nLocale {
  code: string;
  name: string;
  isDefault?: boolean;
}

interface I18nLocalesService {
  find(params?: Record<string, unknown>): Promise<I18nLocale[]>;
  create(locale: { code: string; name: string }): Promise<I18nLocale>;
  setDefaultLocale(params: { code: string }): Promise<void>;
  getDefaultLocale(): Promise<string>;
}

const localeService = ({ strapi }: { strapi: Core.Strapi }): LocaleService => {
  const i18n = (): I18nLocalesService =>
    strapi.plugin('i18n').service('locales') as unknown as I18nLocalesService;
  const config = () => ({
    locales: strapi.plugin('solidarity').config('locales') as string[],
    defaultLocale: strapi.plugin('solidarity').config('defaultLocale') as string,
  });

  return {
    /** Creates the configured locales that are missing; sets the default on a fresh database. */
    async ensureLocales() {
      const { locales, defaultLocale } = config();
      const existing = await i18n().find();
      const have = new Set(existing.map((l) => l.code));
      for (const code of locales) {
        if (have.has(code)) continue;
        try {
          await i18n().create({ code, name: LOCALE_NAMES[code] ?? code });
        } catch (error) {
          // Another instance created it at the same moment.
          const again = await i18n().find({ code });
          if (!again.length) throw error;
        }
      }
      const current = await i18n().getDefaultLocale();
      if (current !== defaultLocale && existing.length <= 1) {
        await i18n().setDefaultLocale({ code: defaultLocale });
      }
      return locales;
    },
    async codes() {
      return (await i18n().find()).map((l) => l.code);
    },
    async defaultLocale() {
      return i18n().getDefaultLocale();
    },
  };
};

export default localeService;
