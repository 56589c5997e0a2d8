// npm run fuzz -- [--minutes N] [--format F[,F…]] [--seed S] [--hang-ms MS] [--out DIR]
//                 [--readers-only] [--replay FORMAT:SEED]
// Long fuzzing runs of every reader (scripts/fuzz/): mutated fixtures, each checked on a worker
// thread that the main thread watches. Prints, per format, files tried and the rate, crashes
// (an exception, or a model without items and without an error saying why), slow inputs (still
// running after --hang-ms, default 2000, wall-clock: a busy machine makes more of them), inputs
// that cost more than --hang-ms of CPU time (what a quiet machine would take: the figure that
// holds on a shared one), hangs (still running after 30 s: the thread is stopped) and the
// process's peak RSS. Every failing input
// is saved outside the repository ($TMPDIR/guatu-fuzz/ unless --out) with its seed and plan;
// `--replay docx:123` runs one seed again in this thread, to debug it. --readers-only checks the
// readers' promise alone (text: the decoder), skipping the parser after them: several times faster.
// The minutes are shared among the formats. Exit 1 when anything failed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkInput } from './fuzz/check.ts';
import { FUZZ_FORMATS, seedFiles, type FuzzFormat } from './fuzz/corpus.ts';
import { buildInput, inputName, type FuzzPlan } from './fuzz/mutate.ts';
import { planFor, type Reply, type Request } from './fuzz/worker.ts';

interface Options {
  minutes: number;
  formats: FuzzFormat[];
  seed: number;
  hangMs: number;
  out: string;
  replay: { format: FuzzFormat; seed: number } | null;
  /** parseDocument after the reader (default); --readers-only skips it, for speed. */
  parse: boolean;
}

/** A hang is reported at hangMs; the thread is stopped at this, to learn whether it ever ends. */
const KILL_MS = 30_000;
const HEAP_MB = 2_048;
const MB = 1024 * 1024;

/** The input being checked (`format:seed`), so that the peak of memory can name one. */
let checking = '';

const isFormat = (text: string): text is FuzzFormat =>
  (FUZZ_FORMATS as readonly string[]).includes(text);

function readOptions(args: readonly string[]): Options {
  const options: Options = {
    minutes: 1,
    formats: [...FUZZ_FORMATS],
    seed: Date.now() % 1_000_000_000,
    hangMs: 2_000,
    out: join(process.env.TMPDIR ?? tmpdir(), 'guatu-fuzz'),
    replay: null,
    parse: true,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1] ?? '';
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${arg} needs a number, got "${value}"`);
      i++;
      return n;
    };
    if (arg === '--minutes') options.minutes = number();
    else if (arg === '--seed') options.seed = Math.floor(number());
    else if (arg === '--hang-ms') options.hangMs = number();
    else if (arg === '--readers-only') options.parse = false;
    else if (arg === '--out') {
      options.out = value;
      i++;
    } else if (arg === '--format') {
      const formats = value.split(',');
      const wrong = formats.filter((f) => !isFormat(f));
      if (wrong.length > 0)
        throw new Error(`unknown format ${wrong.join(', ')}; one of ${FUZZ_FORMATS.join(', ')}`);
      options.formats = formats as FuzzFormat[];
      i++;
    } else if (arg === '--replay') {
      const [format = '', seed = ''] = value.split(':');
      if (!isFormat(format) || !/^\d+$/.test(seed))
        throw new Error('--replay needs FORMAT:SEED, e.g. docx:123');
      options.replay = { format, seed: Number(seed) };
      i++;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

interface Tally {
  tried: number;
  crashes: number;
  slow: number;
  hangs: number;
  slowestMs: number;
  slowestSeed: number | null;
  /** Inputs that took more than hangMs of CPU time. */
  costly: number;
  costliestCpuMs: number;
  costliestSeed: number | null;
  bytes: number;
}

const EXTENSION: Record<FuzzFormat, string> = {
  text: 'txt',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  html: 'html',
  pdf: 'pdf',
  zip: 'zip',
};

function save(out: string, format: FuzzFormat, seed: number, plan: FuzzPlan, what: string): string {
  mkdirSync(out, { recursive: true });
  const seeds = seedFiles(format);
  const base = join(out, `${format}-${seed}`);
  const ext =
    format === 'zip' ? (inputName(plan, seeds).split('.').pop() ?? 'zip') : EXTENSION[format];
  writeFileSync(`${base}.${ext}`, buildInput(plan, seeds));
  writeFileSync(
    `${base}.json`,
    `${JSON.stringify({ format, seed, replay: `npm run fuzz -- --replay ${format}:${seed}`, what, plan }, null, 2)}\n`,
  );
  return `${base}.${ext}`;
}

/** Fuzzes one format for `ms`, one worker thread at a time (a hung or dead one is replaced). */
async function fuzzFormat(
  format: FuzzFormat,
  ms: number,
  options: Options,
  seedBase: number,
): Promise<Tally> {
  const tally: Tally = {
    tried: 0,
    crashes: 0,
    slow: 0,
    hangs: 0,
    slowestMs: 0,
    slowestSeed: null,
    costly: 0,
    costliestCpuMs: 0,
    costliestSeed: null,
    bytes: 0,
  };
  const until = Date.now() + ms;
  let seed = seedBase;
  const say = (line: string) => console.error(`[fuzz ${format}] ${line}`);

  while (Date.now() < until) {
    const worker = new Worker(new URL('./fuzz/thread.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
    });
    // One worker runs until it hangs, dies, or time is up.
    await new Promise<void>((resolve) => {
      let current: { seed: number; plan: FuzzPlan | null; startedAt: number } | null = null;
      let hangTimer: NodeJS.Timeout | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      let hung = false;
      const next = () => {
        if (Date.now() >= until) {
          void worker.terminate();
          return;
        }
        current = { seed, plan: null, startedAt: Date.now() };
        checking = `${format}:${seed}`;
        hung = false;
        worker.postMessage({ format, seed, parse: options.parse } satisfies Request);
        seed += 1;
      };
      const clearTimers = () => {
        clearTimeout(hangTimer);
        clearTimeout(killTimer);
      };
      worker.on('message', (reply: Reply) => {
        if (current === null || reply.seed !== current.seed) return;
        if (reply.kind === 'started') {
          current.plan = reply.plan;
          current.startedAt = Date.now();
          tally.bytes += reply.bytes;
          const watched = current;
          hangTimer = setTimeout(() => {
            hung = true;
            tally.slow += 1;
            const file = save(
              options.out,
              format,
              watched.seed,
              reply.plan,
              `slow: still running after ${options.hangMs} ms`,
            );
            say(`SLOW seed ${watched.seed} (${reply.bytes} bytes) → ${file}`);
          }, options.hangMs);
          killTimer = setTimeout(() => {
            tally.hangs += 1;
            say(
              `HANG seed ${watched.seed}: still running after ${KILL_MS / 1000} s, thread stopped`,
            );
            void worker.terminate();
          }, KILL_MS);
          return;
        }
        clearTimers();
        tally.tried += 1;
        if (reply.ms > tally.slowestMs) {
          tally.slowestMs = reply.ms;
          tally.slowestSeed = reply.seed;
        }
        if (reply.cpuMs > tally.costliestCpuMs) {
          tally.costliestCpuMs = reply.cpuMs;
          tally.costliestSeed = reply.seed;
        }
        if (reply.cpuMs > options.hangMs) {
          tally.costly += 1;
          say(`COSTLY seed ${reply.seed}: ${(reply.cpuMs / 1000).toFixed(1)} s of CPU`);
        }
        if (hung) say(`seed ${reply.seed} did end, after ${(reply.ms / 1000).toFixed(1)} s`);
        if (!reply.ok && current.plan) {
          tally.crashes += 1;
          const file = save(
            options.out,
            format,
            reply.seed,
            current.plan,
            reply.message ?? 'failed',
          );
          say(`CRASH seed ${reply.seed}: ${(reply.message ?? '').split('\n')[0]} → ${file}`);
        }
        next();
      });
      worker.on('error', (error) => {
        clearTimers();
        if (current?.plan) {
          tally.crashes += 1;
          tally.tried += 1;
          const file = save(
            options.out,
            format,
            current.seed,
            current.plan,
            `thread died: ${error.message}`,
          );
          say(`CRASH seed ${current.seed}: thread died (${error.message}) → ${file}`);
        }
      });
      worker.on('exit', () => {
        clearTimers();
        if (hung && current) tally.tried += 1;
        resolve();
      });
      next();
    });
  }
  return tally;
}

async function replay(format: FuzzFormat, seed: number): Promise<number> {
  const plan = planFor(format, seed);
  const seeds = seedFiles(format);
  const bytes = buildInput(plan, seeds);
  console.log(JSON.stringify(plan));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const verdict = await checkInput(bytes, format, inputName(plan, seeds));
  const used = process.cpuUsage(cpu);
  console.log(
    `${bytes.length} bytes, ${(performance.now() - started).toFixed(0)} ms, ` +
      `${((used.user + used.system) / 1000).toFixed(0)} ms of CPU:`,
    verdict,
  );
  return verdict.ok ? 0 : 1;
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (options.replay) return replay(options.replay.format, options.replay.seed);

  let peakRss = process.memoryUsage.rss();
  let peakWhile = '';
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) {
      peakRss = rss;
      peakWhile = checking;
    }
  }, 100);
  const share = (options.minutes * 60_000) / options.formats.length;
  console.error(
    `[fuzz] ${options.formats.join(', ')} for ${options.minutes} min (${(share / 1000).toFixed(0)} s each), ` +
      `seeds from ${options.seed}, hang after ${options.hangMs} ms, ` +
      `${options.parse ? 'reader and parser' : 'readers only'}, failures to ${options.out}`,
  );
  const rows: string[] = [];
  let failures = 0;
  for (const format of options.formats) {
    const started = Date.now();
    const tally = await fuzzFormat(format, share, options, options.seed);
    const seconds = (Date.now() - started) / 1000;
    failures += tally.crashes + tally.hangs;
    rows.push(
      [
        format.padEnd(5),
        String(tally.tried).padStart(9),
        (tally.tried / seconds).toFixed(1).padStart(8),
        String(tally.crashes).padStart(7),
        String(tally.slow).padStart(4),
        String(tally.hangs).padStart(5),
        `${tally.slowestMs.toFixed(0)} ms (seed ${tally.slowestSeed ?? '-'})`.padStart(24),
        String(tally.costly).padStart(7),
        `${tally.costliestCpuMs.toFixed(0)} ms (seed ${tally.costliestSeed ?? '-'})`.padStart(24),
        `${(tally.bytes / Math.max(1, tally.tried) / 1024).toFixed(0)} KiB`.padStart(9),
      ].join('  '),
    );
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  clearInterval(sampler);
  console.log(
    `format      files    files/s  crashes  slow  hangs            slowest input  costly       costliest (CPU)  mean size`,
  );
  for (const row of rows) console.log(row);
  console.log(
    `peak RSS ${(peakRss / MB).toFixed(0)} MB${peakWhile ? ` (reached while checking ${peakWhile})` : ''}; ` +
      `seeds ${options.seed}…; failing inputs in ${options.out}`,
  );
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
