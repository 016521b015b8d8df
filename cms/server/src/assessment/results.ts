import type { Core } from '@strapi/strapi';
import { UID } from '../content-types/uids';
import { ASSESSMENT_UID } from './uids';

/**
 * The practices whose link to their call the public must not see: published
 * practices linked to a published call in the `results` phase that its
 * commission did not select (documentIds). After the results, a call shows
 * only its selected practices, and every public path (lists under `call=` or
 * `filters[call]…`, a call's `practices` in filters, facets' call counts, a
 * practice's own `call`) answers as if the others were not linked to it: the
 * set that was not selected cannot be worked out. Empty when no call is in
 * its results phase. One to three small queries.
 */
export const hiddenCallLinks = async (strapi: Core.Strapi): Promise<string[]> => {
  const calls = (await strapi.db.query(UID.call).findMany({
    where: { publishedAt: { $notNull: true }, phase: 'results' },
    select: ['documentId'],
  })) as { documentId: string }[];
  const decided = [...new Set(calls.map((c) => c.documentId))];
  if (!decided.length) return [];
  const linked = (await strapi.db.query(UID.practice).findMany({
    where: { publishedAt: { $notNull: true }, call: { documentId: { $in: decided }, publishedAt: { $notNull: true } } },
    select: ['documentId'],
    populate: { call: { select: ['documentId'] } },
  })) as { documentId: string; call?: { documentId: string } | null }[];
  if (!linked.length) return [];
  const selected = (await strapi.db.query(ASSESSMENT_UID.decision as never).findMany({
    where: { callDocumentId: { $in: decided }, decision: 'selected' },
    select: ['callDocumentId', 'practiceDocumentId'],
  })) as { callDocumentId: string; practiceDocumentId: string }[];
  const pairs = new Set(selected.map((s) => `${s.callDocumentId}|${s.practiceDocumentId}`));
  const hidden = linked.filter((p) => p.call && !pairs.has(`${p.call.documentId}|${p.documentId}`)).map((p) => p.documentId);
  return [...new Set(hidden)];
};
