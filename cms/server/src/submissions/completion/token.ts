import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The completion link's credential (issue 15): `<token>.<expires>.<locale>.<signature>`, one path
 * segment of `/complete/…`.
 *
 * - `token`: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored (the
 *   completion-link content type), so a copy of the database holds no usable link.
 * - `expires`: the expiry, in whole seconds since the epoch (also stored: the row is the authority).
 * - `locale`: the submitter's language, so that even an expired link's page speaks it.
 * - `signature`: HMAC-SHA256 (base64url) of `token.expires.locale` keyed by the app's secret
 *   (./config.ts `completionKey`): a link whose any part was altered is refused before any database
 *   lookup, and an expired one without one.
 *
 * Pure functions, no Strapi: unit-testable, and the same on every instance given the same key.
 */

/** A link's parts, once its signature checked. */
export interface SignedLink {
  token: string;
  /** expiry, milliseconds since the epoch */
  expiresAt: number;
  locale: string;
}

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const sign = (key: string, payload: string): string => createHmac('sha256', key).update(payload).digest('base64url');

/** A fresh random token (base64url of 32 bytes). */
export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

/** The stored form of a token: its SHA-256, hex (64 characters). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The credential of a link: `token.expires.locale.signature` (see the module's comment). */
export const signLink = (key: string, { token, expiresAt, locale }: SignedLink): string => {
  const payload = `${token}.${Math.floor(expiresAt / 1000)}.${locale}`;
  return `${payload}.${sign(key, payload)}`;
};

/**
 * The parts of a credential whose signature is right, or null (malformed, altered, or signed with
 * another key). Compares in constant time. Does not look at the expiry: the caller tells an
 * expired link (a clear page in its language) from a tampered one.
 */
export const verifyLink = (key: string, credential: string): SignedLink | null => {
  if (typeof credential !== 'string' || credential.length > 200) return null;
  const parts = credential.split('.');
  if (parts.length !== 4) return null;
  const [token = '', expires = '', locale = '', signature = ''] = parts;
  if (!TOKEN_PATTERN.test(token) || !/^\d{1,12}$/.test(expires) || !LOCALE_PATTERN.test(locale) || !SIGNATURE_PATTERN.test(signature)) {
    return null;
  }
  const expected = Buffer.from(sign(key, `${token}.${expires}.${locale}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { token, expiresAt: Number(expires) * 1000, locale };
};

/**
 * The form's anti-forgery value: an HMAC of the token's hash and the time the form was shown, as
 * `issued.signature`. Posted back with the form; a post without a right one (another page, an old
 * copy) is refused. Valid for `maxAgeMs` after it was issued.
 */
export const formNonce = (key: string, tokenHash: string, issuedAt: number): string => {
  const issued = String(Math.floor(issuedAt / 1000));
  return `${issued}.${sign(key, `form.${tokenHash}.${issued}`)}`;
};

/** Whether `nonce` was issued by {@link formNonce} for this token within `maxAgeMs` of `now`. */
export const checkNonce = (key: string, tokenHash: string, nonce: unknown, now: number, maxAgeMs: number): boolean => {
  if (typeof nonce !== 'string' || nonce.length > 100) return false;
  const parts = nonce.split('.');
  // exactly `<issued>.<signature>`: anything after a second dot is a different value, refused
  if (parts.length !== 2) return false;
  const [issued = '', signature = ''] = parts;
  if (!/^\d{1,12}$/.test(issued)) return false;
  const age = now - Number(issued) * 1000;
  if (age < -60_000 || age > maxAgeMs) return false;
  const expected = Buffer.from(sign(key, `form.${tokenHash}.${issued}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};
