/**
 * A fake Solidarity Commons API for the browser tests: a `fetch` that answers exactly the
 * contract of /api/solidarity (list and detail shapes, pagination, filters, locales with
 * fallback, the error shape), records every request and honours AbortSignal.
 */
import { FICHE_FIELDS, FICHE_NEW_KEYS, ficheVisibility } from '../../cms/shared/fiche.js';
import type { Practice, Session, Statement } from '../src/internal/types.js';
import { callDocs, type CallDoc } from './fixtures/calls.js';
import { topic as topics } from './fixtures/organisations.js';
import { practiceDocs, type PracticeDoc } from './fixtures/practices.js';
import { sessionDocs, type SessionDoc } from './fixtures/sessions.js';
import { statementDocs, type StatementDoc } from './fixtures/statements.js';
import { topicsIn } from './fixtures/topics.js';

export const LOCALES = ['en', 'ca', 'es', 'el', 'fr'];

export interface Fake {
  /** every request, in order */
  calls: URL[];
  /** requests whose signal was aborted */
  aborted: URL[];
  /** bodies of the POST requests (parsed JSON), in order */
  posts: { url: URL; body: unknown; headers: Record<string, string> }[];
  /** answer every request with this instead (status, body); `undefined` for the normal answers */
  override?: (u: URL, init?: RequestInit) => Response | Promise<Response> | undefined;
  /** hold every answer until `release()` */
  hold(): void;
  release(): void;
  practices: PracticeDoc[];
  sessions: SessionDoc[];
  statements: StatementDoc[];
  /** calls for practices */
  cfp: CallDoc[];
  restore(): void;
}

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const apiError = (status: number, name: string, message: string, details: unknown = {}): Response =>
  json({ data: null, error: { status, name, message, details } }, status);

type Doc = { base: Record<string, unknown> & { topics: (keyof typeof topics)[] }; t: Record<string, Record<string, unknown>> };

/** The document in locale `l`, or in English with localeFallback. */
const localise = <T>(d: Doc, l: string, detail: boolean): T => {
  const locale = d.t[l] ? l : 'en';
  const { body, minutes, ...text } = d.t[locale] as Record<string, unknown>;
  const doc: Record<string, unknown> = {
    ...d.base,
    ...text,
    locale,
    localeFallback: locale != l,
    topics: d.base.topics.map((k) => ({ slug: topics[k].slug, name: (topics[k].name as Record<string, string>)[l] ?? topics[k].name.en })),
    publishedAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  };
  if ('minutes' in (d.t[locale] ?? {}) || 'kind' in d.base) doc.minutes = minutes ?? null;
  if (detail) doc.body = body ?? [];
  else if (!('startsAt' in d.base)) delete doc.links;
  return doc as T;
};

/** The fiche fields a single practice answers when the network configures nothing (the others are absent). */
const PUBLIC_FICHE = FICHE_FIELDS.filter((f) => !f.existing && ficheVisibility().public.includes(f.key));

/**
 * A practice in locale `l` as the API answers it: a list item without its fiche, a single document with
 * every public fiche field (an empty text null, an empty list []).
 */
const localPractice = (d: PracticeDoc, l: string, detail: boolean): Practice => {
  // the fixtures' documents are one Doc shape per type (as the other types' below); keys read by name here
  const doc = localise<Record<string, unknown>>(d as unknown as Doc, l, detail);
  // a list item has no fiche, a single document no private field (the fixtures hold only public ones)
  for (const k of FICHE_NEW_KEYS) if (!detail || !PUBLIC_FICHE.some((f) => f.key == k)) delete doc[k];
  if (detail) for (const f of PUBLIC_FICHE) doc[f.key] ??= f.kind == 'component' ? [] : null;
  // the same object, now shaped like the API's practice
  return doc as unknown as Practice;
};

const list = (u: URL, items: unknown[]) => {
  const page = Math.max(1, Number(u.searchParams.get('page') ?? 1));
  const pageSize = Number(u.searchParams.get('pageSize') ?? 10);
  const total = items.length;
  return json({
    data: items.slice((page - 1) * pageSize, page * pageSize),
    meta: { pagination: { page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), total }, locale: u.searchParams.get('locale') ?? 'en' },
  });
};

const text = (x: { title?: string; summary?: string | null }) => `${x.title} ${x.summary ?? ''}`.toLowerCase();

/** A call in locale `l` (English with localeFallback when it has no translation). */
const localCall = (d: CallDoc, l: string) => {
  const locale = d.t[l] ? l : 'en';
  return {
    ...d.base,
    ...d.t[locale],
    locale,
    localeFallback: locale != l,
    topics: d.base.topics.map((s) => {
      const t = Object.values(topics).find((x) => x.slug == s)!;
      return { slug: s, name: (t.name as Record<string, string>)[l] ?? t.name.en };
    }),
  };
};

let ids = 0;

/** The answer to POST /submissions: 202 with an id (and `meta.mail`: this fake network sends mails), or a 400 naming the fields the server's schema refuses (the main ones). */
export function submission(body: unknown): Response {
  const b = (body ?? {}) as Record<string, unknown>;
  const errors: { path: (string | number)[]; message: string; name: string }[] = [];
  const need = (path: (string | number)[], v: unknown) => (typeof v != 'string' || !v.trim()) && errors.push({ path, message: 'is required', name: 'ValidationError' });
  need(['title'], b.title);
  need(['summary'], b.summary);
  if (!Array.isArray(b.topics) || !b.topics.length) errors.push({ path: ['topics'], message: 'choose at least one topic', name: 'ValidationError' });
  if (!Array.isArray(b.promoters) || !b.promoters.length) errors.push({ path: ['promoters'], message: 'name at least one promoting organisation', name: 'ValidationError' });
  need(['territory', 'country'], (b.territory as Record<string, unknown>)?.country);
  need(['contact', 'email'], (b.contact as Record<string, unknown>)?.email);
  if (b.consent !== true) errors.push({ path: ['consent'], message: 'consent to the privacy notice is required', name: 'ValidationError' });
  if (typeof b.altcha != 'string' || !b.altcha) errors.push({ path: ['altcha'], message: 'proof of work missing or invalid', name: 'ValidationError' });
  if (errors.length)
    return apiError(400, 'ValidationError', errors.length == 1 ? errors[0].message : `${errors.length} fields need attention`, { errors });
  return json({ data: { id: `sub-${++ids}`, status: 'submitted' }, meta: { mail: true } }, 202);
}

/** A valid ALTCHA (v1) challenge whose solution is `number`: what `altcha-lib/v1` createChallenge makes (the signature is not checked by the widget). */
export async function challenge(number = 1234, maxnumber = 5000): Promise<Record<string, unknown>> {
  const salt = `c0ffee${number.toString(16)}deadbeef?expires=${Math.floor(Date.now() / 1000) + 600}`;
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(salt + number));
  const challenge = Array.from(new Uint8Array(hash), (x) => x.toString(16).padStart(2, '0')).join('');
  return { algorithm: 'SHA-256', challenge, maxnumber, salt, signature: 'f'.repeat(64) };
}

/** The fake server's answer to one request (GET, or POST /submissions with its parsed `body`). */
export function answer(f: Fake, u: URL, method = 'GET', body?: unknown): Response {
  const p = u.pathname.replace(/^.*\/api\/solidarity/, '');
  if (p == '/submissions') return method == 'POST' ? submission(body) : apiError(405, 'MethodNotAllowedError', 'Method Not Allowed');
  const q = u.searchParams;
  const l = q.get('locale') ?? 'en';
  if (!LOCALES.includes(l))
    return apiError(400, 'ValidationError', `Unknown locale "${l}": use one of ${LOCALES.join(', ')}`, { errors: [{ path: ['locale'] }] });
  const ps = q.get('pageSize');
  if (ps != null && !(Number(ps) >= 1 && Number(ps) <= 50)) return apiError(400, 'ValidationError', 'pageSize must be between 1 and 50');
  const path = u.pathname.replace(/^.*\/api\/solidarity/, '');
  const has = (k: string, v: string | null | undefined) => !q.get(k) || q.get(k)?.toLowerCase() == String(v).toLowerCase();
  const match = (x: { title?: string; summary?: string | null; topics?: { slug: string }[] }) =>
    (!q.get('q') || text(x).includes(q.get('q')!.toLowerCase())) && (!q.get('topic') || !!x.topics?.some((t) => t.slug == q.get('topic')));

  if (path == '/topics') return list(u, topicsIn(l));
  if (path == '/calls') return list(u, f.cfp.map((d) => localCall(d, l)).filter((c) => q.get('open') != 'true' || c.isOpen));
  if (path.startsWith('/calls/')) {
    const d = f.cfp.find((c) => c.base.slug == decodeURIComponent(path.slice('/calls/'.length)));
    return d ? json({ data: localCall(d, l), meta: { locale: l } }) : apiError(404, 'NotFoundError', 'Not Found');
  }
  /** the practices of the filter, leaving out the shortcut `without` (a facet does not count under its own filter) */
  const practices = (without?: string) =>
    f.practices
      .map((d) => localPractice(d, l, false))
      .filter(
        (p) =>
          (!q.get('q') || text(p).includes(q.get('q')!.toLowerCase())) &&
          (without == 'topic' || !q.get('topic') || !!p.topics?.some((t) => t.slug == q.get('topic'))) &&
          (without == 'country' || has('country', p.country)) &&
          (without == 'organisation' || !q.get('organisation') || !!p.promoters?.some((o) => o.slug == q.get('organisation'))) &&
          (without == 'call' || !q.get('call') || p.call?.slug == q.get('call')) &&
          (!q.get('criteria') || !!p.criteria?.includes(q.get('criteria')!))
      );
  if (path == '/practices') return list(u, practices());
  if (path == '/facets/practices') {
    if (['page', 'pageSize', 'sort'].some((k) => q.has(k))) return apiError(400, 'ValidationError', 'not a parameter of this route');
    /** values of one facet: [value, label] of each practice, counted, sorted by label */
    const facet = (key: string, of: (p: Practice) => [string, string][]) => {
      const byValue = new Map<string, { value: string; label: string; count: number }>();
      for (const p of practices(key))
        for (const [value, label] of of(p)) {
          const v = byValue.get(value) ?? { value, label, count: 0 };
          v.count++;
          byValue.set(value, v);
        }
      return [...byValue.values()].sort((a, b) => a.label.localeCompare(b.label, l));
    };
    const region = new Intl.DisplayNames(l, { type: 'region' });
    return json({
      data: {
        topics: facet('topic', (p) => (p.topics ?? []).map((t) => [t.slug, t.name])),
        countries: facet('country', (p) => (p.country ? [[p.country, region.of(p.country) ?? p.country]] : [])),
        organisations: facet('organisation', (p) => (p.promoters ?? []).map((o) => [String(o.slug), String(o.name)])),
        calls: facet('call', (p) => (p.call ? [[String(p.call.slug), String(p.call.title)]] : [])),
      },
      meta: { locale: l, total: practices().length },
    });
  }
  let m = path.match(/^\/practices\/([^/]+)$/);
  if (m) {
    const d = f.practices.find((d) => d.base.slug == decodeURIComponent(m![1]));
    return d ? json({ data: localPractice(d, l, true), meta: { locale: l } }) : apiError(404, 'NotFoundError', 'Not Found');
  }
  if (path == '/sessions') {
    const past = q.get('when') == 'past';
    const now = Date.now();
    const items = f.sessions
      .map((d) => localise<Session>(d as unknown as Doc, l, false))
      .filter((s) => (past ? Date.parse(s.startsAt) < now : Date.parse(s.startsAt) >= now) && match(s) && has('kind', s.kind))
      .sort((a, b) => (Date.parse(a.startsAt) - Date.parse(b.startsAt)) * (past ? -1 : 1));
    return list(u, items);
  }
  if (path == '/statements') {
    const items = f.statements
      .map((d) => localise<Statement>(d as unknown as Doc, l, false))
      .filter((s) => match(s) && has('kind', s.kind));
    return list(u, items);
  }
  m = path.match(/^\/sessions\/([^/]+)$/);
  if (m) {
    const d = f.sessions.find((d) => d.base.slug == m![1] || d.base.documentId == m![1]);
    return d ? json({ data: localise<Session>(d as unknown as Doc, l, true), meta: { locale: l } }) : apiError(404, 'NotFoundError', 'Not Found');
  }
  m = path.match(/^\/statements\/([^/]+)$/);
  if (m) {
    const d = f.statements.find((d) => d.base.slug == m![1]);
    return d ? json({ data: localise<Statement>(d as unknown as Doc, l, true), meta: { locale: l } }) : apiError(404, 'NotFoundError', 'Not Found');
  }
  return apiError(404, 'NotFoundError', 'Not Found');
}

let current: Fake | undefined;

/** Replaces window.fetch with the fake API until `restore()` (called by `afterEach` in every test file). */
export function fakeApi(init: Partial<Pick<Fake, 'practices' | 'sessions' | 'statements' | 'cfp' | 'override'>> = {}): Fake {
  current?.restore();
  const original = window.fetch;
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const f: Fake = {
    calls: [],
    aborted: [],
    posts: [],
    practices: practiceDocs,
    sessions: sessionDocs,
    statements: statementDocs,
    cfp: callDocs,
    ...init,
    hold() {
      gate = new Promise((r) => (open = r));
    },
    release() {
      open?.();
      gate = undefined;
    },
    restore() {
      window.fetch = original;
      current = undefined;
    },
  };
  window.fetch = async (input: RequestInfo | URL, options?: RequestInit): Promise<Response> => {
    const u = new URL(String(input));
    f.calls.push(u);
    const method = (options?.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (method == 'POST') {
      try {
        body = JSON.parse(String(options?.body ?? ''));
      } catch {
        body = options?.body;
      }
      f.posts.push({ url: u, body, headers: Object.fromEntries(new Headers(options?.headers).entries()) });
    }
    const signal = options?.signal;
    const abort = new Promise<never>((_, reject) => {
      const fail = () => (f.aborted.push(u), reject(new DOMException('The operation was aborted.', 'AbortError')));
      if (signal?.aborted) fail();
      signal?.addEventListener('abort', fail);
    });
    const work = (async () => {
      await new Promise((r) => setTimeout(r, 1));
      if (gate) await gate;
      const o = await f.override?.(u, options);
      if (o) return o;
      if (u.pathname.endsWith('/api/solidarity/submissions/challenge')) return json(await challenge());
      return answer(f, u, method, body);
    })();
    return Promise.race([work, abort]);
  };
  current = f;
  return f;
}

export const restoreFetch = (): void => current?.restore();

let n = 0;
/** A fresh API base per test, so that the shared client's cache never leaks between tests. */
export const freshApi = (): string => `https://commons-${++n}-${Date.now().toString(36)}.example`;
