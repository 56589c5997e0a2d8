// The graph answers kept for reuse while the plans are unchanged, bounded in bytes. A key names
// the version of the plans it was answered under, so a plan loaded or replaced makes every older
// answer unreachable; those are then pushed out by newer ones or dropped when their age runs out.
import { LRUCache } from 'lru-cache';
import type { AnswerCacheConfig } from './config.ts';

export interface AnswerCacheOptions extends AnswerCacheConfig {
  /**
   * At most this many answers, whatever their size: each costs some bookkeeping besides its
   * bytes. Default 10,000.
   */
  maxEntries?: number;
  /** The clock ages are measured by (ms); tests pass one they move themselves. */
  now?: () => number;
}

export interface AnswerCacheStats {
  entries: number;
  /** UTF-8 bytes of the kept answers and their keys. */
  bytes: number;
  maxBytes: number;
}

const DEFAULT_MAX_ENTRIES = 10_000;

export class AnswerCache {
  readonly maxBytes: number;
  readonly ttlMs: number;
  readonly #answers: LRUCache<string, string> | null;

  constructor(options: AnswerCacheOptions) {
    this.maxBytes = options.maxBytes;
    this.ttlMs = options.ttlMs;
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#answers =
      options.maxBytes > 0 && maxEntries > 0
        ? new LRUCache<string, string>({
            max: maxEntries,
            maxSize: options.maxBytes,
            // The key too: a search's key holds what was typed, and can be longer than its answer.
            sizeCalculation: (json, key) => Buffer.byteLength(json) + Buffer.byteLength(key),
            ttl: options.ttlMs,
            // Expired answers are freed when their time is up, not when next asked for: an
            // answer to a plan since replaced is never asked for again.
            ttlAutopurge: true,
            // A clock of the caller's is read afresh each time, not once a millisecond.
            ...(options.now === undefined ? {} : { perf: { now: options.now }, ttlResolution: 0 }),
          })
        : null;
  }

  /** Whether anything is kept at all. */
  get enabled(): boolean {
    return this.#answers !== null;
  }

  get(version: string, key: string): string | undefined {
    return this.#answers?.get(entryKey(version, key));
  }

  /** Keeps `json`, unless it alone is over the budget (lru-cache then leaves it out). */
  set(version: string, key: string, json: string): void {
    this.#answers?.set(entryKey(version, key), json);
  }

  /** Drops every answer whose age has run out now (the timers do it too, on the real clock). */
  purgeExpired(): void {
    this.#answers?.purgeStale();
  }

  stats(): AnswerCacheStats {
    return {
      entries: this.#answers?.size ?? 0,
      bytes: this.#answers?.calculatedSize ?? 0,
      maxBytes: this.maxBytes,
    };
  }
}

const entryKey = (version: string, key: string) => `${version}\n${key}`;
