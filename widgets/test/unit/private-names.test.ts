import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The build shortens every property named `__x` (terser's mangle.properties, rollup.config.mjs),
 * but not strings: a `__` name written as a string (`changedProperties.has('__x')`, `el['__x']`)
 * would then miss the shortened member. And internal reactive state must be `__` named, or the
 * manifest (custom-elements.json) would list it as public.
 */
const src = fileURLToPath(new URL('../../src/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []
  );
const sources = files(src).map((f) => [f.slice(src.length), readFileSync(f, 'utf8')] as const);

describe('private names', () => {
  it('reads the sources', () => {
    expect(sources.map(([f]) => f)).toContain('internal/base.ts');
  });

  it('never names a __ member in a string', () => {
    for (const [f, s] of sources) expect(s.match(/['"`]__\w/g), f).toBe(null);
  });

  it('names internal reactive state with __', () => {
    const state = sources.flatMap(([f, s]) => [...s.matchAll(/(\w+): \{ state: true \}/g)].map((m) => `${f}: ${m[1]}`));
    expect(state.length).toBeGreaterThan(0);
    for (const x of state) expect(x).toMatch(/: __\w+$/);
  });
});
