import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Python's feedparser and icalendar (Debian's python3-feedparser and python3-icalendar), run by
 * Debian's /usr/bin/python3, as independent readers of the feeds and calendars. One Python process
 * reads a whole batch of documents (./python-parsers.py), so a test file starts Python once or twice.
 */
export const PYTHON = '/usr/bin/python3';

/** What icalendar read of one calendar; `error` when it refused it. */
export interface PyCalendar {
  error?: string;
  name?: string | null;
  /** errors icalendar noted on components while reading leniently */
  errors?: string[];
  events?: {
    uid: string | null;
    summary: string | null;
    description: string | null;
    location: string | null;
    url: string | null;
    status: string | null;
    sequence: number | null;
    /** ISO 8601; a date alone for VALUE=DATE */
    dtstart: string | null;
    /** `date` or `datetime` */
    dtstartType: string | null;
    dtend: string | null;
    organizer: string | null;
    /** TRIGGER values of the event's alarms, e.g. `-P7D` */
    alarms: string[];
  }[];
}

/** What feedparser read of one feed; `bozo` is 1 for any malformation. */
export interface PyFeed {
  bozo: number;
  bozoException: string | null;
  /** e.g. rss20, atom10 */
  version: string;
  title: string | null;
  entries: { id: string | null; title: string | null; link: string | null; published: string | null; updated: string | null }[];
}

export type PyJob = { kind: 'ics'; text: string } | { kind: 'feed'; text: string };

/** Parses every document with one Python process; results in the order of `jobs`. */
export function parseWithPython(jobs: { kind: 'ics'; text: string }[]): PyCalendar[];
export function parseWithPython(jobs: { kind: 'feed'; text: string }[]): PyFeed[];
export function parseWithPython(jobs: PyJob[]): (PyCalendar | PyFeed)[];
export function parseWithPython(jobs: PyJob[]): (PyCalendar | PyFeed)[] {
  if (!jobs.length) return [];
  const dir = mkdtempSync(path.join(tmpdir(), 'solidarity-py-'));
  try {
    const list = jobs.map((job, i) => {
      const file = path.join(dir, `${i}.${job.kind === 'ics' ? 'ics' : 'xml'}`);
      writeFileSync(file, job.text, 'utf8');
      return { kind: job.kind, path: file };
    });
    const listFile = path.join(dir, 'jobs.json');
    writeFileSync(listFile, JSON.stringify(list));
    const out = execFileSync(PYTHON, [path.join(__dirname, 'python-parsers.py'), listFile], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    return JSON.parse(out) as (PyCalendar | PyFeed)[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
