// `npx tsx bench/neo4j-start.ts [ROUNDS]`: CPU seconds a local Neo4j needs from spawn to its first
// Bolt `RETURN 1` on an empty data folder, with guatu's own JVM options and with the options the
// test run adds (GUATU_NEO4J_JAVA_OPTIONS, vitest.config.ts), rounds interleaved. CPU time, unlike
// wall time, barely moves on a machine busy with other work; on two cores it is what a test run
// pays for each of its Neo4j starts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../graph/neo4j/config.ts';
import { ensureLauncherBuilt, startLocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';

const VARIANTS: Record<string, string> = {
  'guatu defaults (C2, G1)': '',
  'test run (C1, serial GC)':
    '-XX:TieredStopAtLevel=1 -XX:-UseG1GC -XX:+UseSerialGC -XX:-UsePerfData',
};

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** User plus system CPU seconds of a process so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

async function once(options: string): Promise<{ cpu: number; wall: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'guatu-bench-start-'));
  try {
    const config = readConfig({
      GUATU_DATA_DIR: dataDir,
      GUATU_NEO4J_PORT: String(await freePort()),
      GUATU_NEO4J_HEAP: '512m',
      GUATU_NEO4J_PAGECACHE: '64m',
    });
    if (config.mode !== 'local') throw new Error('expected a local configuration');
    process.env['GUATU_NEO4J_JAVA_OPTIONS'] = options;
    const started = performance.now();
    const neo4j = await startLocalNeo4j(config.local, { readyTimeoutMs: 600_000 });
    const wall = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(neo4j.pid);
    await neo4j.stop();
    return { cpu, wall };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const rounds = Number(process.argv[2] ?? 3);
await ensureLauncherBuilt();
const runs = new Map(
  Object.keys(VARIANTS).map((name) => [name, [] as { cpu: number; wall: number }[]]),
);
for (let round = 1; round <= rounds; round += 1) {
  for (const [name, options] of Object.entries(VARIANTS)) {
    const run = await once(options);
    runs.get(name)?.push(run);
    console.error(
      `  round ${round}, ${name}: ${run.cpu.toFixed(1)} CPU s, ${run.wall.toFixed(1)} s`,
    );
  }
}
console.log(
  `Neo4j start to ready, empty data folder, ${rounds} rounds, load ${loadavg()[0]?.toFixed(1)}:`,
);
for (const [name, measured] of runs) {
  console.log(
    `  ${name.padEnd(26)} CPU median ${median(measured.map((r) => r.cpu)).toFixed(1)} s` +
      ` [${measured.map((r) => r.cpu.toFixed(1)).join(', ')}], wall median ${median(measured.map((r) => r.wall)).toFixed(1)} s`,
  );
}
