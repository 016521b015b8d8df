import { COUNTRY_PATTERN } from './countries';
import topic from './topic';
import organisation from './organisation';
import call from './call';
import practice from './practice';
import session from './session';
import statement from './statement';
import commissionMember from './commission-member';
import assessmentScore from './assessment-score';
import assessmentDecision from './assessment-decision';
import partnerSite from './partner-site';
import completionLink from './completion-link';

/**
 * A `country` attribute (the plugin's country custom field) accepts the codes of `COUNTRY_CODES` only:
 * the schema files say `^[A-Z]{2}$` for readers, the full list is put in here so that there is one list.
 */
const withCountryRule = <T extends { schema: { attributes: Record<string, Record<string, unknown>> } }>(ct: T): T => {
  for (const attribute of Object.values(ct.schema.attributes)) {
    if (attribute.customField === 'plugin::solidarity.country') attribute.regex = COUNTRY_PATTERN;
  }
  return ct;
};

export default {
  topic,
  organisation: withCountryRule(organisation),
  call,
  practice: withCountryRule(practice),
  session,
  statement,
  // private, written only through the assessment admin routes (assessment/)
  'commission-member': commissionMember,
  'assessment-score': assessmentScore,
  'assessment-decision': assessmentDecision,
  'partner-site': partnerSite,
  // private, written only through the completion link's routes (submissions/completion/)
  'completion-link': completionLink,
};
