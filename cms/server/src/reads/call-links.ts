import { UID } from '../content-types/uids';
import type { FilterModel, GetModel } from './filters';

/**
 * Rewrites public `filters` (already checked by ./filters.ts) so that the
 * links between a call and the practices it did not select after its results
 * (`hidden`, assessment/results.ts `hiddenCallLinks`) match nothing:
 *
 * - a condition on a practice's `call` also requires the practice not to be
 *   hidden (`documentId $notIn hidden`), at the practice's own level;
 * - a condition on a call's `practices` requires the related practice not to
 *   be hidden.
 *
 * The checked grammar adds `publishedAt $notNull` inside every relation
 * condition and forbids `$not` around one, so a relation condition never
 * matches a practice without a call: requiring "not hidden" next to it is
 * exactly the answer of a world where the hidden practices had no call.
 * Returns `filters` unchanged when `hidden` is empty.
 */
export const hideUnselectedLinks = (
  filters: Record<string, unknown>,
  model: FilterModel,
  getModel: GetModel,
  hidden: readonly string[]
): Record<string, unknown> => {
  if (!hidden.length) return filters;
  const notHidden = { documentId: { $notIn: [...hidden] } };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

  const node = (value: Record<string, unknown>, m: FilterModel): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    let ownerCondition = false;
    for (const [key, v] of Object.entries(value)) {
      if ((key === '$and' || key === '$or') && Array.isArray(v)) {
        out[key] = v.map((item) => (isObject(item) ? node(item, m) : item));
        continue;
      }
      if (key === '$not' && isObject(v)) {
        out[key] = node(v, m);
        continue;
      }
      const attr = Object.prototype.hasOwnProperty.call(m.attributes, key) ? m.attributes[key] : undefined;
      const type = attr?.type;
      if (!attr || !isObject(v) || (type !== 'relation' && type !== 'component')) {
        out[key] = v;
        continue;
      }
      const target = getModel(String(type === 'relation' ? attr.target : attr.component));
      if (!target) {
        out[key] = v;
        continue;
      }
      const inner = node(v, target);
      if (type === 'relation' && m.uid === UID.call && key === 'practices') {
        out[key] = { $and: [inner, notHidden] };
      } else {
        out[key] = inner;
        if (type === 'relation' && m.uid === UID.practice && key === 'call') ownerCondition = true;
      }
    }
    if (!ownerCondition) return out;
    // Strapi refuses a node that mixes operators and fields: each condition goes under $and
    return { $and: [...Object.entries(out).map(([k, v]) => ({ [k]: v })), notHidden] };
  };

  return node(filters, model);
};
