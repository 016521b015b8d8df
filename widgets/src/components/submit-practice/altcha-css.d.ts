/** The rollup build (rollup.config.mjs, `cssText`) turns an imported .css file into its text. */
declare module 'altcha/altcha.css' {
  const css: string;
  export default css;
}
