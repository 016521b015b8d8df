/**
 * The country choices of the Embed page's country filter: the countries that the organisations and
 * practices read from the public API name, as `{ value: 'ES', label: 'Spain (ES)' }`, labels in the
 * admin's language (Intl.DisplayNames; the bare code where the runtime has no name), sorted by label.
 * Pure (no React, no DOM); unit-tested in countries.test.ts.
 */

/** A record of the public API that may name a country (ISO 3166-1 alpha-2, any case; others are ignored). */
export interface WithCountry {
  country?: string | null;
}

/** One option of a select: the stored value and what the editor reads. */
export interface CountryOption {
  value: string;
  label: string;
}

/** Distinct two-letter codes of `items`, upper-case, labelled and sorted in `uiLocale`. */
export const countryOptions = (items: readonly WithCountry[], uiLocale: string): CountryOption[] => {
  const codes = new Set<string>();
  for (const x of items) if (x.country && /^[A-Z]{2}$/i.test(x.country)) codes.add(x.country.toUpperCase());
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([uiLocale], { type: 'region' });
  } catch {
    names = null;
  }
  return [...codes]
    .map((code) => ({ value: code, label: `${names?.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, uiLocale));
};
