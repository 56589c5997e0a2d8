// One fuzzing thread: told a format and a seed, it builds that input and checks it, saying
// "started" first so that the main thread, should this one hang or die, knows which input did it.
import { parentPort } from 'node:worker_threads';
import fc from 'fast-check';
import { checkInput } from './check.ts';
import { seedFiles, type FuzzFormat, type SeedFile } from './corpus.ts';
import { buildInput, fuzzPlan, inputName, type FuzzPlan } from './mutate.ts';

export type Request = { format: FuzzFormat; seed: number; parse: boolean };
export type Reply =
  | { kind: 'started'; seed: number; plan: FuzzPlan; bytes: number }
  | { kind: 'done'; seed: number; ok: boolean; message?: string; ms: number; cpuMs: number };

const corpora = new Map<FuzzFormat, SeedFile[]>();
const warmed = new Set<FuzzFormat>();

/**
 * The first read of a format loads its reader's modules (PDF.js, ExcelJS) and the dictionaries:
 * done once on the seeds themselves, before any input is timed.
 */
async function warmUp(format: FuzzFormat, seeds: readonly SeedFile[]): Promise<void> {
  if (warmed.has(format)) return;
  warmed.add(format);
  for (const seed of seeds) await checkInput(seed.bytes, format, seed.name);
}

/** The plan a seed stands for: the same on every machine and every run. */
export function planFor(format: FuzzFormat, seed: number): FuzzPlan {
  let seeds = corpora.get(format);
  if (!seeds) {
    seeds = seedFiles(format);
    corpora.set(format, seeds);
  }
  const [plan] = fc.sample(fuzzPlan(format, seeds.length), { seed, numRuns: 1 });
  return plan as FuzzPlan;
}

parentPort?.on('message', (request: Request) => {
  void (async () => {
    const plan = planFor(request.format, request.seed);
    const seeds = corpora.get(request.format) as SeedFile[];
    await warmUp(request.format, seeds);
    const bytes = buildInput(plan, seeds);
    parentPort?.postMessage({
      kind: 'started',
      seed: request.seed,
      plan,
      bytes: bytes.length,
    } satisfies Reply);
    const started = performance.now();
    // The process's CPU time: this thread is the only one working (the main thread waits), so
    // on a machine shared with other work it says what the input cost where wall time cannot.
    const cpu = process.cpuUsage();
    const verdict = await checkInput(bytes, request.format, inputName(plan, seeds), {
      parse: request.parse,
    });
    const used = process.cpuUsage(cpu);
    const reply: Reply = {
      kind: 'done',
      seed: request.seed,
      ok: verdict.ok,
      ms: performance.now() - started,
      cpuMs: (used.user + used.system) / 1000,
    };
    if (!verdict.ok) reply.message = `${verdict.stage}: ${verdict.message}`;
    parentPort?.postMessage(reply);
  })();
});
