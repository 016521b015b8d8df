/** Pure helpers: query strings, URLs, attribute parsing. No DOM, no Lit (unit-tested in Node). */

import { MAX_PAGE_SIZE, WIDGET_DEFAULT_PAGE_SIZE } from '../../../cms/shared/paging.js';

export type Params = Record<string, string | number | null | undefined>;

/** Query string with keys sorted (stable cache keys) and empty values left out. */
export const qs = (p: Params): string => {
  const u = new URLSearchParams();
  for (const k of Object.keys(p).sort()) {
    const v = p[k];
    if (v != null && v !== '') u.set(k, String(v));
  }
  return u.toString();
};

/** `${base}/api/solidarity${path}?query`; `base` without trailing slash. */
export const endpoint = (base: string, path: string, p: Params = {}): string => {
  const q = qs(p);
  return `${base.replace(/\/+$/, '')}/api/solidarity${path}${q ? '?' + q : ''}`;
};

/** `page-size`: 1..50; not a number, or below 1: 10; above 50: 50 (cms/shared/paging.ts). */
export const pageSize = (v: unknown): number => {
  const n = Math.floor(Number(v));
  return v == null || v === '' || !(n >= 1) ? WIDGET_DEFAULT_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE);
};

/** `heading-level`: 1..6, default 3. */
export const headingLevel = (v: unknown): number => {
  const n = Math.floor(Number(v));
  return v == null || v === '' || isNaN(n) ? 3 : Math.min(6, Math.max(1, n));
};

/** Fills `{slug}`, `{documentId}`, `{locale}` ... of an `href-template` (values URL-encoded). */
export const fill = (tpl: string, o: object): string =>
  tpl.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String((o as Record<string, unknown>)[k] ?? '')));

/** A content URL if its scheme is http, https or mailto (relative URLs resolve against `base`), else undefined. */
export const safeUrl = (u: unknown, base?: string): string | undefined => {
  if (typeof u != 'string' || !u.trim()) return;
  try {
    const x = new URL(u, base);
    return /^(https?|mailto):$/.test(x.protocol) ? x.href : undefined;
  } catch {
    return;
  }
};

/** The same URL with the http(s) scheme replaced by webcal (calendar subscription). */
export const webcal = (u: string): string => u.replace(/^https?:/, 'webcal:');
