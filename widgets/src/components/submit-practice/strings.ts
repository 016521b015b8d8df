/**
 * Strings of the practice form, each locale in its own chunk (English too: the form cannot show
 * anything before its topics arrive, and its strings load alongside them). No DOM, no Lit.
 */
import type en from './locales/en.js';

export type FStrings = typeof en;
export type FKey = keyof FStrings;

const loaders: Record<string, () => Promise<{ default: FStrings }>> = {
  en: () => import('./locales/en.js'),
  ca: () => import('./locales/ca.js'),
  es: () => import('./locales/es.js'),
  el: () => import('./locales/el.js'),
  fr: () => import('./locales/fr.js'),
};

const cache: Record<string, Promise<FStrings>> = {};

/** The form strings of a UI locale; English when it is unknown or its chunk fails to load (a failure of English rejects). */
export const loadForm = (l: string): Promise<FStrings> =>
  (cache[l] ??= (loaders[l] ?? loaders.en)().then(
    (m) => m.default,
    (e: unknown) => {
      delete cache[l];
      if (l == 'en') throw e;
      return loadForm('en');
    }
  ));
