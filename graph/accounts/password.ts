// Passwords are kept only as Argon2id hashes (memory-hard, so a stolen accounts file is slow to
// attack on GPUs). The parameters are OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane,
// about 30 ms here; they are stored inside each hash, so raising them later keeps old hashes valid.
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// The binding's `Algorithm` is a const enum, which isolated modules cannot read; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

export const HASH_OPTIONS: Readonly<Options> = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** Shortest password accepted; a passphrase of a few words is encouraged by the CLI's help. */
export const MIN_PASSWORD_LENGTH = 10;

export class PasswordError extends Error {
  override readonly name = 'PasswordError';
}

/** Refuses a password too short to resist guessing, in both languages. */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new PasswordError(
      `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符 / the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** False for a wrong password and for a hash that is not Argon2 at all (never throws on those). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A hash of a password nobody has, verified when the account does not exist, so a login for an
// unknown name takes as long as one for a known name (no user enumeration by timing).
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('guatu-decoy-password-never-used');
  return decoy;
}
