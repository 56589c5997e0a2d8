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
