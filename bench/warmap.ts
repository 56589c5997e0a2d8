// npm run bench:warmap [-- --items N] [-- --runs N]
// The war map's answer (GET /api/progress/map) and the progress rankings (/api/hotspots/…),
// p50 and p95 over N runs (default 30) after warm-up, through the app in process: on the seed, and
// on a synthetic plan of the seed's genre (default 10,000 items, 10 units each) where a fifth of
// the items carry three progress records and a deadline, a tenth of them past. The aim: every
// route within 300 ms at p95 on a plan of the seed's size (the map is read on every refresh of
// the war map); the synthetic plan shows how they grow.
//
// Without NEO4J_URI it starts its own Neo4j in a temporary folder (deleted afterwards).
import { cpus, loadavg } from 'node:os';
import neo4j from 'neo4j-driver';
import { createApp } from '../graph/api/app.ts';
import { loadPlanText } from '../graph/load/load-plan.ts';
import { ensureSeedLoaded } from '../graph/load/seed.ts';
import { closeDriver, connection, getDriver } from '../graph/neo4j/database.ts';
import { queries } from '../graph/queries/registry.ts';
import { neo4jForBench } from './bench-neo4j.ts';
import { syntheticNotice } from './synthetic-notice.ts';

const say = (line: string) => console.error(`[bench:warmap] ${line}`);
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ITEMS = arg('items', 10_000);
const RUNS = arg('runs', 30);
const WARM_UP = 3;
const TODAY = '2026-12-07';
const RANKINGS = ['overdue-by-unit', 'stalled-items', 'progress-by-theme', 'indicators-off-track'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A fifth of the plan's items with three records and a dated deadline change (a tenth past). */
async function recordProgress(planId: string): Promise<number> {
  const session = getDriver().session({ database: connection().database });
  try {
    const result = await session.run(
      `MATCH (item:Item {planId: $planId})
       WHERE NOT item:Theme AND item.sortKey % 5 = 0
       UNWIND range(1, 3) AS n
       CREATE (p:Progress {id: randomUUID(), itemId: item.id, planId: $planId,
         itemRef: item.ref, itemTitle: item.title, by: 'bench', source: 'update',
         at: '2026-0' + toString(n + 5) + '-15T04:00:00.000Z', seq: n,
         status: CASE WHEN n = 3 AND item.sortKey % 3 = 0 THEN 'late' ELSE 'in-progress' END,
         percent: n * 20})-[:ON]->(item)
       WITH DISTINCT item
       CREATE (d:DeadlineChange {id: randomUUID(), itemId: item.id, planId: $planId,
         itemRef: item.ref, itemTitle: item.title, by: 'bench', at: '2026-06-01T04:00:00.000Z',
         seq: 1, deadline: '2026年底前', dueKind: 'date',
         dueDate: CASE WHEN item.sortKey % 10 = 0 THEN '2026-11-30' ELSE '2026-12-31' END})
         -[:ON]->(item)
       RETURN count(item) AS items`,
      { planId },
    );
    return neo4j.integer.toNumber(result.records[0]?.get('items') ?? 0);
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const database = await neo4jForBench(say);
  try {
    const driver = getDriver();
    const [seed] = await ensureSeedLoaded(driver);
    const notice = syntheticNotice({ items: ITEMS, unitsPerItem: 10, seed: 42, sentences: 1 });
    say(`loading a synthetic plan of ${ITEMS} items…`);
    const synthetic = await loadPlanText(driver, notice.text, `synthetic-${ITEMS}.txt`, {
      database: connection().database,
      timeoutMs: 3_600_000,
    });
    const withProgress = await recordProgress(synthetic.planId);
    say(`${withProgress} items given progress records and deadlines`);
    const app = createApp({
      driver,
      database: connection().database,
      queries: queries(),
      webRoot: null,
      now: () => new Date(`${TODAY}T04:00:00Z`),
    });
    const plans = [
      { name: 'seed', id: seed?.planId ?? '' },
      { name: `synthetic ${ITEMS}`, id: synthetic.planId },
    ];
    console.log(
      `war map and progress rankings, ${RUNS} runs after ${WARM_UP} warm-up; ` +
        `${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`,
    );
    console.log('plan            route                                   p50 ms   p95 ms   rows');
    for (const plan of plans) {
      const routes = [
        `/api/progress/map?plan=${encodeURIComponent(plan.id)}`,
        ...RANKINGS.map((name) => `/api/hotspots/${name}?plan=${encodeURIComponent(plan.id)}`),
      ];
      for (const route of routes) {
        const times: number[] = [];
        let rows = 0;
        let failed = '';
        for (let run = 0; run < WARM_UP + RUNS && failed === ''; run += 1) {
          const started = performance.now();
          const response = await app.request(route);
          const body = (await response.json()) as { items?: unknown[]; rows?: unknown[] };
          // A ranking over its time limit is a figure too: printed, not thrown.
          if (response.status !== 200) failed = `HTTP ${response.status}`;
          if (run >= WARM_UP) times.push(performance.now() - started);
          rows = (body.items ?? body.rows ?? []).length;
        }
        if (failed !== '') {
          console.log(`${plan.name.padEnd(16)}${route.replace(/\?.*$/, '').padEnd(40)}${failed}`);
          continue;
        }
        times.sort((a, b) => a - b);
        const label = route.replace(/\?.*$/, '');
        console.log(
          `${plan.name.padEnd(16)}${label.padEnd(40)}${percentile(times, 50).toFixed(1).padStart(7)}` +
            `${percentile(times, 95).toFixed(1).padStart(9)}${String(rows).padStart(7)}`,
        );
      }
    }
  } finally {
    await closeDriver();
    await database.stop();
  }
}

await main();
