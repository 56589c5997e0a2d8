// The frame-rate part of bench:web (bench/web.ts): frames per second while panning and zooming
// the seed with Cytoscape's canvas renderer; with BENCH_FPS=all also a synthetic 5,000-node /
// 20,000-edge graph and the experimental WebGL renderer (software WebGL here: seconds a frame, so
// left out by default). Each step has a time limit and the part a deadline, so it ends within
// its share of the bench whatever the renderer does.
import type { Browser, Page } from 'playwright-core';
import { waitForExpression } from '../test/web/browser.ts';
import { FIRST_DRAWN } from './web-interactions.ts';

/** How long each pan-and-zoom run lasts, in ms. */
const FPS_MS = 2_000;
/** The most one step (a page load, a graph added, a run) may take. */
const STEP_LIMIT_MS = 20_000;
const SYNTHETIC = { nodes: 5_000, edges: 20_000 };

/** What draws WebGL here: SwiftShader (software) when the GPU is off. */
export const WEBGL_RENDERER = `(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL2';
})()`;

interface Fps {
  /** Animation frames the page got (main thread free to run one). */
  frameFps: number;
  /** Frames Cytoscape drew (null: the renderer does not say). */
  drawFps: number | null;
  nodes: number;
  edges: number;
}

// The code run in the page is kept as text: it is checked by the browser, not against Node's
// types, and tsx would otherwise wrap its inner functions in a helper (`__name`) the page lacks.

/** Pans in a circle and zooms in and out for a given time, counting frames. */
const PAN_AND_ZOOM = `async (duration) => {
  const cy = window.__guatu.cy;
  cy.fit(undefined, 20);
  const base = cy.zoom();
  const centre = { x: cy.width() / 2, y: cy.height() / 2 };
  let draws = 0;
  const counted = () => { draws++; };
  cy.on('render', counted);
  let frames = 0;
  const start = performance.now();
  await new Promise((resolve) => {
    const step = (now) => {
      const t = now - start;
      frames++;
      cy.panBy({ x: Math.cos(t / 250) * 8, y: Math.sin(t / 250) * 8 });
      cy.zoom({ level: base * (1.2 + 0.5 * Math.sin(t / 600)), renderedPosition: centre });
      if (t < duration) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  cy.off('render', counted);
  const seconds = (performance.now() - start) / 1000;
  // The WebGL renderer emits no render events: its drawn frames cannot be counted this way.
  return { frameFps: frames / seconds, drawFps: draws > 0 ? draws / seconds : null, nodes: cy.nodes().length, edges: cy.edges().length };
}`;

function panAndZoom(page: Page, ms: number): Promise<Fps> {
  return page.evaluate(`(${PAN_AND_ZOOM})(${ms})`) as Promise<Fps>;
}

/**
 * Replaces what the canvas holds with a synthetic graph made in the page from a fixed seed: a
 * fifth of the nodes units, the rest items, edges from units to items, styled by the app's own
 * stylesheet. Resolves to the ms it took to add and draw.
 */
const SYNTHETIC_GRAPH = `async ({ nodes, edges }) => {
  const cy = window.__guatu.cy;
  let state = 20220303;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const units = Math.floor(nodes / 5);
  const side = Math.sqrt(nodes) * 60;
  const elements = [];
  for (let i = 0; i < nodes; i++) {
    const unit = i < units;
    elements.push({
      group: 'nodes',
      data: {
        id: 'n' + i,
        kind: unit ? 'unit' : 'task',
        display: (unit ? '单位' : '事项') + i,
        size: unit ? 16 + Math.floor(random() * 40) : 12,
        category: 'government-department',
        collective: false,
      },
      position: { x: random() * side * 1.6, y: random() * side },
    });
  }
  for (let j = 0; j < edges; j++) {
    const lead = random() < 0.5;
    elements.push({
      group: 'edges',
      data: {
        id: 'e' + j,
        source: 'n' + Math.floor(random() * units),
        target: 'n' + (units + Math.floor(random() * (nodes - units))),
        type: lead ? 'LEADS' : 'SUPPORTS',
        inferred: lead && random() < 0.2,
      },
    });
  }
  const start = performance.now();
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  cy.fit(undefined, 20);
  await new Promise((resolve) => cy.one('render', () => resolve()));
  return performance.now() - start;
}`;

function loadSynthetic(page: Page, size: { nodes: number; edges: number }): Promise<number> {
  return page.evaluate(`(${SYNTHETIC_GRAPH})(${JSON.stringify(size)})`) as Promise<number>;
}

interface RendererRun {
  seed: Fps | string;
  synthetic: Fps | string;
  syntheticDrawMs: number | string;
}

/** A measurement, or what stopped it (a crashed page, a timeout), so one failure spares the rest. */
export async function attempt<T>(work: () => Promise<T>): Promise<T | string> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OverTime) return error.message;
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** A step stopped or skipped for time: said as it is, not as a failure. */
export class OverTime extends Error {}

export interface FpsOptions {
  /** Also the synthetic graph and the WebGL renderer. */
  all: boolean;
  /** performance.now() past which no step starts. */
  deadline: number;
  say: (line: string) => void;
}

/**
 * Runs a step for at most `ms`; past that the page is closed (which ends whatever it was
 * evaluating) and the step fails, so a renderer that takes seconds a frame cannot hold the bench.
 */
export async function limited<T>(
  page: Page,
  ms: number,
  deadline: number,
  work: () => Promise<T>,
): Promise<T> {
  if (performance.now() > deadline) throw new OverTime('skipped: the bench is out of time');
  let timer: NodeJS.Timeout | undefined;
  const overTime = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page.close().catch(() => {});
      reject(new OverTime(`stopped after ${ms / 1000} s`));
    }, ms);
  });
  try {
    return await Promise.race([work(), overTime]);
  } finally {
    clearTimeout(timer);
  }
}

export type FpsResults = Record<string, RendererRun>;

export async function fpsRuns(
  browser: Browser,
  base: string,
  options: FpsOptions,
): Promise<FpsResults> {
  const { say } = options;
  const results: FpsResults = {};
  const skipped = 'not measured (BENCH_FPS=all measures it)';
  for (const renderer of options.all ? (['canvas', 'webgl'] as const) : (['canvas'] as const)) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    page.on('crash', () => say(`${renderer}: the page crashed`));
    page.on('pageerror', (error) => say(`${renderer}: page error: ${error.message}`));
    const step = <T>(work: () => Promise<T>): Promise<T | string> =>
      page.isClosed()
        ? Promise.resolve('not measured: a step before it was stopped')
        : attempt(() => limited(page, STEP_LIMIT_MS, options.deadline, work));
    const loaded = await step(async () => {
      await page.goto(`${base}/${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
      await waitForExpression(page, FIRST_DRAWN, STEP_LIMIT_MS);
      if (renderer === 'webgl') say(`WebGL: ${String(await page.evaluate(WEBGL_RENDERER))}`);
      await panAndZoom(page, 300);
    });
    const notLoaded = typeof loaded === 'string' ? loaded : null;
    const seed = notLoaded ?? (await step(() => panAndZoom(page, FPS_MS)));
    const syntheticDrawMs = !options.all
      ? skipped
      : (notLoaded ?? (await step(() => loadSynthetic(page, SYNTHETIC))));
    const synthetic =
      typeof syntheticDrawMs === 'number'
        ? await step(() => panAndZoom(page, FPS_MS))
        : syntheticDrawMs;
    results[renderer] = { seed, synthetic, syntheticDrawMs };
    await page.close().catch(() => {});
  }
  return results;
}

/** The frame rates as lines under a heading. */
export function fpsLines(results: FpsResults, load: string): string[] {
  const lines = [
    `pan and zoom, ${FPS_MS / 1000} s each (${load})`.padEnd(34) +
      '  frames/s (page)   drawn/s (Cytoscape)',
  ];
  for (const [renderer, result] of Object.entries(results)) {
    for (const graph of ['seed', 'synthetic'] as const) {
      const run = result[graph];
      if (typeof run === 'string') {
        lines.push(`${`${renderer} ${graph}`.padEnd(34)}${run}`);
        continue;
      }
      const label = `${renderer} ${graph} (${run.nodes} n / ${run.edges} e)`;
      const drawn = run.drawFps?.toFixed(1) ?? 'n/a';
      lines.push(`${label.padEnd(34)}${run.frameFps.toFixed(1).padStart(8)}${drawn.padStart(18)}`);
    }
    const ms = result.syntheticDrawMs;
    if (typeof ms === 'number') {
      lines.push(`${renderer}: synthetic graph added and first drawn: ${ms.toFixed(0)} ms`);
    }
  }
  return lines;
}
