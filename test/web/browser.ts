// What the browser tests and the benchmark share: the built web app (built here when web/dist is
// older than its sources), the explorer served in process on an ephemeral port against a Neo4j
// holding the seed, and Debian's Chromium driven headless by playwright-core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { createApp } from '../../graph/api/app.ts';
import { startServer, type ServerHandle } from '../../graph/api/server.ts';
import { queries } from '../../graph/queries/registry.ts';
import { WEB_DIST } from '../../graph/cli/web-build.ts';
import { buildWebOnce } from '../support/web-build.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { WEB_DIST } from '../../graph/cli/web-build.ts';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** The flags every run uses: no sandbox (containers), no GPU, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Builds web/ into web/dist unless it is fresh, or the test run has built it already. */
export const buildWeb = buildWebOnce;

/** The explorer (API and web app) on 127.0.0.1, on a port the system picks. */
export function serveExplorer(driver: Driver, database: string): Promise<ServerHandle> {
  const app = createApp({ driver, database, queries: queries(), webRoot: WEB_DIST });
  return startServer({ app, port: 0, host: '127.0.0.1' });
}

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Screenshots for people to look at, which no test reads: taken only when GUATU_TEST_SHOTS is set
 * (`GUATU_TEST_SHOTS=1 npx vitest run test/web/…`), into test-artifacts/. Each costs Chromium a
 * frame and a PNG encode, and the suite took dozens per run.
 */
export async function artefactShot(shown: Page | Locator, name: string): Promise<void> {
  if (!process.env['GUATU_TEST_SHOTS']) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await shown.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/**
 * Waits until an expression is true in the page. Playwright's own waitForFunction evaluates a
 * string with eval, which the app's Content-Security-Policy forbids; this asks from outside.
 */
export async function waitForExpression(
  page: Page,
  expression: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.evaluate(expression)) === true) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
