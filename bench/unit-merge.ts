// What a units merge costs: one merge and one split on the seed, and what the merges kept add to a
// re-load of the seed (graph/load/write-plan.ts runs them all again in the load's transaction),
// with none, one and `count` merges kept. Prints figures; asserts nothing.
// `npx tsx bench/unit-merge.ts [count]` (default 10); NEO4J_URI to use a running server.
import { performance } from 'node:perf_hooks';
import neo4j, { type Driver } from 'neo4j-driver';
import { ensureSeedLoaded } from '../graph/load/seed.ts';
import { loadPlanFile, seedDocuments } from '../graph/load/load-plan.ts';
import { closeDriver, connection, getDriver } from '../graph/neo4j/database.ts';
import { mergeUnits, splitMerge } from '../graph/units/merge.ts';
import { neo4jForBench } from './bench-neo4j.ts';

const COUNT = Number(process.argv[2] ?? 10);
const RELOADS = 3;
const say = (line: string) => console.log(line);

async function write<T>(driver: Driver, work: (tx: neo4j.ManagedTransaction) => Promise<T>) {
  const session = driver.session({ database: connection().database });
  try {
    const started = performance.now();
    const result = await session.executeWrite(work);
    return { result, ms: performance.now() - started };
  } finally {
    await session.close();
  }
}

async function reloads(driver: Driver, seed: string): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < RELOADS; n += 1) {
    const started = performance.now();
    await loadPlanFile(driver, seed, { database: connection().database, force: true });
    times.push(performance.now() - started);
  }
  return times;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const db = await neo4jForBench(say);
  try {
    const driver = getDriver();
    await ensureSeedLoaded(driver, { database: connection().database });
    const [seed] = await seedDocuments();
    if (seed === undefined) throw new Error('no seed document');
    // Pairs of units of the seed that are not collectives, the busiest first.
    const session = driver.session({ database: connection().database });
    const units = (
      await session.run(
        `MATCH (u:Unit)-[a:ACTIVE_IN]->(:Plan)
         WHERE NOT coalesce(u.collective, false)
         RETURN u.id AS id ORDER BY a.load DESC, u.id LIMIT $n`,
        { n: neo4j.int(COUNT * 2) },
      )
    ).records.map((r) => r.get('id') as string);
    await session.close();

    // One re-load first: the loader's queries compiled, the caches warm.
    await reloads(driver, seed);
    const none = await reloads(driver, seed);
    const at = new Date().toISOString();
    const first = await write(driver, (tx) =>
      mergeUnits(tx, { from: units[1] ?? '', into: units[0] ?? '', by: 'bench', at }),
    );
    const one = await reloads(driver, seed);
    const merges = [first.result.merge.id];
    const mergeTimes = [first.ms];
    for (let n = 1; n < COUNT; n += 1) {
      const done = await write(driver, (tx) =>
        mergeUnits(tx, {
          from: units[2 * n + 1] ?? '',
          into: units[2 * n] ?? '',
          by: 'bench',
          at,
        }),
      );
      merges.push(done.result.merge.id);
      mergeTimes.push(done.ms);
    }
    const many = await reloads(driver, seed);
    const splitTimes: number[] = [];
    for (const id of merges) {
      splitTimes.push((await write(driver, (tx) => splitMerge(tx, { merge: id }))).ms);
    }
    say(
      `seed: ${first.result.moved.leads + first.result.moved.supports} edges moved by the first merge`,
    );
    say(`merge (median of ${mergeTimes.length}): ${ms(median(mergeTimes))}; first ${ms(first.ms)}`);
    say(`split (median of ${splitTimes.length}): ${ms(median(splitTimes))}`);
    say(`re-load of the seed, median of ${RELOADS}:`);
    say(`  no merge kept:        ${ms(median(none))}`);
    say(`  1 merge kept:         ${ms(median(one))}`);
    say(`  ${COUNT} merges kept:       ${ms(median(many))}`);
  } finally {
    await closeDriver();
    await db.stop();
  }
}

await main();
