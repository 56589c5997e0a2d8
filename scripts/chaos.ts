// npm run chaos -- [--rounds N] [--seed S]
// Chaos rounds against a Neo4j of its own (scripts/chaos/harness.ts): N rounds each of SIGKILL
// to the loader, to the import's commit, and to the Neo4j JVM (during a load, then during an
// import commit, alternately), each at a random moment of a replace. Prints every round and
// a summary; exit 1 when any round left the database holding neither version whole, or a writer
// that outlived its database said nothing clear.
import { rm } from 'node:fs/promises';
import { ChaosNeo4j, loadWhole, random, round, twoVersions, type Kill } from './chaos/harness.ts';

function readOptions(args: readonly string[]) {
  let rounds = 3;
  let seed = Date.now() % 1_000_000;
  for (let i = 0; i < args.length; i++) {
    const value = Number(args[i + 1]);
    if (args[i] === '--rounds' && Number.isInteger(value) && value > 0) rounds = value;
    else if (args[i] === '--seed' && Number.isInteger(value)) seed = value;
    else throw new Error(`usage: npm run chaos -- [--rounds N] [--seed S] (got ${args[i]})`);
    i++;
  }
  return { rounds, seed };
}

const say = (line: string) => console.error(`[chaos] ${line}`);

async function main(): Promise<number> {
  const { rounds, seed } = readOptions(process.argv.slice(2));
  const next = random(seed);
  say(`starting a Neo4j of its own; ${rounds} round(s) of each kill, seed ${seed}`);
  const server = await ChaosNeo4j.start(say);
  const versions = await twoVersions('混沌');
  let bad = 0;
  const tally = new Map<
    string,
    { rounds: number; duringWrite: number; old: number; new: number }
  >();
  try {
    const first = await loadWhole(server, versions.files[0]);
    const second = await loadWhole(server, versions.files[1]);
    const expected = [first.checksum, second.checksum] as const;
    say(`plan ${first.planId}: old ${JSON.stringify(first.checksum)}`);
    say(`new ${JSON.stringify(second.checksum)}`);
    const kills: Kill[] = [];
    for (let i = 0; i < rounds; i++) {
      kills.push('loader', 'import', i % 2 === 0 ? 'jvm-loader' : 'jvm-import');
    }
    for (const [i, kill] of kills.entries()) {
      const early = next() < 0.25;
      const delay = Math.floor(next() * (kill.startsWith('jvm') ? 800 : 3000));
      const result = await round(server, versions, first.planId, expected, kill, delay, early);
      let verdict = result.holds === -1 ? 'NEITHER VERSION' : result.holds === 0 ? 'old' : 'new';
      if (result.holds === -1) bad++;
      if (result.writer && result.writer.code !== 0) {
        const clear =
          /数据库在(写入|提交)时断开/.test(result.writer.stderr) &&
          !/\n\s+at /.test(result.writer.stderr);
        if (!clear) {
          bad++;
          verdict += `; the writer's words were not clear: ${result.writer.stderr.slice(0, 300)}`;
        }
      }
      const row = tally.get(kill) ?? { rounds: 0, duringWrite: 0, old: 0, new: 0 };
      row.rounds++;
      if (result.duringWrite) row.duringWrite++;
      if (result.holds === 0) row.old++;
      if (result.holds === 1) row.new++;
      tally.set(kill, row);
      say(
        `round ${i + 1}/${kills.length}: SIGKILL ${kill} ${result.afterMs} ms in` +
          `${result.duringWrite ? ' (mid-write)' : ''} → ${verdict}`,
      );
    }
  } finally {
    await server.stop();
    await rm(versions.dir, { recursive: true, force: true });
  }
  console.log('kill         rounds  mid-write  old  new');
  for (const [kill, row] of tally) {
    console.log(
      `${kill.padEnd(11)}  ${String(row.rounds).padStart(6)}  ${String(row.duringWrite).padStart(9)}  ${String(row.old).padStart(3)}  ${String(row.new).padStart(3)}`,
    );
  }
  console.log(bad === 0 ? 'every round left one version whole' : `${bad} round(s) failed`);
  return bad === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 2;
  },
);
