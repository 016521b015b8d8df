/**
 * The components' chunks, from rollup.config.mjs: `chunks` widget name (`practices`...) -> the hash in the
 * name of its file in dist/chunks/ (`<widget>-element-<hash>.js`), `''` -> the shared chunk's (`shared-<hash>.js`); `all` the files of the build with the four read widgets in
 * one chunk: that chunk (for `''` and each read widget) and that build's form; `one` read widget -> the
 * hash in the names of its family's files (its own build, for a page with it alone: `one-<widget>-<hash>.js`,
 * and every other component's chunk, importing from it, `one-<widget>-<hash>-<component>.js`); `n` the fewest read widgets
 * on a page for which that one chunk costs fewer gzip bytes, whichever they are (5: never).
 */
declare module 'virtual:chunks' {
  const chunks: { chunks: Record<string, string>; all: [read: string, form: string]; one: Record<string, string>; n: number };
  export default chunks;
}
