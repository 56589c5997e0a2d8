// npx tsx bench/first-draw-profile.ts [web-dist …]
// Where the first drawn graph's time goes, and a unit's first selection's: cold loads of the seed
// in headless Chromium with the V8 CPU profiler on, printing per load the network timeline (the
// app's script and its API requests: start, first byte, end), the app's marks and the main
// thread's CPU time; then, per build, medians and the functions with the most self time and the
// most total time (the time spent in them and what they called).
// With no argument the current web/ is built unminified into a temporary folder, so profiles name
// functions as the source does. Given several builds (e.g. the one HEAD built and this one), the
// loads alternate between them, each served by its own server over the same Neo4j, so a busy
// machine weighs on both alike. An argument that is a URL names an explorer already running.
// ROUNDS (default 3) loads per build; PROFILE=0 for main-thread CPU without the profiler's own.
// NETWORK=<Mbit/s>,<ms> has Chromium emulate a link of that speed and round-trip latency (e.g.
// NETWORK=20,10 for an office network through a VPN): on the loopback, bytes cost nothing, so
// what compression saves shows only on a slower link.
// The last round's profiles (the server warm by then) are written to
// test-artifacts/first-draw-<n>.cpuprofile and first-select-<n>.cpuprofile (open them in
// Chromium's DevTools). After each load the plan is also redrawn in the page (best of 20, by part): Cytoscape's share, with a warm JIT.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { ServerHandle } from '../graph/api/server.ts';
import { ARTIFACTS, launchChromium, ROOT, waitForExpression } from '../test/web/browser.ts';
import { neo4jForBench } from './bench-neo4j.ts';
import { functionTimes, type CpuProfile } from './cpu-profile.ts';
import { median } from './timing.ts';

const ROUNDS = Number(process.env['ROUNDS'] ?? 3);
/** PROFILE=0 leaves the profiler off: its sampling costs main-thread time of its own. */
const PROFILING = process.env['PROFILE'] !== '0';
/** Sampling interval of the CPU profiler, in µs: fine enough to see a 5 ms function. */
const SAMPLING_US = 200;
const TOP = 25;
const FGW = '武汉市/市发改委';
/** The emulated link (NETWORK), or null for the loopback as it is. */
const NETWORK = ((): { mbps: number; latencyMs: number } | null => {
  const given = process.env['NETWORK'];
  if (given === undefined || given === '') return null;
  const [mbps, latencyMs] = given.split(',').map(Number);
  if (!(mbps !== undefined && mbps > 0) || !(latencyMs !== undefined && latencyMs >= 0)) {
    throw new Error(`NETWORK=${given}: expected <Mbit/s>,<latency ms>, e.g. 20,10`);
  }
  return { mbps, latencyMs };
})();
const say = (line: string) => console.error(`[profile] ${line}`);

type Profile = CpuProfile;

interface Load {
  firstDrawMs: number;
  cpuMs: number;
  marks: Record<string, number>;
  network: string[];
  profile: Profile;
  /** The first click on a unit: ms from the click to its panel and lit canvas, and its profile. */
  select: { ms: number; cpuMs: number; profile: Profile } | null;
  /** The best of REDRAWS redraws of the whole plan in the page, by part (see REDRAW). */
  redraw: Redraw;
}

interface Redraw {
  /** Elements removed, added again, styled and measured (labels, edge ends). */
  styled: number;
  /** The frame drawn. */
  drawn: number;
}

const REDRAWS = 20;
/**
 * Cytoscape's share of a first draw, timed in the page where a busy machine's noise can be
 * filtered out by taking the best of several: the plan's elements removed and added again, styled,
 * measured and drawn, synchronously (Cytoscape's renderer otherwise waits for a frame).
 */
const REDRAW = `(() => {
  const cy = window.__guatu.cy;
  const elements = cy.elements().jsons();
  const renderer = cy.renderer();
  let styled = Infinity;
  let drawn = Infinity;
  for (let i = 0; i < ${REDRAWS}; i++) {
    const start = performance.now();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    renderer.flushRenderedStyleQueue();
    const middle = performance.now();
    renderer.render({});
    const end = performance.now();
    styled = Math.min(styled, middle - start);
    drawn = Math.min(drawn, end - middle);
  }
  return { styled, drawn };
})()`;

/** Self and total ms per function (bench/cpu-profile.ts), idle left out. */
function timings(profile: Profile): { self: Map<string, number>; total: Map<string, number> } {
  const { self, total } = functionTimes(profile);
  return { self, total };
}

/** The mean of each function's figure over several profiles, largest first. */
function meanTop(maps: readonly Map<string, number>[], count: number): [string, number][] {
  const sum = new Map<string, number>();
  for (const map of maps) for (const [key, ms] of map) sum.set(key, (sum.get(key) ?? 0) + ms);
  return [...sum]
    .map(([key, ms]): [string, number] => [key, ms / maps.length])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}

const NO_PROFILE: Profile = { nodes: [], samples: [], timeDeltas: [] };

async function stopProfiler(cdp: CDPSession): Promise<Profile> {
  if (!PROFILING) return NO_PROFILE;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return profile;
}

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/** The panel names the unit and the canvas lights it: what a planner waits for. */
const SELECTED = `(() => {
  const deep = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot && deep(element.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const cy = window.__guatu.cy;
  const name = deep(document, '[data-unit-name]');
  return Boolean(deep(document, '[data-metric="itemsLed"]')) && name !== null &&
    name.textContent.includes(${JSON.stringify(FGW.split('/').pop())}) &&
    cy.$(':selected').id() === ${JSON.stringify(FGW)} &&
    cy.getElementById(${JSON.stringify(FGW)}).hasClass('highlight');
})()`;

async function selectUnit(page: Page, cdp: CDPSession): Promise<Load['select']> {
  const at = (await page.evaluate(`(() => {
    const cy = window.__guatu.cy;
    const node = cy.getElementById(${JSON.stringify(FGW)});
    if (node.empty()) return null;
    const box = cy.container().getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  })()`)) as { x: number; y: number } | null;
  if (at === null) return null;
  await page.evaluate(`(() => {
    window.__selectStart = 0;
    window.addEventListener('pointerdown', (event) => { window.__selectStart = event.timeStamp; }, { capture: true, once: true });
  })()`);
  if (PROFILING) await cdp.send('Profiler.start');
  const before = await threadMs(cdp);
  await page.mouse.click(at.x, at.y);
  // Polled from outside (the app's CSP forbids eval in the page): the end is stamped in-page by
  // a frame loop, so the polling's own delay is not counted.
  await page.evaluate(`(() => {
    window.__selectEnd = 0;
    const frame = () => {
      if (${SELECTED}) window.__selectEnd = performance.now();
      else requestAnimationFrame(frame);
    };
    frame();
  })()`);
  await waitForExpression(page, 'window.__selectEnd > 0', 30_000);
  const cpuMs = (await threadMs(cdp)) - before;
  const profile = await stopProfiler(cdp);
  const ms = (await page.evaluate('window.__selectEnd - window.__selectStart')) as number;
  return { ms, cpuMs, profile };
}

async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 960 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => say(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (NETWORK !== null) {
    await cdp.send('Network.enable');
    const bytesPerSecond = (NETWORK.mbps * 1_000_000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: NETWORK.latencyMs,
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  if (PROFILING) await cdp.send('Profiler.start');
  await page.goto(url);
  await waitForExpression(page, `typeof window.__guatu?.firstDraw === 'number'`, 60_000);
  const cpuMs = await threadMs(cdp);
  const profile = await stopProfiler(cdp);
  const firstDrawMs = (await page.evaluate('window.__guatu.firstDraw')) as number;
  const marks = (await page.evaluate(
    `Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]))`,
  )) as Record<string, number>;
  const network = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const rows = ['document: first byte ' + Math.round(nav.responseStart) + ', DOMContentLoaded ' + Math.round(nav.domContentLoadedEventEnd)];
    for (const r of performance.getEntriesByType('resource')) {
      if (!/\\/(assets|api)\\//.test(r.name)) continue;
      rows.push(r.name.replace(location.origin, '').slice(0, 60) + ': start ' + Math.round(r.startTime) + ', first byte ' + Math.round(r.responseStart) + ', end ' + Math.round(r.responseEnd) + ', ' + Math.round(r.encodedBodySize / 1024) + ' of ' + Math.round(r.decodedBodySize / 1024) + ' KB sent');
    }
    return rows;
  })()`)) as string[];
  // The page settles (late requests, the legend, fonts) before the click is timed.
  await page.waitForTimeout(500);
  const select = await selectUnit(page, cdp).catch((error: unknown) => {
    say(`selecting a unit failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  await page.keyboard.press('Escape');
  const redraw = (await page.evaluate(REDRAW)) as Redraw;
  await context.close();
  return { firstDrawMs, cpuMs, marks, network, profile, select, redraw };
}

/** Builds web/ unminified into a temporary folder: profiles then name functions as written. */
async function unminifiedBuild(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'guatu-profile-web-'));
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify: false },
  });
  return outDir;
}

function printTop(title: string, rows: [string, number][]): void {
  console.log(`  ${title}`);
  for (const [key, ms] of rows) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

async function main(): Promise<void> {
  const targets = process.argv
    .slice(2)
    .map((target) => (/^https?:\/\//.test(target) ? target.replace(/\/$/, '') : resolve(target)));
  let built: string | null = null;
  if (targets.length === 0) {
    say('building web/ unminified…');
    built = await unminifiedBuild();
    targets.push(built);
  }
  const dists = targets.filter((target) => !/^https?:/.test(target));
  const neo4j = dists.length === 0 ? null : await neo4jForBench(say);
  const { connection, getDriver, closeDriver } = await import('../graph/neo4j/database.ts');
  const { ensureSeedLoaded } = await import('../graph/load/seed.ts');
  const { serveExplorer } = await import('../graph/cli/serve.ts');
  const servers: ServerHandle[] = [];
  const urls = new Map<string, string>();
  let browser: Browser | null = null;
  try {
    if (dists.length > 0) {
      const driver = getDriver();
      const { database } = connection();
      await ensureSeedLoaded(driver, { database, log: say });
      for (const webRoot of dists) {
        const server = await serveExplorer({
          driver,
          database,
          port: 0,
          host: '127.0.0.1',
          webRoot,
          log: say,
        });
        servers.push(server);
        urls.set(webRoot, server.url);
      }
    }
    browser = await launchChromium();
    const loads: Load[][] = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, target] of targets.entries()) {
        const done = await load(browser, `${urls.get(target) ?? target}/`);
        loads[i]?.push(done);
        const marks = Object.entries(done.marks)
          .map(([name, ms]) => `${name} ${ms}`)
          .join(', ');
        console.log(
          `${targets[i]} round ${round}: first draw ${done.firstDrawMs.toFixed(0)} ms, main-thread CPU ${done.cpuMs.toFixed(0)} ms; ` +
            `first unit selected ${done.select?.ms.toFixed(0) ?? 'n/a'} ms (CPU ${done.select?.cpuMs.toFixed(0) ?? 'n/a'} ms); ` +
            `redraw, best of ${REDRAWS}: styled ${done.redraw.styled.toFixed(0)} ms, drawn ${done.redraw.drawn.toFixed(0)} ms ` +
            `(load ${loadavg()[0]?.toFixed(1)})`,
        );
        console.log(`  marks: ${marks}`);
        for (const row of done.network) console.log(`  ${row}`);
        if (round === ROUNDS - 1) {
          mkdirSync(ARTIFACTS, { recursive: true });
          writeFileSync(
            join(ARTIFACTS, `first-draw-${i}.cpuprofile`),
            JSON.stringify(done.profile),
          );
          if (done.select !== null) {
            writeFileSync(
              join(ARTIFACTS, `first-select-${i}.cpuprofile`),
              JSON.stringify(done.select.profile),
            );
          }
        }
      }
    }
    for (const [i, target] of targets.entries()) {
      const runs = loads[i] ?? [];
      // In the order they happen (a build from before a mark was added prints NaN for it).
      const phases = [
        'gt-script-evaluated',
        'gt-plan-received',
        'gt-elements-ready',
        'gt-canvas-made',
        'gt-elements-added',
        'gt-camera-set',
        'gt-first-draw',
      ];
      const link = NETWORK === null ? '' : `, link ${NETWORK.mbps} Mbit/s ${NETWORK.latencyMs} ms`;
      console.log(
        `\n${target}: ${runs.length} loads, medians (load ${loadavg()[0]?.toFixed(1)}${link})`,
      );
      console.log(
        `  first draw ${median(runs.map((r) => r.firstDrawMs)).toFixed(0)} ms, main-thread CPU ${median(runs.map((r) => r.cpuMs)).toFixed(0)} ms; ` +
          phases
            .map((name) => `${name} ${median(runs.map((r) => r.marks[name] ?? NaN))}`)
            .join(', '),
      );
      const best = (part: keyof Redraw) => Math.min(...runs.map((r) => r.redraw[part])).toFixed(0);
      console.log(
        `  redraw of the whole plan, best of ${runs.length * REDRAWS}: styled ${best('styled')} ms, drawn ${best('drawn')} ms`,
      );
      const selects = runs.flatMap((r) => (r.select === null ? [] : [r.select]));
      console.log(
        `  first unit selected: ${median(selects.map((s) => s.ms)).toFixed(0)} ms, CPU ${median(selects.map((s) => s.cpuMs)).toFixed(0)} ms`,
      );
      const first = runs.map((r) => timings(r.profile));
      printTop(
        'first draw, self time (mean per load):',
        meanTop(
          first.map((t) => t.self),
          TOP,
        ),
      );
      printTop(
        'first draw, total time (mean per load):',
        meanTop(
          first.map((t) => t.total),
          TOP,
        ),
      );
      const chosen = selects.map((s) => timings(s.profile));
      if (chosen.length > 0) {
        printTop(
          'first unit selected, self time:',
          meanTop(
            chosen.map((t) => t.self),
            15,
          ),
        );
        printTop(
          'first unit selected, total time:',
          meanTop(
            chosen.map((t) => t.total),
            15,
          ),
        );
      }
    }
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    if (neo4j !== null) {
      await closeDriver();
      await neo4j.stop();
    }
    if (built !== null) await rm(built, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
