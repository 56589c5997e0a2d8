// `npx tsx bench/first-answers.ts`: what a planner's first clicks cost the API right after a
// start, for nodes the warming did not ask about (graph/api/warm.ts asks about the two busiest
// units, one theme, one item). Each round clears Neo4j's query caches and makes a new app, as a
// restart does, then times the first request of each route a click reaches — not warmed; warmed
// as `npm start` warms; and warmed but "a minute on": after the kept answers' age limit
// (GUATU_ANSWER_CACHE_TTL, 60 s) has passed, on the cache's own clock moved ahead, as for a
// planner who opens guatu a minute after it started — and then the same route for yet another
// node (the steady state, nothing kept to reuse). Neo4j is a local one in a temporary folder
// unless NEO4J_URI names a server. Prints medians of BENCH_ROUNDS rounds (default 3) and the
// load average.
import { loadavg } from 'node:os';
import { AnswerCache } from '../graph/api/answer-cache.ts';
import { createApp } from '../graph/api/app.ts';
import { warmApi } from '../graph/api/warm.ts';
import { ensureSeedLoaded } from '../graph/load/seed.ts';
import { closeDriver, connection, getDriver } from '../graph/neo4j/database.ts';
import { queries } from '../graph/queries/registry.ts';
import { neo4jForBench } from './bench-neo4j.ts';
import { median, timedRequest } from './timing.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const PLAN = '武汉市-f64b89c6';
const say = (line: string) => console.error(`[bench:first-answers] ${line}`);
const load = () => `load ${loadavg()[0]?.toFixed(1) ?? '?'}`;

const path = (route: string, query: Record<string, string | number | boolean>) =>
  `${route}?${new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString()}`;

/** A click's request, for a first node and for a second one (the steady state). */
interface Click {
  name: string;
  first: string;
  next: string;
}

const unit = (a: string, b: string) => [`武汉市/${a}`, `武汉市/${b}`] as const;
const [ENVIRONMENT, FINANCE] = unit('市生态环境局', '市财政局');
const [SCIENCE, TRANSPORT] = unit('市科技局', '市交通运输局');
const item = (ref: string) => `${PLAN}/${ref}`;
/** The types the web app expands along in the whole plan and in focus (web/src/components/gt-app.ts). */
const PLAN_TYPES = 'COORDINATES_WITH,MEMBER_OF,DELEGATED_TO';
const FOCUS_TYPES = 'LEADS,SUPPORTS,UNDER,PART_OF,COORDINATES_WITH,MEMBER_OF,DELEGATED_TO';

const CLICKS: Click[] = [
  {
    name: 'search, a unit (sthj / czj)',
    first: path('/api/search', { q: 'sthj', plan: PLAN, limit: 12 }),
    next: path('/api/search', { q: 'czj', plan: PLAN, limit: 12 }),
  },
  {
    name: 'search, names only (sthj / czj)',
    first: path('/api/search', { q: 'sthj', plan: PLAN, limit: 12, fulltext: false }),
    next: path('/api/search', { q: 'czj', plan: PLAN, limit: 12, fulltext: false }),
  },
  {
    name: 'search, item text (碳达峰 / 示范区)',
    first: path('/api/search', { q: '碳达峰', plan: PLAN, limit: 12 }),
    next: path('/api/search', { q: '示范区', plan: PLAN, limit: 12 }),
  },
  {
    name: 'paths unit field (kjj / jtj)',
    first: path('/api/search', { q: 'kjj', plan: PLAN, limit: 8, kind: 'unit' }),
    next: path('/api/search', { q: 'jtj', plan: PLAN, limit: 8, kind: 'unit' }),
  },
  {
    name: 'unit profile',
    first: path('/api/units/profile', { id: ENVIRONMENT, plan: PLAN }),
    next: path('/api/units/profile', { id: FINANCE, plan: PLAN }),
  },
  {
    name: 'neighbourhood (plan scope)',
    first: path('/api/neighbourhood', { id: ENVIRONMENT, limit: 50, depth: 1, types: PLAN_TYPES }),
    next: path('/api/neighbourhood', { id: FINANCE, limit: 50, depth: 1, types: PLAN_TYPES }),
  },
  {
    name: 'neighbourhood (focus scope)',
    first: path('/api/neighbourhood', { id: ENVIRONMENT, limit: 50, depth: 1, types: FOCUS_TYPES }),
    next: path('/api/neighbourhood', { id: FINANCE, limit: 50, depth: 1, types: FOCUS_TYPES }),
  },
  {
    name: 'node',
    first: path('/api/node', { id: ENVIRONMENT }),
    next: path('/api/node', { id: FINANCE }),
  },
  {
    name: 'item source',
    first: path('/api/source', { id: item('二(二)1'), context: 3 }),
    next: path('/api/source', { id: item('二(三)1'), context: 3 }),
  },
  {
    name: 'item progress',
    first: path('/api/progress', { plan: PLAN, item: item('二(二)1') }),
    next: path('/api/progress', { plan: PLAN, item: item('二(三)1') }),
  },
  {
    name: 'theme reach',
    first: path('/api/themes/reach', { id: item('二(二)') }),
    next: path('/api/themes/reach', { id: item('二(三)') }),
  },
  {
    name: 'paths unit ↔ unit',
    first: path('/api/paths', { from: ENVIRONMENT, to: FINANCE, plan: PLAN, limit: 20 }),
    next: path('/api/paths', { from: SCIENCE, to: TRANSPORT, plan: PLAN, limit: 20 }),
  },
  {
    name: 'ranking with collectives',
    first: path('/api/hotspots/unit-load', { plan: PLAN, collectives: true }),
    next: path('/api/hotspots/coordination-pairs', { plan: PLAN, collectives: true }),
  },
  {
    name: 'plan graph',
    first: path('/api/plans/graph', { plan: PLAN }),
    next: path('/api/plans/graph', {}),
  },
  {
    name: 'war map',
    first: path('/api/progress/map', { plan: PLAN }),
    next: path('/api/progress/map', { plan: PLAN }),
  },
];

const timed = timedRequest;

interface Round {
  first: number[];
  next: number[];
}

type Mode = 'not warmed' | 'warmed' | 'a minute on';
const MODES: readonly Mode[] = ['not warmed', 'warmed', 'a minute on'];

/** ms of each click's first request on a new app over cleared caches, then for another node. */
async function round(mode: Mode): Promise<Round> {
  const session = getDriver().session({ database: connection().database });
  try {
    await session.run('CALL db.clearQueryCaches()');
  } finally {
    await session.close();
  }
  // The kept answers' clock (lru-cache takes a start at 0 for none: it starts later).
  let clock = 1_000_000;
  const answers = new AnswerCache({ maxBytes: 64 * 2 ** 20, ttlMs: 60_000, now: () => clock });
  const app = createApp({
    driver: getDriver(),
    database: connection().database,
    queries: queries(),
    webRoot: null,
    answers,
  });
  if (mode !== 'not warmed') await warmApi(app, { log: say });
  if (mode === 'a minute on') {
    clock += 61_000;
    answers.purgeExpired();
  }
  const first: number[] = [];
  for (const click of CLICKS) first.push(await timed(app, click.first));
  const next: number[] = [];
  for (const click of CLICKS) next.push(await timed(app, click.next));
  return { first, next };
}

async function main(): Promise<void> {
  const database = await neo4jForBench(say);
  try {
    await ensureSeedLoaded(getDriver(), { log: say });
    const rounds = new Map<Mode, Round[]>(MODES.map((mode) => [mode, []]));
    for (let i = 0; i < ROUNDS; i += 1) {
      for (const mode of MODES) rounds.get(mode)?.push(await round(mode));
      say(`round ${i + 1} of ${ROUNDS} done, ${load()}`);
    }
    const cell = (mode: Mode, key: keyof Round, i: number) =>
      median((rounds.get(mode) ?? []).map((each) => each[key][i] ?? NaN))
        .toFixed(0)
        .padStart(13);
    console.log(`first requests after a start, ms, median of ${ROUNDS} rounds (${load()})`);
    console.log(
      `${'click'.padEnd(36)}${MODES.map((mode) => mode.padStart(13)).join('')}${'next'.padStart(13)}`,
    );
    CLICKS.forEach((click, i) => {
      console.log(
        `${click.name.padEnd(36)}${MODES.map((mode) => cell(mode, 'first', i)).join('')}${cell('warmed', 'next', i)}`,
      );
    });
  } finally {
    await closeDriver();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
