// npm run bench:warmap [-- --items N] [-- --runs N] [-- --before]
// The war map's answer (GET /api/progress/map) and the progress rankings (/api/hotspots/…),
// p50 and p95 over N runs (default 30) after warm-up, through the app in process: on the seed, and
// on a synthetic plan of the seed's genre (default 10,000 items, 10 units each) where a fifth of
// the items carry three progress records (the first with a note) and a deadline, a tenth of them
// past. The aim: the map within 300 ms at p95 on the 10,000-item plan (it is read on every
// refresh of the war map), the seed well under 50 ms. The route keeps each plan's shape (which
// units answer for which items) while the plans are unchanged, so its first answer after a load
// is printed apart ("map, first"): it reads the shape too.
//
// --before also times the map as it was read before it was made fast
// (test/progress/war-map-before.ts), each run of it right after a run of today's, so both see the
// same load on a shared machine; it checks once that both answers are equal, and prints the ratio.
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
import { warMapBefore } from '../test/progress/war-map-before.ts';
import { isDeepStrictEqual } from 'node:util';

const say = (line: string) => console.error(`[bench:warmap] ${line}`);
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ITEMS = arg('items', 10_000);
const RUNS = arg('runs', 30);
const BEFORE = process.argv.includes('--before');
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
         note: CASE WHEN n = 1 THEN '已制定工作方案' ELSE null END,
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

/** The map as read before, in a read transaction of its own, and how long it took. */
async function timeBefore(planId: string): Promise<{ ms: number; answer: unknown }> {
  const session = getDriver().session({
    database: connection().database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    const started = performance.now();
    const answer = await session.executeRead((tx) => warMapBefore(tx, planId, TODAY));
    // As the route answers: the JSON text, which the old answer also had to be.
    JSON.stringify(answer);
    return { ms: performance.now() - started, answer };
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
      const mapRoute = `/api/progress/map?plan=${encodeURIComponent(plan.id)}`;
      // The first answer after the plan was loaded reads the plan's shape as well.
      const started = performance.now();
      const first = await app.request(mapRoute);
      const firstMs = performance.now() - started;
      const firstBody = (await first.json()) as { items?: unknown[] };
      console.log(
        `${plan.name.padEnd(16)}${'/api/progress/map, first'.padEnd(40)}` +
          (first.status === 200
            ? `${firstMs.toFixed(1).padStart(7)}${''.padStart(9)}${String(firstBody.items?.length).padStart(7)}`
            : `HTTP ${first.status} after ${firstMs.toFixed(0)} ms`),
      );
      const routes = [
        mapRoute,
        ...RANKINGS.map((name) => `/api/hotspots/${name}?plan=${encodeURIComponent(plan.id)}`),
      ];
      for (const route of routes) {
        const before = BEFORE && route === mapRoute;
        const times: number[] = [];
        const beforeTimes: number[] = [];
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
          if (!before) continue;
          const old = await timeBefore(plan.id);
          if (run >= WARM_UP) beforeTimes.push(old.ms);
          if (run === 0 && !isDeepStrictEqual(old.answer, body)) {
            failed = 'answers differ from before';
          }
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
        if (!before) continue;
        beforeTimes.sort((a, b) => a - b);
        const ratio = percentile(beforeTimes, 50) / percentile(times, 50);
        console.log(
          `${plan.name.padEnd(16)}${'  the same, read as before'.padEnd(40)}` +
            `${percentile(beforeTimes, 50).toFixed(1).padStart(7)}` +
            `${percentile(beforeTimes, 95).toFixed(1).padStart(9)}${String(rows).padStart(7)}` +
            `   ×${ratio.toFixed(1)} (equal answers)`,
        );
      }
    }
    console.log(`load ${loadavg()[0]?.toFixed(1)} at the end`);
  } finally {
    await closeDriver();
    await database.stop();
  }
}

await main();
