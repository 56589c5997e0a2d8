// Issue 13 in a real Chromium against the seed: the table view's counts and exports are the
// plan's whatever is drawn; one pair of words (牵头 / 配合) for the two edge types on every
// surface, the role words as printed on items, inferred leads counted apart; and the console's
// named queries and the rankings in Chinese — titles, definitions, parameter labels, column names
// with their meanings, enum values in words — with English one click away.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { FGW, SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import { openInApp, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

const ITEM_2 = `${SEED_PLAN}/一(一)2`;

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

// Loaded once, then in the page's app: the tests are of the words shown, not of loading.
const open = (query = '') => openInApp(page, server, query);

async function download(selector: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await page.locator(selector).click();
  return readFileSync(await (await waiting).path(), 'utf8');
}

const trimmed = (texts: string[]) => texts.map((text) => text.replace(/\s+/g, ' ').trim());

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('facts right wherever they are shown', () => {
  it('gives the plan’s counts in a focused table and its exports, not the drawn ones', async () => {
    // Focused on 市发改委: 一(一)2 is drawn with it alone; the plan names four supporting units
    // (l.23: 责任单位:市经信局、市生态环境局、市城建局、市交通运输局).
    await open(`?sel=${encodeURIComponent(FGW)}&scope=focus&table=1`);
    const row = page.locator(`gt-table-view tr[data-id="${ITEM_2}"]`);
    await row.waitFor();
    expect(await row.locator('[data-supports]').getAttribute('data-supports')).toBe('4');
    expect(await row.locator('[data-leads]').getAttribute('data-leads')).toBe('1');
    expect(await row.locator('td.units').textContent()).toContain(
      '市发改委*、市经信局、市生态环境局、市城建局、市交通运输局',
    );
    // 市发改委's own row: 53 leads, 16 of them by the rule, counted apart.
    const fgw = page.locator(`gt-table-view tr[data-id="${FGW}"] [data-leads]`);
    expect((await fgw.textContent())?.trim()).toBe('53(其中推定 16)');
    const headers = trimmed(await page.locator('gt-table-view thead th').allTextContents());
    expect(headers).toContain('配合(全规划)');

    const csv = await download('gt-table-view [data-export="csv"]');
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '类型,序号,名称,牵头(全规划),其中推定牵头,配合(全规划),相关单位(全规划),id',
    );
    const line = lines.find((each) => each.endsWith(`,${ITEM_2}`));
    expect(line).toMatch(/^指标,一\(一\)2,[^,]+,1,0,4,市发改委\*、市经信局、/);
    expect(lines.find((each) => each.endsWith(`,${FGW}`))).toMatch(/^单位,,市发改委,53,16,21,/);

    const json = JSON.parse(await download('gt-table-view [data-export="json"]')) as Record<
      string,
      unknown
    >[];
    expect(json.find((each) => each['id'] === ITEM_2)).toMatchObject({
      kind: 'indicator',
      ref: '一(一)2',
      leads: 1,
      inferredLeads: 0,
      supports: 4,
    });
    await artefactShot(page, 'chinese-first-focused-table');
  });

  it('uses 牵头 and 配合 on the legend, the filters and the panels; role words as printed', async () => {
    await open(`?sel=${encodeURIComponent(FGW)}`);
    // The legend and the filters draw in their shadow roots.
    const shadowText = (tag: string) =>
      page
        .locator(tag)
        .evaluate(
          (element) =>
            (element as unknown as { shadowRoot: { textContent: string | null } }).shadowRoot
              .textContent,
        )
        .then((text) => text ?? '');
    const legend = await shadowText('gt-legend');
    expect(legend).toContain('牵头');
    expect(legend).toContain('配合');
    expect(legend).toContain('推定牵头');
    expect(legend).not.toMatch(/参与|责任\/|LEADS|SUPPORTS/);
    const roles = trimmed(await page.locator('gt-filters button[data-role]').allTextContents());
    expect(roles).toEqual(['牵头', '推定牵头', '配合']);
    // The unit's summary in the fixed pair; its items' badges as the notice prints them.
    const panel = page.locator('gt-unit-panel');
    await panel.locator('[data-metric="itemsLed"]').waitFor();
    const summary = trimmed(await panel.locator('dl.metrics dt').allTextContents());
    expect(summary.slice(0, 2)).toEqual(['牵头', '配合']);
    // 一(一)8 names only 责任单位:市发改委 — it leads by the rule.
    const owned = panel.locator(`li[data-item="${SEED_PLAN}/一(一)8"] .badge`);
    expect((await owned.textContent())?.trim()).toBe('责任(推定牵头)');
    const supported = panel.locator(`li[data-item="${SEED_PLAN}/一(一)3"] .badge`);
    expect((await supported.textContent())?.trim()).toBe('责任');
  });
});

describe('Chinese first', () => {
  it('shows a ranking’s full definition, column names and meanings in Chinese', async () => {
    await open('?tool=hotspots');
    const panel = page.locator('gt-hotspots-panel');
    await panel.locator('table[data-ranking="unit-load"] tbody tr').first().waitFor();
    const headers = trimmed(await panel.locator('thead th button').allTextContents());
    expect(headers).toEqual([
      '单位',
      '牵头',
      '其中推定牵头',
      '配合',
      '涉及主题',
      '工作量',
      '集合单位',
    ]);
    expect(await panel.locator('thead th').nth(3).getAttribute('title')).toBe('它配合的事项数');
    const first = trimmed(await panel.locator('tbody tr').first().locator('td').allTextContents());
    expect(first).toEqual(['市发改委', '53', '16', '21', '13', '63.5', '否']);
    await panel.locator('details summary').click();
    const full = (await panel.locator('[data-api-definition]').textContent()) ?? '';
    expect(full).toContain('工作量:每牵头一项计 1,每配合一项计 0.5。');
    expect(full).not.toMatch(/Weighted|load/);
    const meanings = trimmed(await panel.locator('[data-column-meanings] dd').allTextContents());
    expect(meanings[0]).toBe('单位简称,如文件所印');

    // Kinds and edge types in words.
    await panel.locator('select[name="ranking"]').selectOption('collective-exposure');
    await panel.locator('table[data-ranking="collective-exposure"] tbody tr').first().waitFor();
    const cells = await panel.locator('tbody td').allTextContents();
    const text = trimmed(cells).join('|');
    expect(text).not.toMatch(/\b(LEADS|SUPPORTS|task|indicator|project|true|false)\b/);
    expect(text).toMatch(/任务|指标|重大工程/);
    expect(text).toMatch(/牵头|配合/);
  });

  it('names a console query, its parameters and its columns in Chinese, values in words', async () => {
    await open('?tool=console');
    const picker = page.locator('gt-console select[data-role="picker"]');
    await picker.locator('option[value="shared-items"]').waitFor({ state: 'attached' });
    expect((await picker.locator('option[value="shared-items"]').textContent())?.trim()).toBe(
      '共同事项:两个单位共同承担的事项,及各自的角色',
    );
    await picker.selectOption('shared-items');
    const params = page.locator('gt-console fieldset[data-role="params"]');
    const labels = trimmed(await params.locator('label > span').allTextContents());
    expect(labels).toEqual(['规划 *', '单位甲 *', '单位乙 *']);
    expect(await page.locator('gt-console [data-description]').textContent()).toContain(
      '单位可用编号、简称或别名指定',
    );
    const history = page.locator('gt-console ol.history li');
    const before = await history.count();
    await page.locator('gt-console [data-action="run"]').click();
    await expect.poll(() => history.count()).toBe(before + 1);
    const table = page.locator('gt-console gt-result-table');
    const headers = trimmed(await table.locator('thead th[data-column]').allTextContents());
    expect(headers).toEqual(['序号', '类型', '事项', '单位甲角色', '单位乙角色', '事项编号']);
    expect(await table.locator('thead th[data-column="edgeA"]').getAttribute('title')).toBe(
      '第一个单位:牵头或配合',
    );
    const kinds = trimmed(await table.locator('td[data-column="kind"]').allTextContents());
    const edges = trimmed(await table.locator('td[data-column="edgeA"]').allTextContents());
    expect(kinds).toContain('任务');
    for (const kind of kinds) expect(['指标', '任务', '重大工程', '工作要求']).toContain(kind);
    expect(new Set(edges)).toEqual(new Set(['牵头', '配合']));

    // The spreadsheet in words; the JSON raw, for scripts.
    const csv = await download('gt-console [data-action="export-csv"]');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF序号,类型,事项,单位甲角色,单位乙角色,事项编号');
    expect(csv).not.toMatch(/,(LEADS|SUPPORTS|task|indicator),/);
    const json = JSON.parse(await download('gt-console [data-action="export-json"]')) as Record<
      string,
      unknown
    >[];
    expect(new Set(json.map((row) => row['edgeA']))).toEqual(new Set(['LEADS', 'SUPPORTS']));

    // English one click away.
    await page.locator('button[data-action="language"]').click();
    await expect
      .poll(async () => trimmed(await table.locator('thead th[data-column]').allTextContents()))
      .toEqual(['Ref.', 'Kind', 'Item', 'Role of unit A', 'Role of unit B', 'Item id']);
    const english = trimmed(await table.locator('td[data-column="edgeA"]').allTextContents());
    expect(new Set(english)).toEqual(new Set(['Leads', 'Supports']));
    await artefactShot(page, 'chinese-first-console');
    expect(problems).toEqual([]);
  });
});
