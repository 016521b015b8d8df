/** css`` results and their adoption by a shadow root (Lit's css-tag, the part the widgets use: see ./element.ts). */
/** A css`` result: the text and, once adopted somewhere, its constructable stylesheet. */
export interface CSSResult {
  readonly cssText: string;
  /** @internal made at the first adoption, shared by every shadow root that adopts the result */
  __sheet?: CSSStyleSheet;
}

/** A stylesheet for `static styles` (no interpolations: none of the widgets' styles have any). */
export const css = (s: TemplateStringsArray): CSSResult => ({ cssText: s[0] });

/**
 * Gives `root` the `styles`: adopted stylesheets where the browser has constructable stylesheets
 * (every current one; Safari since 16.4; every browser shipped `adoptedStyleSheets` with them, so that is
 * the test), else (or with `sheets` false) `<style>` elements appended to it.
 */
export const adoptStyles = (root: ShadowRoot, styles: CSSResult[], sheets = 'adoptedStyleSheets' in Document.prototype): void => {
  if (sheets)
    root.adoptedStyleSheets = styles.map((s) => {
      if (!s.__sheet) (s.__sheet = new CSSStyleSheet()).replaceSync(s.cssText);
      return s.__sheet;
    });
  else for (const s of styles) root.appendChild(document.createElement('style')).textContent = s.cssText;
};
