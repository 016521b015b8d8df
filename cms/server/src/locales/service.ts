import type { Core } from '@strapi/strapi';
import { strapiService, type I18nLocale } from '../services/strapi-services';

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

/** The locales configured in Strapi's i18n plugin, as one read. */
export interface LocaleList {
  /** every locale, in the order i18n lists them */
  locales: I18nLocale[];
  /** their codes (`en`, `ca`, ...) */
  codes: string[];
  /** the default locale's code */
  defaultLocale: string;
}

export interface LocaleService {
  ensureLocales(): Promise<string[]>;
  codes(): Promise<string[]>;
  defaultLocale(): Promise<string>;
  /** The locale list as i18n has it now (admin pages: a locale just added shows at once). */
  current(): Promise<LocaleList>;
  /** The locale list, reused for LOCALE_TTL_MS (public reads: the list changes only when an admin adds a locale). */
  cached(): Promise<LocaleList>;
}

/** How long `cached()` reuses the locale list, in milliseconds. */
export const LOCALE_TTL_MS = 5_000;

const localeService = ({ strapi }: { strapi: Core.Strapi }): LocaleService => {
  const i18n = () => strapiService(strapi, 'plugin::i18n.locales');
  let cache: { at: number; list: LocaleList } | null = null;
  const current = async (): Promise<LocaleList> => {
    const [locales, defaultLocale] = await Promise.all([i18n().find(), i18n().getDefaultLocale()]);
    return { locales, codes: locales.map((l) => l.code), defaultLocale };
  };
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
    current,
    async cached() {
      if (cache && Date.now() - cache.at < LOCALE_TTL_MS) return cache.list;
      const list = await current();
      cache = { at: Date.now(), list };
      return list;
    },
  };
};

export default localeService;
