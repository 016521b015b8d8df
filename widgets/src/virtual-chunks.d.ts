/**
 * The components' chunks, from rollup.config.mjs: `chunks` widget name (`practices`...) -> file in
 * dist/chunks/, `''` -> the shared chunk; `all` the same for the build with the four read widgets in
 * one chunk (`''` and each read widget -> that chunk, `submit-practice` -> that build's form); `one` read widget -> the
 * chunk of its own build (for a page with it alone); `n` the fewest read widgets
 * on a page for which that one chunk costs fewer gzip bytes, whichever they are (5: never).
 */
declare module 'virtual:chunks' {
  const chunks: { chunks: Record<string, string>; all: Record<string, string>; one: Record<string, string>; n: number };
  export default chunks;
}
