// The interactions bench:web times (bench/web.ts): search, select a unit, search and Enter, open a
// ranking, toggle a filter, switch language — each in a fresh page once cold (its first time
// after the page loaded) and then warm, repeated in the same page.
// Each is timed in the page, from the input event's own timestamp (a capture listener on the
// window keeps the last keydown or pointerdown) to the frame that shows the result: for what is
// drawn in the DOM, the first animation frame in which it is there; for the canvas, the first
// Cytoscape render that shows it. Beside the wall time, which a busy machine stretches, each
// sample carries the main thread's CPU time from input to result (the page's work, barely moved
// by other processes) and the longest API request made meanwhile (as the page saw it: queueing,
// the server's work and the transfer). With `profile`, the cold run of each interaction in a
// page is also sampled by V8's profiler (bench/cpu-profile.ts).
import type { Browser, CDPSession, Page } from 'playwright-core';
import { waitForExpression } from '../test/web/browser.ts';
import { startProfiling, stopProfiling, type CpuProfile } from './cpu-profile.ts';

export type Interaction =
  | 'search'
  | 'select a unit'
  | 'search, Enter'
  | 'open a ranking'
  | 'toggle a filter'
  | 'switch language';

export const INTERACTIONS: readonly Interaction[] = [
  'search',
  'select a unit',
  'search, Enter',
  'open a ranking',
  'toggle a filter',
  'switch language',
];

/** One timed input: ms to the drawn result, main-thread CPU ms, the longest API request's ms. */
export interface Sample {
  ms: number;
  cpuMs: number;
  apiMs: number;
}

export type Samples = Record<Interaction, { cold: Sample[]; warm: Sample[] }>;
export type Profiles = Partial<Record<Interaction, CpuProfile[]>>;

export function emptySamples(): Samples {
  return Object.fromEntries(
    INTERACTIONS.map((name) => [name, { cold: [], warm: [] }]),
  ) as unknown as Samples;
}

/** True once the app has drawn the plan (the hook is set by the Cytoscape controller). */
export const FIRST_DRAWN = `typeof window.__guatu?.firstDraw === 'number'`;

// The code run in the page is kept as text: it is checked by the browser, not against Node's
// types, and tsx would otherwise wrap its inner functions in a helper (`__name`) the page lacks.

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
  // An IME's commit (and insertText) is one input event with no key of its own.
  for (const type of ['keydown', 'pointerdown', 'beforeinput']) {
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
  // The longest API request started since the input, start to last byte, in ms (0: none).
  bench.api = () => performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/api/') && entry.startTime >= bench.input)
    .reduce((longest, entry) => Math.max(longest, entry.responseEnd - entry.startTime), 0);
  window.__bench = bench;
})()`;

interface Expectation {
  /** Page-side test of the DOM, `(deep, cy) => boolean`, checked every animation frame. */
  dom?: string;
  /** Page-side test of the canvas, `(deep, cy) => boolean`, checked after each render. */
  canvas?: string;
}

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

interface Timing {
  cdp: CDPSession;
  /** Sample this run with the profiler and hand the profile over. */
  profiled: ((profile: CpuProfile) => void) | null;
}

/** Starts watching for the result, performs the input, and resolves with what it cost. */
async function timed(
  page: Page,
  timing: Timing,
  expect: Expectation,
  input: () => Promise<void>,
): Promise<Sample> {
  await page.evaluate(INSTALL);
  // A page's resource buffer holds 250 entries; each interaction reads only its own.
  await page.evaluate('performance.clearResourceTimings()');
  const watching = page.evaluate(
    `window.__bench.watch(${expect.dom ?? 'null'}, ${expect.canvas ?? 'null'})`,
  ) as Promise<number>;
  // The watcher is in place once its first frame is requested; the input comes after.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(0)))');
  if (timing.profiled !== null) await startProfiling(timing.cdp);
  const before = await threadMs(timing.cdp);
  await input();
  const ms = await watching;
  const cpuMs = (await threadMs(timing.cdp)) - before;
  if (timing.profiled !== null) timing.profiled(await stopProfiling(timing.cdp));
  if (ms < 0) throw new Error('the result did not show within 15 s');
  const apiMs = (await page.evaluate('window.__bench.api()')) as number;
  return { ms, cpuMs, apiMs };
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

const optionFirst = (id: string) =>
  `(deep) => { const option = deep('[role="option"]'); const list = deep('[role="listbox"]'); return option && !list.hidden && option.dataset.id === ${JSON.stringify(id)}; }`;
const panelOf = (id: string) =>
  `(deep) => { const name = deep('gt-unit-panel [data-unit-name]') ?? deep('[data-unit-name]'); return Boolean(deep('[data-metric="itemsLed"]')) && name !== null && name.textContent.includes(${JSON.stringify(id.split('/').pop())}); }`;
const selectedOnCanvas = (id: string) =>
  `(deep, cy) => cy.$(':selected').id() === ${JSON.stringify(id)} && cy.getElementById(${JSON.stringify(id)}).hasClass('highlight')`;

/**
 * Puts the cursor in an empty search box. The text is then given as one input, as an IME
 * commits a word: typed key by key, the answer to its first letters may already show the
 * suggestion waited for, and the last key would be timed to nothing.
 */
async function emptySearch(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
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

/** Waits until the page has had two quiet frames: the last interaction's work is over. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))))',
  );
}

/** A measurement, or what stopped it, so one failure spares the rest. */
async function attempt<T>(work: () => Promise<T>): Promise<T | string> {
  try {
    return await work();
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

export interface PageOptions {
  /** Repeats of each interaction after its cold run. */
  warmRepeats: number;
  /** Sample each cold run with the profiler, into `profiles`. */
  profiles: Profiles | null;
  say: (line: string) => void;
}

/** One fresh page: every interaction once cold, then `warmRepeats` times warm, into `samples`. */
export async function interactionsInPage(
  browser: Browser,
  url: string,
  samples: Samples,
  options: PageOptions,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => options.say(`interactions: page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await waitForExpression(page, FIRST_DRAWN, 60_000);
  await page.waitForTimeout(300);
  const record = async (
    name: Interaction,
    round: number,
    expect: Expectation,
    input: () => Promise<void>,
  ) => {
    await settled(page);
    const profiles = round === 0 ? options.profiles : null;
    const profiled =
      profiles === null ? null : (profile: CpuProfile) => (profiles[name] ??= []).push(profile);
    const sample = await attempt(() => timed(page, { cdp, profiled }, expect, input));
    if (typeof sample === 'string') options.say(`${name} (round ${round}): ${sample}`);
    else samples[name][round === 0 ? 'cold' : 'warm'].push(sample);
  };
  const rounds = options.warmRepeats + 1;

  for (let round = 0; round < rounds; round++) {
    const search = SEARCHES[round % SEARCHES.length] ?? { text: 'fgw', first: FGW };
    await emptySearch(page);
    await record('search', round, { dom: optionFirst(search.first) }, () =>
      page.keyboard.insertText(search.text),
    );
  }
  for (let round = 0; round < rounds; round++) {
    const unit = UNITS[round % UNITS.length] ?? FGW;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await record(
      'select a unit',
      round,
      { dom: panelOf(unit), canvas: selectedOnCanvas(unit) },
      () => clickNode(page, unit),
    );
  }
  for (let round = 0; round < rounds; round++) {
    const search = SEARCHES[(round + 1) % SEARCHES.length] ?? { text: 'fgw', first: FGW };
    await page.keyboard.press('Escape');
    await emptySearch(page);
    await page.keyboard.type(search.text);
    // Enter once the suggestions are drawn: what is timed is choosing, not the search.
    await waitForExpression(
      page,
      `(${DEEP})('[role="option"]')?.dataset.id === ${JSON.stringify(search.first)}`,
    );
    await record(
      'search, Enter',
      round,
      { dom: panelOf(search.first), canvas: selectedOnCanvas(search.first) },
      () => page.keyboard.press('Enter'),
    );
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  for (let round = 0; round < rounds; round++) {
    await record(
      'open a ranking',
      round,
      { dom: `(deep) => Boolean(deep('table[data-ranking] tr[data-row]'))` },
      () => button(page, 'button[data-tool="hotspots"]'),
    );
    // Closed again, so the next round opens it afresh.
    await button(page, 'button[data-tool="hotspots"]');
  }
  for (let round = 0; round < rounds; round++) {
    const edges = (await page.evaluate('window.__guatu.cy.edges().length')) as number;
    await record(
      'toggle a filter',
      round,
      { canvas: `(deep, cy) => cy.edges().length !== ${edges}` },
      () => button(page, 'gt-filters button[data-role="support"]'),
    );
  }
  for (let round = 0; round < rounds; round++) {
    const before = (await page.evaluate(
      `window.__guatu.cy.getElementById(${JSON.stringify(FGW)}).data('display')`,
    )) as string;
    await record(
      'switch language',
      round,
      {
        canvas: `(deep, cy) => cy.getElementById(${JSON.stringify(FGW)}).data('display') !== ${JSON.stringify(before)}`,
      },
      () => button(page, 'button[data-action="language"]'),
    );
  }
  await context.close();
}
