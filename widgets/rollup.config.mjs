// Builds dist/solidarity.js (every read widget + English + Lit + the form's loader) and hashed
// lazy chunks under dist/chunks/: one per UI locale; the <solidarity-submit-practice> form
// (submit-practice-*), its strings (form-<locale>-*) and the ALTCHA widget (altcha-*).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

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

export default {
  input: { solidarity: 'src/solidarity.ts' },
  // the entry may export more than its own exports: the lazy form chunk imports Lit and the shared code from it
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    // the form's strings are named form-<locale>, apart from the read widgets' <locale> chunks
    chunkFileNames: (c) => (c.facadeModuleId?.includes('/submit-practice/locales/') ? 'chunks/form-[name]-[hash].js' : 'chunks/[name]-[hash].js'),
    sourcemap: false,
  },
  plugins: [
    nodeResolve({ exportConditions: ['production'] }),
    cssText(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    minifyTemplates(),
    terser({ ecma: 2022, module: true, compress: { passes: 3, unsafe_arrows: true, unsafe: true, unsafe_methods: true, pure_getters: true, toplevel: true }, mangle: { toplevel: true }, format: { comments: false } }),
  ],
};
