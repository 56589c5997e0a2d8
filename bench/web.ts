// npm run bench:web
// The explorer in headless Chromium (Debian's, flags in test/web/browser.ts), served as `npm start`
// serves it (graph/cli/serve.ts: warmed before it listens), within 5 minutes:
//  - navigation to the first drawn graph for the seed, its phases (the plan's answer received,
//    its elements handed to Cytoscape, the first frame drawn) and the main thread's CPU time by
//    then (which a busy machine inflates less than the wall clock), and the JavaScript the first
//    screen loads;
//  - per interaction (search, select a unit, search and Enter, open a ranking, toggle a filter,
//    switch language; bench/web-interactions.ts), the time from the input event to the frame that
//    shows its result, cold (its first time in a fresh page) and warm (repeated in the same page),
//    median and worst, with the main thread's CPU time and the longest API request meanwhile;
//  - frames per second while panning and zooming the seed (bench/web-fps.ts; BENCH_FPS=all adds a
//    synthetic 5,000-node graph and the WebGL renderer, which take minutes here);
//  - with BENCH_FPS=all, or alone with BENCH_FPS=scene (a few minutes), the 10k scene
//    (bench/web-scene.ts): 10,000 nodes / 40,000 edges on the canvas and WebGL renderers side by
//    side — first draw, frames per second while dragging and wheeling, memory.
// Neo4j: the server NEO4J_URI names, or a throwaway local one in a temporary folder.
// Builds side by side: `npx tsx bench/web.ts DIST_A DIST_B …` serves each built web app (e.g. the
// one HEAD built and this one) from its own server over the same Neo4j and alternates between
// them — a cold load of each in turn, a page of interactions of each in turn — so a busy machine
// weighs on both alike; the frame-rate part is then left out. Every figure is printed with the
// load average of the time (1 minute).
// The search is timed from one input of the whole text (as an IME commits it) to its suggestions.
// BENCH_MINUTES=N gives it N minutes instead (a machine too busy for 5).
// BENCH_PROFILE=1: the cold run of each interaction in every page is also sampled by V8's
// profiler, and where its main-thread time went is printed per build (build unminified, e.g.
// `npx vite build --config web/vite.config.ts --minify false --outDir DIST`, for readable names).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { ServerHandle } from '../graph/api/server.ts';
import { neo4jForBench } from './bench-neo4j.ts';
import { profileLines, summarise } from './cpu-profile.ts';
import { fpsLines, fpsRuns, type FpsResults } from './web-fps.ts';
import { SCENE_BUDGET_MS, sceneLines, sceneRuns, type SceneResults } from './web-scene.ts';
import {
  emptySamples,
  FIRST_DRAWN,
  INTERACTIONS,
  interactionsInPage,
  type Profiles,
  type Sample,
  type Samples,
} from './web-interactions.ts';
import {
  ARTIFACTS,
  buildWeb,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  launchChromium,
  waitForExpression,
} from '../test/web/browser.ts';

/** Cold loads of the first screen per build (a fresh browser context each: empty cache). */
const LOADS = 4;
/** Fresh pages per build in which each interaction is timed: once cold, then WARM_REPEATS warm. */
const PAGES = 3;
const WARM_REPEATS = 3;
/**
 * The bench ends within 5 minutes (BENCH_MINUTES), Neo4j's start and the seed's load included:
 * past each of these shares of it the part it bounds starts nothing new — a busy machine gets
 * fewer samples, said in the output, rather than a bench that never prints.
 */
const MINUTES = Number(process.env['BENCH_MINUTES'] ?? 5);
const LOADS_UNTIL = MINUTES * 60_000 * 0.37;
const INTERACTIONS_UNTIL = MINUTES * 60_000 * 0.85;
const FPS_UNTIL = MINUTES * 60_000 * 0.9;
const benchStarted = performance.now();
const elapsed = () => performance.now() - benchStarted;
const PROFILING = process.env['BENCH_PROFILE'] === '1';
/** BENCH_FPS=scene: the 10k scene only, nothing else (the first screen, interactions, seed fps). */
const SCENE_ONLY = process.env['BENCH_FPS'] === 'scene';

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

/** Per build (by URL), the interactions timed in PAGES fresh pages, the builds taking turns. */
async function interactions(
  browser: Browser,
  urls: readonly string[],
): Promise<{ samples: Samples[]; profiles: Profiles[]; pages: number }> {
  const samples = urls.map(() => emptySamples());
  const profiles = urls.map((): Profiles => ({}));
  let pages = 0;
  let roundMs = 0;
  for (let i = 0; i < PAGES; i++) {
    // Another round only if it would end in time, by the last one's length.
    if (i > 0 && elapsed() + roundMs > INTERACTIONS_UNTIL) {
      say(`interactions: ${i} page(s) of ${PAGES} per build, the rest skipped (out of time)`);
      break;
    }
    const begun = performance.now();
    for (const [at, url] of urls.entries()) {
      await interactionsInPage(browser, url, samples[at] ?? emptySamples(), {
        // Late already (a slow Neo4j start): one warm repeat, so the bench still ends in time.
        warmRepeats: elapsed() > LOADS_UNTIL ? 1 : WARM_REPEATS,
        profiles: PROFILING ? (profiles[at] ?? null) : null,
        say,
      });
    }
    roundMs = performance.now() - begun;
    pages = i + 1;
    say(
      `interactions: page ${pages} of ${PAGES} done at ${(elapsed() / 1000).toFixed(0)} s, ${load()}`,
    );
  }
  return { samples, profiles, pages };
}

const pad = (text: string, width: number) => text.padStart(width);
/** `median / worst` of one figure of the samples. */
const figure = (values: readonly Sample[], of: keyof Sample, width: number) => {
  const numbers = values.map((sample) => sample[of]);
  return numbers.length === 0
    ? pad('n/a', width)
    : pad(`${median(numbers).toFixed(0)} / ${Math.max(...numbers).toFixed(0)}`, width);
};

function printInteractions(name: string, samples: Samples, pages: number): void {
  console.log(
    `${name}: input to drawn result, ms, median / worst (cold: the first time in ${pages} fresh page(s); ` +
      `warm: up to ${WARM_REPEATS} repeats in each; ${load()}); CPU: the page's main thread meanwhile; ` +
      `API: the longest request meanwhile`,
  );
  console.log(
    `${'interaction'.padEnd(16)}${pad('cold', 13)}${pad('warm', 13)}${pad('CPU cold', 13)}${pad('CPU warm', 13)}${pad('API cold', 13)}${pad('API warm', 13)}`,
  );
  for (const interaction of INTERACTIONS) {
    const { cold, warm } = samples[interaction];
    console.log(
      interaction.padEnd(16) +
        figure(cold, 'ms', 13) +
        figure(warm, 'ms', 13) +
        figure(cold, 'cpuMs', 13) +
        figure(warm, 'cpuMs', 13) +
        figure(cold, 'apiMs', 13) +
        figure(warm, 'apiMs', 13),
    );
  }
}

/** Where each interaction's cold main-thread time went, summed over the pages' profiles. */
function printProfiles(name: string, profiles: Profiles): void {
  console.log(`${name}: main-thread profile of each interaction's cold run (mean of the pages)`);
  for (const interaction of INTERACTIONS) {
    const taken = profiles[interaction] ?? [];
    if (taken.length === 0) continue;
    const merged = {
      nodes: taken.flatMap((profile, at) =>
        profile.nodes.map((node) => ({
          ...node,
          id: node.id + at * 1e6,
          ...(node.children === undefined
            ? {}
            : { children: node.children.map((child) => child + at * 1e6) }),
        })),
      ),
      samples: taken.flatMap((profile, at) => profile.samples.map((id) => id + at * 1e6)),
      timeDeltas: taken.flatMap((profile) => profile.timeDeltas.map((us) => us / taken.length)),
    };
    console.log(`  ${interaction}:`);
    for (const line of profileLines(summarise(merged, 10))) console.log(line);
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
    say(`ready at ${(elapsed() / 1000).toFixed(0)} s, ${load()}`);

    const loads: FirstScreen[][] = urls.map(() => []);
    for (let i = 0; i < (SCENE_ONLY ? 0 : LOADS); i++) {
      // A slow Neo4j start leaves less time: one load at least, the rest while time allows.
      if (i >= 1 && elapsed() > LOADS_UNTIL) break;
      for (const [at, url] of urls.entries()) loads[at]?.push(await firstScreen(browser, url));
    }
    const firstScreens = SCENE_ONLY
      ? []
      : names.map((name, at) => printFirstScreens(name, loads[at] ?? []));
    say(`first screen done at ${(elapsed() / 1000).toFixed(0)} s`);

    const { samples, profiles, pages } = SCENE_ONLY
      ? { samples: urls.map(() => emptySamples()), profiles: [], pages: 0 }
      : await interactions(browser, urls);
    names.forEach((name, at) => {
      const build = samples[at];
      if (build !== undefined && !SCENE_ONLY) printInteractions(name, build, pages);
    });
    if (PROFILING && !SCENE_ONLY) {
      names.forEach((name, at) => printProfiles(name, profiles[at] ?? {}));
    }

    // Frame rates are the renderer's, not the build's: measured for one build only.
    const only = servers.length === 1 ? servers[0] : undefined;
    let fps: FpsResults | null = null;
    let scene: SceneResults | null = null;
    if (only !== undefined && !SCENE_ONLY) {
      fps = await fpsRuns(browser, only.url, {
        all: process.env['BENCH_FPS'] === 'all',
        deadline: benchStarted + FPS_UNTIL,
        say,
      });
      for (const line of fpsLines(fps, load())) console.log(line);
    }
    if (only !== undefined && (SCENE_ONLY || process.env['BENCH_FPS'] === 'all')) {
      // Its own time, not the bench's: BENCH_FPS=scene alone ends in about that.
      scene = await sceneRuns(browser, only.url, {
        deadline: performance.now() + SCENE_BUDGET_MS,
        profile: PROFILING,
        say,
      });
      for (const line of sceneLines(scene, load())) console.log(line);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    const report = {
      chromium: browser.version(),
      flags: CHROMIUM_ARGS,
      loadAverage: loadavg(),
      seconds: elapsed() / 1000,
      builds: names.map((name, at) => ({
        name,
        ...firstScreens[at],
        interactions: samples[at],
      })),
      fps,
      scene,
    };
    writeFileSync(join(ARTIFACTS, 'bench-web.json'), `${JSON.stringify(report, null, 2)}\n`);
    say(
      `report written to ${join(ARTIFACTS, 'bench-web.json')}; done in ${(elapsed() / 1000).toFixed(0)} s`,
    );
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
