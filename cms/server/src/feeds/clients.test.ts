import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { parseWithPython } from '../../../../test/helpers/python-parsers';
import { xmlSafe } from './blocks';
import { calendarText, renderCalendar, renderDeadlines, type Deadline } from './calendar';
import { asSession, type Json } from './documents';
import { LABEL_LOCALES, labels } from './labels';
import { feedEntries, renderFeed, type FeedFormat } from './syndication';

/*
 * Every feed and calendar, in every locale, with generated hostile text (fixed seed), read back by
 * two parsers nobody here wrote: calendars by ical.js and Python's icalendar, feeds by
 * @rowanmanning/feed-parser and Python's feedparser (bozo 0: no malformation at all). The samples
 * are drawn first, so that Python runs once for all of them.
 */
const SEED = 20261207;
const SAMPLES = 30;
const origin = 'https://commons.example';
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/** Text an editor could type or paste, biased to what breaks calendars and feeds. */
const hostileText = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          ']]>', '<b>', '&amp;', '&', '"', ';', ',', '\\', ':', '\r', '\n', '\r\n', '\t', '\u0000', '\u0001', '\u000b',
          '\u001f', '\u007f', '\u0085', '\u2028', 'é', 'Ελληνικά κείμενα', 'l·l', '😀', '👩🏽‍💻', '\uFEFF', ' ', 'END:VEVENT',
          'BEGIN:VALARM'
        ),
      },
      { weight: 1, arbitrary: fc.constantFrom('α'.repeat(120), 'x'.repeat(200), '😀'.repeat(50), 'a ]]> b '.repeat(20)) },
      { weight: 2, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) }
    ),
    { minLength: 1, maxLength: 10 }
  )
  .map((parts) => parts.join(''));

/** Text with something printable in it (a title is never blank). */
const titleText = hostileText.map((s) => `T ${s}`);

const samples = fc.sample(
  fc.record({
    title: titleText,
    summary: hostileText,
    reason: hostileText,
    organiser: titleText,
    topic: titleText,
    locale: fc.constantFrom(...LABEL_LOCALES),
    status: fc.constantFrom('scheduled', 'moved', 'cancelled'),
  }),
  { seed: SEED, numRuns: SAMPLES }
);

const now = new Date('2026-06-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

/** A calendar of three sessions (upcoming, past with minutes, one in the sample's status) with the sample's text. */
const sessionsCalendar = (s: (typeof samples)[number]): string =>
  renderCalendar({
    name: `Net ${s.title} — ${labels(s.locale).sessions}`,
    source: `${origin}/api/solidarity/sessions.ics?locale=${s.locale}`,
    locale: s.locale,
    host: 'commons.example',
    origin,
    now,
    sessions: [
      { id: 'up', startsAt: '2026-06-10T10:00:00Z', minutes: null },
      { id: 'past', startsAt: '2026-05-10T10:00:00Z', minutes: [{ type: 'paragraph', children: [{ type: 'text', text: s.summary }] }] },
    ].map((d) =>
      asSession({
        documentId: d.id,
        slug: d.id,
        locale: s.locale,
        url: `${origin}/api/solidarity/sessions/${d.id}?locale=${s.locale}`,
        updatedAt: '2026-05-01T08:00:00Z',
        title: s.title,
        summary: s.summary,
        description: [{ type: 'paragraph', children: [{ type: 'text', text: s.summary }] }],
        minutes: d.minutes,
        startsAt: d.startsAt,
        endsAt: null,
        joinUrl: 'https://meet.example/x?a=1&b=2',
        recordingUrl: 'https://video.example/r',
        scheduleStatus: s.status,
        statusReason: s.reason,
        sequence: 3,
        organisers: [{ name: s.organiser, slug: 'o' }],
        topics: [{ name: s.topic, slug: 't' }],
      } satisfies Json)
    ),
  });

const deadlinesCalendar = (s: (typeof samples)[number]): string =>
  renderDeadlines({
    name: `Net ${s.title} — ${labels(s.locale).deadlines}`,
    source: `${origin}/api/solidarity/calls.ics?locale=${s.locale}`,
    locale: s.locale,
    host: 'commons.example',
    deadlines: (['call', 'statement'] as const).map(
      (kind): Deadline => ({
        kind,
        documentId: `d-${kind}`,
        title: s.title,
        deadline: at('2026-07-15T21:59:00Z'),
        url: `${origin}/x/${kind}`,
        text: s.summary,
        updatedAt: at('2026-05-01T08:00:00Z'),
      })
    ),
  });

const feedText = (s: (typeof samples)[number], format: FeedFormat): string =>
  renderFeed(format, {
    collection: 'statements',
    network: `Net ${s.organiser}`,
    locale: s.locale,
    origin,
    self: { rss: `${origin}/f.rss?a=1&b=2`, atom: `${origin}/f.atom`, json: `${origin}/f.json` },
    alternate: `${origin}/api/solidarity/statements`,
    entries: feedEntries(
      'statements',
      [
        {
          documentId: 'st1',
          slug: 'st1',
          locale: s.locale,
          url: `${origin}/api/solidarity/statements/st1?locale=${s.locale}`,
          // Strapi keeps the draft's updatedAt on the published version: earlier than publishedAt
          publishedAt: '2026-05-02T10:00:00Z',
          updatedAt: '2026-05-01T08:00:00Z',
          title: s.title,
          summary: s.summary,
          body: [{ type: 'paragraph', children: [{ type: 'text', text: s.summary }] }],
          topics: [{ name: s.topic, slug: 't' }],
          issuers: [{ name: s.organiser, slug: 'o' }],
        },
      ],
      s.locale,
      origin
    ),
  });

/** HTML character references decoded (feedparser returns titles as HTML). */
const htmlDecode = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|#39|apos);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return named[e.toLowerCase()] ?? m;
  });

/** RFC 5545 §3.1: CRLF line ends, lines of at most 75 octets, no control characters but in the line ends. */
const expectWellFormed = (text: string) => {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(octets(line), line).toBeLessThanOrEqual(75);
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
  }
};

const icalEvents = (text: string) => {
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  return vcalendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
};

const calendars = samples.flatMap((s) => [
  { sample: s, kind: 'sessions' as const, text: sessionsCalendar(s) },
  { sample: s, kind: 'deadlines' as const, text: deadlinesCalendar(s) },
]);
const feeds = samples.flatMap((s) => (['rss', 'atom'] as const).map((format) => ({ sample: s, format, text: feedText(s, format) })));

describe('calendars with hostile text, in every locale, read by ical.js and Python icalendar', () => {
  it('covers every locale and status', () => {
    expect(new Set(samples.map((s) => s.locale))).toEqual(new Set(LABEL_LOCALES));
    expect(new Set(samples.map((s) => s.status))).toEqual(new Set(['scheduled', 'moved', 'cancelled']));
  });

  it('keeps every line within 75 octets and every text as typed, less control characters', () => {
    for (const { sample, kind, text } of calendars) {
      expectWellFormed(text);
      const events = icalEvents(text);
      expect(events).toHaveLength(2);
      const words = labels(sample.locale);
      for (const event of events) {
        if (kind === 'deadlines') {
          expect(event.summary).toMatch(new RegExp(`^(${words.call}|${words.openCall}): `));
          expect(event.summary.endsWith(calendarText(sample.title))).toBe(true);
          expect(event.startDate.isDate).toBe(true);
          expect(event.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')?.toString()).toBe('-P7D');
          continue;
        }
        expect(event.component.getFirstPropertyValue('sequence')).toBe(3);
        expect(event.component.getFirstPropertyValue('organizer')).toBeNull();
        expect(event.summary.endsWith(calendarText(sample.title))).toBe(true);
        expect(event.component.getFirstPropertyValue('status')).toBe(sample.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
        // the organisers are named in the description (ical.js reads unknown X- values unescaped)
        expect(event.description).toContain(`${words.organisers}: ${calendarText(sample.organiser)}`);
        if (sample.status === 'cancelled') expect(event.summary.startsWith(`${words.cancelled}: `)).toBe(true);
        if (sample.status !== 'scheduled') expect(event.description).toContain(calendarText(sample.reason).trim() ? calendarText(sample.reason) : '');
      }
    }
  });

  it('prefixes a deadline with its kind once, even when the title already says it', () => {
    const text = renderDeadlines({
      name: 'Net — deadlines',
      source: `${origin}/api/solidarity/calls.ics?locale=en`,
      locale: 'en',
      host: 'commons.example',
      deadlines: [
        { kind: 'call', documentId: 'a', title: 'Call for practices: local food', deadline: at('2026-07-15T21:59:00Z'), url: `${origin}/a`, text: '', updatedAt: null },
        { kind: 'call', documentId: 'b', title: 'Local care', deadline: at('2026-07-16T21:59:00Z'), url: `${origin}/b`, text: '', updatedAt: null },
      ],
    });
    expect(icalEvents(text).map((e) => e.summary).sort()).toEqual(['Call for practices: Local care', 'Call for practices: local food']);
  });

  it('reads the same with Python icalendar', () => {
    const read = parseWithPython(calendars.map(({ text }) => ({ kind: 'ics' as const, text })));
    for (const [i, result] of read.entries()) {
      const { sample, kind } = calendars[i] as (typeof calendars)[number];
      expect(result.error, result.error).toBeUndefined();
      expect(result.errors).toEqual([]);
      expect(result.name).toBe(calendarText(`Net ${sample.title} — ${labels(sample.locale)[kind]}`));
      expect(result.events).toHaveLength(2);
      for (const event of result.events ?? []) {
        expect(event.summary?.endsWith(calendarText(sample.title))).toBe(true);
        expect(event.organizer).toBeNull();
        if (kind === 'deadlines') {
          expect(event.dtstartType).toBe('date');
          expect(event.dtstart).toBe('2026-07-15');
          expect(event.dtend).toBe('2026-07-16');
          expect(event.alarms).toEqual(['-P7D']);
        } else {
          expect(event.sequence).toBe(3);
          expect(event.status).toBe(sample.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
          if (sample.status !== 'cancelled') expect(event.location).toBe('https://meet.example/x?a=1&b=2');
        }
      }
    }
  });
});

describe('feeds with hostile text, in every locale, read by feed-parser and Python feedparser', () => {
  it('parses with @rowanmanning/feed-parser: titles exact, updated never before published', () => {
    for (const { sample, format, text } of feeds) {
      const feed = parseFeed(text);
      expect(feed.items).toHaveLength(1);
      const [item] = feed.items;
      // (readers trim the ends of a title: compared trimmed)
      expect(item?.title?.trim()).toBe(xmlSafe(sample.title).trim());
      expect(item?.url).toBe(`${origin}/api/solidarity/statements/st1?locale=${sample.locale}`);
      if (format === 'atom') {
        expect(item?.updated?.getTime()).toBeGreaterThanOrEqual(item?.published?.getTime() ?? Infinity);
      }
    }
  });

  it('parses with Python feedparser without any malformation (bozo 0)', () => {
    const read = parseWithPython(feeds.map(({ text }) => ({ kind: 'feed' as const, text })));
    for (const [i, result] of read.entries()) {
      const { sample, format } = feeds[i] as (typeof feeds)[number];
      expect(result.bozo, `${format}: ${result.bozoException}`).toBe(0);
      expect(result.version).toBe(format === 'rss' ? 'rss20' : 'atom10');
      expect(result.entries).toHaveLength(1);
      const [entry] = result.entries;
      expect(entry?.link).toBe(`${origin}/api/solidarity/statements/st1?locale=${sample.locale}`);
      // feedparser hands titles back as HTML (both formats send them as HTML text): decoded, the text exactly
      expect(htmlDecode(entry?.title ?? '').trim()).toBe(xmlSafe(sample.title).trim());
      if (format === 'atom') expect(Date.parse(entry?.updated ?? '')).toBeGreaterThanOrEqual(Date.parse(entry?.published ?? ''));
    }
  });
});
