// Chaos, a few rounds: SIGKILL to the loader (`npm run load -- --replace`), to the import's
// commit, and to the Neo4j JVM, at random moments of a replace; after each, the database holds
// the old version of the plan or the new one, whole (scripts/chaos/harness.ts says how that is
// checked). `npm run chaos -- --rounds N` runs more.
//
// The Neo4j here is this file's own — a temporary store on a free port — never the run's shared
// one, and it runs under the supervisor `npm start` uses (graph/neo4j/supervisor.ts): the JVM's
// kill -9 is the supervisor's subject too, asserted in the same round rather than on a second
// Neo4j started and killed for it (each start costs about 10 CPU seconds). While the JVM is down
// the API answers 503 `database_unavailable` and health says down; the supervisor starts it
// again on the same port and store, and the same app and driver answer searches again without
// being told. The supervisor's rules are tested on a stand-in in test/neo4j/supervisor.test.ts.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type LocalServer } from '../../graph/neo4j/config.ts';
import { freePort } from '../../graph/neo4j/ports.ts';
import { Neo4jSupervisor } from '../../graph/neo4j/supervisor.ts';
import {
  identify,
  loadWhole,
  random,
  round,
  twoVersions,
  type ChaosTarget,
  type Checksum,
  type Kill,
  type Versions,
} from '../../scripts/chaos/harness.ts';
import { FGW, seedApp } from '../api/support.ts';
import { isRunning, processesMentioning } from '../support/neo4j.ts';
import { within } from '../support/within.ts';

const SEED = 16;
const next = random(SEED);
/** A guard against a hung start, not a bound on its speed: a busy machine takes minutes. */
const JVM_START_MS = 600_000;

let scratch: string;
let server: LocalServer;
let supervisor: Neo4jSupervisor | undefined;
let driver: Driver | undefined;
/** The harness's view of this Neo4j: its JVM's kill is killUnderSupervision. */
let target: ChaosTarget;
let app: Hono;
const lines: string[] = [];
let versions: Versions;
let planId: string;
let expected: [Checksum, Checksum];

const search = () => app.request(`/api/search?q=${encodeURIComponent('发改委')}`);
const health = async () => (await app.request('/api/health')).json() as Promise<unknown>;

/**
 * The JVM killed with -9 mid-replace, and what the API and the supervisor must show until it is
 * back: a round's kill of the JVM, where the harness's own Neo4j would start a new one itself.
 */
async function killUnderSupervision(): Promise<void> {
  if (supervisor === undefined) throw new Error('no supervisor');
  const pid = supervisor.current?.pid ?? 0;
  process.kill(pid, 'SIGKILL');
  const down = await within(10_000, 'a 503 from search', async () => {
    const answer = await search();
    return answer.status === 503 ? answer : undefined;
  });
  expect(await down.json()).toEqual({
    error: {
      code: 'database_unavailable',
      message: expect.stringContaining('temporarily unavailable') as unknown,
      messageZh: expect.stringContaining('数据库暂时不可用') as unknown,
    },
  });
  expect(Number(down.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
  expect(await health()).toEqual({ neo4j: 'down', plans: [] });
  // The 503 may come first, from the driver finding the connection gone.
  await within(10_000, 'the supervisor noticing', async () =>
    lines.some((line) => line.includes(`pid ${pid}) stopped by itself (signal SIGKILL)`))
      ? true
      : undefined,
  );

  const back = await within(JVM_START_MS, 'Neo4j up again', async () =>
    supervisor?.state.state === 'up' ? supervisor.current : undefined,
  );
  expect(back?.pid).not.toBe(pid);
  expect(supervisor.restarts).toBe(1);
  // The same app and driver, told nothing: the driver reconnects on its own.
  const again = await within(30_000, 'a 200 from search', async () => {
    const answer = await search();
    return answer.status === 200 ? answer : undefined;
  });
  const hits = (await again.json()) as { id: string }[];
  expect(hits.map((hit) => hit.id)).toContain(FGW);
  expect(await health()).toMatchObject({ neo4j: 'up' });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'guatu-chaos-'));
  const configured = readConfig({
    GUATU_DATA_DIR: scratch,
    GUATU_NEO4J_PORT: String(await freePort()),
    GUATU_NEO4J_PASSWORD: `chaos-${randomBytes(6).toString('hex')}`,
    GUATU_NEO4J_PAGECACHE: '64m',
    GUATU_NEO4J_HEAP: '1g',
  });
  if (configured.mode !== 'local') throw new Error('expected a local configuration');
  server = configured.local;
  supervisor = await Neo4jSupervisor.start(server, {
    backoff: { firstMs: 500, maxMs: 5_000 },
    readyTimeoutMs: JVM_START_MS,
    log: (line) => lines.push(line),
  });
  const { uri } = configured.connection;
  driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', server.password), {
    disableLosslessIntegers: true,
  });
  const watched = supervisor;
  app = seedApp(driver, 'neo4j', { availability: () => watched.availability() });
  target = {
    driver,
    env: () => ({
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: server.password,
      NEO4J_DATABASE: 'neo4j',
    }),
    killAndRestart: killUnderSupervision,
  };

  versions = await twoVersions('混沌');
  const first = await loadWhole(target, versions.files[0]);
  const second = await loadWhole(target, versions.files[1]);
  planId = first.planId;
  expected = [first.checksum, second.checksum];
}, JVM_START_MS + 300_000);

afterAll(async () => {
  await driver?.close();
  await supervisor?.stop();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  if (versions) await rm(versions.dir, { recursive: true, force: true });
}, 120_000);

describe('killed mid-replace, the database holds one version whole', () => {
  it('the two versions differ in every part of the checksum', () => {
    const [a, b] = expected;
    expect(a.items).not.toBe(b.items);
    expect(a.edges).not.toBe(b.edges);
    expect(a.units).not.toBe(b.units);
    expect(a.refs).not.toBe(b.refs);
    expect(a.sha256).not.toBe(b.sha256);
  });

  const rounds: Kill[] = ['loader', 'loader', 'import', 'jvm-loader'];
  for (const [index, kill] of rounds.entries()) {
    const jvm = kill.startsWith('jvm');
    it(
      `round ${index + 1}: SIGKILL to the ${kill.replace('jvm-', 'Neo4j JVM, during a ')}` +
        (jvm ? ': 503 database_unavailable while it is down, the supervisor starts it again' : ''),
      { timeout: JVM_START_MS + 300_000 },
      async () => {
        if (jvm) {
          // What the kill takes away: searches and health answer while the JVM runs.
          expect((await search()).status).toBe(200);
          expect(await health()).toMatchObject({ neo4j: 'up' });
          expect(isRunning(supervisor?.current?.pid ?? 0)).toBe(true);
        }
        const early = index === 1;
        // A JVM kill comes soon after the write begins, so that the writer sees it go.
        const delay = Math.floor(next() * (jvm ? 300 : 1500));
        const before = await identify(driver as Driver, planId, expected);
        const result = await round(target, versions, planId, expected, kill, delay, early);
        expect(result.holds).not.toBe(-1);
        if (result.writer?.code === 0) {
          // The JVM went after the switch committed: the load had succeeded, and deleting the
          // old version (invisible by then) is left to the next load if it was cut short.
          expect(result.holds).toBe(before === 0 ? 1 : 0);
        } else if (result.writer && result.duringWrite) {
          // The writer outlived the database: it must say what happened, without a stack.
          expect(result.writer.code).toBe(1);
          expect(result.writer.stderr).toMatch(/数据库在(写入|提交)时断开/);
          expect(result.writer.stderr).toMatch(/the database went away while (writing|committing)/);
          expect(result.writer.stderr).not.toMatch(/\n\s+at /);
        }
      },
    );
  }
});

describe('the supervisor, told to stop', () => {
  it('stops for good: a clean exit, no restart, no JVM left', async () => {
    if (supervisor === undefined) throw new Error('no supervisor');
    const running = supervisor.current;
    const pid = running?.pid ?? 0;
    await supervisor.stop();
    expect(isRunning(pid)).toBe(false);
    // The launcher's stop(): the JVM shuts Neo4j down and exits cleanly, not killed.
    expect(await running?.exited).toEqual({ code: 0, signal: null });
    expect(supervisor.state).toEqual({ state: 'stopped' });
    // Longer than the first wait before a restart.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(processesMentioning(server.dataDir)).toEqual([]);
    expect((await search()).status).toBe(503);
  }, 120_000);
});
