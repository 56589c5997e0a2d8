// The whole portfolio (issue 15) in a real Chromium. The header's plan picker: with the seed and a second notice of the
// same city loaded (a year's work report division, its first themes), the picker names both as in
// file names, with date and size; choosing the second draws the second's graph (its nodes, as the
// API gives them) under its title, with the address naming it; Back returns to the seed; the words
// follow the interface language. A unit's panel gives its figures in each plan (each its plan's
// unit-load row) and the total (its portfolio-load row), and switches plans keeping the unit;
// each ranking says which plans it covers; a district's panel says what collectives hand down.
// One browser and one page for the file; the first and last views are loaded, the rest reached
// in the app as Back and Forward reach them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotAnswer } from '../../contract/api/hotspots.ts';
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
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';

useTestNeo4j();

const WORK_REPORT = workReportText;

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let second = '';

const picker = () => page.locator('gt-plan-picker select[data-plan-picker]');
const drawnNodes = async () =>
  Number(await page.locator('gt-graph').getAttribute('data-node-count'));
const title = () => page.locator('header.bar h1').textContent();

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  const driver = getDriver();
  await removePlansOtherThanSeed(driver);
  second = (
    await loadPlanText(driver, WORK_REPORT, 'work-report.txt', { database: connection().database })
  ).planId;
}, 240_000);

afterAll(async () => {
  await stopExplorerSession({ server, browser });
  await removePlansOtherThanSeed(getDriver());
});

describe('the plan picker', () => {
  it('names every loaded plan and switches the explorer to the one chosen; Back returns', async () => {
    await openExplorer(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}`);
    const options = (await picker().locator('option').allTextContents()).map((text) => text.trim());
    expect(options.toSorted()).toEqual([
      '全部规划(2 份,同一张图)',
      '武汉2023政府工作报告分工(2023-02-20 · 33 项)',
      '武汉十四五分工(2022-03-03 · 185 项)',
    ]);
    expect(await picker().inputValue()).toBe(SEED_PLAN);
    await artefactShot(page.locator('gt-app header.bar'), 'plan-picker');
    const seedNodes = await drawnNodes();
    expect(seedNodes).toBe(255);

    const graph = await getApi<PlanGraph>(server, '/plans/graph', { plan: second });
    await picker().selectOption(second);
    await expect.poll(title).toBe('武汉市2023年政府工作报告重点工作任务分工方案');
    await expect.poll(drawnNodes).toBe(graph.elements.nodes.length);
    expect(new URL(page.url()).searchParams.get('plan')).toBe(second);
    // Every node drawn is the second plan's (units are shared across plans; items and themes
    // carry their plan's id).
    const ids = (await page.evaluate(
      `window.__guatu.cy.nodes().map((node) => node.id())`,
    )) as string[];
    expect(ids.toSorted()).toEqual(graph.elements.nodes.map((node) => node.data.id).toSorted());

    await page.goBack();
    await expect
      .poll(title)
      .toBe('武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案');
    await expect.poll(drawnNodes).toBe(seedNodes);
    expect(await picker().inputValue()).toBe(SEED_PLAN);
  });

  it('gives a unit’s figures in every plan naming it, totalled as portfolio-load does', async () => {
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&sel=${encodeURIComponent(FGW)}`,
    );
    const table = page.locator('gt-unit-panel gt-unit-plans table');
    await table.waitFor();
    const figures = async (row: string) =>
      Object.fromEntries(
        await Promise.all(
          ['leads', 'supports', 'load'].map(
            async (name) =>
              [
                name,
                (await table.locator(`${row} [data-figure="${name}"]`).textContent())?.trim(),
              ] as const,
          ),
        ),
      );
    const rankingRow = async (name: string, plan?: string) => {
      const answer = await getApi<HotspotAnswer>(server, `/hotspots/${name}`, {
        limit: '500',
        ...(plan === undefined ? {} : { plan }),
      });
      const row = answer.rows.find((each) => each['unitId'] === FGW);
      if (row === undefined) throw new Error(`${name}: no row for ${FGW}`);
      return row;
    };
    const text = (leads: unknown, inferred: unknown, supports: unknown, load: unknown) => ({
      leads:
        Number(inferred) === 0 ? String(leads) : `${String(leads)}(其中推定 ${String(inferred)})`,
      supports: String(supports),
      load: Number.isInteger(Number(load)) ? String(load) : Number(load).toFixed(1),
    });
    const all = await rankingRow('portfolio-load');
    expect(all['plans']).toBe(2);
    expect(await figures('tr[data-total]')).toEqual(
      text(all['leads'], all['inferredLeads'], all['supports'], all['load']),
    );
    for (const plan of [SEED_PLAN, second]) {
      const own = await rankingRow('unit-load', plan);
      expect(await figures(`tr[data-plan="${plan}"]`)).toEqual(
        text(own['leads'], own['inferredLeads'], own['supports'], own['load']),
      );
    }
    await artefactShot(page.locator('gt-unit-panel section.plans'), 'unit-plans');
    // The seed's row is the one shown; the other's name switches to it, 市发改委 still chosen.
    expect(await table.locator(`tr[data-plan="${SEED_PLAN}"]`).getAttribute('aria-current')).toBe(
      'true',
    );
    await table.locator(`tr[data-plan="${second}"] button`).click();
    await expect.poll(title).toBe('武汉市2023年政府工作报告重点工作任务分工方案');
    const address = new URL(page.url()).searchParams;
    expect([address.get('plan'), address.get('sel')]).toEqual([second, FGW]);
    await expect
      .poll(() => table.locator(`tr[data-plan="${second}"]`).getAttribute('aria-current'))
      .toBe('true');
  });

  it('says under each ranking which plans its figures cover', async () => {
    await openInApp(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots`);
    const scope = page.locator('gt-hotspots-panel [data-scope]');
    await expect.poll(() => scope.textContent()).toBe('范围:武汉十四五分工');
    // The rankings over every plan are listed in the 全部规划 scope; unit-load's twin opens.
    await page.locator('gt-hotspots-panel button[data-plans-scope="all"]').click();
    await page.locator('gt-hotspots-panel table[data-ranking="portfolio-load"]').waitFor();
    await expect
      .poll(async () => (await scope.textContent())?.replace(/\(.*\)/, '(…)'))
      .toBe('范围:全部 2 份规划(…)');
    expect(
      (await scope.textContent())
        ?.match(/\((.*)\)/)?.[1]
        ?.split('、')
        .toSorted(),
    ).toEqual(['武汉2023政府工作报告分工', '武汉十四五分工']);
  });

  it('tells a district what 各区人民政府 hands down to it, apart from its own items', async () => {
    const ranking = await getApi<HotspotAnswer>(server, '/hotspots/member-load', {
      plan: SEED_PLAN,
      limit: '500',
    });
    const district = ranking.rows.find((row) =>
      (row['collectives'] as string[]).includes('各区人民政府'),
    );
    if (district === undefined) throw new Error('no district in member-load');
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&sel=${encodeURIComponent(String(district['unitId']))}`,
    );
    const line = page.locator('gt-unit-panel [data-via-collectives]');
    await line.waitFor();
    expect(await line.getAttribute('data-via-collectives')).toBe(
      String(district['viaCollectives']),
    );
    expect((await line.textContent())?.replace(/\s+/g, ' ').trim()).toMatch(
      new RegExp(
        `^经集合单位另承担 ${String(district['viaCollectives'])} 项:.*各区人民政府 \\d+ 项`,
      ),
    );
  });

  it('speaks the interface language, and is not shown with one plan loaded', async () => {
    await openInApp(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}&lang=en`);
    expect((await page.locator('gt-plan-picker label').textContent())?.trim()).toBe('Plan');
    const options = (await picker().locator('option').allTextContents()).map((text) => text.trim());
    expect(options).toContain('武汉十四五分工 (2022-03-03 · 185 items)');
    expect(await picker().getAttribute('title')).toBe(
      '2 plans are loaded: choose the one to explore (the graph, panels, rankings and paths follow)',
    );

    await removePlansOtherThanSeed(getDriver());
    await openExplorer(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}`);
    await expect.poll(() => page.locator('gt-plan-picker select').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
