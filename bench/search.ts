// `npx tsx bench/search.ts`: how soon the search answers a keystroke after a start. Each round
// clears Neo4j's query caches and makes a new app, as a restart does, warms it as `npm start`
// does (graph/api/warm.ts) or not, then times the first request of each kind of search a planner
// makes (a unit by initials, words found only in item text, the paths tool's unit field), and
// the same requests again once everything is warm. Neo4j is a local one in a temp folder, unless
// NEO4J_URI names a server. Prints medians; the aim is every warmed first request ≤ 100 ms.
//
//   BENCH_ROUNDS=5 npx tsx bench/search.ts
import { createApp } from '../graph/api/app.ts';
import { warmApi } from '../graph/api/warm.ts';
import { ensureSeedLoaded } from '../graph/load/seed.ts';
import { closeDriver, connection, getDriver } from '../graph/neo4j/database.ts';
import { queries } from '../graph/queries/registry.ts';
import { neo4jForBench } from './bench-neo4j.ts';
import { median, timedRequest } from './timing.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const AIM_MS = 100;
const PLAN = '武汉市-f64b89c6';

const say = (line: string) => console.error(`[bench:search] ${line}`);

const path = (query: Record<string, string | number>) =>
  `/api/search?${new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)])).toString()}`;

/** What a planner types first, as the web app asks it (limit 12; the paths tool asks for units). */
const SEARCHES: { name: string; query: Record<string, string | number> }[] = [
  { name: 'unit by initials (czj)', query: { q: 'czj', plan: PLAN, limit: 12 } },
  { name: 'words in item text (示范区)', query: { q: '示范区', plan: PLAN, limit: 12 } },
  { name: 'title and text (生态)', query: { q: '生态', plan: PLAN, limit: 12 } },
  {
    name: 'paths tool unit field (sfj)',
    query: { q: 'sfj', plan: PLAN, limit: 8, kind: 'unit' },
  },
];

const timed = timedRequest;

/** ms of each search's first request on a new app over cleared caches, then of a repeat. */
async function round(warm: boolean): Promise<{ first: number[]; again: number[] }> {
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
  if (warm) await warmApi(app, { log: say });
  const first: number[] = [];
  for (const search of SEARCHES) first.push(await timed(app, path(search.query)));
  // A new keystroke is a query not asked before: a trailing space (trimmed by the API, kept in
  // the kept answers' key) asks the same search past them.
  const again: number[] = [];
  for (const search of SEARCHES) {
    again.push(await timed(app, path({ ...search.query, q: `${String(search.query.q)} ` })));
  }
  return { first, again };
}

async function main(): Promise<number> {
  const database = await neo4jForBench(say);
  try {
    await ensureSeedLoaded(getDriver(), { log: say });
    const warmed: { first: number[]; again: number[] }[] = [];
    const cold: { first: number[]; again: number[] }[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      warmed.push(await round(true));
      cold.push(await round(false));
    }
    const cell = (
      rounds: { first: number[]; again: number[] }[],
      key: 'first' | 'again',
      i: number,
    ) => median(rounds.map((each) => each[key][i] ?? NaN)).toFixed(0);
    console.log(
      [
        `| search (median of ${ROUNDS}) | first, cold ms | first, warmed ms | next keystroke ms |`,
        '| --- | --- | --- | --- |',
        ...SEARCHES.map(
          (search, i) =>
            `| ${search.name} | ${cell(cold, 'first', i)} | ${cell(warmed, 'first', i)} | ${cell(warmed, 'again', i)} |`,
        ),
      ].join('\n'),
    );
    const worst = Math.max(
      ...SEARCHES.map((_, i) => median(warmed.map((each) => each.first[i] ?? NaN))),
    );
    console.log(
      worst <= AIM_MS
        ? `aim met: every warmed first search ≤ ${AIM_MS} ms`
        : `aim missed: a warmed first search took ${worst.toFixed(0)} ms`,
    );
    return 0;
  } finally {
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
