/**
 * ISO 3166-1 alpha-2 country codes: the 249 officially assigned codes (as listed by the IANA time zone
 * database's `iso3166.tab`, which follows the ISO 3166 Maintenance Agency), plus `XK` (Kosovo), the
 * user-assigned code the European Commission and Unicode CLDR use. One list for the Content Manager's
 * country picker, the schema rule the Content Manager and document service enforce, and the submission form.
 */
export const COUNTRY_CODES: readonly string[] = `
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH
ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT
HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS
LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG
SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
XK`
  .split(/\s+/)
  .filter(Boolean);

const KNOWN = new Set(COUNTRY_CODES);

/** True for a code of {@link COUNTRY_CODES} (upper case only: `es` is not a code, `ES` is). */
export const isCountryCode = (code: string): boolean => KNOWN.has(code);

/**
 * The same rule as a regular expression, for the `regex` of a `country` attribute: Strapi's entity
 * validator then refuses any other value with a 400 ValidationError, through the Content Manager as
 * through the document service.
 */
export const COUNTRY_PATTERN = `^(?:${COUNTRY_CODES.join('|')})$`;
