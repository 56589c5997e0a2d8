// Chaos for the loader: a Neo4j of its own (temporary folder, free port — never the tests'
// shared one), two versions of a plan, and rounds that replace one with the other while a
// process is killed with SIGKILL at a random moment — the loader (`npm run load -- --replace`),
// the import's commit (./import-commit.ts), or the Neo4j JVM itself, restarted on the same
// store afterwards. After each round the database must hold one of the two versions, whole:
// the checksum (counts of items, units and unit→item edges, hashes of the sorted refs and
// edges, the source's sha256) equals that of the old one or of the new one.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadPlanFile } from '../../graph/load/load-plan.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/neo4j/launcher.ts';
import { freePort } from '../../graph/neo4j/ports.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(ROOT, 'seeds/wuhan-14th-fyp-task-division.txt');
/** Small batches make a load many statements long: more moments for a kill to land in. */
export const CHAOS_BATCH_SIZE = 40;

export type Kill = 'loader' | 'import' | 'jvm-loader' | 'jvm-import';

export interface Checksum {
  sha256: string;
  items: number;
  units: number;
  edges: number;
  refs: string;
  edgeHash: string;
}

/** A repeatable random sequence (mulberry32), so a run can be told again from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hash = (lines: readonly string[]) =>
  createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

export class ChaosNeo4j {
  readonly password = `chaos-${randomBytes(6).toString('hex')}`;
  driver!: Driver;
  uri = '';
  #local: LocalNeo4j | null = null;

  private constructor(
    readonly dataDir: string,
    readonly log: (line: string) => void,
  ) {}

  static async start(log: (line: string) => void = () => {}): Promise<ChaosNeo4j> {
    const server = new ChaosNeo4j(await mkdtemp(join(tmpdir(), 'guatu-chaos-')), log);
    await server.#start();
    return server;
  }

  get pid(): number {
    return this.#local?.pid ?? -1;
  }

  async #start(): Promise<void> {
    this.#local = await startLocalNeo4j(
      {
        port: await freePort(),
        password: this.password,
        dataDir: this.dataDir,
        heap: '1g',
        pageCache: '64m',
        transactionTimeoutSeconds: 30,
        transactionMemory: '512m',
      },
      { log: this.log, readyTimeoutMs: 600_000 },
    );
    this.uri = this.#local.uri;
    this.driver = neo4j.driver(this.uri, neo4j.auth.basic('neo4j', this.password), {
      disableLosslessIntegers: true,
    });
  }

  /** SIGKILL to the JVM, then a new one on the same store (a new port: the old may linger). */
  async killAndRestart(): Promise<void> {
    const local = this.#local;
    if (!local) throw new Error('no Neo4j running');
    process.kill(local.pid, 'SIGKILL');
    await local.exited;
    await this.driver.close();
    await this.#start();
  }

  /** Environment for a child process that should reach this Neo4j. */
  env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NEO4J_URI: this.uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: this.password,
      NEO4J_DATABASE: 'neo4j',
    };
  }

  async stop(): Promise<void> {
    await this.driver?.close();
    await this.#local?.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * What a round needs of the Neo4j it runs on: the harness's own, or one a test runs under the
 * supervisor (test/load/chaos.test.ts), whose kill -9 is then also the supervisor's subject.
 */
export type ChaosTarget = Pick<ChaosNeo4j, 'driver' | 'env' | 'killAndRestart'>;

/** What the database holds of `planId`, or null when it holds no such plan. */
export async function checksum(driver: Driver, planId: string): Promise<Checksum | null> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  try {
    const plan = await session.run('MATCH (p:Plan {id: $planId}) RETURN p.sourceSha256 AS sha', {
      planId,
    });
    if (plan.records.length === 0) return null;
    const refs = await session.run(
      'MATCH (i:Item {planId: $planId}) RETURN i.ref AS ref ORDER BY ref',
      { planId },
    );
    const edges = await session.run(
      `MATCH (u:Unit)-[r:LEADS|SUPPORTS]->(i:Item {planId: $planId})
       RETURN type(r) + ' ' + u.id + ' ' + i.ref AS edge ORDER BY edge`,
      { planId },
    );
    const units = await session.run(
      'MATCH (u:Unit)-[:ACTIVE_IN]->(:Plan {id: $planId}) RETURN count(u) AS n',
      { planId },
    );
    const refLines = refs.records.map((r) => String(r.get('ref')));
    const edgeLines = edges.records.map((r) => String(r.get('edge')));
    return {
      sha256: String(plan.records[0]?.get('sha')),
      items: refLines.length,
      units: Number(units.records[0]?.get('n')),
      edges: edgeLines.length,
      refs: hash(refLines),
      edgeHash: hash(edgeLines),
    };
  } finally {
    await session.close();
  }
}

export interface Versions {
  dir: string;
  files: [string, string];
}

/**
 * Two versions of one plan (the seed under a title of its own): the second names two more units
 * on an indicator and drops an indicator of one unit, so its items, edges and units all differ
 * from the first's.
 */
export async function twoVersions(tag: string): Promise<Versions> {
  const { readFile } = await import('node:fs/promises');
  const seed = (await readFile(SEED, 'utf8')).replaceAll('任务分工方案', `任务分工方案(${tag})`);
  const second = seed
    .replace('(责任单位:市园林林业局)', '(责任单位:市园林林业局、市混沌测试局、市混沌核对局)')
    .replace('12.人均预期寿命达到82.4岁。(责任单位:市卫健委)', '');
  if (second === seed) throw new Error('the seed changed: the second version is the first');
  const dir = await mkdtemp(join(tmpdir(), 'guatu-chaos-plans-'));
  const files: [string, string] = [join(dir, 'old.txt'), join(dir, 'new.txt')];
  await writeFile(files[0], seed);
  await writeFile(files[1], second);
  return { dir, files };
}

export interface ChildRun {
  child: ChildProcess;
  /** Exit code (null when killed) and everything the child wrote to stderr. */
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
    stdout: string;
  }>;
}

/** `npm run load -- --replace FILE` (the same command, without npm's extra process), or the import's commit. */
export function spawnWriter(
  kind: 'loader' | 'import',
  file: string,
  env: NodeJS.ProcessEnv,
): ChildRun {
  const script =
    kind === 'loader'
      ? ['graph/cli/load.ts', '--replace', '--batch-size', String(CHAOS_BATCH_SIZE), file]
      : ['scripts/chaos/import-commit.ts', file, String(CHAOS_BATCH_SIZE)];
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
    stdout: string;
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stderr, stdout })));
  return { child, done };
}

/** Resolves once the loader's transaction is open in the database (or after `ms`). */
export async function untilWriting(driver: Driver, planId: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const { records } = await driver.executeQuery(
        `SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'guatu-loader' AND metaData.planId = $planId
         RETURN count(*) AS n`,
        { planId },
        { database: 'neo4j' },
      );
      if (Number(records[0]?.get('n')) > 0) return true;
    } catch {
      // The server is busy or restarting; ask again.
    }
    if (Date.now() >= until) return false;
    await sleep(50);
  }
}

export interface RoundResult {
  kill: Kill;
  /** Milliseconds after the write began (or after the start, when it never began) the kill came. */
  afterMs: number;
  /** Whether the kill landed while the loader's transaction was open. */
  duringWrite: boolean;
  /** Which version the database holds afterwards: 0 old, 1 new, or -1 neither (a failure). */
  holds: 0 | 1 | -1;
  /** What the writer said, for a JVM kill (it lives on and must explain). */
  writer?: { code: number | null; stderr: string };
}

export async function identify(
  driver: Driver,
  planId: string,
  expected: readonly [Checksum, Checksum],
): Promise<0 | 1 | -1> {
  const now = await checksum(driver, planId);
  const same = (a: Checksum | null, b: Checksum) => JSON.stringify(a) === JSON.stringify(b);
  if (same(now, expected[0])) return 0;
  if (same(now, expected[1])) return 1;
  return -1;
}

/**
 * One round: the version the database does not hold is loaded over the one it does, and
 * `kill` strikes `delayMs` after the write is seen to begin (or after `delayMs` from the
 * start, when `early`, which may land before the write or after it).
 */
export async function round(
  server: ChaosTarget,
  versions: Versions,
  planId: string,
  expected: readonly [Checksum, Checksum],
  kill: Kill,
  delayMs: number,
  early: boolean,
): Promise<RoundResult> {
  const holds = await identify(server.driver, planId, expected);
  if (holds === -1) throw new Error('the database holds neither version before the round');
  const target = versions.files[holds === 0 ? 1 : 0];
  const writer = spawnWriter(kind(kill), target, server.env());
  const started = Date.now();
  let duringWrite = false;
  if (early) await sleep(delayMs);
  else {
    duringWrite = await untilWriting(server.driver, planId, 120_000);
    await sleep(delayMs);
  }
  duringWrite = duringWrite && (await untilWriting(server.driver, planId, 0).catch(() => false));
  const afterMs = Date.now() - started;
  let said: RoundResult['writer'];
  if (kill === 'loader' || kill === 'import') {
    writer.child.kill('SIGKILL');
    await writer.done;
  } else {
    await server.killAndRestart();
    const exit = await writer.done;
    said = { code: exit.code, stderr: exit.stderr };
  }
  const result: RoundResult = {
    kill,
    afterMs,
    duringWrite,
    holds: await identify(server.driver, planId, expected),
  };
  if (said) result.writer = said;
  return result;
}

const kind = (kill: Kill): 'loader' | 'import' => (kill.endsWith('import') ? 'import' : 'loader');

/**
 * Loads `file` to the end, in this process (no kill; it only sets the stage), and returns the
 * checksum the database then holds.
 */
export async function loadWhole(server: Pick<ChaosTarget, 'driver'>, file: string) {
  const outcome = await loadPlanFile(server.driver, file, {
    database: 'neo4j',
    replace: true,
    force: true,
  });
  const sum = await checksum(server.driver, outcome.planId);
  if (!sum) throw new Error(`plan ${outcome.planId} is not in the database after loading it`);
  return { planId: outcome.planId, checksum: sum };
}
