// How many console queries run at once: a few in all, fewer per client. Beyond that the console
// answers 429 at once rather than queueing: 110 concurrent console queries once held the whole
// driver pool for two minutes and the explorer with it (issue 16). A refused planner retries in a
// second; a queue would only hide the abuse while it grew.
import type { Context } from 'hono';

export interface GateLimits {
  /** Console queries running at once, all clients together. */
  global: number;
  /** Console queries running at once from one remote address. */
  perClient: number;
}

/**
 * The defaults: each runaway query can hold a core of Neo4j's until the watchdog stops it, and a
 * planner's machine has few; one planner rarely runs two console queries at once.
 */
export const CONSOLE_LIMITS: GateLimits = { global: 4, perClient: 2 };

/** Why a query could not start: the global limit, or this client's own. */
export type Busy = 'console_busy' | 'too_many_queries';

export class ConsoleGate {
  readonly limits: GateLimits;
  #running = 0;
  readonly #perClient = new Map<string, number>();

  constructor(limits: GateLimits = CONSOLE_LIMITS) {
    this.limits = limits;
  }

  get running(): number {
    return this.#running;
  }

  /** Takes a place for `client`: a release function (safe to call twice), or why there is none. */
  enter(client: string): (() => void) | Busy {
    const mine = this.#perClient.get(client) ?? 0;
    if (mine >= this.limits.perClient) return 'too_many_queries';
    if (this.#running >= this.limits.global) return 'console_busy';
    this.#running += 1;
    this.#perClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#running -= 1;
      const left = (this.#perClient.get(client) ?? 1) - 1;
      if (left <= 0) this.#perClient.delete(client);
      else this.#perClient.set(client, left);
    };
  }
}

/**
 * The client a request came from: its socket's remote address. Never a header such as
 * X-Forwarded-For, which the client writes itself. Requests made in process (tests'
 * `app.request()`) have no socket and share one name.
 */
export function clientOf(c: Context): string {
  const env: unknown = c.env;
  if (typeof env === 'object' && env !== null && 'incoming' in env) {
    const incoming = env.incoming as { socket?: { remoteAddress?: string } } | undefined;
    const address = incoming?.socket?.remoteAddress;
    if (address !== undefined) return address.replace(/^::ffff:/, '');
  }
  return 'in-process';
}
