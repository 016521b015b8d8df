// Builds dist/solidarity.js (the autoloader) and hashed lazy chunks under dist/chunks/: the shared
// chunk (Lit + the shared client + the English every widget uses), one per widget (<name>-element-*,
// with its own English strings and date helpers), one per UI locale; the practices filters
// (controls-*), a call's banner (call-banner-*), an open practice in the list with the page URL's
// fragment (open-*, with a practice's full view from <solidarity-practice>'s chunk) and a practice's
// systematisation fiche (practice-fiche-*, imported by the view only for a practice that has one); the
// <solidarity-submit-practice> form (submit-practice-*), its strings (form-<locale>-*) and the
// ALTCHA widget (altcha-*). A second build of the components puts the four read widgets and the shared client
// in one chunk (all-read-*, its lazy chunks named all-*), which the entry picks for a page with several
// read widgets (src/loader.ts `pick`); one more build per read widget puts it, lit-html and only the shared
// code it uses in one chunk (one-<widget>-*, its lazy chunks named one-<widget>-*), for a page with it alone.
import { statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { cutLitHtml, isLitHtml } from './scripts/lit-cuts.mjs';

/**
 * Minifies the static parts of css`` and html`` templates in our sources: comments and
 * indentation go; a line break (with its indentation) next to a tag goes, other runs become one
 * space. So text that must keep a space next to a tag is written on one line in the sources.
 * Works on the parsed syntax tree (template quasis), never on expressions.
 */
function minifyTemplates() {
  const css = (s) =>
    s
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      .replace(/: /g, ':')
      .replace(/;}/g, '}');
  const html = (s) => s.replace(/>\s*\n\s*/g, '>').replace(/\s*\n\s*</g, '<').replace(/\s*\n\s*/g, ' ');
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.includes('/src/') || !/\b(css|html)`/.test(code)) return null;
      const ast = this.parse(code);
      const edits = [];
      const walk = (n) => {
        if (!n || typeof n.type !== 'string') return;
        if (n.type === 'TaggedTemplateExpression' && n.tag.type === 'Identifier' && (n.tag.name === 'css' || n.tag.name === 'html')) {
          const f = n.tag.name === 'css' ? css : html;
          for (const q of n.quasi.quasis) edits.push([q.start, q.end, f(code.slice(q.start, q.end))]);
        }
        for (const k in n) {
          const v = n[k];
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object' && k !== 'parent') walk(v);
        }
      };
      walk(ast);
      if (!edits.length) return null;
      let out = code;
      for (const [s, e, r] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, s) + r + out.slice(e);
      return { code: out, map: null };
    },
  };
}

/** lit-html without the parts the widgets never use (scripts/lit-cuts.mjs; the browser tests run the same cut lit-html). */
function trimLitHtml() {
  return {
    name: 'trim-lit-html',
    transform(code, id) {
      return isLitHtml(id) ? { code: cutLitHtml(code, (m) => this.error(m)), map: null } : null;
    },
  };
}

/** An imported .css file (ALTCHA's stylesheet) as a string, whitespace collapsed. */
function cssText() {
  return {
    name: 'css-text',
    transform(code, id) {
      if (!id.endsWith('.css')) return null;
      return { code: `export default ${JSON.stringify(code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim())};`, map: null };
    },
  };
}

/**
 * Private names follow Lit's convention (Lit's starter kit configures terser the same way): a
 * member or field named `__something` is private to the widgets' code, so terser may shorten it
 * (`mangle.properties.regex`); everything else (attributes, public properties, Lit's lifecycle,
 * DOM and API fields) keeps its name.
 */
const PRIVATE = /^__/;
const TERSER = { ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true, unsafe: true, unsafe_methods: true, pure_getters: true, toplevel: true }, format: { comments: false } };
/** Names no chunk may mangle a private name to: every property name some chunk uses (filled by reserveProperties). */
const reserved = [];
/**
 * Ours: terser with property mangling. One name cache for every chunk (the plugin then minifies them
 * one after the other), so `__status` gets the same short name in the entry and in the form's chunk,
 * whose element extends the entry's classes.
 * (`cache: false`: the names of variables are not shared; they are local to each chunk.)
 */
const ours = terser({ ...TERSER, mangle: { toplevel: true, cache: false, properties: { regex: PRIVATE, reserved } }, nameCache: {} });
/** Third-party chunks (ALTCHA: Svelte reads `__click`... by computed names): no property mangling. */
const theirs = terser({ ...TERSER, mangle: { toplevel: true } });
const thirdParty = (chunk) => chunk.moduleIds.some((id) => id.includes('/node_modules/altcha/'));

/**
 * Terser mangles one chunk at a time, and only avoids the property names it sees in that chunk; a
 * short name made for the form's chunk could then equal a property that only the entry uses on the
 * same object (a Lit internal, say). So: wait until every chunk is rendered, reserve every property
 * name any of them uses (members, keys, `in` tests), then let terser run.
 */
function reserveProperties() {
  let chunks, all, done;
  return {
    name: 'reserve-properties',
    renderStart() {
      chunks = new Map();
      reserved.length = 0;
      all = new Promise((r) => (done = r));
    },
    async renderChunk(code, chunk, _o, meta) {
      chunks.set(chunk.fileName, code);
      if (chunks.size == Object.keys(meta.chunks).length) {
        const names = new Set();
        const key = (k) => k && (k.type == 'Identifier' ? names.add(k.name) : typeof k.value == 'string' && names.add(k.value));
        const walk = (n) => {
          if (!n || typeof n.type != 'string') return;
          if ((n.type == 'MemberExpression' || n.type == 'Property' || n.type == 'MethodDefinition' || n.type == 'PropertyDefinition') && !n.computed)
            key(n.type == 'MemberExpression' ? n.property : n.key);
          if (n.type == 'MemberExpression' && n.computed) key(n.property);
          if (n.type == 'BinaryExpression' && n.operator == 'in') key(n.left);
          for (const k in n) {
            const v = n[k];
            if (Array.isArray(v)) v.forEach(walk);
            else if (v && typeof v == 'object' && k != 'parent') walk(v);
          }
        };
        for (const c of chunks.values()) walk(this.parse(c));
        reserved.push(...[...names].filter((n) => !PRIVATE.test(n)));
        done();
      }
      await all;
      return null;
    },
  };
}

/**
 * Writes each emitted file's gzip and brotli (quality 11) forms next to it (`x.js.gz`, `x.js.br`),
 * once at build time, so that the server sends the smallest bytes without compressing per request
 * (cms/server/src/static picks the one the browser accepts). The gzip is Zopfli's (@gfx/zopfli, Google's
 * zopfli in WebAssembly, no native build): the same deflate format every browser reads, 2-3 % smaller
 * than zlib's level 9 (about 0.4 KB of a page with the four read widgets, issue #13's budgets), at a
 * cost paid once per build (a few seconds) rather than per request; zlib's level 9 is kept for a file
 * where it happens to be smaller. Brotli is Node's zlib.
 */
function precompress() {
  return {
    name: 'precompress',
    async writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        const file = path.join(options.dir ?? path.dirname(options.file), name);
        const raw = await readFile(file);
        const zlib9 = gzipSync(raw, { level: 9 }),
          zopfli = await gzipAsync(raw, { numiterations: 15 });
        await writeFile(`${file}.gz`, zopfli.length < zlib9.length ? zopfli : zlib9);
        await writeFile(
          `${file}.br`,
          brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        );
      }
    },
  };
}

/** The read widgets and the form: one chunk each, loaded by the entry when their tag is on the page. */
const COMPONENTS = ['practices', 'practice', 'sessions', 'statements', 'submit-practice'];
/**
 * lit-html (Lit's templates) and the shared client (base element: internal/element.ts and css.ts; API client, i18n with the English every
 * widget uses (locales/en-common.ts), query, styles, list, Strapi blocks, the date formatter, a practice's place line): one chunk.
 * A widget's own English (locales/en-<widget>.ts) and date helpers (format-day, format-when) go with its chunk. Not in it: Lit's directives (`live`, the form's only) go with the
 * chunk that uses them, and a practice's full view (internal/practice-view.ts) is in <solidarity-practice>'s chunk
 * (its entry re-exports it), imported by <solidarity-practices> when a practice is opened; its fiche (internal/practice-fiche.ts)
 * another, imported by the view when the practice has fiche fields.
 */
const SHARED = /\/node_modules\/(lit-html\/(lit-html|is-server)|lit\/html)\.js$|\/src\/internal\/(lit|element|css|base|api|i18n|query|status|styles|util|define|html|types|list|text|practice-meta|dtf|blocks)\.ts$|\/src\/locales\/en-common\.ts$|\/cms\/shared\/(locales|paging)\.ts$/;
/** The read widgets (their chunks, or one chunk with all four). */
const READ_WIDGETS = ['practices', 'practice', 'sessions', 'statements'];
/** The read widgets' modules but their lazy chunks' (filters, open practice, call banner): in the 'all-' build, in one chunk with the shared ones. */
const READ = /\/src\/read\.ts$|\/src\/components\/(practices\/practices|practice\/practice|sessions\/sessions|statements\/statements)(\.component|\.styles)?\.ts$|\/src\/internal\/practice-view\.ts$|\/src\/locales\/en-(practices|practice|sessions|statements)\.ts$|\/src\/internal\/(format-day|format-when|format-months|fiche-keys)\.ts$/;
/**
 * The chunks the entry imports (src/virtual-chunks.d.ts), filled by the components' builds, read by the entry's:
 * `chunks` widget name -> file (relative to dist/chunks/), `''` -> the shared chunk; `all` the same for the
 * build with the four read widgets in one chunk (`''` and each read widget -> that chunk; that build's form); `n` the fewest
 * read widgets for which that chunk costs fewer gzip bytes than theirs beside the shared one, whichever they
 * are (from the .gz files, written by the time the entry's build reads them; 5: never).
 */
const manifest = { chunks: {}, all: {}, one: {}, n: 0 };
/** file -> the chunks it imports statically (the shared one apart), from both components' builds. */
const imports = {};

/** Records each component's chunk (and the shared chunk) for the entry's build; a widget's own build (`alone`): its one chunk. */
function recordChunks(prefix, alone) {
  return {
    name: 'record-chunks',
    generateBundle(_o, bundle) {
      if (alone) {
        const c = Object.values(bundle).find((c) => c.type == 'chunk' && c.isEntry);
        manifest.one[alone] = c.fileName.slice('chunks/'.length);
        return;
      }
      const m = (manifest[prefix ? 'all' : 'chunks'] = {});
      for (const c of Object.values(bundle))
        if (c.type == 'chunk' && (c.isEntry || c.name == 'shared')) {
          const f = c.fileName.slice('chunks/'.length);
          m[c.isEntry && c.name != 'read' ? c.name : ''] = f;
          if (c.name == 'read') for (const r of READ_WIDGETS) m[r] = f;
          imports[f] = c.imports.filter((i) => bundle[i].name != 'shared').map((i) => i.slice('chunks/'.length));
        }
    },
  };
}

/** `import chunks from 'virtual:chunks'` in src/loader.ts: the manifest above, with the gzip sizes (the components' builds run first). */
function chunkManifest() {
  const gz = (f) => statSync(`dist/chunks/${f}.gz`).size;
  return {
    name: 'chunk-manifest',
    resolveId: (id) => (id == 'virtual:chunks' ? id : null),
    load(id) {
      if (id != 'virtual:chunks') return null;
      const { chunks, all } = manifest,
        size = (f) => [f, ...imports[f]].reduce((s, i) => s + gz(i), 0),
        own = READ_WIDGETS.map((k) => size(chunks[k])).sort((a, b) => a - b),
        one = size(all['']) - gz(chunks['']);
      // the fewest read widgets for which any of them cost more beside the shared chunk than the one chunk with all four
      manifest.n = 1;
      while (manifest.n <= own.length && own.slice(0, manifest.n).reduce((s, x) => s + x, 0) <= one) manifest.n++;
      return `export default ${JSON.stringify(manifest)};`;
    },
  };
}

/**
 * The components' builds: `prefix` '' (one chunk per widget) or 'all-' (the four read widgets in one, src/read.ts);
 * or, with `alone` (a read widget's name), that widget's own build for a page with it alone (chunks named
 * `one-<widget>-*`): its code, lit-html and the shared client in one chunk, with only what that widget uses of
 * them (rollup leaves out the rest: another widget's helpers, the list for a single practice...), and its
 * lazy chunks (locales, filters, an open practice...) importing from it.
 */
const components = (prefix, alone) => ({
    input: alone
      ? { [alone]: `src/components/${alone}/${alone}.ts` }
      : prefix
        ? { read: 'src/read.ts', 'submit-practice': 'src/components/submit-practice/submit-practice.ts' }
        : Object.fromEntries(COMPONENTS.map((c) => [c, `src/components/${c}/${c}.ts`])),
    // the entry imports a widget's chunk for its side effect (the element's definition): a widget's own build needs no exports (and so no facade chunk)
    preserveEntrySignatures: alone ? false : 'exports-only',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: (c) => (alone ? `chunks/${prefix}[hash].js` : prefix && c.name == 'read' ? 'chunks/all-read-[hash].js' : `chunks/${prefix}[name]-element-[hash].js`),
      // the form's strings are named form-<locale>, apart from the read widgets' <locale> chunks
      chunkFileNames: (c) => (c.facadeModuleId?.includes('/submit-practice/locales/') ? `chunks/${prefix}form-[name]-[hash].js` : `chunks/${prefix}[name]-[hash].js`),
      manualChunks: alone ? undefined : (id) => (prefix ? (SHARED.test(id) || READ.test(id) ? 'read' : undefined) : SHARED.test(id) ? 'shared' : undefined),
      sourcemap: !!process.env.SOURCEMAP,
    },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      trimLitHtml(),
      cssText(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
      minifyTemplates(),
      reserveProperties(),
      {
        name: 'terser',
        renderChunk(code, chunk, o, meta) {
          return (thirdParty(chunk) ? theirs : ours).renderChunk.call(this, code, chunk, o, meta);
        },
      },
      recordChunks(prefix, alone),
      precompress(),
    ],
  });

export default [
  // the components first: the entry's build needs their file names
  components(''),
  components('all-'),
  // each read widget's own build, for a page with that widget alone (src/loader.ts `pick`)
  ...READ_WIDGETS.map((w) => components(`one-${w}-`, w)),
  {
    // the file partners include: a classic script (an IIFE, no import.meta) that also works as a module
    input: 'src/loader.ts',
    output: { file: 'dist/solidarity.js', format: 'iife', sourcemap: false },
    plugins: [
      chunkManifest(),
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }),
      terser({ ...TERSER, module: false, compress: { ...TERSER.compress, toplevel: false } }),
      precompress(),
    ],
  },
];
