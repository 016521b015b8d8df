/**
 * The plugin's admin permissions (Settings > Roles > Plugins > Solidarity), defined once: the server
 * registers them (`cms/server/src/bootstrap.ts`) and checks them on its admin routes
 * (`submissions/review/routes.ts`, `embed/routes.ts`, `assessment/routes.ts`, `submissions/partner-admin.ts`); the admin pages ask for them
 * (`cms/admin/src/pluginId.ts`).
 *
 * No imports, no DOM, no Node.
 */

/** The permissions' uids, as registered (`uid` of Strapi's action provider, plugin `solidarity`). */
export const PERMISSION_UIDS = ['review', 'erase', 'embed', 'assess', 'decide', 'read-scores', 'partners'] as const;

/** One of PERMISSION_UIDS. */
export type PermissionUid = (typeof PERMISSION_UIDS)[number];

/** Each permission's action id, as Strapi composes it (`plugin::<plugin>.<uid>`) and roles store it. */
export const PERMISSION_ACTIONS = {
  review: 'plugin::solidarity.review',
  erase: 'plugin::solidarity.erase',
  embed: 'plugin::solidarity.embed',
  /** score a call's submissions as a member of its commission (assessment/routes.ts) */
  assess: 'plugin::solidarity.assess',
  /** record the commission's decision on a submission, and set a call's commission */
  decide: 'plugin::solidarity.decide',
  /** see every assessor's scores and the call's ranking */
  'read-scores': 'plugin::solidarity.read-scores',
  /** register partner sites, whose origins may send the submission form (submissions/partner-admin.ts) */
  partners: 'plugin::solidarity.partners',
} as const satisfies { [U in PermissionUid]: `plugin::solidarity.${U}` };
