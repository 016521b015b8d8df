import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import { blocksToPlainText } from './blocks';
import { asPractice, licenceUrl, toIso, type Json } from './documents';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Columns of the open-data CSV of practices, in order. */
export const PRACTICE_CSV_COLUMNS = [
  'documentId',
  'slug',
  'locale',
  'localeFallback',
  'title',
  'summary',
  'body',
  'topics',
  'promoters',
  'municipality',
  'region',
  'country',
  'latitude',
  'longitude',
  'startedOn',
  'endedOn',
  'criteria',
  'licence',
  'licenceUrl',
  'url',
  'publishedAt',
  'updatedAt',
  // the systematisation fiche's public fields (cms/shared/fiche.ts); a field the network keeps
  // private is absent from the public document, so its cell is empty
  'context',
  'objectives',
  'beneficiaries',
  'activities',
  'resources',
  'budgetRange',
  'results',
  'figures',
  'replicability',
  'lessons',
  'partners',
] as const;

export type PracticeCsvColumn = (typeof PRACTICE_CSV_COLUMNS)[number];
type Cell = string | number | boolean | null;

const joined = (values: (string | null)[]) => values.filter((v): v is string => Boolean(v)).join(';');

/** One practice as a CSV record: lists joined with `;`, body as plain text. */
export const practiceCsvRecord = (d: Json, origin: string): Record<PracticeCsvColumn, Cell> => {
  const p = asPractice(d);
  return {
    documentId: p.documentId,
    slug: p.slug,
    locale: p.locale,
    localeFallback: p.localeFallback,
    title: p.title,
    summary: p.summary,
    body: blocksToPlainText(p.body, { origin }),
    topics: joined(p.topics.map((t) => t.slug)),
    promoters: joined(p.promoters.map((o) => o.name)),
    municipality: p.municipality,
    region: p.region,
    country: p.country,
    latitude: p.latitude,
    longitude: p.longitude,
    startedOn: p.startedOn,
    endedOn: p.endedOn,
    criteria: joined(p.criteria),
    licence: p.licence,
    licenceUrl: licenceUrl(p.licence),
    url: p.url,
    publishedAt: toIso(d.publishedAt),
    updatedAt: toIso(d.updatedAt),
    context: text(d.context),
    objectives: text(d.objectives),
    beneficiaries: text(d.beneficiaries),
    activities: text(d.activities),
    resources: text(d.resources),
    budgetRange: text(d.budgetRange),
    results: text(d.results),
    // "value unit label" each, `;` between them: "1200 families Households served"
    figures: joined(list(d.figures).map((f) => [f.value === null || f.value === undefined ? '' : String(f.value), text(f.unit), text(f.label)].filter(Boolean).join(' '))),
    replicability: text(d.replicability),
    lessons: text(d.lessons),
    // "name (role)" each, `;` between them
    partners: joined(list(d.partners).map((p) => (text(p.role) ? `${text(p.name) ?? ''} (${text(p.role) ?? ''})` : text(p.name)))),
  };
};

/** A text value of a public document, or null. */
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** A list of records of a public document (figures, partners), or []. */
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : []);

/** One practice as a JSON record: its whole public shape, plus the body as text and the licence URL. */
export const practiceJsonRecord = (d: Json, origin: string): Json => {
  const p = asPractice(d);
  return { ...d, bodyText: blocksToPlainText(p.body, { origin }), licenceUrl: licenceUrl(p.licence) };
};

async function* records<T>(pages: AsyncIterable<Json[]>, map: (d: Json) => T): AsyncGenerator<T> {
  for await (const page of pages) for (const d of page) yield map(d);
}

/**
 * RFC 4180 CSV (CRLF, header row, a field quoted when it holds a comma, a quote,
 * CR or LF), with a UTF-8 byte order mark so that Excel reads Greek and Catalan
 * text, written as the pages arrive. Text cells a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a CR, or their full-width
 * forms) get a leading apostrophe (csv-stringify's `escape_formulas`, after
 * OWASP's CSV injection advice); numbers, such as a negative latitude, do not.
 * The JSON export keeps every value exact.
 */
export const practicesCsvStream = (
  pages: AsyncIterable<Json[]>,
  origin: string,
  onError: (error: Error) => void
): Readable => {
  const csv = stringify({
    header: true,
    columns: [...PRACTICE_CSV_COLUMNS],
    record_delimiter: 'windows',
    // the default quotes CR/LF only when the record delimiter is left unset: a lone CR or LF must be quoted too
    quote_record_delimiter: true,
    bom: true,
    escape_formulas: true,
    cast: { boolean: (b: boolean) => (b ? 'true' : 'false') },
  });
  pipeline(Readable.from(records(pages, (d) => practiceCsvRecord(d, origin))), csv, (error) => {
    if (error) onError(error);
  });
  return csv;
};

/** A JSON array, written one record at a time as the pages arrive. */
export const practicesJsonStream = (pages: AsyncIterable<Json[]>, origin: string): Readable =>
  Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const record of records(pages, (d) => practiceJsonRecord(d, origin))) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
        first = false;
      }
      yield first ? ']\n' : '\n]\n';
    })(),
    { objectMode: false }
  );
