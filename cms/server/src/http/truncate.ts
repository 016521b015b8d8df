/**
 * `text` cut to at most `max` UTF-16 code units without splitting a code point: a surrogate pair is
 * kept whole or dropped whole (a lone surrogate is refused by PostgreSQL's json/jsonb and is not valid
 * UTF-8). With `ellipsis`, a cut text ends in `…`, counted within `max`. Units are UTF-16 code units,
 * the unit of the schema's `maxLength` and of `String#length`.
 */
export const truncateText = (text: string, max: number, ellipsis = false): string => {
  if (text.length <= max) return text;
  const room = Math.max(0, ellipsis ? max - 1 : max);
  let end = room;
  // a high surrogate at the cut would leave its pair's low half out: cut before it
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}${ellipsis ? '…' : ''}`;
};
