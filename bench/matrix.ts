// How fast the responsibility matrix is at the size issue 15 names (100 units × 200 themes, 20,000
// cells), in the Chromium the tests use: building it from a plan's elements, ordering it (load,
// pinyin, clustered), drawing the table and the browser's layout of it; then the view itself —
// first draw, a selection, a new order — each until laid out. Prints the median of a few runs.
// `npx tsx bench/matrix.ts [units] [themes] [items per theme]`; MATRIX_CSS adds a stylesheet to
// the bare table's layout (to try one).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../test/web/browser.ts';
import { median } from './timing.ts';

const [units = 100, themes = 200, perTheme = 20] = process.argv.slice(2).map(Number);
const RUNS = 5;

interface StepRun {
  rows: number;
  columns: number;
  cells: number;
  edges: number;
  times: Record<string, number>;
}

/** The scene (web/bench/matrix-scene.ts) as one script for the page, `window.matrixScene`. */
async function bundle(): Promise<string> {
  const bundled = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('../web/bench/matrix-scene.ts', import.meta.url)),
        formats: ['iife'],
        name: 'matrixScene',
      },
    },
  });
  const outputs = Array.isArray(bundled) ? bundled : [bundled];
  return outputs
    .flatMap((output) => ('output' in output ? output.output : []))
    .map((chunk) => ('code' in chunk ? chunk.code : ''))
    .join('\n');
}

const code = await bundle();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
  await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
  await page.addScriptTag({ content: code });
  const size = [units, themes, perTheme, process.env['MATRIX_CSS'] ?? ''] as const;
  const steps: StepRun[] = [];
  const views: Record<string, number>[] = [];
  for (let at = 0; at < RUNS; at++) {
    steps.push(
      (await page.evaluate(`window.matrixScene.run(...${JSON.stringify(size)})`)) as StepRun,
    );
  }
  for (let at = 0; at < RUNS; at++) {
    views.push(
      (await page.evaluate(
        `window.matrixScene.runView(...${JSON.stringify(size.slice(0, 3))})`,
      )) as Record<string, number>,
    );
  }
  const first = steps[0];
  if (first === undefined) throw new Error('no run');
  console.log(
    `matrix of ${first.rows} units × ${first.columns} themes (${first.edges} assignments, ${first.cells} cells), median of ${RUNS} runs in Chromium:`,
  );
  const print = (step: string, values: number[]) =>
    console.log(`  ${step.padEnd(22)} ${median(values).toFixed(1)} ms`);
  for (const step of Object.keys(first.times))
    print(
      step,
      steps.map((run) => run.times[step] ?? NaN),
    );
  for (const step of Object.keys(views[0] ?? {}))
    print(
      step,
      views.map((run) => run[step] ?? NaN),
    );
} finally {
  await browser.close();
}
