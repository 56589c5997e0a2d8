import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway Neo4j for the whole run, started (or reached via NEO4J_URI) before any file.
    globalSetup: ['test/global-setup.ts'],
    // Files share one database: run them one after another so a file that loads extra plans
    // (and removes them in afterAll) never overlaps the API and browser suites, which expect the seed alone.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
