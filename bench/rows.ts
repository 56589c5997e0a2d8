// npx tsx bench/rows.ts [--runs N]
// What parsing the API's rows with zod (graph/api/read.ts parseRows) adds to reading them as JSON
// (to-json.ts alone), on the largest row the explorer asks for: a whole plan to draw
// (plan-graph), made here in the driver's own types at the seed's size and at ten times it. No
// database: the figure is the parse alone, p50 and p95 over N runs (default 200) after warm-up.
import { loadavg } from 'node:os';
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { parseRows } from '../graph/api/read.ts';
import { LOOKUP_ROWS } from '../graph/api/rows.ts';
import { toJson } from '../graph/queries/to-json.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 200;

/** A plan-graph row of `items` items, `units` units and `edges` assignments. */
function planGraphRecord(items: number, units: number, edges: number): Neo4jRecord {
  const { Node, Relationship, Record } = neo4j.types;
  const nodes = [];
  for (let i = 0; i < units; i += 1) {
    nodes.push(
      new Node(
        neo4j.int(i),
        ['Unit'],
        {
          id: `武汉市/单位${i}`,
          name: `单位${i}`,
          fullName: `武汉市单位${i}`,
          englishName: `Unit ${i}`,
          aliases: [`单位${i}甲`, `单位${i}乙`],
          collective: false,
          category: 'government-department',
        },
        `n:${i}`,
      ),
    );
  }
  for (let i = 0; i < items; i += 1) {
    nodes.push(
      new Node(
        neo4j.int(units + i),
        ['Item', 'Task'],
        {
          id: `p/二(一)${i}`,
          planId: 'p',
          kind: 'task',
          ref: `二(一)${i}`,
          title: `第${i}项任务的标题`,
          line: neo4j.int(100 + i),
          sortKey: neo4j.int(i),
          parentId: 'p/二(一)',
        },
        `n:${units + i}`,
      ),
    );
  }
  const relationships = [];
  for (let i = 0; i < edges; i += 1) {
    const unit = i % units;
    const item = units + (i % items);
    relationships.push(
      new Relationship(
        neo4j.int(i),
        neo4j.int(unit),
        neo4j.int(item),
        i % 3 === 0 ? 'LEADS' : 'SUPPORTS',
        { planId: 'p', role: '牵头单位', inferred: false, position: neo4j.int(1) },
        `r:${i}`,
        `n:${unit}`,
        `n:${item}`,
      ),
    );
  }
  const metrics = Array.from({ length: units }, (_, i) => ({
    planId: 'p',
    unitId: `武汉市/单位${i}`,
    itemsLed: neo4j.int(3),
    itemsSupported: neo4j.int(5),
    themesReached: neo4j.int(2),
    load: 5.5,
    betweenness: 0.01,
    community: neo4j.int(1),
    collective: false,
  }));
  return new Record(['nodes', 'relationships', 'metrics'], [nodes, relationships, metrics]);
}

function percentiles(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

function time(work: () => void): { p50: number; p95: number } {
  for (let i = 0; i < 10; i += 1) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

console.log(
  `rows: plan-graph parsed by zod vs read as JSON only, ${runs} runs, load ${loadavg()[0]?.toFixed(1)}`,
);
for (const [label, items, units, edges] of [
  ['seed size', 400, 70, 800],
  ['ten times the seed', 4000, 700, 8000],
] as const) {
  const records = [planGraphRecord(items, units, edges)];
  const json = time(() => {
    for (const record of records) for (const key of record.keys) toJson(record.get(key));
  });
  const parsed = time(() => parseRows('plan-graph', records, LOOKUP_ROWS['plan-graph']));
  const figure = (t: { p50: number; p95: number }) =>
    `p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms`;
  console.log(`${label} (${items + units} nodes, ${edges} relationships):`);
  console.log(`  JSON only      ${figure(json)}`);
  console.log(`  JSON + zod     ${figure(parsed)}`);
}
