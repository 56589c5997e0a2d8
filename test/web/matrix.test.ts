// The responsibility matrix (责任矩阵) in a real Chromium against the seed, one page for the file:
// its figures are the unit panel's and the API's, read from what the planner sees; sorting,
// a filter and the CSV export do what they say.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import type { PlanGraph, UnitProfile } from '../../web/src/api/schema.ts';
import { FGW } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { getApi, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const matrix = () => page.locator('gt-matrix-view');
const row = (id: string) => matrix().locator(`tr[data-id="${id}"]`);

/** Every row on screen, in order: the unit, its totals and each cell as [leads, inferred, supports]. */
interface SeenRow {
  id: string;
  name: string;
  leads: number;
  inferred: number;
  supports: number;
  load: number;
  cells: [number, number, number][];
}

// Read in the page (the test's own types have no DOM): the rows as the planner sees them.
const READ_ROWS = `(() => {
  const root = document.querySelector('gt-app').shadowRoot.querySelector('gt-matrix-view').shadowRoot;
  const columns = [...root.querySelectorAll('thead th.col')].map((th) => th.dataset.col);
  const figure = (cell, key) => Number(cell?.dataset[key] ?? 0);
  const rows = [...root.querySelectorAll('tbody tr')].map((tr) => ({
    id: tr.dataset.id,
    name: tr.querySelector('th').textContent.trim(),
    leads: figure(tr.querySelector('td.total[data-leads]'), 'leads'),
    inferred: figure(tr.querySelector('td.total[data-inferred]'), 'inferred'),
    supports: figure(tr.querySelector('td.total[data-supports]'), 'supports'),
    load: figure(tr.querySelector('td.total[data-load]'), 'load'),
    cells: [...tr.querySelectorAll('td')].slice(3).map((td) =>
      ['leads', 'inferred', 'supports'].map((key) => figure(td, key)),
    ),
  }));
  return { columns, rows };
})()`;

function seenRows(): Promise<{ columns: string[]; rows: SeenRow[] }> {
  return page.evaluate(READ_ROWS) as Promise<{ columns: string[]; rows: SeenRow[] }>;
}

async function openMatrix(query = ''): Promise<void> {
  await page.goto(`${server.url}/?view=matrix${query}`);
  await row(FGW).waitFor({ timeout: 120_000 });
}

const ROLE_OF = (item: { edge: string; inferred: boolean }) =>
  item.edge === 'SUPPORTS' ? 'support' : item.inferred ? 'owner' : 'lead';

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  await openMatrix();
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('the responsibility matrix', () => {
  it('shows for 市发改委 the lead and support totals of its unit panel', async () => {
    const fgw = row(FGW);
    const leadsText = (await fgw.locator('td.total[data-leads]').textContent())?.trim();
    const supportsText = (await fgw.locator('td.total[data-supports]').textContent())?.trim();
    await fgw.locator('th[data-unit]').click();
    await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
    await expect.poll(() => fgw.getAttribute('aria-selected')).toBe('true');
    const panel = page.locator('gt-unit-panel');
    const led = panel.locator('[data-metric="itemsLed"]');
    await expect.poll(() => led.getAttribute('data-value')).not.toBe('');
    expect((await led.textContent())?.trim()).toBe(leadsText);
    expect(leadsText).toMatch(/^\d+\(其中推定 \d+\)$/);
    expect((await panel.locator('[data-metric="itemsSupported"]').textContent())?.trim()).toBe(
      supportsText,
    );
    // Still the matrix, not the graph: the selection opened the panel beside it.
    expect(page.url()).toContain('view=matrix');
  });

  it('lists behind a cell the items the API gives the unit in that theme, with their roles', async () => {
    const profile = await getApi<UnitProfile>(server, '/units/profile', { id: FGW });
    const group = profile.themes.find((each) => each.items.length > 1) ?? profile.themes[0];
    if (group === undefined) throw new Error('市发改委 has no theme');
    const cell = row(FGW).locator(`td[data-col="${group.theme.id}"]`);
    await cell.click();
    const list = matrix().locator('[data-cell-items] li');
    await expect.poll(() => list.count()).toBe(group.items.length);
    const seen = await list.evaluateAll((items) =>
      items.map((li) => [li.getAttribute('data-item'), li.getAttribute('data-role')]),
    );
    expect(seen).toEqual(group.items.map((item) => [item.id, ROLE_OF(item)]));
    expect(await cell.getAttribute('aria-current')).toBe('true');
    const leads = group.items.filter((item) => item.edge === 'LEADS').length;
    expect(Number(await cell.getAttribute('data-leads'))).toBe(leads);
    expect(Number(await cell.getAttribute('data-supports'))).toBe(group.items.length - leads);
    // The indicators, outside the themes, have a column of their own, as the panel lists them apart.
    const indicators = profile.otherItems.filter((item) => item.kind === 'indicator');
    await row(FGW).locator('td[data-col="group:indicator"]').click();
    await expect.poll(() => list.count()).toBe(indicators.length);
    // An item of the list opens its own panel, as on the graph.
    const first = indicators[0];
    if (first === undefined) throw new Error('市发改委 has no indicator');
    await list.first().locator('button').click();
    await page.waitForURL((url) => url.searchParams.get('sel') === first.id);
    await page.locator('gt-item-panel').waitFor();
  });

  it('puts the unit with the most load first, and the most in a column when its heading is clicked', async () => {
    await matrix().locator('button[data-sort="name"]').click();
    await expect.poll(async () => (await seenRows()).rows[0]?.id).not.toBe(FGW);
    await matrix().locator('button[data-sort="load"]').click();
    const plan = await getApi<PlanGraph>(server, '/plans/graph');
    const units = plan.elements.nodes
      .map((node) => node.data)
      .filter((node) => node.kind === 'unit');
    const heaviest = units.toSorted((a, b) => (b.load ?? 0) - (a.load ?? 0))[0];
    await expect.poll(async () => (await seenRows()).rows[0]?.id).toBe(heaviest?.id);
    const { rows, columns } = await seenRows();
    // Every row's load is the API's (工作量: 1 per item led, 0.5 per item supported).
    const load = new Map(units.map((unit) => [unit.id, unit.load]));
    expect(rows.map((each) => [each.id, each.load])).toEqual(
      rows.map((each) => [each.id, load.get(each.id)]),
    );
    expect(rows.map((each) => each.load)).toEqual(
      rows.map((each) => each.load).toSorted((a, b) => b - a),
    );

    const at = columns.indexOf('group:project');
    await matrix().locator('th.col[data-col="group:project"] button').click();
    await page.waitForURL((url) => url.searchParams.get('msort') === 'col:group:project');
    const sorted = await seenRows();
    const loadIn = (each: SeenRow) => {
      const cell = each.cells[at] ?? [0, 0, 0];
      return cell[0] + cell[2] / 2;
    };
    expect(sorted.rows.map(loadIn)).toEqual(sorted.rows.map(loadIn).toSorted((a, b) => b - a));
    expect(loadIn(sorted.rows[0] as SeenRow)).toBeGreaterThan(0);
  });

  it('is reduced by the explorer’s filters', async () => {
    const before = await seenRows();
    const themes = before.columns.filter((key) => !key.startsWith('group:'));
    const theme = themes[1];
    if (theme === undefined) throw new Error('the seed has no second theme');
    await page.locator('gt-filters select').first().selectOption(theme);
    await expect.poll(async () => (await seenRows()).columns).toEqual([theme]);
    const after = await seenRows();
    expect(after.rows.length).toBeLessThan(before.rows.length);
    // Every row left is a unit on that theme, with the same figures there as before.
    const at = before.columns.indexOf(theme);
    const was = new Map(before.rows.map((each) => [each.id, each.cells[at]]));
    for (const each of after.rows) {
      expect(each.cells[0]).toEqual(was.get(each.id));
      expect(each.leads + each.supports).toBeGreaterThan(0);
    }
    // Supports switched off: no figure left but leads.
    await page.locator('gt-filters button[data-role="support"]').click();
    await expect
      .poll(async () => (await seenRows()).rows.every((each) => each.supports === 0))
      .toBe(true);
    await page.locator('gt-filters button', { hasText: '重置' }).click();
    await expect.poll(async () => (await seenRows()).columns).toEqual(before.columns);
  });

  it('shows one column per item on asking, each cell the unit’s role there', async () => {
    const plan = await getApi<PlanGraph>(server, '/plans/graph');
    const assigned = new Set(
      plan.elements.edges
        .map((edge) => edge.data)
        .filter((edge) => edge.type === 'LEADS' || edge.type === 'SUPPORTS')
        .map((edge) => edge.target),
    );
    const profile = await getApi<UnitProfile>(server, '/units/profile', { id: FGW });
    const item = profile.themes[0]?.items.find((each) => each.edge === 'LEADS');
    if (item === undefined) throw new Error('市发改委 leads nothing in its first theme');
    await matrix().locator('button[data-columns="items"]').click();
    await page.waitForURL((url) => url.searchParams.get('mcols') === 'items');
    await expect.poll(async () => (await seenRows()).columns.length).toBe(assigned.size);
    expect((await row(FGW).locator(`td[data-col="${item.id}"]`).textContent())?.trim()).toBe('牵');
    await matrix().locator('button[data-columns="themes"]').click();
    await expect.poll(async () => (await seenRows()).columns).toContain('group:indicator');
  });

  it('exports the cells on screen as CSV, headed in the interface’s language', async () => {
    const { rows, columns } = await seenRows();
    const waiting = page.waitForEvent('download');
    await matrix().locator('button[data-export="csv"]').click();
    const file = await waiting;
    expect(file.suggestedFilename()).toMatch(/^武汉十四五分工-责任矩阵-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(readFileSync(await file.path(), 'utf8'), { bom: true }) as string[][];
    const [header, ...body] = records;
    expect(header?.slice(0, 5)).toEqual([
      '单位',
      '合计 · 牵头',
      '合计 · 其中推定牵头',
      '合计 · 配合',
      '工作量',
    ]);
    expect(header).toHaveLength(5 + columns.length * 3);
    expect(body).toHaveLength(rows.length);
    rows.forEach((seen, at) => {
      const written = body[at] ?? [];
      expect(written.slice(0, 5)).toEqual([
        seen.name,
        String(seen.leads),
        String(seen.inferred),
        String(seen.supports),
        String(seen.load),
      ]);
      expect(written.slice(5).map(Number)).toEqual(seen.cells.flat());
    });

    await page.locator('button[data-action="language"]').click();
    await expect.poll(() => matrix().locator('th.corner').textContent()).toBe('Unit');
    const english = page.waitForEvent('download');
    await matrix().locator('button[data-export="csv"]').click();
    const englishFile = await english;
    const [englishHeader] = parse(readFileSync(await englishFile.path(), 'utf8'), {
      bom: true,
    }) as string[][];
    expect(englishHeader?.slice(0, 2)).toEqual(['Unit', 'Total · Leads']);
  });

  it('logged no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
