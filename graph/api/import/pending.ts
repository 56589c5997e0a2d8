// Imports read and waiting for the planner's 载入 or 取消: the model is kept here between the review
// and the load, so a file is read and validated once. Memory only, on purpose: nothing of an
// import the planner has not confirmed is ever written, not even to a temporary file.
import { randomBytes } from 'node:crypto';
import type { ReadLine } from '../../parse/parse-document.ts';
import type { PlanModel } from '../../model/plan.ts';

export interface PendingImport {
  /** The file's name as the browser gave it (no directories). */
  fileName: string;
  model: PlanModel;
  lines: ReadLine[];
  /** Size of the file: what the store's byte budget counts. */
  bytes: number;
  createdAt: number;
  expiresAt: number;
  /** Set while its load runs: a second 载入 on the same review must not start another. */
  loading: boolean;
}

export interface PendingLimits {
  /** Reviews kept at once; the oldest goes when a new one would exceed it. */
  maxCount: number;
  /** Bytes of the files behind the kept reviews, together. */
  maxBytes: number;
  /** How long a review waits for 载入 or 取消. */
  ttlMs: number;
}

export const PENDING_LIMITS: PendingLimits = {
  maxCount: 16,
  maxBytes: 100 * 1024 * 1024,
  ttlMs: 30 * 60_000,
};

export class PendingImports {
  readonly limits: PendingLimits;
  readonly #now: () => number;
  // Insertion order is age order: the first entry is the oldest.
  readonly #entries = new Map<string, PendingImport>();

  constructor(limits: Partial<PendingLimits> = {}, now: () => number = Date.now) {
    this.limits = { ...PENDING_LIMITS, ...limits };
    this.#now = now;
  }

  /** Keeps a reading; its token is the only way back to it (128 random bits, hex). */
  add(entry: Omit<PendingImport, 'createdAt' | 'expiresAt' | 'loading'>): {
    token: string;
    pending: PendingImport;
  } {
    this.#dropExpired();
    const { maxCount, maxBytes } = this.limits;
    let held = this.bytes;
    for (const [token, old] of this.#entries) {
      if (this.#entries.size < maxCount && held + entry.bytes <= maxBytes) break;
      if (old.loading) continue;
      this.#entries.delete(token);
      held -= old.bytes;
    }
    const now = this.#now();
    const pending: PendingImport = {
      ...entry,
      createdAt: now,
      expiresAt: now + this.limits.ttlMs,
      loading: false,
    };
    const token = randomBytes(16).toString('hex');
    this.#entries.set(token, pending);
    return { token, pending };
  }

  get(token: string): PendingImport | undefined {
    this.#dropExpired();
    return this.#entries.get(token);
  }

  /** True when there was such an import. */
  delete(token: string): boolean {
    return this.#entries.delete(token);
  }

  get size(): number {
    this.#dropExpired();
    return this.#entries.size;
  }

  get bytes(): number {
    let total = 0;
    for (const entry of this.#entries.values()) total += entry.bytes;
    return total;
  }

  #dropExpired(): void {
    const now = this.#now();
    for (const [token, entry] of this.#entries) {
      if (entry.expiresAt <= now && !entry.loading) this.#entries.delete(token);
    }
  }
}
