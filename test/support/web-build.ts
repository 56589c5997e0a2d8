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
  const outcome = await buildWebIfStale();
  // Inherited by the workers and commands started from here on.
  process.env[BUILT_BY_RUN] = WEB_DIST;
  return outcome;
}
