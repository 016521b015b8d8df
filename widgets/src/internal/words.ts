/**
 * A comma or space separated attribute as a list ("topic, country" -> ["topic", "country"]): the
 * practices list's `controls`. Pure (unit-tested in Node); a module of its own, not in query.ts, so that
 * the chunk of a widget's own build that holds query.ts (src/loader.ts `pick`) does not hold it unless used.
 */
export const words = (v: string | null | undefined): string[] => (v || '').split(/[\s,]+/).filter(Boolean);
