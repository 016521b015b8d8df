import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlSafe } from './blocks';
import { practicesCsvStream, PRACTICE_CSV_COLUMNS } from './export';
import { inlineSafeJson, toJsonLd } from './jsonld';
import { feedEntries, renderFeed, type FeedInput } from './syndication';

/*
 * Output encodings, read back with independent parsers, on generated hostile
 * text (fixed seed): RSS/Atom titles exact (markup, `]]>`, CR), CSV per RFC 4180
 * with a BOM and neutralized formulas, JSON-LD safe to inline in HTML.
 */
const SEED = 20261130;
const origin = 'https://commons.example';

/** Text an editor could type, biased to the characters that break encodings. */
const hostileText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(']]>', ']]', ']', '>', '<', '</script>', '<!--', '&', '&amp;', '"', "'", ',', ';', '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', '\uFF1D', 'é', 'Ελληνικά', 'l·l', '😀', '\u2028', '\u0000', '\u0001', '\uFEFF', ' ') },
      { weight: 2, arbitrary: fc.string({ maxLength: 4, unit: 'grapheme' }) }
    ),
    { minLength: 1, maxLength: 12 }
  )
  .map((parts) => parts.join(''));

/** The text as any XML document can carry it (XML 1.0 has no control characters but TAB, CR, LF). */
const carried = (s: string) => xmlSafe(s);
const nonEmpty = (s: string) => carried(s).trim() !== '';

const htmlDecode = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|#39|apos);/gi, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return named[e.toLowerCase()] ?? m;
  });

const input = (title: string, summary: string): FeedInput => ({
  collection: 'practices',
  network: 'Network',
  locale: 'en',
  origin,
  self: { rss: `${origin}/f.rss`, atom: `${origin}/f.atom`, json: `${origin}/f.json` },
  alternate: `${origin}/practices`,
  entries: feedEntries(
    'practices',
    [{ documentId: 'doc1', slug: 'p', locale: 'en', url: `${origin}/p`, publishedAt: new Date('2026-01-01T00:00:00Z'), title, summary, body: [] }],
    'en',
    origin
  ),
});

const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, trimValues: false, parseTagValue: false, cdataPropName: false });
type Node = Record<string, unknown>;
const textOf = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return String((v as Node)['#text'] ?? '');
  return '';
};

describe('RSS and Atom keep titles and summaries exactly', () => {
  it('RSS: the title is HTML text in CDATA; XML then HTML decoding gives it back', () => {
    fc.assert(
      fc.property(hostileText.filter(nonEmpty), hostileText.filter(nonEmpty), (title, summary) => {
        const out = renderFeed('rss', input(title, summary));
        expect(XMLValidator.validate(out)).toBe(true);
        const doc = xml.parse(out) as { rss: { channel: { item: Node } } };
        const item = doc.rss.channel.item;
        expect(htmlDecode(textOf(item.title))).toBe(carried(title));
        expect(htmlDecode(textOf(item.description))).toBe(carried(summary));
        // no markup typed by an editor survives as markup
        expect(textOf(item.title)).not.toMatch(/<[a-z!/]/i);
      }),
      { seed: SEED, numRuns: 150 }
    );
  });

  it('Atom: the title is type="html" text; XML then HTML decoding gives it back', () => {
    fc.assert(
      fc.property(hostileText.filter(nonEmpty), hostileText.filter(nonEmpty), (title, summary) => {
        const out = renderFeed('atom', input(title, summary));
        expect(XMLValidator.validate(out)).toBe(true);
        const doc = xml.parse(out) as { feed: { entry: Node } };
        expect(htmlDecode(textOf(doc.feed.entry.title))).toBe(carried(title));
        expect(htmlDecode(textOf(doc.feed.entry.summary))).toBe(carried(summary));
      }),
      { seed: SEED, numRuns: 150 }
    );
  });

  it('a title with several "]]>" and markup, by name', () => {
    const title = 'a]]>b]]>c]]]>d <b>bold</b> </script>';
    const out = renderFeed('rss', input(title, 'x'));
    const doc = xml.parse(out) as { rss: { channel: { item: Node } } };
    expect(htmlDecode(textOf(doc.rss.channel.item.title))).toBe(title);
  });
});

const csvOf = async (docs: Record<string, unknown>[]): Promise<string> => {
  const stream = practicesCsvStream(
    (async function* () {
      yield docs;
    })(),
    origin,
    (e) => {
      throw e;
    }
  );
  const chunks: Buffer[] = [];
  for await (const c of stream as Readable) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
};

/** What csv-stringify's escape_formulas neutralizes (OWASP's list, plus full-width forms). */
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('CSV export: RFC 4180, BOM, neutralized formulas', () => {
  it('parses back (csv-parse) to the same text, with an apostrophe only before formula-like text cells', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileText, hostileText), { minLength: 1, maxLength: 5 }), async (pairs) => {
        const docs = pairs.map(([title, municipality], i) => ({
          documentId: `d${i}`,
          slug: `s${i}`,
          locale: 'el',
          url: `${origin}/p/${i}`,
          title,
          municipality,
          latitude: -3.5,
          body: [],
        }));
        const text = await csvOf(docs);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const rows = parseCsv(text, { bom: true, relax_quotes: false, record_delimiter: '\r\n' }) as string[][];
        expect(rows[0]).toEqual([...PRACTICE_CSV_COLUMNS]);
        expect(rows).toHaveLength(docs.length + 1);
        const col = (name: string) => PRACTICE_CSV_COLUMNS.indexOf(name as never);
        docs.forEach((d, i) => {
          const row = rows[i + 1] as string[];
          const expected = (s: string) => (s === '' ? '' : FORMULA.test(s) ? `'${s}` : s);
          // an empty title falls back to the slug (documents.ts)
          expect(row[col('title')]).toBe(expected(d.title || d.slug));
          expect(row[col('municipality')]).toBe(expected(d.municipality));
          // numbers are not text: a negative latitude stays a number
          expect(row[col('latitude')]).toBe('-3.5');
        });
      }),
      { seed: SEED, numRuns: 80 }
    );
  });

  it('quotes any field with a comma, quote, CR or LF (raw text check)', async () => {
    const text = await csvOf([{ documentId: 'd', slug: 's', title: 'a,b', summary: 'say "hi"', municipality: 'x\ry', region: 'p\nq', body: [] }]);
    expect(text).toContain('"a,b"');
    expect(text).toContain('"say ""hi"""');
    expect(text).toContain('"x\ry"');
    expect(text).toContain('"p\nq"');
    expect(text).toContain('\r\n');
  });
});

describe('JSON-LD is safe to inline in HTML', () => {
  it('has no "<" (so no </script> or <!--) and parses back to the same value', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (title, summary) => {
        const value = toJsonLd('practice', { documentId: 'd', slug: 's', locale: 'en', url: `${origin}/p`, title, summary, body: [] }, origin);
        const text = inlineSafeJson(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: SEED, numRuns: 150 }
    );
    expect(inlineSafeJson({ name: '</script><script>alert(1)</script>' })).toBe(
      '{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'
    );
  });
});
