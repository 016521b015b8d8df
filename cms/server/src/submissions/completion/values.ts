import { z } from 'zod';
import { WEB_ADDRESS_PATTERN } from '../../components';
import { inCalendarRange } from '../../content-types/dates';
import { truncateText } from '../../http/truncate';
import { blocksToText } from '../../seed/blocks';
import { textToBlocks } from '../validation';
import { EMPTY_ROWS, MAX_ROWS, type FormField } from './fields';
import type { PageTexts } from './texts';

/**
 * The completion form's values: how a stored practice shows in the form (`toForm`), how a posted
 * form is read and checked (`readForm`), and what changed between the two (`changes`). Form inputs
 * are named `f-<field>` and, for lists, `f-<field>-<row>-<part>` (flat names: Strapi's body parser nests
 * names with dots or brackets).
 */

/** A field's value as the form shows it: text, or rows of part → text. */
export type FormValue = string | Record<string, string>[];
export type FormValues = Record<string, FormValue>;

/**
 * The posted body at the edge: a flat record of short strings (urlencoded forms give a string per
 * name, or a list when a name is repeated: refused). At most 400 names; any text at most 25 000.
 */
export const postedBody = z.record(z.string().max(100), z.string().max(25_000)).refine((r) => Object.keys(r).length <= 400, 'too many fields');

const clean = (s: string): string =>
  s
    .replace(/\r\n?/g, '\n')
    // control characters other than line breaks and tabs are dropped (PostgreSQL refuses NUL)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();

const partText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** A stored practice (draft row, components populated) as form values. */
export const toForm = (fields: readonly FormField[], row: Record<string, unknown>): FormValues => {
  const out: FormValues = {};
  for (const f of fields) {
    const v = row[f.key];
    if (f.kind === 'component') {
      const rows = Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
      out[f.key] = rows.map((r) => Object.fromEntries((f.parts ?? []).map((p) => [p.key, partText(r[p.key])])));
    } else if (f.kind === 'richtext') {
      out[f.key] = blocksToText(v);
    } else if (f.kind === 'date') {
      out[f.key] = typeof v === 'string' ? v.slice(0, 10) : v instanceof Date ? v.toISOString().slice(0, 10) : '';
    } else {
      out[f.key] = partText(v);
    }
  }
  return out;
};

/** Whether a form value is empty (no text, no row). */
export const isEmpty = (v: FormValue | undefined): boolean => (Array.isArray(v) ? v.length === 0 : !v);

/** A problem with one input: its name in the form, and what is wrong, in the page's language. */
export interface InputProblem {
  name: string;
  field: string;
  message: string;
}

const isDay = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  // years 1–9999, the project's date rule (content-types/dates.ts): PostgreSQL refuses a year 0
  return !Number.isNaN(d.getTime()) && inCalendarRange(d) && d.toISOString().slice(0, 10) === s;
};

/**
 * A figure's value as the column holds it: Strapi stores a `decimal` attribute as `decimal(10,2)`
 * (@strapi/database schema.js), so at most 8 digits before the point and 2 after (more overflows
 * PostgreSQL's column: a 500).
 */
const NUMBER = /^-?\d{1,8}([.,]\d{1,2})?$/;

const WEB_ADDRESS = new RegExp(WEB_ADDRESS_PATTERN);

/** A web address with its scheme in lower case (`HTTP://x` → `http://x`), as WHATWG URL spells it. */
const lowerScheme = (s: string): string => s.replace(/^https?:/i, (m) => m.toLowerCase());

/** Whether `s` passes the components' own rule (WEB_ADDRESS_PATTERN, case-sensitive) and parses as a URL. */
const isUrl = (s: string): boolean => {
  if (!WEB_ADDRESS.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

/**
 * The posted form as values, and its problems in the page's language (`required` lists the keys the
 * schema requires). A field the post does not name at all keeps its stored value (`stored`): only a
 * field posted empty is cleared. Never throws on a bad value: every problem is returned, for the page
 * to show.
 */
export const readForm = (
  fields: readonly FormField[],
  body: Record<string, string>,
  texts: PageTexts,
  required: ReadonlySet<string>,
  stored: FormValues
): { values: FormValues; problems: InputProblem[] } => {
  const values: FormValues = {};
  const problems: InputProblem[] = [];
  const posted = Object.keys(body);
  for (const f of fields) {
    const name = `f-${f.key}`;
    const named = f.kind === 'component' ? posted.some((k) => k.startsWith(`${name}-`)) : posted.includes(name);
    if (!named) {
      values[f.key] = stored[f.key] ?? '';
      continue;
    }
    if (f.kind === 'component') {
      const rows: Record<string, string>[] = [];
      // exactly the rows the form shows (every stored one, then blanks): none is dropped unseen
      const shown = rowsToShow(stored[f.key]).length;
      for (let i = 0; i < shown; i += 1) {
        const row = Object.fromEntries((f.parts ?? []).map((p) => [p.key, clean(body[`${name}-${i}-${p.key}`] ?? '')]));
        if (Object.values(row).every((v) => !v)) continue;
        for (const p of f.parts ?? []) {
          const v = row[p.key] ?? '';
          const input = `${name}-${i}-${p.key}`;
          if (!v) {
            if (p.required) problems.push({ name: input, field: f.key, message: texts.required });
          } else if (p.maxLength && v.length > p.maxLength) {
            problems.push({ name: input, field: f.key, message: texts.tooLong(p.maxLength) });
          } else if (p.kind === 'url' && !isUrl(lowerScheme(v))) {
            problems.push({ name: input, field: f.key, message: texts.notUrl });
          } else if (p.kind === 'number' && !NUMBER.test(v)) {
            problems.push({ name: input, field: f.key, message: texts.notNumber });
          } else if (p.kind === 'string' && v.includes('\n')) {
            row[p.key] = v.replace(/\s*\n\s*/g, ' ');
          }
          // stored as the schema's case-sensitive rule reads it: `HTTP://X` would fail at publish
          if (p.kind === 'url' && v) row[p.key] = lowerScheme(v);
        }
        rows.push(row);
      }
      values[f.key] = rows;
      continue;
    }
    const v = clean(body[name] ?? '');
    values[f.key] = v;
    if (!v) {
      if (required.has(f.key)) problems.push({ name, field: f.key, message: texts.required });
    } else if ((f.kind === 'text' || f.kind === 'richtext') && v.length > f.maxLength) {
      problems.push({ name, field: f.key, message: texts.tooLong(f.maxLength) });
    } else if (f.kind === 'date' && !isDay(v)) {
      problems.push({ name, field: f.key, message: texts.notDate });
    } else if (f.kind === 'enum' && !(f.values ?? []).includes(v)) {
      problems.push({ name, field: f.key, message: texts.notChoice });
    }
  }
  const start = values.startedOn;
  const end = values.endedOn;
  if (typeof start === 'string' && typeof end === 'string' && start && end && isDay(start) && isDay(end) && end < start) {
    problems.push({ name: 'f-endedOn', field: 'endedOn', message: texts.endBeforeStart });
  }
  return { values, problems };
};

/** One field's change, as the review history keeps it: short summaries, never the whole text. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const SUMMARY_LENGTH = 120;
const summarize = (v: FormValue | undefined): string => {
  // cut on code points (truncateText): a split surrogate pair makes PostgreSQL refuse the history's JSON
  if (Array.isArray(v)) return truncateText(v.map((r) => Object.values(r).filter(Boolean).join(' · ')).join(' | '), SUMMARY_LENGTH) || '—';
  const s = (v ?? '').replace(/\s+/g, ' ');
  return s ? truncateText(s, SUMMARY_LENGTH, true) : '—';
};

const same = (a: FormValue | undefined, b: FormValue | undefined): boolean => JSON.stringify(a ?? '') === JSON.stringify(b ?? '');

/** The fields whose posted value differs from the stored one, summarised. */
export const changes = (fields: readonly FormField[], before: FormValues, after: FormValues): FieldChange[] =>
  fields
    .filter((f) => !same(before[f.key], after[f.key]))
    .map((f) => ({ field: f.key, before: summarize(before[f.key]), after: summarize(after[f.key]) }));

/** The document-service data of the changed fields (texts, blocks, dates, enums, component lists; empty is null). */
export const toData = (fields: readonly FormField[], values: FormValues, changed: readonly FieldChange[]): Record<string, unknown> => {
  const data: Record<string, unknown> = {};
  for (const { field } of changed) {
    const f = fields.find((x) => x.key === field);
    if (!f) continue;
    const v = values[field];
    if (f.kind === 'component') {
      data[field] = (Array.isArray(v) ? v : []).map((row) =>
        Object.fromEntries(
          (f.parts ?? [])
            .filter((p) => row[p.key])
            .map((p) => [p.key, p.kind === 'number' ? Number(String(row[p.key]).replace(',', '.')) : row[p.key]])
        )
      );
    } else if (f.kind === 'richtext') {
      data[field] = textToBlocks(typeof v === 'string' ? v : '');
    } else {
      data[field] = typeof v === 'string' && v ? v : null;
    }
  }
  return data;
};

/**
 * The posted names of list rows the form did not show (`f-<list>-<row>-…` with a row at or past
 * `rowsToShow(stored)`): such a post comes from another form than the page's, and must be refused
 * whole (reading it would drop the rows it names, or the stored ones it does not).
 */
export const rowsNotShown = (fields: readonly FormField[], body: Record<string, string>, stored: FormValues): string[] =>
  fields
    .filter((f) => f.kind === 'component')
    .flatMap((f) => {
      const shown = rowsToShow(stored[f.key]).length;
      const prefix = `f-${f.key}-`;
      return Object.keys(body).filter((k) => {
        if (!k.startsWith(prefix)) return false;
        const m = /^(\d+)-/.exec(k.slice(prefix.length));
        return !m || Number(m[1]) >= shown;
      });
    });

/** Rows shown for a list field: all its records, then empty ones (up to MAX_ROWS rows, EMPTY_ROWS at most). */
export const rowsToShow = (v: FormValue | undefined): Record<string, string>[] => {
  const rows = Array.isArray(v) ? v : [];
  const blanks = Math.max(0, Math.min(EMPTY_ROWS, MAX_ROWS - rows.length));
  return [...rows, ...Array.from({ length: blanks }, () => ({}))];
};
