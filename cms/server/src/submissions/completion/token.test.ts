import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNonce, formNonce, hashToken, newToken, signLink, verifyLink } from './token';

/** The completion link's credential and the form's anti-forgery value (./token.ts), without a server. */
const KEY = 'test-key';

describe('completion link credential', () => {
  it('verifies what it signed, with its expiry in whole seconds and its language', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    const expiresAt = Date.UTC(2027, 0, 2, 3, 4, 5);
    const credential = signLink(KEY, { token, expiresAt: expiresAt + 999, locale: 'el' });
    expect(verifyLink(KEY, credential)).toEqual({ token, expiresAt, locale: 'el' });
    // another key (another app's secret) does not verify it
    expect(verifyLink('other-key', credential)).toBeNull();
  });

  it('refuses any altered credential (fast-check: one character changed anywhere)', () => {
    const credential = signLink(KEY, { token: newToken(), expiresAt: Date.now() + 86_400_000, locale: 'ca' });
    fc.assert(
      fc.property(fc.nat({ max: credential.length - 1 }), fc.constantFrom(...'AZaz09-_.x'), (at, c) => {
        fc.pre(credential[at] !== c);
        const altered = credential.slice(0, at) + c + credential.slice(at + 1);
        expect(verifyLink(KEY, altered)).toBeNull();
      })
    );
    for (const junk of ['', '.', '...', 'a.b.c.d', `${credential}.x`, credential.slice(1), 'x'.repeat(1000)]) expect(verifyLink(KEY, junk)).toBeNull();
  });

  it('accepts a form value for its own token within its lifetime only', () => {
    const hash = hashToken(newToken());
    const now = Date.now();
    const nonce = formNonce(KEY, hash, now);
    expect(checkNonce(KEY, hash, nonce, now + 1000, 60_000)).toBe(true);
    expect(checkNonce(KEY, hash, nonce, now + 120_000, 60_000)).toBe(false);
    expect(checkNonce(KEY, hashToken(newToken()), nonce, now, 60_000)).toBe(false);
    expect(checkNonce('other-key', hash, nonce, now, 60_000)).toBe(false);
    for (const junk of [undefined, 1, '', '1.abc', `${nonce}x`, `${nonce}.anything`, `${nonce}.`, ['a']]) expect(checkNonce(KEY, hash, junk, now, 60_000)).toBe(false);
  });
});
