import ICAL from 'ical.js';
import { blocksToPlainText, safeUrl } from './blocks';
import { isPast, names, sessionEnd, type SessionDoc } from './documents';
import { labels } from './labels';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';
/** PRODID (RFC 5545 3.7.3) of each calendar: the product and which of its calendars made it. */
export const PRODID = {
  sessions: '-//Solidarity Commons//Sessions//EN',
  calls: '-//Solidarity Commons//Calls//EN',
} as const;
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
      'x-solidarity-organiser': { defaultType: 'text' },
      'x-solidarity-status': { defaultType: 'text' },
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

/**
 * Text as every calendar client reads it the same (RFC 5545 §3.3.11: TEXT has no control characters
 * but HTAB): line breaks (CRLF, CR, U+2028, U+2029, NEL) become LF, which is written as `\n`; other
 * C0 and C1 control characters, and TAB, are removed (TAB becomes a space).
 */
export const calendarText = (s: string): string =>
  s
    .replace(/\r\n|[\r\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');

/** Stringifies with CRLF line endings and strict folding, ending with CRLF. */
const serialize = (calendar: ICAL.Component): string => {
  const unfolded = ICAL.stringify.component(calendar.toJSON(), designSet)
    .replace(/\r\n[ \t]/g, '')
    // A safety net under calendarText (every text value goes through it): a CR left in a value
    // would end a content line for a lenient parser, and what follows would be read as properties.
    .replace(/\r(?:\\n)?(?!\n)/g, '\\n')
    // other control characters are not allowed in iCalendar TEXT (RFC 5545 section 3.3.11)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return `${unfolded.split(/\r\n/).map(foldLine).join(CRLF)}${CRLF}`;
};

/**
 * Whether a date can be written in iCalendar: a valid Date whose UTC year is within 1–9999
 * (RFC 5545 §3.3.4/§3.3.5 have four-digit years; ical.js cannot read `DTSTART:20000-1-01T0:0:`).
 */
const inCalendarRange = (d: Date): boolean => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999;

const utc = (d: Date) => ICAL.Time.fromJSDate(d, true);

const property = (name: string, params: Record<string, string | string[]>, type: string, value: string) =>
  new ICAL.Property([name, params, type, value]);

/** A TEXT property, its value cleaned by calendarText. */
const textProperty = (component: ICAL.Component, name: string, value: string, params: Record<string, string> = {}): void => {
  component.addProperty(property(name, params, 'text', calendarText(value)));
};

const HTTP = new Set(['http:', 'https:']);
const httpUrl = (url: string | null | undefined) => safeUrl(url, undefined, HTTP);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The head of every calendar: version, product, names (RFC 7986 NAME and X-WR-CALNAME), refresh hints, source. */
const calendarHead = (name: string, source: string, prodid: string): ICAL.Component => {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', prodid);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addProperty(property('name', {}, 'text', calendarText(name)));
  calendar.addProperty(property('x-wr-calname', {}, 'text', calendarText(name)));
  // RFC 7986 §5.7 and its older spelling (Outlook, Apple): how often subscribers should look again.
  calendar.addProperty(property('refresh-interval', { value: 'DURATION' }, 'duration', 'PT1H'));
  calendar.addProperty(property('x-published-ttl', {}, 'duration', 'PT1H'));
  calendar.addProperty(property('source', { value: 'URI' }, 'uri', source));
  return calendar;
};

export interface CalendarInput {
  /** NAME and X-WR-CALNAME (per locale: the caller words it in the requested locale) */
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
  /**
   * Days after its start that a moved session keeps its note, and that a cancelled session stays
   * in the calendar (plugin config `calendar.noticeDays`, default DEFAULT_NOTICE_DAYS). Infinity: a
   * cancelled session is always kept (the calendar of that one session).
   */
  noticeDays?: number;
}

/** Days a move or cancellation is news, unless the plugin config says otherwise. */
export const DEFAULT_NOTICE_DAYS = 30;

/** Whether the session's move or cancellation is still news: until `noticeDays` days after its start. */
const noticeDue = (s: SessionDoc, input: CalendarInput): boolean =>
  !s.startsAt || input.now.getTime() <= s.startsAt.getTime() + (input.noticeDays ?? DEFAULT_NOTICE_DAYS) * DAY_MS;

/** Whether a session belongs in the calendar: any but a cancelled one whose notice time is over. */
export const inCalendar = (s: SessionDoc, input: CalendarInput): boolean => s.scheduleStatus !== 'cancelled' || noticeDue(s, input);

/** The note on a moved or cancelled session (SUMMARY prefix, DESCRIPTION's first line), or null. */
const statusNote = (s: SessionDoc, input: CalendarInput): string | null => {
  const words = labels(input.locale);
  if (s.scheduleStatus === 'cancelled') return words.cancelled;
  if (s.scheduleStatus === 'moved' && noticeDue(s, input)) return words.moved;
  return null;
};

/**
 * Plain-text DESCRIPTION: the status note and its reason, summary, description, organisers, then
 * links: the join link (not past, not cancelled), or, once past, the recording and the minutes.
 */
const description = (s: SessionDoc, input: CalendarInput, past: boolean): string => {
  const words = labels(input.locale);
  const note = statusNote(s, input);
  const parts: string[] = [];
  if (note) parts.push(s.statusReason ? `${note}: ${s.statusReason}` : note);
  const texts = [s.summary ?? '', blocksToPlainText(s.description, { origin: input.origin })].filter((p) => p.trim());
  // The summary often opens the description: say it once.
  if (texts.length === 2 && texts[1]?.startsWith(texts[0] ?? '')) texts.shift();
  parts.push(...texts);
  const organisers = names(s.organisers);
  if (organisers.length) parts.push(`${words.organisers}: ${organisers.join(', ')}`);
  const join = httpUrl(s.joinUrl);
  const recording = httpUrl(s.recordingUrl);
  const links: string[] = [];
  if (!past && join && s.scheduleStatus !== 'cancelled') links.push(`${words.join}: ${join}`);
  if (past && recording) links.push(`${words.recording}: ${recording}`);
  const page = httpUrl(s.url);
  if (past && s.minutes?.length && page) links.push(`${words.minutes}: ${page}`);
  if (links.length) parts.push(links.join('\n'));
  return parts.join('\n\n');
};

const event = (s: SessionDoc, input: CalendarInput): ICAL.Component | null => {
  const start = s.startsAt;
  const end = sessionEnd(s);
  if (!start || !end) return null;
  const stamp = s.updatedAt ?? s.publishedAt ?? start;
  // The server refuses such dates; an older row could still have one: left out rather than a broken calendar.
  if (![start, end, stamp].every(inCalendarRange)) return null;
  const past = isPast(s, input.now);
  const cancelled = s.scheduleStatus === 'cancelled';
  const note = statusNote(s, input);
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', `${s.documentId}@${input.host}`);
  vevent.addPropertyWithValue('dtstamp', utc(stamp));
  vevent.addPropertyWithValue('dtstart', utc(start));
  // The server refuses an end before the start; an older row could still have one: then one hour.
  vevent.addPropertyWithValue('dtend', utc(end.getTime() < start.getTime() ? new Date(start.getTime() + 3600_000) : end));
  // RFC 5545 §3.8.7.4: grows with every change of time, place or status (content-types/session/rules.ts).
  vevent.addPropertyWithValue('sequence', s.sequence);
  textProperty(vevent, 'summary', note ? `${note}: ${s.title}` : s.title);
  const text = description(s, input, past);
  if (text) textProperty(vevent, 'description', text);
  const url = httpUrl(s.url);
  if (url) vevent.addPropertyWithValue('url', url);
  vevent.addPropertyWithValue('last-modified', utc(stamp));
  vevent.addPropertyWithValue('status', cancelled ? 'CANCELLED' : 'CONFIRMED');
  // A cancelled event takes no time in the subscriber's agenda.
  vevent.addPropertyWithValue('transp', cancelled ? 'TRANSPARENT' : 'OPAQUE');
  const join = httpUrl(s.joinUrl);
  if (join && !cancelled) {
    // RFC 7986 CONFERENCE, and LOCATION for the clients that show no CONFERENCE (Google, Outlook).
    vevent.addProperty(
      property('conference', { value: 'URI', feature: ['AUDIO', 'VIDEO'], label: calendarText(labels(input.locale).join) }, 'uri', join)
    );
    textProperty(vevent, 'location', join);
  }
  const recording = httpUrl(s.recordingUrl);
  if (past && recording) vevent.addPropertyWithValue('attach', recording);
  const topics = names(s.topics).map(calendarText);
  if (topics.length) {
    const categories = new ICAL.Property('categories');
    categories.setValues(topics);
    vevent.addProperty(categories);
  }
  // No ORGANIZER: RFC 5545 reserves it for scheduling (Outlook then shows a published event as an
  // invitation). The organisers are named in DESCRIPTION and here, one X- property each.
  for (const organiser of names(s.organisers)) textProperty(vevent, 'x-solidarity-organiser', organiser);
  if (s.scheduleStatus !== 'scheduled') textProperty(vevent, 'x-solidarity-status', s.scheduleStatus);
  return vevent;
};

/** An RFC 5545 calendar (with the RFC 7986 additions) of public sessions. */
export const renderCalendar = (input: CalendarInput): string => {
  const calendar = calendarHead(input.name, input.source, PRODID.sessions);
  for (const s of input.sessions) {
    if (!inCalendar(s, input)) continue;
    const vevent = event(s, input);
    if (vevent) calendar.addSubcomponent(vevent);
  }
  return serialize(calendar);
};

/** One deadline of the deadlines calendar: a call for practices, or an open-call statement. */
export interface Deadline {
  kind: 'call' | 'statement';
  documentId: string;
  title: string;
  /** the call's `closesAt`, the statement's `deadline` */
  deadline: Date;
  /** its public page */
  url: string | null;
  /** plain text: the call's description or the statement's summary */
  text: string | null;
  updatedAt: Date | null;
  /** the locale of the version shown (another than the calendar's when the document falls back) */
  locale?: string;
}

export interface DeadlinesInput {
  name: string;
  source: string;
  locale: string;
  host: string;
  deadlines: Deadline[];
}

/** `YYYYMMDD` of a date in UTC: an RFC 5545 DATE value. */
const dateValue = (d: Date) => ICAL.Time.fromData({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), isDate: true });

/**
 * The deadlines calendar: one all-day event on each deadline's day (in UTC; DTSTART;VALUE=DATE, DTEND
 * the next day, RFC 5545 §3.6.1), with the exact time in DESCRIPTION and an alarm a week before
 * (VALARM, TRIGGER:-P7D, §3.6.6). Events take no time (TRANSP:TRANSPARENT).
 */
export const renderDeadlines = (input: DeadlinesInput): string => {
  const words = labels(input.locale);
  const calendar = calendarHead(input.name, input.source, PRODID.calls);
  for (const d of input.deadlines) {
    // years outside 1–9999 (refused on save; an older row could have one): left out, see inCalendarRange
    const days = [d.deadline, new Date(d.deadline.getTime() + DAY_MS), d.updatedAt ?? d.deadline];
    if (!days.every(inCalendarRange)) continue;
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('uid', `deadline-${d.kind}-${d.documentId}@${input.host}`);
    vevent.addPropertyWithValue('dtstamp', utc(d.updatedAt ?? d.deadline));
    vevent.addPropertyWithValue('dtstart', dateValue(d.deadline));
    vevent.addPropertyWithValue('dtend', dateValue(new Date(d.deadline.getTime() + DAY_MS)));
    // the kind as a prefix, unless the title already starts with it ("Call for practices: ..."), in
    // the title's language: a fallback version's title (English on a Spanish calendar) gets an English
    // prefix, and the summary says its language (LANGUAGE, RFC 5545 §3.2.10)
    const own = d.locale && d.locale.toLowerCase() !== input.locale.toLowerCase() ? d.locale : undefined;
    const titleLocale = own ?? input.locale;
    const kinds = own ? labels(own) : words;
    const prefix = d.kind === 'call' ? kinds.call : kinds.openCall;
    const title = d.title.toLocaleLowerCase(titleLocale).startsWith(prefix.toLocaleLowerCase(titleLocale)) ? d.title : `${prefix}: ${d.title}`;
    textProperty(vevent, 'summary', title, own ? { language: own } : {});
    const when = `${words.deadline}: ${d.deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const url = httpUrl(d.url);
    textProperty(vevent, 'description', [when, d.text ?? '', url ?? ''].filter((p) => p.trim()).join('\n\n'));
    if (url) vevent.addPropertyWithValue('url', url);
    if (d.updatedAt) vevent.addPropertyWithValue('last-modified', utc(d.updatedAt));
    vevent.addPropertyWithValue('transp', 'TRANSPARENT');
    const alarm = new ICAL.Component('valarm');
    alarm.addPropertyWithValue('action', 'DISPLAY');
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromString('-P7D'));
    textProperty(alarm, 'description', `${words.deadlineInAWeek}: ${d.title}`);
    vevent.addSubcomponent(alarm);
    calendar.addSubcomponent(vevent);
  }
  return serialize(calendar);
};
