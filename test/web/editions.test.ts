// Editions compared (版本对比) in a real Chromium against the real API and Neo4j. Two editions of
// the seed's first themes are loaded beside the seed; the newer one has four edits (an item added,
// one removed, one lead changed, one title reworded) and a later date. The header's entry opens
// the comparison of exactly those two; the table lists exactly the four edits in Chinese words,
// filters by kind, and downloads the server's CSV with Chinese headers; on the graph the added item
// is green, the changed ones amber, the removed one a red ghost under its old theme, with a legend;
// the language switch gives English; closing restores the plain graph. The import review offers
// the same table for a file about to replace a plan. One browser and one page for the file.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { loadSeed } from '../api/support.ts';
import { renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import {
  artefactShot,
  buildWeb,
  launchChromium,
  serveExplorer,
  waitForExpression,
} from './browser.ts';
import { newWatchedPage, openExplorer, readCanvas } from './session.ts';

useTestNeo4j();

/** The seed's first themes with four edits; each edit must find its text exactly once. */
function fourEdits(text: string): string {
  const edits: [string, string][] = [
    [
      '(二)构建现代产业体系',
      '5.建设新型研发机构集群。(牵头单位:市科技局;责任单位:市发改委)\n\n(二)构建现代产业体系',
    ],
    ['11.每千人口拥有3岁以下婴幼儿托位数达到3个。(责任单位:市卫健委)\n\n', ''],
    ['(牵头单位:市教育局;责任单位:市人社局)', '(牵头单位:市科技局;责任单位:市人社局)'],
    ['\n4.打造科技成果转化高地。', '\n4.加快打造科技成果转化高地。'],
    ['2022年3月3日', '2023年3月3日'],
  ];
  for (const [before, after] of edits) {
    expect(text.split(before)).toHaveLength(2);
    text = text.replace(before, after);
  }
  return text;
}

const FIRST_THEMES = seedText.split('\n').slice(0, 90).join('\n');
const OLDER = renamedSeed('版本对比', FIRST_THEMES);
const NEWER = renamedSeed('版本对比修订', fourEdits(FIRST_THEMES));

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];
let olderId = '';
let newerId = '';

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  // Chromium starts while the plans load; the two editions load one after the other (they share
  // the seed's units).
  const launching = launchChromium();
  await Promise.all([buildWeb(), loadSeed(driver, database)]);
  await removePlansOtherThanSeed(driver);
  olderId = (await loadPlanText(driver, OLDER, 'older.txt', { database })).planId;
  newerId = (await loadPlanText(driver, NEWER, 'newer.txt', { database })).planId;
  server = await serveExplorer(driver, database);
  browser = await launching;
  page = await newWatchedPage(browser, problems);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removePlansOtherThanSeed(getDriver());
});

const view = () => page.locator('gt-editions-view');
const table = () => page.locator('gt-editions-table');

/** Each row as `changes | old number | new number`, in the order shown. */
const rows = () =>
  table()
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map(
        (tr) =>
          `${tr.getAttribute('data-changes')} | ${tr.getAttribute('data-from')} | ${tr.getAttribute('data-to')}`,
      ),
    );

const cellText = (from: string, to: string, column: string) =>
  table()
    .locator(`tbody tr[data-from="${from}"][data-to="${to}"] td[data-column="${column}"]`)
    .innerText();

const FOUR = [
  'units | 一(一)1 | 一(一)1',
  'removed | 一(二)11 | ',
  'reworded | 二(一)4 | 二(一)4',
  'added |  | 二(一)5',
];

describe('editions compared in the explorer', () => {
  it('opens on the two editions of one notice and lists exactly their edits in Chinese', async () => {
    await openExplorer(page, server, `?plan=${encodeURIComponent(newerId)}`);
    await page.locator('gt-app button[data-action="editions"]').click();
    await page.waitForURL((url) => url.searchParams.get('compare') === `${olderId}..${newerId}`);
    await table().locator('tbody tr').first().waitFor();
    expect(await rows()).toEqual(FOUR);
    // The pickers show the two editions chosen by default: the two of one series, older first.
    await expect(view().locator('select[name="from"]').inputValue()).resolves.toBe(olderId);
    await expect(view().locator('select[name="to"]').inputValue()).resolves.toBe(newerId);

    const headers = await table().locator('thead th').allInnerTexts();
    expect(headers).toEqual([
      '变化',
      '类型',
      '原编号',
      '原标题',
      '原所属',
      '新编号',
      '新标题',
      '新所属',
      '单位变化',
      '对应依据',
      '可能对应',
    ]);
    await expect(cellText('一(一)1', '一(一)1', 'changes')).resolves.toBe('责任单位变化');
    const units = await cellText('一(一)1', '一(一)1', 'units');
    expect(units).toContain('市教育局 不再牵头');
    expect(units).toContain('市科技局 新增牵头');
    await expect(cellText('一(一)1', '一(一)1', 'match')).resolves.toBe('一致');
    await expect(cellText('一(二)11', '', 'changes')).resolves.toBe('删除');
    await expect(cellText('', '二(一)5', 'changes')).resolves.toBe('新增');
    await expect(cellText('', '二(一)5', 'toTitle')).resolves.toBe('建设新型研发机构集群');
    await expect(cellText('', '二(一)5', 'toParent')).resolves.toContain('二(一)');
    await expect(cellText('二(一)4', '二(一)4', 'changes')).resolves.toBe('措辞调整');
    await expect(cellText('二(一)4', '二(一)4', 'match')).resolves.toBe('措辞调整');
    // The words the new title gained are marked.
    await expect(
      table().locator('tr[data-to="二(一)4"] td[data-column="toTitle"] ins').allInnerTexts(),
    ).resolves.toEqual(['加快']);

    await artefactShot(page, 'editions-table');

    // Filtered to one kind of change, then to all again.
    await table().locator('button[data-filter="added"]').click();
    expect(await rows()).toEqual(['added |  | 二(一)5']);
    await table().locator('button[data-filter="all"]').click();
    expect(await rows()).toEqual(FOUR);
    // Least certain first: the items in one edition only come after the pairs.
    await table().locator('select[name="order"]').selectOption('certainty');
    expect((await rows()).slice(0, 2)).toEqual([FOUR[2], FOUR[0]]);
    await table().locator('select[name="order"]').selectOption('document');
  });

  it('downloads the server’s CSV with Chinese headers, named after the newer edition', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table().locator('button[data-action="editions-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^武汉十四五-版本对比-\d{4}-\d{2}-\d{2}\.csv$/u);
    const bytes = readFileSync((await download.path()) ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '变化,对应依据,标题相似度,类型,原编号,原标题,原所属,新编号,新标题,新所属,单位变化,可能对应',
    );
    expect(lines).toHaveLength(1 + FOUR.length);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
      '责任单位变化',
      '删除',
      '措辞调整',
      '新增',
    ]);
    await expect(table().locator('[role="status"]').last().innerText()).resolves.toContain(
      download.suggestedFilename(),
    );
  });

  it('marks the newer edition on the graph: added green, changed amber, removed a red ghost', async () => {
    await view().locator('button[data-on="graph"]').click();
    await page.waitForURL((url) => url.searchParams.get('cmpon') === 'graph');
    await waitForExpression(page, `window.__guatu?.cy?.nodes('.ed-removed').length === 1`);
    const ids = (selector: string) =>
      readCanvas<string[]>(page, `cy.elements('${selector}').map((e) => e.id()).sort()`);
    expect(await ids('node.ed-added')).toEqual([`${newerId}/二(一)5`]);
    expect(await ids('node.ed-changed')).toEqual([`${newerId}/一(一)1`, `${newerId}/二(一)4`]);
    const ghost = `ed-ghost:${olderId}/一(二)11`;
    expect(await ids('node.ed-removed')).toEqual([ghost]);
    expect(await ids('node.ed-unit')).toEqual(
      ['市卫健委', '市发改委', '市教育局', '市科技局'].map((unit) => `武汉市/${unit}`).sort(),
    );
    // The ghost is drawn as its kind is, under the theme it sat in.
    const olderGhost = await readCanvas<{ kind: string; parent: string; shape: string }>(
      page,
      `(() => { const g = cy.$id(${JSON.stringify(ghost)}); return { kind: g.data('kind'), parent: g.data('parentId') ?? null, shape: g.style('shape') }; })()`,
    );
    // Beside the indicator that came before it, in the same shape.
    const neighbour = await readCanvas<{ parent: string; shape: string }>(
      page,
      `(() => { const n = cy.$id(${JSON.stringify(`${newerId}/一(二)10`)}); return { parent: n.data('parentId') ?? null, shape: n.style('shape') }; })()`,
    );
    expect(neighbour.shape).toBe('diamond');
    expect(olderGhost).toEqual({ kind: 'indicator', ...neighbour });
    const looks = await readCanvas<Record<string, string>>(
      page,
      `({
        added: cy.$id(${JSON.stringify(`${newerId}/二(一)5`)}).style('background-color'),
        changed: cy.$id(${JSON.stringify(`${newerId}/一(一)1`)}).style('background-color'),
        removed: cy.$id(${JSON.stringify(ghost)}).style('background-color'),
        removedBorder: cy.$id(${JSON.stringify(ghost)}).style('border-style'),
        addedLabel: cy.$id(${JSON.stringify(`${newerId}/二(一)5`)}).data('display'),
        lostLine: cy.edges('.ed-removed[type = "LEADS"]').map((e) => e.source().id() + '>' + e.target().id()).sort().join(' '),
      })`,
    );
    expect(looks).toEqual({
      added: 'rgb(0,158,115)',
      changed: 'rgb(230,159,0)',
      removed: 'rgb(213,94,0)',
      removedBorder: 'dashed',
      addedLabel: expect.stringMatching(/^＋/u) as unknown as string,
      lostLine: [`武汉市/市卫健委>${ghost}`, `武汉市/市教育局>${newerId}/一(一)1`].sort().join(' '),
    });
    const legend = await view().locator('.legend').innerText();
    for (const words of ['新增事项', '有变化的事项', '已删除的事项', '牵头或配合有增减的单位']) {
      expect(legend).toContain(words);
    }
    await expect(view().locator('[data-legend="added"] .count').innerText()).resolves.toBe('1');
    await expect(view().locator('[data-legend="changed"] .count').innerText()).resolves.toBe('2');
    await expect(view().locator('[data-legend="removed"] .count').innerText()).resolves.toBe('1');

    await artefactShot(page, 'editions-graph');

    // A tap on the ghost names it in the legend and selects nothing of the plan.
    await page.evaluate(
      `(() => { window.__guatu.cy.$id(${JSON.stringify(ghost)}).emit('tap'); return true; })()`,
    );
    await expect(view().locator('[data-ghost]').innerText()).resolves.toContain('一(二)11');
    expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
  });

  it('speaks English after the language switch', async () => {
    await page.locator('gt-app button[data-action="language"]').click();
    const legend = await view().locator('.legend').innerText();
    expect(legend).toContain('Item added');
    expect(legend).toContain('Item removed');
    await view().locator('button[data-on="table"]').click();
    await table().locator('tbody tr').first().waitFor();
    const headers = await table().locator('thead th').allInnerTexts();
    expect(headers.slice(0, 3)).toEqual(['Change', 'Kind', 'Old number']);
    await expect(cellText('一(一)1', '一(一)1', 'units')).resolves.toContain('Lead lost');
    await expect(cellText('一(二)11', '', 'changes')).resolves.toBe('Removed');
    await expect(cellText('', '二(一)5', 'changes')).resolves.toBe('Added');
    await expect(cellText('二(一)4', '二(一)4', 'match')).resolves.toBe('Reworded');
    await page.locator('gt-app button[data-action="language"]').click();
  });

  it('restores the plain graph when closed', async () => {
    await view().locator('button[data-on="graph"]').click();
    await waitForExpression(page, `window.__guatu?.cy?.nodes('.ed-removed').length === 1`);
    await view().locator('button[data-action="editions-close"]').click();
    await view().waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('compare')).toBeNull();
    await waitForExpression(
      page,
      `window.__guatu?.cy?.elements('.ed-added, .ed-changed, .ed-removed, .ed-unit').length === 0`,
    );
    const ghosts = await readCanvas<number>(page, `cy.nodes('[id ^= "ed-ghost:"]').length`);
    expect(ghosts).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens a shared link on the graph, turning to the newer edition', async () => {
    await openExplorer(page, server, `?compare=${olderId}..${newerId}&cmpon=graph`);
    await waitForExpression(page, `window.__guatu?.cy?.nodes('.ed-removed').length === 1`);
    expect(new URL(page.url()).searchParams.get('plan')).toBe(newerId);
    await expect(view().locator('[data-legend="added"] .count').innerText()).resolves.toBe('1');
    expect(problems).toEqual([]);
  });
});

describe('editions compared in the import review', () => {
  it('offers the same table for a file about to replace a plan', async () => {
    // The older edition's title (so the file would replace it) with the newer edition's edits.
    const file = renamedSeed('版本对比', fourEdits(FIRST_THEMES));
    await page.locator('gt-app button[data-action="import"]').click();
    await page.locator('gt-import-dialog input[type="file"]').setInputFiles({
      name: '新版分工.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(file, 'utf8'),
    });
    const review = page.locator('gt-import-review');
    await review.locator('button[data-action="review-editions"]').click();
    await review.locator('gt-editions-table tbody tr').first().waitFor();
    const shown = await review
      .locator('gt-editions-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-changes')));
    expect(shown).toEqual(['units', 'removed', 'reworded', 'added']);
    await page.locator('gt-import-dialog [data-action="import-cancel"]').click();
    await page.locator('gt-import-dialog dialog[open]').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });
});
