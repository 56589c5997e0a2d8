// guatu's own Neo4j: builds the Java launcher (graph/neo4j-launcher) when it is missing or stale,
// runs it as a child JVM, and answers only once a Bolt `RETURN 1` has gone through.
//
// The JVM's stdin is a pipe from this process. The launcher shuts Neo4j down when that pipe
// reaches end-of-file, which the kernel guarantees however this process ends (stop(), exit,
// crash, SIGKILL): the JVM never outlives its parent.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { LocalServer } from './config.ts';
import { isPortFree } from './ports.ts';

const LAUNCHER_DIR = fileURLToPath(new URL('../neo4j-launcher/', import.meta.url));
const POM = join(LAUNCHER_DIR, 'pom.xml');
const SOURCES = join(LAUNCHER_DIR, 'src');
const TARGET = join(LAUNCHER_DIR, 'target');
const LAUNCHER_JAR = join(TARGET, 'guatu-neo4j-launcher.jar');
const CLASSPATH_FILE = join(TARGET, 'classpath.txt');
/** Touched after a successful build; the build is current when it is newer than every source. */
const BUILD_STAMP = join(TARGET, 'guatu-build.stamp');
const BUILD_LOCK = join(TARGET, 'build.lock');
const MAIN_CLASS = 'guatu.Launcher';
/**
 * The JVM's class-data sharing archive: Neo4j's classes, parsed and verified once, then mapped
 * at every start. It cuts the CPU time a start needs by about a third (15.5 → 10.5 s measured),
 * which start-to-ready follows on a busy machine. Recorded by the first JVM that reaches ready
 * and exits; removed whenever the launcher is rebuilt, being valid only for the classpath it
 * was recorded with.
 */
const CLASS_ARCHIVE = join(TARGET, 'launcher.jsa');

/** Exit statuses of guatu.Launcher (Launcher.Exit in the Java source). */
const LAUNCHER_EXIT = { failed: 1, usage: 2, portInUse: 3, dataInUse: 4 } as const;

const INSTALL_HINT =
  'or set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD) to use a Neo4j server of your own';

export type LocalNeo4jProblem =
  | 'java-missing'
  | 'maven-missing'
  | 'build-failed'
  | 'port-in-use'
  | 'data-in-use'
  | 'exited'
  | 'not-ready'
  | 'aborted';

/** Why the local Neo4j could not start; `message` is written for the person at the terminal. */
export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
  constructor(
    readonly problem: LocalNeo4jProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export interface LocalNeo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running local Neo4j, ready for Bolt connections. */
export interface LocalNeo4j {
  readonly uri: string;
  readonly port: number;
  /** The JVM's process id. */
  readonly pid: number;
  /** Neo4j's home: store, transaction logs and `logs/debug.log`. */
  readonly home: string;
  /** Settles when the JVM exits, for whatever reason. */
  readonly exited: Promise<LocalNeo4jExit>;
  /** Shuts Neo4j down cleanly and resolves once the JVM has exited. Safe to call twice. */
  stop(): Promise<LocalNeo4jExit>;
  /**
   * The id of the newest transaction readers see, asked of the JVM over its stdin (Neo4j
   * Community does not tell it over Bolt); -1 while it cannot say. Rejects once the JVM is gone.
   */
  lastTransaction(): Promise<number>;
}

export interface StartOptions {
  /** Progress notes (building, starting), one line each. */
  log?: (line: string) => void;
  /** From spawning the JVM to the first successful `RETURN 1`. */
  readyTimeoutMs?: number;
  /**
   * Stops a start under way (graph/neo4j/supervisor.ts, on Ctrl-C during a restart): the JVM is
   * shut down and the start rejects with the problem `aborted`.
   */
  signal?: AbortSignal;
  /**
   * Check the port from Node before spawning the JVM (default true). Off only to exercise the
   * JVM's own bind-failure path in tests.
   */
  checkPortFirst?: boolean;
  /**
   * Once ready, lower the JVM to this nice value (0, the default, to 19): the console's copy of
   * the graph runs at 10, so that whatever a console query costs, the explorer's Neo4j and the
   * API come first for the CPU (graph/neo4j/console-copy.ts). Lowered after the start, not
   * before: a JVM starting at nice 19 on a busy machine did not get ready within two minutes.
   */
  niceness?: number;
  /**
   * Lower the JVM to `niceness` as soon as it is spawned rather than once it is ready. For a
   * restart (graph/neo4j/supervisor.ts): a JVM starting at full priority beside the explorer
   * took the cores the planners were using, and a restart has no one waiting on it but the
   * console, which answers 503 meanwhile.
   */
  niceFromSpawn?: boolean;
}

/** Where the local Neo4j keeps its home inside GUATU_DATA_DIR. */
export function neo4jHome(dataDir: string): string {
  return join(dataDir, 'neo4j');
}

function javaCommand(): string {
  const javaHome = process.env.JAVA_HOME;
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

let javaChecked = false;

/** Throws a LocalNeo4jError naming the package to install when Java 17+ is not there. */
export function checkJava(): void {
  if (javaChecked) return;
  const java = javaCommand();
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const install = `Install it (Debian: sudo apt-get install openjdk-17-jre-headless), ${INSTALL_HINT}.`;
  if (probe.error) {
    throw new LocalNeo4jError(
      'java-missing',
      `The local Neo4j needs Java 17 or newer, and "${java}" could not be run (${probe.error.message}). ${install}`,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(
      'java-missing',
      `The local Neo4j needs Java 17 or newer; "${java}" is ${match ? `Java ${major}` : 'of unknown version'}. ${install}`,
    );
  }
  javaChecked = true;
}

function newestModification(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestModification(join(path, entry))),
    stats.mtimeMs,
  );
}

/** The built launcher's classpath, or null when it must be (re)built. */
function currentClasspath(): string | null {
  if (!existsSync(BUILD_STAMP) || !existsSync(CLASSPATH_FILE)) return null;
  if (!existsSync(LAUNCHER_JAR)) return null;
  const sourcesChanged = Math.max(statSync(POM).mtimeMs, newestModification(SOURCES));
  if (statSync(BUILD_STAMP).mtimeMs < sourcesChanged) return null;
  const jars = readFileSync(CLASSPATH_FILE, 'utf8').trim().split(':');
  // A cleaned ~/.m2 leaves a classpath pointing at nothing; Maven fetches the jars again.
  if (jars.length === 0 || !jars.every((jar) => existsSync(jar))) return null;
  return [LAUNCHER_JAR, ...jars].join(':');
}

function runMaven(log: (line: string) => void): Promise<void> {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalNeo4jError(
      'maven-missing',
      `The local Neo4j is built with Maven, and "mvn" could not be run (${probe.error.message}). Install it (Debian: sudo apt-get install maven), ${INSTALL_HINT}.`,
    );
  }
  log(
    'building the Neo4j launcher with Maven (the first time, Neo4j Community 5.26 comes from Maven Central, about 120 MB, cached in ~/.m2)',
  );
  return new Promise((resolve, reject) => {
    const maven = spawn('mvn', ['-q', '-B', '-Dstyle.color=never', '-f', POM, 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = new TailBuffer(40);
    maven.stdout.on('data', (chunk: Buffer) => output.add(chunk));
    maven.stderr.on('data', (chunk: Buffer) => output.add(chunk));
    maven.once('error', (error) =>
      reject(new LocalNeo4jError('build-failed', `Maven could not start: ${error.message}`)),
    );
    maven.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new LocalNeo4jError(
            'build-failed',
            `Maven could not build the Neo4j launcher (${signal ?? `exit ${code}`}). Its last output:\n${output.text()}`,
          ),
        );
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the build lock's owner has died, leaving it behind. */
function buildLockAbandoned(): boolean {
  try {
    return !processExists(Number(readFileSync(join(BUILD_LOCK, 'pid'), 'utf8')));
  } catch {
    // No pid yet: just created (or its creator died at that instant), or just released.
  }
  try {
    return Date.now() - statSync(BUILD_LOCK).mtimeMs > 60_000;
  } catch {
    return false;
  }
}

/**
 * Runs `work` holding target/build.lock, a directory (mkdir is atomic) naming its owner's pid:
 * `npm start`, the tests and the benchmark may all find the build stale at the same moment, and
 * two Maven runs writing one target folder can leave a broken jar. A lock whose owner has died
 * is taken over.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(TARGET, { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (buildLockAbandoned()) {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    } else {
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds graph/neo4j-launcher when its output is missing or older than its pom or sources, and
 * returns the launcher's classpath.
 */
export async function ensureLauncherBuilt(log: (line: string) => void = () => {}): Promise<string> {
  checkJava();
  const ready = currentClasspath();
  if (ready !== null) return ready;
  return withBuildLock(async () => {
    const builtMeanwhile = currentClasspath();
    if (builtMeanwhile !== null) return builtMeanwhile;
    await runMaven(log);
    rmSync(CLASS_ARCHIVE, { force: true });
    writeFileSync(BUILD_STAMP, `${new Date().toISOString()}\n`);
    const built = currentClasspath();
    if (built === null) {
      throw new LocalNeo4jError(
        'build-failed',
        `Maven finished but ${CLASSPATH_FILE} or ${LAUNCHER_JAR} is missing`,
      );
    }
    return built;
  });
}

/**
 * JVM options from GUATU_NEO4J_JAVA_OPTIONS (space-separated), placed after guatu's own so they
 * win. The test run sets options for JVMs that live minutes, not days (vitest.config.ts): C1
 * alone and the serial collector start Neo4j with about half the CPU time.
 */
function extraJvmArguments(env: NodeJS.ProcessEnv = process.env): string[] {
  const text = env['GUATU_NEO4J_JAVA_OPTIONS']?.trim() ?? '';
  return text === '' ? [] : text.split(/\s+/);
}

function jvmArguments(server: LocalServer): string[] {
  return [
    `-Xmx${server.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    '-Dfile.encoding=UTF-8',
    // What Neo4j's own server script passes to the JVM, for Netty's direct buffers on Java 17.
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    ...extraJvmArguments(),
  ];
}

interface ClassArchiveUse {
  arguments: string[];
  /** Keeps a freshly recorded archive if the JVM got as far as ready, else discards it. */
  settle(reachedReady: boolean): void;
}

/** Maps the class archive, or records one (under a unique name) when there is none yet. */
function classArchive(): ClassArchiveUse {
  if (existsSync(CLASS_ARCHIVE)) {
    return {
      // A stale archive (another JDK build) is ignored by the JVM; it need not say so.
      arguments: [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`, '-Xshare:auto', '-Xlog:cds=off'],
      settle: () => {},
    };
  }
  removeAbandonedRecordings();
  // Unique, so two first starts at once each write their own; the last rename wins.
  const recording = `${CLASS_ARCHIVE}.${randomBytes(4).toString('hex')}.tmp`;
  return {
    arguments: [`-XX:ArchiveClassesAtExit=${recording}`, '-Xlog:cds=off'],
    settle: (reachedReady) => {
      try {
        if (reachedReady && existsSync(recording)) renameSync(recording, CLASS_ARCHIVE);
        else rmSync(recording, { force: true });
      } catch {
        // Only a speed-up: without it the next start records again.
      }
    },
  };
}

/** Recordings left by a JVM whose parent died before it could keep them (about 100 MB each). */
function removeAbandonedRecordings(): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(TARGET)) {
    const path = join(TARGET, entry);
    if (/^launcher\.jsa\..*\.tmp$/.test(entry) && statSync(path).mtimeMs < hourAgo) {
      rmSync(path, { force: true });
    }
  }
}

/** The last lines of a stream, for error messages. */
class TailBuffer {
  #lines: string[] = [];
  #partial = '';
  constructor(readonly size: number) {}

  add(chunk: Buffer | string): string[] {
    const pieces = (this.#partial + chunk.toString()).split('\n');
    this.#partial = pieces.pop() ?? '';
    const complete = pieces.map((line) => line.replace(/\r$/, ''));
    this.#lines.push(...complete);
    if (this.#lines.length > this.size) this.#lines.splice(0, this.#lines.length - this.size);
    return complete;
  }

  text(): string {
    return [...this.#lines, this.#partial].filter((line) => line.trim() !== '').join('\n');
  }
}

function describeExit(exit: LocalNeo4jExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit status ${exit.code}`;
}

/** Turns an early JVM exit into the error a user can act on. */
function earlyExitError(
  exit: LocalNeo4jExit,
  server: LocalServer,
  home: string,
  stderr: TailBuffer,
): LocalNeo4jError {
  const reported = /guatu-launcher: error: (.*)/.exec(stderr.text())?.[1];
  if (exit.code === LAUNCHER_EXIT.portInUse) return portInUseError(server.port);
  if (exit.code === LAUNCHER_EXIT.dataInUse) {
    return new LocalNeo4jError(
      'data-in-use',
      `The local Neo4j's data folder ${home} is in use by another Neo4j process; stop that one, or set GUATU_DATA_DIR to another folder.`,
    );
  }
  return new LocalNeo4jError(
    'exited',
    `The local Neo4j exited before it was ready (${describeExit(exit)})${reported ? `: ${reported}` : ''}. Last output:\n${stderr.text()}`,
  );
}

function portInUseError(port: number): LocalNeo4jError {
  return new LocalNeo4jError(
    'port-in-use',
    `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there. ` +
      `If another guatu is running (npm start in another checkout or terminal), use its database ` +
      `instead: NEO4J_URI=bolt://127.0.0.1:${port} NEO4J_PASSWORD=<its GUATU_NEO4J_PASSWORD> npm start; ` +
      `or give this one its own: GUATU_NEO4J_PORT=<a free port> (and PORT for the explorer). ` +
      `端口 ${port} 已被占用：可能已有另一个挂图在运行，可用 NEO4J_URI 连接它，或用 GUATU_NEO4J_PORT 另选端口。`,
  );
}

/** `promise`'s value, or null after `ms`; the timer never outlives the answer. */
async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once `RETURN 1` succeeds over Bolt; rethrows the last failure after `deadline`. */
async function waitForBolt(
  uri: string,
  password: string,
  deadline: number,
  gone: () => boolean,
): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
  });
  try {
    for (;;) {
      // An auto-commit query: one attempt each round, where executeQuery would retry for 30 s.
      const session = driver.session();
      try {
        const { records } = await session.run('RETURN 1 AS one');
        if (records[0]?.get('one').toNumber() === 1) return;
      } catch (error) {
        if (gone() || Date.now() > deadline) throw error;
      } finally {
        await session.close();
      }
      if (gone()) throw new Error('the JVM exited');
      await sleep(200);
    }
  } finally {
    await driver.close();
  }
}

/** One run of guatu.Launcher: the child JVM, what it has said, and how it ended. */
class LauncherProcess {
  readonly stderr = new TailBuffer(60);
  readonly exited: Promise<LocalNeo4jExit>;
  /** Resolves when the launcher prints its ready line: Neo4j is up and the password in force. */
  readonly announced: Promise<void>;
  /** Rejects if Java itself cannot be run. */
  readonly spawnFailed: Promise<never>;
  exit: LocalNeo4jExit | null = null;
  reachedReady = false;
  readonly #child: ChildProcessWithoutNullStreams;
  /** Callers of lastTransaction() in the order they asked; the JVM answers in that order. */
  readonly #lastTxAsked: { resolve: (id: number) => void; reject: (error: Error) => void }[] = [];

  constructor(server: LocalServer, classpath: string, home: string, niceness = 0) {
    const archive = classArchive();
    this.#child = spawn(
      javaCommand(),
      [
        ...jvmArguments(server),
        ...archive.arguments,
        '-cp',
        classpath,
        MAIN_CLASS,
        ...['--home', home, '--port', String(server.port)],
        ...['--pagecache', server.pageCache, '--tx-memory', server.transactionMemory],
        ...['--tx-timeout', String(server.transactionTimeoutSeconds)],
      ],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        // Not on the command line, which every local user can read.
        env: { ...process.env, GUATU_NEO4J_PASSWORD: server.password },
      },
    );
    const child = this.#child;
    // Before the JVM has started its other threads, which take the main thread's value; any it
    // started in the moment before are caught by lowerPriority once it is ready.
    if (niceness > 0 && child.pid !== undefined) lowerPriority(child.pid, niceness);
    // The JVM closing its end early must not crash this process with EPIPE.
    child.stdin.on('error', () => {});
    child.stderr.on('data', (chunk: Buffer) => this.stderr.add(chunk));

    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': by then stderr has been read to the end, for error messages.
      child.once('close', (code, signal) => {
        archive.settle(this.reachedReady);
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
    this.spawnFailed = new Promise((_, reject) => {
      child.once('error', (error) =>
        reject(new LocalNeo4jError('exited', `Could not run Java: ${error.message}`)),
      );
    });
    this.spawnFailed.catch(() => {});

    const stdout = new TailBuffer(20);
    this.announced = new Promise((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const line of stdout.add(chunk)) {
          if (line.startsWith('guatu-launcher: ready')) resolve();
          const lastTx = /^guatu-launcher: last-tx (-?\d+)$/.exec(line);
          if (lastTx !== null) this.#lastTxAsked.shift()?.resolve(Number(lastTx[1]));
        }
      });
    });
    void this.exited.then(() => {
      for (const asked of this.#lastTxAsked.splice(0))
        asked.reject(new LocalNeo4jError('exited', 'The local Neo4j exited'));
    });

    // Belt and braces next to the pipe: should this process exit with the JVM still up, ask it
    // to stop.
    const stopOnExit = () => {
      if (this.exit === null) child.kill('SIGTERM');
    };
    process.once('exit', stopOnExit);
    void this.exited.then(() => process.removeListener('exit', stopOnExit));
  }

  get pid(): number {
    if (this.#child.pid === undefined) throw new LocalNeo4jError('exited', 'The JVM has no pid');
    return this.#child.pid;
  }

  lastTransaction(): Promise<number> {
    if (this.exit !== null || !this.#child.stdin.writable)
      return Promise.reject(new LocalNeo4jError('exited', 'The local Neo4j has exited'));
    return new Promise((resolve, reject) => {
      this.#lastTxAsked.push({ resolve, reject });
      this.#child.stdin.write('last-tx\n');
    });
  }

  /**
   * Closes the JVM's stdin, the launcher's signal to shut Neo4j down, and waits for it to exit;
   * escalates to SIGTERM, then SIGKILL, should it hang.
   */
  async stop(): Promise<LocalNeo4jExit> {
    if (this.exit !== null) return this.exit;
    this.#child.stdin.end();
    for (const [signal, graceMs] of [
      [null, 60_000],
      ['SIGTERM', 15_000],
      ['SIGKILL', 5_000],
    ] as const) {
      if (signal !== null) this.#child.kill(signal);
      const outcome = await settlesWithin(this.exited, graceMs);
      if (outcome !== null) return outcome;
    }
    return this.exited;
  }
}

/** Waits for the announcement, then for Bolt, within `timeoutMs` of now. */
async function untilReady(
  launcher: LauncherProcess,
  server: LocalServer,
  home: string,
  timeoutMs: number,
): Promise<void> {
  const uri = `bolt://127.0.0.1:${server.port}`;
  const died = launcher.exited.then((exit) => {
    throw earlyExitError(exit, server, home, launcher.stderr);
  });
  died.catch(() => {});
  const deadline = Date.now() + timeoutMs;
  const announcedInTime = settlesWithin(
    Promise.race([launcher.announced.then(() => true), died, launcher.spawnFailed]),
    timeoutMs,
  );
  if ((await announcedInTime) === null) {
    throw new LocalNeo4jError(
      'not-ready',
      `The local Neo4j did not start within ${timeoutMs / 1000} s. Last output:\n${launcher.stderr.text()}`,
    );
  }
  try {
    await Promise.race([
      waitForBolt(uri, server.password, deadline, () => launcher.exit !== null),
      died,
    ]);
  } catch (error) {
    if (error instanceof LocalNeo4jError) throw error;
    if (launcher.exit !== null) throw earlyExitError(launcher.exit, server, home, launcher.stderr);
    throw new LocalNeo4jError(
      'not-ready',
      `The local Neo4j started but did not answer RETURN 1 on ${uri}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/**
 * Lowers every thread of process `pid` to nice `niceness`. On Linux a nice value belongs to a
 * thread, and a new thread takes its creator's: once every thread is lowered, those the JVM
 * starts later are too. A thread started during a pass is caught by the next. Lowering needs no
 * privilege; where it fails (the process gone, a system without /proc) the JVM keeps its priority.
 */
export function lowerPriority(pid: number, niceness: number): void {
  try {
    if (process.platform !== 'linux') {
      setPriority(pid, niceness);
      return;
    }
    for (let pass = 0; pass < 10; pass += 1) {
      let lowered = 0;
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        try {
          if (getPriority(Number(task)) < niceness) {
            setPriority(Number(task), niceness);
            lowered += 1;
          }
        } catch {
          // The thread ended meanwhile.
        }
      }
      if (lowered === 0) return;
    }
  } catch {
    // The process is gone, or priorities cannot be read here.
  }
}

/** `promise`'s outcome, or `error()` as soon as `signal` aborts. */
async function unlessAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  error: () => Error,
): Promise<T> {
  if (signal === undefined) return promise;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(error());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  // Lost the race: its failure (the JVM stopped under it) is no news.
  promise.catch(() => {});
  try {
    return await Promise.race([promise, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Starts the local Neo4j described by `server` and resolves once it answers over Bolt. Builds
 * the launcher first if needed. The JVM stops with stop(), or by itself when this process ends.
 */
export async function startLocalNeo4j(
  server: LocalServer,
  options: StartOptions = {},
): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const { signal } = options;
  const abortedError = () =>
    new LocalNeo4jError('aborted', 'The local Neo4j was told to stop while it was starting.');
  if (signal?.aborted === true) throw abortedError();
  const classpath = await ensureLauncherBuilt(log);
  if ((options.checkPortFirst ?? true) && !(await isPortFree(server.port))) {
    throw portInUseError(server.port);
  }

  const home = neo4jHome(server.dataDir);
  const uri = `bolt://127.0.0.1:${server.port}`;
  log(`starting Neo4j on ${uri} (home ${home})`);
  const launcher = new LauncherProcess(
    server,
    classpath,
    home,
    options.niceFromSpawn === true ? (options.niceness ?? 0) : 0,
  );
  try {
    await unlessAborted(
      untilReady(launcher, server, home, options.readyTimeoutMs ?? 120_000),
      signal,
      abortedError,
    );
  } catch (error) {
    await launcher.stop();
    throw error;
  }
  launcher.reachedReady = true;
  if ((options.niceness ?? 0) > 0) lowerPriority(launcher.pid, options.niceness ?? 0);
  log(`Neo4j is ready on ${uri}`);
  return {
    uri,
    port: server.port,
    pid: launcher.pid,
    home,
    exited: launcher.exited,
    stop: () => launcher.stop(),
    lastTransaction: () => launcher.lastTransaction(),
  };
}
