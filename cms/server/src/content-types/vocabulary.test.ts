import { describe, expect, it } from 'vitest';
import { BUDGET_RANGES } from '../../../../cms/shared/fiche';
import { SUBMISSION_LIMITS } from '../../../../cms/shared/limits';
import { ACTION_FROM, REVIEW_ACTIONS as ADMIN_REVIEW_ACTIONS, STATUSES as ADMIN_STATUSES } from '../../../admin/src/pages/Submissions/types';
import widgetLabels from '../../../../widgets/src/locales/en';
import { componentSchemas } from '../components';
import { LICENCE_URLS } from '../feeds/documents';
import { TRANSITIONS } from '../submissions/review/service';
import organisation from './organisation/schema.json';
import practice from './practice/schema.json';
import session from './session/schema.json';
import statement from './statement/schema.json';
import {
  LICENCES,
  ORGANISATION_KINDS,
  PRACTICE_CRITERIA,
  PRACTICE_SOURCES,
  REVIEW_ACTIONS,
  REVIEW_STATUSES,
  SESSION_KINDS,
  SESSION_STATUSES,
  STATEMENT_KINDS,
} from './vocabulary';

/** The custom fields stored as an enumeration (custom-fields.ts registers them with `type: 'enumeration'`). */
const ENUM_CUSTOM_FIELDS = new Set(['plugin::solidarity.review-status', 'plugin::solidarity.session-status']);

/** An enumeration as Strapi stores it: a plain `enumeration` attribute, or one of ENUM_CUSTOM_FIELDS. */
const isEnumeration = (a: { type?: string; customField?: string } | undefined): boolean =>
  a?.type === 'enumeration' || (a?.type === 'customField' && ENUM_CUSTOM_FIELDS.has(a.customField ?? ''));

const enumOf = (schema: { attributes: Record<string, unknown> }, attribute: string): unknown => {
  const a = schema.attributes[attribute] as { type?: string; customField?: string; enum?: unknown } | undefined;
  expect(isEnumeration(a), `${attribute} is an enumeration`).toBe(true);
  return a?.enum;
};

describe('vocabulary', () => {
  it('is what the schema.json files declare, in the same order', () => {
    expect(enumOf(organisation, 'kind')).toEqual([...ORGANISATION_KINDS]);
    expect(enumOf(practice, 'licence')).toEqual([...LICENCES]);
    expect(enumOf(practice, 'reviewStatus')).toEqual([...REVIEW_STATUSES]);
    expect(enumOf(practice, 'source')).toEqual([...PRACTICE_SOURCES]);
    expect(enumOf(practice, 'budgetRange')).toEqual([...BUDGET_RANGES]);
    expect(enumOf(session, 'kind')).toEqual([...SESSION_KINDS]);
    expect(enumOf(session, 'scheduleStatus')).toEqual([...SESSION_STATUSES]);
    expect(enumOf(statement, 'kind')).toEqual([...STATEMENT_KINDS]);
    const tag = componentSchemas['criterion-tag'];
    expect(tag && enumOf(tag, 'value')).toEqual([...PRACTICE_CRITERIA]);
  });

  it('covers every enumeration of the content model', () => {
    const declared = [organisation, practice, session, statement].flatMap((schema) =>
      Object.entries(schema.attributes as Record<string, { type?: string; customField?: string }>)
        .filter(([, a]) => isEnumeration(a))
        .map(([name]) => `${schema.info.singularName}.${name}`)
    );
    expect(declared.sort()).toEqual(
      ['organisation.kind', 'practice.budgetRange', 'practice.licence', 'practice.reviewStatus', 'practice.source', 'session.kind', 'session.scheduleStatus', 'statement.kind'].sort()
    );
  });

  it('gives every licence its legal code URL', () => {
    expect(Object.keys(LICENCE_URLS).sort()).toEqual([...LICENCES].sort());
  });

  it('is the one the admin review page uses, with the same transitions as the server', () => {
    expect(ADMIN_STATUSES).toBe(REVIEW_STATUSES);
    expect(ADMIN_REVIEW_ACTIONS).toBe(REVIEW_ACTIONS);
    for (const action of REVIEW_ACTIONS) expect(ACTION_FROM[action], action).toEqual(TRANSITIONS[action].from);
  });

  it('has a label in the widgets for every criterion and kind they show', () => {
    const labels: Record<string, unknown> = widgetLabels;
    for (const value of [...PRACTICE_CRITERIA, ...SESSION_KINDS, ...STATEMENT_KINDS]) {
      expect(typeof labels[value], value).toBe('string');
    }
  });
});

/** A stored attribute's `maxLength`, or undefined. */
const maxLengthOf = (schema: { attributes: Record<string, unknown> }, attribute: string): unknown =>
  (schema.attributes[attribute] as { maxLength?: unknown } | undefined)?.maxLength;

/** The upper bound of a SUBMISSION_LIMITS entry (`[min, max]` or a maximum). */
const upper = (limit: number | readonly [number, number]): number => (typeof limit === 'number' ? limit : limit[1]);

describe('stored field lengths', () => {
  // Each stored field a submission (or a promoter it names) fills keeps the maximum the submission's
  // validation and the form use (cms/shared/limits.ts): a bigger one lets editors store what the form
  // refuses, a smaller one makes an accepted submission fail to save.
  it.each([
    ['practice.title', practice, 'title', upper(SUBMISSION_LIMITS.title)],
    ['practice.summary', practice, 'summary', upper(SUBMISSION_LIMITS.summary)],
    ['practice.municipality', practice, 'municipality', SUBMISSION_LIMITS.place],
    ['practice.region', practice, 'region', SUBMISSION_LIMITS.place],
    ['organisation.name', organisation, 'name', upper(SUBMISSION_LIMITS.promoterName)],
    ['organisation.website', organisation, 'website', SUBMISSION_LIMITS.url],
    ['contact.name', componentSchemas['contact'], 'name', upper(SUBMISSION_LIMITS.contactName)],
    ['contact.phone', componentSchemas['contact'], 'phone', SUBMISSION_LIMITS.phone],
    ['contact.role', componentSchemas['contact'], 'role', upper(SUBMISSION_LIMITS.role)],
    ['link.url', componentSchemas['link'], 'url', SUBMISSION_LIMITS.url],
  ] as const)('%s is as long as the shared submission limit', (_name, schema, attribute, limit) => {
    expect(schema, _name).toBeDefined();
    expect(maxLengthOf(schema!, attribute)).toBe(limit);
  });
});
