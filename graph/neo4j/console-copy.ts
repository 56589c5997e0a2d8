// The console's copy of the graph: a second local Neo4j, run at a low CPU priority, that
// holds what the explorer's Neo4j holds and answers the planners' console queries (issue 16).
//
// Why a copy and not the explorer's database: on a planner's machine of two cores, a few console
// queries that Neo4j cannot interrupt quickly (a huge reduce, a regular expression, a cross
// product up to its time limit) took the cores from everyone, and the explorer's answers waited
// 17 times longer. At nice 10 each of the copy's busy threads weighs a tenth of the explorer's
// in the kernel's scheduler, so the explorer and the API get the cores when they ask; nice 19
// (a sixty-eighth) starved the copy's own start for minutes whenever the machine was busy.
// Whatever a console query does, it can be stopped by killing the copy's JVM, which its
// supervisor starts again, without taking the explorer down.
//
// How it stays current: before each console query it asks the explorer's JVM for the id of its
// newest visible transaction (graph/neo4j/launcher.ts lastTransaction); when the copy was taken
// before that, it is copied again (copy-graph.ts) and the query waits. So a console query sees
// every write made before it was sent, and a database no one changes is never copied twice.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { ConfigError, type Connection, type LocalServer } from './config.ts';
import { copyGraph, type CopyReport } from './copy-graph.ts';
import { freePort } from './ports.ts';
import { Neo4jSupervisor, type SupervisorOptions } from './supervisor.ts';

/** GUATU_CONSOLE_COPY: `on` (the default with the local Neo4j) or `off`. */
export function consoleCopyWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['GUATU_CONSOLE_COPY'] ?? '';
  if (value === '' || value === 'on') return true;
  if (value === 'off') return false;
  // Read before any JVM starts, so a typo costs nothing; said as the other variables are.
  throw new ConfigError([`GUATU_CONSOLE_COPY: expected on or off, got ${JSON.stringify(value)}`]);
}

/** First starts tried before the console is given up for this run. */
const START_ATTEMPTS = 4;
const RESTART_READY_TIMEOUT_MS = 600_000;

/** The copy JVM's nice value: see the head of this file. */
export const COPY_NICENESS = 10;

/** Why a console query cannot run on the copy now; the API answers 503 with these. */
export type CopyUnavailableReason = 'starting' | 'restarting' | 'catching_up' | 'failed';

export class ConsoleCopyUnavailable extends Error {
  override readonly name = 'ConsoleCopyUnavailable';
  constructor(
    readonly reason: CopyUnavailableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Where one console query runs, held until the query is over. */
export interface ConsoleLease {
  driver: Driver;
  database: string;
  /**
   * The query is over. `gaveUp`: it was abandoned at its time limit (or its connection lost),
   * so the copy is checked for a query still running on; if one is, the copy is restarted.
   */
  release(gaveUp?: boolean): void;
}

/** The explorer's Neo4j, as the copy reads it. */
export interface CopySource {
  connection: Connection;
  /** Its newest visible transaction id, or a rejection while it is down. */
  lastTransaction(): Promise<number>;
}

export interface ConsoleCopyOptions {
  log?: (line: string) => void;
  /** The console's time limit: a query older than this plus `stuckGraceMs` is stuck. */
  queryTimeoutMs: number;
  /** Default 5 s: past the launcher's own watchdog (2 s) and a loaded machine's delays. */
  stuckGraceMs?: number;
  /**
   * How long the copy may take to say what it runs before it counts as wedged; default 60 s. Long,
   * because a copy at low priority on a busy machine is slow to answer without being stuck, and
   * killing it then would cost a JVM start at full priority for nothing.
   */
  unresponsiveMs?: number;
  /** How long a console query may wait for the copy to catch up before a 503; default 30 s. */
  catchUpTimeoutMs?: number;
  /** The copy's JVM nice value; default COPY_NICENESS. */
  niceness?: number;
  /** For tests: how the copy's Neo4j is started and restarted. */
  supervisor?: Omit<SupervisorOptions, 'log' | 'niceness'>;
}

export interface CopyStatus {
  state: 'starting' | 'copying' | 'ready' | 'restarting' | 'failed' | 'stopped';
  /** The explorer's transaction the copy was taken at; null before the first copy. */
  copiedAt: number | null;
  last: CopyReport | null;
  restarts: number;
}

/** The copy's own settings: its folder beside the explorer's, a port and a password of its own. */
export async function copySettings(main: LocalServer): Promise<LocalServer> {
  return {
    ...main,
    dataDir: join(main.dataDir, 'console-copy'),
    port: await freePort(),
    // Nobody but this process needs it; a new one each start.
    password: `guatu-copy-${randomBytes(12).toString('hex')}`,
    pageCache: '256m',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ConsoleCopy {
  readonly #source: CopySource;
  readonly #settings: LocalServer;
  readonly #options: Required<Omit<ConsoleCopyOptions, 'supervisor'>> &
    Pick<ConsoleCopyOptions, 'supervisor'>;
  #supervisor: Neo4jSupervisor | null = null;
  /** Reads the explorer's Neo4j for copying: Integers kept as Integers. */
  #sourceDriver: Driver;
  /** Writes the copy. */
  #writer: Driver;
  /** Runs console queries on the copy, as the console's own pool did on the explorer's. */
  #queries: Driver;
  #copiedAt: number | null = null;
  #last: CopyReport | null = null;
  #copying: Promise<void> | null = null;
  #leases = 0;
  #drained: (() => void)[] = [];
  #stopped = false;
  #failed: Error | null = null;
  #ready: Promise<void> | null = null;

  constructor(source: CopySource, settings: LocalServer, options: ConsoleCopyOptions) {
    this.#source = source;
    this.#settings = settings;
    this.#options = {
      log: options.log ?? (() => {}),
      queryTimeoutMs: options.queryTimeoutMs,
      stuckGraceMs: options.stuckGraceMs ?? 5_000,
      unresponsiveMs: options.unresponsiveMs ?? 60_000,
      catchUpTimeoutMs: options.catchUpTimeoutMs ?? 30_000,
      niceness: options.niceness ?? COPY_NICENESS,
      supervisor: options.supervisor,
    };
    const { uri, username, password } = source.connection;
    this.#sourceDriver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
      userAgent: 'guatu-console-copy',
      maxConnectionPoolSize: 2,
    });
    const copyUri = `bolt://127.0.0.1:${settings.port}`;
    const copyAuth = neo4j.auth.basic('neo4j', settings.password);
    this.#writer = neo4j.driver(copyUri, copyAuth, {
      userAgent: 'guatu-console-copy',
      maxConnectionPoolSize: 2,
    });
    this.#queries = neo4j.driver(copyUri, copyAuth, {
      userAgent: 'guatu-console',
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 4,
      connectionAcquisitionTimeout: 2_000,
      connectionTimeout: 5_000,
    });
  }

  /**
   * Starts the copy's Neo4j and takes the first copy; settles once it has (or could not). Until
   * then console queries are answered 503. Safe to call twice.
   */
  start(): Promise<void> {
    if (this.#ready === null) {
      this.#ready = this.#start();
      this.#ready.catch(() => {});
    }
    return this.#ready;
  }

  async #start(): Promise<void> {
    const { log } = this.#options;
    // A first start that fails is tried again: unlike the explorer's Neo4j, nobody waits on this
    // one, and a busy machine (not a fault to fix) is the likely cause.
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.#supervisor = await Neo4jSupervisor.start(this.#settings, {
          // A restart starts niced (supervisor.ts): with the explorer busy it gets the cores'
          // leftovers and may take minutes, which is the point; the console says 503 meanwhile.
          readyTimeoutMs: RESTART_READY_TIMEOUT_MS,
          ...this.#options.supervisor,
          niceness: this.#options.niceness,
          log: (line) => log(`console copy: ${line}`),
        });
        break;
      } catch (error) {
        if (this.#stopped) return;
        if (attempt >= START_ATTEMPTS) {
          this.#failed = error instanceof Error ? error : new Error(String(error));
          log(`console copy: could not be started (${this.#failed.message}); the console is off`);
          throw error;
        }
        log(`console copy: start ${attempt} of ${START_ATTEMPTS} failed; trying again`);
        await sleep(5_000 * attempt);
      }
    }
    if (this.#stopped) return;
    await this.#copy();
  }

  status(): CopyStatus {
    const base = {
      copiedAt: this.#copiedAt,
      last: this.#last,
      restarts: this.#supervisor?.restarts ?? 0,
    };
    if (this.#stopped) return { ...base, state: 'stopped' };
    if (this.#failed !== null) return { ...base, state: 'failed' };
    const supervised = this.#supervisor?.state.state;
    if (supervised === undefined) return { ...base, state: 'starting' };
    if (supervised === 'failed') return { ...base, state: 'failed' };
    if (supervised !== 'up') return { ...base, state: 'restarting' };
    if (this.#copying !== null || this.#copiedAt === null) return { ...base, state: 'copying' };
    return { ...base, state: 'ready' };
  }

  /** The copy's JVM, for tests and the bench; null while it is down. */
  get pid(): number | null {
    return this.#supervisor?.current?.pid ?? null;
  }

  #unavailable(): ConsoleCopyUnavailable | null {
    const state = this.status().state;
    if (state === 'failed' || state === 'stopped') {
      return new ConsoleCopyUnavailable(
        'failed',
        'the console\u2019s copy of the graph could not be kept running / 控制台的数据副本无法运行',
        this.#failed === null ? undefined : { cause: this.#failed },
      );
    }
    if (state === 'starting' || this.#supervisor === null) {
      return new ConsoleCopyUnavailable(
        'starting',
        'the console is still preparing its copy of the graph; try again in a moment / 控制台正在准备数据副本，请稍后再试',
      );
    }
    if (state === 'restarting') {
      return new ConsoleCopyUnavailable(
        'restarting',
        'the console\u2019s database is being restarted after a query that would not stop; try again in a moment / 控制台的数据库在一个无法停止的查询之后正在重启，请稍后再试',
      );
    }
    return null;
  }

  /**
   * A place for one console query on a copy holding every write made before this call. Waits for
   * a copy when one is needed; throws ConsoleCopyUnavailable when the copy cannot serve.
   */
  async acquire(signal?: AbortSignal): Promise<ConsoleLease> {
    const deadline = Date.now() + this.#options.catchUpTimeoutMs;
    const before = this.#unavailable();
    if (before !== null) throw before;
    const wanted = await this.#source.lastTransaction();
    for (;;) {
      signal?.throwIfAborted();
      const now = this.#unavailable();
      if (now !== null) throw now;
      if (this.#copying === null && this.#copiedAt !== null && this.#copiedAt >= wanted) break;
      const copying = this.#copying ?? this.#copy();
      const left = deadline - Date.now();
      const outcome = await Promise.race([
        copying.then(
          () => ({ done: true as const }),
          (error: unknown) => ({ done: true as const, error }),
        ),
        sleep(Math.max(0, left)).then(() => ({ done: false as const })),
      ]);
      const failed = 'error' in outcome;
      if (!outcome.done || failed || Date.now() >= deadline) {
        throw (
          this.#unavailable() ??
          new ConsoleCopyUnavailable(
            'catching_up',
            'the console\u2019s copy of the graph is still catching up with the latest changes; try again in a moment / 控制台的数据副本正在同步最新的修改，请稍后再试',
            failed ? { cause: outcome.error } : undefined,
          )
        );
      }
    }
    this.#leases += 1;
    let released = false;
    return {
      driver: this.#queries,
      database: 'neo4j',
      release: (gaveUp = false) => {
        if (released) return;
        released = true;
        this.#leases -= 1;
        if (this.#leases === 0) for (const resume of this.#drained.splice(0)) resume();
        if (gaveUp) void this.#checkStuck();
      },
    };
  }

  /** Copies the explorer's graph again once the queries running on the copy have ended. */
  #copy(): Promise<void> {
    const copying = (async () => {
      const timeoutMs = this.#options.queryTimeoutMs + this.#options.stuckGraceMs;
      if (this.#leases > 0) {
        const drained = new Promise<boolean>((resolve) => this.#drained.push(() => resolve(true)));
        if (!(await Promise.race([drained, sleep(timeoutMs).then(() => false)]))) {
          // A query outlived its limit and its watchdog: the copy is restarted under it.
          await this.#restartCopy('a console query would not end');
          await this.#untilUp();
        }
      }
      const at = await this.#source.lastTransaction();
      this.#last = await copyGraph(
        { driver: this.#sourceDriver, database: this.#source.connection.database },
        { driver: this.#writer, database: 'neo4j' },
      );
      this.#copiedAt = at;
      this.#options.log(
        `console copy: ${this.#last.nodes} nodes, ${this.#last.relationships} relationships copied in ${this.#last.ms} ms`,
      );
    })();
    const settled = copying.finally(() => {
      if (this.#copying === settled) this.#copying = null;
    });
    this.#copying = settled;
    settled.catch(() => {
      this.#copiedAt = null;
    });
    return settled;
  }

  async #untilUp(): Promise<void> {
    const deadline = Date.now() + 180_000;
    while (this.#supervisor?.state.state !== 'up') {
      if (this.#stopped || Date.now() > deadline || this.#supervisor?.state.state === 'failed')
        throw this.#unavailable() ?? new Error('the console copy did not come back');
      await sleep(200);
    }
  }

  /**
   * After a query was abandoned: the launcher's watchdog should have stopped it within 2 s. When
   * the copy still runs an API query past its limit and the grace, or cannot say what it runs
   * within `unresponsiveMs`, its JVM is killed; the supervisor starts it again and the next query
   * copies anew.
   */
  async #checkStuck(): Promise<void> {
    await sleep(this.#options.stuckGraceMs);
    if (this.#stopped || this.#supervisor?.state.state !== 'up') return;
    const limitMs = this.#options.queryTimeoutMs + this.#options.stuckGraceMs;
    const session = this.#writer.session({ database: 'neo4j' });
    try {
      const result = await Promise.race([
        session.run(
          'SHOW TRANSACTIONS YIELD metaData, elapsedTime WHERE metaData.app = $app RETURN max(elapsedTime.milliseconds) AS longest',
          { app: 'guatu-api' },
        ),
        sleep(this.#options.unresponsiveMs).then(() => null),
      ]);
      const longest = result === null ? Infinity : Number(result.records[0]?.get('longest') ?? 0);
      if (longest > limitMs) {
        await this.#restartCopy(
          result === null
            ? 'it did not answer while a console query was past its limit'
            : `a console query ran ${Math.round(longest / 1000)} s, past its limit`,
        );
      }
    } catch {
      // The copy went down meanwhile: its supervisor restarts it.
    } finally {
      void session.close().catch(() => {});
    }
  }

  async #restartCopy(why: string): Promise<void> {
    const pid = this.pid;
    if (pid === null) return;
    this.#options.log(`console copy: killed (${why}); it is started again`);
    this.#copiedAt = null;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    // Until the supervisor has seen the exit, the state still says up.
    const deadline = Date.now() + 5_000;
    while (this.#supervisor?.current?.pid === pid && Date.now() < deadline) await sleep(50);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#ready?.catch(() => {});
    await Promise.all([this.#queries.close(), this.#writer.close(), this.#sourceDriver.close()]);
    await this.#supervisor?.stop();
  }
}
