#!/usr/bin/env node
// Size budget of the built widgets: the gzip bytes the app serves, i.e. each file's precompressed .gz in
// dist/ (the build's Zopfli or zlib level 9, whichever is smaller: rollup.config.mjs `precompress`); also
// checks that each file has its .gz and .br, and that they decode to the file's exact bytes.
// Fails when the entry (dist/solidarity.js, the autoloader) is over ENTRY_MAX; a page with one read
// widget in English (the entry + the chunk of the widget's own build, one-<widget>-<hash>.js, which the entry
// picks for a page with one read widget alone, + every chunk it imports, statically, read from
// the files) over ONE_MAX; a page with all four read widgets (the entry + the one chunk with all four,
// all-read-*, which the entry picks for a page with that many: src/loader.ts) over ALL_MAX; a locale chunk over 1.5 KB;
// the <solidarity-submit-practice> chunk over 8 KB (ALTCHA and its strings apart), one of its strings
// chunks over 2.5 KB, the ALTCHA chunk over 24 KB, the practices list's visitor filters (controls-*,
// with their strings in every locale) over 2 KB or a practice's systematisation fiche (practice-fiche-*,
// with its words in every locale; loaded only by a practice that has one) over 2.5 KB, or an open practice in
// the list (open-*: opening, Back and the page URL's fragment; loaded at the first opening) over 1 KB
// (KB = 1024 bytes; every size is also printed in bytes).
// The form, its strings and ALTCHA load only on pages with a form.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const KB = 1024;
/** The page budgets (budgets.json, also read by the browser test that counts the bytes a page loads). */
const BUDGETS = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8'));
const ENTRY_MAX = BUDGETS.entry;
const ONE_MAX = BUDGETS.oneReadWidget;
const ALL_MAX = BUDGETS.allReadWidgets;
const LOCALE_MAX = 1.5 * KB;
const FORM_MAX = 8 * KB;
const FORM_LOCALE_MAX = 2.5 * KB;
const ALTCHA_MAX = 24 * KB;
const CONTROLS_MAX = 2 * KB;
const FICHE_MAX = 2.5 * KB;
const OPEN_MAX = 1 * KB;

if (!existsSync(join(dist, 'solidarity.js'))) {
  console.error('dist/solidarity.js is missing: run `npm run -w widgets build` first.');
  process.exit(1);
}

/** Bytes of `f` as served with `Content-Encoding: gzip`: its .gz (checked by `precompressed`); zlib level 9 when it has none (a failure already). */
const gz = (f) => (existsSync(f + '.gz') ? readFileSync(f + '.gz').length : gzipSync(readFileSync(f), { level: 9 }).length);
const rows = [];
let failed = false;
/** The build's precompressed forms (rollup.config.mjs `precompress`): present, and the same bytes as the file. */
const precompressed = (file) => {
  const raw = readFileSync(file);
  for (const [ext, decode] of [['.gz', gunzipSync], ['.br', brotliDecompressSync]]) {
    if (!existsSync(file + ext) || !decode(readFileSync(file + ext)).equals(raw)) {
      failed = true;
      rows.push([`${file.slice(dist.length)}${ext}`, '', '', '', 'missing or not the same bytes as the file']);
    }
  }
};
const check = (name, file, max) => {
  precompressed(file);
  const raw = readFileSync(file).length,
    size = gz(file),
    ok = max == null || size <= max;
  if (!ok) failed = true;
  rows.push([name, raw, size, max ?? '', `${(size / KB).toFixed(2)} KB ${ok ? 'ok' : 'OVER BUDGET'}`]);
};

check('solidarity.js (entry, autoloader)', join(dist, 'solidarity.js'), ENTRY_MAX);
const chunks = existsSync(join(dist, 'chunks')) ? readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).sort() : [];
/** Exactly one chunk named `prefix-[hash].js` (or at most one, with `optional`), checked against `max`. */
const one = (prefix, what, max, optional = false) => {
  // a widget's own build names its chunk one-<widget>-[hash] and its lazy ones one-<widget>-<name>-[hash]: the hash alone after the prefix (6 characters)
  const f = chunks.filter((c) => c.startsWith(`${prefix}-`) && (prefix.startsWith('one-') ? /^[\w-]{6}\.js$/ : /^[\w-]{6,}\.js$/).test(c.slice(prefix.length + 1)));
  if (f.length > 1 || (!f.length && !optional)) {
    failed = true;
    rows.push([what, '', '', max, `expected 1 chunk, found ${f.length}`]);
  } else if (f.length) check(`chunks/${f[0]} (${what})`, join(dist, 'chunks', f[0]), max);
  return f;
};
// the locales' strings, the form's and ALTCHA: one file each for every build (they import nothing: rollup.config.mjs `chunkFileNames`)
const seen = [
  ...['ca', 'es', 'el', 'fr'].flatMap((l) => one(l, `locale ${l}`, LOCALE_MAX)),
  ...['en', 'ca', 'es', 'el', 'fr'].flatMap((l) => one(`form-${l}`, `form strings ${l}`, FORM_LOCALE_MAX)),
  ...one('altcha', 'ALTCHA', ALTCHA_MAX),
];
// the same lazy chunks in both components' builds: '' (one chunk per widget) and 'all-' (the read widgets in one chunk)
seen.push(...['', 'all-'].flatMap((b) => [
  ...one(`${b}submit-practice-element`, 'form', FORM_MAX),
  ...one(`${b}controls`, 'practices filters', CONTROLS_MAX),
  ...one(`${b}practice-fiche`, 'a practice’s fiche', FICHE_MAX),
  ...one(`${b}open`, 'an open practice in the list', OPEN_MAX),
]));
const READ = ['practices', 'practice', 'sessions', 'statements'];
// each read widget's family (one-<widget>-*: its own build, for a page with it alone, and every other component's
// chunk importing from it, one-<widget>-<hash>-<component>, for a tag added later): its chunks and lazy chunks
for (const r of READ) {
  const [x] = one(`one-${r}`, `<solidarity-${r}> alone: the widget, Lit and the shared client it uses`),
    h = x?.slice(`one-${r}-`.length, -'.js'.length);
  seen.push(
    ...['practices', 'practice', 'sessions', 'statements', 'submit-practice']
      .filter((c) => c != r && h)
      .flatMap((c) => {
        const f = `one-${r}-${h}-${c}.js`;
        if (chunks.includes(f)) check(`chunks/${f} (<solidarity-${c}> in the family of <solidarity-${r}>)`, join(dist, 'chunks', f), c == 'submit-practice' ? FORM_MAX : undefined);
        else {
          failed = true;
          rows.push([f, '', '', '', 'missing']);
        }
        return [f];
      }),
    ...one(`one-${r}-controls`, 'practices filters', CONTROLS_MAX),
    ...one(`one-${r}-practice-fiche`, 'a practice’s fiche', FICHE_MAX),
    ...one(`one-${r}-open`, 'an open practice in the list', OPEN_MAX),
    ...(x ? [x] : [])
  );
}
seen.push(...READ.flatMap((r) => one(`${r}-element`, `<solidarity-${r}>`)), ...one('shared', 'Lit and the shared client'), ...one('all-read', 'the four read widgets and the shared client, for a page with several'));
for (const c of chunks.filter((c) => !seen.includes(c))) check(`chunks/${c}`, join(dist, 'chunks', c));

/** A chunk and every chunk it imports statically (`from"./x.js"`, `import"./x.js"` in the minified code), transitively. */
const closure = (c, out = new Set()) => {
  if (out.has(c)) return out;
  out.add(c);
  for (const [, d] of readFileSync(join(dist, 'chunks', c), 'utf8').matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) closure(d, out);
  return out;
};
/**
 * The fewest read widgets for which the entry imports the chunk with all four (all-read-*) instead of
 * the shared chunk and theirs: `n` in the entry's chunk manifest (rollup.config.mjs, src/loader.ts `pick`).
 */
const ALL_FROM = Number(/\bn:(\d+)\}/.exec(readFileSync(join(dist, 'solidarity.js'), 'utf8'))?.[1]);
if (!(ALL_FROM >= 1)) {
  failed = true;
  rows.push(['solidarity.js', '', '', '', 'no `n` in its chunk manifest']);
}
/** Total gzip bytes of a page: the entry and the chunks of `widgets`, as the entry picks them (no locale chunk: English). */
const page = (label, widgets, max) => {
  const files = new Set();
  if (widgets.length == 1) closure(chunks.find((c) => new RegExp(`^one-${widgets[0]}-[\\w-]{6}\\.js$`).test(c)), files);
  else if (widgets.length >= ALL_FROM) closure(chunks.find((c) => /^all-read-[\w-]{6}\.js$/.test(c)), files);
  else for (const r of widgets) closure(chunks.find((c) => c.startsWith(`${r}-element-`)), files);
  const size = gz(join(dist, 'solidarity.js')) + [...files].reduce((n, f) => n + gz(join(dist, 'chunks', f)), 0),
    ok = size <= max;
  if (!ok) failed = true;
  rows.push([`page: ${label} (${files.size + 1} files)`, '', size, max, `${(size / KB).toFixed(2)} KB ${ok ? 'ok' : 'OVER BUDGET'}`]);
};
for (const r of READ) page(`<solidarity-${r}>`, [r], ONE_MAX);
page('all four read widgets', READ, ALL_MAX);

const w = Math.max(...rows.map((r) => String(r[0]).length));
console.log(`${'file'.padEnd(w)}  ${'bytes'.padStart(7)}  ${'gzip'.padStart(7)}  ${'budget'.padStart(7)}`);
for (const [n, raw, size, max, st] of rows)
  console.log(`${String(n).padEnd(w)}  ${String(raw).padStart(7)}  ${String(size).padStart(7)}  ${String(max).padStart(7)}  ${st}`);
if (failed) {
  console.error('\nSize budget exceeded.');
  process.exit(1);
}
console.log('\nSize budget: ok');
