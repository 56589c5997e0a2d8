// Session tokens: 32 random bytes handed to the browser once, in a cookie; the store keeps only
// their SHA-256, so a copy of the accounts file cannot be replayed as a login.
import { createHash, randomBytes } from 'node:crypto';

export interface NewToken {
  /** What the cookie carries. */
  token: string;
  /** What the store keeps. */
  hash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function newToken(): NewToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Whether a cookie value is shaped like a token we issued (43 base64url characters). */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
