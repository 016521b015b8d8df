import { randomBytes } from 'node:crypto';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { PHONE_PATTERN, SUBMISSION_LIMITS } from '../../../../cms/shared/limits';
import { isCountryCode } from '../content-types/countries';
import { fieldError, type FieldError } from '../http/errors';

/** The limits of a submission, shared with the widgets' form (cms/shared/limits.ts). */
export const LIMITS = SUBMISSION_LIMITS;

/** C0/C1 control characters: never stored (PostgreSQL refuses NUL). Tabs and line breaks are kept where text may have them. */
// eslint-disable-next-line no-control-regex
const CONTROL_INLINE = /[\u0000-\u001F\u007F-\u009F]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BLOCK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]+/g;

/** A one-line text field: controls become spaces, runs of spaces one, trimmed. */
const line = (min: number, max: number, what = 'characters') =>
  z
    .string({ error: 'must be text' })
    .transform((s) => s.replace(CONTROL_INLINE, ' ').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? 'is required' : `must be at least ${min} ${what}`)
        .max(max, `must be at most ${max} ${what}`)
    );

const optionalLine = (max: number) =>
  z
    .string({ error: 'must be text' })
    .transform((s) => s.replace(CONTROL_INLINE, ' ').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .optional()
    .transform((s) => (s ? s : undefined));

const country = z
  .string({ error: 'must be an ISO 3166-1 alpha-2 country code such as ES or GR' })
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as ES or GR');

const httpUrl = z
  .string({ error: 'must be a web address' })
  .trim()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
    } catch {
      return false;
    }
  }, 'must be a web address starting with http:// or https://');

const slug = z
  .string({ error: 'must be a slug' })
  .trim()
  .min(1, 'is required')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\p{L}\p{N}_.~-]+$/u, 'must be a slug: letters, digits, "-", "_", "." or "~"');

const strict = { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? 'must be an object' : undefined) };

/**
 * The honeypot field of a submission: forms render it hidden from people, so a
 * value marks the request as spam (answered 202 as if accepted; nothing is
 * stored or sent). Named so that no honest client fills it (it used to be
 * `website`, which developers filled with their organisation's website).
 */
export const HONEYPOT_FIELD = 'leaveThisFieldEmpty';

/** The honeypot's name before 2026-11 (`website`), still sent empty by widget bundles cached in browsers. */
export const LEGACY_HONEYPOT_FIELD = 'website';

/**
 * The request body without the legacy honeypot when it is empty (an older
 * widget bundle); a filled `website` stays, and validation refuses it as an
 * unknown field (400) rather than silently dropping the submission.
 */
export const withoutLegacyHoneypot = (body: unknown): unknown => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const fields = body as Record<string, unknown>;
  if (!(LEGACY_HONEYPOT_FIELD in fields) || fields[LEGACY_HONEYPOT_FIELD] !== '') return body;
  const { [LEGACY_HONEYPOT_FIELD]: _legacy, ...rest } = fields;
  return rest;
};

/**
 * The fiche a member sends (POST /api/solidarity/submissions). Unknown keys
 * are refused so that a typo in a form does not silently lose a field.
 */
export const submissionSchema = z.strictObject(
  {
    title: line(LIMITS.title[0], LIMITS.title[1]),
    summary: z
      .string({ error: 'must be text' })
      .transform((s) => s.replace(CONTROL_BLOCK, '').trim())
      .pipe(
        z
          .string()
          .min(LIMITS.summary[0], `must be at least ${LIMITS.summary[0]} characters`)
          .max(LIMITS.summary[1], `must be at most ${LIMITS.summary[1]} characters`)
      ),
    body: z
      .string({ error: 'must be text' })
      .max(LIMITS.body, `must be at most ${LIMITS.body} characters`)
      .transform((s) => s.replace(/\r\n?/g, '\n').replace(CONTROL_BLOCK, '').trim())
      .optional(),
    topics: z
      .array(slug, { error: 'must be a list of topic slugs' })
      .min(LIMITS.topics[0], 'choose at least one topic')
      .max(LIMITS.topics[1], `choose at most ${LIMITS.topics[1]} topics`)
      .transform((list) => [...new Set(list)]),
    promoters: z
      .array(
        z.strictObject(
          {
            name: line(LIMITS.promoterName[0], LIMITS.promoterName[1]),
            website: httpUrl.optional(),
            country: country.optional(),
          },
          strict
        ),
        { error: 'must be a list of organisations' }
      )
      .min(LIMITS.promoters[0], 'name at least one promoting organisation')
      .max(LIMITS.promoters[1], `name at most ${LIMITS.promoters[1]} promoting organisations`),
    territory: z.strictObject(
      {
        municipality: optionalLine(LIMITS.place),
        region: optionalLine(LIMITS.place),
        country,
      },
      strict
    ),
    call: slug.optional(),
    locale: z
      .string({ error: 'must be a locale code such as en or ca' })
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale code such as en or ca'),
    contact: z.strictObject(
      {
        name: line(LIMITS.contactName[0], LIMITS.contactName[1]),
        email: z
          .string({ error: 'must be an email address' })
          .trim()
          .max(LIMITS.email, `must be at most ${LIMITS.email} characters`)
          .pipe(z.email('must be a valid email address'))
          .transform((s) => s.toLowerCase()),
        phone: optionalLine(LIMITS.phone).refine(
          (s) => s === undefined || PHONE_PATTERN.test(s),
          'must be a phone number: digits, spaces, "+", "-", "(", ")"'
        ),
        role: line(LIMITS.role[0], LIMITS.role[1]),
      },
      strict
    ),
    consent: z.literal(true, { error: 'consent to the privacy notice is required' }),
    /** the honeypot: people leave it empty; the controller looks at it before validating */
    // No schema-valid value but '' (maxLength 0, default ''): a client generated from the OpenAPI
    // document, or Swagger UI's example ("string"), would otherwise fill it and lose the fiche.
    // A bot's value never reaches this schema: the controller validates its body with the field emptied.
    [HONEYPOT_FIELD]: z
      .string()
      .max(0, 'must be empty')
      .optional()
      .meta({
        default: '',
        description:
          'Honeypot: must be absent or empty. Forms render it hidden from people; a value marks the request as spam: it is answered 202 as if accepted, and nothing is stored or sent.',
      }),
    /** the ALTCHA payload (base64 JSON); verified by the controller */
    altcha: z.string().max(LIMITS.altcha).optional(),
  },
  strict
);

export type SubmissionInput = z.infer<typeof submissionSchema>;

/** Defined with Strapi's error format in http/errors.ts; submissions/service.ts takes them from here. */
export { fieldError, type FieldError };

const describe = (e: FieldError) => {
  const head = e.path[0] === undefined ? '' : String(e.path[0]);
  if (!head || e.message.toLowerCase().startsWith(head.toLowerCase())) return e.message;
  return `${e.path.join('.')}: ${e.message}`;
};

/** A 400 in Strapi's format with one entry per field, for the form to show next to each. */
export const submissionError = (list: FieldError[]): errors.ValidationError => {
  const first = list[0];
  const message = !first
    ? 'Invalid submission'
    : list.length === 1
      ? describe(first)
      : `${list.length} fields need attention: ${list.map(describe).join('; ')}`;
  return new errors.ValidationError(message, { errors: list });
};

const issuesToErrors = (error: z.ZodError): FieldError[] =>
  error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldError([...path, key], 'is not a field of a submission'));
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const isConsent = path.length === 1 && path[0] === 'consent';
    return [fieldError(path, missing && !isConsent ? 'is required' : issue.message)];
  });

/** The body as an object of fields, or a 400. */
export const asFields = (body: unknown): Record<string, unknown> => {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw submissionError([fieldError([], 'the request body must be a JSON object')]);
  }
  return body as Record<string, unknown>;
};

/**
 * `value` with every string well-formed Unicode: a lone UTF-16 surrogate (`"\ud800"` is valid JSON)
 * becomes U+FFFD, as PostgreSQL refuses it in text and json columns (a 500 at insert otherwise).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormedText = (s: string): string => s.replace(LONE_SURROGATE, '\uFFFD');
const wellFormed = (value: unknown): unknown => {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [wellFormedText(k), wellFormed(v)]));
  }
  return value;
};

/** Validates a request body; throws a ValidationError listing every invalid field. */
export const parseSubmission = (body: unknown): SubmissionInput => {
  asFields(body);
  const parsed = submissionSchema.safeParse(wellFormed(body));
  if (!parsed.success) throw submissionError(issuesToErrors(parsed.error));
  return parsed.data;
};

type Paragraph = { type: 'paragraph'; children: { type: 'text'; text: string }[] };

/**
 * Plain text to Strapi blocks: a paragraph per run of lines separated by a
 * blank line, every character kept as text (markup included: it is never
 * interpreted, so `<script>` stays the seven characters it is).
 */
export const textToBlocks = (text: string | undefined): Paragraph[] =>
  (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n')
    )
    .filter(Boolean)
    .map((paragraph) => ({ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }));

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** ASCII slug of a title (Strapi's uid fields accept A-Z a-z 0-9 - _ . ~). */
export const slugify = (title: string, maxLength = 60): string => {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u0370-\u03ffßæœøłđðþı]/g, (ch) => GREEK[ch] ?? LATIN[ch] ?? '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.slice(0, maxLength).replace(/-+$/, '');
  return cut || 'practice';
};

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random characters of [a-z0-9], as Strapi's documentIds are made of. */
export const randomId = (length: number): string => {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
};

/** The slug of a submitted practice: its title and a short random suffix, unique without a lookup. */
export const submissionSlug = (title: string): string => `${slugify(title)}-${randomId(6)}`;
