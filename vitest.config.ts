import { configDefaults, defineConfig } from 'vitest/config';

// Three lanes, which `npm test` runs side by side as vitest processes of their own
// (scripts/test-lanes.ts; one vitest process runs projects like these one after another). Suites
// that touch no shared database (the parser and readers, pure logic, accounts) and most of those
// that start a Neo4j of their own (launcher, supervisor, chaos) form one. The database suites are
// split in two lanes, each with a Neo4j of its own (test/global-setup.ts), files one after
// another within a lane: a browser suite waits on its page much of the time, and the other lanes
// use the machine meanwhile.
const ALONE = [
  'test/parse/**/*.test.ts',
  'test/contract/**/*.test.ts',
  'test/accounts/**/*.test.ts',
  'test/dictionary/**/*.test.ts',
  'test/queries/{headers,output,query-text}.test.ts',
  'test/load/{chaos,metrics,rows}.test.ts',
  'test/neo4j/{launcher,supervisor,transaction-memory}.test.ts',
  'test/api/{api-queries,elements,errors,guard}.test.ts',
  'test/web/{canvas-fit,heat,hotspot-details,layered-layout,plan-words,saved-views,table-data,to-elements,view-state,war-map}.test.ts',
  'test/web/{attach-proposals,early-graph}.test.ts',
  'test/editions/**/*.test.ts',
];

// The second database lane: about half of the browser suites, the heaviest files of the run.
const SECOND = [
  'test/web/{hotspots,briefing,explorer,import,search,warmap,progress}.test.ts',
  'test/queries/cli.test.ts',
  // Starts a Neo4j of its own: here only to even out the lanes.
  'test/api/hostile.test.ts',
];

// A server named by NEO4J_URI is one database: then both lanes run as one, one file at a time.
const ONE_DATABASE = Boolean(process.env['NEO4J_URI']);

// Every Neo4j a test run starts (each lane's, and those of the launcher, supervisor, chaos and
// hostile suites) lives for minutes, and a start is most of the CPU it uses: the client compiler
// alone (C1, no C2) and the serial collector halve a start's CPU time on two cores (see
// bench/neo4j-start.ts). Set here, the run's main process and every worker, and each
// `npm run db` a test spawns, pass it on to the launcher (graph/neo4j/launcher.ts).
process.env['GUATU_NEO4J_JAVA_OPTIONS'] ??=
  '-XX:TieredStopAtLevel=1 -XX:-UseG1GC -XX:+UseSerialGC -XX:-UsePerfData';

// expect.poll waits for a page or a server to show a result; 1 s (vitest's default) is too
// short for a browser redrawing the plan on a machine running three lanes at once.
const timeouts = {
  testTimeout: 60_000,
  hookTimeout: 180_000,
  expect: { poll: { timeout: 30_000 } },
};

/** A lane of suites sharing one Neo4j: files one after another, so a file that loads extra
 * plans (and removes them in afterAll) never overlaps the suites that expect the seed alone. */
const databaseLane = (name: string, include: string[], exclude: string[]) => ({
  test: {
    name,
    include,
    exclude: [...configDefaults.exclude, ...exclude],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/worker-env.ts'],
    fileParallelism: false,
    ...timeouts,
  },
});

export default defineConfig({
  test: {
    projects: [
      ONE_DATABASE
        ? databaseLane('graph', ['test/**/*.test.ts'], ALONE)
        : databaseLane('graph', ['test/**/*.test.ts'], [...ALONE, ...SECOND]),
      ...(ONE_DATABASE ? [] : [databaseLane('graph-2', SECOND, [])]),
      {
        test: {
          name: 'alone',
          include: ALONE,
          fileParallelism: false,
          ...timeouts,
        },
      },
    ],
  },
});
