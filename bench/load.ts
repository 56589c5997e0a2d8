// npm run bench:load [-- --quick | --items N] [--batch-size N] [--trace]
// The loader's throughput on synthetic plans of the seed's genre (10k items ≈ 100k unit→item
// edges; 100k items ≈ 1M edges), against a naive writer on the same rows: one MERGE per
// relationship, each in its own transaction, run on the first NAIVE_SAMPLE unit→item edges
// (a million transactions would take hours) and its rate extrapolated. Also the Node process's
// peak memory while writing, which should stay near the batch's size, not grow with the plan.
// Each size is a plan of its own city, so every size is a fresh load, not a replace.
//
// Without NEO4J_URI it starts its own Neo4j in a temporary folder, with room for a transaction
// of a million relationships: heap GUATU_NEO4J_HEAP (default 8g), page cache
// GUATU_NEO4J_PAGECACHE (2g), transaction memory cap GUATU_NEO4J_TX_MEMORY (6g), timeout 1 h.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import neo4j, { type Driver } from 'neo4j-driver';
import { preparePlan, sha256Hex, assignmentRows, type AssignmentRow } from '../graph/load/rows.ts';
import { ensureSchema } from '../graph/load/schema.ts';
import { countPlan, compareCounts } from '../graph/load/verify.ts';
import { writePlan } from '../graph/load/write-plan.ts';
import { expectedCounts } from '../graph/load/rows.ts';
import { config } from '../graph/neo4j/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';
import { parsePlan } from '../graph/parse/parse-plan.ts';
import { syntheticNotice } from './synthetic-notice.ts';

const MB = 1024 * 1024;
const NAIVE_SAMPLE = 2_000;
const WARM_UP_ITEMS = 2_000;
/** What the loader is held to: its own rate, and how many times the naive writer's. */
const TARGET_RATE = 50_000;
const TARGET_RATIO = 100;
/** One city per size: a plan id comes from the title, which names the city. */
const CITIES = ['示范市', '样板市', '试点市', '先行市'];
const say = (line: string) => console.error(`[bench:load] ${line}`);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

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
    const driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
    return {
      driver,
      database,
      description: `your server at ${uri} (NEO4J_URI), its own memory settings`,
      stop: () => driver.close(),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'guatu-bench-load-'));
  const local = {
    port: await freePort(),
    password: 'bench-load-only',
    dataDir,
    heap: process.env.GUATU_NEO4J_HEAP ?? '8g',
    pageCache: process.env.GUATU_NEO4J_PAGECACHE ?? '2g',
    transactionTimeoutSeconds: 3600,
    transactionMemory: process.env.GUATU_NEO4J_TX_MEMORY ?? '6g',
  };
  const running: LocalNeo4j = await startLocalNeo4j(local, { log: say });
  const driver = neo4j.driver(running.uri, neo4j.auth.basic('neo4j', local.password));
  return {
    driver,
    database: 'neo4j',
    description:
      `local Neo4j in ${dataDir}: heap ${local.heap}, page cache ${local.pageCache}, ` +
      `db.memory.transaction.max ${local.transactionMemory}, db.transaction.timeout ${local.transactionTimeoutSeconds} s`,
    stop: async () => {
      await driver.close();
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Memory while something runs: peak RSS and heap sampled every 100 ms (garbage included), and
 * the live heap — what survives a full collection — measured at every tenth batch boundary,
 * which is what "bounded by the batch" is about.
 */
class MemoryWatch {
  rss = 0;
  heap = 0;
  live = 0;
  #batches = 0;
  #timer: NodeJS.Timeout | undefined;

  start(): void {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), 100);
  }

  atBatch(): void {
    this.#batches += 1;
    if (this.#batches % 10 !== 0) return;
    gc();
    this.live = Math.max(this.live, process.memoryUsage().heapUsed);
  }

  stop(): void {
    this.#sample();
    clearInterval(this.#timer);
  }

  #sample(): void {
    const usage = process.memoryUsage();
    this.rss = Math.max(this.rss, usage.rss);
    this.heap = Math.max(this.heap, usage.heapUsed);
  }
}

function* take<T>(rows: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let taken = 0;
  for (const row of rows) {
    yield row;
    taken += 1;
    if (taken >= n) return;
  }
}

type TypedRow = AssignmentRow & { type: 'LEADS' | 'SUPPORTS' };

const NAIVE: Record<TypedRow['type'], string> = {
  LEADS: `MATCH (u:Unit {id: $unit}) MATCH (i:Item {id: $item})
          MERGE (u)-[r:LEADS]->(i) SET r = $props`,
  SUPPORTS: `MATCH (u:Unit {id: $unit}) MATCH (i:Item {id: $item})
             MERGE (u)-[r:SUPPORTS]->(i) SET r = $props`,
};

/**
 * The naive writer on a sample of the rows the loader just wrote: the sample's relationships are
 * removed, then written back one transaction per relationship, leaving the plan as it was.
 */
async function naiveWriter(
  driver: Driver,
  database: string,
  prepared: ReturnType<typeof preparePlan>,
): Promise<{ relationships: number; ms: number }> {
  const leads = [...take(assignmentRows(prepared, 'LEADS'), NAIVE_SAMPLE)].map((row): TypedRow => ({
    ...row,
    type: 'LEADS',
  }));
  const supports = [...take(assignmentRows(prepared, 'SUPPORTS'), NAIVE_SAMPLE - leads.length)].map(
    (row): TypedRow => ({ ...row, type: 'SUPPORTS' }),
  );
  const sample = [...leads, ...supports];

  const session = driver.session({ database });
  try {
    await session.executeWrite((tx) =>
      tx.run(
        `UNWIND $rows AS row
         MATCH (:Unit {id: row.unit})-[r:LEADS|SUPPORTS]->(:Item {id: row.item})
         DELETE r`,
        { rows: sample.map(({ unit, item }) => ({ unit, item })) },
      ),
    );
    const started = performance.now();
    for (const row of sample) {
      await session.executeWrite((tx) =>
        tx.run(NAIVE[row.type], { unit: row.unit, item: row.item, props: row.props }),
      );
    }
    return { relationships: sample.length, ms: performance.now() - started };
  } finally {
    await session.close();
  }
}

/** With --trace: each batch's step, rows and milliseconds, to find a slow step. */
function traceBatch(): (step: string, rows: number) => void {
  let last = performance.now();
  return (step, rows) => {
    const now = performance.now();
    say(`${step}: ${rows} rows, ${Math.round(now - last)} ms`);
    last = now;
  };
}

function readArguments(args: readonly string[]): {
  quick: boolean;
  trace: boolean;
  items?: number;
  batchSize?: number;
} {
  const quick = args.includes('--quick');
  const trace = args.includes('--trace');
  const itemsAt = args.indexOf('--items');
  const items = itemsAt >= 0 ? Number(args[itemsAt + 1]) : undefined;
  if (items !== undefined && (!Number.isInteger(items) || items < 100)) {
    throw new Error('--items needs a whole number of items, at least 100');
  }
  const at = args.indexOf('--batch-size');
  const batchSize = at >= 0 ? Number(args[at + 1]) : undefined;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new Error('--batch-size needs a whole number of rows');
  }
  return { quick, trace, items, batchSize };
}

async function main(): Promise<void> {
  const { quick, trace, items: only, batchSize } = readArguments(process.argv.slice(2));
  const sizes = only !== undefined ? [only] : quick ? [10_000] : [10_000, 100_000];
  const neo = await server();
  try {
    console.log(`Neo4j: ${neo.description}`);
    await ensureSchema(neo.driver, neo.database);
    // A fresh JVM runs the first plan's Cypher interpreted and cold: a small plan first, not
    // measured, so the first measured size is not mostly warm-up.
    const warmUp = syntheticNotice({
      items: WARM_UP_ITEMS,
      unitsPerItem: 10,
      seed: 7,
      city: '预热市',
    });
    const warmed = await writePlan(
      neo.driver,
      preparePlan(parsePlan(warmUp.text), null, {
        name: 'synthetic-warm-up.txt',
        text: warmUp.text,
        sha256: sha256Hex(warmUp.text),
      }),
      { database: neo.database, batchSize },
    );
    console.log(
      `warm-up (not measured): a ${WARM_UP_ITEMS}-item plan, ${warmed.relationships} relationships, ` +
        `in ${(warmed.durationMs / 1000).toFixed(1)} s`,
    );
    console.log(
      'items    unit→item   all rels   parse    prepare  write     rels/s    edges/s   ' +
        'rss before→peak      live heap before→max naive rels/s  ratio',
    );
    console.log(
      `naive writer: the first ${NAIVE_SAMPLE} unit→item edges of each plan, one transaction ` +
        'each; its rels/s extrapolated to the whole plan; ratio = loader unit→item edges/s ÷ naive rels/s',
    );
    const verdicts: string[] = [];
    for (const [index, items] of sizes.entries()) {
      const city = CITIES[index % CITIES.length] ?? '示范市';
      const notice = syntheticNotice({ items, unitsPerItem: 10, seed: 42, sentences: 1, city });
      let t = performance.now();
      const model = parsePlan(notice.text);
      const parseMs = performance.now() - t;
      const errors = model.issues.filter((issue) => issue.severity === 'error');
      if (errors.length > 0)
        throw new Error(`synthetic notice does not parse: ${errors[0]?.message}`);

      t = performance.now();
      const prepared = preparePlan(model, null, {
        name: `synthetic-${city}-${items}.txt`,
        text: notice.text,
        sha256: sha256Hex(notice.text),
      });
      const prepareMs = performance.now() - t;
      const expected = expectedCounts(prepared);
      const edges = expected.relationships.LEADS + expected.relationships.SUPPORTS;

      gc();
      gc();
      const before = process.memoryUsage();
      const cpuBefore = process.cpuUsage();
      const memory = new MemoryWatch();
      const traced = trace ? traceBatch() : undefined;
      memory.start();
      const write = await writePlan(neo.driver, prepared, {
        database: neo.database,
        batchSize,
        onBatch: (step, rows) => {
          traced?.(step, rows);
          memory.atBatch();
        },
      }).finally(() => memory.stop());
      const seconds = write.durationMs / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const nodeCpuSeconds = (cpu.user + cpu.system) / 1e6;

      const naive = await naiveWriter(neo.driver, neo.database, prepared);
      const session = neo.driver.session({ database: neo.database });
      const after = await session
        .executeRead((tx) => countPlan(tx, prepared.planId))
        .finally(() => session.close());
      const drift = compareCounts(expected, after);
      if (drift.length > 0) throw new Error(`counts after the naive rewrite: ${drift.join('; ')}`);

      const rate = write.relationships / seconds;
      const naiveRate = naive.relationships / (naive.ms / 1000);
      console.log(
        [
          String(items).padEnd(8),
          String(edges).padEnd(11),
          String(write.relationships).padEnd(10),
          `${(parseMs / 1000).toFixed(1)} s`.padEnd(8),
          `${(prepareMs / 1000).toFixed(1)} s`.padEnd(8),
          `${seconds.toFixed(1)} s`.padEnd(9),
          String(Math.round(rate)).padEnd(9),
          String(Math.round(edges / seconds)).padEnd(9),
          `${Math.round(before.rss / MB)}→${Math.round(memory.rss / MB)} MB`.padEnd(20),
          `${Math.round(before.heapUsed / MB)}→${Math.round(memory.live / MB)} MB`.padEnd(20),
          String(Math.round(naiveRate)).padEnd(13),
          // Like for like, and conservative: only unit→item edges, over the whole write's time.
          `${Math.round(edges / seconds / naiveRate)}×`,
        ].join(' '),
      );
      console.log(
        `  ${items} items: ${write.batches} batches of ≤ ${batchSize ?? 10_000} rows, each batch its own transaction, then one switch; ` +
          `over the pre-write baseline: peak rss +${Math.round((memory.rss - before.rss) / MB)} MB, ` +
          `peak heap with garbage +${Math.round((memory.heap - before.heapUsed) / MB)} MB, ` +
          `live heap +${Math.round((memory.live - before.heapUsed) / MB)} MB; naive writer: ${naive.relationships} ` +
          `relationships, one transaction each, in ${(naive.ms / 1000).toFixed(1)} s; ` +
          `Node CPU while writing ${nodeCpuSeconds.toFixed(1)} s; write phases: ` +
          Object.entries(write.phasesMs)
            .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
            .join(', '),
      );
      const ratio = edges / seconds / naiveRate;
      verdicts.push(
        `${items} items: loader ${Math.round(rate)} rels/s ${rate >= TARGET_RATE ? '≥' : '<'} ${TARGET_RATE} ` +
          `(${rate >= TARGET_RATE ? 'met' : 'MISSED'}), ratio ${Math.round(ratio)}× ` +
          `${ratio >= TARGET_RATIO ? '≥' : '<'} ${TARGET_RATIO}× (${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}), ` +
          `peak rss ${Math.round(memory.rss / MB)} MB`,
      );
    }
    console.log(`targets: ${verdicts.join('; ')}`);
  } finally {
    await neo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
