// npm run bench:web
// The explorer in headless Chromium (Debian's, flags in test/web/browser.ts): navigation to the
// first drawn graph for the seed, the JavaScript the first screen loads (gzipped), and frames per
// second while panning and zooming, for the seed and for a synthetic 5,000-node / 20,000-edge
// graph, with Cytoscape's canvas renderer and its experimental WebGL renderer side by side.
// Neo4j: the server NEO4J_URI names, or a throwaway local one in a temporary folder.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../graph/neo4j/config.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../graph/neo4j/launcher.ts';
import { freePort } from '../graph/neo4j/ports.ts';
import {
  ARTIFACTS,
  buildWeb,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  launchChromium,
  serveExplorer,
  waitForExpression,
} from '../test/web/browser.ts';

/** Cold loads of the first screen (a fresh browser context each: empty cache). */
const LOADS = 7;
/** How long each pan-and-zoom run lasts, in ms. */
const FPS_MS = 3_000;
const SYNTHETIC = { nodes: 5_000, edges: 20_000 };

const say = (line: string) => console.error(`[bench:web] ${line}`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

async function neo4jForBench(): Promise<{ stop: () => Promise<void> }> {
  if (process.env['NEO4J_URI']) return { stop: async () => {} };
  const dataDir = await mkdtemp(join(tmpdir(), 'guatu-bench-web-'));
  const configured = readConfig({
    GUATU_DATA_DIR: dataDir,
    GUATU_NEO4J_PORT: String(await freePort()),
    GUATU_NEO4J_PASSWORD: `guatu-bench-${randomBytes(6).toString('hex')}`,
    GUATU_NEO4J_PAGECACHE: '128m',
  });
  if (configured.mode !== 'local') throw new Error('expected a local configuration');
  let local: LocalNeo4j;
  try {
    local = await startLocalNeo4j(configured.local, { log: say });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  // Everything built on config() reads these; set before the driver is first asked for.
  process.env['NEO4J_URI'] = configured.connection.uri;
  process.env['NEO4J_USERNAME'] = configured.connection.username;
  process.env['NEO4J_PASSWORD'] = configured.connection.password;
  process.env['NEO4J_DATABASE'] = configured.connection.database;
  return {
    stop: async () => {
      await local.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** True once the app has drawn the plan (the hook is set by the Cytoscape controller). */
const FIRST_DRAWN = `typeof window.__guatu?.firstDraw === 'number'`;

/** What draws WebGL here: SwiftShader (software) when the GPU is off. */
const WEBGL_RENDERER = `(() => {
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
  return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL2';
})()`;

interface FirstScreen {
  firstDrawMs: number;
  scripts: { url: string; bytes: number; gzipped: number }[];
}

/** One cold load: ms from navigation start to the first drawn graph, and the JS loaded by then. */
async function firstScreen(browser: Browser, url: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const page = await context.newPage();
  const bodies = new Map<string, Buffer>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      response.body().then(
        (body) => bodies.set(response.url(), body),
        () => {},
      );
    }
  });
  await page.goto(url);
  await waitForExpression(page, FIRST_DRAWN, 60_000);
  const firstDrawMs = (await page.evaluate('window.__guatu.firstDraw')) as number;
  // Scripts whose download ended before the graph was drawn: what the first screen needed.
  const loaded = (await page.evaluate(`performance
    .getEntriesByType('resource')
    .filter((entry) => /\\.m?js(\\?|$)/.test(entry.name) && entry.responseEnd <= ${firstDrawMs})
    .map((entry) => entry.name)`)) as string[];
  await page.waitForTimeout(200);
  const scripts = loaded.map((name) => {
    const body = bodies.get(name) ?? Buffer.alloc(0);
    return { url: new URL(name).pathname, bytes: body.length, gzipped: gzipSync(body).length };
  });
  await context.close();
  return { firstDrawMs, scripts };
}

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
async function attempt<T>(work: () => Promise<T>): Promise<T | string> {
  try {
    return await work();
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

async function fpsRuns(browser: Browser, base: string): Promise<Record<string, RendererRun>> {
  const results: Record<string, RendererRun> = {};
  for (const renderer of ['canvas', 'webgl'] as const) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    page.on('crash', () => say(`${renderer}: the page crashed`));
    page.on('pageerror', (error) => say(`${renderer}: page error: ${error.message}`));
    await page.goto(`${base}/${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
    await waitForExpression(page, FIRST_DRAWN);
    if (renderer === 'webgl') say(`WebGL: ${String(await page.evaluate(WEBGL_RENDERER))}`);
    await attempt(() => panAndZoom(page, 500));
    const seed = await attempt(() => panAndZoom(page, FPS_MS));
    const syntheticDrawMs = await attempt(() => loadSynthetic(page, SYNTHETIC));
    const synthetic =
      typeof syntheticDrawMs === 'number'
        ? await attempt(() => panAndZoom(page, FPS_MS))
        : 'not measured: the graph did not load';
    results[renderer] = { seed, synthetic, syntheticDrawMs };
    await page.close().catch(() => {});
  }
  return results;
}

async function main(): Promise<void> {
  const neo4j = await neo4jForBench();
  const { connection, getDriver, closeDriver } = await import('../graph/neo4j/database.ts');
  const { ensureSeedLoaded } = await import('../graph/load/seed.ts');
  let browser: Browser | null = null;
  let server: Awaited<ReturnType<typeof serveExplorer>> | null = null;
  try {
    const driver = getDriver();
    const { database } = connection();
    say(`web app: ${await buildWeb()}`);
    await ensureSeedLoaded(driver, { database, log: say });
    server = await serveExplorer(driver, database);
    browser = await launchChromium();
    say(`Chromium ${browser.version()} at ${CHROMIUM_PATH}, flags: ${CHROMIUM_ARGS.join(' ')}`);

    // A first load warms the server and Neo4j's caches; it is not counted.
    await firstScreen(browser, `${server.url}/`);
    const loads: FirstScreen[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await firstScreen(browser, `${server.url}/`));
    const times = loads.map((load) => load.firstDrawMs);
    const scripts = loads[0]?.scripts ?? [];
    const gzipped = scripts.reduce((sum, script) => sum + script.gzipped, 0);
    const raw = scripts.reduce((sum, script) => sum + script.bytes, 0);
    console.log(
      `first drawn graph (seed, cold cache, ${LOADS} loads): median ${median(times).toFixed(0)} ms, ` +
        `best ${Math.min(...times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`,
    );
    console.log(
      `first-screen JS: ${(gzipped / 1024).toFixed(1)} KiB gzipped (${(raw / 1024).toFixed(1)} KiB raw) ` +
        `in ${scripts.length} file(s): ${scripts.map((s) => s.url).join(', ')}`,
    );

    const fps = await fpsRuns(browser, server.url);
    console.log('pan and zoom, 3 s each         frames/s (page)   drawn/s (Cytoscape)');
    for (const [renderer, result] of Object.entries(fps)) {
      for (const graph of ['seed', 'synthetic'] as const) {
        const run = result[graph];
        if (typeof run === 'string') {
          console.log(`${`${renderer} ${graph}`.padEnd(34)}${run}`);
          continue;
        }
        const label = `${renderer} ${graph} (${run.nodes} n / ${run.edges} e)`;
        const drawn = run.drawFps?.toFixed(1) ?? 'n/a';
        console.log(
          `${label.padEnd(34)}${run.frameFps.toFixed(1).padStart(8)}${drawn.padStart(18)}`,
        );
      }
      const ms = result.syntheticDrawMs;
      console.log(
        `${renderer}: synthetic graph added and first drawn: ${typeof ms === 'number' ? `${ms.toFixed(0)} ms` : ms}`,
      );
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const report = {
      chromium: browser.version(),
      flags: CHROMIUM_ARGS,
      firstDrawMs: { median: median(times), all: times },
      firstScreenJs: { gzippedBytes: gzipped, rawBytes: raw, scripts },
      fps,
    };
    writeFileSync(join(ARTIFACTS, 'bench-web.json'), `${JSON.stringify(report, null, 2)}\n`);
    say(`report written to ${join(ARTIFACTS, 'bench-web.json')}`);
  } finally {
    await browser?.close();
    await server?.close();
    await closeDriver();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
