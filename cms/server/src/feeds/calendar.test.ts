import { sync as ical, type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { foldLine, renderCalendar, renderDeadlines } from './calendar';
import { asSession } from './documents';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('foldLine', () => {
  it('folds at 75 octets, continuation space included, never inside a character', () => {
    for (const line of [
      'DESCRIPTION:' + 'x'.repeat(300),
      'SUMMARY:' + 'αβγδε'.repeat(40),
      'SUMMARY:' + '日本語'.repeat(40),
      'SUMMARY:' + '😀a'.repeat(60),
      'X:' + 'y'.repeat(73),
    ]) {
      const folded = foldLine(line);
      const parts = folded.split('\r\n');
      for (const [i, part] of parts.entries()) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        if (i > 0) expect(part.startsWith(' ')).toBe(true);
      }
      expect(parts.map((part, i) => (i ? part.slice(1) : part)).join('')).toBe(line);
    }
    expect(foldLine('X:' + 'y'.repeat(73))).not.toContain('\r\n'); // exactly 75: not folded
    expect(foldLine('X:' + 'y'.repeat(74)).split('\r\n')).toEqual(['X:' + 'y'.repeat(73), ' y']);
  });
});

describe('renderCalendar', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const base = {
    documentId: 'doc1',
    slug: 's',
    locale: 'en',
    url: 'https://commons.example/sessions/s',
    updatedAt: new Date('2026-05-01T08:00:00Z'),
    publishedAt: new Date('2026-05-01T08:00:00Z'),
  };

  it('writes events that a parser reads back, with escaping and defaults', () => {
    const text = renderCalendar({
      name: 'Net, with; commas — ναι',
      source: 'https://commons.example/api/solidarity/sessions.ics?topic=a&locale=en',
      locale: 'en',
      host: 'commons.example',
      origin: 'https://commons.example',
      now,
      sessions: [
        asSession({
          ...base,
          title: 'A; B, C \\ D',
          summary: 'Line one\nline two',
          description: [{ type: 'paragraph', children: [{ type: 'text', text: 'Κείμενο '.repeat(30) }] }],
          startsAt: '2026-05-10T10:00:00.000Z',
          endsAt: null,
          recordingUrl: 'https://video.example/r',
          joinUrl: 'javascript:alert(1)',
          organisers: [{ name: 'No website', slug: 'nows', website: null }],
        }),
        asSession({ ...base, documentId: 'nostart', title: 'No start' }),
      ],
    });
    expect(text).toMatch(/\r\n$/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const events = Object.values(ical.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');
    expect(events).toHaveLength(1); // a session without a start cannot be an event
    const [event] = events;
    expect(event?.uid).toBe('doc1@commons.example');
    expect(event?.summary).toBe('A; B, C \\ D');
    expect(event?.start.toISOString()).toBe('2026-05-10T10:00:00.000Z');
    expect(event?.end.toISOString()).toBe('2026-05-10T11:00:00.000Z');
    expect(String(event?.description)).toMatch(/^Line one\nline two\n\nΚείμενο/);
    expect(String(event?.description)).toMatch(/Organised by: No website\n\nRecording: https:\/\/video\.example\/r$/);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).not.toContain('CONFERENCE'); // not an http(s) join link
    // no ORGANIZER (RFC 5545 keeps it for scheduling: Outlook would show an invitation); an X- property instead
    expect(unfolded).not.toContain('ORGANIZER');
    expect(unfolded).toContain('X-SOLIDARITY-ORGANISER:No website');
    expect(unfolded).toContain('SEQUENCE:0');
    expect(unfolded).toContain('DTSTAMP:20260501T080000Z');
    expect(unfolded).toContain('LAST-MODIFIED:20260501T080000Z');
    expect(unfolded).toContain('NAME:Net\\, with\\; commas — ναι');
    expect(unfolded).toContain('SOURCE;VALUE=URI:https://commons.example/api/solidarity/sessions.ics?topic=a&locale=en');
  });

  it('writes the same text for the same data (cacheable, stable UIDs)', () => {
    const input = {
      name: 'N',
      source: 'https://c.example/s.ics',
      locale: 'ca',
      host: 'c.example',
      origin: 'https://c.example',
      now,
      sessions: [asSession({ ...base, title: 'T', startsAt: '2026-07-01T10:00:00Z', joinUrl: 'https://meet.example/x' })],
    };
    expect(renderCalendar(input)).toBe(renderCalendar(input));
    expect(renderCalendar(input)).toContain('CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Connecta-t’hi:https://meet');
  });
  it('writes a carriage return typed in a title or name as an escaped line break, never as the end of a line', () => {
    // An editor's title (or the calendar's name) with bare CRs: parsers that end lines at a CR would
    // read the rest as properties of their own (a second event, another UID).
    const injected = 'Evil\rEND:VEVENT\rBEGIN:VEVENT\rSUMMARY:Injected\rUID:x\r\nDTSTART:20300101T000000Z';
    const text = renderCalendar({
      name: `Net ${injected}`,
      source: 'https://c.example/s.ics',
      locale: 'en',
      host: 'c.example',
      origin: 'https://c.example',
      now,
      sessions: [asSession({ ...base, title: injected, summary: `one\rtwo\u0000three\u000bfour`, startsAt: '2026-07-01T10:00:00Z' })],
    });
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // every CR ends a line, with its LF
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/); // not allowed in iCalendar TEXT
    // a parser that splits lines at a lone CR as well as at CRLF sees one event with its own properties
    const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n|\r|\n/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:doc1@c.example']);
    const [event] = Object.values(ical.parseICS(text)).filter((c): c is VEvent => c.type === 'VEVENT');
    expect(event?.summary).toBe('Evil\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected\nUID:x\nDTSTART:20300101T000000Z');
  });
});

describe('dates outside the years 1–9999', () => {
  // Refused on save (content-types/dates.ts); a row stored before could still have one, and one
  // `DTSTART:20000-1-01T0:0:` would make ical.js (and clients) refuse the whole calendar.
  const now = new Date('2026-06-01T12:00:00Z');
  const base = { slug: 's', locale: 'en', url: 'https://c.example/sessions/s', updatedAt: now, publishedAt: now };
  const head = { source: 'https://c.example/s.ics', locale: 'en', host: 'c.example' };
  const uids = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));

  it('leaves such a session out and keeps the calendar readable by ical.js', () => {
    const text = renderCalendar({
      ...head,
      name: 'Sessions',
      origin: 'https://c.example',
      now,
      sessions: [
        asSession({ ...base, documentId: 'far', title: 'Far', startsAt: '+200000-01-01T00:00:00.000Z' }),
        asSession({ ...base, documentId: 'far-end', title: 'Far end', startsAt: '2026-07-01T10:00:00Z', endsAt: '+020000-01-01T00:00:00.000Z' }),
        asSession({ ...base, documentId: 'ok', title: 'Fine', startsAt: '2026-07-01T10:00:00Z' }),
      ],
    });
    expect(uids(text)).toEqual(['ok@c.example']);
  });

  it('leaves such a deadline out and keeps the deadlines calendar readable by ical.js', () => {
    const deadline = (documentId: string, d: Date) => ({ kind: 'call' as const, documentId, title: documentId, deadline: d, url: null, text: null, updatedAt: now });
    const text = renderDeadlines({
      ...head,
      name: 'Deadlines',
      deadlines: [
        deadline('far', new Date('+200000-01-01T00:00:00.000Z')),
        deadline('zero', new Date('0000-06-01T00:00:00.000Z')),
        deadline('last', new Date('9999-12-31T12:00:00.000Z')), // its DTEND would be in the year 10000
        deadline('ok', new Date('2026-07-01T10:00:00Z')),
      ],
    });
    expect(uids(text)).toEqual(['deadline-call-ok@c.example']);
  });
});

describe('a deadline whose document falls back to another language', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const head = { source: 'https://c.example/calls.ics', host: 'c.example', name: 'Plazos' };
  const summaries = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => {
      const p = e.getFirstProperty('summary');
      return [String(p?.getFirstValue()), p?.getParameter('language') ?? null];
    });
  const deadline = (documentId: string, title: string, locale?: string) => ({
    kind: 'call' as const,
    documentId,
    title,
    deadline: new Date('2026-07-01T10:00:00Z'),
    url: null,
    text: null,
    updatedAt: now,
    ...(locale ? { locale } : {}),
  });

  it("prefixes the title in the title's own language, and says which", () => {
    const text = renderDeadlines({
      ...head,
      locale: 'es',
      deadlines: [
        deadline('a', 'Call for practices 2026', 'en'),
        deadline('b', 'Energy communities', 'en'),
        deadline('c', 'Comunidades energéticas', 'es'),
        deadline('d', 'Sin idioma'),
      ],
    });
    expect(summaries(text)).toEqual([
      ['Call for practices 2026', 'en'],
      ['Call for practices: Energy communities', 'en'],
      ['Convocatoria de prácticas: Comunidades energéticas', null],
      ['Convocatoria de prácticas: Sin idioma', null],
    ]);
    expect(text).toContain('SUMMARY;LANGUAGE=en:Call for practices 2026');
  });
});
