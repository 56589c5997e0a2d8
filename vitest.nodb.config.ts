// Suites that need no database (parser, readers, pure web logic), without the run's Neo4j:
// `npx vitest run --config vitest.nodb.config.ts test/parse` answers in seconds while working.
// `npm test` runs everything, these included, with the full config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // Reading every example can take longer than vitest's 10 s on a machine busy with other runs.
    hookTimeout: 180_000,
  },
});
