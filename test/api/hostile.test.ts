// The console under attack (issue 16), on a Neo4j of its own: runaway queries Neo4j cannot
// interrupt must be refused up front or stopped a few seconds past their limit (the launcher's
// watchdog), a flood of console queries must not slow health or the explorer, answers are capped
// in bytes, cross-site "simple" posts are refused by their type, and Neo4j's refusals come back as
// coded 4xx, never 500. After each attack the graph is unchanged and health answers.
//
// Every attack is bounded: the console's limit here is 2 s, and no test waits on Neo4j longer
// than its own bound.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalServer } from '../../graph/neo4j/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../graph/neo4j/launcher.ts';
import { freePort } from '../../graph/neo4j/ports.ts';
import { MAX_ANSWER_BYTES } from '../../graph/api/results.ts';
import { FGW, loadSeed, seedApp, type ErrorAnswer } from './support.ts';

const DATABASE = 'neo4j';
const CONSOLE_TIMEOUT_MS = 2_000;
/**
 * Past its limit, a query must be over within this: Neo4j's mark, the watchdog's 2 s grace, and
 * the time a stopped thread takes to notice (usually none; seconds for a JIT-compiled regex loop).
 */
const STOPPED_WITHIN_MS = CONSOLE_TIMEOUT_MS + 13_000;

let server: LocalServer;
let local: LocalNeo4j;
let driver: Driver;
let app: Hono;
let patientApp: Hono;

beforeAll(async () => {
  server = {
    port: await freePort(),
    password: `guatu-hostile-${randomBytes(6).toString('hex')}`,
    dataDir: await mkdtemp(join(tmpdir(), 'guatu-hostile-')),
    heap: '512m',
    pageCache: '64m',
    transactionTimeoutSeconds: 30,
    // Small, so a query past the per-transaction limit is found well within the console's 2 s.
    transactionMemory: '64m',
  };
  // Generous: this file runs beside other suites' JVMs on a small machine.
  local = await startLocalNeo4j(server, { readyTimeoutMs: 300_000 });
  driver = neo4j.driver(local.uri, neo4j.auth.basic('neo4j', server.password), {
    disableLosslessIntegers: true,
  });
  await loadSeed(driver, DATABASE);
  // No kept answers: every explorer request below must really reach Neo4j.
  app = seedApp(driver, DATABASE, { consoleTimeoutMs: CONSOLE_TIMEOUT_MS, cacheEntries: 0 });
  patientApp = seedApp(driver, DATABASE, { consoleTimeoutMs: 10_000, cacheEntries: 0 });
}, 400_000);

afterAll(async () => {
  await driver?.close();
  await local?.stop();
  if (server?.dataDir) await rm(server.dataDir, { recursive: true, force: true });
});

interface Answer {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  truncatedBy?: 'rows' | 'bytes';
}

interface Sent {
  status: number;
  body: Answer & ErrorAnswer;
  headers: Headers;
  ms: number;
  bytes: number;
}

/** A console request as a browser on `client`'s address would send it. */
async function runConsole(
  query: string,
  options: {
    params?: unknown;
    client?: string;
    type?: string | null;
    body?: string;
    app?: Hono;
  } = {},
): Promise<Sent> {
  const started = performance.now();
  const headers: Record<string, string> = {};
  if (options.type !== null) headers['Content-Type'] = options.type ?? 'application/json';
  const response = await (options.app ?? app).request(
    '/api/cypher',
    {
      method: 'POST',
      headers,
      body:
        options.body ??
        JSON.stringify(
          options.params === undefined ? { query } : { query, params: options.params },
        ),
    },
    { incoming: { socket: { remoteAddress: options.client ?? '127.0.0.1' } } },
  );
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Answer & ErrorAnswer,
    headers: response.headers,
    ms: performance.now() - started,
    bytes: Buffer.byteLength(text),
  };
}

/** A GET of the explorer, timed. */
async function timedGet(path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await app.request(path);
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Every node and relationship with its properties, hashed: no attack may change it. */
async function checksum(): Promise<string> {
  const session = driver.session({ database: DATABASE });
  try {
    const result = await session.run(
      `MATCH (n) WITH n ORDER BY elementId(n)
       WITH collect([elementId(n), labels(n), properties(n)]) AS nodes
       OPTIONAL MATCH (a)-[r]->(b) WITH nodes, r, a, b ORDER BY elementId(r)
       RETURN nodes, collect([elementId(r), type(r), elementId(a), elementId(b), properties(r)]) AS rels`,
    );
    return createHash('sha256').update(JSON.stringify(result.records[0]?.toObject())).digest('hex');
  } finally {
    await session.close();
  }
}

/** API transactions still running on the server (the console's, mostly). */
async function apiTransactions(): Promise<string[]> {
  const session = driver.session({ database: DATABASE });
  try {
    const result = await session.run(
      `SHOW TRANSACTIONS YIELD metaData, currentQuery, status
       WHERE metaData.app = 'guatu-api' RETURN currentQuery + ' (' + status + ')' AS query`,
    );
    return result.records.map((record) => String(record.get('query')));
  } finally {
    await session.close();
  }
}

async function expectHealthy(): Promise<void> {
  const health = await timedGet('/api/health');
  expect(health.status).toBe(200);
}

let before: string;
beforeAll(async () => {
  before = await checksum();
});
afterAll(async () => {
  if (driver !== undefined) expect(await checksum()).toBe(before);
});

describe('a cross-site "simple" post cannot run a query', () => {
  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['no type', null],
  ])('refuses %s with 415', async (_name, type) => {
    const answer = await runConsole('RETURN 1 AS one', { type });
    expect(answer.status).toBe(415);
    expect(answer.body.error.code).toBe('unsupported_media_type');
  });

  it('takes application/json, with or without a charset', async () => {
    const answer = await runConsole('RETURN 1 AS one', { type: 'application/json; charset=utf-8' });
    expect(answer.status).toBe(200);
    expect(answer.body.rows).toEqual([{ one: 1 }]);
  });
});

describe('queries Neo4j cannot interrupt', () => {
  it.each([
    [
      'the string-building reduce',
      "RETURN size(reduce(s='', x IN range(1,10000000) | s + 'aaaa'))",
    ],
    ['its 600,000 variant', "RETURN size(reduce(s='', x IN range(1,600000) | s + 'aaaa'))"],
    ['the catastrophic regex', `RETURN '${'a'.repeat(40)}!' =~ '(.*a){20}b' AS m`],
  ])('refuses %s up front', async (_name, query) => {
    const answer = await runConsole(query);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('expensive_rejected');
    expect(answer.ms).toBeLessThan(1_000);
    await expectHealthy();
  });

  it('stops one that slips past the checks within seconds of its limit', async () => {
    // A polynomial regular expression (no nested repetition, so the built-in rule lets it by)
    // over a 5,000-character string: Java's matcher never looks at Neo4j's termination mark.
    const query =
      "RETURN reduce(s = '', x IN range(1, 5000) | s + 'aa') =~ '.*.*.*.*.*.*.*.*b' AS m";
    const answer = await runConsole(query);
    console.log(
      `[hostile] uninterruptible query answered ${answer.status} after ${Math.round(answer.ms)} ms`,
    );
    expect(answer.status).toBe(504);
    expect(answer.body.error.code).toBe('timeout');
    expect(answer.ms).toBeLessThan(STOPPED_WITHIN_MS);
    // The server side is over too: no API transaction left holding a core.
    const deadline = Date.now() + 5_000;
    let running = await apiTransactions();
    while (running.some((query) => query.includes('=~')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      running = await apiTransactions();
    }
    expect(running.filter((query) => query.includes('=~'))).toEqual([]);
    await expectHealthy();
  });
});

describe('a flood of console queries leaves the explorer alone', () => {
  it('refuses deep nesting before Neo4j sees it', async () => {
    const deep = `RETURN ${'('.repeat(6_000)}1${')'.repeat(6_000)} AS x`;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => runConsole(deep, { client: `10.0.1.${index}` })),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('query_too_deep');
    }
    await expectHealthy();
  });

  it('runs a few at once, answers 429 to the rest, and health and search stay quick', async () => {
    const explorerRound = async () => [
      await timedGet('/api/health'),
      await timedGet(`/api/search?q=${encodeURIComponent('发改委')}`),
      await timedGet(`/api/node?id=${encodeURIComponent(FGW)}`),
    ];
    // Warm (queries compiled, code jitted), then the same requests without any flood: the bound
    // below is relative to what this machine manages right now, as well as absolute.
    await explorerRound();
    const calm: { status: number; ms: number }[] = [];
    for (let round = 0; round < 3; round += 1) calm.push(...(await explorerRound()));
    const calmSlowest = Math.max(...calm.map((answer) => answer.ms));

    // Slow, interruptible: each holds its place until the 2 s limit ends it.
    const slow =
      'UNWIND range(1, 1000000) AS a UNWIND range(1, 1000) AS b WITH a, b WHERE (a + b) % 7 = 3 RETURN count(*) AS n';
    const flood = Array.from({ length: 12 }, (_, index) =>
      runConsole(slow, { client: `10.0.2.${index % 6}` }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const explorer: { status: number; ms: number }[] = [];
    for (let round = 0; round < 3; round += 1) explorer.push(...(await explorerRound()));
    const answers = await Promise.all(flood);
    const slowest = Math.max(...explorer.map((answer) => answer.ms));
    console.log(
      `[hostile] explorer answers took ${explorer.map((answer) => Math.round(answer.ms)).join(', ')} ms during the flood (slowest ${Math.round(slowest)}), slowest ${Math.round(calmSlowest)} ms without`,
    );
    expect(explorer.every((answer) => answer.status === 200)).toBe(true);
    // The issue saw 60 s; a shared pool or queue would show seconds. Generous for a busy machine.
    expect(slowest).toBeLessThan(Math.max(1_000, 4 * calmSlowest));

    const busy = answers.filter((answer) => answer.status === 429);
    const ran = answers.filter((answer) => answer.status !== 429);
    expect(ran.length).toBe(4);
    expect(busy.length).toBe(8);
    for (const answer of busy) {
      expect(['console_busy', 'too_many_queries']).toContain(answer.body.error.code);
      expect(answer.headers.get('Retry-After')).toBe('1');
    }
    for (const answer of ran) expect(answer.body.error?.code ?? 'ok').toBe('timeout');
  });

  it('holds one client to two at once', async () => {
    const slow =
      'UNWIND range(1, 1000000) AS a UNWIND range(1, 1000) AS b WITH a, b WHERE (a + b) % 7 = 3 RETURN count(*) AS n';
    const answers = await Promise.all(
      Array.from({ length: 3 }, () => runConsole(slow, { client: '10.0.3.1' })),
    );
    const codes = answers.map((answer) => answer.body.error?.code).sort();
    expect(codes).toEqual(['timeout', 'timeout', 'too_many_queries']);
  });
});

describe('answers are capped in bytes', () => {
  it('cuts a huge answer and says so, without ballooning memory', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    // The longer limit: reading 16 MB must not lose to the clock on a busy machine.
    const answer = await runConsole(
      'MATCH (p:Plan) UNWIND range(1, 5000) AS i RETURN p, p AS p2, p AS p3',
      { app: patientApp },
    );
    expect(answer.status, JSON.stringify(answer.body.error)).toBe(200);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    console.log(
      `[hostile] capped answer: ${answer.bytes} bytes, ${answer.body.rows?.length} rows, heap +${Math.round(heapGrowth / 2 ** 20)} MB, ${Math.round(answer.ms)} ms`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.truncated).toBe(true);
    expect(answer.body.truncatedBy).toBe('bytes');
    expect(answer.body.rows.length).toBeGreaterThan(0);
    expect(answer.body.rows.length).toBeLessThan(5000);
    // The rows' cap, plus the drawing of one plan node.
    expect(answer.bytes).toBeLessThan(MAX_ANSWER_BYTES + 1024 * 1024);
    expect(heapGrowth).toBeLessThan(400 * 2 ** 20);
  });

  it('still says when the row cap cut an answer', async () => {
    const answer = await runConsole('UNWIND range(1, 6000) AS i RETURN i');
    expect(answer.body.truncated).toBe(true);
    expect(answer.body.truncatedBy).toBe('rows');
  });
});

describe("Neo4j's refusals are coded 4xx with a plain sentence", () => {
  it('a query past the per-transaction memory limit', async () => {
    // 2,000 strings of 50 KB each: past the 64 MB this server allows a transaction. A longer
    // limit than the other tests', so a loaded machine still reaches the memory limit first.
    const answer = await runConsole(
      `WITH reduce(s = '', x IN range(1, 5000) | s + 'abcdefghij') AS big
       UNWIND range(1, 2000) AS i
       WITH collect(big + toString(i)) AS xs
       RETURN size(xs) AS n`,
      { app: patientApp },
    );
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('query_memory');
    expect(answer.body.error.message).toMatch(/memory/);
    await expectHealthy();
  });

  it('parameters nested 40,000 deep', async () => {
    const nested = `${'['.repeat(40_000)}${']'.repeat(40_000)}`;
    const answer = await runConsole('', {
      body: `{"query": "RETURN $p AS p", "params": {"p": ${nested}}}`,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('params_too_deep');
    await expectHealthy();
  });

  it('shortestPath from a node to itself', async () => {
    const answer = await runConsole(
      'MATCH (a:Unit {id: $id}) MATCH p = shortestPath((a)-[*]-(a)) RETURN p',
      { params: { id: FGW } },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('same_node');
    expect(answer.body.error.message).toMatch(/itself/);
  });
});
