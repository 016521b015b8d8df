import ICAL from 'ical.js';
import { blocksToPlainText, safeUrl } from './blocks';
import { isPast, names, organisationUrl, sessionEnd, type SessionDoc } from './documents';
import { labels } from './labels';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
export const PRODID = '-//Solidarity Commons//Sessions//EN';
const MAX_OCTETS = 75;
const CRLF = '\r\n';

type DesignSet = Parameters<typeof ICAL.stringify.component>[1];

/**
 * ical.js's iCalendar design, taught the RFC 7986 properties used here, so
 * that their values are written with the right type (and `FEATURE` as a list).
 */
const designSet = (() => {
  const base = ICAL.design.icalendar as DesignSet & { param: object; property: object };
  return {
    ...base,
    param: { ...base.param, feature: { multiValue: ',' } },
    property: {
      ...base.property,
      name: { defaultType: 'text' },
      'x-wr-calname': { defaultType: 'text' },
      'x-wr-caldesc': { defaultType: 'text' },
      'x-published-ttl': { defaultType: 'duration' },
      'refresh-interval': { defaultType: 'duration' },
      source: { defaultType: 'uri' },
      conference: { defaultType: 'uri' },
    },
  } as DesignSet;
})();

/** Byte length of one character in UTF-8. */
const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * RFC 5545 §3.1 folding: no line longer than 75 octets, the break never
 * inside a UTF-8 character, continuation lines starting with one space
 * (which counts towards their 75 octets). ical.js folds after 75 octets of
 * content, making continuation lines 76 octets long, so it is redone here.
 */
export const foldLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
};

/** Stringifies with CRLF line endings and strict folding, ending with CRLF. */
const serialize = (calendar: ICAL.Component): string => {
  const unfolded = ICAL.stringify.component(calendar.toJSON(), designSet)
    .replace(/\r\n[ \t]/g, '')
    // ical.js escapes a value's LF as `\n` but writes its CR as it is: a CR typed in a title (a CRLF
    // becomes CR + `\n`) would end a content line for a lenient parser, and what follows it would be
    // read as properties of their own. A value's CR, with the `\n` after it, is one escaped line break.
    .replace(/\r(?:\\n)?(?!\n)/g, '\\n')
    // other control characters are not allowed in iCalendar TEXT (RFC 5545 section 3.3.11)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return `${unfolded.split(/\r\n/).map(foldLine).join(CRLF)}${CRLF}`;
};

const utc = (d: Date) => ICAL.Time.fromJSDate(d, true);

const property = (name: string, params: Record<string, string | string[]>, type: string, value: string) =>
  new ICAL.Property([name, params, type, value]);

export interface CalendarInput {
  /** NAME and X-WR-CALNAME */
  name: string;
  /** the calendar's own URL (SOURCE) */
  source: string;
  /** the requested locale (labels) */
  locale: string;
  /** host part of the public origin: UIDs are `<documentId>@<host>` */
  host: string;
  origin: string;
  now: Date;
  sessions: SessionDoc[];
}

/** Plain-text DESCRIPTION: summary, description, then the join or recording link. */
const description = (s: SessionDoc, locale: string, origin: string, past: boolean): string => {
  const words = labels(locale);
  const parts = [s.summary ?? '', blocksToPlainText(s.description, { origin })].filter((p) => p.trim());
  // The summary often opens the description: say it once.
  if (parts.length === 2 && parts[1]?.startsWith(parts[0] ?? '')) parts.shift();
  const recording = safeUrl(s.recordingUrl, undefined, new Set(['http:', 'https:']));
  const join = safeUrl(s.joinUrl, undefined, new Set(['http:', 'https:']));
  if (past && recording) parts.push(`${words.recording}: ${recording}`);
  else if (!past && join) parts.push(`${words.join}: ${join}`);
  return parts.join('\n\n');
};

const event = (s: SessionDoc, input: CalendarInput): ICAL.Component | null => {
  const start = s.startsAt;
  const end = sessionEnd(s);
  if (!start || !end) return null;
  const past = isPast(s, input.now);
  const stamp = s.updatedAt ?? s.publishedAt ?? start;
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', `${s.documentId}@${input.host}`);
  vevent.addPropertyWithValue('dtstamp', utc(stamp));
  vevent.addPropertyWithValue('dtstart', utc(start));
  vevent.addPropertyWithValue('dtend', utc(end));
  vevent.addPropertyWithValue('summary', s.title);
  const text = description(s, input.locale, input.origin, past);
  if (text) vevent.addPropertyWithValue('description', text);
  const url = safeUrl(s.url, undefined, new Set(['http:', 'https:']));
  if (url) vevent.addPropertyWithValue('url', url);
  vevent.addPropertyWithValue('last-modified', utc(stamp));
  vevent.addPropertyWithValue('status', 'CONFIRMED');
  vevent.addPropertyWithValue('transp', 'OPAQUE');
  const join = safeUrl(s.joinUrl, undefined, new Set(['http:', 'https:']));
  if (join) {
    vevent.addProperty(
      property('conference', { value: 'URI', feature: ['AUDIO', 'VIDEO'], label: labels(input.locale).join }, 'uri', join)
    );
  }
  const recording = safeUrl(s.recordingUrl, undefined, new Set(['http:', 'https:']));
  if (past && recording) vevent.addPropertyWithValue('attach', recording);
  const topics = names(s.topics);
  if (topics.length) {
    const categories = new ICAL.Property('categories');
    categories.setValues(topics);
    vevent.addProperty(categories);
  }
  const organiser = s.organisers.find((o) => o.name);
  const organiserUri = organiser
    ? safeUrl(organisationUrl(organiser, input.origin), undefined, new Set(['http:', 'https:']))
    : null;
  if (organiser?.name && organiserUri) {
    const prop = new ICAL.Property('organizer');
    prop.setParameter('cn', organiser.name);
    prop.setValue(organiserUri);
    vevent.addProperty(prop);
  }
  return vevent;
};

/** An RFC 5545 calendar (with the RFC 7986 additions) of public sessions. */
export const renderCalendar = (input: CalendarInput): string => {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', PRODID);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addProperty(property('name', {}, 'text', input.name));
  calendar.addProperty(property('x-wr-calname', {}, 'text', input.name));
  calendar.addProperty(property('refresh-interval', { value: 'DURATION' }, 'duration', 'PT1H'));
  calendar.addProperty(property('x-published-ttl', {}, 'duration', 'PT1H'));
  calendar.addProperty(property('source', { value: 'URI' }, 'uri', input.source));
  for (const s of input.sessions) {
    const vevent = event(s, input);
    if (vevent) calendar.addSubcomponent(vevent);
  }
  return serialize(calendar);
};
