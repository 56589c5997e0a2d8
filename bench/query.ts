// npm run bench:query [-- --quick] [-- --runs N] [-- --portfolio N]
// Each planner's query (cypher/*.cypher), p50 and p95 over N runs (default 50) after warm-up, on
// the seed plan and on a synthetic plan of the seed's genre with about a million unit→item edges
// (bench/synthetic-notice.ts: 100k items, 10 units each; --quick: 10k items). The aim: queries
// that start from a named unit or theme within 30 ms at p95, plan-wide rankings within 50 ms.
// --portfolio N instead loads notices beside the seed until N plans of its size are loaded (a
// city's divisions, the same bureaus in each, each the seed's body begun at another line) and
// times the rankings over every plan (portfolio-*) as the portfolio grows: 10, 25, N plans, and
// on the seed the per-plan rankings they add up (unit-load, coordination-pairs, member-load);
// the rankings that take a chosen set (planIds) are timed over every plan and over half of them.
//
// Without NEO4J_URI it starts its own Neo4j in a temporary folder (deleted afterwards), with room
// to load the big plan in one transaction: heap GUATU_NEO4J_HEAP (default 6g), page cache
// GUATU_NEO4J_PAGECACHE (2g), transaction memory cap GUATU_NEO4J_TX_MEMORY (5g).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { SUM_OF } from '../graph/api/routes/hotspots.ts';
import { loadPlanFile, loadPlanText, seedDocuments } from '../graph/load/load-plan.ts';
import { config } from '../graph/neo4j/config.ts';
import { startLocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';
import { displayWidth } from '../graph/queries/format.ts';
import type { QueryDefinition } from '../graph/queries/header.ts';
import { bindParams } from '../graph/queries/params.ts';
import { queries } from '../graph/queries/registry.ts';
import { runQuery } from '../graph/queries/run.ts';
import { parsePlan } from '../graph/parse/parse-plan.ts';
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

/**
 * A notice of the seed's genre and size: its body begun at another line for each `n`, renamed;
 * a start that leaves the notice unreadable (a unit list cut from its item) moves on a line.
 */
function portfolioNotice(seed: string, n: number): string {
  const lines = seed.split('\n');
  // The heading lines (title over two lines, addressees, date) stay.
  const head = lines.slice(0, 14);
  const body = lines.slice(14);
  for (let shift = 0; shift < body.length; shift += 1) {
    const start = (n * 37 + shift) % Math.max(1, body.length);
    const text = [...head, ...body.slice(start), ...body.slice(0, start)]
      .join('\n')
      .replaceAll('任务分工方案', `任务分工方案(第${n}份)`);
    if (!parsePlan(text).issues.some((issue) => issue.severity === 'error')) return text;
  }
  throw new Error(`no readable notice ${n} from the seed`);
}

async function portfolio(neo: Server, wanted: number, runs: number): Promise<void> {
  const [seedFile] = await seedDocuments();
  if (seedFile === undefined) throw new Error('no seed document');
  const seed = await readFile(seedFile, 'utf8');
  // The rankings over every plan, and on the seed the per-plan rankings they add up: a plan's
  // own ranking must not slow down as other plans are loaded beside it.
  const perPlan = new Set(Object.values(SUM_OF));
  const definitions = queries().filter(
    (query) => query.name.startsWith('portfolio-') || perPlan.has(query.name),
  );
  const seedPlan = (await runQuery(neo.driver, 'plans', {}, { database: neo.database })).rows[0]
    ?.planId;
  const lines: string[] = [];
  const count = async () =>
    Number((await runQuery(neo.driver, 'plans', {}, { database: neo.database })).rows.length);
  let loaded = await count();
  let n = 0;
  const started = performance.now();
  for (const step of [10, 25, wanted].filter(
    (size, index, all) => size <= wanted && all.indexOf(size) === index,
  )) {
    while (loaded < step) {
      n += 1;
      await loadPlanText(neo.driver, portfolioNotice(seed, n), `portfolio-${n}.txt`, {
        database: neo.database,
      });
      loaded = await count();
    }
    say(
      `portfolio: ${loaded} plans loaded (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    // A chosen set (选定规划, planIds): half the plans loaded, the seed among them.
    const planIds = (await runQuery(neo.driver, 'plans', {}, { database: neo.database })).rows
      .map((row) => String(row['planId']))
      .slice(0, Math.ceil(loaded / 2));
    for (const query of definitions) {
      const chosen = query.params.some((param) => param.name === 'planIds');
      for (const set of chosen ? [null, planIds] : [null]) {
        const own = { planId: seedPlan, planIds: set };
        const timing = await time(neo, query, paramsFor(query, own), runs);
        const over = set === null ? '' : ` over a chosen set of ${set.length} (planIds)`;
        lines.push(
          `${query.name}${query.name.startsWith('portfolio-') ? '' : ' (the seed)'}${over} with ${loaded} plans loaded: p50 ${timing.p50.toFixed(1)} ms, p95 ` +
            `${timing.p95.toFixed(1)} ms, ${timing.rows} rows, ${timing.dbHits} db hits ` +
            `(target p95 ${TARGET_MS.planWide} ms: ${timing.p95 <= TARGET_MS.planWide ? 'met' : 'NOT met'})`,
        );
      }
    }
  }
  console.log(`\nRankings over every plan loaded (--portfolio ${wanted}), ${runs} runs each:`);
  for (const line of lines) console.log(line);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 50;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number');
  const portfolioAt = args.indexOf('--portfolio');
  const portfolioPlans = portfolioAt >= 0 ? Number(args[portfolioAt + 1] ?? 50) : 0;
  if (!Number.isInteger(portfolioPlans) || portfolioPlans < 0) {
    throw new Error('--portfolio needs a whole number of plans');
  }

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
    if (portfolioPlans > 0) {
      await portfolio(neo, portfolioPlans, runs);
      return;
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
