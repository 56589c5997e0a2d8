// `npx tsx bench/test-cpu.ts`: runs `npm test`'s lanes (scripts/test-lanes.ts) and says where the
// machine's CPU went, per lane and per kind of process (Neo4j's JVMs, Chromium, Node), sampled
// from /proc each second (Linux). On two cores a run that keeps both busy cannot be made shorter
// by moving files between lanes, only by doing less; one that leaves them idle can. Processes
// that end between two samples lose at most a second of their CPU here.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

interface Sample {
  parent: number;
  ticks: number;
  name: string;
}

/** Every process's parent, CPU ticks so far and command name. */
function processes(): Map<number, Sample> {
  const found = new Map<number, Sample>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      found.set(Number(entry), {
        parent: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
        name,
      });
    } catch {
      // Ended while read.
    }
  }
  return found;
}

/** The whole machine's busy and total ticks (first line of /proc/stat). */
function machine(): { busy: number; total: number } {
  const first = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = first.trim().split(/\s+/).slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

function kindOf(name: string): string {
  if (name === 'java') return 'Neo4j (java)';
  if (/chrom/i.test(name)) return 'Chromium';
  if (name === 'node' || name.startsWith('node ') || name === 'MainThread') return 'Node';
  return 'other';
}

/**
 * The lane's direct child a process descends from: a vitest worker, one per test file when files
 * are isolated (they are in the database lanes), so the k-th worker of a lane ran its k-th file.
 */
function workerOf(
  pid: number,
  table: Map<number, Sample>,
  lanes: Map<number, string>,
): number | null {
  for (let at: number | undefined = pid, steps = 0; at !== undefined && steps < 64; steps += 1) {
    const parent: number | undefined = table.get(at)?.parent;
    if (parent !== undefined && lanes.has(parent)) return at;
    at = parent;
  }
  return null;
}

/** The lane a process belongs to: the `--project NAME` of the vitest process above it. */
function laneOf(
  pid: number,
  table: Map<number, Sample>,
  lanes: Map<number, string>,
  runner: number,
): string | null {
  for (let at: number | undefined = pid, steps = 0; at !== undefined && steps < 64; steps += 1) {
    const lane = lanes.get(at);
    if (lane !== undefined) return lane;
    if (at === runner) return 'runner (web build)';
    at = table.get(at)?.parent;
    if (at === 0 || at === 1) return null;
  }
  return null;
}

const started = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test-lanes.ts'], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const lanes = new Map<number, string>();
const laneEnds = new Map<string, number>();
/** Per lane, its files in the order their results were printed. */
const fileOrder = new Map<string, string[]>();
child.stdout.setEncoding('utf8');
let rest = '';
child.stdout.on('data', (chunk: string) => {
  process.stdout.write(chunk);
  const lines = (rest + chunk).split('\n');
  rest = lines.pop() ?? '';
  for (const raw of lines) {
    // eslint-disable-next-line no-control-regex -- the colours vitest prints
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    const ended = /\[test\] lane (\S+) (?:passed|failed) in (\d+) s/.exec(line);
    if (ended?.[1] !== undefined) laneEnds.set(ended[1], Number(ended[2]));
    // A file's result, printed when it ends: `[lane]  ✓  lane  test/….test.ts (N tests) …`.
    const file = /^\[(\S+)\]\s+[✓×❯]\s+\S+\s+(test\/\S+\.test\.ts)/u.exec(line);
    if (file?.[1] !== undefined && file[2] !== undefined) {
      fileOrder.set(file[1], [...(fileOrder.get(file[1]) ?? []), file[2]]);
    }
  }
});

const seen = new Map<number, number>();
/** Per lane, its workers in the order they appeared, with the CPU of each and its descendants. */
const workers = new Map<
  string,
  { pid: number; name: string; cpu: number; java: number; chromium: number }[]
>();
const cpu = new Map<string, Map<string, number>>();
const before = machine();
let peakLoad = 0;

function sample(): void {
  const table = processes();
  for (const [pid, { parent }] of table) {
    if (lanes.has(pid) || parent !== child.pid) continue;
    try {
      const line = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const project = line[line.indexOf('--project') + 1];
      if (line.includes('--project') && project !== undefined) lanes.set(pid, project);
    } catch {
      // Ended while read.
    }
  }
  for (const [pid, info] of table) {
    const lane = laneOf(pid, table, lanes, child.pid ?? -1);
    if (lane === null) continue;
    const delta = info.ticks - (seen.get(pid) ?? 0);
    seen.set(pid, info.ticks);
    if (delta <= 0) continue;
    const kinds = cpu.get(lane) ?? new Map<string, number>();
    cpu.set(lane, kinds);
    const kind = kindOf(info.name);
    kinds.set(kind, (kinds.get(kind) ?? 0) + delta / CLOCK_TICKS);
    const worker = workerOf(pid, table, lanes);
    if (worker !== null) {
      const list = workers.get(lane) ?? [];
      workers.set(lane, list);
      let entry = list.find((candidate) => candidate.pid === worker);
      if (entry === undefined) {
        entry = { pid: worker, name: table.get(worker)?.name ?? '', cpu: 0, java: 0, chromium: 0 };
        list.push(entry);
      }
      entry.cpu += delta / CLOCK_TICKS;
      if (kind === 'Neo4j (java)') entry.java += delta / CLOCK_TICKS;
      if (kind === 'Chromium') entry.chromium += delta / CLOCK_TICKS;
    }
  }
  peakLoad = Math.max(peakLoad, Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
}

const timer = setInterval(sample, 1_000);
const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
clearInterval(timer);
const after = machine();
const wall = (performance.now() - started) / 1000;

const KINDS = ['Neo4j (java)', 'Chromium', 'Node', 'other'];
const rows = [...cpu.entries()].sort(([a], [b]) => a.localeCompare(b));
const total = (kinds: Map<string, number>) => [...kinds.values()].reduce((s, v) => s + v, 0);
console.log(`\n| lane | wall s | ${KINDS.join(' CPU s | ')} CPU s | all CPU s |`);
console.log(`| --- | --- | ${KINDS.map(() => '---').join(' | ')} | --- |`);
for (const [lane, kinds] of rows) {
  const figures = KINDS.map((kind) => (kinds.get(kind) ?? 0).toFixed(0));
  console.log(
    `| ${lane} | ${laneEnds.get(lane) ?? '–'} | ${figures.join(' | ')} | ${total(kinds).toFixed(0)} |`,
  );
}
// The heaviest files: a lane's k-th worker against its k-th reported file (workers and files
// both in order; a lane whose files share one worker, such as alone, shows as one).
// A database lane's Neo4j (test/global-setup.ts) is a child of the lane too, not a file's.
const perFile = [...workers.entries()].flatMap(([lane, list]) => {
  const files = list.filter((entry) => entry.name !== 'java');
  return list.map((entry) => ({
    lane,
    file:
      entry.name === 'java'
        ? "(the lane's Neo4j)"
        : files.length === 1
          ? '(all its files)'
          : (fileOrder.get(lane)?.[files.indexOf(entry)] ?? '?'),
    ...entry,
  }));
});
perFile.sort((a, b) => b.cpu - a.cpu);
console.log('\n| lane | file (by order) | CPU s | of which Neo4j | of which Chromium |');
console.log('| --- | --- | --- | --- | --- |');
for (const entry of perFile.slice(0, 25)) {
  console.log(
    `| ${entry.lane} | ${entry.file} | ${entry.cpu.toFixed(0)} | ${entry.java.toFixed(0)} | ${entry.chromium.toFixed(0)} |`,
  );
}
const ours = rows.reduce((sum, [, kinds]) => sum + total(kinds), 0);
const busy = (after.busy - before.busy) / (after.total - before.total);
console.log(
  `\nwall ${wall.toFixed(0)} s; the run's processes used ${ours.toFixed(0)} CPU s ` +
    `(${(ours / wall).toFixed(2)} of ${cpus().length} cores on average); the machine was ` +
    `${(busy * 100).toFixed(0)} % busy (all processes), peak load average ${peakLoad.toFixed(1)}; ` +
    `exit code ${code}`,
);
process.exitCode = code;
