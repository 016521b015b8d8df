/**
 * The limits of a submitted good practice (`POST /api/solidarity/submissions`), defined once for
 * both sides: the server's validation (`cms/server/src/submissions/validation.ts`) and the
 * `<solidarity-submit-practice>` form's (`widgets/src/components/submit-practice/validate.ts`).
 *
 * No imports, no DOM, no Node: the server's `tsc` compiles it (CommonJS, into `dist/cms/shared/`)
 * and the widgets' esbuild bundles it into the form's chunk.
 */

/**
 * Lengths are in UTF-16 code units (JavaScript's `length`), counted after the text is normalised as
 * it is stored (control characters dropped, runs of spaces made one on one-line fields, trimmed).
 * `[min, max]` pairs are inclusive; a single number is a maximum.
 */
export const SUBMISSION_LIMITS = {
  /** The practice's title. */
  title: [3, 200],
  /** Its summary (the form counts down from the maximum). */
  summary: [10, 600],
  /** Its body, before normalisation (optional). */
  body: 20_000,
  /** Number of distinct topic slugs. */
  topics: [1, 5],
  /** Number of promoting organisations. */
  promoters: [1, 10],
  /** A promoting organisation's name. */
  promoterName: [2, 200],
  /** Municipality and region (optional). */
  place: 120,
  /** The contact person's name. */
  contactName: [2, 200],
  /** The contact person's role. */
  role: [2, 200],
  /** The contact's phone number (optional); see PHONE_PATTERN. */
  phone: 40,
  /** A web address (promoters' websites). */
  url: 2048,
  /** The contact's email address (RFC 5321's limit). */
  email: 254,
  /** The ALTCHA payload (base64 JSON). */
  altcha: 4096,
} as const;

/** A phone number: digits, spaces, `+ ( ) . - /`, 3 to SUBMISSION_LIMITS.phone characters, an optional leading `+`. */
export const PHONE_PATTERN = new RegExp(`^\\+?[0-9 ().\\-/]{3,${SUBMISSION_LIMITS.phone}}$`);

/**
 * The countries a practice (its territory, its promoters) may name: the 249 assigned ISO 3166-1
 * alpha-2 codes and XK (Kosovo, user-assigned but used by the EU and Intl), upper-case. Written as one
 * string (shorter in the form's bundle than a list). Not the runtime's ICU region names: those also
 * name EU, UN, UK, ZZ, withdrawn codes (SU, YU) and pseudo-regions (XA, QO).
 */
export const COUNTRIES: readonly string[] =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW'.match(/../g)!;
