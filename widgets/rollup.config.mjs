// Builds dist/solidarity.js (the autoloader) and hashed lazy chunks under dist/chunks/: the shared
// chunk (Lit + the shared client + the English every widget uses), one per widget (<name>-element-*,
// with its own English strings and date helpers), one per UI locale; the practices filters
// (controls-*), a call's banner (call-banner-*), an open practice in the list with the page URL's
// fragment (open-*, with a practice's full view from <solidarity-practice>'s chunk) and a practice's
// systematisation fiche (practice-fiche-*, imported by the view only for a practice that has one); the
// <solidarity-submit-practice> form (submit-practice-*), its strings (form-<locale>-*) and the
// ALTCHA widget (altcha-*). A second build of the components puts the four read widgets and the shared client
// in one chunk (all-read-*, its lazy chunks named all-*), which the entry picks for a page with several
// read widgets (src/loader.ts `pick`); one more build per read widget, its family, puts it, lit-html and only the shared
// code it uses in one chunk (one-<widget>-<hash>.js), for a page with it alone, with every other component in a chunk of
// its own that imports from that one (one-<widget>-<hash>-<component>.js; lazy chunks one-<widget>-*), for a tag added later.
// The locales' strings, the form's and ALTCHA (which import nothing) are the same file in every build.
import { createHash } from 'node:crypto';
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
      .replace(/;}/g, '}')
      // selectors' `+` and `~` combinators, `@media (`, identifiers quoted in attribute selectors, `*` and `/` in calc() and ratios
      .replace(/(^|[{}])([^{}]*)(?=\{)/g, (_, a, sel) => a + sel.replace(/ ?([+~]) ?/g, '$1'))
      .replace(/@media \(/g, '@media(')
      .replace(/=(['"])([a-z][\w-]*)\1\]/g, '=$2]')
      .replace(/calc\(([^;{}]*)\)/g, (m) => m.replace(/ ([*/]) /g, '$1'))
      .replace(/(\d) \/ (\d)/g, '$1/$2');
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

/** The warnings of cuts skipped, printed once (every components' build cuts lit-html). */
const litWarned = new Set();
/**
 * lit-html without the parts the widgets never use (scripts/lit-cuts.mjs; the browser tests run the same cut lit-html).
 * A cut not found (another lit-html version) is skipped with a warning naming it, on stderr (the build runs
 * rollup --silent); the size budget catches the bytes, and test/unit/lit-cuts.test.ts fails.
 */
function trimLitHtml() {
  return {
    name: 'trim-lit-html',
    transform(code, id) {
      if (!isLitHtml(id)) return null;
      const warn = (m) => litWarned.has(m) || (litWarned.add(m), console.warn(`(!) ${m}`));
      return { code: cutLitHtml(code, warn).code, map: null };
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
 * DOM and API fields) keeps its name. So do lit-html's own private members (`_$AH`, `_$AI`, `_$Co`...: four
 * characters each, some 70 times in every page's chunk; lit-html, its directives and the widgets are
 * minified with the one name cache); not its cross-copy protocol (`_$litType$`, `_$litPart$`, `_$litDirective$`).
 */
const PRIVATE = /^__|^_\$[AC][A-Za-z]$/;
const TERSER = { ecma: 2022, module: true, compress: { passes: 6, unsafe_arrows: true, unsafe: true, unsafe_methods: true, pure_getters: true, toplevel: true }, format: { comments: false } };
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
const SHARED = /\/node_modules\/(lit-html\/(lit-html|is-server)|lit\/html)\.js$|\/src\/internal\/(lit|element|css|base|api|i18n|query|status|styles|util|define|html|types|list|text|practice-meta|dtf|utc-day|blocks|words)\.ts$|\/src\/locales\/en-(common|few)\.ts$|\/cms\/shared\/(locales|paging)\.ts$/;
/** The read widgets (their chunks, or one chunk with all four). */
const READ_WIDGETS = ['practices', 'practice', 'sessions', 'statements'];
/** The read widgets' modules but their lazy chunks' (filters, open practice, call banner): in the 'all-' build, in one chunk with the shared ones. */
const READ = /\/src\/read\.ts$|\/src\/components\/(practices\/practices|practice\/practice|sessions\/sessions|statements\/statements)(\.component|\.styles)?\.ts$|\/src\/internal\/practice-view\.ts$|\/src\/locales\/en-(practices|practice|sessions|statements)\.ts$|\/src\/internal\/(format-day|format-when|format-months|fiche-keys)\.ts$/;
/**
 * The chunks the entry imports (src/virtual-chunks.d.ts), filled by the components' builds, read by the entry's:
 * `chunks` widget name -> file (relative to dist/chunks/), `''` -> the shared chunk (the entry gets the hashes in their names); `all` the same for the
 * build with the four read widgets in one chunk (`''` and each read widget -> that chunk; that build's form;
 * the entry gets these two files only); `one` read widget -> the hash of its family's files; `n` the fewest
 * read widgets for which that chunk costs fewer gzip bytes than theirs beside the shared one, whichever they
 * are (from the .gz files, written by the time the entry's build reads them; 5: never).
 */
const manifest = { chunks: {}, all: {}, one: {}, n: 0 };
/** file -> the chunks it imports statically (the shared one apart), from both components' builds. */
const imports = {};

/**
 * Names the files of `alone`'s family (its components' entry chunks) after one hash of the whole family's
 * code: `one-<alone>-<hash>.js` for `alone`'s chunk, `one-<alone>-<hash>-<component>.js` for the others',
 * so that the entry's manifest needs that hash only (src/loader.ts `pick` makes the names) and any change
 * in the family (a component, a lazy chunk) gives them new names. A lazy chunk that imports a renamed
 * file (directly or through another) is renamed too (`one-<alone>-<name>-<new hash>.js`), since its code
 * changes; the references in the family's code (static and dynamic imports) are rewritten. Returns the hash.
 */
function nameFamily(alone, bundle) {
  const sha = (...s) => s.reduce((h, x) => h.update(x), createHash('sha256')).digest('base64url').slice(0, 6),
    chunks = Object.values(bundle)
      .filter((c) => c.type == 'chunk')
      .sort((a, b) => (a.fileName < b.fileName ? -1 : 1)),
    // the files' names are rollup's content hashes (which cover the chunks they import): one hash of them covers the family
    h = sha(...chunks.map((c) => c.fileName)),
    to = new Map(chunks.filter((c) => c.isEntry).map((c) => [c.fileName, `chunks/one-${alone}-${h}${c.name == alone ? '' : `-${c.name}`}.js`]));
  for (let more = true; more; ) {
    more = false;
    for (const c of chunks)
      if (!to.has(c.fileName) && [...c.imports, ...c.dynamicImports].some((i) => to.has(i))) {
        to.set(c.fileName, `chunks/one-${alone}-${c.name}-${sha(c.fileName, h)}.js`);
        more = true;
      }
  }
  const base = (f) => f.slice('chunks/'.length);
  for (const c of chunks)
    for (const [from, fileName] of to) c.code = c.code.split(`"./${base(from)}"`).join(`"./${base(fileName)}"`).replace(`sourceMappingURL=${base(from)}.map`, `sourceMappingURL=${base(fileName)}.map`);
  for (const [from, fileName] of to)
    for (const f of [from, `${from}.map`].map((k) => bundle[k]).filter(Boolean)) {
      delete bundle[f.fileName];
      f.fileName = f.fileName.replace(from, fileName);
      bundle[f.fileName] = f;
    }
  return h;
}

/**
 * The export statement of `alone`'s chunk in its family, shorter: rollup names each export (`export{w as A,$ as E}`), which
 * only the family's other chunks import; they then import it by its local name in the minified chunk
 * (`export{w,$}`, `import{w as s}`): about 60 B gzip less on a page with `alone` alone. The names of
 * its entry module's own exports stay (another chunk may import it dynamically and read them), and nothing
 * changes when a chunk imports it as a namespace (`import * as`) or imports a module inside it dynamically
 * (`import("./x.js").then(t=>t.b)`), which read the names too. `ctx`: the plugin context.
 */
function shortExports(alone, bundle, ctx) {
  const parse = (code) => ctx.parse(code);
  const x = Object.values(bundle).find((c) => c.type == 'chunk' && c.isEntry && c.name == alone),
    from = `./${x.fileName.slice('chunks/'.length)}`,
    own = ctx.getModuleInfo(x.facadeModuleId)?.exports ?? [],
    keep = new Set(x.exports.filter((e) => own.includes(e))),
    others = Object.values(bundle).filter((c) => c.type == 'chunk' && c != x),
    imports = others.map((c) => [c, parse(c.code).body.filter((n) => n.source?.value == from)]);
  if (imports.some(([, ns]) => ns.some((n) => n.type != 'ImportDeclaration' || n.specifiers.some((s) => s.type != 'ImportSpecifier')))) return;
  // a dynamic import of a module inside it reads its export by rollup's name (`import("./x.js").then(t=>t.b)`): that
  // name is rewritten too; in any other form, the names stay
  const dynamic = new RegExp(`import\\("${from.replace(/[.$]/g, '\\$&')}"\\)\\.then\\(([\\w$]+)=>\\1\\.([\\w$]+)\\)`, 'g');
  if (others.some((c) => c.code.split(`import("${from}").then(`).length - 1 != [...c.code.matchAll(dynamic)].length)) return;
  const ast = parse(x.code),
    exp = ast.body.filter((n) => n.type == 'ExportNamedDeclaration' && !n.source && !n.declaration);
  if (exp.length != 1) return;
  const local = new Map(exp[0].specifiers.map((s) => [s.exported.name, s.local.name]));
  for (const k of keep) local.set(k, k);
  const names = [...new Set(exp[0].specifiers.map((s) => (keep.has(s.exported.name) ? `${s.local.name} as ${s.exported.name}` : s.local.name)))];
  const edit = (code, edits) => edits.sort((a, b) => b[0] - a[0]).reduce((c, [s, e, t]) => c.slice(0, s) + t + c.slice(e), code);
  x.code = edit(x.code, [[exp[0].start, exp[0].end, `export{${names.join(',')}};`]]);
  for (const c of others)
    c.code = c.code.replace(dynamic, (m, t, e) => {
      const l = keep.has(e) ? e : local.get(e);
      if (l == null) throw new Error(`${c.fileName} reads ${e}, which ${x.fileName} does not export`);
      return `import("${from}").then(${t}=>${t}.${l})`;
    });
  for (const [c, ns] of imports)
    if (ns.length)
      c.code = edit(
        c.code,
        ns.map((n) => {
          const specs = n.specifiers.map((s) => {
            const l = keep.has(s.imported.name) ? s.imported.name : local.get(s.imported.name);
            if (l == null) throw new Error(`${c.fileName} imports ${s.imported.name}, which ${x.fileName} does not export`);
            return l == s.local.name ? l : `${l} as ${s.local.name}`;
          });
          return [n.start, n.end, specs.length ? `import{${specs.join(',')}}from"${from}";` : `import"${from}";`];
        })
      );
}

/** Records each component's chunk (and the shared chunk) for the entry's build; a widget's own build (`alone`): its one chunk. */
function recordChunks(prefix, alone) {
  return {
    name: 'record-chunks',
    generateBundle(_o, bundle) {
      if (alone) {
        shortExports(alone, bundle, this);
        manifest.one[alone] = nameFamily(alone, bundle);
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
      // `all`: the chunk with the four read widgets (for them and for '') and that build's form
      // `chunks`: the hash in each file's name only (`shared-<hash>.js`, `<widget>-element-<hash>.js`: src/loader.ts makes the names)
      const hashes = Object.fromEntries(Object.entries(chunks).map(([k, f]) => [k, f.slice(k ? `${k}-element-`.length : 'shared-'.length, -'.js'.length)]));
      for (const [k, h] of Object.entries(hashes)) if ((k ? `${k}-element-${h}.js` : `shared-${h}.js`) != chunks[k]) throw new Error(`chunk name ${chunks[k]} not as src/loader.ts makes it`);
      return `export default ${JSON.stringify({ ...manifest, chunks: hashes, all: [all[''], all['submit-practice']] })};`;
    },
  };
}

/**
 * `manualChunks` of `alone`'s family: every module `alone`'s entry imports statically, directly or not
 * (lit-html, the base element, the shared client it uses), in `alone`'s chunk; the other components'
 * entries import them from it, and the modules `alone` does not use go to their chunks or to chunks of
 * their own, so that a page that started with `alone`'s own build loads a later tag from the same family
 * without a second copy of anything.
 */
const family = (alone) => {
  let mine;
  return (id, { getModuleInfo }) => {
    if (!mine) {
      mine = new Set();
      const entry = path.resolve(`src/components/${alone}/${alone}.ts`);
      const add = (m) => {
        if (mine.has(m)) return;
        mine.add(m);
        for (const i of getModuleInfo(m)?.importedIds ?? []) add(i);
      };
      add(entry);
    }
    return mine.has(id) ? alone : undefined;
  };
};

/**
 * The components' builds: `prefix` '' (one chunk per widget) or 'all-' (the four read widgets in one, src/read.ts);
 * or, with `alone` (a read widget's name), that widget's own build for a page with it alone (chunks named
 * `one-<widget>-*`): its code, lit-html and the shared client in one chunk, with only what that widget uses of
 * them (rollup leaves out the rest: another widget's helpers, the list for a single practice...), and its
 * lazy chunks (locales, filters, an open practice...) importing from it.
 */
const components = (prefix, alone) => ({
    input: alone
      ? Object.fromEntries(COMPONENTS.map((c) => [c, `src/components/${c}/${c}.ts`]))
      : prefix
        ? { read: 'src/read.ts', 'submit-practice': 'src/components/submit-practice/submit-practice.ts' }
        : Object.fromEntries(COMPONENTS.map((c) => [c, `src/components/${c}/${c}.ts`])),
    // the entry imports a widget's chunk for its side effect (the element's definition): a widget's own build needs no exports (and so no facade chunk)
    preserveEntrySignatures: alone ? false : 'exports-only',
    output: {
      dir: 'dist',
      format: 'es',
      // 6 characters of hash, not rollup's 8: the entry names 12 files and a widget's chunk its 4 locales (about 33 B gzip of a page; a name's
      // hash only has to change with its content: 36 bits are plenty), as nameFamily's
      entryFileNames: (c) => (c.name == alone ? `chunks/${prefix}[hash:6].js` : prefix && c.name == 'read' ? 'chunks/all-read-[hash:6].js' : `chunks/${prefix}[name]-element-[hash:6].js`),
      // the form's strings are named form-<locale>, apart from the read widgets' <locale> chunks; those and ALTCHA's
      // have no build prefix: the same code (which imports nothing: its hash is its content's) is one file for every build
      chunkFileNames: (c) => {
        const m = c.facadeModuleId ?? '';
        return m.includes('/submit-practice/locales/')
          ? 'chunks/form-[name]-[hash:6].js'
          : /\/src\/locales\/\w+\.ts$|\/submit-practice\/altcha\.ts$/.test(m)
            ? 'chunks/[name]-[hash:6].js'
            : `chunks/${prefix}[name]-[hash:6].js`;
      },
      manualChunks: alone ? family(alone) : (id) => (prefix ? (SHARED.test(id) || READ.test(id) ? 'read' : undefined) : SHARED.test(id) ? 'shared' : undefined),
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
    // no "use strict" (12 bytes of every page): the loader is written for either mode, and a module is strict anyway
    output: { file: 'dist/solidarity.js', format: 'iife', sourcemap: false, strict: false },
    plugins: [
      chunkManifest(),
      esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }),
      terser({ ...TERSER, module: false, compress: { ...TERSER.compress, toplevel: false } }),
      precompress(),
    ],
  },
];
