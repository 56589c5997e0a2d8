// 进展通报 and 导入台账 in a real Chromium against the seed: a planner opens the report dialog (its
// range ends on the server's today), downloads the Word report with the war map and finds the
// overdue item with its latest note in it, and the PDF; a ledger of another plan is reviewed in
// the import dialog with every row listed as unmatched and nothing to write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordDeadline } from '../../graph/progress/deadlines.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { TASK_1 } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { ARTIFACTS } from './browser.ts';
import { startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

const NOTE = '方案已报市政府审定，待印发。';
const LEDGER = fileURLToPath(new URL('../fixtures/examples/07-ledger.xlsx', import.meta.url));

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let title: string;

async function cleanUp(): Promise<void> {
  const session = getDriver().session({ database: connection().database });
  try {
    await session.run('MATCH (r:Progress|DeadlineChange {itemId: $id}) DETACH DELETE r', {
      id: TASK_1,
    });
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
  await cleanUp();
  const driver = getDriver();
  const { database } = connection();
  // Past due by any clock this test runs on, and not done: overdue.
  await recordDeadline(driver, database, {
    itemId: TASK_1,
    due: { deadline: '2025年6月底前', dueKind: 'date', dueDate: '2025-06-30' },
    by: 'local',
  });
  const { after } = await recordProgress(driver, database, {
    itemId: TASK_1,
    update: { status: 'in-progress', note: NOTE },
    by: 'local',
    source: 'planner',
  });
  title = after.itemTitle ?? '';
  await page.goto(server.url);
  await page.locator('button[data-action="report"]').waitFor({ timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await cleanUp();
  await stopExplorerSession({ server, browser });
});

async function download(format: 'docx' | 'pdf'): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.locator('gt-report-dialog');
  const waiting = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.locator(`button[data-format="${format}"]`).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

describe('进展通报', () => {
  it('downloads the Word report holding the overdue item, its note and the war map', async () => {
    await page.locator('button[data-action="report"]').click();
    const dialog = page.locator('gt-report-dialog');
    const to = dialog.locator('input[name="to"]');
    // The range ends on the server's today, which the dialog asks for.
    await expect.poll(() => to.inputValue(), { timeout: 60_000 }).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const { name, bytes } = await download('docx');
    expect(name).toMatch(/^武汉十四五分工-进展通报-\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.docx$/);
    expect(name).toContain(`至${await to.inputValue()}`);
    const files = unzipSync(new Uint8Array(bytes));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('三、逾期事项');
    expect(xml).toContain(title);
    expect(xml).toContain(NOTE);
    expect(Object.keys(files).some((part) => part.startsWith('word/media/'))).toBe(true);
    await expect
      .poll(() => dialog.locator('[role="status"]').textContent())
      .toContain(`已下载 ${name}`);
  });

  it('downloads the PDF made in the browser', async () => {
    // Without the map this time: the Word file has shown the figure travels; this is the text.
    await page.locator('gt-report-dialog input[name="with-map"]').uncheck();
    const { name, bytes } = await download('pdf');
    writeFileSync(join(ARTIFACTS, 'progress-report.pdf'), bytes);
    expect(name).toMatch(/^武汉十四五分工-进展通报-.*\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Pages of text set as images: far more than an empty page.
    expect(bytes.byteLength).toBeGreaterThan(50_000);
    await page.locator('gt-report-dialog button[data-action="report-close"]').click();
    expect(problems).toEqual([]);
  });
});

describe('导入台账', () => {
  it('lists every row of another plan’s ledger as unmatched, with nothing to write', async () => {
    await page.locator('button[data-action="import-ledger"]').click();
    const ledger = page.locator('gt-import-dialog gt-ledger-import');
    await ledger.locator('input[name="ledger-file"]').setInputFiles(LEDGER);
    const rows = ledger.locator('table.unmatched tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(11);
    await expect(rows.first().locator('td').nth(2).textContent()).resolves.toBe(
      '方案中没有对应的事项',
    );
    expect(await ledger.locator('button[data-action="ledger-confirm"]').isDisabled()).toBe(true);
    await ledger.locator('button[data-action="ledger-cancel"]').click();
    await expect
      .poll(() => page.locator('gt-import-dialog dialog').getAttribute('open'))
      .toBeNull();
    expect(problems).toEqual([]);
  });
});
