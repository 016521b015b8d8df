import type { Core } from '@strapi/strapi';
import { UID, type ContentTypeName } from '../content-types/uids';
import { strapiService } from '../services/strapi-services';
import { REVIEW_FIELDS } from '../submissions/review/rules';

interface Layout {
  mainField: string;
  list: string[];
  sortBy: string;
  order: 'ASC' | 'DESC';
}

/**
 * Useful list columns and default sort for editors in the Content Manager. After these come i18n's
 * "Available in" (about 250 px of locale names) and the draft/published status column, so we keep two
 * or three narrow columns: Strapi writes dates in full ("Monday, November 30, 2026 at 3:35 PM") and
 * clips titles at 30rem, and with one more column the status column is scrolled out of sight at
 * 1440 px (the admin e2e test checks it at 1440 x 900). Editors can add columns in "Configure the view";
 * the list stays sorted by `sortBy`.
 */
export const LAYOUTS: Record<ContentTypeName, Layout> = {
  topic: { mainField: 'name', list: ['name', 'slug'], sortBy: 'name', order: 'ASC' },
  organisation: { mainField: 'name', list: ['name', 'country'], sortBy: 'name', order: 'ASC' },
  call: { mainField: 'title', list: ['title', 'closesAt'], sortBy: 'closesAt', order: 'DESC' },
  practice: { mainField: 'title', list: ['title', 'reviewStatus'], sortBy: 'updatedAt', order: 'DESC' },
  session: { mainField: 'title', list: ['title', 'startsAt'], sortBy: 'startsAt', order: 'DESC' },
  statement: { mainField: 'title', list: ['title', 'issuedOn'], sortBy: 'issuedOn', order: 'DESC' },
};

/** Bump when LAYOUTS changes so existing installs get the new defaults once. */
const LAYOUT_VERSION = 7;

/** `reviewStatus` → `Review status`, for labels editors read. */
export const humanize = (field: string): string => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const LABELS: Record<string, string> = {
  contact: 'Contact person (private)',
  reviewStatus: 'Review status (private)',
  reviewNotes: 'Review notes (private)',
  submittedAt: 'Submitted at (private)',
  source: 'Source (private)',
  memberOf: 'Member of',
  startsAt: 'Starts at (UTC)',
  endsAt: 'Ends at (UTC)',
  timezone: 'Time zone (IANA, e.g. Europe/Madrid)',
  spokenLanguages: 'Spoken languages (JSON list, e.g. ["ca", "es"])',
  scheduleStatus: 'Status (scheduled, moved, cancelled: shown to calendar subscribers)',
  statusReason: 'Reason for the move or cancellation',
  // the systematisation fiche (cms/shared/fiche.ts); which of resources, budget, figures and partners
  // are private is the network's choice (plugin option fiche.privateFields), shown on the Submissions page
  context: 'Context and need',
  beneficiaries: 'Who it serves (beneficiaries)',
  activities: 'What was done (activities)',
  budgetRange: 'Budget range (euros)',
  budgetDetails: 'Budget details (private unless the network publishes them)',
  figures: 'Results in figures',
  replicability: 'What others can replicate',
  lessons: 'Lessons learned',
  partners: 'Partners and their roles',
};

interface CmConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { list?: Record<string, unknown>; edit?: Record<string, unknown> }>;
  layouts: { list: string[]; edit: unknown };
}

export interface CmContentTypes {
  findContentType(uid: string): { uid: string } | undefined;
  findConfiguration(ct: { uid: string }): Promise<CmConfiguration>;
  updateConfiguration(ct: { uid: string }, config: Partial<CmConfiguration>): Promise<unknown>;
}

const adminLayoutService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Applies LAYOUTS once per LAYOUT_VERSION; after that, what editors choose
   * in "Configure the view" is kept.
   */
  async apply(): Promise<boolean> {
    const store = strapi.store({ type: 'plugin', name: 'solidarity' });
    const applied = (await store.get({ key: 'admin-layout-version' })) as number | null;
    if (applied === LAYOUT_VERSION) return false;
    const cm = strapiService(strapi, 'plugin::content-manager.content-types');
    for (const [name, layout] of Object.entries(LAYOUTS) as [ContentTypeName, Layout][]) {
      const contentType = cm.findContentType(UID[name]);
      if (!contentType) continue;
      const current = await cm.findConfiguration(contentType);
      await cm.updateConfiguration(contentType, {
        settings: {
          ...current.settings,
          mainField: layout.mainField,
          defaultSortBy: layout.sortBy,
          defaultSortOrder: layout.order,
        },
        metadatas: Object.fromEntries(
          Object.entries(current.metadatas).map(([field, meta]) => {
            const label = LABELS[field] ?? humanize(field);
            // The review history is written by the review workflow only.
            // A session's SEQUENCE is counted by the server (content-types/session/rules.ts).
            if (field === 'reviewHistory' || field === 'sequence') {
              return [field, { ...meta, edit: { ...meta.edit, label, visible: false, editable: false } }];
            }
            // The other review fields are shown read-only: the server refuses any change made outside the
            // review actions of the Submissions page (rule 2 in submissions/review/rules.ts).
            const readOnly = (REVIEW_FIELDS as readonly string[]).includes(field) ? { editable: false } : {};
            return [
              field,
              {
                ...meta,
                ...(meta.edit ? { edit: { ...meta.edit, label, ...readOnly } } : {}),
                ...(meta.list ? { list: { ...meta.list, label: label.replace(/ \(.*\)$/, '') } } : {}),
              },
            ];
          })
        ),
        layouts: { ...current.layouts, list: layout.list },
      });
    }
    await store.set({ key: 'admin-layout-version', value: LAYOUT_VERSION });
    return true;
  },
});

export default adminLayoutService;
