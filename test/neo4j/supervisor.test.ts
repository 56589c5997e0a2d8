// The supervised local Neo4j: first its rules on a stand-in (backoff, giving up, stopping on
// purpose), then the real thing on a Neo4j of this file's own (its own data folder and port;
// the run's shared Neo4j is never touched): kill -9 its JVM, the API answers 503
// `database_unavailable` and health says down, the supervisor starts it again, and the same app
// answers searches again without being told.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig, type LocalServer } from '../../graph/neo4j/config.ts';
import type { LocalNeo4j, LocalNeo4jExit, StartOptions } from '../../graph/neo4j/launcher.ts';
import { freePort } from '../../graph/neo4j/ports.ts';
import { Neo4jSupervisor, restartDelay } from '../../graph/neo4j/supervisor.ts';
import { FGW, loadSeed, seedApp } from '../api/support.ts';
import { isRunning, processesMentioning } from '../support/neo4j.ts';

const JVM_START_MS = 300_000;

/** Polls `check` until it returns a value, or fails after `boundMs` naming what it waited for. */
async function within<T>(
  boundMs: number,
  what: string,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${boundMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface StandIn extends LocalNeo4j {
  /** Ends the stand-in as kill -9 would. */
  die(): void;
  stopped: boolean;
}

let pids = 1000;
function standIn(): StandIn {
  let end: (exit: LocalNeo4jExit) => void = () => {};
  const exited = new Promise<LocalNeo4jExit>((resolve) => {
    end = resolve;
  });
  const instance: StandIn = {
    uri: 'bolt://127.0.0.1:1',
    port: 1,
    pid: ++pids,
    home: '/nowhere/neo4j',
    exited,
    stopped: false,
    die: () => end({ code: null, signal: 'SIGKILL' }),
    lastTransaction: async () => -1,
    stop: async () => {
      instance.stopped = true;
      end({ code: 0, signal: null });
      return exited;
    },
  };
  return instance;
}

const SERVER: LocalServer = {
  port: 1,
  password: 'not-a-real-one',
  dataDir: '/nowhere',
  heap: '512m',
  pageCache: '64m',
  transactionTimeoutSeconds: 30,
  transactionMemory: '512m',
};

const QUICK = { backoff: { firstMs: 5, maxMs: 20 }, stableMs: 60_000 };

describe('the rules, on a stand-in', () => {
  it('waits 1, 2, 4 … 30 s between attempts', () => {
    expect(Array.from({ length: 8 }, (_, failures) => restartDelay(failures))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('starts it again after it dies, saying "restarting" meanwhile', async () => {
    const first = standIn();
    let finishSecond: (instance: LocalNeo4j) => void = () => {};
    const starts: StartOptions[] = [];
    const supervisor = await Neo4jSupervisor.start(SERVER, {
      ...QUICK,
      start: async (_server, options) => {
        starts.push(options);
        if (starts.length === 1) return first;
        return new Promise((resolve) => {
          finishSecond = resolve;
        });
      },
    });
    expect(supervisor.availability()).toEqual({ state: 'up' });
    first.die();
    await within(2_000, 'a second start', async () => (starts.length === 2 ? true : undefined));
    expect(supervisor.availability()).toEqual({ state: 'restarting', retryInMs: 0 });
    expect(supervisor.current).toBeNull();
    const second = standIn();
    finishSecond(second);
    await within(2_000, 'up again', async () =>
      supervisor.state.state === 'up' ? true : undefined,
    );
    expect(supervisor.current).toBe(second);
    expect(supervisor.restarts).toBe(1);
    // Each restart can be called off by stop().
    expect(starts[1]?.signal).toBeInstanceOf(AbortSignal);
    await supervisor.stop();
    expect(second.stopped).toBe(true);
    expect(supervisor.state).toEqual({ state: 'stopped' });
  });

  it('starts a niced Neo4j at full priority, and a restart niced from its spawn', async () => {
    const first = standIn();
    const starts: StartOptions[] = [];
    const supervisor = await Neo4jSupervisor.start(SERVER, {
      ...QUICK,
      niceness: 10,
      start: async (_server, options) => {
        starts.push(options);
        return starts.length === 1 ? first : standIn();
      },
    });
    first.die();
    await within(2_000, 'up again', async () => (supervisor.restarts === 1 ? true : undefined));
    expect(starts.map(({ niceness, niceFromSpawn }) => ({ niceness, niceFromSpawn }))).toEqual([
      { niceness: 10, niceFromSpawn: undefined },
      { niceness: 10, niceFromSpawn: true },
    ]);
    await supervisor.stop();
  });

  it('gives up after the stated number of failures in a row, saying why', async () => {
    const first = standIn();
    let starts = 0;
    const lines: string[] = [];
    const supervisor = await Neo4jSupervisor.start(SERVER, {
      ...QUICK,
      maxFailures: 3,
      log: (line) => lines.push(line),
      start: async () => {
        starts += 1;
        if (starts === 1) return first;
        throw new Error('port 7687 on 127.0.0.1 is already in use');
      },
    });
    first.die();
    const error = await supervisor.gaveUp;
    expect(starts).toBe(1 + 3);
    expect(error.message).toContain('3 failures in a row');
    expect(error.message).toContain('port 7687 on 127.0.0.1 is already in use');
    expect(error.message).toContain('/nowhere/neo4j/logs/debug.log');
    expect(supervisor.availability()).toEqual({ state: 'failed' });
    expect(lines.filter((line) => line.startsWith('restarting Neo4j in'))).toEqual([
      'restarting Neo4j in 0.0 s (attempt 1 of 3)',
      'restarting Neo4j in 0.0 s (attempt 2 of 3)',
      'restarting Neo4j in 0.0 s (attempt 3 of 3)',
    ]);
    await supervisor.stop();
  });

  it('counts failures afresh once a restarted Neo4j has stayed up', async () => {
    let clock = 0;
    const instances: StandIn[] = [];
    const supervisor = await Neo4jSupervisor.start(SERVER, {
      ...QUICK,
      maxFailures: 2,
      now: () => clock,
      start: async () => {
        const instance = standIn();
        instances.push(instance);
        return instance;
      },
    });
    // Three deaths, each after more than stableMs up: never two failures in a row.
    for (let death = 0; death < 3; death += 1) {
      clock += 61_000;
      instances.at(-1)?.die();
      await within(2_000, `restart ${death + 1}`, async () =>
        instances.length === death + 2 && supervisor.state.state === 'up' ? true : undefined,
      );
    }
    expect(supervisor.restarts).toBe(3);
    // Now twice in a row soon after a restart: that is a crash loop, and two is the limit.
    instances.at(-1)?.die();
    await within(2_000, 'restart 4', async () =>
      instances.length === 5 && supervisor.state.state === 'up' ? true : undefined,
    );
    instances.at(-1)?.die();
    expect((await supervisor.gaveUp).message).toContain('2 failures in a row');
    expect(instances).toHaveLength(5);
    await supervisor.stop();
  });

  it('does not restart what it was told to stop, and stops a wait at once', async () => {
    const first = standIn();
    let starts = 0;
    const supervisor = await Neo4jSupervisor.start(SERVER, {
      backoff: { firstMs: 60_000, maxMs: 60_000 },
      start: async () => {
        starts += 1;
        return first;
      },
    });
    await supervisor.stop();
    expect(first.stopped).toBe(true);
    expect(starts).toBe(1);
    expect(supervisor.state).toEqual({ state: 'stopped' });

    const second = standIn();
    const waiting = await Neo4jSupervisor.start(SERVER, {
      backoff: { firstMs: 60_000, maxMs: 60_000 },
      start: async () => second,
    });
    second.die();
    await within(2_000, 'the wait before restarting', async () =>
      waiting.state.state === 'restarting' ? true : undefined,
    );
    expect(waiting.availability().retryInMs).toBeGreaterThan(50_000);
    // Well before the minute's wait is over.
    await waiting.stop();
    expect(waiting.state).toEqual({ state: 'stopped' });
  });

  it('calls off a restart under way when stopped', async () => {
    const first = standIn();
    let aborted = false;
    let starts = 0;
    const supervisor = await Neo4jSupervisor.start(SERVER, {
      ...QUICK,
      start: (_server, options) => {
        starts += 1;
        if (starts === 1) return Promise.resolve(first);
        return new Promise((_, reject) => {
          options.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        });
      },
    });
    first.die();
    await within(2_000, 'a restart under way', async () => (starts === 2 ? true : undefined));
    await supervisor.stop();
    expect(aborted).toBe(true);
    expect(supervisor.state).toEqual({ state: 'stopped' });
  });
});

describe('a real Neo4j killed with -9', () => {
  let scratch: string;
  let server: LocalServer;
  let supervisor: Neo4jSupervisor | undefined;
  let driver: Driver | undefined;
  let app: Hono;
  const lines: string[] = [];

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'guatu-supervisor-test-'));
    const configured = readConfig({
      GUATU_DATA_DIR: scratch,
      GUATU_NEO4J_PORT: String(await freePort()),
      GUATU_NEO4J_PASSWORD: `guatu-supervisor-${randomBytes(6).toString('hex')}`,
      GUATU_NEO4J_PAGECACHE: '64m',
      GUATU_NEO4J_HEAP: '512m',
    });
    if (configured.mode !== 'local') throw new Error('expected a local configuration');
    server = configured.local;
    supervisor = await Neo4jSupervisor.start(server, {
      backoff: { firstMs: 500, maxMs: 5_000 },
      readyTimeoutMs: JVM_START_MS,
      log: (line) => lines.push(line),
    });
    driver = neo4j.driver(
      supervisor.current?.uri ?? '',
      neo4j.auth.basic('neo4j', server.password),
      {
        disableLosslessIntegers: true,
      },
    );
    await loadSeed(driver, 'neo4j');
    const watched = supervisor;
    app = seedApp(driver, 'neo4j', { availability: () => watched.availability() });
  }, JVM_START_MS + 120_000);

  afterAll(async () => {
    await driver?.close();
    await supervisor?.stop();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  }, 120_000);

  const search = () => app.request(`/api/search?q=${encodeURIComponent('发改委')}`);
  const health = async () => (await app.request('/api/health')).json() as Promise<unknown>;

  it(
    'answers 503 database_unavailable while it is down, and searches again once it is back',
    async () => {
      if (supervisor === undefined) throw new Error('no supervisor');
      const before = await search();
      expect(before.status).toBe(200);
      expect(await health()).toMatchObject({ neo4j: 'up' });
      const pid = supervisor.current?.pid ?? 0;
      expect(isRunning(pid)).toBe(true);

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
    },
    JVM_START_MS + 60_000,
  );

  it('stops for good when told to: no restart, no JVM left', async () => {
    if (supervisor === undefined) throw new Error('no supervisor');
    const pid = supervisor.current?.pid ?? 0;
    await supervisor.stop();
    expect(isRunning(pid)).toBe(false);
    expect(supervisor.state).toEqual({ state: 'stopped' });
    // Longer than the first wait before a restart.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(processesMentioning(server.dataDir)).toEqual([]);
    expect((await search()).status).toBe(503);
  }, 120_000);
});
