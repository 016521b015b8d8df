import { newStemmer } from 'snowball-stemmers';
import { stemmer as greekStemmer } from '@orama/stemmers/greek';

/**
 * Text of the full-text search, the same on every database: documents and
 * queries go through these functions in JavaScript, and the database only
 * matches the terms they produce (SQLite FTS5 and PostgreSQL's `simple`
 * configuration, neither of which folds, stems or drops words itself).
 *
 * Terms are made of letters and digits only (Unicode \p{L}\p{N}), so that no
 * term can carry FTS5 or tsquery syntax.
 */

/** The most words of a query that are searched (the rest are ignored). */
export const MAX_QUERY_WORDS = 12;
/** Longer words are not indexed nor searched (PostgreSQL refuses lexemes over 2 KB). */
export const MAX_WORD_LENGTH = 100;

/**
 * What people type for the middle dot of the Catalan "l·l" (col·lectiu): the
 * middle dot U+00B7, the hyphenation point U+2027, the bullet U+2022, the
 * bullet operator U+2219, a full stop and the hyphens (U+002D, U+2010, U+2011).
 * ("ŀl", U+0140, decomposes to "l·l".) Between two l's it joins them into one
 * word, written "ll" once folded.
 */
const L_DOT = '[\\u00B7\\u2027\\u2022\\u2219.\\-\\u2010\\u2011]';
/** Separators of L_DOT that also separate ordinary words ("well-liked", "Vol.la"). */
const WORD_SEPARATOR = /[.\-\u2010\u2011]/;

/**
 * Folds text for matching: Unicode compatibility decomposition (NFKD, so NFC
 * and NFD input are the same), lower case, every combining mark removed
 * (accents, Greek tonos and dialytika, cedilla), final sigma as sigma and
 * German sharp s as "ss" (full case folding), the Catalan middle dot of
 * "l·l" (in any of its spellings, L_DOT) dropped. Returns the folded text;
 * word boundaries are kept.
 */
export const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ς/g, 'σ')
    .replace(/ß/g, 'ss')
    .replace(new RegExp(`l${L_DOT}l`, 'g'), 'll');

/** Case-folds without removing accents (NFC, lower case): what a stemmer reads. */
const lowerNfc = (text: string): string => text.normalize('NFC').toLowerCase();

/** A word: letters and digits (with their combining marks), the Catalan "l·l" in any spelling (L_DOT) inside. */
const WORD = new RegExp(`(?:[\\p{L}\\p{N}]\\p{M}*)+(?:(?<=l)${L_DOT}(?=l)(?:[\\p{L}\\p{N}]\\p{M}*)+)*`, 'gu');

/**
 * The words of a text, in order, as written (NFC, lower case, accents kept):
 * runs of letters and digits (combining marks belong to their letter), the
 * Catalan "l·l" kept in one word, however its dot is typed ("col.lectiu",
 * "col-lectiu", "col•lectiu" are "col·lectiu"). Words longer than
 * MAX_WORD_LENGTH are left out.
 */
export const words = (text: string): string[] =>
  (lowerNfc(text).match(WORD) ?? []).filter((w) => w.length <= MAX_WORD_LENGTH);

type Stem = (word: string) => string;

/**
 * Snowball algorithm names of the `snowball-stemmers` package, by ISO 639-1
 * language. Not Catalan: the package's Catalan stemmer cuts "aliments" to "al"
 * (a common word: "a" + "el") and "habitatge" to "hab", so Catalan is searched
 * by folded words, the last one as a prefix ("aliment" finds "aliments").
 */
const SNOWBALL: Record<string, string> = {
  ar: 'arabic',
  hy: 'armenian',
  eu: 'basque',
  cs: 'czech',
  da: 'danish',
  nl: 'dutch',
  en: 'english',
  fi: 'finnish',
  fr: 'french',
  de: 'german',
  hu: 'hungarian',
  it: 'italian',
  ga: 'irish',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  es: 'spanish',
  sl: 'slovene',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
};

const stemmers = new Map<string, Stem | null>();

/** How many stems each language's memo keeps before it starts over. */
const STEM_MEMO_SIZE = 50_000;

/**
 * A stemmer that remembers its last STEM_MEMO_SIZE answers: Snowball takes
 * tens of microseconds a word, and a language's text repeats its words (the
 * index's rebuild at 100,000 practices stems tens of millions of words of a
 * vocabulary of thousands). A pure function of the word, so the memo changes
 * no result.
 */
const memoized = (stem: Stem): Stem => {
  let memo = new Map<string, string>();
  return (word) => {
    const known = memo.get(word);
    if (known !== undefined) return known;
    const stemmed = stem(word);
    if (memo.size >= STEM_MEMO_SIZE) memo = new Map();
    memo.set(word, stemmed);
    return stemmed;
  };
};

/**
 * The Snowball stemmer of a locale's language (`ca-ES` uses `ca`), or null
 * where there is none: such a locale (one added later, say) is searched by
 * folded words without stemming, never with another language's stemmer.
 * Greek is Snowball's Greek algorithm as shipped by @orama/stemmers; the
 * others come from snowball-stemmers.
 */
export const stemmerFor = (locale: string): Stem | null => {
  const language = (locale.split('-')[0] ?? '').toLowerCase();
  if (stemmers.has(language)) return stemmers.get(language) ?? null;
  let stem: Stem | null = null;
  if (language === 'el') stem = greekStemmer;
  else {
    const algorithm = SNOWBALL[language];
    if (algorithm) {
      const s = newStemmer(algorithm);
      stem = (word) => s.stem(word);
    }
  }
  if (stem) stem = memoized(stem);
  stemmers.set(language, stem);
  return stem;
};

/** A term is letters and digits only; anything else a stemmer may leave (none known) is dropped. */
const clean = (term: string): string => term.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The terms a document's text is indexed under, space-separated, in word
 * order: for each word its folded form and its stems, deduplicated. Two stems,
 * because Snowball's Spanish, Catalan and French algorithms recognise accented
 * suffixes ("alimentación" gives "aliment") that folded text no longer has
 * ("alimentacion" gives "alimentacion"): the stem of the folded word is what a
 * query can compute (it only sees folded text), the folded stem of the written
 * word keeps its other forms together. The folded word itself lets the last
 * word of a query match as a prefix of what is written. A word joined at
 * "l-l" or "l.l" (see `words`) also gives the terms of its parts.
 */
export const documentTerms = (text: string, locale: string): string => {
  const stem = stemmerFor(locale);
  const out: string[] = [];
  // A word joined at an "l-l" or "l.l" is also indexed as its parts: "well-liked" is found by "well".
  const all = words(text).flatMap((w) => (WORD_SEPARATOR.test(w) ? [w, ...w.split(WORD_SEPARATOR)] : [w]));
  for (const word of all) {
    const folded = clean(fold(word));
    if (!folded) continue;
    out.push(folded);
    if (!stem) continue;
    const a = clean(stem(folded));
    const b = clean(fold(stem(word)));
    if (a && a !== folded) out.push(a);
    if (b && b !== folded && b !== a) out.push(b);
  }
  return out.join(' ');
};

/**
 * One word of a query: `exact` must be a term of the document (the stem of
 * the folded word, or the folded word where there is no stemmer); for the
 * last word, `prefix` may instead begin a term (search as you type).
 */
export interface QueryWord {
  exact: string;
  prefix?: string;
}

/**
 * The words of a visitor's query as terms, at most MAX_QUERY_WORDS; empty
 * when it has no letter or digit. Depends only on the folded query, so that
 * any spelling that folds the same (case, accents, NFC or NFD) searches the same.
 */
export const queryWords = (q: string, locale: string): QueryWord[] => {
  const stem = stemmerFor(locale);
  const folded = words(q)
    .map((w) => clean(fold(w)))
    .filter(Boolean)
    .slice(0, MAX_QUERY_WORDS);
  return folded.map((w, i) => {
    const exact = (stem && clean(stem(w))) || w;
    return i === folded.length - 1 ? { exact, prefix: w } : { exact };
  });
};

/**
 * An FTS5 MATCH expression for the words: every word required, each term a
 * quoted string (terms are letters and digits only), the last word's folded
 * form also as a prefix. Null when there is no word.
 */
export const ftsExpression = (query: QueryWord[]): string | null => {
  if (!query.length) return null;
  return query
    .map((w) => (w.prefix ? `("${w.exact}" OR "${w.prefix}"*)` : `"${w.exact}"`))
    .join(' AND ');
};

/**
 * A to_tsquery text (for the `simple` configuration) for the words: every
 * word required, each term single-quoted (letters and digits only), the last
 * word's folded form also as a prefix (`:*`). Null when there is no word.
 * With `matching` (a text only matched, never ranked), a last word whose
 * stem is the folded word itself is its prefix alone (`'w':*`, which matches
 * all `('w' | 'w':*)` matches: one GIN scan of that word instead of two,
 * about 15% of a common word's index time); ranking keeps both, so that the
 * word itself counts above a longer one it begins.
 */
export const tsqueryText = (query: QueryWord[], options: { matching?: boolean } = {}): string | null => {
  if (!query.length) return null;
  return query
    .map((w) =>
      w.prefix === undefined ? `'${w.exact}'` : options.matching && w.prefix === w.exact ? `'${w.prefix}':*` : `('${w.exact}' | '${w.prefix}':*)`
    )
    .join(' & ');
};
