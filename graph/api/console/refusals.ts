// Console requests from a client whose requests keep being refused wait before they are read.
// A refusal is cheap (a 400 from the shape checks, a 429 from the gate), but a client sending
// them in a loop sends hundreds a second, and each is parsed on the event loop that serves the
// planners' search and panels: in bench:api's abuse run, refusals were most of the console's
// traffic and the planners' p99 rose eightfold. A token bucket per client counts refusals; once
// a client's bucket is empty its next console request is held until a token is back, so a loop
// of refusals slows to the refill rate whatever its concurrency. Waiting costs a timer, not the
// CPU the refusal would. A person typing queries never refuses faster than the refill rate.
// Clients are socket addresses (console/gate.ts clientOf); requests made in process (the app's
// own warm-up, tests' app.request) have no socket and are never held.

export interface RefusalLimits {
  /** Refusals a client may collect at once before its requests wait. */
  burst: number;
  /** Refusals forgiven per second. */
  perSecond: number;
  /** The longest a request is held; a client owing more is answered 429 at once. */
  maxWaitMs: number;
  /** Requests held at once, all clients together; beyond, 429 at once. */
  maxWaiting: number;
}

export const REFUSAL_DEFAULTS: RefusalLimits = {
  burst: 30,
  perSecond: 2,
  maxWaitMs: 5_000,
  maxWaiting: 1_000,
};

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * What to do with a client's next console request: read it after `waitMs` (0: at once), or, when
 * the client owes more than the longest wait, hold it that long and then refuse it unread
 * (`refuse`): a client in a loop is answered at the longest wait's pace, never at once. Past
 * `maxWaiting` held requests, `busy`: refused at once, to bound what waiting requests hold.
 */
export type Hold = { waitMs: number; refuse: boolean } | 'busy';

export class RefusalBuckets {
  readonly #limits: RefusalLimits;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #waiting = 0;

  constructor(limits: Partial<RefusalLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...REFUSAL_DEFAULTS, ...limits };
    this.#now = now;
  }

  /** Tokens left for `client`, refilled to now; a client never refused has a full bucket. */
  #bucket(client: string): Bucket {
    const now = this.#now();
    const bucket = this.#buckets.get(client);
    if (bucket === undefined) return { tokens: this.#limits.burst, at: now };
    const tokens = Math.min(
      this.#limits.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.#limits.perSecond,
    );
    return { tokens, at: now };
  }

  /** What `client`'s next request meets: see Hold. */
  holdFor(client: string): Hold {
    const { tokens } = this.#bucket(client);
    if (tokens >= 1) return { waitMs: 0, refuse: false };
    if (this.#waiting >= this.#limits.maxWaiting) return 'busy';
    const waitMs = Math.ceil(((1 - tokens) / this.#limits.perSecond) * 1000);
    if (waitMs > this.#limits.maxWaitMs) return { waitMs: this.#limits.maxWaitMs, refuse: true };
    return { waitMs, refuse: false };
  }

  /** Counts one refusal against `client`. */
  refused(client: string): void {
    const bucket = this.#bucket(client);
    // Below zero: the next request waits longer. Never below -burst, so a client that stops
    // is forgiven within (2 × burst) / perSecond seconds however long it went on.
    bucket.tokens = Math.max(-this.#limits.burst, bucket.tokens - 1);
    this.#buckets.set(client, bucket);
    // Forget clients whose buckets are full again, so the map stays as small as the abuse.
    if (this.#buckets.size > 1_000) {
      for (const [name] of this.#buckets) {
        if (this.#bucket(name).tokens >= this.#limits.burst) this.#buckets.delete(name);
      }
    }
  }

  /** Holds a request for `ms`, counted among the waiting; ends early when `signal` aborts. */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    this.#waiting += 1;
    try {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    } finally {
      this.#waiting -= 1;
    }
  }
}
