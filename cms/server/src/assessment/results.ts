import type { Core } from '@strapi/strapi';
import { UID } from '../content-types/uids';
import { ASSESSMENT_UID } from './uids';

/**
 * The public `call` filter of practices after a call's results: of the calls
 * `callIds` (documentIds), those in the `results` phase (as published) and the
 * practices their commission selected. A practice linked to such a call shows
 * under it only when selected; the other calls keep all their published practices.
 */
export const callResults = async (strapi: Core.Strapi, callIds: string[]): Promise<{ decided: string[]; selected: string[] }> => {
  if (!callIds.length) return { decided: [], selected: [] };
  const calls = (await strapi.db.query(UID.call).findMany({
    where: { documentId: { $in: callIds }, publishedAt: { $notNull: true }, phase: 'results' },
    select: ['documentId'],
  })) as { documentId: string }[];
  const decided = [...new Set(calls.map((c) => c.documentId))];
  if (!decided.length) return { decided, selected: [] };
  const rows = (await strapi.db.query(ASSESSMENT_UID.decision as never).findMany({
    where: { callDocumentId: { $in: decided }, decision: 'selected' },
    select: ['practiceDocumentId'],
  })) as { practiceDocumentId: string }[];
  return { decided, selected: [...new Set(rows.map((r) => r.practiceDocumentId))] };
};
