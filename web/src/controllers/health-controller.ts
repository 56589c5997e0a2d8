// Asks the API's health now and then, for the availability banner: every few seconds while all is
// well, and after a failure again at once-doubling waits (1, 2, 4 … s), so a restart is noticed
// soon without a page of planners hammering a server that is down.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Health } from '../api/schema.ts';

/** What a planner needs to know: all is well, the database is away, or the server is. */
export type Reachability = 'up' | 'database-down' | 'server-unreachable';

export const HEALTH_POLL_DEFAULTS = {
  /** Between checks while the API answers and the database is up. */
  upIntervalMs: 10_000,
  /** The first wait after a failed check; it doubles with each failure after it. */
  firstRetryMs: 1_000,
  /** The longest wait between checks while something is down. */
  maxRetryMs: 10_000,
  /** A check that takes longer than this counts as the server unreachable. */
  timeoutMs: 5_000,
} as const;

export type HealthPollOptions = { -readonly [K in keyof typeof HEALTH_POLL_DEFAULTS]: number };

/** What one health answer (or its absence) says. */
export function reachabilityOf(status: number | null, body: unknown): Reachability {
  if (status === null || status >= 500) return 'server-unreachable';
  const health = Health.safeParse(body);
  if (!health.success) return status === 200 ? 'up' : 'server-unreachable';
  return health.data.neo4j === 'up' ? 'up' : 'database-down';
}

/** The wait before the next check, after `failures` failed checks in a row. */
export function nextCheckIn(failures: number, options: HealthPollOptions): number {
  if (failures === 0) return options.upIntervalMs;
  return Math.min(options.maxRetryMs, options.firstRetryMs * 2 ** Math.min(failures - 1, 20));
}

export class HealthController implements ReactiveController {
  reachability: Reachability = 'up';
  readonly #host: ReactiveControllerHost;
  readonly #url: () => string;
  readonly #options: HealthPollOptions;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #checking: AbortController | null = null;
  readonly #checkNow = () => this.check();
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.check();
  };

  constructor(
    host: ReactiveControllerHost,
    url: () => string,
    options: Partial<HealthPollOptions> = {},
  ) {
    this.#host = host;
    this.#url = url;
    this.#options = { ...HEALTH_POLL_DEFAULTS, ...options };
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#checkNow);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.check();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#checkNow);
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#timer);
    this.#checking?.abort();
    this.#checking = null;
  }

  /** Checks at once (a planner pressed 重试, the tab came back), then on the usual schedule. */
  check(): void {
    clearTimeout(this.#timer);
    this.#checking?.abort();
    const checking = new AbortController();
    this.#checking = checking;
    void this.#ask(checking).then((reachability) => {
      if (checking.signal.aborted && this.#checking !== checking) return;
      this.#checking = null;
      this.#failures = reachability === 'up' ? 0 : this.#failures + 1;
      if (reachability !== this.reachability) {
        this.reachability = reachability;
        this.#host.requestUpdate();
      }
      // A hidden tab waits for its planner to come back (visibilitychange) rather than polling.
      if (document.visibilityState === 'hidden' && reachability === 'up') return;
      this.#timer = setTimeout(() => this.check(), nextCheckIn(this.#failures, this.#options));
    });
  }

  async #ask(checking: AbortController): Promise<Reachability> {
    const timer = setTimeout(() => checking.abort(), this.#options.timeoutMs);
    try {
      const response = await fetch(this.#url(), {
        headers: { accept: 'application/json' },
        cache: 'no-store',
        signal: checking.signal,
      });
      const body: unknown = await response.json().catch(() => null);
      return reachabilityOf(response.status, body);
    } catch {
      return 'server-unreachable';
    } finally {
      clearTimeout(timer);
    }
  }
}
