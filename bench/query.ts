// npm run bench:query [-- --quick] [-- --runs N]
// Each planner's query (cypher/*.cypher), p50 and p95 over N runs (default 50) after warm-up, on
// the seed plan and on a synthetic plan of the seed's genre with about a million unit→item edges
// (bench/synthetic-notice.ts: 100k items, 10 units each; --quick: 10k items). The aim: queries
// that start from a named unit or theme within 30 ms at p95, plan-wide rankings within 50 ms.
//
// Without NEO4J_URI it starts its own Neo4j in a temporary folder (deleted afterwards), with room
// to load the big plan in one transaction: heap GUATU_NEO4J_HEAP (default 6g), page cache
// GUATU_NEO4J_PAGECACHE (2g), transaction memory cap GUATU_NEO4J_TX_MEMORY (5g).
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadPlanFile, loadPlanText, seedDocuments } from '../graph/load/load-plan.ts';
import { config } from '../graph/neo4j/config.ts';
import { startLocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';
import { displayWidth } from '../graph/queries/format.ts';
import type { QueryDefinition } from '../graph/queries/header.ts';
import { bindParams } from '../graph/queries/params.ts';
import { queries } from '../graph/queries/registry.ts';
import { runQuery } from '../graph/queries/run.ts';
import { syntheticNotice } from './synthetic-notice.ts';

const say = (line: string) => console.error(`[bench:query] ${line}`);
const WARM_UP_RUNS = 5;
/** p95 targets: queries starting from a named node, and plan-wide ones (rankings, lists). */
const TARGET_MS = { anchored: 30, planWide: 50 } as const;

interface Server {
  driver: Driver;
  database: string;
  description: string;
  stop(): Promise<void>;
}

async function server(): Promise<Server> {
  const settings = config();
  if (settings.mode === 'remote') {
    const { uri, username, password, database } = settings.connection;
    const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
      disableLosslessIntegers: true,
    });
    return {
      driver,
      database,
      description: `your server at ${uri} (NEO4J_URI)`,
      stop: () => driver.close(),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'guatu-bench-query-'));
  const local = {
    port: await freePort(),
    password: 'bench-query-only',
    dataDir,
    heap: process.env.GUATU_NEO4J_HEAP ?? '6g',
    pageCache: process.env.GUATU_NEO4J_PAGECACHE ?? '2g',
    transactionTimeoutSeconds: 3600,
    transactionMemory: process.env.GUATU_NEO4J_TX_MEMORY ?? '5g',
  };
  const running = await startLocalNeo4j(local, { log: say, readyTimeoutMs: 180_000 });
  const driver = neo4j.driver(running.uri, neo4j.auth.basic('neo4j', local.password), {
    disableLosslessIntegers: true,
  });
  return {
    driver,
    database: 'neo4j',
    description: `local Neo4j in ${dataDir}: heap ${local.heap}, page cache ${local.pageCache}`,
    stop: async () => {
      await driver.close();
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

interface Timing {
  p50: number;
  p95: number;
  rows: number;
  /** Database hits of one profiled run: the work done, whatever else the machine is doing. */
  dbHits: number;
}

/** Sums the db hits of a profiled plan. */
function dbHits(plan: { dbHits: number; children: readonly unknown[] } | false): number {
  if (plan === false) return 0;
  return plan.children.reduce<number>(
    (sum, child) => sum + dbHits(child as { dbHits: number; children: readonly unknown[] }),
    plan.dbHits,
  );
}

async function profile(
  neo: Server,
  query: QueryDefinition,
  params: Record<string, unknown>,
): Promise<number> {
  const session = neo.driver.session({
    database: neo.database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    // The registry's own text, prefixed: nothing of a caller's goes into it.
    const result = await session.run(`PROFILE ${query.text}`, bindParams(query, params));
    return dbHits(result.summary.profile);
  } finally {
    await session.close();
  }
}

async function time(
  neo: Server,
  query: QueryDefinition,
  params: Record<string, unknown>,
  runs: number,
): Promise<Timing> {
  let rows = 0;
  const once = async () => {
    const started = performance.now();
    const result = await runQuery(neo.driver, query.name, params, { database: neo.database });
    rows = result.rows.length;
    return performance.now() - started;
  };
  for (let run = 0; run < WARM_UP_RUNS; run += 1) await once();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await once());
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    rows,
    dbHits: await profile(neo, query, params),
  };
}

/** Example values of the header, with those naming things of the seed swapped for the plan's own. */
function paramsFor(query: QueryDefinition, own: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    query.params.map((param) => [
      param.name,
      Object.hasOwn(own, param.name) ? own[param.name] : param.example,
    ]),
  );
}

interface PlanUnderTest {
  label: string;
  planId: string;
  edges: number;
  /** Values for the parameters that name a unit or theme of this plan. */
  own: Record<string, unknown>;
}

async function syntheticPlan(neo: Server, items: number): Promise<PlanUnderTest> {
  const notice = syntheticNotice({ items, unitsPerItem: 10, seed: 42, sentences: 1 });
  say(`loading a synthetic plan of ${items} items (${notice.expected.edges} unit→item edges)…`);
  const started = performance.now();
  const outcome = await loadPlanText(neo.driver, notice.text, `synthetic-${items}.txt`, {
    database: neo.database,
    timeoutMs: 3_600_000,
  });
  say(`${outcome.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const planId = outcome.planId;
  // A path worth finding: from the busiest unit to the least busy one.
  const load = await runQuery(
    neo.driver,
    'unit-load',
    { planId, limit: 100_000 },
    { database: neo.database },
  );
  const last = load.rows.at(-1)?.unit;
  return {
    label: `synthetic ${items / 1000}k items`,
    planId,
    edges: notice.expected.edges,
    own: {
      planId,
      unit: '市发改委',
      from: '市发改委',
      to: typeof last === 'string' ? last : '市经信局',
      theme: '二(一)',
    },
  };
}

function table(
  definitions: readonly QueryDefinition[],
  plans: readonly PlanUnderTest[],
  results: Map<string, Timing>,
): string {
  const header = ['query', 'kind', 'target p95'];
  for (const plan of plans) header.push(`${plan.label}: p50`, 'p95', 'rows', 'db hits');
  header.push('met');
  const lines: string[][] = [header];
  for (const query of definitions) {
    const target = query.scansWholeGraph ? TARGET_MS.planWide : TARGET_MS.anchored;
    const line = [query.name, query.scansWholeGraph ? 'plan-wide' : 'from a node', `${target} ms`];
    let met = true;
    for (const plan of plans) {
      const timing = results.get(`${plan.planId} ${query.name}`);
      if (timing === undefined) {
        line.push('—', '—', '—', '—');
        continue;
      }
      line.push(
        `${timing.p50.toFixed(1)} ms`,
        `${timing.p95.toFixed(1)} ms`,
        String(timing.rows),
        String(timing.dbHits),
      );
      met &&= timing.p95 <= target;
    }
    line.push(met ? 'yes' : 'NO');
    lines.push(line);
  }
  const widths = header.map((_, index) =>
    Math.max(...lines.map((line) => displayWidth(line[index] ?? ''))),
  );
  return lines
    .map((line) =>
      line
        .map((cell, index) => cell + ' '.repeat((widths[index] ?? 0) - displayWidth(cell)))
        .join('  '),
    )
    .join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 50;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number');

  const neo = await server();
  try {
    say(`Neo4j: ${neo.description}`);
    const plans: PlanUnderTest[] = [];
    for (const file of await seedDocuments()) {
      const outcome = await loadPlanFile(neo.driver, file, { database: neo.database });
      plans.push({
        label: 'seed',
        planId: outcome.planId,
        edges: 0,
        own: { planId: outcome.planId },
      });
    }
    plans.push(await syntheticPlan(neo, quick ? 10_000 : 100_000));

    const definitions = queries();
    const results = new Map<string, Timing>();
    for (const plan of plans) {
      for (const query of definitions) {
        say(`${plan.label}: ${query.name}`);
        results.set(
          `${plan.planId} ${query.name}`,
          await time(neo, query, paramsFor(query, plan.own), runs),
        );
      }
    }
    console.log(
      `${runs} runs per query after ${WARM_UP_RUNS} warm-up runs, one at a time, through runQuery ` +
        `(parameter checks, read transaction, rows to JSON). Synthetic plan: ` +
        `${plans.at(-1)?.edges} unit→item edges. ${neo.description}. ` +
        `Machine: ${cpus().length} CPUs, load average ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')} at the end.`,
    );
    console.log(table(definitions, plans, results));
  } finally {
    await neo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
