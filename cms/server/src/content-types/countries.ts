import { COUNTRIES } from '../../../../cms/shared/limits';

/**
 * ISO 3166-1 alpha-2 country codes: the 249 officially assigned codes (as listed by the IANA time zone
 * database's `iso3166.tab`, which follows the ISO 3166 Maintenance Agency), plus `XK` (Kosovo), the
 * user-assigned code the European Commission and Unicode CLDR use. One list (defined in cms/shared/limits.ts) for the
 * Content Manager's country picker, the schema rule the Content Manager and document service enforce, the
 * submission API and the submission form.
 */
export const COUNTRY_CODES: readonly string[] = COUNTRIES;

const KNOWN = new Set(COUNTRY_CODES);

/** True for a code of {@link COUNTRY_CODES} (upper case only: `es` is not a code, `ES` is). */
export const isCountryCode = (code: string): boolean => KNOWN.has(code);

/**
 * The same rule as a regular expression, for the `regex` of a `country` attribute: Strapi's entity
 * validator then refuses any other value with a 400 ValidationError, through the Content Manager as
 * through the document service.
 */
export const COUNTRY_PATTERN = `^(?:${COUNTRY_CODES.join('|')})$`;

const regionNames = new Map<string, Intl.DisplayNames | null>();

/**
 * The name of country `code` (ISO 3166-1 alpha-2, upper case) in `locale`, from Unicode CLDR as the
 * runtime's `Intl.DisplayNames` has it (Node's full ICU: `GR` is "Greece" in en, "Grècia" in ca,
 * "Ελλάδα" in el). The code itself when the runtime has no name for it or does not know the locale.
 */
export const countryName = (code: string, locale: string): string => {
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
};
