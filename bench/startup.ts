// `npm run bench:startup`: seconds from spawning the local Neo4j to its first successful Bolt
// `RETURN 1`, on an empty data folder and then warm (same folder, median of five), and how long
// a clean stop takes. Uses the launcher exactly as `npm start` does, in a temporary folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../graph/neo4j/config.ts';
import { ensureLauncherBuilt, startLocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';

const WARM_STARTS = 5;
const CLASS_ARCHIVE = fileURLToPath(
  new URL('../graph/neo4j-launcher/target/launcher.jsa', import.meta.url),
);

interface Run {
  label: string;
  ready: number;
  /** CPU seconds the JVM used up to ready: unlike wall time, barely moved by a busy machine. */
  cpu: number | null;
  stop: number;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** User plus system CPU seconds of a process so far, from /proc (Linux). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5), counted after the command name's closing parenthesis.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

async function measure(label: string, dataDir: string): Promise<Run> {
  const config = readConfig({
    GUATU_DATA_DIR: dataDir,
    GUATU_NEO4J_PORT: String(await freePort()),
  });
  if (config.mode !== 'local') throw new Error('expected a local configuration');
  const started = performance.now();
  const neo4j = await startLocalNeo4j(config.local);
  const ready = seconds(started);
  const cpu = cpuSeconds(neo4j.pid);
  const stopping = performance.now();
  await neo4j.stop();
  const run = { label, ready, cpu, stop: seconds(stopping) };
  console.error(
    `  ${label}: ready in ${run.ready.toFixed(2)} s (${run.cpu?.toFixed(1) ?? '?'} CPU s), stopped in ${run.stop.toFixed(2)} s`,
  );
  return run;
}

async function main(): Promise<void> {
  const building = performance.now();
  await ensureLauncherBuilt((line) => console.error(`  ${line}`));
  const build = seconds(building);
  const archived = existsSync(CLASS_ARCHIVE);

  const dataDir = await mkdtemp(join(tmpdir(), 'guatu-bench-'));
  const load = loadavg()[0] ?? 0;
  try {
    const runs = [await measure('first start (empty data folder)', dataDir)];
    for (let i = 1; i <= WARM_STARTS; i++) runs.push(await measure(`warm start ${i}`, dataDir));
    const warm = runs.slice(1);

    const rows = [
      ['run', 'start→ready (s)', 'JVM CPU to ready (s)', 'stop (s)'],
      ...runs.map((run) => [
        run.label,
        run.ready.toFixed(2),
        run.cpu?.toFixed(1) ?? '?',
        run.stop.toFixed(2),
      ]),
      [
        `warm, median of ${WARM_STARTS}`,
        median(warm.map((run) => run.ready)).toFixed(2),
        median(warm.map((run) => run.cpu ?? NaN)).toFixed(1),
        median(warm.map((run) => run.stop)).toFixed(2),
      ],
    ];
    const widths = [0, 1, 2, 3].map((column) =>
      Math.max(...rows.map((row) => (row[column] ?? '').length)),
    );
    const line = (row: string[]) =>
      `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
    console.log();
    console.log(line(rows[0] ?? []));
    const [first = 0, ...numeric] = widths;
    console.log(
      `| ${'-'.repeat(first)} | ${numeric.map((w) => `${'-'.repeat(w - 1)}:`).join(' | ')} |`,
    );
    for (const row of rows.slice(1)) console.log(line(row));
    console.log();
    console.log(
      `launcher build check ${build.toFixed(2)} s; class archive ${archived ? 'present' : 'recorded by the first run'}; ` +
        `${cpus().length} CPUs, load average ${load.toFixed(2)} at start; ${process.version}`,
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
