/**
 * The practice form's pure logic: client validation as the server's (the same limits, from
 * cms/shared/limits.ts, which both import; the same email and URL rules), the request body, and the mapping of the server's field errors to fields.
 * No DOM, no Lit (unit-tested in Node).
 */
import { COUNTRIES, PHONE_PATTERN, SUBMISSION_LIMITS as LIMITS } from '../../../../cms/shared/limits.js';

export interface Promoter {
  name: string;
  website: string;
  country: string;
}

/** What the person typed, as typed. */
export interface Data {
  title: string;
  summary: string;
  body: string;
  /** topic slugs */
  topics: string[];
  promoters: Promoter[];
  municipality: string;
  region: string;
  /** ISO 3166-1 alpha-2, or '' */
  country: string;
  name: string;
  email: string;
  phone: string;
  role: string;
  consent: boolean;
}

/** A field error: a message key of the form strings and its number (`{n}`), or a server message as it came. */
export type Err = [key: string, n?: number] | string;

/**
 * Field ids: title, summary, body, topics, p0-name, p0-website, p0-country (one per promoting
 * organisation), municipality, region, country, name, email, phone, role, consent, altcha.
 */
export type Errors = Record<string, Err>;

/** The server's limits, from the one definition both import (cms/shared/limits.ts). */
export { COUNTRIES, LIMITS };

export const empty = (): Data => ({
  title: '',
  summary: '',
  body: '',
  topics: [],
  promoters: [{ name: '', website: '', country: '' }],
  municipality: '',
  region: '',
  country: '',
  name: '',
  email: '',
  phone: '',
  role: '',
  consent: false,
});

/** A one-line text as the server stores it: control characters and runs of spaces become one space, trimmed. */
// eslint-disable-next-line no-control-regex
export const line = (s: string): string => s.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').replace(/\s+/g, ' ').trim();

/** A multi-line text as the server stores it (tabs and line breaks kept). */
// eslint-disable-next-line no-control-regex
export const block = (s: string): string => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]+/g, '').trim();

/** The server's email rule: zod's `z.email()` pattern, character for character (test/submission-limits.test.ts compares them). */
// eslint-disable-next-line no-useless-escape
export const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-\.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
export const PHONE = PHONE_PATTERN;

/** An http(s) address with a host, at most 2048 characters. */
export const isUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return s.length <= LIMITS.url && /^https?:$/.test(u.protocol) && !!u.hostname;
  } catch {
    return false;
  }
};

/** Client validation: every invalid field with its message key (none: valid). */
export const validate = (d: Data): Errors => {
  const e: Errors = {};
  const text = (k: string, v: string, min: number, max: number, required = true) => {
    if (!v) {
      if (required) e[k] = ['eRequired'];
    } else if (v.length < min) e[k] = ['eMin', min];
    else if (v.length > max) e[k] = ['eMax', max];
  };
  text('title', line(d.title), ...LIMITS.title);
  text('summary', block(d.summary), ...LIMITS.summary);
  if (d.body.length > LIMITS.body) e.body = ['eMax', LIMITS.body];
  const n = new Set(d.topics).size;
  if (n < LIMITS.topics[0]) e.topics = ['eTopicsMin'];
  else if (n > LIMITS.topics[1]) e.topics = ['eTopicsMax', LIMITS.topics[1]];
  d.promoters.forEach((p, i) => {
    text(`p${i}-name`, line(p.name), ...LIMITS.promoterName);
    if (p.website.trim() && !isUrl(p.website.trim())) e[`p${i}-website`] = ['eUrl'];
  });
  text('municipality', line(d.municipality), 0, LIMITS.place, false);
  text('region', line(d.region), 0, LIMITS.place, false);
  if (!COUNTRIES.includes(d.country)) e.country = ['eCountry'];
  text('name', line(d.name), ...LIMITS.contactName);
  const m = d.email.trim();
  if (!m) e.email = ['eRequired'];
  else if (m.length > LIMITS.email || !EMAIL.test(m)) e.email = ['eEmail'];
  const ph = line(d.phone);
  if (ph && (ph.length > LIMITS.phone || !PHONE.test(ph))) e.phone = ['ePhone'];
  text('role', line(d.role), ...LIMITS.role);
  if (!d.consent) e.consent = ['eConsent'];
  return e;
};

/** Extra parts of the request body. */
export interface Extra {
  /** the call's slug, when the form is for one */
  call?: string | null;
  locale: string;
  /** the honeypot's value (people leave it empty; sent as `leaveThisFieldEmpty`) */
  honeypot: string;
  /** the ALTCHA payload */
  altcha: string;
  /** topic slugs in the order they are shown */
  order?: string[];
}

/** The JSON body of POST /api/solidarity/submissions. Empty optional fields are left out. */
export const payload = (d: Data, x: Extra) => {
  const opt = <K extends string>(k: K, v: string): { [P in K]?: string } => (v ? ({ [k]: v } as { [P in K]: string }) : {});
  return {
    title: line(d.title),
    summary: block(d.summary),
    body: block(d.body),
    topics: x.order ? x.order.filter((s) => d.topics.includes(s)) : [...new Set(d.topics)],
    promoters: d.promoters.map((p) => ({ name: line(p.name), ...opt('website', p.website.trim()), ...opt('country', p.country) })),
    territory: { ...opt('municipality', line(d.municipality)), ...opt('region', line(d.region)), country: d.country },
    ...opt('call', x.call || ''),
    locale: x.locale,
    contact: { name: line(d.name), email: d.email.trim(), ...opt('phone', line(d.phone)), role: line(d.role) },
    consent: true as const,
    leaveThisFieldEmpty: x.honeypot,
    altcha: x.altcha,
  };
};

const TOP = ['title', 'summary', 'body', 'topics', 'consent', 'altcha'];

/**
 * The field of a server error's `path` (`['topics', 0]` -> topics, `['contact', 'email']` -> email,
 * `['promoters', 1, 'website']` -> p1-website); '' when it is no field of the form (shown in the summary only).
 */
export const fieldOf = (path: unknown): string => {
  const [a, b, c] = Array.isArray(path) ? path.map(String) : [];
  if (a == 'promoters') return `p${/^\d+$/.test(b ?? '') ? b : 0}-${c == 'website' || c == 'country' ? c : 'name'}`;
  if (a == 'territory') return b == 'municipality' || b == 'region' ? b : 'country';
  if (a == 'contact') return b == 'email' || b == 'phone' || b == 'role' ? b : 'name';
  return TOP.includes(a) ? a : '';
};

/** Server field errors (`error.details.errors`) by field; the first message of a field wins. Unknown paths go under ''. */
export const serverErrors = (list: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const x of Array.isArray(list) ? list : []) {
    const k = fieldOf((x as { path?: unknown })?.path),
      m = String((x as { message?: unknown })?.message ?? '').trim();
    if (m) out[k] ??= m;
  }
  return out;
};

/** Minutes to wait from a Retry-After header (seconds or an HTTP date), rounded up; 0 when absent or unreadable. */
export const retryMinutes = (h: string | null | undefined, now = Date.now()): number => {
  if (!h) return 0;
  const s = /^\d+$/.test(h.trim()) ? Number(h) : (Date.parse(h) - now) / 1000;
  return s > 0 ? Math.ceil(s / 60) : 0;
};

