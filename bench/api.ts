// `npm run bench:api`: the explorer's API under load. Search, neighbourhood and hotspots each get
// 50 connections for 20 s (autocannon) on the seed graph, through a server on an ephemeral
// loopback port. Neo4j is a local one in a temp folder, unless NEO4J_URI names a server.
// Prints requests/s, p50, p99, errors and non-2xx answers per endpoint; the aim is no errors and
// p99 ≤ 100 ms.
//
// First, the first clicks after a start: Neo4j's query caches cleared and a new app made, then
// the first search, unit profile and neighbourhood timed, with the app warmed as `npm start`
// warms it (graph/api/warm.ts) and without, in alternating rounds (the cold rounds run second, so
// Node's compiled code and the driver's connections favour them, not the warmed ones).
//
// The API keeps graph answers while the plans are unchanged, so a steady run measures mostly
// kept answers, as a planner going back and forth does. BENCH_CACHE=off measures every request
// going to Neo4j.
//
// Last, abuse (issue 16): 50 planners browsing (search, panels, rankings) for BENCH_ABUSE_DURATION
// seconds alone, then as long again while 20 console clients, each from its own loopback address,
// send the worst console queries in a loop (bench/console-abuse.ts, a process of its own). Prints
// the planners' p50, p99 and errors both ways; the aim is p99 under abuse within 2x of alone and
// no planner errors. The console runs as `npm start` runs it, on its own copy of the graph at a
// low CPU priority (graph/neo4j/console-copy.ts); BENCH_ABUSE_COMPARE=1 repeats the abused run
// with the console on the explorer's Neo4j (its own pool, as before the copy), side by side.
//
//   BENCH_DURATION=5 BENCH_CONNECTIONS=20 npm run bench:api    a shorter run
//   BENCH_CACHE=off npm run bench:api                          no kept answers
//   BENCH_ABUSE=only npm run bench:api                         the abuse scenario alone (off: none)
//   BENCH_ABUSE=only BENCH_ABUSE_COMPARE=1 npm run bench:api   … and with the console not on a copy
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createApp, type ApiDeps } from '../graph/api/app.ts';
import { DEFAULT_CONSOLE_TIMEOUT_MS } from '../graph/api/context.ts';
import { ConsoleCopy, copySettings } from '../graph/neo4j/console-copy.ts';
import { startServer } from '../graph/api/server.ts';
import { warmApi } from '../graph/api/warm.ts';
import { ensureSeedLoaded } from '../graph/load/seed.ts';
import { closeDriver, connection, getConsoleDriver, getDriver } from '../graph/neo4j/database.ts';
import { queries } from '../graph/queries/registry.ts';
import { AbuseReport } from './console-abuse.ts';
import { neo4jForBench } from './bench-neo4j.ts';

// autocannon ships no types; this is the part of its interface the bench uses.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  workers: number;
  duration: number;
  requests: { method: 'GET'; path: string }[];
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const AIM_P99_MS = 100;
const CACHE = process.env.BENCH_CACHE !== 'off';
const FIRST_ROUNDS = Number(process.env.BENCH_FIRST_ROUNDS ?? 3);
const ABUSE = z.enum(['on', 'off', 'only']).parse(process.env.BENCH_ABUSE ?? 'on');
const ABUSE_DURATION_S = Number(process.env.BENCH_ABUSE_DURATION ?? 30);
const COMPARE = process.env.BENCH_ABUSE_COMPARE === '1';
const ABUSERS = 20;
const PLANNERS = 50;
const AIM_ABUSE_RATIO = 2;

const say = (line: string) => console.error(`[bench:api] ${line}`);

const PLAN = '武汉市-f64b89c6';
const path = (route: string, query: Record<string, string | number>) =>
  `${route}?${new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString()}`;

/** Each endpoint's requests, taken in turn by every connection, so no one answer is all that is measured. */
const SCENARIOS: { name: string; paths: string[] }[] = [
  {
    name: 'search',
    paths: [
      'fgw',
      '发改委',
      '發改委',
      'Development and Reform',
      '科技创新',
      'skjj',
      '生态环境',
      '二(一)1',
    ].map((q) => path('/api/search', { q, plan: PLAN })),
  },
  {
    name: 'neighbourhood',
    paths: [
      '武汉市/市发改委',
      '武汉市/市科技局',
      '武汉市/各区人民政府',
      `${PLAN}/二(一)1`,
      `${PLAN}/二(一)`,
      `${PLAN}/三(三)`,
    ].map((id) => path('/api/neighbourhood', { id, plan: PLAN })),
  },
  {
    name: 'hotspots',
    paths: [
      'unit-load',
      'multi-lead-items',
      'coordination-pairs',
      'brokers',
      'communities',
      'cross-theme-units',
      'collective-exposure',
    ].map((name) => path(`/api/hotspots/${name}`, { plan: PLAN })),
  },
];

/** A planner's first clicks: none of them asked by the warming (its units are the busiest two). */
const FIRST_CLICKS: { name: string; path: string }[] = [
  { name: 'search', path: path('/api/search', { q: 'skj', plan: PLAN, limit: 12 }) },
  {
    name: 'units/profile',
    path: path('/api/units/profile', { id: '武汉市/市生态环境局', plan: PLAN }),
  },
  {
    name: 'neighbourhood',
    path: path('/api/neighbourhood', {
      id: '武汉市/市生态环境局',
      limit: 50,
      depth: 1,
      types: 'LEADS,SUPPORTS',
    }),
  },
];

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};

/** ms of each first click on a new app over cleared query caches, warmed first or not. */
async function firstClicks(warm: boolean): Promise<number[]> {
  const session = getDriver().session({ database: connection().database });
  try {
    await session.run('CALL db.clearQueryCaches()');
  } finally {
    await session.close();
  }
  const app = createApp({
    driver: getDriver(),
    database: connection().database,
    queries: queries(),
    webRoot: null,
  });
  if (warm) {
    const report = await warmApi(app, { log: say });
    say(`warmed: ${report.requests.length} requests in ${report.ms.toFixed(0)} ms`);
  }
  const times: number[] = [];
  for (const click of FIRST_CLICKS) {
    const started = performance.now();
    const response = await app.request(click.path);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${click.path} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

/** The first clicks after a start, then each endpoint under CONNECTIONS connections. */
async function endpointScenarios(url: string): Promise<void> {
  const first = { warmed: [] as number[][], cold: [] as number[][] };
  for (let round = 0; round < FIRST_ROUNDS; round += 1) {
    first.warmed.push(await firstClicks(true));
    first.cold.push(await firstClicks(false));
  }
  console.log(
    [
      `| first request after start (median of ${FIRST_ROUNDS}) | cold ms | warmed ms |`,
      '| --- | --- | --- |',
      ...FIRST_CLICKS.map(
        (click, i) =>
          `| ${click.name} | ${median(first.cold.map((times) => times[i] ?? NaN)).toFixed(0)} | ${median(first.warmed.map((times) => times[i] ?? NaN)).toFixed(0)} |`,
      ),
    ].join('\n'),
  );
  const lines = [
    '| endpoint | requests/s | p50 ms | p99 ms | max ms | errors | non-2xx |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  let met = true;
  for (const scenario of SCENARIOS) {
    // Warm the plans, the page cache and the JIT so the run measures the steady state.
    for (const warm of scenario.paths) {
      for (let round = 0; round < 5; round += 1) {
        const response = await fetch(`${url}${warm}`);
        if (!response.ok)
          throw new Error(`${warm} answered ${response.status}: ${await response.text()}`);
      }
    }
    const result = await autocannon({
      url: url,
      connections: CONNECTIONS,
      // The load comes from a worker thread, so it does not queue behind the server's own
      // event loop in this process.
      workers: 1,
      duration: DURATION_S,
      requests: scenario.paths.map((each) => ({ method: 'GET', path: each })),
    });
    const errors = result.errors + result.timeouts;
    met &&= errors === 0 && result.non2xx === 0 && result.latency.p99 <= AIM_P99_MS;
    lines.push(
      `| ${scenario.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ${errors} | ${result.non2xx} |`,
    );
    say(`${scenario.name}: done`);
  }
  console.log(lines.join('\n'));
  console.log(
    met
      ? `aim met: no errors, p99 ≤ ${AIM_P99_MS} ms`
      : `aim missed: errors, non-2xx or p99 > ${AIM_P99_MS} ms`,
  );
}

/** What the 50 planners of the abuse scenario ask: the search box, the panels, the rankings. */
const PLANNER_PATHS = [
  ...SCENARIOS.flatMap((scenario) => scenario.paths),
  ...['武汉市/市发改委', '武汉市/市科技局', '武汉市/市生态环境局'].flatMap((id) => [
    path('/api/node', { id }),
    path('/api/units/profile', { id, plan: PLAN }),
  ]),
  path('/api/themes/reach', { id: `${PLAN}/二(一)` }),
];

const ABUSE_SCRIPT = fileURLToPath(new URL('./console-abuse.ts', import.meta.url));

/** The planners' run, and how long the server's event loop (this process's) was held meanwhile. */
async function planners(
  url: string,
  seconds: number,
): Promise<AutocannonResult & { loopP99: number; loopMax: number }> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const result = await autocannon({
    url,
    connections: PLANNERS,
    workers: 1,
    duration: seconds,
    requests: PLANNER_PATHS.map((each) => ({ method: 'GET', path: each })),
  });
  loop.disable();
  return { ...result, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
}

/** The abusers, in a process of their own; resolves with what they got back. */
function abusers(url: string, seconds: number): Promise<AbuseReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ABUSE_SCRIPT, url, String(seconds), String(ABUSERS)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`the abusers exited with ${code}`));
      else resolve(AbuseReport.parse(JSON.parse(output)));
    });
  });
}

/**
 * The planners alone, then under abuse, each for ABUSE_DURATION_S; the abusers start a second
 * before the planners' second run and stop a second after it.
 */
async function abuseScenario(url: string, sharedUrl: string | null): Promise<void> {
  // Kept answers for all, so both runs measure the same thing; a busy machine may need a retry.
  for (const base of sharedUrl === null ? [url] : [url, sharedUrl]) {
    for (const warm of PLANNER_PATHS) {
      for (let attempt = 1; ; attempt += 1) {
        const response = await fetch(`${base}${warm}`);
        if (response.ok) break;
        if (attempt === 3) throw new Error(`${warm} answered ${response.status}`);
      }
    }
  }
  say(`abuse: ${PLANNERS} planners alone for ${ABUSE_DURATION_S} s`);
  const alone = await planners(url, ABUSE_DURATION_S);
  const abusedOn = async (base: string, console: string) => {
    say(`abuse: the same with ${ABUSERS} console abusers, the console ${console}`);
    const abuse = abusers(base, ABUSE_DURATION_S + 2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const result = await planners(base, ABUSE_DURATION_S);
    return { result, report: await abuse };
  };
  const { result: abused, report } = await abusedOn(url, 'on its own copy');
  const shared = sharedUrl === null ? null : await abusedOn(sharedUrl, "on the explorer's Neo4j");
  const row = (name: string, result: Awaited<ReturnType<typeof planners>>) =>
    `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ${result.errors + result.timeouts} | ${result.non2xx} | ${result.loopP99.toFixed(0)} / ${result.loopMax.toFixed(0)} |`;
  console.log(
    [
      `| ${PLANNERS} planners (search, panels, rankings) | requests/s | p50 ms | p99 ms | max ms | errors | non-2xx | server's event loop held, p99 / max ms |`,
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      row('alone', alone),
      row(`with ${ABUSERS} console abusers (console on its copy, as npm start)`, abused),
      ...(shared === null
        ? []
        : [
            row(`with ${ABUSERS} console abusers (console on the explorer's Neo4j)`, shared.result),
          ]),
    ].join('\n'),
  );
  const statuses = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  for (const [name, each] of [
    ['console on its copy', report],
    ...(shared === null ? [] : [["console on the explorer's Neo4j", shared.report] as const]),
  ] as const) {
    console.log(
      [
        `| console abuse, ${name} (${each.clients} clients, ${each.seconds} s) | answers by status |`,
        '| --- | --- |',
        ...Object.entries(each.byQuery).map(
          ([query, counts]) => `| ${query} | ${statuses(counts)} |`,
        ),
        `| all (${(each.bytes / 2 ** 20).toFixed(0)} MB read) | ${statuses(each.statuses)} |`,
      ].join('\n'),
    );
  }
  const ratio = abused.latency.p99 / Math.max(1, alone.latency.p99);
  const errors = abused.errors + abused.timeouts + abused.non2xx;
  console.log(
    ratio <= AIM_ABUSE_RATIO && errors === 0
      ? `abuse aim met: planners' p99 ${ratio.toFixed(2)}x of alone, no errors`
      : `abuse aim missed: planners' p99 ${ratio.toFixed(2)}x of alone (aim ≤ ${AIM_ABUSE_RATIO}x), ${errors} errors or non-2xx`,
  );
}

async function main(): Promise<number> {
  const database = await neo4jForBench(say);
  const deps: ApiDeps = {
    driver: getDriver(),
    database: connection().database,
    queries: queries(),
    webRoot: null,
    // As `npm start` has it with NEO4J_URI: console queries on a small pool of their own.
    consoleDriver: getConsoleDriver,
    ...(CACHE ? {} : { cacheEntries: 0 }),
  };
  // As `npm start` has it with its own Neo4j: console queries on a copy of the graph.
  const local = database.local;
  const copy =
    local === null || ABUSE === 'off'
      ? null
      : new ConsoleCopy(
          { connection: connection(), lastTransaction: () => local.neo4j.lastTransaction() },
          await copySettings(local.server),
          { log: say, queryTimeoutMs: DEFAULT_CONSOLE_TIMEOUT_MS },
        );
  const server = await startServer({
    app: createApp(copy === null ? deps : { ...deps, consoleDatabase: copy }),
    port: 0,
    host: '127.0.0.1',
  });
  const shared = COMPARE
    ? await startServer({ app: createApp(deps), port: 0, host: '127.0.0.1' })
    : null;
  try {
    await ensureSeedLoaded(getDriver(), { log: say });
    await copy?.start();
    say(
      `server on ${server.url}; ${CONNECTIONS} connections, ${DURATION_S} s per endpoint; ` +
        `kept answers ${CACHE ? 'on' : 'off'}; console ${copy === null ? 'on its own pool' : 'on its copy'}`,
    );
    if (ABUSE !== 'only') await endpointScenarios(server.url);
    if (ABUSE !== 'off') await abuseScenario(server.url, shared?.url ?? null);
    return 0;
  } finally {
    await server.close();
    await shared?.close();
    await copy?.stop();
    await closeDriver();
    await database.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
