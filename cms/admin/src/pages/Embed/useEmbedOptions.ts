import * as React from 'react';
import { useDebounce } from '@strapi/strapi/admin';
import { practiceSlugIn, slugInLocale, type EmbedSettings, type LocalizedPractice, type Theme } from '../../embed/snippet';
import { publicRead, type OneAnswer } from '../../utils/publicApi';
import { countryOptions, type CountryOption } from './countries';
import type { EmbedConfig } from './useEmbedConfig';
import { usePublicList, type PublicList } from './usePublicList';

/** A topic, organisation, call or practice as the public API lists it (only what the selects show). */
export interface Named {
  slug: string;
  /** the document, the same in every locale (a call's slug differs by locale) */
  documentId?: string;
  name?: string;
  title?: string;
  country?: string | null;
}

/** The settings of a fresh Embed page: the practices list, in the page's language, 10 a page. */
export const INITIAL_SETTINGS: EmbedSettings = {
  widget: 'practices',
  locale: '',
  layout: 'list',
  pageSize: 10,
  when: 'upcoming',
  controls: [],
  theme: {},
};

/** The editor's settings and what the options form offers for them (useEmbedOptions's answer). */
export interface EmbedOptions {
  settings: EmbedSettings;
  /** sets one setting */
  set: <K extends keyof EmbedSettings>(key: K, value: EmbedSettings[K]) => void;
  /** sets one theme value ('' for the widgets' default) */
  setTheme: (key: keyof Theme, value: string) => void;
  /** the words typed in "Find a practice" (single-practice widget) */
  practiceQuery: string;
  setPracticeQuery: (q: string) => void;
  /** the locale the lists and the preview are read in: the chosen one, else the server's default */
  dataLocale: string;
  topics: PublicList<Named>;
  organisations: PublicList<Named>;
  calls: PublicList<Named>;
  /** practices matching practiceQuery (only read for the single-practice widget) */
  found: PublicList<Named>;
  /** the countries named by the organisations and practices read, labelled in the admin's language */
  countries: CountryOption[];
  /** the settings 300 ms after the last change, with dataLocale when no locale is chosen (for the preview) */
  previewSettings: EmbedSettings;
}

/**
 * The Embed page's settings and the public data its selects offer (topics, organisations, calls,
 * countries, practices), read in the chosen language once `config` is loaded; `uiLocale` is the
 * admin's language, for country names.
 */
export const useEmbedOptions = (config: EmbedConfig | null, uiLocale: string): EmbedOptions => {
  const [settings, setSettings] = React.useState<EmbedSettings>(INITIAL_SETTINGS);
  const [practiceQuery, setPracticeQuery] = React.useState('');

  // The chosen call's document, so that its slug follows the chosen locale (slugInLocale).
  const callDocument = React.useRef<string | undefined>(undefined);
  // The chosen practice's document (single-practice widget), so that its slug follows the chosen locale (practiceSlugIn).
  const practiceDocument = React.useRef<string | undefined>(undefined);
  const set = <K extends keyof EmbedSettings>(key: K, value: EmbedSettings[K]) => {
    // the document of the slug chosen, from the options shown; the same slug again (a select's change
    // event on blur, once the options are another language's) keeps the document known
    if (key === 'call') callDocument.current = calls.items.find((c) => c.slug === value)?.documentId ?? (value === settings.call ? callDocument.current : undefined);
    if (key === 'slug') practiceDocument.current = found.items.find((p) => p.slug === value)?.documentId ?? (value === settings.slug ? practiceDocument.current : undefined);
    setSettings((s) => ({ ...s, [key]: value }));
  };
  const setTheme = (key: keyof Theme, value: string) => setSettings((s) => ({ ...s, theme: { ...s.theme, [key]: value } }));

  // Data in the chosen language (or the default one when the snippet follows the page's language).
  const dataLocale = settings.locale || config?.defaultLocale || 'en';
  const topics = usePublicList<Named>('/topics', { locale: dataLocale, pageSize: 50, sort: 'name:asc' }, Boolean(config));
  const organisations = usePublicList<Named>('/organisations', { locale: dataLocale, pageSize: 50, sort: 'name:asc' }, Boolean(config));
  const calls = usePublicList<Named>('/calls', { locale: dataLocale, pageSize: 50 }, Boolean(config));
  const practicesForCountries = usePublicList<Named>('/practices', { locale: dataLocale, pageSize: 50 }, Boolean(config));
  const debouncedQuery = useDebounce(practiceQuery.trim(), 300);
  const found = usePublicList<Named>(
    '/practices',
    { locale: dataLocale, pageSize: 10, ...(debouncedQuery ? { q: debouncedQuery } : {}) },
    Boolean(config) && settings.widget === 'practice'
  );

  // Once the calls are read in another locale, the snippet names the chosen call by that locale's
  // slug (`locale="ca"` with the English slug would show nothing); a call without text there keeps its slug.
  React.useEffect(() => {
    if (calls.loading) return;
    setSettings((s) => {
      const slug = slugInLocale(s.call ?? '', callDocument.current, calls.items);
      return slug === (s.call ?? '') ? s : { ...s, call: slug };
    });
  }, [calls.items, calls.loading]);

  // The same for the chosen practice: read in the new locale by its documentId, it is named by that
  // locale's slug (the English slug can name another practice in Catalan); one without text there keeps its slug.
  React.useEffect(() => {
    const documentId = practiceDocument.current;
    if (!config || settings.widget !== 'practice' || !settings.slug || !documentId) return undefined;
    const controller = new AbortController();
    const read = (path: string, params: { locale: string }) =>
      publicRead<OneAnswer<LocalizedPractice>>(path, params, controller.signal).then((answer) => answer.data);
    void practiceSlugIn(settings.slug, documentId, dataLocale, read).then((slug) => {
      if (controller.signal.aborted || practiceDocument.current !== documentId) return;
      setSettings((s) => (s.slug && s.slug !== slug ? { ...s, slug } : s));
    });
    return () => controller.abort();
    // only a change of language (or of widget) renames the chosen practice: choosing one sets its slug in this language
  }, [dataLocale, settings.widget, config]);

  const countries = React.useMemo(
    () => countryOptions([...organisations.items, ...practicesForCountries.items], uiLocale),
    [organisations.items, practicesForCountries.items, uiLocale]
  );

  // The preview follows the settings with a short delay (typing in a text field does not reload it at each key).
  const debounced = useDebounce(settings, 300);
  const previewSettings: EmbedSettings = { ...debounced, locale: debounced.locale || dataLocale };

  return { settings, set, setTheme, practiceQuery, setPracticeQuery, dataLocale, topics, organisations, calls, found, countries, previewSettings };
};
