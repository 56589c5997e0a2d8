// The availability banner in a real Chromium: the explorer served by an app whose database the
// test takes away and gives back (the availability a supervisor reports, graph/api/availability.ts),
// then by no server at all. The planner sees the banner in their language while the database or
// the server is away, and it goes by itself when they are back.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../graph/api/app.ts';
import type { DatabaseAvailability } from '../../graph/api/availability.ts';
import { startServer, type ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { queries } from '../../graph/queries/registry.ts';
import {
  HEALTH_POLL_DEFAULTS,
  nextCheckIn,
  reachabilityOf,
} from '../../web/src/controllers/health-controller.ts';
import { loadSeed } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { buildWeb, launchChromium, WEB_DIST } from './browser.ts';
import { newWatchedPage, openExplorer } from './session.ts';

useTestNeo4j();

// The banner asks health every 10 s while all is well and within 10 s while not: these bounds
// are for a loaded machine, not the figures of the feature.
const NOTICED_MS = 45_000;

let database: DatabaseAvailability = { state: 'up' };
let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const app = () =>
  createApp({
    driver: getDriver(),
    database: connection().database,
    queries: queries(),
    webRoot: WEB_DIST,
    availability: () => database,
  });

beforeAll(async () => {
  await Promise.all([buildWeb(), loadSeed(getDriver(), connection().database)]);
  server = await startServer({ app: app(), port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  page = await newWatchedPage(browser, problems);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const banner = () => page.locator('gt-db-banner [role="status"]');

async function bannerText(): Promise<string> {
  await banner().waitFor({ state: 'visible', timeout: NOTICED_MS });
  return ((await banner().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('what the banner makes of health', () => {
  it('reads up, the database away, or the server away', () => {
    expect(reachabilityOf(200, { neo4j: 'up', plans: [] })).toBe('up');
    expect(reachabilityOf(200, { neo4j: 'down', plans: [] })).toBe('database-down');
    expect(reachabilityOf(null, null)).toBe('server-unreachable');
    expect(reachabilityOf(502, null)).toBe('server-unreachable');
    expect(reachabilityOf(503, { error: { code: 'database_unavailable' } })).toBe(
      'server-unreachable',
    );
  });

  it('asks every 10 s while all is well, then after 1, 2, 4 … 10 s while not', () => {
    expect(
      Array.from({ length: 7 }, (_, failures) => nextCheckIn(failures, HEALTH_POLL_DEFAULTS)),
    ).toEqual([10_000, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});

describe('the availability banner', () => {
  it('says the database is reconnecting while it is down, and goes once it is back', async () => {
    await openExplorer(page, server);
    expect(await banner().count()).toBe(0);

    database = { state: 'restarting', retryInMs: 2_000 };
    expect(await bannerText()).toContain('数据库暂时不可用，正在重新连接…');
    expect(await bannerText()).toContain('恢复后会自动继续');
    // What the page's own requests meet meanwhile.
    const during = await page.evaluate(async () => {
      const response = await fetch('/api/search?q=fgw');
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(during).toMatchObject({
      status: 503,
      body: { error: { code: 'database_unavailable', messageZh: expect.any(String) as unknown } },
    });

    database = { state: 'up' };
    await banner().waitFor({ state: 'detached', timeout: NOTICED_MS });
    const after = await page.evaluate(async () => (await fetch('/api/search?q=fgw')).status);
    expect(after).toBe(200);
  }, 180_000);

  it('speaks English in an English page, and its button asks again at once', async () => {
    await openExplorer(page, server, '?lang=en');
    database = { state: 'restarting' };
    expect(await bannerText()).toContain('The database is temporarily unavailable; reconnecting…');
    // Pressed just after a scheduled ask, while the database is still away: the banner's own
    // schedule waits two seconds or more now, so an ask within one second is the button's. Clicking
    // after the database is back would race the poll, which may take the banner away first.
    const isHealth = (request: { url(): string }) =>
      new URL(request.url()).pathname === '/api/health';
    await page.waitForRequest(isHealth, { timeout: NOTICED_MS });
    const asked = page.waitForRequest(isHealth, { timeout: 1_000 });
    await banner().locator('button').click();
    await asked;
    database = { state: 'up' };
    await banner().waitFor({ state: 'detached', timeout: NOTICED_MS });
  }, 180_000);

  it('says the server cannot be reached while it is gone, and goes once it listens again', async () => {
    await openExplorer(page, server);
    const port = server.port;
    await server.close();
    expect(await bannerText()).toContain('无法连接挂图服务，正在重试…');
    server = await startServer({ app: app(), port, host: '127.0.0.1' });
    await banner().waitFor({ state: 'detached', timeout: NOTICED_MS });
  }, 180_000);

  it('logged no script errors beyond the failed requests of the outages', () => {
    const scriptErrors = problems.filter(
      (problem) => !/Failed to load resource|ERR_CONNECTION_REFUSED|503/.test(problem),
    );
    expect(scriptErrors).toEqual([]);
  });
});
