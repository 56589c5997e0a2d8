// What every browser test file starts with: the seed loaded, the web app built, the explorer
// served and a Chromium with one page whose errors are collected, so a file can assert that a
// planner's session logged none.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { loadSeed } from '../api/support.ts';
import { ARTIFACTS, buildWeb, launchChromium, serveExplorer } from './browser.ts';

export interface ExplorerSession {
  server: ServerHandle;
  browser: Browser;
  page: Page;
}

/** A page in a context of its own (fresh storage), downloads accepted, errors into `problems`. */
export async function newWatchedPage(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 960 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // "Failed to load resource" names no resource in its text: say which, to find the request.
    const { url } = message.location();
    const failed = message.text().startsWith('Failed to load resource') && url !== '';
    problems.push(`console: ${message.text()}${failed ? ` (${url})` : ''}`);
  });
  return page;
}

export async function startExplorerSession(problems: string[]): Promise<ExplorerSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const driver = getDriver();
  const { database } = connection();
  await Promise.all([buildWeb(), loadSeed(driver, database)]);
  const server = await serveExplorer(driver, database);
  const browser = await launchChromium();
  return { server, browser, page: await newWatchedPage(browser, problems) };
}

export async function stopExplorerSession(session: Partial<ExplorerSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.close();
}

/** Opens the app at a query string and waits until the plan is on the canvas. */
export async function openExplorer(page: Page, server: ServerHandle, query = ''): Promise<void> {
  await page.goto(`${server.url}/${query}`);
  await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
}

/**
 * Page-side: takes the app to an address as its own history does (pushState and a popstate
 * event, the path Back and Forward take: gt-app reads its whole view from the address again) and
 * resolves once the app has applied it and the canvas has drawn it. The plan's graph and the
 * expansions are fetched by gt-app's tasks, the drawing is gt-graph's queue (`pin({})` waits for
 * it and pins nothing).
 */
const MOVE = `async (search) => {
  const app = document.querySelector('gt-app');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const go = (address) => {
    history.pushState(null, '', address);
    window.dispatchEvent(new PopStateEvent('popstate'));
  };
  const settled = async () => {
    for (let round = 0; round < 100; round += 1) {
      await app.updateComplete;
      const pending = [app.planGraph, app.expansions].filter((task) => task && task.status === 1);
      if (pending.length === 0) break;
      await Promise.allSettled(pending.map((task) => task.taskComplete));
    }
    const graph = app.shadowRoot.querySelector('gt-graph');
    if (graph) {
      await graph.updateComplete;
      await graph.pin({});
    }
    return graph;
  };
  // First the plain address (no tool, table, selection, filter or marks: their components go,
  // and the next address's start afresh), no pins, the camera fitted to the whole plan, as on a
  // load. Nothing keeps the keyboard either: a field left focused would take the keys meant for
  // the page (\`/\` to search).
  let focused = document.activeElement;
  while (focused && focused.shadowRoot && focused.shadowRoot.activeElement) {
    focused = focused.shadowRoot.activeElement;
  }
  if (focused && focused !== document.body) focused.blur();
  go(location.pathname);
  const graph = await settled();
  if (graph) {
    graph.unpinAll();
    graph.fit();
    const cy = window.__guatu && window.__guatu.cy;
    await frame();
    while (cy && cy.animated()) await frame();
  }
  go(location.pathname + search);
  await settled();
  await frame();
  return true;
}`;

/**
 * Opens the app at a query string, in the page's app when it shows one: the view it had is
 * cleared (tools and panels closed, pins released, the camera fitted to the plan) and the address
 * applied as Back and Forward apply one: ~0.7–1 CPU second of Chromium's where a cold load of the
 * seed takes ~4.5 and a reload ~2.8. Tests whose subject is the load itself (a link opened in a
 * fresh tab, a reload, the first screen) use `openExplorer`. A page showing nothing yet is loaded.
 */
export async function openInApp(page: Page, server: ServerHandle, query = ''): Promise<void> {
  const shown = await page
    .evaluate(
      `document.querySelector('gt-app')?.shadowRoot?.querySelector('gt-graph[data-drawn="true"]') != null && window.__guatu?.cy != null`,
    )
    .catch(() => false);
  if (!page.url().startsWith(`${server.url}/`) || shown !== true) {
    await openExplorer(page, server, query);
    return;
  }
  await page.evaluate(`(${MOVE})(${JSON.stringify(query)})`);
}

/** Evaluates `read` with `cy` bound: the canvas has no DOM, its Cytoscape is window.__guatu.cy. */
export function readCanvas<T>(page: Page, read: string): Promise<T> {
  return page.evaluate(`(() => { const cy = window.__guatu.cy; return ${read}; })()`) as Promise<T>;
}

/** A GET of the API the page uses, as the tests compare the screen with it; anything but 200 throws. */
export async function getApi<T>(
  server: ServerHandle,
  path: string,
  query: Record<string, string> = {},
): Promise<T> {
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${server.url}/api${path}${search === '' ? '' : `?${search}`}`);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}
