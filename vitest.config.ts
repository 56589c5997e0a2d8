import { configDefaults, defineConfig } from 'vitest/config';

// Suites that touch no shared database (the parser and readers, pure logic, accounts) and those
// that start a Neo4j of their own (launcher, supervisor, chaos): they run in a second lane beside
// the rest, so the machine's second core is used while the database suites take their turns.
const ALONE = [
  'test/parse/**/*.test.ts',
  'test/contract/**/*.test.ts',
  'test/accounts/**/*.test.ts',
  'test/dictionary/**/*.test.ts',
  'test/queries/{headers,output,query-text}.test.ts',
  'test/load/{chaos,metrics,rows}.test.ts',
  'test/neo4j/{launcher,supervisor,transaction-memory}.test.ts',
  'test/api/{api-queries,elements,errors,guard}.test.ts',
  'test/web/{canvas-fit,heat,hotspot-details,layered-layout,plan-words,saved-views,table-data,to-elements,view-state}.test.ts',
];

const timeouts = { testTimeout: 60_000, hookTimeout: 180_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'graph',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE],
          // One throwaway Neo4j for the whole run, started (or reached via NEO4J_URI) before any file.
          globalSetup: ['test/global-setup.ts'],
          // Files share one database: run them one after another so a file that loads extra plans
          // (and removes them in afterAll) never overlaps the API and browser suites, which expect
          // the seed alone.
          fileParallelism: false,
          ...timeouts,
        },
      },
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
