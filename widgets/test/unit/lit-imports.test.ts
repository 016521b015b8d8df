import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The widgets render with lit-html and their own small LitElement (src/internal/lit.ts): importing
 * anything from 'lit', 'lit-element' or '@lit/reactive-element' would bundle Lit's own element too
 * (about 2.5 KB gzip on every page: Lit's packages declare side effects, so nothing is shaken off).
 * Lit's directives ('lit/directives/*') are fine.
 */
const src = fileURLToPath(new URL('../../src/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []
  );
const sources = files(src).map((f) => [f.slice(src.length), readFileSync(f, 'utf8')] as const);

describe('imports of Lit', () => {
  it('reads the sources', () => {
    expect(sources.map(([f]) => f)).toContain('internal/lit.ts');
  });

  it("never imports Lit's element: html, css, nothing, LitElement and the types come from src/internal/lit.ts", () => {
    for (const [f, s] of sources)
      expect(s.match(/\bfrom\s*['"](lit|lit\/index\.js|lit-element(\/[^'"]*)?|@lit\/reactive-element(\/[^'"]*)?)['"]/g), `${f}: import from './internal/lit.js' instead`).toBe(null);
  });
});
