import { PERMISSION_ACTIONS as ACTIONS } from '../../../cms/shared/permissions';

export const PLUGIN_ID = 'solidarity';

/** A translation id of this plugin: `solidarity.<key>`. */
export const tid = (key: string): string => `${PLUGIN_ID}.${key}`;

/** RBAC actions registered by the plugin's server bootstrap. */
export { PERMISSION_ACTIONS as ACTIONS } from '../../../cms/shared/permissions';

export const PERMISSIONS = {
  review: [{ action: ACTIONS.review, subject: null }],
  erase: [{ action: ACTIONS.erase, subject: null }],
  embed: [{ action: ACTIONS.embed, subject: null }],
  /** the assessment page is open to any of its three permissions */
  assessment: [
    { action: ACTIONS.assess, subject: null },
    { action: ACTIONS.decide, subject: null },
    { action: ACTIONS['read-scores'], subject: null },
  ],
  partners: [{ action: ACTIONS.partners, subject: null }],
};
