import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import adminApi from './admin';
import contentApi from './content-api';

/**
 * Every API path the README names is a route of the plugin: a public one under `/api/solidarity`
 * (content-api routes), an admin one under `/solidarity` (admin routes). A path written without its
 * prefix (`/export/practices.json`, which answers 404) is caught too.
 */
const README = readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8');

/** A route path as a regular expression: `:param` is one segment; the `.ics` of `/sessions/:idOrSlug.ics` stays literal. */
const routePattern = (routePath: string): RegExp =>
  new RegExp(
    `^${routePath
      .split(/(:[A-Za-z]+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`
  );

const publicPatterns = contentApi.routes.map((r) => routePattern(r.path));
const adminPatterns = adminApi.routes.map((r) => routePattern(r.path));

/** The README's code spans (`…`), each the text between backticks. */
const codeSpans = [...README.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');

/** The path of a mention: up to the query, with `<type>` and `…` spelled as one segment, without a trailing slash. */
const pathOf = (mention: string): string =>
  mention
    .split(/[?#]/)[0]!
    .replace(/<[a-z]+>/g, 'practices')
    .replace(/\.\.\.|…/g, 'x')
    .replace(/\/$/, '');

describe('README routes', () => {
  it('names only public routes that exist under /api/solidarity', () => {
    const mentions = [...README.matchAll(/\/api\/solidarity(\/[A-Za-z0-9_.:<>\-/…]*)/g)].map((m) => pathOf(m[1] ?? ''));
    expect(mentions.length).toBeGreaterThan(10);
    for (const mention of mentions.filter((m) => m && m !== '/upload')) {
      expect(
        publicPatterns.some((p) => p.test(mention)),
        `/api/solidarity${mention}`
      ).toBe(true);
    }
  });

  it('never writes a public route without its /api/solidarity prefix (such a path is a 404)', () => {
    const bare = codeSpans
      .map((span) => /^(?:GET |POST )?(\/[A-Za-z0-9_.:<>\-/…]+)/.exec(span)?.[1] ?? '')
      .filter((p) => p && !p.startsWith('/api/') && !p.startsWith('/solidarity/'))
      .filter((p) => publicPatterns.some((pattern) => pattern.test(pathOf(p))));
    expect(bare).toEqual([]);
  });

  it('names only admin routes that exist under /solidarity', () => {
    const mentions = codeSpans
      .map((span) => /^(?:GET |POST |PUT |DELETE )?\/solidarity(\/[A-Za-z0-9_.:<>\-/…]*)/.exec(span)?.[1])
      .filter((m): m is string => Boolean(m))
      .map(pathOf);
    expect(mentions.length).toBeGreaterThan(5);
    for (const mention of mentions) expect(adminPatterns.some((p) => p.test(mention)), `/solidarity${mention}`).toBe(true);
  });
});
