// Keeps guatu's own Neo4j running under `npm start`: when the JVM exits without being asked to
// (killed, out of memory, a crash), it is started again on the same port and data folder, after
// 1, 2, 4 … 30 s, while the API answers 503 `database_unavailable` (graph/api/availability.ts).
// The process's drivers reconnect by themselves once it answers. After too many failures in a
// row the supervisor gives up, saying why, and `npm start` exits. Stopping it (Ctrl-C) is never
// mistaken for a crash.
import type { LocalServer } from './config.ts';
import {
  LocalNeo4jError,
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jExit,
  type StartOptions,
} from './launcher.ts';

export interface Backoff {
  /** The wait before the first restart. */
  firstMs: number;
  /** Waits double after each failure up to this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1_000, maxMs: 30_000 };

/**
 * Failed restarts in a row (a start that failed, or a restarted Neo4j that died again before it
 * had been up for `stableMs`) before giving up: with the default backoff, about two minutes of
 * waiting besides the starts themselves.
 */
export const DEFAULT_MAX_FAILURES = 8;

/** Up this long after a restart, Neo4j counts as recovered and the failures start from zero. */
export const DEFAULT_STABLE_MS = 60_000;

export interface SupervisorOptions {
  /** One line per event: exits, restarts, giving up. */
  log?: (line: string) => void;
  backoff?: Backoff;
  maxFailures?: number;
  stableMs?: number;
  /** Passed to each start (default: the launcher's 120 s). */
  readyTimeoutMs?: number;
  /** How Neo4j is started; tests hand in a stand-in. Default: the launcher's startLocalNeo4j. */
  start?: (server: LocalServer, options: StartOptions) => Promise<LocalNeo4j>;
  /** The clock, for the log's figures and for `retryInMs`. */
  now?: () => number;
  /** Passed to each start: the console's copy runs at 10 (graph/neo4j/console-copy.ts). */
  niceness?: number;
}

/** What the supervisor is doing, as the API's availability (graph/api/availability.ts) reads it. */
export type SupervisedState =
  | { state: 'up'; pid: number }
  | { state: 'restarting'; failures: number; nextAttemptAt: number | null }
  | { state: 'stopped' }
  | { state: 'failed'; error: LocalNeo4jError };

/** The wait before the attempt that follows `failures` failures in a row. */
export function restartDelay(failures: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(failures, 30));
}

function describeExit(exit: LocalNeo4jExit): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `exit status ${exit.code}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

export class Neo4jSupervisor {
  readonly server: LocalServer;
  /** Settles with the reason when the supervisor gives up; never if it does not. */
  readonly gaveUp: Promise<LocalNeo4jError>;
  readonly #options: Required<Omit<SupervisorOptions, 'readyTimeoutMs' | 'niceness'>> &
    Pick<SupervisorOptions, 'readyTimeoutMs' | 'niceness'>;
  readonly #stopping = new AbortController();
  /** Resolves on stop(), so a wait or a watch ends at once. */
  readonly #untilStopped: Promise<null>;
  #current: LocalNeo4j | null;
  #state: SupervisedState;
  #restarts = 0;
  readonly #watching: Promise<void>;
  #giveUp: (error: LocalNeo4jError) => void = () => {};

  private constructor(server: LocalServer, first: LocalNeo4j, options: SupervisorOptions) {
    this.server = server;
    this.#options = {
      log: options.log ?? (() => {}),
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      maxFailures: options.maxFailures ?? DEFAULT_MAX_FAILURES,
      stableMs: options.stableMs ?? DEFAULT_STABLE_MS,
      start: options.start ?? startLocalNeo4j,
      now: options.now ?? Date.now,
      readyTimeoutMs: options.readyTimeoutMs,
      niceness: options.niceness,
    };
    this.#untilStopped = new Promise((resolve) =>
      this.#stopping.signal.addEventListener('abort', () => resolve(null), { once: true }),
    );
    this.#current = first;
    this.#state = { state: 'up', pid: first.pid };
    this.gaveUp = new Promise((resolve) => {
      this.#giveUp = resolve;
    });
    this.#watching = this.#watch(first);
  }

  /**
   * Starts the local Neo4j and watches it. A first start that fails is not retried: the message
   * says what to fix (Java missing, the port taken), and waiting would not fix it.
   */
  static async start(
    server: LocalServer,
    options: SupervisorOptions = {},
  ): Promise<Neo4jSupervisor> {
    const start = options.start ?? startLocalNeo4j;
    const first = await start(server, {
      log: options.log,
      ...(options.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.readyTimeoutMs }),
      ...(options.niceness === undefined ? {} : { niceness: options.niceness }),
    });
    return new Neo4jSupervisor(server, first, options);
  }

  /** The running instance, or null while it is being restarted or after stop(). */
  get current(): LocalNeo4j | null {
    return this.#current;
  }

  get state(): SupervisedState {
    return this.#state;
  }

  /** How many times Neo4j has been started again. */
  get restarts(): number {
    return this.#restarts;
  }

  /** The state in the API's terms: graph/api/availability.ts's DatabaseAvailability. */
  availability(): { state: SupervisedState['state']; retryInMs?: number } {
    const now = this.#state;
    if (now.state !== 'restarting') return { state: now.state };
    const retryInMs =
      now.nextAttemptAt === null ? 0 : Math.max(0, now.nextAttemptAt - this.#options.now());
    return { state: 'restarting', retryInMs: Math.ceil(retryInMs) };
  }

  /** Stops Neo4j on purpose (no restart follows), and any restart under way or waiting. */
  async stop(): Promise<void> {
    this.#stopping.abort();
    await this.#watching;
    const running = this.#current;
    this.#current = null;
    await running?.stop();
    if (this.#state.state !== 'failed') this.#state = { state: 'stopped' };
  }

  get #stopped(): boolean {
    return this.#stopping.signal.aborted;
  }

  #sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
      this.#untilStopped,
    ]).then(() => clearTimeout(timer));
  }

  async #watch(first: LocalNeo4j): Promise<void> {
    const { log, stableMs } = this.#options;
    let instance = first;
    let upSince = this.#options.now();
    let failures = 0;
    for (;;) {
      const exit = await Promise.race([instance.exited, this.#untilStopped]);
      if (exit === null || this.#stopped) return;
      const upFor = this.#options.now() - upSince;
      // A restarted Neo4j that fell over again soon was not a recovery; one that stayed up was.
      failures = instance !== first && upFor < stableMs ? failures + 1 : 0;
      this.#current = null;
      log(
        `Neo4j (pid ${instance.pid}) stopped by itself (${describeExit(exit)}) after ${seconds(upFor)} up; ` +
          `the API answers 503 until it is back. See ${instance.home}/logs/debug.log`,
      );
      const restarted = await this.#restart(failures);
      if (restarted === null) return;
      ({ instance, failures } = restarted);
      upSince = this.#options.now();
    }
  }

  /** Starts Neo4j again with backoff; null when stopped or given up. */
  async #restart(
    failuresBefore: number,
  ): Promise<{ instance: LocalNeo4j; failures: number } | null> {
    const { log, backoff, maxFailures, now } = this.#options;
    let failures = failuresBefore;
    let lastError: unknown = null;
    const downAt = now();
    for (;;) {
      if (failures >= maxFailures) {
        this.#fail(failures, lastError);
        return null;
      }
      const delay = restartDelay(failures, backoff);
      this.#state = { state: 'restarting', failures, nextAttemptAt: now() + delay };
      log(`restarting Neo4j in ${seconds(delay)} (attempt ${failures + 1} of ${maxFailures})`);
      await this.#sleep(delay);
      if (this.#stopped) return null;
      this.#state = { state: 'restarting', failures, nextAttemptAt: null };
      try {
        const instance = await this.#options.start(this.server, {
          signal: this.#stopping.signal,
          ...(this.#options.readyTimeoutMs === undefined
            ? {}
            : { readyTimeoutMs: this.#options.readyTimeoutMs }),
          // A restart is niced from its spawn: the first start is not (a JVM starting niced on
          // a busy machine can starve), but a restart competing at full priority with the
          // explorer it failed beside cost the planners more than what made it fail.
          ...(this.#options.niceness === undefined
            ? {}
            : { niceness: this.#options.niceness, niceFromSpawn: true }),
        });
        this.#current = instance;
        // Stopped while it started: stop() stops it, having waited for this watch to end.
        if (this.#stopped) return null;
        this.#restarts += 1;
        this.#state = { state: 'up', pid: instance.pid };
        log(`Neo4j is back (pid ${instance.pid}), ${seconds(now() - downAt)} after it stopped`);
        return { instance, failures };
      } catch (error) {
        if (this.#stopped) return null;
        failures += 1;
        lastError = error;
        log(`restarting Neo4j failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  #fail(failures: number, lastError: unknown): void {
    const reason = lastError instanceof Error ? ` The last attempt: ${lastError.message}` : '';
    const error = new LocalNeo4jError(
      'exited',
      `The local Neo4j stopped and could not be kept running: ${failures} failures in a row, ` +
        `so guatu gave up.${reason} See ${this.server.dataDir}/neo4j/logs/debug.log, fix what ` +
        `it reports, and run npm start again. 本地数据库多次重启失败，挂图已停止；请查看日志后重新启动。`,
      { cause: lastError },
    );
    this.#state = { state: 'failed', error };
    this.#options.log(error.message);
    this.#giveUp(error);
  }
}
