import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LIT_CUTS, cutLitHtml, isLitHtml } from '../../scripts/lit-cuts.mjs';

/**
 * The build cuts lit-html's unused parts (scripts/lit-cuts.mjs) and skips, with a warning, a cut not
 * found in the installed version: so this test is what fails when the cuts silently stop applying
 * (lit-html updated), until they are checked again.
 */
// the package the build resolves (its root, from any of its entry points), and in it the production lit-html.js the cuts apply to
const file = createRequire(import.meta.url).resolve('lit-html').replace(/(\/node_modules\/lit-html\/).*$/, '$1lit-html.js');
const installed = readFileSync(file, 'utf8');

describe('lit-html cuts (scripts/lit-cuts.mjs)', () => {
  it('applies to the installed lit-html.js', () => {
    expect(isLitHtml(file)).toBe(true);
  });

  it('finds every cut in the installed lit-html, each piece exactly once', () => {
    const warnings: string[] = [];
    const { code, skipped } = cutLitHtml(installed, (m) => warnings.push(m));
    expect(skipped).toEqual([]);
    expect(warnings).toEqual([]);
    for (const [what, pieces] of LIT_CUTS)
      for (const [from, to] of pieces) {
        expect(installed.split(from).length - 1, what).toBe(1);
        if (!to.includes(from)) expect(code.includes(from), `${what}: still there`).toBe(false);
      }
    // the cut file is smaller by at least 1.5 KB (the parts listed in scripts/lit-cuts.mjs)
    expect(installed.length - code.length).toBeGreaterThan(1500);
  });

  it('leaves no source needing what is cut: no directive (lit-html\'s directives are cut), no svg`` or mathml``', () => {
    const src = new URL('../../src/', import.meta.url).pathname;
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const code = readFileSync(src + f, 'utf8');
      expect(code, f).not.toMatch(/from ['"](lit|lit-html)\/(directives\/|directive(-helpers)?\.js|async-directive\.js)/);
      expect(code, f).not.toMatch(/\b(svg|mathml)`/);
    }
  });

  it('leaves no template needing what is cut: every attribute binding is the whole value (`part=${x}`, not `part="a ${x}"`)', () => {
    const src = new URL('../../src/', import.meta.url).pathname;
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f));
    const found: string[] = [];
    let templates = 0;
    for (const f of files) {
      const walk = (n: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(n) && n.tag.getText() == 'html') {
          templates++;
          const t = n.template,
            // the template's static text, each binding a NUL
            text = ts.isNoSubstitutionTemplateLiteral(t) ? t.text : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join('\0');
          for (const [tag] of text.matchAll(/<[a-zA-Z][^>]*>/g))
            for (const [, name, value] of tag.matchAll(/\s([^\s"'>/=\0]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)/g)) {
              const v = value.replace(/^(["'])(.*)\1$/, '$2');
              if (v.includes('\0') && v != '\0') found.push(`${f}: ${name}=${value.replace(/\0/g, '${…}')}`);
            }
        }
        ts.forEachChild(n, walk);
      };
      walk(ts.createSourceFile(f, readFileSync(src + f, 'utf8'), ts.ScriptTarget.Latest, true));
    }
    expect(templates).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('skips a cut not found, all of its pieces, and names it in a warning', () => {
    const [what, pieces] = LIT_CUTS[0];
    // the first cut's last piece missing: none of its pieces is made (one alone could break lit-html); the others are
    const other = installed.replace(pieces[pieces.length - 1][0], '/*changed*/');
    const warnings: string[] = [];
    const { code, skipped } = cutLitHtml(other, (m) => warnings.push(m));
    expect(skipped).toEqual([what]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(what);
    for (const [from] of pieces.slice(0, -1)) expect(code).toContain(from);
    for (const [, more] of LIT_CUTS.slice(1)) for (const [from, to] of more) if (!to.includes(from)) expect(code).not.toContain(from);
  });
});
