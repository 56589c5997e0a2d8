// A unit's 任务清单 from its panel, in a real Chromium against the seed: the Excel and Word
// buttons download files named after the plan, the unit and the day, the bytes are the file the
// API built (a zip, read back), and a failure is said in the panel in the planner's words.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { DEFAULT_LIMITS, type RowBlock } from '../../graph/parse/read/blocks.ts';
import { readDocx } from '../../graph/parse/read/docx.ts';
import { attachmentName } from '../../web/src/export/download.ts';
import { FGW } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import { getApi, openInApp, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const panel = () => page.locator('gt-unit-panel');

/**
 * Opens the explorer on 市发改委 and waits for its panel's task-list buttons; the canvas need not
 * be drawn for them (and on a loaded machine the first draw can take longer than the clicks). A
 * page whose plan is drawn goes there in its app: what is tested is the panel, not the load.
 */
async function openUnit(query = ''): Promise<void> {
  const address = `?sel=${encodeURIComponent(FGW)}${query}`;
  if (await page.locator('gt-graph[data-drawn="true"]').count()) {
    await openInApp(page, server, address);
  } else {
    await page.goto(`${server.url}/${address}`);
  }
  await panel().locator('button[data-task-list="xlsx"]').waitFor({ timeout: 120_000 });
}

/** Clicks a task-list button and gives the download's name and bytes. */
async function download(format: 'xlsx' | 'docx'): Promise<{ name: string; bytes: Buffer }> {
  // Generous: the server builds the file, and this machine may be busy.
  const waiting = page.waitForEvent('download', { timeout: 120_000 });
  await panel().locator(`button[data-task-list="${format}"]`).click();
  // A failure the panel reports ends the wait with its words, not with a timeout.
  const alert = panel().locator('.task-list [role="alert"]');
  const failed = alert.waitFor({ timeout: 120_000 }).then(
    async () => new Error(`the panel says: ${await alert.textContent()}`),
    () => null,
  );
  const file = await Promise.race([
    waiting,
    failed.then((error) => Promise.reject(error ?? new Error('no download'))),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('the workbook has no sheet');
  return sheet;
}

/** The refs of every item the unit answers for, as the panel's API has them. */
async function profileRefs(): Promise<string[]> {
  const profile = await getApi<{
    themes: { items: { ref: string }[] }[];
    otherItems: { ref: string }[];
  }>(server, '/units/profile', { id: FGW });
  return [...profile.themes.flatMap((group) => group.items), ...profile.otherItems].map(
    (item) => item.ref,
  );
}

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe("a unit's task list from its panel", () => {
  it('downloads 市发改委任务清单 as Excel: named for the plan, unit and day; a workbook of its items', async () => {
    await openUnit();
    const button = panel().locator('button[data-task-list="xlsx"]');
    expect((await button.textContent())?.trim()).toBe('导出任务清单 Excel');
    expect((await panel().locator('button[data-task-list="docx"]').textContent())?.trim()).toBe(
      '导出任务清单 Word',
    );

    const { name, bytes } = await download('xlsx');
    expect(name).toMatch(/^武汉十四五分工-市发改委任务清单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect([...bytes.subarray(0, 4)]).toEqual(ZIP_SIGNATURE);
    // The day on the file is the planner's own.
    const today = await page.evaluate(
      `(() => { const d = new Date(); const p = (n) => String(n).padStart(2, '0'); return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()); })()`,
    );
    expect(name).toContain(String(today));

    const sheet = await firstSheet(bytes);
    expect(sheet.name).toBe('市发改委');
    expect(sheet.getRow(2).getCell(5).text).toBe('角色');
    // Where each item stands: the status column in words, never a code.
    expect(sheet.getRow(2).getCell(11).text).toBe('状态');
    expect(sheet.getRow(3).getCell(11).text).toMatch(/^(未报送|未启动|推进中|已完成|滞后|暂缓)$/);
    const refs = Array.from(
      { length: sheet.rowCount - 2 },
      (_, index) => sheet.getRow(index + 3).getCell(2).text,
    );
    expect(new Set(refs)).toEqual(new Set(await profileRefs()));

    await expect(panel().locator('.task-list [role="status"]').textContent()).resolves.toContain(
      `已导出 ${name}`,
    );
    await artefactShot(panel().locator('.task-list'), 'task-list-panel');
    expect(problems).toEqual([]);
  });

  it('downloads the Word annex, its table read back with the same items', async () => {
    const { name, bytes } = await download('docx');
    expect(name).toMatch(/^武汉十四五分工-市发改委任务清单-\d{4}-\d{2}-\d{2}\.docx$/);
    expect([...bytes.subarray(0, 4)]).toEqual(ZIP_SIGNATURE);
    const { blocks } = await readDocx(new Uint8Array(bytes), DEFAULT_LIMITS);
    const rows = blocks.filter((block): block is RowBlock => block.kind === 'row');
    expect(rows[0]?.cells.map((cell) => cell.text)).toContain('配合单位');
    expect(new Set(rows.slice(1).map((row) => row.cells[1]?.text))).toEqual(
      new Set(await profileRefs()),
    );
    expect(problems).toEqual([]);
  });

  it('speaks English in an English interface: buttons and file', async () => {
    await openUnit('&lang=en');
    const button = panel().locator('button[data-task-list="xlsx"]');
    expect((await button.textContent())?.trim()).toBe('Export task list (Excel)');
    const { name, bytes } = await download('xlsx');
    expect(name).toMatch(/^武汉十四五分工-市发改委-task-list-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await firstSheet(bytes);
    expect(sheet.getRow(2).getCell(5).text).toBe('Role');
    expect(sheet.getRow(2).getCell(11).text).toBe('Status');
    expect(problems).toEqual([]);
  });

  it('says in the panel when the file could not be made', async () => {
    await openUnit();
    await page.route('**/api/units/task-list?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'neo4j_unavailable', message: 'Neo4j is not reachable right now' },
        }),
      }),
    );
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await panel().locator('button[data-task-list="docx"]').click();
    const alert = panel().locator('.task-list [role="alert"]');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('导出失败:图数据库暂时无法连接,请稍后再试。');
    expect(downloads).toBe(0);
    await page.unroute('**/api/units/task-list?*');
  });
});

describe('attachmentName', () => {
  it('reads the UTF-8 name first, the plain one otherwise', () => {
    expect(
      attachmentName(
        `attachment; filename="task-list.xlsx"; filename*=UTF-8''${encodeURIComponent('武汉十四五分工-市发改委任务清单-2026-12-06.xlsx')}`,
      ),
    ).toBe('武汉十四五分工-市发改委任务清单-2026-12-06.xlsx');
    expect(attachmentName('attachment; filename="task-list.docx"')).toBe('task-list.docx');
    expect(attachmentName(`attachment; filename="a.xlsx"; filename*=UTF-8''%E0%A4%A`)).toBe(
      'a.xlsx',
    );
    expect(attachmentName(null)).toBeNull();
  });
});
