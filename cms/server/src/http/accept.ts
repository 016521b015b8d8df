/**
 * Content negotiation on `Accept` (RFC 9110 section 12.5.1), for the few
 * places where a route answers in more than one media type (JSON or JSON-LD).
 *
 * Koa's `ctx.accepts` (the `negotiator` package) lets a media range match only
 * an offer with the same parameters, so `application/ld+json;
 * profile="http://schema.org"` would not match `application/ld+json` and the
 * client would get plain JSON. Here the parameters of a media range other than
 * its weight (`q`) do not take part in matching: this app offers each type in
 * one form, whatever profile a client names. Otherwise the rules are
 * negotiator's: an offer takes the weight of the most specific range that
 * matches it (`type/subtype` over `type/*` over `*\/*`), `q=0` means "not
 * acceptable", and the best offer is the one with the highest weight, then the
 * most specific match, then the range listed first, then the offer listed first.
 */

interface Range {
  type: string;
  subtype: string;
  q: number;
  /** position in the header */
  order: number;
}

/** Splits `text` on `separator` outside double-quoted strings (which may hold commas, semicolons and `\"`). */
const splitOutsideQuotes = (text: string, separator: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted && c === '\\') {
      current += c + (text[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
};

const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The media ranges of an Accept header; a malformed one (no `/`, a bad `q`) is left out. */
export const parseAccept = (header: string): Range[] => {
  const ranges: Range[] = [];
  splitOutsideQuotes(header, ',').forEach((element, order) => {
    const [range = '', ...params] = splitOutsideQuotes(element, ';').map((p) => p.trim());
    const match = /^([^/\s]+)\/([^/\s]+)$/.exec(range.toLowerCase());
    if (!match) return;
    let q = 1;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((p) => p.trim());
      if (name.toLowerCase() !== 'q') continue;
      if (!QVALUE.test(value)) return;
      q = Number(value);
    }
    ranges.push({ type: match[1] as string, subtype: match[2] as string, q, order });
  });
  return ranges;
};

const specificity = (r: Range): number => (r.type === '*' ? 0 : r.subtype === '*' ? 1 : 2);

/**
 * The offer (`type/subtype`, without parameters) a client's `Accept` prefers,
 * or null when it accepts none of them. No Accept header (or an empty one)
 * accepts anything: the first offer.
 */
export const preferredMediaType = <T extends string>(accept: string | undefined, offers: readonly T[]): T | null => {
  if (!accept || !accept.trim()) return offers[0] ?? null;
  const ranges = parseAccept(accept);
  let best: { offer: T; q: number; s: number; order: number; index: number } | null = null;
  offers.forEach((offer, index) => {
    const [type, subtype] = offer.toLowerCase().split('/');
    let match: Range | null = null;
    for (const r of ranges) {
      const fits = (r.type === '*' || r.type === type) && (r.subtype === '*' || r.subtype === subtype);
      if (fits && (!match || specificity(r) > specificity(match))) match = r;
    }
    if (!match || match.q === 0) return;
    const candidate = { offer, q: match.q, s: specificity(match), order: match.order, index };
    const better =
      !best ||
      candidate.q > best.q ||
      (candidate.q === best.q && (candidate.s > best.s || (candidate.s === best.s && candidate.order < best.order)));
    if (better) best = candidate;
  });
  return (best as { offer: T } | null)?.offer ?? null;
};
