/**
 * Types of @orama/stemmers' Greek entry point: the package declares it through
 * `exports`, which this project's `moduleResolution: node` does not read.
 */
declare module '@orama/stemmers/greek' {
  /** Snowball's Greek stemmer: any case and accents in, an unaccented lower-case stem out. */
  export function stemmer(word: string): string;
  export const language: string;
}
