// The war map and the timeline in Chromium, on a plan with known deadlines and progress
// (test/progress/war-map-plan.ts) and a server clock the test moves: an item due tomorrow is on
// track; two days later, after a refresh, the same item is late on the canvas, in the legend's
// count and on the timeline.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../graph/api/app.ts';
import { startServer, type ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { queries } from '../../graph/queries/registry.ts';
import { mapStateWord, warmapWord } from '../../web/src/i18n/features/warmap.ts';
import { loadSeed } from '../api/support.ts';
import {
  at,
  FGW,
  item,
  loadWarMapPlan,
  removeWarMapProgress,
  TODAY,
  WAR_MAP_PLAN,
} from '../progress/war-map-plan.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, buildWeb, launchChromium, waitForExpression, WEB_DIST } from './browser.ts';
import { newWatchedPage } from './session.ts';

useTestNeo4j();
const problems: string[] = [];
let clock = at(TODAY);
let server: ServerHandle;
let browser: Browser;
let page: Page;

const DUE_TOMORROW = item('1');
const node = (id: string) => `window.__guatu.cy.getElementById(${JSON.stringify(id)})`;
const legendCount = (state: string) =>
  page.locator(`gt-war-legend li[data-war-state="${state}"]`).getAttribute('data-count');

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  await Promise.all([buildWeb(), loadSeed(driver, database)]);
  await loadWarMapPlan(driver, database);
  const app = createApp({
    driver,
    database,
    queries: queries(),
    webRoot: WEB_DIST,
    now: () => clock,
  });
  server = await startServer({ app, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  page = await newWatchedPage(browser, problems);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeWarMapProgress(getDriver(), connection().database);
  await removePlansOtherThanSeed(getDriver());
});

describe('the war map in Chromium', () => {
  it('turns on 作战图: the item due tomorrow is on track, the legend counts each state', async () => {
    await page.goto(`${server.url}/?plan=${encodeURIComponent(WAR_MAP_PLAN)}`);
    await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
    const toggle = page.locator('gt-canvas-controls button[data-action="warmap"]');
    await expect(toggle.textContent()).resolves.toContain(warmapWord('zh', 'warmap'));
    await toggle.click();
    await waitForExpression(page, `${node(DUE_TOMORROW)}.data('war') === 'on-track'`);
    expect(new URL(page.url()).searchParams.get('war')).toBe('1');
    // 2 (past due) and 5 (reported 滞后) are late; 3 not started; 4 paused; 6 done.
    const prefix = JSON.stringify(`${WAR_MAP_PLAN}/`);
    const states = await page.evaluate(
      `[1, 2, 3, 4, 5, 6].map((ref) => window.__guatu.cy.getElementById(${prefix} + ref).data('war'))`,
    );
    expect(states).toEqual(['on-track', 'late', 'not-started', 'paused', 'late', 'done']);
    await expect(legendCount('on-track')).resolves.toBe('1');
    await expect(legendCount('late')).resolves.toBe('2');
    await expect(
      page.locator('gt-war-legend [data-today]').getAttribute('data-today'),
    ).resolves.toBe(TODAY);
    await expect(
      page.locator('gt-war-legend li[data-war-state="on-track"]').textContent(),
    ).resolves.toContain(mapStateWord('zh', 'on-track'));
    // 市发改委: 2 of its 3 items late — a wedge of two thirds, and a dark border.
    expect(await page.evaluate(`${node(FGW)}.data('warLate')`)).toBe(66.7);
    expect(await page.evaluate(`${node(FGW)}.style('border-width')`)).toBe('3px');
    expect(await page.evaluate(`${node(item('2'))}.style('border-width')`)).toBe('5px');
    await artefactShot(page, 'warmap-on-track');
  });

  it('after the server’s clock moves two days on and a refresh, the same item is late', async () => {
    clock = at('2026-12-09');
    await page.reload();
    await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
    await waitForExpression(page, `${node(DUE_TOMORROW)}.data('war') === 'late'`);
    await expect(legendCount('late')).resolves.toBe('3');
    await expect(legendCount('on-track')).resolves.toBe('0');
    await expect(
      page.locator('gt-war-legend [data-today]').getAttribute('data-today'),
    ).resolves.toBe('2026-12-09');
    await artefactShot(page, 'warmap-late');
  });

  it('steps back what the 已逾期 filter leaves out', async () => {
    await page.locator('gt-war-filters button[data-war-filter="overdue"]').click();
    await waitForExpression(page, `${node(item('6'))}.data('warOut') === true`);
    expect(await page.evaluate(`${node(DUE_TOMORROW)}.data('warOut')`)).toBeUndefined();
    // 市教育局 answers only for 6, done: stepped back too.
    expect(await page.evaluate(`${node('武汉市/市教育局')}.data('warOut')`)).toBe(true);
    await expect(legendCount('late')).resolves.toBe('2');
    expect(new URL(page.url()).searchParams.get('wf')).toBe('overdue');
  });

  it('shows the timeline by month, late items marked, and selects an item from it', async () => {
    await page.locator('gt-canvas-controls button[data-view="timeline"]').click();
    const timeline = page.locator('gt-timeline');
    await timeline.locator('table').waitFor();
    // Overdue only: 2 (November) and 1 (December).
    await expect(timeline.locator('table').getAttribute('data-items')).resolves.toBe('2');
    await page.locator('gt-war-filters button[data-war-filter="overdue"]').click();
    await expect(timeline.locator('table').getAttribute('data-items')).resolves.toBe('6');
    const columns = await timeline
      .locator('thead th[data-column]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-column')));
    expect(columns).toEqual(['2026-06', '2026-11', '2026-12', 'recurring', 'ongoing']);
    const card = timeline.locator(`td[data-column="2026-12"] button[data-item="${DUE_TOMORROW}"]`);
    await expect(card.getAttribute('data-state')).resolves.toBe('late');
    await expect(card.textContent()).resolves.toContain(warmapWord('zh', 'timelineLate'));
    // Rows by theme: 一 holds 1–3.
    await expect(
      timeline.locator(`tr[data-row="${item('一')}"] button[data-item]`).count(),
    ).resolves.toBe(3);
    await card.click();
    await page.locator('gt-item-panel').waitFor();
    expect(new URL(page.url()).searchParams.get('sel')).toBe(DUE_TOMORROW);
    await timeline.locator('button[data-group="unit"]').click();
    await expect(timeline.locator(`tr[data-row="${FGW}"] button[data-item]`).count()).resolves.toBe(
      1,
    );
    await artefactShot(page, 'warmap-timeline');
  });

  it('ranks the items stalled longest in 热点, statuses in words', async () => {
    await page.locator('button[data-tool="hotspots"]').click();
    const panel = page.locator('gt-hotspots-panel');
    const ranking = panel.locator('select[name="ranking"]');
    await ranking.locator('option[value="stalled-items"]').waitFor({ state: 'attached' });
    await ranking.selectOption('stalled-items');
    const first = panel.locator('table[data-ranking="stalled-items"] tbody tr').first();
    await first.waitFor();
    const cells = (await first.locator('td').allTextContents()).map((cell) => cell.trim());
    // 2, last heard of on 2026-09-01: 99 days to the test's 2026-12-09.
    expect(cells).toEqual(
      expect.arrayContaining(['2', '推进城镇老旧小区改造', '推进中', '2026-09-01', '99']),
    );
    expect(cells.join('|')).not.toMatch(/in-progress|task/);
    expect(problems).toEqual([]);
  });
});
