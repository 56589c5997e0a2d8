// Hotspots, heat styling and paths in a real Chromium against the real API and Neo4j with the
// seed loaded: a ranking row lights its unit (and a coordination pair its shared items) on the
// canvas with the ranking's definition on screen; heat by load makes 市发改委 the biggest unit;
// paths between 市发改委 and 市经信局 and from 市发改委 to a theme are listed as the API answers
// and lit. Screenshots go to test-artifacts/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { HEAT_SIZE } from '../../web/src/graph/heat.ts';
import { en, zh } from '../../web/src/i18n/features/hotspots.ts';
import { FGW, SEED_PLAN, THEME_1 } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { ARTIFACTS, waitForExpression } from './browser.ts';
import {
  getApi,
  openExplorer,
  readCanvas,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';

useTestNeo4j();

const JXJ = '武汉市/市经信局';

interface Ranking {
  name: string;
  definition: string;
  definitionZh: string;
  labels: Record<string, { zh: string; en: string }>;
  meaningsZh: Record<string, string>;
  columns: string[];
  rows: Record<string, unknown>[];
}

interface Paths {
  paths: string[][];
  elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] };
}

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const api = <T>(path: string, query: Record<string, string> = {}) => getApi<T>(server, path, query);

const open = (query = '') => openExplorer(page, server, query);
const canvas = <T>(read: string) => readCanvas<T>(page, read);

const markedIds = () => canvas<string[]>('cy.elements(".marked").map((e) => e.id()).sort()');
const marksInUrl = () => new URL(page.url()).searchParams.getAll('mark');

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `hotspots-${name}.png`) });
}

/** Opens a ranking in the hotspots tool and waits for its table. */
async function openRanking(name: string): Promise<void> {
  const panel = page.locator('gt-hotspots-panel');
  if ((await panel.count()) === 0) await page.locator('button[data-tool="hotspots"]').click();
  await panel.locator('select[name="ranking"] option[value="' + name + '"]').waitFor({
    state: 'attached',
  });
  await panel.locator('select[name="ranking"]').selectOption(name);
  await panel.locator(`table[data-ranking="${name}"] tbody tr`).first().waitFor();
}

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('hotspots in Chromium', () => {
  it('lights the unit of a unit-load row, with the ranking defined on screen', async () => {
    await open();
    await openRanking('unit-load');
    const ranking = await api<Ranking>('/hotspots/unit-load', { plan: SEED_PLAN });
    expect(ranking.rows[0]?.['unitId']).toBe(FGW);
    const panel = page.locator('gt-hotspots-panel');
    const rows = panel.locator('table[data-ranking="unit-load"] tbody tr');
    expect(await rows.count()).toBe(ranking.rows.length);
    await expect(rows.first().locator('td').first().textContent()).resolves.toContain('市发改委');

    // The one-line definition in Chinese, the full one (the query header's) in Chinese too.
    await expect(panel.locator('[data-definition="unit-load"]').textContent()).resolves.toBe(
      zh.hotspotsDef_unit_load,
    );
    await expect(panel.locator('[data-api-definition]').textContent()).resolves.toBe(
      ranking.definitionZh,
    );
    expect(ranking.definitionZh).toContain('工作量:每牵头一项计 1,每配合一项计 0.5。');

    await rows.first().click();
    await page.waitForURL((url) => url.searchParams.getAll('mark').includes(FGW));
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(FGW)}).hasClass('marked')`,
    );
    expect(await markedIds()).toEqual([FGW]);
    // Unrelated nodes fade: a theme, another unit.
    expect(await canvas<boolean>(`cy.$id(${JSON.stringify(THEME_1)}).hasClass('faded')`)).toBe(
      true,
    );
    expect(await canvas<boolean>(`cy.$id(${JSON.stringify(JXJ)}).hasClass('faded')`)).toBe(true);
    expect(await canvas<boolean>(`cy.$id(${JSON.stringify(FGW)}).hasClass('faded')`)).toBe(false);
    await expect(rows.first().getAttribute('aria-selected')).resolves.toBe('true');
    await expect(rows.nth(1).getAttribute('aria-selected')).resolves.toBe('false');
    await shot('unit-load-row');

    // Clicking it again clears.
    await rows.first().click();
    await page.waitForURL((url) => url.searchParams.getAll('mark').length === 0);
    await waitForExpression(page, 'window.__guatu.cy.elements(".marked, .faded").length === 0');
    await expect(rows.first().getAttribute('aria-selected')).resolves.toBe('false');

    // From the keyboard: Enter on a focused row lights it; the clear button clears.
    await rows.nth(1).focus();
    await page.keyboard.press('Enter');
    const second = String(ranking.rows[1]?.['unitId']);
    await page.waitForURL((url) => url.searchParams.getAll('mark').includes(second));
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(second)}).hasClass('marked')`,
    );
    expect(await markedIds()).toEqual([second]);
    await panel.locator('button[data-action="clear-marks"]').click();
    await page.waitForURL((url) => url.searchParams.getAll('mark').length === 0);
    await waitForExpression(page, 'window.__guatu.cy.elements(".marked").length === 0');
  });

  it('shows the definition in English, with the API title for the picker', async () => {
    await open('?lang=en&tool=hotspots');
    await openRanking('brokers');
    const panel = page.locator('gt-hotspots-panel');
    await expect(panel.locator('[data-definition="brokers"]').textContent()).resolves.toBe(
      en.hotspotsDef_brokers,
    );
    await expect(
      panel.locator('select[name="ranking"] option[value="brokers"]').textContent(),
    ).resolves.toContain(en.hotspotsTitle_brokers);
    // Unit names in the planner's language.
    const first = await panel.locator('tbody tr').first().locator('td').first().textContent();
    expect(first).toMatch(/[A-Za-z]/);
    await shot('brokers-en');
  });

  it('lights a coordination pair and every item the two share', async () => {
    await open();
    await openRanking('coordination-pairs');
    const ranking = await api<Ranking>('/hotspots/coordination-pairs', { plan: SEED_PLAN });
    const top = ranking.rows[0] ?? {};
    expect([top['unitAId'], top['unitBId']].sort()).toEqual([FGW, JXJ].sort());
    expect(top['sharedItems']).toBe(39);
    await page.locator('gt-hotspots-panel tbody tr').first().click();
    await page.waitForURL((url) => url.searchParams.getAll('mark').includes(JXJ));
    await waitForExpression(page, `window.__guatu.cy.nodes(".marked").length > 2`);
    const nodes = await canvas<{ id: string; kind: string }[]>(
      'cy.nodes(".marked").map((n) => ({ id: n.id(), kind: n.data("kind") }))',
    );
    const units = nodes.filter((node) => node.kind === 'unit').map((node) => node.id);
    expect(units.sort()).toEqual([FGW, JXJ].sort());
    expect(nodes.length - units.length).toBe(39);
    // Each shared item is joined to both units by a marked edge.
    const edges = await canvas<number>('cy.edges(".marked").length');
    expect(edges).toBe(2 * 39);
    await shot('coordination-pair');
    await page.locator('gt-hotspots-panel button[data-action="clear-marks"]').click();
    await page.waitForURL((url) => url.searchParams.getAll('mark').length === 0);
  });

  it('lights an item with diffuse ownership and its lead units, named in the row', async () => {
    await open();
    await openRanking('multi-lead-items');
    const ranking = await api<Ranking>('/hotspots/multi-lead-items', { plan: SEED_PLAN });
    const top = ranking.rows[0] ?? {};
    const leads = top['leadUnits'] as string[];
    expect(leads.length).toBeGreaterThanOrEqual(3);
    await page.locator('gt-hotspots-panel tbody tr').first().click();
    const item = String(top['itemId']);
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(item)}).hasClass('marked')`,
    );
    const units = await canvas<string[]>(
      'cy.nodes(".marked[kind = \'unit\']").map((n) => n.data("name")).sort()',
    );
    expect(units).toEqual([...leads].sort());
    // The edges from each lead to the item, and any support edge among them, are lit too.
    const edges = await canvas<{ source: string; target: string; type: string }[]>(
      'cy.edges(".marked").map((e) => ({ source: e.data("source"), target: e.data("target"), type: e.data("type") }))',
    );
    expect(edges.every((edge) => edge.target === item)).toBe(true);
    expect(edges.filter((edge) => edge.type === 'LEADS').length).toBe(leads.length);
  });

  it('lets collective units into a ranking, and onto the canvas with them', async () => {
    await open('?coll=0');
    await openRanking('unit-load');
    const panel = page.locator('gt-hotspots-panel');
    const without = await api<Ranking>('/hotspots/unit-load', { plan: SEED_PLAN });
    expect(without.rows.some((row) => row['collective'] === true)).toBe(false);
    const withThem = await api<Ranking>('/hotspots/unit-load', {
      plan: SEED_PLAN,
      collectives: 'true',
    });
    const collective = withThem.rows.find((row) => row['collective'] === true);
    expect(collective).toBeDefined();
    await panel.locator('input[name="collectives"]').check();
    // The filters follow: collectives hidden from the canvas could not be lit.
    await page.waitForURL((url) => url.searchParams.get('coll') === null);
    const rows = panel.locator('table[data-ranking="unit-load"] tbody tr');
    const firstCells = async () =>
      rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent?.trim()));
    const expected = withThem.rows.map((row) => String(row['unit']));
    await expect.poll(firstCells, { timeout: 10_000 }).toEqual(expected);
    const index = withThem.rows.indexOf(collective ?? {});
    await rows.nth(index).click();
    const id = String(collective?.['unitId']);
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(id)}).hasClass('marked')`,
    );
    await panel.locator('input[name="collectives"]').uncheck();
    const firstAgain = without.rows.map((row) => String(row['unit']));
    await expect.poll(firstCells, { timeout: 10_000 }).toEqual(firstAgain);
  });

  it('says so when a row lights nothing because the filters hide it', async () => {
    await open('?kinds=theme,task');
    await openRanking('unit-load');
    const panel = page.locator('gt-hotspots-panel');
    await panel.locator('tbody tr').first().click();
    await page.waitForURL((url) => url.searchParams.getAll('mark').includes(FGW));
    await expect(panel.locator('[data-off-canvas]').textContent()).resolves.toContain(
      zh.hotspotsNotOnCanvas,
    );
    expect(await canvas<number>('cy.elements(".marked").length')).toBe(0);
  });

  it('sorts a ranking by a column', async () => {
    await open();
    await openRanking('unit-load');
    const panel = page.locator('gt-hotspots-panel');
    const ranking = await api<Ranking>('/hotspots/unit-load', { plan: SEED_PLAN });
    const supports = ranking.rows.map((row) => Number(row['supports']));
    await panel.locator('th button[data-column="supports"]').click();
    const shown = await panel
      .locator('tbody tr td:nth-child(4)')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)));
    expect(shown).toEqual([...supports].sort((a, b) => b - a));
    await expect(
      panel.locator('th[aria-sort="descending"] button[data-column="supports"]').count(),
    ).resolves.toBe(1);
  });

  it('exports a ranking as CSV with a BOM and as JSON, rows as the API gives them', async () => {
    await open();
    await openRanking('unit-load');
    const panel = page.locator('gt-hotspots-panel');
    const ranking = await api<Ranking>('/hotspots/unit-load', { plan: SEED_PLAN });

    const csvDownload = page.waitForEvent('download');
    await panel.locator('[data-export="csv"]').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^unit-load-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    // Headers in the planner's language, as the query header names the columns; JSON keeps names.
    expect(lines[0]).toBe(ranking.columns.map((column) => ranking.labels[column]?.zh).join(','));
    expect(lines[0]).toBe('单位,牵头,其中推定牵头,配合,涉及主题,工作量,集合单位,单位编号');
    expect(lines[1]).toContain('市发改委');
    expect(lines.filter((line) => line !== '')).toHaveLength(ranking.rows.length + 1);

    const jsonDownload = page.waitForEvent('download');
    await panel.locator('[data-export="json"]').click();
    const json = await jsonDownload;
    const rows = JSON.parse(readFileSync(await json.path(), 'utf8')) as unknown[];
    expect(rows).toEqual(ranking.rows);
  });
});

describe('heat styling in Chromium', () => {
  it('sizes and colours units by load, 市发改委 the biggest, with a legend', async () => {
    // Collectives off: 各区人民政府 stands for every district and is no one unit's load.
    await open('?coll=0&tool=hotspots');
    await page.locator('gt-hotspots-panel select[name="metric"]').selectOption('load');
    await page.waitForURL((url) => url.searchParams.get('metric') === 'load');
    await waitForExpression(page, 'window.__guatu.cy.nodes(".heat").length > 0');
    const units = await canvas<{ id: string; size: number; width: number; colour: string }[]>(
      `cy.nodes('[kind = "unit"]').map((n) => ({ id: n.id(), size: n.data('heatSize'), width: n.width(), colour: n.data('heatColour'), heat: n.hasClass('heat') }))`,
    );
    const plan = await api<{ elements: { nodes: { data: Record<string, unknown> }[] } }>(
      '/plans/graph',
      { plan: SEED_PLAN },
    );
    const shownUnits = plan.elements.nodes.filter(
      (node) => node.data['kind'] === 'unit' && node.data['collective'] !== true,
    );
    expect(units.length).toBe(shownUnits.length);
    const biggest = units.reduce((a, b) => (b.width > a.width ? b : a));
    expect(biggest.id).toBe(FGW);
    expect(biggest.size).toBe(HEAT_SIZE.max);
    expect(biggest.width).toBe(HEAT_SIZE.max);
    expect(units.filter((unit) => unit.width === HEAT_SIZE.max).map((unit) => unit.id)).toEqual([
      FGW,
    ]);
    // Drawn in the heat colour, not the category colour.
    const fill = await canvas<string>(`cy.$id(${JSON.stringify(FGW)}).style('background-color')`);
    expect(fill).toBe('rgb(122,28,28)');

    // The legend: metric name, min and max of the units shown.
    const loads = shownUnits.map((node) => Number(node.data['load']));
    const legend = page.locator('gt-legend .heat');
    await expect(legend.locator('[data-heat-metric="load"]').textContent()).resolves.toContain(
      zh.heat_load,
    );
    await expect(legend.locator('[data-heat-max]').textContent()).resolves.toContain(
      String(Math.max(...loads)),
    );
    await expect(legend.locator('[data-heat-min]').textContent()).resolves.toContain(
      String(Math.min(...loads)),
    );
    await shot('heat-load');

    // A ranking row still marks over the heat.
    await openRanking('unit-load');
    await page.locator('gt-hotspots-panel tbody tr').first().click();
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(FGW)}).hasClass('marked')`,
    );
    expect(await canvas<boolean>(`cy.$id(${JSON.stringify(FGW)}).hasClass('heat')`)).toBe(true);

    // Collectives back on the canvas: the heat is redrawn over them, the scale spans them too.
    await page.locator('gt-filters button[data-filter="collectives"]').click();
    await page.waitForURL((url) => url.searchParams.get('coll') === null);
    const allUnits = plan.elements.nodes.filter((node) => node.data['kind'] === 'unit');
    await waitForExpression(page, `window.__guatu.cy.nodes(".heat").length === ${allUnits.length}`);
    const allLoads = allUnits.map((node) => Number(node.data['load']));
    await expect(legend.locator('[data-heat-max]').textContent()).resolves.toContain(
      String(Math.max(...allLoads)),
    );
    const heaviest = allUnits.find((node) => Number(node.data['load']) === Math.max(...allLoads));
    expect(
      await canvas<number>(`cy.$id(${JSON.stringify(heaviest?.data['id'])}).data('heatSize')`),
    ).toBe(HEAT_SIZE.max);

    // Turned off from the legend: sizes by load come back.
    await legend.locator('button.clear').click();
    await page.waitForURL((url) => url.searchParams.get('metric') === null);
    await waitForExpression(page, 'window.__guatu.cy.nodes(".heat").length === 0');
    await expect(page.locator('gt-legend .heat').count()).resolves.toBe(0);
  });
});

describe('paths in Chromium', () => {
  it('finds and lights the shortest connections between two units that share items', async () => {
    await open('?tool=paths');
    const panel = page.locator('gt-paths-panel');
    await panel.locator('input[name="from"]').fill('市发改委');
    await panel.locator('input[name="to"]').fill('市经信局');
    await panel.locator('button[data-action="find"]').click();
    await panel.locator('[data-path-count]').waitFor();
    const answer = await api<Paths>('/paths', {
      from: FGW,
      to: JXJ,
      plan: SEED_PLAN,
      // The panel asks for as many as the API gives (its ceiling), not the default 20.
      limit: '100',
    });
    expect(answer.paths.length).toBeGreaterThan(0);
    const listed = panel.locator('ol.paths > li');
    expect(await listed.count()).toBe(answer.paths.length);
    const ends = await listed.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-start'), item.getAttribute('data-end')]),
    );
    expect(ends.every(([start, end]) => start === FGW && end === JXJ)).toBe(true);
    // Sharing items, they are two steps apart: unit → item ← unit.
    expect(answer.paths.every((path) => path.length === 3)).toBe(true);

    // All of them lit: both units, every item between, the edges joining them.
    await page.waitForURL((url) => url.searchParams.getAll('mark').includes(JXJ));
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(JXJ)}).hasClass('marked')`,
    );
    const items = new Set(answer.paths.map((path) => path[1]));
    // Every item the two share is a path of its own.
    expect(items.size).toBe(39);
    const marked = await markedIds();
    expect(marked).toContain(FGW);
    expect(marked).toContain(JXJ);
    for (const item of items) expect(marked).toContain(item);
    expect(await canvas<number>('cy.edges(".marked").length')).toBe(2 * items.size);
    await shot('paths-units');

    // One path chosen: only it is lit.
    await listed.first().locator('button').click();
    const first = answer.paths[0] ?? [];
    await waitForExpression(page, 'window.__guatu.cy.nodes(".marked").length === 3');
    const lit = await canvas<string[]>('cy.nodes(".marked").map((n) => n.id()).sort()');
    expect(lit).toEqual([...first].sort());
    expect(await canvas<number>('cy.edges(".marked").length')).toBe(2);
    await expect(listed.first().locator('button').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    expect(marksInUrl().sort()).toEqual(
      [...first, ...(await canvas<string[]>('cy.edges(".marked").map((e) => e.id())'))].sort(),
    );
  });

  it('lists and lights every route from a unit to a theme', async () => {
    await open('?tool=paths');
    const panel = page.locator('gt-paths-panel');
    await panel.locator('button[data-mode="theme"]').click();
    await panel.locator('input[name="from"]').fill('市发改委');
    await panel.locator('select[name="theme"]').selectOption(THEME_1);
    await panel.locator('button[data-action="find"]').click();
    await panel.locator('[data-path-count]').waitFor();
    const answer = await api<Paths>('/paths', { from: FGW, to: THEME_1, plan: SEED_PLAN });
    expect(answer.paths.length).toBeGreaterThan(1);
    const listed = panel.locator('ol.paths > li');
    expect(await listed.count()).toBe(answer.paths.length);
    await expect(panel.locator('[data-path-count]').getAttribute('data-path-count')).resolves.toBe(
      String(answer.paths.length),
    );
    const ends = await listed.evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-start'), item.getAttribute('data-end')]),
    );
    expect(ends.every(([start, end]) => start === FGW && end === THEME_1)).toBe(true);
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(THEME_1)}).hasClass('marked')`,
    );
    const marked = await markedIds();
    for (const id of new Set(answer.paths.flat())) expect(marked).toContain(id);
    await shot('paths-theme');
  });

  it('says plainly when two units are the same or a unit is unknown', async () => {
    await open('?tool=paths');
    const panel = page.locator('gt-paths-panel');
    await panel.locator('input[name="from"]').fill('市发改委');
    await panel.locator('input[name="to"]').fill('市发改委');
    await panel.locator('button[data-action="find"]').click();
    await expect(panel.locator('[data-paths-error]').textContent()).resolves.toContain(
      zh.pathsSame,
    );
    await panel.locator('input[name="to"]').fill('不存在的单位');
    await panel.locator('button[data-action="find"]').click();
    await expect(panel.locator('[data-paths-error]').textContent()).resolves.toContain(
      '不存在的单位',
    );
    expect(problems.filter((problem) => !problem.includes('Failed to load resource'))).toEqual([]);
  });
});
