// The explorer's graph over every plan (全部规划, issue 15) in a real Chromium, with the seed and a
// second notice of the same city loaded (a year's work report division, its first themes). The
// header's picker offers 全部规划; chosen, the canvas draws the API's union: one node per bureau
// whichever plans name it, each plan's items and themes inside a frame that names the plan. A
// bureau both plans name lights items of both; the address keeps the choice and a fresh page
// restores it; what reads one plan (the war map, the progress report) says so; English words.
// One browser and one page for the file.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanGraph } from '../../contract/api/plans.ts';
import type { ServerHandle } from '../../graph/api/server.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { FGW, SEED_PLAN } from '../api/support.ts';
import { workReportText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import {
  getApi,
  openExplorer,
  openInApp,
  readCanvas,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let second = '';
let all: PlanGraph;

const picker = () => page.locator('gt-plan-picker select[data-plan-picker]');
const drawnNodes = async () =>
  Number(await page.locator('gt-graph').getAttribute('data-node-count'));
const title = () => page.locator('header.bar h1').textContent();

/** The plan frames on the canvas: each one's plan, label and how many nodes it holds. */
interface Frame {
  plan: string;
  label: string;
  children: number;
}
const frames = () =>
  readCanvas<Frame[]>(
    page,
    `cy.nodes('[kind = "plan-frame"]').map((n) => ({ plan: n.data('planId'), label: n.data('display'), children: n.children().length }))`,
  );

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  const driver = getDriver();
  await removePlansOtherThanSeed(driver);
  second = (
    await loadPlanText(driver, workReportText, 'work-report.txt', {
      database: connection().database,
    })
  ).planId;
  all = await getApi<PlanGraph>(server, '/plans/graph', { plans: 'all' });
}, 240_000);

afterAll(async () => {
  await stopExplorerSession({ server, browser });
  await removePlansOtherThanSeed(getDriver());
});

describe('全部规划 on the canvas', () => {
  it('is the picker’s last entry, and draws the union framed by plan', async () => {
    await openExplorer(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}`);
    const last = picker().locator('option[data-all-plans]');
    expect((await last.textContent())?.trim()).toBe('全部规划(2 份,同一张图)');
    await picker().selectOption('all');
    await expect.poll(title).toBe('全部规划:2 份规划同图');
    // Every node of the API's union, and one frame per plan.
    await expect.poll(drawnNodes).toBe(all.elements.nodes.length + 2);
    const ids = await readCanvas<string[]>(
      page,
      `cy.nodes('[kind != "plan-frame"]').map((n) => n.id())`,
    );
    expect(ids.toSorted()).toEqual(all.elements.nodes.map((node) => node.data.id).toSorted());
    const address = new URL(page.url()).searchParams;
    expect(address.get('plan')).toBe('all');
    // The rankings and paths follow: every plan there too.
    expect(address.get('plans')).toBe('all');

    const items = (plan: string) =>
      all.elements.nodes.filter((node) => node.data['planId'] === plan).length;
    expect((await frames()).toSorted((a, b) => a.label.localeCompare(b.label))).toEqual(
      [
        { plan: second, label: '武汉2023政府工作报告分工', children: items(second) },
        { plan: SEED_PLAN, label: '武汉十四五分工', children: items(SEED_PLAN) },
      ].toSorted((a, b) => a.label.localeCompare(b.label)),
    );
    // Units stand outside every frame; each item inside its own plan's.
    const misplaced = await readCanvas<string[]>(
      page,
      `cy.nodes('[kind != "plan-frame"]').filter((n) => n.data('kind') === 'unit' ? n.isChild() : n.parent().data('planId') !== n.data('planId')).map((n) => n.id())`,
    );
    expect(misplaced).toEqual([]);
    await artefactShot(page, 'graph-all-plans');
  });

  it('draws a bureau both plans name once, linked to items of both, lit together', async () => {
    await openInApp(page, server, `?plan=all&plans=all&sel=${encodeURIComponent(FGW)}`);
    expect(await readCanvas<number>(page, `cy.nodes('[name = "市发改委"]').length`)).toBe(1);
    const linked = await readCanvas<string[]>(
      page,
      `[...new Set(cy.getElementById(${JSON.stringify(FGW)}).outgoers('node').map((n) => n.data('planId')))]`,
    );
    expect(linked.toSorted()).toEqual([SEED_PLAN, second].toSorted());
    // The selection lights its items in every plan.
    await expect
      .poll(() =>
        readCanvas<string[]>(
          page,
          `[...new Set(cy.nodes('.highlight[kind != "unit"]').map((n) => n.data('planId')))]`,
        ).then((plans) => plans.toSorted()),
      )
      .toEqual([SEED_PLAN, second].toSorted());
    // Its panel keeps working: its figures plan by plan, both plans listed.
    const table = page.locator('gt-unit-panel gt-unit-plans table');
    await table.waitFor();
    expect(await table.locator(`tr[data-plan="${SEED_PLAN}"]`).count()).toBe(1);
    expect(await table.locator(`tr[data-plan="${second}"]`).count()).toBe(1);
  });

  it('says the war map and the progress report read one plan', async () => {
    await openInApp(page, server, `?plan=all&plans=all&war=1`);
    const notice = page.locator('gt-one-plan[floating]');
    await expect
      .poll(() => notice.locator('p').textContent())
      .toBe('挂图作战和时间轴一次只看一个规划。请选择一个:');
    expect(await notice.locator('button[data-plan]').count()).toBe(2);
    const report = page.locator('header.bar button[data-action="report"]');
    expect(await report.isDisabled()).toBe(true);
    expect(await report.getAttribute('title')).toContain('进展通报针对一个规划');
    // One click chooses a plan: the war map is then that plan's.
    await notice.locator(`button[data-plan="${second}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('plan')).toBe(second);
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('is kept in the address: a fresh page restores it, in English too', async () => {
    await openExplorer(page, server, '?plan=all&lang=en');
    await expect.poll(title).toBe('All plans: 2 plans on one graph');
    expect(await picker().inputValue()).toBe('all');
    expect((await picker().locator('option[data-all-plans]').textContent())?.trim()).toBe(
      'All plans (2, on one graph)',
    );
    await expect.poll(drawnNodes).toBe(all.elements.nodes.length + 2);
    expect(problems).toEqual([]);
  });
});
