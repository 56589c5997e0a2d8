// The responsibility matrix (责任矩阵) in a real Chromium against the seed, one page for the file:
// its figures are the unit panel's and the API's, read from what the planner sees; sorting,
// a filter and the CSV export do what they say. Printed (Chromium's own PDF printing), it is the
// matrix alone: the title line, every unit, the headings on every page, as many pages as its
// rows take. With a second plan loaded, units × plans: each cell the plan's unit-load row, each
// row's total its portfolio-load row; a cell switches to its plan with the unit chosen.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotAnswer } from '../../contract/api/hotspots.ts';
import { PlansMatrixAnswer, type UnitPlanCell } from '../../contract/api/plans-matrix.ts';
import type { ServerHandle } from '../../graph/api/server.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import type { PlanGraph, UnitProfile } from '../../web/src/api/schema.ts';
import { localDay } from '../../web/src/export/download.ts';
import { FGW, SEED_PLAN } from '../api/support.ts';
import { workReportText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import { getApi, openInApp, startExplorerSession, stopExplorerSession } from './session.ts';

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

afterAll(async () => {
  await stopExplorerSession({ server, browser });
  await removePlansOtherThanSeed(getDriver());
});

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
});

// Chromium's PDF names a glyph the CJK font shares between an ideograph and its radical by the
// radical's code point (工 → ⼯ U+2F2F, 民 → ⺠ U+2EA0): read back as the ideographs, as a reader
// of the page sees them. NFKC undoes the Kangxi radicals; the supplement's have no decomposition.
const RADICALS: Record<string, string> = Object.fromEntries(
  [
    ...'⺠民⻆角⻓长⻋车⻛风⻔门⻅见⻜飞⻝食⺟母⻢马⻚页⻘青⻬齐⻩黄⻤鬼⻥鱼⻦鸟⻨麦⻄西⻉贝⻰龙⻳龟⻈讠⻙韦⻠饣'.matchAll(
      /(.)(.)/gu,
    ),
  ].map((pair) => [pair[1], pair[2]]),
);
const readable = (text: string) =>
  text.normalize('NFKC').replace(/[\u2e80-\u2eff]/gu, (radical) => RADICALS[radical] ?? radical);

/** Text without its spaces: where a PDF reader puts them between two runs is its own guess. */
const bare = (text: string) => text.replace(/\s+/g, '');

/** One PDF page's words, in the order Chromium wrote them. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({
    data: new Uint8Array(pdf),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(
      readable(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join('')
          .replace(/\s+/g, ' '),
      ),
    );
  }
  await document.destroy();
  return pages;
}

/**
 * Page-side, in print media: the pages the sheet must take — the title lines on the first, then
 * rows while they fit, each page after the first starting with the headings again, no row cut —
 * from the sheet's own laid-out heights (zoom included) on A4 landscape's 190 mm of height.
 */
const EXPECTED_PAGES = `(() => {
  const sheet = document.getElementById('gt-matrix-print');
  const zoom = Number(sheet.style.zoom || 1);
  const px = (element) => element.getBoundingClientRect().height * zoom;
  const height = (190 / 25.4) * 96;
  const head = px(sheet.querySelector('thead'));
  const table = sheet.querySelector('table');
  const before = (table.getBoundingClientRect().top - sheet.getBoundingClientRect().top) * zoom;
  let pages = 1;
  let used = before + head;
  for (const row of sheet.querySelectorAll('tbody tr')) {
    const tall = px(row);
    if (used + tall > height) {
      pages += 1;
      used = head;
    }
    used += tall;
  }
  return { pages, zoom, rows: sheet.querySelectorAll('tbody tr').length };
})()`;

/** The sheet 打印 makes, as words: its title lines, headings and units, and how it is scaled. */
interface Sheet {
  title: string;
  source: string;
  headings: string[];
  units: string[];
  zoom: string;
}

const READ_SHEET = `(() => {
  const sheet = document.getElementById('gt-matrix-print');
  const words = (element) => element.textContent.trim();
  return {
    title: words(sheet.querySelector('h1')),
    source: words(sheet.querySelector('p.source')),
    headings: [...sheet.querySelectorAll('thead th')].map(words),
    units: [...sheet.querySelectorAll('tbody th')].map(words),
    zoom: sheet.style.zoom,
  };
})()`;

/**
 * Clicks 打印 with the browser's print dialog stubbed out, reads the sheet it made, then (when
 * asked) prints the page to PDF as Chromium prints it, and ends the printing.
 */
async function print(toPdf: boolean): Promise<{ sheet: Sheet; pdf: string[]; expected: number }> {
  await page.evaluate(`window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }`);
  await matrix().locator('button[data-action="print"]').click();
  expect(await page.evaluate('window.__printed')).toBe(1);
  const attached = page.locator('#gt-matrix-print');
  await attached.waitFor({ state: 'attached' });
  const sheet = (await page.evaluate(READ_SHEET)) as Sheet;
  await page.emulateMedia({ media: 'print' });
  const { pages: expected } = (await page.evaluate(EXPECTED_PAGES)) as { pages: number };
  // Back to no emulation: an emulated screen would be what the PDF prints.
  await page.emulateMedia({ media: null });
  const pdf = toPdf ? await page.pdf({ preferCSSPageSize: true, printBackground: true }) : null;
  // Printing done: the sheet goes, the page is as it was.
  await page.evaluate(`window.__printed = 0; window.dispatchEvent(new Event('afterprint'))`);
  expect(await attached.count()).toBe(0);
  return { sheet, pdf: pdf === null ? [] : await pdfPages(pdf), expected };
}

describe('the printed matrix', () => {
  it('has no units × plans with one plan loaded', async () => {
    await openInApp(page, server, '?view=matrix');
    await row(FGW).waitFor();
    await matrix().locator('[data-plan-count="1"]').waitFor();
    const offered = await matrix()
      .locator('button[data-columns]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-columns')));
    expect(offered).toEqual(['themes', 'items']);
  });

  it('prints the matrix alone, under its title line, every unit, the headings on every page', async () => {
    const { rows } = await seenRows();
    const { sheet, pdf: pages, expected } = await print(true);
    const day = localDay();
    expect(sheet.title).toBe(`武汉十四五分工 · 责任矩阵(单位 × 主题)· ${day}`);
    expect(sheet.source).toMatch(
      new RegExp(
        `^日期 ${day} · 来源文件: 武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案 · 武汉市人民政府办公厅 · 2022-03-03 · SHA-256 [0-9a-f]{64}$`,
      ),
    );
    expect(sheet.units).toEqual(rows.map((each) => each.name));
    const text = pages.join('');
    expect(text).toContain(readable(sheet.title));
    expect(text).toContain(readable(sheet.source));
    for (const each of rows) expect(text, each.name).toContain(readable(each.name));
    // Nothing of the app around it: no header, no controls, no panel.
    expect(text).not.toContain('按工作量');
    expect(text).not.toContain(readable('导出 CSV'));
    // The themes matrix is wider than the page: fitted to its width.
    expect(Number(sheet.zoom)).toBeGreaterThan(0.5);
    expect(Number(sheet.zoom)).toBeLessThan(1);
    // 70 units at one line each: the first page's rows after the title lines, then the rest.
    expect(pages.length).toBe(expected);
    expect(pages.length).toBe(2);
    // The headings on every page: the totals', then the columns'.
    for (const each of pages) {
      expect(bare(each)).toContain(bare(readable('单位 牵头 配合 工作量 主要指标 二(一)')));
    }
  });
});

const WORK_REPORT = workReportText;

/** The plans matrix as the planner sees it: each row's totals, and each plan's cell by plan id. */
const READ_PLAN_ROWS = `(() => {
  const root = document.querySelector('gt-app').shadowRoot.querySelector('gt-matrix-view').shadowRoot;
  const figure = (cell, key) => Number(cell?.dataset[key] ?? 0);
  const figures = (cell) => ['leads', 'inferred', 'supports', 'load'].map((key) => figure(cell, key));
  return [...root.querySelectorAll('tbody tr')].map((tr) => ({
    id: tr.dataset.id,
    name: tr.querySelector('th').textContent.trim(),
    total: [
      figure(tr.querySelector('td.total[data-leads]'), 'leads'),
      figure(tr.querySelector('td.total[data-inferred]'), 'inferred'),
      figure(tr.querySelector('td.total[data-supports]'), 'supports'),
      figure(tr.querySelector('td.total[data-load]'), 'load'),
    ],
    cells: Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map((td) => [td.dataset.col, figures(td)])),
  }));
})()`;

interface PlanRow {
  id: string;
  name: string;
  total: number[];
  cells: Record<string, number[]>;
}

const planRows = () => page.evaluate(READ_PLAN_ROWS) as Promise<PlanRow[]>;

/** A ranking's rows by unit id, as [leads, inferred, supports, load]. */
async function rankingFigures(name: string, query: Record<string, string>) {
  const answer = await getApi<HotspotAnswer>(server, `/hotspots/${name}`, {
    limit: '500',
    collectives: 'true',
    ...query,
  });
  expect(answer.truncated).toBe(false);
  return new Map(
    answer.rows.map((each) => [
      String(each['unitId']),
      [each['leads'], each['inferredLeads'], each['supports'], each['load']],
    ]),
  );
}

describe('the matrix over plans', () => {
  let second = '';

  beforeAll(async () => {
    second = (
      await loadPlanText(getDriver(), WORK_REPORT, 'work-report.txt', {
        database: connection().database,
      })
    ).planId;
    // A new plan is a new page's news: the plans list is read when the app starts.
    await page.goto(`${server.url}/?plan=${encodeURIComponent(SEED_PLAN)}&view=matrix`);
    await matrix().locator('[data-plan-count="2"]').waitFor({ timeout: 120_000 });
  }, 240_000);

  it('gives each unit its unit-load row in each plan, and its portfolio-load row in total', async () => {
    await matrix().locator('button[data-columns="plans"]').click();
    await page.waitForURL((url) => url.searchParams.get('mcols') === 'plans');
    await row(FGW).locator(`td[data-col="${second}"]`).waitFor();
    const headings = await matrix()
      .locator('thead th.col')
      .evaluateAll((ths) => ths.map((th) => [th.getAttribute('data-col'), th.textContent?.trim()]));
    expect(headings).toEqual([
      [SEED_PLAN, '武汉十四五分工2022-03-03'],
      [second, '武汉2023政府工作报告分工2023-02-20'],
    ]);
    const seen = await planRows();
    const perPlan = new Map([
      [SEED_PLAN, await rankingFigures('unit-load', { plan: SEED_PLAN })],
      [second, await rankingFigures('unit-load', { plan: second })],
    ]);
    const portfolio = await rankingFigures('portfolio-load', {});
    // Every unit any plan names, once; the heaviest over all plans first.
    expect(seen.map((each) => each.id).toSorted()).toEqual([...portfolio.keys()].toSorted());
    expect(seen.map((each) => each.total[3])).toEqual(
      seen.map((each) => each.total[3]).toSorted((a, b) => (b ?? 0) - (a ?? 0)),
    );
    for (const each of seen) {
      expect(each.total, each.name).toEqual(portfolio.get(each.id));
      for (const [plan, rows] of perPlan) {
        expect(each.cells[plan], `${each.name} in ${plan}`).toEqual(rows.get(each.id));
      }
    }
    // 市发改委 is named in both.
    expect(Object.keys(seen.find((each) => each.id === FGW)?.cells ?? {})).toHaveLength(2);
    await artefactShot(matrix(), 'matrix-plans');
  });

  it('sorts by a plan’s column, and exports what it shows as CSV, four figures per plan', async () => {
    await matrix().locator(`th.col[data-col="${second}"] button`).click();
    await page.waitForURL((url) => url.searchParams.get('msort') === `col:${second}`);
    const sorted = await planRows();
    const loadIn = (each: PlanRow) => each.cells[second]?.[3] ?? 0;
    expect(sorted.map(loadIn)).toEqual(sorted.map(loadIn).toSorted((a, b) => b - a));
    const waiting = page.waitForEvent('download');
    await matrix().locator('button[data-export="csv"]').click();
    const file = await waiting;
    expect(file.suggestedFilename()).toBe(`全部规划-责任矩阵-单位×规划-${localDay()}.csv`);
    const [header, ...body] = parse(readFileSync(await file.path(), 'utf8'), {
      bom: true,
    }) as string[][];
    expect(header).toHaveLength(5 + 2 * 4);
    expect(header?.[5]).toBe('武汉十四五分工(2022-03-03) · 牵头');
    expect(header?.[12]).toBe('武汉2023政府工作报告分工(2023-02-20) · 工作量');
    expect(body.map((each) => each[0])).toEqual(sorted.map((each) => each.name));
    const fgw = sorted.findIndex((each) => each.id === FGW);
    const seenFgw = sorted[fgw] as PlanRow;
    expect(body[fgw]?.slice(1).map(Number)).toEqual([
      ...seenFgw.total,
      ...(seenFgw.cells[SEED_PLAN] ?? []),
      ...(seenFgw.cells[second] ?? []),
    ]);
  });

  it('prints under 全部规划, the plans named in the source line, every unit', async () => {
    const seen = await planRows();
    const { sheet, expected } = await print(false);
    const day = localDay();
    expect(sheet.title).toBe(`全部规划 · 责任矩阵(单位 × 规划)· ${day}`);
    expect(sheet.source).toBe(
      `日期 ${day} · 来源文件: 2 份规划:武汉十四五分工(2022-03-03); 武汉2023政府工作报告分工(2023-02-20)`,
    );
    expect(sheet.headings).toEqual([
      '单位',
      '牵头',
      '配合',
      '工作量',
      '武汉十四五分工2022-03-03',
      '武汉2023政府工作报告分工2023-02-20',
    ]);
    expect(sheet.units).toEqual(seen.map((each) => each.name));
    // Two plans fit the page's width as they are; 70 rows take two pages.
    expect(sheet.zoom).toBe('');
    expect(expected).toBe(2);
  });

  it('is answered with collectives left out when the switch is off, and refuses a switch it cannot read', async () => {
    const answer = PlansMatrixAnswer.parse(
      await getApi<unknown>(server, '/matrix/plans', { collectives: 'false' }),
    );
    expect(answer.collectives).toBe(false);
    expect(answer.cells.some((cell) => cell.collective === true)).toBe(false);
    const figures = (cell: UnitPlanCell) => [
      cell.leads,
      cell.inferredLeads,
      cell.supports,
      cell.load,
    ];
    const sums = new Map<string, number[]>();
    for (const plan of [SEED_PLAN, second]) {
      const cells = answer.cells.filter((cell) => cell.planId === plan);
      expect(new Map(cells.map((cell) => [cell.unitId, figures(cell)]))).toEqual(
        await rankingFigures('unit-load', { plan, collectives: 'false' }),
      );
      for (const cell of cells) {
        const sum = sums.get(cell.unitId) ?? [0, 0, 0, 0];
        sums.set(
          cell.unitId,
          figures(cell).map((value, at) => value + (sum[at] ?? 0)),
        );
      }
    }
    expect(sums).toEqual(await rankingFigures('portfolio-load', { collectives: 'false' }));
    const refused = await fetch(`${server.url}/api/matrix/plans?collectives=maybe`);
    expect(refused.status).toBe(400);
  });

  it('switches to the plan of a cell clicked, the unit chosen there', async () => {
    await row(FGW).locator(`td[data-col="${second}"]`).click();
    await page.waitForURL(
      (url) => url.searchParams.get('plan') === second && url.searchParams.get('sel') === FGW,
    );
    // Still the matrix over plans, the plan now shown marked, the unit's row chosen.
    await expect
      .poll(() => matrix().locator('th.col[data-shown]').getAttribute('data-col'))
      .toBe(second);
    await expect.poll(() => row(FGW).getAttribute('aria-selected')).toBe('true');
    await page.locator('gt-unit-panel').waitFor();
  });

  it('logged no error in the page', () => {
    expect(problems).toEqual([]);
  });
});
