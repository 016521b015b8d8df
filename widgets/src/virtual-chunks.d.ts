/** The components' chunks, from rollup.config.mjs: widget name (`practices`...) -> file in dist/chunks/; `''` -> the shared chunk. */
declare module 'virtual:chunks' {
  const chunks: Record<string, string>;
  export default chunks;
}
