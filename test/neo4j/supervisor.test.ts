// The supervised local Neo4j's rules, on a stand-in: backoff, giving up, stopping on purpose.
// The real thing — kill -9 to its JVM mid-replace, the API answering 503 `database_unavailable`
// and health saying down, the supervisor starting it again and the same app answering searches
// again without being told, then a stop for good — is asserted on the chaos suite's own Neo4j
// (test/load/chaos.test.ts), which kills that JVM anyway: one start and one restart instead of
// two of each.
import { describe, expect, it } from 'vitest';
import type { LocalServer } from '../../graph/neo4j/config.ts';
import type { LocalNeo4j, LocalNeo4jExit, StartOptions } from '../../graph/neo4j/launcher.ts';
import { Neo4jSupervisor, restartDelay } from '../../graph/neo4j/supervisor.ts';
import { within } from '../support/within.ts';

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
