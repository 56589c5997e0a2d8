// The Cypher console against the run's Neo4j with the seed. Files of a lane run one at a time, so
// a fingerprint of the WHOLE graph, its schema and its users can be compared before and after each
// refused query without another file's loads getting in the way. The driver reaches Neo4j through
// a relay (test/support/relay.ts) that the last test cuts and restores, to check the API answers
// 503 while Neo4j is away and serves again once it is back.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../graph/api/cypher-guard.ts';
import { startServer } from '../../graph/api/server.ts';
import { toJson } from '../../graph/queries/to-json.ts';
import { testConnection } from '../support/neo4j.ts';
import { Neo4jRelay } from '../support/relay.ts';
import { FGW, loadSeed, post, seedApp, type ErrorAnswer } from './support.ts';

const connection = testConnection();
const DATABASE = connection.database;
const CONSOLE_TIMEOUT_MS = 2_000;

let relay: Neo4jRelay;
let driver: Driver;
let app: Hono;

beforeAll(async () => {
  relay = await Neo4jRelay.start(connection);
  driver = neo4j.driver(relay.uri, neo4j.auth.basic(connection.username, connection.password), {
    disableLosslessIntegers: true,
  });
  await loadSeed(driver, DATABASE);
  app = seedApp(driver, DATABASE, { consoleTimeoutMs: CONSOLE_TIMEOUT_MS });
});

afterAll(async () => {
  await driver?.close();
  await relay?.close();
});

async function rows(query: string, database = DATABASE): Promise<unknown[]> {
  const session = driver.session({ database });
  try {
    return (await session.run(query)).records.map((record) => toJson(record.toObject()));
  } finally {
    await session.close();
  }
}

/** Object keys sorted, so equal graphs print equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

interface Fingerprint {
  nodes: number;
  relationships: number;
  checksum: string;
}

/** Every node and relationship with all properties, every index and constraint, every user. */
async function fingerprint(): Promise<Fingerprint> {
  const nodes = await rows(
    'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  );
  const relationships = await rows(
    `MATCH (a)-[r]->(b)
     RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS from, elementId(b) AS to, properties(r) AS props
     ORDER BY id`,
  );
  const schema = await rows(
    'SHOW INDEXES YIELD name, type, state RETURN name, type, state ORDER BY name',
  );
  const constraints = await rows('SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name');
  const users = await rows(
    'SHOW USERS YIELD user, roles RETURN user, roles ORDER BY user',
    'system',
  );
  const checksum = createHash('sha256')
    .update(canonical({ nodes, relationships, schema, constraints, users }))
    .digest('hex');
  return { nodes: nodes.length, relationships: relationships.length, checksum };
}

interface Answer {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  graph?: {
    nodes: { data: { id: string } }[];
    edges: { data: { source: string; target: string; type: string } }[];
  };
}

const runConsole = (query: string, params?: Record<string, unknown>, on: Hono = app) =>
  post<Answer & ErrorAnswer>(
    on,
    '/api/cypher',
    params === undefined ? { query } : { query, params },
  );

describe('the console refuses what does not only read, and the graph stays as it was', () => {
  const refused: [string, string][] = [
    ['CREATE (n:Unit {id: "武汉市/probe"})', 'write_rejected'],
    ['MERGE (u:Unit {id: "武汉市/市发改委"}) ON MATCH SET u.name = "probe"', 'write_rejected'],
    ['MATCH (u:Unit {name: "市发改委"}) SET u.name = "probe"', 'write_rejected'],
    ['MATCH (u:Unit {name: "市发改委"})-[r:LEADS]->() DELETE r', 'write_rejected'],
    ['MATCH (n) DETACH DELETE n', 'write_rejected'],
    ['MATCH (u:Unit) REMOVE u.name', 'write_rejected'],
    ['MATCH (u:Unit) CALL (u) { SET u.probe = 1 } IN TRANSACTIONS OF 10 ROWS', 'write_rejected'],
    [
      'UNWIND range(1, 3) AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y',
      'command_rejected',
    ],
    ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'command_rejected'],
    ['CALL dbms.components()', 'procedure_rejected'],
    ["CALL apoc.help('x')", 'procedure_rejected'],
    ['CREATE INDEX probe FOR (n:Unit) ON (n.englishName)', 'command_rejected'],
    ['DROP CONSTRAINT unit_id', 'command_rejected'],
    ['SHOW USERS', 'command_rejected'],
    ['SHOW DATABASES', 'command_rejected'],
    ["CREATE USER probe SET PASSWORD 'probe-password-1'", 'command_rejected'],
  ];

  it.each(refused)('refuses %s with 422 (%s)', async (query, code) => {
    const before = await fingerprint();
    const { status, body } = await runConsole(query);
    expect(status).toBe(422);
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(await fingerprint()).toEqual(before);
  });

  it('fingerprints a graph of the seed size, and notices a change', async () => {
    const before = await fingerprint();
    expect(before.nodes).toBeGreaterThan(200);
    expect(before.relationships).toBeGreaterThan(700);
    const session = driver.session({ database: DATABASE });
    try {
      await session.run('CREATE (:Probe)');
      expect((await fingerprint()).checksum).not.toBe(before.checksum);
      await session.run('MATCH (p:Probe) DELETE p');
    } finally {
      await session.close();
    }
    expect((await fingerprint()).nodes).toBe(before.nodes);
  });

  it("refuses by the plan alone: Neo4j's EXPLAIN of each refused query fails the plan check", async () => {
    // The text check answers first in the console; this proves the second layer holds by itself.
    const session = driver.session({ database: DATABASE, defaultAccessMode: neo4j.session.READ });
    try {
      for (const query of [
        'CREATE (n)',
        'MATCH (n) SET n.x = 1',
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        'CALL dbms.components()',
        'CALL db.createLabel("Probe")',
        'SHOW USERS',
        'SHOW PROCEDURES',
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        'CREATE INDEX probe FOR (n:Unit) ON (n.englishName)',
        'UNWIND range(1, 3) AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y',
      ]) {
        const { summary } = await session.run(`EXPLAIN ${query}`);
        expect(checkPlan(summary.queryType, summary.plan), query).not.toBeNull();
      }
    } finally {
      await session.close();
    }
  });

  it('refuses an oversized query or parameters with 413, before running anything', async () => {
    const long = await runConsole(`RETURN 1 AS one // ${'x'.repeat(21 * 1024)}`);
    expect([long.status, long.body.error.code]).toEqual([413, 'query_too_large']);
    const heavy = await runConsole('RETURN size($p) AS n', { p: 'x'.repeat(101 * 1024) });
    expect([heavy.status, heavy.body.error.code]).toEqual([413, 'params_too_large']);
    const huge = await post<ErrorAnswer>(app, '/api/cypher', {
      query: 'RETURN 1',
      padding: 'x'.repeat(300 * 1024),
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'body_too_large']);
  });

  it("answers a syntax error with 400 and Neo4j's message, positioned as typed", async () => {
    const { status, body } = await runConsole('MATCH (n)\nRETURN n.x +');
    expect(status).toBe(400);
    expect(body.error.code).toBe('cypher_syntax');
    expect(body.error.message).toContain('Invalid input');
    expect(body.error.message).toContain('line 2, column 13');
    expect(body.error.message).not.toContain('EXPLAIN');
  });
});

describe('the console runs what only reads', () => {
  it('returns columns and rows', async () => {
    const { status, body } = await runConsole('MATCH (u:Unit) RETURN u.name LIMIT 3');
    expect(status).toBe(200);
    expect(body.columns).toEqual(['u.name']);
    expect(body.rows).toHaveLength(3);
    expect(body.truncated).toBe(false);
    expect(body.graph).toBeUndefined();
  });

  it('calls an allowlisted procedure', async () => {
    const { status, body } = await runConsole('CALL db.labels()');
    expect(status).toBe(200);
    expect(body.rows.map((row) => row['label'])).toEqual(
      expect.arrayContaining(['Unit', 'Plan', 'Item', 'Theme']),
    );
  });

  it('treats keywords inside a string as text', async () => {
    const { status, body } = await runConsole("RETURN 'CREATE (n)' AS s");
    expect(status).toBe(200);
    expect(body.rows).toEqual([{ s: 'CREATE (n)' }]);
  });

  it('takes parameters, whole numbers as integers', async () => {
    const { status, body } = await runConsole(
      'MATCH (u:Unit) WITH u LIMIT $n RETURN count(u) AS c, $n + 1 AS next',
      {
        n: 2,
      },
    );
    expect(status).toBe(200);
    expect(body.rows).toEqual([{ c: 2, next: 3 }]);
  });

  it('draws the nodes and relationships it returns, fetching the ends it did not', async () => {
    const { body } = await runConsole(
      'MATCH (:Unit {name: "市发改委"})-[r:LEADS]->(i:Item) RETURN r ORDER BY i.sortKey LIMIT 3',
    );
    expect(body.graph?.edges).toHaveLength(3);
    expect(body.graph?.edges.map((edge) => [edge.data.source, edge.data.type])).toEqual([
      [FGW, 'LEADS'],
      [FGW, 'LEADS'],
      [FGW, 'LEADS'],
    ]);
    expect(body.graph?.nodes).toHaveLength(4);
    expect(body.rows[0]?.['r']).toMatchObject({ type: 'LEADS', properties: { role: '牵头单位' } });
  });

  it('cuts a huge result at 5,000 rows and says so', async () => {
    // The 2 s limit is the runaway test's: on a starved machine 5,000 rows were seen to take longer.
    const patient = seedApp(driver, DATABASE, { consoleTimeoutMs: 60_000 });
    const { status, body } = await runConsole(
      'UNWIND range(1, 100000) AS x RETURN x',
      undefined,
      patient,
    );
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(5_000);
    expect(body.truncated).toBe(true);
    expect(body.rows.at(-1)).toEqual({ x: 5_000 });
    const exact = await runConsole('UNWIND range(1, 5000) AS x RETURN x', undefined, patient);
    expect([exact.body.rows.length, exact.body.truncated]).toEqual([5_000, false]);
  });

  it('stops a runaway query at the time limit with 504', async () => {
    // Without the WHERE, Neo4j answers count(*) of a cartesian product from the counts store at
    // once; comparing properties makes it visit every one of the ~270^4 combinations.
    const started = Date.now();
    const { status, body } = await runConsole(
      'MATCH (a), (b), (c), (d) WHERE a.line + b.line + c.line + d.line < 0 RETURN count(*) AS n',
    );
    const elapsed = Date.now() - started;
    expect(status).toBe(504);
    expect(body.error.code).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(CONSOLE_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(CONSOLE_TIMEOUT_MS + 5_000);
    expect(await consoleTransactions()).toEqual([]);
  });

  it('stops the query when the client goes away', async () => {
    // A long limit, so only the disconnect can end it within the wait below.
    const patient = seedApp(driver, DATABASE, { consoleTimeoutMs: 60_000 });
    const http = await startServer({ app: patient, port: 0, host: '127.0.0.1' });
    try {
      const abort = new AbortController();
      const request = fetch(`${http.url}/api/cypher`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          query:
            'MATCH (a), (b), (c), (d) WHERE a.line + b.line + c.line + d.line < 0 RETURN count(*) AS n',
        }),
        signal: abort.signal,
      }).catch((error: unknown) => error);
      await waitFor(async () => (await consoleTransactions()).length === 1, 5_000);
      abort.abort();
      expect(await request).toBeInstanceOf(Error);
      expect(await waitFor(async () => (await consoleTransactions()).length === 0, 3_000)).toBe(
        true,
      );
    } finally {
      await http.close();
    }
  });
});

/** The console's transactions running on the server now. */
async function consoleTransactions(): Promise<unknown[]> {
  return rows(
    `SHOW TRANSACTIONS YIELD transactionId, metaData
     WHERE metaData.app = 'guatu-api' AND metaData.query = 'console'
     RETURN transactionId`,
  );
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('kept answers', () => {
  it('are read again once a plan changes', async () => {
    const englishName = async () =>
      (
        (await (await app.request(`/api/node?id=${encodeURIComponent(FGW)}`)).json()) as {
          node: { englishName: string };
        }
      ).node.englishName;
    const original = await englishName();
    const session = driver.session({ database: DATABASE });
    try {
      // What a reload from an edited text does: the plan's checksum changes with its data.
      await session.run(
        `MATCH (u:Unit {id: $id}) SET u.englishName = 'Renamed Commission'
         WITH u MATCH (p:Plan) SET p.sourceSha256 = p.sourceSha256 + '-edited'`,
        { id: FGW },
      );
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await englishName()).toBe('Renamed Commission');
    } finally {
      await session.run(
        `MATCH (u:Unit {id: $id}) SET u.englishName = $original
         WITH u MATCH (p:Plan) SET p.sourceSha256 = replace(p.sourceSha256, '-edited', '')`,
        { id: FGW, original },
      );
      await session.close();
    }
  });
});

describe('when Neo4j goes away', () => {
  it(
    'answers 503 while it is down and serves again once it is back',
    { timeout: 180_000 },
    async () => {
      const health = async () =>
        (await app.request('/api/health')).json() as Promise<{ neo4j: string }>;
      expect((await app.request('/api/plans')).status).toBe(200);

      await relay.cut();
      const plans = await app.request('/api/plans');
      expect(plans.status).toBe(503);
      expect(((await plans.json()) as ErrorAnswer).error.code).toBe('neo4j_unavailable');
      const search = await app.request('/api/search?q=fgw');
      expect(search.status).toBe(503);
      const consoleDown = await runConsole('RETURN 1 AS one');
      expect(consoleDown.status).toBe(503);
      const down = await app.request('/api/health');
      expect(down.status).toBe(200);
      expect(await down.json()).toEqual({ neo4j: 'down', plans: [] });

      await relay.restore();
      const back = await app.request('/api/plans');
      expect(back.status).toBe(200);
      expect(await health()).toMatchObject({ neo4j: 'up' });
      expect((await runConsole('RETURN 1 AS one')).body.rows).toEqual([{ one: 1 }]);
    },
  );
});
