// `npm test`: the suite's lanes (vitest.config.ts projects) as separate vitest processes side by
// side. One vitest process runs its projects one after another when files within a project must
// not overlap (fileParallelism: false applies to the whole pool), so the lanes are processes of
// their own; each still runs its files one at a time against its own Neo4j. Arguments (a file, a
// filter) run one plain `vitest run` with them instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildWebOnce } from '../test/support/web-build.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

// A server named by NEO4J_URI is one database: its suites form one lane (vitest.config.ts).
const LANES = process.env['NEO4J_URI'] ? ['graph', 'alone'] : ['graph', 'graph-2', 'alone'];

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

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length > 0) return run(args, null);
  const started = performance.now();
  // The lane without a browser starts at once; both database lanes serve the web app to their
  // browser suites, so it is built once, before either (and they inherit GUATU_WEB_BUILT).
  const alone = run(['--project', 'alone'], 'alone');
  console.log(`[test] web app: ${await buildWebOnce()}`);
  const databaseLanes = LANES.filter((lane) => lane !== 'alone');
  const codes = await Promise.all([
    ...databaseLanes.map((lane) => run(['--project', lane], lane)),
    alone,
  ]);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const lanes = [...databaseLanes, 'alone'];
  const failed = lanes.filter((_, index) => codes[index] !== 0);
  console.log(
    failed.length === 0
      ? `[test] every lane passed (${LANES.join(', ')}) in ${seconds} s`
      : `[test] failed: ${failed.join(', ')} (of ${LANES.join(', ')}) after ${seconds} s`,
  );
  return failed.length === 0 ? 0 : 1;
}

process.exitCode = await main();
