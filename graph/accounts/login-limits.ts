// Failed logins are counted per account and per address in a sliding window; past the limit,
// further attempts are refused before the password is even hashed, so guessing costs the guesser
// time and costs guatu nothing. Bounded in memory: the least recently seen keys go first.
import { LRUCache } from 'lru-cache';

export interface LoginLimits {
  /** Failures allowed per account within the window. */
  perAccount: number;
  /** Failures allowed per client address within the window (several planners may share one). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 5,
  perAddress: 30,
  windowMs: 15 * 60_000,
};

export class LoginThrottle {
  readonly #limits: LoginLimits;
  readonly #failures: LRUCache<string, number[]>;

  constructor(limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.#limits = limits;
    this.#failures = new LRUCache({ max: 10_000 });
  }

  #recent(key: string, now: number): number[] {
    const since = now - this.#limits.windowMs;
    return (this.#failures.get(key) ?? []).filter((at) => at > since);
  }

  /** Milliseconds until an attempt for this account from this address is allowed; 0 if now. */
  waitFor(account: string, address: string, now = Date.now()): number {
    let wait = 0;
    for (const [key, limit] of [
      [`a:${account}`, this.#limits.perAccount],
      [`ip:${address}`, this.#limits.perAddress],
    ] as const) {
      const recent = this.#recent(key, now);
      if (recent.length >= limit) {
        const oldest = recent[recent.length - limit] ?? now;
        wait = Math.max(wait, oldest + this.#limits.windowMs - now);
      }
    }
    return wait;
  }

  failed(account: string, address: string, now = Date.now()): void {
    for (const key of [`a:${account}`, `ip:${address}`]) {
      this.#failures.set(key, [...this.#recent(key, now), now]);
    }
  }

  /** A good login clears its account's failures (not the address's: others may share it). */
  succeeded(account: string): void {
    this.#failures.delete(`a:${account}`);
  }
}
