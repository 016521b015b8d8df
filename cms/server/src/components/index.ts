import type { Core } from '@strapi/strapi';
import { SUBMISSION_LIMITS } from '../../../../cms/shared/limits';
import { PRACTICE_CRITERIA } from '../content-types/vocabulary';

/**
 * Components of the plugin. Strapi loads components only from the app's
 * `src/components`, so the plugin registers its own under the `solidarity`
 * category during `register`, the same shape the app loader produces.
 */
interface ComponentSchema {
  collectionName: string;
  info: { displayName: string; description?: string; icon?: string };
  options: Record<string, unknown>;
  attributes: Record<string, Record<string, unknown>>;
}

const CATEGORY = 'solidarity';

/**
 * The rule of a web address in the components (a link's `url`, a partner's `website`): Strapi checks
 * it case-sensitively at every save and publish, so `HTTP://…` is refused. Forms that store such an
 * address (the completion link) check it with this same pattern.
 */
export const WEB_ADDRESS_PATTERN = '^https?://\\S+$';

export const componentSchemas: Record<string, ComponentSchema> = {
  contact: {
    collectionName: 'components_solidarity_contacts',
    info: { displayName: 'Contact person', description: 'Private: never shown publicly.', icon: 'user' },
    options: {},
    attributes: {
      // the lengths a submission may give (cms/shared/limits.ts): a submitted contact always fits
      name: { type: 'string', required: true, maxLength: SUBMISSION_LIMITS.contactName[1] },
      email: { type: 'email', required: true },
      phone: { type: 'string', maxLength: SUBMISSION_LIMITS.phone },
      role: { type: 'string', maxLength: SUBMISSION_LIMITS.role[1] },
    },
  },
  link: {
    collectionName: 'components_solidarity_links',
    info: { displayName: 'Link', icon: 'link' },
    options: {},
    attributes: {
      label: { type: 'string', required: true, maxLength: 200 },
      url: { type: 'string', required: true, maxLength: SUBMISSION_LIMITS.url, regex: WEB_ADDRESS_PATTERN },
    },
  },
  speaker: {
    collectionName: 'components_solidarity_speakers',
    info: { displayName: 'Speaker', icon: 'microphone' },
    options: {},
    attributes: {
      name: { type: 'string', required: true, maxLength: 200 },
      role: { type: 'string', maxLength: 200 },
      organisation: { type: 'string', maxLength: 200 },
    },
  },
  criterion: {
    collectionName: 'components_solidarity_criteria',
    info: { displayName: 'Priority criterion', icon: 'check' },
    options: {},
    attributes: {
      label: { type: 'string', required: true, maxLength: 300 },
      description: { type: 'text', maxLength: 2000 },
      // the weight of this criterion in a call's ranking (assessment/ranking.ts); none is 1
      weight: { type: 'decimal', min: 0, max: 100, private: true },
    },
  },
  // the systematisation fiche (cms/shared/fiche.ts): a result with its figure, a partner and its role
  figure: {
    collectionName: 'components_solidarity_figures',
    info: { displayName: 'Result figure', description: 'A result with its figure: 1 200 families, 35 %.', icon: 'chartBubble' },
    options: {},
    attributes: {
      label: { type: 'string', required: true, maxLength: 200 },
      value: { type: 'decimal', required: true },
      unit: { type: 'string', maxLength: 40 },
    },
  },
  partner: {
    collectionName: 'components_solidarity_partners',
    info: { displayName: 'Partner', description: 'An organisation that took part, and its role.', icon: 'handHeart' },
    options: {},
    attributes: {
      name: { type: 'string', required: true, maxLength: 200 },
      website: { type: 'string', maxLength: SUBMISSION_LIMITS.url, regex: WEB_ADDRESS_PATTERN },
      role: { type: 'text', maxLength: 1000 },
    },
  },
  'criterion-tag': {
    collectionName: 'components_solidarity_criterion_tags',
    info: { displayName: 'Criterion tag', icon: 'priceTag' },
    options: {},
    attributes: {
      value: {
        type: 'enumeration',
        required: true,
        enum: [...PRACTICE_CRITERIA],
      },
    },
  },
};

const globalIdOf = (name: string): string =>
  `ComponentSolidarity${name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`;

export const registerComponents = (strapi: Core.Strapi): void => {
  const registry = strapi.get('components') as {
    get(uid: string): unknown;
    add(components: Record<string, unknown>): void;
  };
  const toAdd: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(componentSchemas)) {
    const uid = `${CATEGORY}.${name}`;
    if (registry.get(uid)) continue; // an app that copied them into src/components wins
    toAdd[uid] = {
      ...structuredClone(schema),
      __schema__: structuredClone(schema),
      uid,
      category: CATEGORY,
      modelType: 'component',
      modelName: name,
      globalId: globalIdOf(name),
    };
  }
  registry.add(toAdd);
};
