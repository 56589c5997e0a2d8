// The 全部规划 and 选定规划 scopes (issue 15) in a real Chromium, with the seed, a second notice of
// the same city (its first themes, one bureau renamed 市数据局) and a third (the 2023 work report
// division) loaded. The rankings panel's switch lists the rankings over every plan with the API's
// figures and the 范围 line, says which rankings stay per plan, keeps the scope in the address and
// speaks the interface language; a set of two plans ticked and applied shows the API's figures
// for that set and names it, and a fresh page from its address restores it; the paths tool in
// 全部规划 finds 市数据局 and routes through the second plan's items, each named with its plan,
// which it does not in 本规划. One browser and one page; views after the first reached in the app.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathsAnswer } from '../../contract/api/graph.ts';
import type { HotspotAnswer } from '../../contract/api/hotspots.ts';
import type { PlanSummary } from '../../contract/api/plans.ts';
import { planShortTitle } from '../../contract/short-title.ts';
import type { ServerHandle } from '../../graph/api/server.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { en, zh } from '../../web/src/i18n/features/hotspots.ts';
import { FGW, SEED_PLAN } from '../api/support.ts';
import { renamedSeed, seedText, workReportText } from '../load/support.ts';
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

const SECOND = renamedSeed(
  '全部规划三',
  seedText.split('\n').slice(0, 120).join('\n').replaceAll('市科技局', '市数据局'),
);
const SJJ = '武汉市/市数据局';
const TWINS = ['portfolio-load', 'portfolio-coordination-pairs', 'portfolio-member-load'];

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let second = '';
let third = '';
let plans: PlanSummary[] = [];

const hotspots = () => page.locator('gt-hotspots-panel');
const paths = () => page.locator('gt-paths-panel');
const scopeButton = (panel: Locator, scope: 'plan' | 'all' | 'set') =>
  panel.locator(`gt-plans-scope button[data-plans-scope="${scope}"]`);
const options = async () =>
  hotspots()
    .locator('select[name="ranking"] option')
    .evaluateAll((all) => all.map((option) => option.getAttribute('value')));
const text = async (locator: Locator) => (await locator.textContent())?.replace(/\s+/g, ' ').trim();
const address = () => new URL(page.url()).searchParams;

/** A by-plan cell as the panel shows it: each plan by its short title. */
function shortened(byPlan: string): string {
  return byPlan
    .split('; ')
    .map((part) => {
      const plan = plans.find((candidate) => part.startsWith(`${candidate.title} `));
      return plan === undefined ? part : `${planShortTitle(plan)}${part.slice(plan.title.length)}`;
    })
    .join('; ');
}

/** The panel's table, cell by cell, against the API's answer for the same ranking. */
async function expectTableOf(
  name: string,
  columns: readonly string[],
  query: Record<string, string> = {},
): Promise<void> {
  const answer = await getApi<HotspotAnswer>(server, `/hotspots/${name}`, {
    collectives: 'false',
    ...query,
  });
  expect(answer.rows.length).toBeGreaterThan(0);
  const table = hotspots().locator(`table[data-ranking="${name}"]`);
  await table.locator('tbody tr[data-row]').first().waitFor();
  const headers = await table
    .locator('thead button')
    .evaluateAll((all) => all.map((button) => button.getAttribute('data-column')));
  const cells = await table
    .locator('tbody tr[data-row]')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim())),
    );
  expect(cells).toHaveLength(answer.rows.length);
  const shown = cells.map((row) =>
    Object.fromEntries(columns.map((column) => [column, row[headers.indexOf(column)]])),
  );
  expect(shown).toEqual(
    answer.rows.map((row) =>
      Object.fromEntries(
        columns.map((column) => {
          const value = row[column];
          return [column, column === 'byPlan' ? shortened(String(value)) : String(value)];
        }),
      ),
    ),
  );
}

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  const driver = getDriver();
  await removePlansOtherThanSeed(driver);
  const database = connection().database;
  second = (await loadPlanText(driver, SECOND, 'second.txt', { database })).planId;
  third = (await loadPlanText(driver, workReportText, 'work-report.txt', { database })).planId;
  plans = await getApi<PlanSummary[]>(server, '/plans');
}, 240_000);

afterAll(async () => {
  await stopExplorerSession({ server, browser });
  await removePlansOtherThanSeed(getDriver());
});

describe('the rankings over every plan', () => {
  it('lists the twins with the API’s figures and the 范围 line, and says what stays per plan', async () => {
    await openExplorer(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots`);
    await hotspots().locator('table[data-ranking="unit-load"] tbody tr').first().waitFor();
    // 本规划: the per-plan rankings, and a word on their twins.
    expect(await scopeButton(hotspots(), 'plan').getAttribute('aria-pressed')).toBe('true');
    const perPlan = await options();
    expect(perPlan).toContain('unit-load');
    expect(perPlan.filter((name) => TWINS.includes(name))).toEqual([]);
    expect(await text(hotspots().locator('[data-scope]'))).toBe('范围:武汉十四五分工');
    expect(await text(hotspots().locator('[data-scope-note="plan"]'))).toBe(
      `这些排名只计当前规划;${zh.hotspotsTitle_unit_load}、${zh.hotspotsTitle_coordination_pairs}、${zh.hotspotsTitle_member_load}另有全部规划合计,见“全部规划”。`,
    );

    // 全部规划: unit-load's twin opens, with the API's rows.
    await scopeButton(hotspots(), 'all').click();
    await page.waitForURL((url) => url.searchParams.get('plans') === 'all');
    await hotspots().locator('table[data-ranking="portfolio-load"] tbody tr').first().waitFor();
    expect(await options()).toEqual(TWINS);
    expect(await scopeButton(hotspots(), 'all').getAttribute('aria-pressed')).toBe('true');
    await expectTableOf('portfolio-load', ['unit', 'plans', 'supports', 'load', 'byPlan']);
    const scope = await text(hotspots().locator('[data-scope]'));
    expect(scope?.replace(/\(.*\)/, '(…)')).toBe('范围:全部 3 份规划(…)');
    expect(
      scope
        ?.match(/\((.*)\)/)?.[1]
        ?.split('、')
        .toSorted(),
    ).toEqual(plans.map((plan) => planShortTitle(plan)).toSorted());
    const note = await text(hotspots().locator('[data-scope-note="all"]'));
    expect(note).toContain('这里只列出可以跨规划相加的排名');
    for (const name of ['multi_lead_items', 'brokers', 'communities', 'overdue_by_unit'] as const) {
      expect(note).toContain(zh[`hotspotsTitle_${name}`]);
    }
    expect(note).toContain(
      `其中${zh.hotspotsTitle_brokers}、${zh.hotspotsTitle_communities}是单位在一份规划协作网络中的位置,不能跨规划相加。`,
    );

    // The pairs over every plan, cell for cell.
    await hotspots().locator('select[name="ranking"]').selectOption('portfolio-coordination-pairs');
    await expectTableOf('portfolio-coordination-pairs', [
      'unitA',
      'unitB',
      'sharedItems',
      'plans',
      'byPlan',
    ]);
    expect(await text(hotspots().locator('[data-definition]'))).toBe(
      zh.hotspotsDef_portfolio_coordination_pairs,
    );
    await artefactShot(hotspots(), 'all-plans-pairs');
    await hotspots().locator('select[name="ranking"]').selectOption('portfolio-member-load');
    await expectTableOf('portfolio-member-load', [
      'unit',
      'namedItems',
      'viaCollectives',
      'items',
      'plans',
    ]);

    // Back to 本规划: member-load's own ranking, the address plain again.
    await scopeButton(hotspots(), 'plan').click();
    await page.waitForURL((url) => url.searchParams.get('plans') === null);
    await hotspots().locator('table[data-ranking="member-load"] tbody tr').first().waitFor();
    expect(await text(hotspots().locator('[data-scope]'))).toBe('范围:武汉十四五分工');
  });

  it('keeps the scope in the address, and speaks English', async () => {
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots&plans=all&lang=en`,
    );
    await hotspots().locator('table[data-ranking="portfolio-load"] tbody tr').first().waitFor();
    expect(await options()).toEqual(TWINS);
    expect(await text(scopeButton(hotspots(), 'all'))).toBe('All plans');
    expect(await text(scopeButton(hotspots(), 'plan'))).toBe('This plan');
    expect(await text(hotspots().locator('gt-plans-scope #label'))).toBe('Count over');
    expect(await text(hotspots().locator('select[name="ranking"] option:checked'))).toBe(
      en.hotspotsTitle_portfolio_load,
    );
    expect((await text(hotspots().locator('[data-scope]')))?.replace(/\(.*\)/, '(…)')).toBe(
      'Covers all 3 plans (…)',
    );
    expect(await text(hotspots().locator('[data-scope-note="all"]'))).toMatch(
      /^Only rankings that add up across plans are listed here; .* Brokers, Communities: a unit’s place in one plan’s network of units, which does not add up across plans\.$/,
    );
    // A lit row of a per-plan ranking from a link brings its scope with it.
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&plans=all&hot=unit-load&row=${encodeURIComponent('市发改委')}`,
    );
    await hotspots().locator('table[data-ranking="unit-load"] tr[aria-selected="true"]').waitFor();
    await page.waitForURL((url) => url.searchParams.get('plans') === null);
    expect(await scopeButton(hotspots(), 'plan').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('the rankings over a chosen set of plans', () => {
  /** The short titles a 范围 line lists, in any order. */
  const listed = (scope: string | undefined) =>
    scope
      ?.match(/\((.*)\)/)?.[1]
      ?.split('、')
      .toSorted();
  const shortOf = (ids: readonly string[]) =>
    plans
      .filter((plan) => ids.includes(plan.id))
      .map((plan) => planShortTitle(plan))
      .toSorted();

  it('counts the plans ticked, names them on the 范围 line, and keeps them in the address', async () => {
    await openInApp(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots`);
    await hotspots().locator('table[data-ranking="unit-load"] tbody tr').first().waitFor();
    // 选定规划: every plan listed as the header's picker names it, the plan on screen ticked.
    await scopeButton(hotspots(), 'set').click();
    const set = hotspots().locator('gt-plans-scope fieldset[data-plans-set]');
    const boxes = set.locator('input[name="plan"]');
    expect(
      await boxes.evaluateAll((all) =>
        all.map((box) => [box.getAttribute('value'), box.matches(':checked')]),
      ),
    ).toEqual(plans.map((plan) => [plan.id, plan.id === SEED_PLAN]));
    const workReport = plans.find((plan) => plan.id === third);
    if (workReport === undefined) throw new Error('the third plan is not listed');
    expect(await text(set.locator('label').nth(plans.indexOf(workReport)))).toContain(
      `${planShortTitle(workReport)}(${workReport.date ?? ''}`,
    );
    const apply = set.locator('button[data-action="apply-plans"]');
    expect(await apply.isDisabled()).toBe(true);
    expect(await text(set.locator('[role="status"]'))).toBe('请至少勾选两份规划。');

    // The seed and the work report: portfolio-load over those two, as the API counts them.
    await set.locator(`input[value="${third}"]`).check();
    await apply.click();
    const chosen = plans.map((plan) => plan.id).filter((id) => id === SEED_PLAN || id === third);
    await page.waitForURL((url) => url.searchParams.get('plans') === chosen.join(','));
    await hotspots().locator('table[data-ranking="portfolio-load"] tbody tr').first().waitFor();
    expect(await options()).toEqual(TWINS);
    expect(await scopeButton(hotspots(), 'set').getAttribute('aria-pressed')).toBe('true');
    expect(await scopeButton(hotspots(), 'all').getAttribute('aria-pressed')).toBe('false');
    const query = { plans: chosen.join(',') };
    await expect
      .poll(() => text(hotspots().locator('[data-scope]')))
      .toMatch(/^范围:选定 2 份规划\(/);
    expect(listed(await text(hotspots().locator('[data-scope]')))).toEqual(shortOf(chosen));
    await expectTableOf('portfolio-load', ['unit', 'plans', 'supports', 'load', 'byPlan'], query);
    // Not the figures over every plan: the second plan counts for 市发改委 there, not here.
    const every = await getApi<HotspotAnswer>(server, '/hotspots/portfolio-load', {
      collectives: 'false',
    });
    const fgw = (answer: HotspotAnswer) => answer.rows.find((row) => row['unitId'] === FGW);
    const inSet = await getApi<HotspotAnswer>(server, '/hotspots/portfolio-load', {
      collectives: 'false',
      ...query,
    });
    expect(Number(fgw(inSet)?.['load'])).toBeLessThan(Number(fgw(every)?.['load']));
    await hotspots().locator('select[name="ranking"]').selectOption('portfolio-coordination-pairs');
    await expectTableOf('portfolio-coordination-pairs', ['unitA', 'unitB', 'sharedItems'], query);
    await artefactShot(hotspots(), 'chosen-plans-pairs');

    // In English, the same set.
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots&plans=${encodeURIComponent(query.plans)}&lang=en`,
    );
    await expect
      .poll(() => text(hotspots().locator('[data-scope]')))
      .toMatch(/^Covers 2 chosen plans \(/);
    expect(await text(scopeButton(hotspots(), 'set'))).toBe('Chosen plans');
    expect(await text(hotspots().locator('fieldset[data-plans-set] legend'))).toBe(
      'Plans to count',
    );

    // A fresh page from the address: the set ticked, its figures.
    await openExplorer(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots&plans=${encodeURIComponent(query.plans)}`,
    );
    await hotspots().locator('table[data-ranking="portfolio-load"] tbody tr').first().waitFor();
    expect(await scopeButton(hotspots(), 'set').getAttribute('aria-pressed')).toBe('true');
    expect(
      await hotspots()
        .locator('fieldset[data-plans-set] input[name="plan"]:checked')
        .evaluateAll((all) => all.map((box) => box.getAttribute('value'))),
    ).toEqual(chosen);
    await expectTableOf('portfolio-load', ['unit', 'plans', 'load', 'byPlan'], query);
    await expect
      .poll(() => text(hotspots().locator('[data-scope]')))
      .toMatch(/^范围:选定 2 份规划\(/);

    // The matrix over plans, from the view state: the chosen plans' columns only.
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&view=matrix&mcols=plans&plans=${encodeURIComponent(query.plans)}`,
    );
    const matrix = page.locator('gt-matrix-view');
    await matrix.locator(`tr[data-id="${FGW}"] td[data-col="${third}"]`).waitFor();
    // Polled: the page moved from another view, and the matrix may first draw every plan's
    // columns before the address's set reaches it; what it must settle on is the set.
    await expect
      .poll(() =>
        matrix
          .locator('thead th.col')
          .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-col'))),
      )
      .toEqual(chosen);
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&tool=hotspots&plans=${encodeURIComponent(query.plans)}`,
    );
    await hotspots().locator('table[data-ranking="portfolio-load"] tbody tr').first().waitFor();

    // 全部规划 again: the set goes from the address.
    await scopeButton(hotspots(), 'all').click();
    await page.waitForURL((url) => url.searchParams.get('plans') === 'all');
    await expect
      .poll(() => text(hotspots().locator('[data-scope]')))
      .toMatch(/^范围:全部 3 份规划\(/);
    expect(await hotspots().locator('fieldset[data-plans-set]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('the paths tool over every plan', () => {
  it('routes through the second plan’s items in 全部规划, each named with its plan, and not in 本规划', async () => {
    const partner = (
      await getApi<HotspotAnswer>(server, '/hotspots/coordination-pairs', { plan: second })
    ).rows.find((row) => row['unitAId'] === FGW || row['unitBId'] === FGW);
    const other = String(partner?.['unitAId'] === FGW ? partner['unitB'] : partner?.['unitA']);
    await openInApp(page, server, `?plan=${encodeURIComponent(SEED_PLAN)}&tool=paths&plans=all`);
    const panel = paths();
    expect(await scopeButton(panel, 'all').getAttribute('aria-pressed')).toBe('true');
    expect(await text(panel.locator('[data-scope-note="all"]'))).toBe(
      '在全部 3 份规划中查找:路线可经过任一规划的事项,每个事项注明所属规划。',
    );
    const find = async (from: string, to: string) => {
      await panel.locator('input[name="from"]').fill(from);
      await panel.locator('input[name="to"]').fill(to);
      await panel.locator('button[data-action="find"]').click();
    };
    const secondPlan = plans.find((plan) => plan.id === second);
    if (secondPlan === undefined) throw new Error('the second plan is not listed');
    const secondShort = planShortTitle(secondPlan);
    const itemPlans = () =>
      panel
        .locator('ol.paths .step .plan')
        .evaluateAll((all) => all.map((span) => span.getAttribute('data-plan')));

    // 市数据局 is the second plan's alone: found, and joined to 市发改委 through its items.
    await find('市发改委', '市数据局');
    await panel.locator('[data-path-count]').waitFor();
    const all = await getApi<PathsAnswer>(server, '/paths', { from: FGW, to: SJJ, limit: '100' });
    expect(all.paths.length).toBeGreaterThan(0);
    expect(await panel.locator('ol.paths > li').count()).toBe(all.paths.length);
    expect(new Set(await itemPlans())).toEqual(new Set([second]));
    expect(await text(panel.locator('ol.paths .step .plan').first())).toBe(`〔${secondShort}〕`);
    expect((await text(panel.locator('[data-scope]')))?.replace(/\(.*\)/, '(…)')).toBe(
      '范围:全部 3 份规划(…)',
    );

    // Two bureaus of both plans: routes through the items of each, each item with its plan.
    await find('市发改委', other);
    await expect
      .poll(async () => [...new Set(await itemPlans())])
      .toEqual(expect.arrayContaining([SEED_PLAN, second]));
    await artefactShot(panel, 'all-plans-paths');

    // 本规划: only the seed's items, no plan named; 市数据局 is not among the seed's units.
    await scopeButton(panel, 'plan').click();
    await page.waitForURL((url) => url.searchParams.get('plans') === null);
    await panel.locator('button[data-action="find"]').click();
    await expect.poll(() => text(panel.locator('[data-scope]'))).toBe('范围:武汉十四五分工');
    const seedRoutes = await getApi<PathsAnswer>(server, '/paths', {
      from: FGW,
      to: String(partner?.['unitAId'] === FGW ? partner['unitBId'] : partner?.['unitAId']),
      plan: SEED_PLAN,
      limit: '100',
    });
    expect(await panel.locator('ol.paths > li').count()).toBe(seedRoutes.paths.length);
    expect(await itemPlans()).toEqual([]);
    // Typed, not picked: the search over the seed's units cannot name it (none, or several).
    await find('市发改委', '市数据局');
    await expect.poll(() => text(panel.locator('[data-paths-error]'))).toMatch(/“市数据局”/);
    expect(await panel.locator('ol.paths').count()).toBe(0);
    expect(address().get('plans')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('routes through the chosen plans’ items only in 选定规划', async () => {
    const chosen = plans.map((plan) => plan.id).filter((id) => id !== second);
    await openInApp(
      page,
      server,
      `?plan=${encodeURIComponent(SEED_PLAN)}&tool=paths&plans=${encodeURIComponent(chosen.join(','))}`,
    );
    const panel = paths();
    expect(await scopeButton(panel, 'set').getAttribute('aria-pressed')).toBe('true');
    expect(await text(panel.locator('[data-scope-note="set"]'))).toBe(
      '在选定的 2 份规划中查找:路线只经过这些规划的事项,每个事项注明所属规划。',
    );
    const find = async (to: string) => {
      await panel.locator('input[name="from"]').fill('市发改委');
      await panel.locator('input[name="to"]').fill(to);
      await panel.locator('button[data-action="find"]').click();
    };
    // 市数据局 is found (the fields search every plan) but only the second plan, not chosen, names it.
    await find('市数据局');
    await panel.locator('[data-paths-none]').waitFor();
    // 市经信局 and 市发改委 share items in the seed and the work report: routes through those only.
    await find('市经信局');
    await panel.locator('[data-path-count]').waitFor();
    const itemPlans = await panel
      .locator('ol.paths .step .plan')
      .evaluateAll((all) => all.map((span) => span.getAttribute('data-plan')));
    expect(itemPlans.length).toBeGreaterThan(0);
    expect(new Set(itemPlans)).toEqual(new Set(chosen));
    await expect.poll(() => text(panel.locator('[data-scope]'))).toMatch(/^范围:选定 2 份规划\(/);
    expect(problems).toEqual([]);
  });
});
