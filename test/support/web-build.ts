// The web app is built once per test run, before its lanes start (scripts/test-lanes.ts, or the
// lane's test/global-setup.ts when vitest runs by itself), and never again by a worker: an edit
// saved while the suite runs would otherwise rebuild the app, and empty its folder, under another
// lane's open pages — and each browser file would pay for a build of its own.
import { buildWebIfStale, WEB_DIST } from '../../graph/cli/web-build.ts';

/** Set to WEB_DIST in the environment of a run's lanes and workers once the app is built there. */
const BUILT_BY_RUN = 'GUATU_WEB_BUILT';

/** Builds web/ into WEB_DIST unless it is fresh or this run has built it already. */
export async function buildWebOnce(): Promise<'built' | 'fresh' | 'built by this run'> {
  if (process.env[BUILT_BY_RUN] === WEB_DIST) return 'built by this run';
  const outcome = await asProduction(buildWebIfStale);
  // Inherited by the workers and commands started from here on.
  process.env[BUILT_BY_RUN] = WEB_DIST;
  return outcome;
}

/**
 * Vite picks each package's "development" or "production" build by NODE_ENV, which vitest sets to
 * "test": built inside a test process the app bundled Lit's development build (slower, and
 * warning on the console), not what `npm run build` serves. And when NODE_ENV is unset Vite sets
 * it, for good, in the process that builds: the lanes started after the build inherited it.
 */
async function asProduction<T>(build: () => Promise<T>): Promise<T> {
  const before = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    return await build();
  } finally {
    if (before === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = before;
  }
}
