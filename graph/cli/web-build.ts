// The web app is served from web/dist; `npm start` and the browser tests build it only when it is
// older than its sources, so a fresh clone works and a warm start costs nothing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the build goes; GUATU_WEB_DIST moves it, so two checkouts' test runs never share one. */
export const WEB_DIST = process.env['GUATU_WEB_DIST'] ?? join(ROOT, 'web/dist');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds web/ into web/dist unless the build is newer than every source file. */
export async function buildWebIfStale(): Promise<'built' | 'fresh'> {
  const sources = Math.max(
    newestMtime(join(ROOT, 'web/src')),
    newestMtime(join(ROOT, 'web/index.html')),
    newestMtime(join(ROOT, 'web/vite.config.ts')),
    // The app imports the contract it shares with the server (contract/).
    newestMtime(join(ROOT, 'contract')),
  );
  let built = 0;
  try {
    built = statSync(join(WEB_DIST, 'index.html')).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (built > sources) return 'fresh';
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: WEB_DIST, emptyOutDir: true },
  });
  return 'built';
}
