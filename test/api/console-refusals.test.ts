// A client whose console queries keep being refused is slowed (graph/api/console/refusals.ts):
// the rules on a clock of the test's own, then over real HTTP, where a client is a socket address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RefusalBuckets } from '../../graph/api/console/refusals.ts';
import { startServer, type ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { loadSeed, seedApp } from './support.ts';

useTestNeo4j();

describe('the refusal buckets', () => {
  const LIMITS = { burst: 3, perSecond: 2, maxWaitMs: 1_000, maxWaiting: 1 };

  it('let a client be refused `burst` times, then hold its requests at the refill pace', () => {
    let now = 0;
    const buckets = new RefusalBuckets(LIMITS, () => now);
    for (let refusal = 0; refusal < 3; refusal += 1) {
      expect(buckets.holdFor('a')).toEqual({ waitMs: 0, refuse: false });
      buckets.refused('a');
    }
    // Empty: one token comes back in half a second at 2 a second.
    expect(buckets.holdFor('a')).toEqual({ waitMs: 500, refuse: false });
    // Another client is untouched.
    expect(buckets.holdFor('b')).toEqual({ waitMs: 0, refuse: false });
    now += 500;
    expect(buckets.holdFor('a')).toEqual({ waitMs: 0, refuse: false });
  });

  it('hold a client owing more than the longest wait that long, then refuse it unread', () => {
    let now = 0;
    const buckets = new RefusalBuckets(LIMITS, () => now);
    for (let refusal = 0; refusal < 6; refusal += 1) buckets.refused('a');
    expect(buckets.holdFor('a')).toEqual({ waitMs: 1_000, refuse: true });
    // The debt is bounded: a client that stops is forgiven, however long it went on.
    for (let refusal = 0; refusal < 1_000; refusal += 1) buckets.refused('a');
    now += ((2 * LIMITS.burst) / LIMITS.perSecond) * 1_000;
    expect(buckets.holdFor('a')).toEqual({ waitMs: 0, refuse: false });
  });

  it('refuse at once once as many requests as allowed are held', async () => {
    const buckets = new RefusalBuckets(LIMITS, () => 0);
    for (let refusal = 0; refusal < 3; refusal += 1) buckets.refused('a');
    const stop = new AbortController();
    const held = buckets.wait(60_000, stop.signal);
    expect(buckets.holdFor('a')).toBe('busy');
    stop.abort();
    await held;
    expect(buckets.holdFor('a')).toEqual({ waitMs: 500, refuse: false });
  });
});

describe('POST /api/cypher from a client refused again and again', () => {
  let server: ServerHandle;

  beforeAll(async () => {
    const driver = getDriver();
    const { database } = connection();
    await loadSeed(driver, database);
    server = await startServer({
      // A refill that never comes back within the test, and a short longest wait.
      app: seedApp(driver, database, {
        consoleRefusals: { burst: 2, perSecond: 0.001, maxWaitMs: 10 },
      }),
      port: 0,
      host: '127.0.0.1',
    });
  });

  afterAll(() => server?.close());

  const ask = async (query: string) => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { error?: { code: string; message: string } };
    return { status: response.status, code: body.error?.code ?? null, body };
  };

  it('answers queries that run, however many', async () => {
    for (let query = 0; query < 4; query += 1) {
      expect((await ask('MATCH (u:Unit) RETURN count(u) AS units')).status).toBe(200);
    }
  });

  it('counts refusals thrown deep in the route, and then answers 429 unread', async () => {
    expect(await ask('CREATE (n:Evil) RETURN n')).toMatchObject({ status: 422 });
    expect(await ask('RETURN ((((1')).toMatchObject({ status: 400 });
    // Bucket empty, no refill in sight: held the longest wait, then refused without being read,
    // so even a good query is refused until the client is forgiven.
    const slowed = await ask('MATCH (u:Unit) RETURN count(u) AS units');
    expect(slowed).toMatchObject({ status: 429, code: 'console_refusals' });
    expect(slowed.body.error?.message).toContain('请等几秒再试');
  });
});
