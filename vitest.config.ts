import { configDefaults, defineConfig } from 'vitest/config';

// Five lanes, which `npm test` runs side by side as vitest processes of their own
// (scripts/test-lanes.ts; one vitest process runs projects like these one after another). Three
// database lanes, each with a Neo4j of its own (test/global-setup.ts), files one after another
// within a lane: a file waits on its browser, its Neo4j or a command it runs much of the time
// (three lanes kept 1.35 of the two cores busy on average), and the other lanes use the machine
// meanwhile. The suites that start Neo4js of their own (launcher, supervisor, chaos) form a lane:
// they wait on JVMs for minutes and use little CPU. The rest touch no database (the parser and
// readers, pure logic, accounts) and form the last.
const OWN_NEO4J = ['test/load/chaos.test.ts', 'test/neo4j/{launcher,supervisor}.test.ts'];

const ALONE = [
  'test/parse/**/*.test.ts',
  'test/contract/**/*.test.ts',
  'test/accounts/**/*.test.ts',
  'test/dictionary/**/*.test.ts',
  'test/queries/{headers,output,query-text}.test.ts',
  'test/load/{metrics,rows}.test.ts',
  'test/neo4j/transaction-memory.test.ts',
  'test/api/{api-queries,elements,errors,guard,results,import-worker}.test.ts',
  'test/web/{canvas-fit,heat,hotspot-details,layered-layout,plan-words,saved-views,table-data,to-elements,view-state,war-map}.test.ts',
  'test/web/{attach-proposals,early-graph,editions-view,matrix-data,plans-scope,plan-frames,scene-detail}.test.ts',
  'test/editions/**/*.test.ts',
];

// The second and third database lanes: the browser suites, the heaviest files of the run, split
// by their times in a whole run (scripts/test-lanes.ts prints each lane's); the first lane keeps
// the API, loader and query suites, and any file not named here.
const SECOND = [
  'test/web/{briefing,explorer,progress,chinese-first,import,search,warmap,first-draw,portfolio}.test.ts',
  'test/queries/cli.test.ts',
  // Attacks the lane's Neo4j (its graph checksummed before and after) and starts the console's
  // copy of it: the lane's Neo4j allows a transaction 64 MB, a cap its queries pass within the
  // console's 2 s (HOSTILE_PROVIDE). Every other suite of the lane stays far below it.
  'test/api/hostile.test.ts',
];
const HOSTILE_PROVIDE = { neo4jTransactionMemory: '64m' };
const THIRD = [
  'test/web/{hotspots,console,canvas,availability,team-login,task-list,attach,reports,editions,unit-merge,matrix,graph-all-plans,lit-frame,scene}.test.ts',
];

// A server named by NEO4J_URI is one database: then the lanes run as one, one file at a time.
const ONE_DATABASE = Boolean(process.env['NEO4J_URI']);

// Every Neo4j a test run starts (each lane's, those of the launcher, supervisor and chaos
// suites, and the hostile suite's console copy) lives for minutes, and a start is most of the CPU
// it uses: the client compiler alone (C1, no C2) and the serial collector halve a start's CPU
// time on two cores (see bench/neo4j-start.ts). Set here, the run's main process and every
// worker, and each `npm run db` a test spawns, pass it on to the launcher
// (graph/neo4j/launcher.ts).
process.env['GUATU_NEO4J_JAVA_OPTIONS'] ??=
  '-XX:TieredStopAtLevel=1 -XX:-UseG1GC -XX:+UseSerialGC -XX:-UsePerfData';

// expect.poll waits for a page or a server to show a result; 1 s (vitest's default) is too
// short for a browser redrawing the plan on a machine running three lanes at once.
const timeouts = {
  testTimeout: 60_000,
  hookTimeout: 180_000,
  expect: { poll: { timeout: 30_000 } },
};

/**
 * A lane of suites sharing one Neo4j: files one after another, so a file that loads extra plans
 * (and removes them in afterAll) never overlaps the suites that expect the seed alone. One worker
 * imports the app, the driver and Playwright once for all the lane's files, not once a file: the
 * graph lane alone spent 32 s importing and 161 CPU s in all isolated, 4.5 s and 116 CPU s not.
 * No suite of these lanes mocks modules or stubs globals, and each closes what it opens (its
 * driver through useTestNeo4j, its server and browser in afterAll).
 */
const databaseLane = (
  name: string,
  include: string[],
  exclude: string[],
  provide: { neo4jTransactionMemory?: string } = {},
) => ({
  test: {
    name,
    include,
    exclude: [...configDefaults.exclude, ...exclude],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/support/worker-env.ts'],
    fileParallelism: false,
    isolate: false,
    provide,
    ...timeouts,
  },
});

export default defineConfig({
  test: {
    projects: [
      ONE_DATABASE
        ? databaseLane('graph', ['test/**/*.test.ts'], [...ALONE, ...OWN_NEO4J])
        : databaseLane(
            'graph',
            ['test/**/*.test.ts'],
            [...ALONE, ...OWN_NEO4J, ...SECOND, ...THIRD],
          ),
      ...(ONE_DATABASE
        ? []
        : [
            databaseLane('graph-2', SECOND, [], HOSTILE_PROVIDE),
            databaseLane('graph-3', THIRD, []),
          ]),
      {
        test: {
          name: 'own-neo4j',
          include: OWN_NEO4J,
          fileParallelism: false,
          ...timeouts,
        },
      },
      {
        test: {
          name: 'alone',
          include: ALONE,
          // One worker imports the parser, the app and their libraries once for all these files,
          // not once a file (isolated, the lane spent ~50 s importing): none of them changes
          // module state, globals or the environment that another could see (early-graph's
          // stand-in fetch is unstubbed after its file).
          isolate: false,
          fileParallelism: false,
          ...timeouts,
        },
      },
    ],
  },
});
