// The 10k-scene part of bench:web (bench/web.ts; BENCH_FPS=scene runs it alone, BENCH_FPS=all
// after the rest): 10,000 nodes / 40,000 edges (bench/web-scene-graph.ts, ten synthetic plans
// drawn as 全部规划) handed to the explorer's own canvas component, with the canvas renderer and
// with Cytoscape's WebGL one side by side: the time from the elements given to the first frame
// drawn, the JavaScript heap and the whole browser's memory (its processes' PSS: the GPU
// process's textures included), and frames per second while a planner drags the canvas and turns
// the mouse wheel — real input events, since Cytoscape's level of detail (edges hidden, a texture
// of the view moved) switches on only for those, not for a camera set from code. The canvas is
// measured twice in one page: as the app sets it up, then with the level of detail off (before).
// Each step has a time limit and the part a deadline.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { waitForExpression } from '../test/web/browser.ts';
import { profileLines, startProfiling, stopProfiling, summarise } from './cpu-profile.ts';
import { BIG_SCENE_SIZE, sceneElements } from './web-scene-graph.ts';
import { attempt, limited, WEBGL_RENDERER } from './web-fps.ts';
import { FIRST_DRAWN } from './web-interactions.ts';

/** The part's own time: the scene's first draws take minutes on a busy machine. */
export const SCENE_BUDGET_MS = 12 * 60_000;
/** How long each motion (dragging, wheeling) lasts, in ms. */
const MOTION_MS = 4_000;
/** A page load, or a motion (which may wait on frames seconds long). */
const STEP_LIMIT_MS = 60_000;
/** Giving the scene and waiting for its first frame (software WebGL is slow at it). */
const SCENE_LIMIT_MS = 150_000;
/** Input events a second, as a mouse sends them (one a frame). */
const INPUT_GAP_MS = 16;

// The code run in the page is kept as text: it is checked by the browser, not against Node's
// types, and tsx would otherwise wrap its inner functions in a helper (`__name`) the page lacks.

/** The explorer's canvas component, wherever its shadow roots put it. */
const FIND_GRAPH = `(function find(root) {
  const found = root.querySelector('gt-graph');
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    const inner = element.shadowRoot && find(element.shadowRoot);
    if (inner) return inner;
  }
  return null;
})`;

/**
 * Gives the canvas component the scene, as the app gives it a plan; resolves to the ms until
 * the frame after the one that drew it (the WebGL renderer does not say when it drew).
 */
const SHOW_SCENE = `async (elements) => {
  const graph = ${FIND_GRAPH}(document);
  const nodes = elements.filter((element) => element.group === 'nodes').length;
  const start = performance.now();
  graph.elements = elements;
  delete window.__sceneElements;
  await new Promise((resolve) => {
    const check = () => {
      const cy = window.__guatu && window.__guatu.cy;
      if (cy && cy.nodes().length >= nodes) requestAnimationFrame(() => requestAnimationFrame(resolve));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  return performance.now() - start;
}`;

/** The median ms Cytoscape takes to find the element under a point of the page. */
const HIT_TEST = `(at) => {
  const cy = window.__guatu.cy;
  const r = cy.renderer();
  const [x, y] = r.projectIntoViewport(at.x, at.y);
  r.findNearestElement(x, y, true, false);
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    r.findNearestElement(x + i, y, true, false);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2];
}`;

/**
 * The median main-thread ms of drawing the whole scene anew (every element, as after a change),
 * of three; for WebGL what the page hands the GPU process, which draws after.
 */
const FULL_FRAME = `(() => {
  const r = window.__guatu.cy.renderer();
  const times = [];
  for (let i = 0; i < 3; i++) {
    r.redrawHint('eles', true);
    r.redrawHint('drag', true);
    const start = performance.now();
    r.render();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1];
})()`;

/** Resolves, in ms, once a second's frames in a row came no more than 100 ms apart. */
const SETTLED = `new Promise((resolve) => {
  const start = performance.now();
  let last = start;
  let calm = start;
  const frame = (now) => {
    if (now - last > 100) calm = now;
    last = now;
    if (now - calm >= 1000) resolve(calm - start);
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})`;

/** What the renderer was told: WebGL or not, and its level-of-detail switches. */
const DETAIL = `(() => {
  const r = window.__guatu.cy.renderer();
  return { webgl: r.webgl === true, hideEdgesOnViewport: r.hideEdgesOnViewport === true, textureOnViewport: r.textureOnViewport === true };
})()`;

const CAMERA = `(() => ({ zoom: window.__guatu.cy.zoom(), pan: { ...window.__guatu.cy.pan() } }))()`;

/** The "before": the canvas as it was, every element drawn while the camera moves. */
const DETAIL_OFF = `(() => {
  const r = window.__guatu.cy.renderer();
  r.hideEdgesOnViewport = false;
  r.textureOnViewport = false;
})()`;

/**
 * A point of the canvas (page coordinates) with no node under it, near the middle: dragging a
 * node does nothing (nodes are not grabbable), dragging the background pans.
 */
const FREE_POINT = `(() => {
  const cy = window.__guatu.cy;
  const box = ${FIND_GRAPH}(document).getBoundingClientRect();
  const boxes = cy.nodes().filter((node) => node.isChildless()).map((node) => node.renderedBoundingBox());
  const free = (x, y) => boxes.every((b) => x < b.x1 - 4 || x > b.x2 + 4 || y < b.y1 - 4 || y > b.y2 + 4);
  for (let ring = 0; ring < 20; ring++) {
    for (let turn = 0; turn < 16; turn++) {
      const x = box.width / 2 + Math.cos(turn / 2.55) * ring * 20;
      const y = box.height / 2 + Math.sin(turn / 2.55) * ring * 20;
      if (free(x, y)) return { x: box.left + x, y: box.top + y };
    }
  }
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
})()`;

/** Starts counting the page's animation frames, their longest gap, and Cytoscape's draws. */
const COUNT_FRAMES = `(() => {
  const cy = window.__guatu.cy;
  const counter = { frames: 0, draws: 0, longest: 0, start: performance.now(), done: false };
  let last = counter.start;
  const frame = (now) => {
    if (counter.done) return;
    counter.frames++;
    counter.longest = Math.max(counter.longest, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  counter.drawn = () => { counter.draws++; };
  cy.on('render', counter.drawn);
  counter.pan = { ...cy.pan() };
  counter.zoom = cy.zoom();
  window.__sceneFrames = counter;
})()`;

const FRAMES_COUNTED = `(() => {
  const counter = window.__sceneFrames;
  counter.done = true;
  const cy = window.__guatu.cy;
  cy.off('render', counter.drawn);
  const seconds = (performance.now() - counter.start) / 1000;
  const moved = Math.hypot(cy.pan().x - counter.pan.x, cy.pan().y - counter.pan.y) > 1 || Math.abs(cy.zoom() - counter.zoom) > 1e-6;
  return {
    panned: Math.round(Math.hypot(cy.pan().x - counter.pan.x, cy.pan().y - counter.pan.y)),
    zoomed: cy.zoom() / counter.zoom,
    frameFps: counter.frames / seconds,
    drawFps: counter.draws > 0 ? counter.draws / seconds : null,
    longestFrameMs: counter.longest,
    moved,
    nodes: cy.nodes().length,
  };
})()`;

interface Motion {
  /** Animation frames the page got (main thread free to run one). */
  frameFps: number;
  /** Frames Cytoscape's canvas renderer drew (null: the renderer does not say). */
  drawFps: number | null;
  /** The longest wait between two frames: what a planner sees as a stall. */
  longestFrameMs: number;
  /** Whether the camera moved at all (false: the input missed the canvas). */
  moved: boolean;
  /** How far the camera was dragged (px) and how much it zoomed (a factor), start to end. */
  panned: number;
  zoomed: number;
  nodes: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drags the canvas round in circles for `ms`, one mouse move a frame. */
async function drag(page: Page, at: { x: number; y: number }, ms: number): Promise<Motion> {
  await page.evaluate(COUNT_FRAMES);
  const start = Date.now();
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let step = 1; Date.now() - start < ms; step++) {
    const angle = step / 8;
    await page.mouse.move(at.x + Math.cos(angle) * 150 - 150, at.y + Math.sin(angle) * 150);
    await pause(INPUT_GAP_MS);
  }
  await page.mouse.up();
  return (await page.evaluate(FRAMES_COUNTED)) as Motion;
}

/** Turns the wheel over the canvas for `ms`, in and out, one notch a frame. */
async function wheel(page: Page, at: { x: number; y: number }, ms: number): Promise<Motion> {
  await page.mouse.move(at.x, at.y);
  await page.evaluate(COUNT_FRAMES);
  const start = Date.now();
  for (let step = 0; Date.now() - start < ms; step++) {
    await page.mouse.wheel(0, Math.floor(step / 20) % 2 === 0 ? -60 : 60);
    await pause(INPUT_GAP_MS);
  }
  return (await page.evaluate(FRAMES_COUNTED)) as Motion;
}

/** The page's JavaScript heap in use after a full collection, in MiB. */
async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

/**
 * The proportional memory (PSS) of every process this bench started, in MiB: Chromium's
 * browser, renderer and GPU processes (where software WebGL keeps its textures). Linux only.
 */
function browserPssMiB(): number | null {
  try {
    const parents = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(name), Number(fields[1]));
      } catch {
        // Gone meanwhile.
      }
    }
    const ours = (pid: number): boolean => {
      for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) {
        if (at === process.pid) return true;
      }
      return false;
    };
    let kib = 0;
    for (const pid of parents.keys()) {
      if (!ours(pid)) continue;
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      } catch {
        // Gone meanwhile, or not ours to read.
      }
    }
    return kib / 1024;
  } catch {
    return null;
  }
}

interface Detail {
  webgl: boolean;
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
}

export interface SceneRun {
  /** What drew: the canvas renderer, or WebGL and which (SwiftShader: software). */
  drawnWith: string;
  detail: Detail | string;
  firstDrawMs: number | string;
  /** With BENCH_PROFILE=1: where the main thread's time went until the first draw. */
  firstDrawProfile: string[] | null;
  /** From the first frame to the page being idle again (Cytoscape filling its caches). */
  settledMs: number | string;
  /** What finding the element under the pointer takes, at each mouse move. */
  hitTestMs: number | string;
  /** The main thread's time for one frame drawing every element anew. */
  fullFrameMs: number | string;
  heapMiB: { seed: number; scene: number } | string;
  browserPssMiB: number | null;
  drag: Motion | string;
  wheel: Motion | string;
}

export type SceneResults = Record<string, SceneRun>;

export interface SceneOptions {
  /** performance.now() past which no step starts. */
  deadline: number;
  /** Samples the main thread from the scene given to its first draw (BENCH_PROFILE=1). */
  profile: boolean;
  say: (line: string) => void;
}

/** One renderer's page: the seed, then the scene, then the motions (twice for the canvas). */
async function rendererRuns(
  browser: Browser,
  base: string,
  renderer: 'canvas' | 'webgl',
  elements: unknown,
  options: SceneOptions,
): Promise<SceneResults> {
  const { say } = options;
  const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
  page.on('crash', () => say(`scene, ${renderer}: the page crashed`));
  page.on('pageerror', (error) => say(`scene, ${renderer}: page error: ${error.message}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const step = <T>(ms: number, work: () => Promise<T>): Promise<T | string> =>
    page.isClosed()
      ? Promise.resolve('not measured: a step before it was stopped')
      : attempt(() => limited(page, ms, options.deadline, work));
  let drawnWith: string = renderer;
  let profile: string[] | null = null;
  const seedHeap = await step(STEP_LIMIT_MS, async () => {
    await page.goto(`${base}/?renderer=${renderer}`);
    await waitForExpression(page, FIRST_DRAWN, STEP_LIMIT_MS);
    if (renderer === 'webgl') drawnWith = `webgl (${String(await page.evaluate(WEBGL_RENDERER))})`;
    return heapMiB(cdp);
  });
  const firstDrawMs = await step(SCENE_LIMIT_MS, async () => {
    // Handed over first, so that the time counted is the app's, not the transfer's.
    await page.evaluate((scene) => {
      Object.assign(globalThis, { __sceneElements: scene });
    }, elements);
    if (options.profile) await startProfiling(cdp);
    const ms = (await page.evaluate(`(${SHOW_SCENE})(window.__sceneElements)`)) as unknown;
    if (options.profile) profile = profileLines(summarise(await stopProfiling(cdp), 12));
    if (typeof ms !== 'number') throw new Error(`the scene was not drawn: ${String(ms)}`);
    return ms;
  });
  say(`scene, ${renderer}: first drawn after ${String(firstDrawMs)} ms`);
  // The frames after the first still fill Cytoscape's caches (a texture per element): the
  // motions start once the page is idle again, and how long that took is a figure of its own.
  const settledMs = await step(SCENE_LIMIT_MS, async () => {
    const ms = (await page.evaluate(SETTLED)) as unknown;
    if (typeof ms !== 'number') throw new Error(`the scene did not settle: ${String(ms)}`);
    return ms;
  });
  const sceneHeap = await step(STEP_LIMIT_MS, () => heapMiB(cdp));
  const heap =
    typeof seedHeap === 'number' && typeof sceneHeap === 'number'
      ? { seed: seedHeap, scene: sceneHeap }
      : typeof seedHeap === 'string'
        ? seedHeap
        : String(sceneHeap);
  const pss = browserPssMiB();
  const detail = await step(STEP_LIMIT_MS, async () => (await page.evaluate(DETAIL)) as Detail);
  const at = await step(STEP_LIMIT_MS, async () => {
    return (await page.evaluate(FREE_POINT)) as { x: number; y: number };
  });
  // Each round of motions starts from the camera the app fitted to the scene.
  const fitted = await step(STEP_LIMIT_MS, () => page.evaluate(CAMERA));
  // What a mouse move over the canvas costs before any frame: Cytoscape looks for the element
  // under the pointer at each one (the first look also places every edge: not counted).
  const hitTestMs = await step(STEP_LIMIT_MS, async () => {
    if (typeof at === 'string') throw new Error(at);
    return (await page.evaluate(`(${HIT_TEST})(${JSON.stringify(at)})`)) as number;
  });
  const fullFrameMs = await step(STEP_LIMIT_MS, async () => {
    return (await page.evaluate(FULL_FRAME)) as number;
  });
  // One short drag and wheel, not counted: the first of each fills caches of their own.
  if (typeof at !== 'string') {
    await step(STEP_LIMIT_MS, () => drag(page, at, 500));
    await step(STEP_LIMIT_MS, () => wheel(page, at, 500));
  }
  const motions = async (): Promise<Pick<SceneRun, 'drag' | 'wheel'>> => {
    if (typeof at === 'string') return { drag: at, wheel: at };
    if (typeof fitted !== 'string') {
      await page.evaluate(`window.__guatu.cy.viewport(${JSON.stringify(fitted)})`).catch(() => {});
      await step(SCENE_LIMIT_MS, () => page.evaluate(SETTLED));
    }
    return {
      drag: await step(STEP_LIMIT_MS, () => drag(page, at, MOTION_MS)),
      wheel: await step(STEP_LIMIT_MS, () => wheel(page, at, MOTION_MS)),
    };
  };
  const results: SceneResults = {};
  const common = {
    drawnWith,
    firstDrawMs,
    firstDrawProfile: profile,
    settledMs,
    heapMiB: heap,
    browserPssMiB: pss,
  };
  results[renderer] = { ...common, hitTestMs, fullFrameMs, detail, ...(await motions()) };
  if (renderer === 'canvas') {
    const off = await step(STEP_LIMIT_MS, async () => {
      await page.evaluate(DETAIL_OFF);
      return (await page.evaluate(DETAIL)) as Detail;
    });
    results['canvas, level of detail off'] = {
      ...common,
      hitTestMs,
      fullFrameMs,
      detail: off,
      ...(await motions()),
    };
  }
  await page.close().catch(() => {});
  return results;
}

/** The 10k scene drawn with each renderer, one page after the other (never two at once). */
export async function sceneRuns(
  browser: Browser,
  base: string,
  options: SceneOptions,
): Promise<SceneResults> {
  const elements = sceneElements(BIG_SCENE_SIZE);
  const results: SceneResults = {};
  for (const renderer of ['canvas', 'webgl'] as const) {
    Object.assign(results, await rendererRuns(browser, base, renderer, elements, options));
  }
  return results;
}

const fixed = (value: number | string, digits = 0) =>
  typeof value === 'number' ? value.toFixed(digits) : value;

function motionText(motion: Motion | string): string {
  if (typeof motion === 'string') return motion;
  const drawn = motion.drawFps === null ? '' : ` (${motion.drawFps.toFixed(1)} drawn)`;
  const missed = motion.moved
    ? `, camera moved ${motion.panned} px, zoom ×${motion.zoomed.toFixed(2)}`
    : ', camera did not move';
  return `${motion.frameFps.toFixed(1)} f/s${drawn}, worst frame ${motion.longestFrameMs.toFixed(0)} ms${missed}`;
}

/** The scene's figures as lines under a heading, a block per renderer. */
export function sceneLines(results: SceneResults, load: string): string[] {
  const { nodes, edges } = BIG_SCENE_SIZE;
  const lines = [
    `10k scene (${nodes} nodes + 10 plan frames / ${edges} edges; ${MOTION_MS / 1000} s of dragging, then of wheeling; ${load})`,
  ];
  for (const [name, run] of Object.entries(results)) {
    const detail =
      typeof run.detail === 'string'
        ? run.detail
        : `edges hidden while moving: ${run.detail.hideEdgesOnViewport ? 'yes' : 'no'}, view moved as a texture: ${run.detail.textureOnViewport ? 'yes' : 'no'}`;
    const heap =
      typeof run.heapMiB === 'string'
        ? run.heapMiB
        : `${run.heapMiB.seed.toFixed(0)} MiB with the seed, ${run.heapMiB.scene.toFixed(0)} MiB with the scene`;
    lines.push(`${name}: drawn with ${run.drawnWith}; ${detail}`);
    lines.push(
      `  first draw: ${fixed(run.firstDrawMs)} ms, then ${fixed(run.settledMs)} ms to idle; JS heap: ${heap}; browser PSS: ${
        run.browserPssMiB === null ? 'n/a' : `${run.browserPssMiB.toFixed(0)} MiB`
      }`,
    );
    if (run.firstDrawProfile !== null && name !== 'canvas, level of detail off') {
      lines.push('  main thread until the first draw:', ...run.firstDrawProfile);
    }
    lines.push(
      `  a full frame: ${fixed(run.fullFrameMs)} ms of main thread; element under the pointer found in ${fixed(run.hitTestMs, 1)} ms`,
    );
    lines.push(`  drag:  ${motionText(run.drag)}`);
    lines.push(`  wheel: ${motionText(run.wheel)}`);
  }
  return lines;
}
