// `npm test`: the suite's lanes (vitest.config.ts projects) as separate vitest processes side by
// side. One vitest process runs its projects one after another when files within a project must
// not overlap (fileParallelism: false applies to the whole pool), so the lanes are processes of
// their own; each still runs its files one at a time (a database lane against its own Neo4j).
// Arguments (a file, a filter) run one plain `vitest run` with them instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebOnce } from '../test/support/web-build.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

// A server named by NEO4J_URI is one database: its suites form one lane (vitest.config.ts).
const DATABASE_LANES = process.env['NEO4J_URI'] ? ['graph'] : ['graph', 'graph-2', 'graph-3'];
// Lanes without a browser, which start at once: suites starting Neo4js of their own, and those
// needing no database.
const EARLY_LANES = ['own-neo4j', 'alone'];
const LANES = [...DATABASE_LANES, ...EARLY_LANES];

function run(args: readonly string[], lane: string | null): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], {
      cwd: ROOT,
      env: process.env,
      stdio: lane === null ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    if (lane !== null) {
      // Whole lines, each marked with its lane, so three lanes' reports stay readable together.
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        let rest = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk: string) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const line of lines) out.write(`[${lane}] ${line}\n`);
        });
        stream?.on('end', () => {
          if (rest !== '') out.write(`[${lane}] ${rest}\n`);
        });
      }
    }
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

/** Says when a lane ends, and after how long: the figure to even the lanes out by. */
async function timed(lane: string, code: Promise<number>): Promise<number> {
  const started = performance.now();
  const result = await code;
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`[test] lane ${lane} ${result === 0 ? 'passed' : 'failed'} in ${seconds} s`);
  return result;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 0) return run(args, null);
  const started = performance.now();
  // The lanes without a browser start at once; the database lanes serve the web app to their
  // browser suites, so it is built once, before any of them (and they inherit GUATU_WEB_BUILT).
  const early = EARLY_LANES.map((lane) => timed(lane, run(['--project', lane], lane)));
  console.log(`[test] web app: ${await buildWebOnce()}`);
  const codes = await Promise.all([
    ...DATABASE_LANES.map((lane) => timed(lane, run(['--project', lane], lane))),
    ...early,
  ]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const failed = LANES.filter((_, index) => codes[index] !== 0);
  console.log(
    failed.length === 0
      ? `[test] every lane passed (${LANES.join(', ')}) in ${seconds} s`
      : `[test] failed: ${failed.join(', ')} (of ${LANES.join(', ')}) after ${seconds} s`,
  );
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
