// npm run bench:web
// The explorer in headless Chromium (Debian's, flags in test/web/browser.ts), served as `npm start`
// serves it (graph/cli/serve.ts: warmed before it listens):
//  - navigation to the first drawn graph for the seed, its phases (the plan's answer received,
//    its elements handed to Cytoscape, the first frame drawn) and the main thread's CPU time by
//    then (which a busy machine inflates less than the wall clock), and the JavaScript the first
//    screen loads;
//  - per interaction (search, select a unit, open a ranking, toggle a filter, switch language),
//    the time from the input event to the frame that shows its result: cold (its first time in
//    a fresh page) and warm (repeated in the same page), median and worst;
//  - frames per second while panning and zooming, for the seed and for a synthetic 5,000-node /
//    20,000-edge graph, with Cytoscape's canvas and experimental WebGL renderers. Each step has a
//    time limit and the whole part a budget, so the bench ends within minutes whatever the
//    renderer does (software WebGL can take seconds a frame).
// Neo4j: the server NEO4J_URI names, or a throwaway local one in a temporary folder.
// Builds side by side: `npx tsx bench/web.ts DIST_A DIST_B …` serves each built web app (e.g. the
// one HEAD built and this one) from its own server over the same Neo4j and alternates between
// them — a cold load of each in turn, a page of interactions of each in turn — so a busy machine
// weighs on both alike; the frame-rate part is then left out. Every figure is printed with the
// load average of the time (1 minute).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { ServerHandle } from '../graph/api/server.ts';
import { neo4jForBench } from './bench-neo4j.ts';
import {
  ARTIFACTS,
  buildWeb,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  launchChromium,
  waitForExpression,
} from '../test/web/browser.ts';

/** Cold loads of the first screen (a fresh browser context each: empty cache). */
const LOADS = 5;
/** Fresh pages in which each interaction is timed: once cold, then WARM_REPEATS times warm. */
const PAGES = 3;
const WARM_REPEATS = 3;
/** How long each pan-and-zoom run lasts, in ms. */
const FPS_MS = 3_000;
/** The most one frame-rate step (a page load, a graph added, a run) may take. */
const FPS_STEP_LIMIT_MS = 25_000;
/** The frame-rate part is skipped, step by step, once the bench has run this long. */
const BUDGET_MS = 4 * 60_000;
/** No further cold load is timed (beyond two) once the bench has run this long. */
const LOADS_BUDGET_MS = 2 * 60_000;
/** No further page of interactions is started once the bench has run this long. */
const INTERACTIONS_BUDGET_MS = 3 * 60_000;
const SYNTHETIC = { nodes: 5_000, edges: 20_000 };
const benchStarted = performance.now();
const elapsed = () => performance.now() - benchStarted;

const say = (line: string) => console.error(`[bench:web] ${line}`);
/** The machine's load average over the last minute, printed beside every figure. */
const load = () => `load ${loadavg()[0]?.toFixed(1) ?? '?'}`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
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
  /** ms from navigation start to each of the app's marks (see web/src), NaN when missing. */
  phases: Record<Phase, number>;
  /** CPU time of the page's main thread from navigation to the first drawn graph. */
  mainThreadCpuMs: number;
  scripts: { url: string; bytes: number; gzipped: number }[];
}

/** The app's performance marks on the way to the first drawn graph, in order. */
const PHASES = [
  'gt-plan-received',
  'gt-elements-ready',
  'gt-elements-added',
  'gt-first-draw',
] as const;
type Phase = (typeof PHASES)[number];

/** One cold load: ms from navigation start to the first drawn graph, and the JS loaded by then. */
async function firstScreen(browser: Browser, url: string): Promise<FirstScreen> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
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
  // Read at once, before anything else runs in the page: ThreadTime counts since the page began.
  const { metrics } = await cdp.send('Performance.getMetrics');
  const threadSeconds = metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN;
  const marks = (await page.evaluate(
    `Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]))`,
  )) as Record<string, number>;
  const phases = Object.fromEntries(PHASES.map((name) => [name, marks[name] ?? NaN])) as Record<
    Phase,
    number
  >;
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
  return { firstDrawMs, phases, mainThreadCpuMs: threadSeconds * 1000, scripts };
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
    if (error instanceof OverTime) return error.message;
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** A step stopped or skipped for time: said as it is, not as a failure. */
class OverTime extends Error {}

/**
 * Runs a step for at most `ms`; past that the page is closed (which ends whatever it was
 * evaluating) and the step fails, so a renderer that takes seconds a frame cannot hold the bench.
 */
async function limited<T>(page: Page, ms: number, work: () => Promise<T>): Promise<T> {
  if (elapsed() > BUDGET_MS) throw new OverTime('skipped: the bench is over its time budget');
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

async function fpsRuns(browser: Browser, base: string): Promise<Record<string, RendererRun>> {
  const results: Record<string, RendererRun> = {};
  for (const renderer of ['canvas', 'webgl'] as const) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
    page.on('crash', () => say(`${renderer}: the page crashed`));
    page.on('pageerror', (error) => say(`${renderer}: page error: ${error.message}`));
    const step = <T>(work: () => Promise<T>): Promise<T | string> =>
      page.isClosed()
        ? Promise.resolve('not measured: a step before it was stopped')
        : attempt(() => limited(page, FPS_STEP_LIMIT_MS, work));
    const loaded = await step(async () => {
      await page.goto(`${base}/${renderer === 'webgl' ? '?renderer=webgl' : ''}`);
      await waitForExpression(page, FIRST_DRAWN, FPS_STEP_LIMIT_MS);
      if (renderer === 'webgl') say(`WebGL: ${String(await page.evaluate(WEBGL_RENDERER))}`);
      await panAndZoom(page, 500);
    });
    const notLoaded = typeof loaded === 'string' ? loaded : null;
    const seed = notLoaded ?? (await step(() => panAndZoom(page, FPS_MS)));
    const syntheticDrawMs = notLoaded ?? (await step(() => loadSynthetic(page, SYNTHETIC)));
    const synthetic =
      typeof syntheticDrawMs === 'number'
        ? await step(() => panAndZoom(page, FPS_MS))
        : syntheticDrawMs;
    results[renderer] = { seed, synthetic, syntheticDrawMs };
    say(`frame rates: ${renderer} done at ${(elapsed() / 1000).toFixed(0)} s`);
    await page.close().catch(() => {});
  }
  return results;
}

// ── Interactions ────────────────────────────────────────────────────────────────────────────
// Each is timed in the page: from the input event's own timestamp (a capture listener on the
// window keeps the last keydown or pointerdown) to the frame that shows the result — for what is
// drawn in the DOM, the first animation frame in which it is there; for the canvas, the first
// Cytoscape render that shows it.

/** Finds the first element matching a selector anywhere in the page, shadow roots included. */
const DEEP = `(selector) => {
  const walk = (root) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        const inner = walk(element.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  return walk(document);
}`;

const INSTALL = `(() => {
  if (window.__bench) return;
  const deep = ${DEEP};
  const bench = { input: 0, deep };
  for (const type of ['keydown', 'pointerdown']) {
    window.addEventListener(type, (event) => { bench.input = event.timeStamp; }, { capture: true });
  }
  // Resolves with ms from the last input to the frame showing the result, or -1 after 15 s.
  bench.watch = (dom, canvas) => new Promise((resolve) => {
    const started = performance.now();
    let domAt = dom ? 0 : -1;
    let canvasAt = canvas ? 0 : -1;
    const cy = window.__guatu && window.__guatu.cy;
    const settle = () => {
      if (domAt !== 0 && canvasAt !== 0) {
        cy && cy.off('render', onRender);
        resolve(Math.max(domAt, canvasAt) - bench.input);
        return true;
      }
      return false;
    };
    const ok = (test) => { try { return Boolean(test(deep, window.__guatu && window.__guatu.cy)); } catch { return false; } };
    const onRender = () => {
      if (canvasAt === 0 && ok(canvas)) canvasAt = performance.now();
      settle();
    };
    if (canvas && cy) cy.on('render', onRender);
    const frame = () => {
      if (domAt === 0 && ok(dom)) domAt = performance.now();
      if (settle()) return;
      if (performance.now() - started > 15000) { cy && cy.off('render', onRender); resolve(-1); return; }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  window.__bench = bench;
})()`;

interface Expectation {
  /** Page-side test of the DOM, `(deep, cy) => boolean`, checked every animation frame. */
  dom?: string;
  /** Page-side test of the canvas, `(deep, cy) => boolean`, checked after each render. */
  canvas?: string;
}

/** Starts watching for the result, performs the input, and resolves with the ms between. */
async function timed(page: Page, expect: Expectation, input: () => Promise<void>): Promise<number> {
  await page.evaluate(INSTALL);
  const watching = page.evaluate(
    `window.__bench.watch(${expect.dom ?? 'null'}, ${expect.canvas ?? 'null'})`,
  ) as Promise<number>;
  // The watcher is in place once its first frame is requested; the input comes after.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(0)))');
  await input();
  const ms = await watching;
  if (ms < 0) throw new Error('the result did not show within 15 s');
  return ms;
}

const FGW = '武汉市/市发改委';
/** Searches typed (cold: the first), each with the unit its first suggestion must be. */
const SEARCHES = [
  { text: 'fgw', first: FGW },
  { text: 'kjj', first: '武汉市/市科技局' },
  { text: 'sthj', first: '武汉市/市生态环境局' },
  { text: '财政', first: '武汉市/市财政局' },
];
/** Units clicked on the canvas (cold: the first). */
const UNITS = [FGW, '武汉市/市科技局', '武汉市/市生态环境局', '武汉市/市财政局'];

type Interaction =
  | 'search'
  | 'select a unit'
  | 'search, Enter'
  | 'open a ranking'
  | 'toggle a filter'
  | 'switch language';
const INTERACTIONS: readonly Interaction[] = [
  'search',
  'select a unit',
  'search, Enter',
  'open a ranking',
  'toggle a filter',
  'switch language',
];

type Samples = Record<Interaction, { cold: number[]; warm: number[] }>;

const optionFirst = (id: string) =>
  `(deep) => { const option = deep('[role="option"]'); const list = deep('[role="listbox"]'); return option && !list.hidden && option.dataset.id === ${JSON.stringify(id)}; }`;
const panelOf = (id: string) =>
  `(deep) => { const name = deep('gt-unit-panel [data-unit-name]') ?? deep('[data-unit-name]'); return Boolean(deep('[data-metric="itemsLed"]')) && name !== null && name.textContent.includes(${JSON.stringify(id.split('/').pop())}); }`;
const selectedOnCanvas = (id: string) =>
  `(deep, cy) => cy.$(':selected').id() === ${JSON.stringify(id)} && cy.getElementById(${JSON.stringify(id)}).hasClass('highlight')`;

async function typeSearch(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  // Typed before the timing starts, but the last key: suggestions are timed from it.
  await page.keyboard.type(text.slice(0, -1));
}

async function clickNode(page: Page, id: string): Promise<void> {
  const at = (await page.evaluate(`(() => {
    const cy = window.__guatu.cy;
    const node = cy.getElementById(${JSON.stringify(id)});
    const box = cy.container().getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`)) as { x: number; y: number };
  await page.mouse.click(at.x, at.y);
}

async function button(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().click();
}

/** One fresh page: every interaction once cold, then WARM_REPEATS times warm. */
async function interactionsInPage(browser: Browser, url: string, samples: Samples): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => say(`interactions: page error: ${error.message}`));
  await page.goto(url);
  await waitForExpression(page, FIRST_DRAWN, 60_000);
  await page.waitForTimeout(300);
  const record = async (name: Interaction, round: number, run: () => Promise<number>) => {
    const ms = await attempt(run);
    if (typeof ms === 'string') say(`${name} (round ${round}): ${ms}`);
    else samples[name][round === 0 ? 'cold' : 'warm'].push(ms);
  };
  const rounds = WARM_REPEATS + 1;

  for (let round = 0; round < rounds; round++) {
    const search = SEARCHES[round % SEARCHES.length] ?? { text: 'fgw', first: FGW };
    await record('search', round, async () => {
      await typeSearch(page, search.text);
      return timed(page, { dom: optionFirst(search.first) }, () =>
        page.keyboard.type(search.text.slice(-1)),
      );
    });
  }
  for (let round = 0; round < rounds; round++) {
    const unit = UNITS[round % UNITS.length] ?? FGW;
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
    await record('select a unit', round, () =>
      timed(page, { dom: panelOf(unit), canvas: selectedOnCanvas(unit) }, () =>
        clickNode(page, unit),
      ),
    );
  }
  for (let round = 0; round < rounds; round++) {
    const search = SEARCHES[(round + 1) % SEARCHES.length] ?? { text: 'fgw', first: FGW };
    await record('search, Enter', round, async () => {
      await page.keyboard.press('Escape');
      await typeSearch(page, search.text);
      await page.keyboard.type(search.text.slice(-1));
      await page.waitForTimeout(250);
      return timed(
        page,
        { dom: panelOf(search.first), canvas: selectedOnCanvas(search.first) },
        () => page.keyboard.press('Enter'),
      );
    });
  }
  await page.keyboard.press('Escape');
  for (let round = 0; round < rounds; round++) {
    await record('open a ranking', round, () =>
      timed(page, { dom: `(deep) => Boolean(deep('table[data-ranking] tr[data-row]'))` }, () =>
        button(page, 'button[data-tool="hotspots"]'),
      ),
    );
    // Closed again, so the next round opens it afresh.
    await button(page, 'button[data-tool="hotspots"]');
    await page.waitForTimeout(150);
  }
  for (let round = 0; round < rounds; round++) {
    const edges = (await page.evaluate('window.__guatu.cy.edges().length')) as number;
    await record('toggle a filter', round, () =>
      timed(page, { canvas: `(deep, cy) => cy.edges().length !== ${edges}` }, () =>
        button(page, 'gt-filters button[data-role="support"]'),
      ),
    );
    await page.waitForTimeout(150);
  }
  for (let round = 0; round < rounds; round++) {
    const before = (await page.evaluate(
      `window.__guatu.cy.getElementById(${JSON.stringify(FGW)}).data('display')`,
    )) as string;
    await record('switch language', round, () =>
      timed(
        page,
        {
          canvas: `(deep, cy) => cy.getElementById(${JSON.stringify(FGW)}).data('display') !== ${JSON.stringify(before)}`,
        },
        () => button(page, 'button[data-action="language"]'),
      ),
    );
    await page.waitForTimeout(150);
  }
  await context.close();
}

/** Per build (by URL), the interactions timed in PAGES fresh pages, the builds taking turns. */
async function interactions(browser: Browser, urls: readonly string[]): Promise<Samples[]> {
  const all = urls.map(
    () =>
      Object.fromEntries(
        INTERACTIONS.map((name) => [name, { cold: [], warm: [] }]),
      ) as unknown as Samples,
  );
  for (let i = 0; i < PAGES; i++) {
    if (i > 0 && elapsed() > INTERACTIONS_BUDGET_MS) {
      say(`interactions: ${i} page(s) of ${PAGES}, the rest skipped (over the time budget)`);
      break;
    }
    for (const [at, url] of urls.entries()) {
      const samples = all[at];
      if (samples !== undefined) await interactionsInPage(browser, url, samples);
    }
    say(
      `interactions: page ${i + 1} of ${PAGES} done at ${(elapsed() / 1000).toFixed(0)} s, ${load()}`,
    );
  }
  return all;
}

const figure = (values: readonly number[]) =>
  values.length === 0
    ? 'n/a'.padStart(15)
    : `${median(values).toFixed(0).padStart(6)} /${Math.max(...values)
        .toFixed(0)
        .padStart(6)}  `;

/** One build's first screens: the figures a planner waits for, printed under its name. */
function printFirstScreens(name: string, loads: readonly FirstScreen[]) {
  const times = loads.map((one) => one.firstDrawMs);
  const scripts = loads[0]?.scripts ?? [];
  const gzipped = scripts.reduce((sum, script) => sum + script.gzipped, 0);
  const raw = scripts.reduce((sum, script) => sum + script.bytes, 0);
  console.log(`${name}:`);
  console.log(
    `first drawn graph (seed, cold cache, ${loads.length} loads, the first after start included): median ${median(times).toFixed(0)} ms, ` +
      `best ${Math.min(...times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (${load()})`,
  );
  const phaseMedians = PHASES.map(
    (phase) =>
      `${phase.replace('gt-', '')} ${median(loads.map((l) => l.phases[phase])).toFixed(0)}`,
  );
  console.log(`  phases, median ms from navigation: ${phaseMedians.join(', ')}`);
  const cpu = loads.map((one) => one.mainThreadCpuMs);
  console.log(
    `  main-thread CPU to the first drawn graph: median ${median(cpu).toFixed(0)} ms, best ${Math.min(...cpu).toFixed(0)} ms`,
  );
  console.log(
    `first-screen JS: ${(gzipped / 1024).toFixed(1)} KiB gzipped (${(raw / 1024).toFixed(1)} KiB raw) ` +
      `in ${scripts.length} file(s): ${scripts.map((script) => script.url).join(', ')}`,
  );
  return {
    firstDrawMs: { median: median(times), all: times },
    firstDrawPhases: loads.map((one) => one.phases),
    mainThreadCpuMs: { median: median(cpu), all: cpu },
    firstScreenJs: { gzippedBytes: gzipped, rawBytes: raw, scripts },
  };
}

function printInteractions(name: string, samples: Samples): void {
  console.log(
    `${name}: input to drawn result, ms: median / worst (cold: first time in ${PAGES} fresh pages; warm: ${WARM_REPEATS} repeats in each; ${load()})`,
  );
  console.log(`${'interaction'.padEnd(18)}${'cold'.padStart(15)}${'warm'.padStart(15)}`);
  for (const interaction of INTERACTIONS) {
    const { cold, warm } = samples[interaction];
    console.log(`${interaction.padEnd(18)}${figure(cold)}${figure(warm)}`);
  }
}

async function main(): Promise<void> {
  // Builds named on the command line are compared; none: the current web/, built if stale.
  const dists = process.argv.slice(2).map((dist) => resolve(dist));
  const neo4j = await neo4jForBench(say);
  const { connection, getDriver, closeDriver } = await import('../graph/neo4j/database.ts');
  const { ensureSeedLoaded } = await import('../graph/load/seed.ts');
  let browser: Browser | null = null;
  const { serveExplorer } = await import('../graph/cli/serve.ts');
  const servers: ServerHandle[] = [];
  try {
    const driver = getDriver();
    const { database } = connection();
    if (dists.length === 0) say(`web app: ${await buildWeb()}`);
    await ensureSeedLoaded(driver, { database, log: say });
    // As `npm start` serves it: warmed before it listens, so the first load counts like any.
    for (const webRoot of dists.length === 0 ? [undefined] : dists) {
      servers.push(
        await serveExplorer({
          driver,
          database,
          port: 0,
          host: '127.0.0.1',
          log: say,
          ...(webRoot === undefined ? {} : { webRoot }),
        }),
      );
    }
    const names = dists.length === 0 ? ['web app'] : dists;
    const urls = servers.map((server) => `${server.url}/`);
    browser = await launchChromium();
    say(`Chromium ${browser.version()} at ${CHROMIUM_PATH}, flags: ${CHROMIUM_ARGS.join(' ')}`);

    const loads: FirstScreen[][] = urls.map(() => []);
    for (let i = 0; i < LOADS; i++) {
      // A slow Neo4j start leaves less time: two loads at least, the rest while time allows.
      if (i >= 2 && elapsed() > LOADS_BUDGET_MS) break;
      for (const [at, url] of urls.entries()) loads[at]?.push(await firstScreen(browser, url));
    }
    const firstScreens = names.map((name, at) => printFirstScreens(name, loads[at] ?? []));
    say(`first screen done at ${(elapsed() / 1000).toFixed(0)} s`);

    const samples = await interactions(browser, urls);
    names.forEach((name, at) => {
      const build = samples[at];
      if (build !== undefined) printInteractions(name, build);
    });

    // Frame rates are the renderer's, not the build's: measured for one build only.
    const only = servers.length === 1 ? servers[0] : undefined;
    const fps = only === undefined ? null : await fpsRuns(browser, only.url);
    if (fps !== null) {
      console.log(`pan and zoom, 3 s each (${load()})  frames/s (page)   drawn/s (Cytoscape)`);
    }
    for (const [renderer, result] of Object.entries(fps ?? {})) {
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
      loadAverage: loadavg(),
      builds: names.map((name, at) => ({
        name,
        ...firstScreens[at],
        interactions: samples[at],
      })),
      fps,
    };
    writeFileSync(join(ARTIFACTS, 'bench-web.json'), `${JSON.stringify(report, null, 2)}\n`);
    say(`report written to ${join(ARTIFACTS, 'bench-web.json')}`);
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await closeDriver();
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
