// Hotspots, heat styling and paths in a real Chromium against the real API and Neo4j with the
// seed loaded: a ranking row lights its unit and its items (a coordination pair its shared items)
// on the canvas with the ranking's definition on screen, lists them under the row (compared with
// Neo4j read directly), keeps them in the camera's view and names the row in the address by its
// key, which a fresh page lights again; heat by load makes 市发改委 the biggest unit;
// paths between 市发改委 and 市经信局 and from 市发改委 to a theme are listed as the API answers
// and lit. Screenshots (with GUATU_TEST_SHOTS=1) go to test-artifacts/.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planShortTitle } from '../../contract/short-title.ts';
import type { ServerHandle } from '../../graph/api/server.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { HEAT_SIZE } from '../../web/src/graph/heat.ts';
import { en, zh } from '../../web/src/i18n/features/hotspots.ts';
import { kindName } from '../../web/src/i18n/messages.ts';
import { FGW, SEED_PLAN, THEME_1 } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, waitForExpression } from './browser.ts';
import { DIMMED, FULL, seenStrengths } from './seen.ts';
import {
  getApi,
  newWatchedPage,
  openExplorer,
  openInApp,
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

// In the page's app: the tests here are of what it shows, not of loading it (the last test's
// fresh tab, reload and old link are; they load).
const open = (query = '') => openInApp(page, server, query);
const canvas = <T>(read: string) => readCanvas<T>(page, read);

const markedIds = () => canvas<string[]>('cy.elements(".marked").map((e) => e.id()).sort()');
const marksInUrl = () => new URL(page.url()).searchParams.getAll('mark');

const shot = (name: string) => artefactShot(page, `hotspots-${name}`);

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
    const rows = panel.locator('table[data-ranking="unit-load"] tbody tr[data-row]');
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
    await page.waitForURL((url) => url.searchParams.get('row') === '市发改委');
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(FGW)}).hasClass('marked')`,
    );
    // The unit and every item it leads or supports, which its load is made of.
    const reached = await canvas<string[]>(
      `cy.$id(${JSON.stringify(FGW)}).outgoers('edge[type = "LEADS"], edge[type = "SUPPORTS"]').targets().map((n) => n.id())`,
    );
    expect(reached.length).toBeGreaterThan(50);
    const marked = await canvas<string[]>('cy.nodes(".marked").map((n) => n.id()).sort()');
    expect(marked).toEqual([FGW, ...reached].sort());
    // Unrelated nodes are seen dimmed (a theme, another unit), the row's unit in full.
    const seen = await seenStrengths(page, [THEME_1, JXJ, FGW]);
    expect(seen[THEME_1]).toBeLessThanOrEqual(DIMMED);
    expect(seen[JXJ]).toBeLessThanOrEqual(DIMMED);
    expect(seen[FGW]).toBeGreaterThanOrEqual(FULL);
    await expect(rows.first().getAttribute('aria-selected')).resolves.toBe('true');
    await expect(rows.nth(1).getAttribute('aria-selected')).resolves.toBe('false');
    await shot('unit-load-row');

    // Clicking it again clears.
    await rows.first().click();
    await page.waitForURL((url) => url.searchParams.get('hot') === null);
    await waitForExpression(page, 'window.__guatu.cy.elements(".marked").length === 0');
    const cleared = await seenStrengths(page, [THEME_1, JXJ, FGW]);
    expect(Object.values(cleared).every((strength) => strength >= FULL)).toBe(true);
    await expect(rows.first().getAttribute('aria-selected')).resolves.toBe('false');

    // From the keyboard: Enter on a focused row lights it; the clear button clears.
    await rows.nth(1).focus();
    await page.keyboard.press('Enter');
    const second = String(ranking.rows[1]?.['unitId']);
    await page.waitForURL((url) => url.searchParams.get('row') === ranking.rows[1]?.['unit']);
    await waitForExpression(
      page,
      `window.__guatu.cy.$id(${JSON.stringify(second)}).hasClass('marked')`,
    );
    expect(await markedIds()).toContain(second);
    expect(await markedIds()).not.toContain(FGW);
    // Arrow keys step from ranking row to ranking row, past the details listed under the lit one.
    await page.keyboard.press('ArrowUp');
    await expect(rows.first().evaluate((row) => row.matches(':focus'))).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(rows.nth(2).evaluate((row) => row.matches(':focus'))).resolves.toBe(true);
    await panel.locator('button[data-action="clear-marks"]').first().click();
    await page.waitForURL((url) => url.searchParams.get('hot') === null);
    await waitForExpression(page, 'window.__guatu.cy.elements(".marked").length === 0');
  }, 180_000);

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
    await page.waitForURL((url) => url.searchParams.get('hot') === 'coordination-pairs');
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
    await page.waitForURL((url) => url.searchParams.get('hot') === null);
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
    const rows = panel.locator('table[data-ranking="unit-load"] tbody tr[data-row]');
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
    await page.waitForURL((url) => url.searchParams.get('row') === '市发改委');
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
      .locator('tbody tr[data-row] td:nth-child(4)')
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
    // Named after the plan too, where the downloads know which plan is on screen.
    expect(csv.suggestedFilename()).toMatch(
      /^武汉十四五分工-单位工作量排名-\d{4}-\d{2}-\d{2}\.csv$/,
    );
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

/** One of a unit's items, read from Neo4j directly: the oracle the details are checked against. */
interface HeldItem {
  id: string;
  ref: string;
  title: string;
  kind: string;
  themeRef: string | null;
  theme: string | null;
  themeOrder: number | null;
  type: string;
  inferred: boolean;
  role: string | null;
}

/** The items a unit leads or supports in the seed plan, in document order, each once. */
async function itemsOf(unitId: string): Promise<Map<string, HeldItem>> {
  const { records } = await getDriver().executeQuery(
    `MATCH (:Unit {id: $unitId})-[held:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
     OPTIONAL MATCH (item)-[:UNDER*1..2]->(theme:Theme)
     RETURN item.id AS id, item.ref AS ref, item.title AS title, item.kind AS kind,
            theme.ref AS themeRef, theme.title AS theme, toFloat(theme.sortKey) AS themeOrder,
            type(held) AS type, coalesce(held.inferred, false) AS inferred, held.role AS role
     ORDER BY item.sortKey, type(held)`,
    { unitId, planId: SEED_PLAN },
    { database: connection().database },
  );
  const items = new Map<string, HeldItem>();
  for (const record of records) {
    const item = record.toObject() as HeldItem;
    // An item held twice counts once, under its lead.
    if (!items.has(item.id)) items.set(item.id, item);
  }
  return items;
}

const roleWord = (item: HeldItem) =>
  item.type === 'LEADS' ? (item.inferred ? '推定牵头' : '牵头') : '配合';
const themeWords = (item: HeldItem) =>
  item.themeRef === null ? '' : `${item.themeRef} ${item.theme}`;

/** RFC 4180, as a spreadsheet reads it back. */
const csvField = (field: string) =>
  /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;

const detailCells = () =>
  page
    .locator('gt-hotspot-details table[data-details] tbody tr[data-item]')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );

/** The top coordination pair of the seed (市发改委 and 市经信局) as the ranking names it. */
async function topPair(): Promise<{ a: string; b: string; aId: string; bId: string }> {
  const ranking = await api<Ranking>('/hotspots/coordination-pairs', { plan: SEED_PLAN });
  const top = ranking.rows[0] ?? {};
  return {
    a: String(top['unitA']),
    b: String(top['unitB']),
    aId: String(top['unitAId']),
    bId: String(top['unitBId']),
  };
}

describe('what stands behind a ranking row, in Chromium', () => {
  it('lists the items a coordination pair shares, sorts them and exports them', async () => {
    await open();
    await openRanking('coordination-pairs');
    const pair = await topPair();
    expect([pair.a, pair.b].sort()).toEqual(['市发改委', '市经信局'].sort());
    await page.locator('gt-hotspots-panel tr[data-row]').first().click();
    const details = page.locator('gt-hotspot-details');
    await details.locator('[data-details-count]').waitFor();

    // Neo4j read directly: the items both units hold, each unit's role on them.
    const [ofA, ofB] = await Promise.all([itemsOf(pair.aId), itemsOf(pair.bId)]);
    const shared = [...ofA.values()].filter((item) => ofB.has(item.id));
    expect(shared).toHaveLength(39);
    const expected = shared.map((item) => {
      const other = ofB.get(item.id) as HeldItem;
      return [item.ref, item.title, themeWords(item) || '–', roleWord(item), roleWord(other)];
    });
    await expect(
      details.locator('[data-details-count]').getAttribute('data-details-count'),
    ).resolves.toBe('39');
    const headers = await details.locator('thead th button').allTextContents();
    expect(headers.map((header) => header.trim())).toEqual([
      '序号',
      '事项',
      '主题',
      `${pair.a}角色`,
      `${pair.b}角色`,
    ]);
    expect(await detailCells()).toEqual(expected);
    // Every role word is one of the document's pair, or the rule's.
    const roles = new Set(expected.flatMap((row) => row.slice(3)));
    expect([...roles].every((role) => ['牵头', '推定牵头', '配合'].includes(role))).toBe(true);
    expect(roles.size).toBeGreaterThan(1);
    await shot('pair-details');

    // By theme: themes in the plan's order, items under none last; ties in document order.
    await details.locator('th button[data-sort="theme"]').click();
    const byTheme = shared
      .map((item, at) => ({ item, at }))
      .sort((x, y) => {
        const a = x.item.themeOrder;
        const b = y.item.themeOrder;
        if ((a === null) !== (b === null)) return a === null ? 1 : -1;
        return (a ?? 0) - (b ?? 0) || x.at - y.at;
      })
      .map(({ at }) => expected[at]);
    expect(byTheme).not.toEqual(expected);
    expect(await detailCells()).toEqual(byTheme);
    await expect(
      details.locator('th[aria-sort="ascending"] button[data-sort="theme"]').count(),
    ).resolves.toBe(1);
    // By reference: document order, then reversed.
    await details.locator('th button[data-sort="ref"]').click();
    expect(await detailCells()).toEqual(expected);
    await details.locator('th button[data-sort="ref"]').click();
    expect(await detailCells()).toEqual([...expected].reverse());
    await details.locator('th button[data-sort="ref"]').click();

    // The spreadsheet: Chinese headers, the planner's words, every row; named after the plan.
    const plans = await api<{ id: string; title: string; jurisdiction: string }[]>('/plans');
    const plan = plans.find((candidate) => candidate.id === SEED_PLAN);
    const short = planShortTitle({ title: plan?.title ?? '', jurisdiction: plan?.jurisdiction });
    expect(short).toBe('武汉十四五分工');
    const csvDownload = page.waitForEvent('download');
    await details.locator('[data-details-export="csv"]').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(
      new RegExp(`^${short}-协同单位对-${pair.a}-${pair.b}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .toString('utf8')
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]).toBe(
      [
        '序号',
        '事项',
        '主题',
        `${pair.a}角色`,
        `${pair.b}角色`,
        '类型',
        '主题序号',
        `${pair.a}文件所印角色`,
        `${pair.b}文件所印角色`,
        '事项编号',
      ].join(','),
    );
    expect(lines.slice(1)).toEqual(
      shared.map((item) => {
        const other = ofB.get(item.id) as HeldItem;
        return [
          item.ref,
          item.title,
          themeWords(item),
          roleWord(item),
          roleWord(other),
          kindName('zh', item.kind),
          item.themeRef ?? '',
          item.role ?? '',
          other.role ?? '',
          item.id,
        ]
          .map(csvField)
          .join(',');
      }),
    );

    // JSON for scripts: the raw values.
    const jsonDownload = page.waitForEvent('download');
    await details.locator('[data-details-export="json"]').click();
    const json = await jsonDownload;
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const rows = JSON.parse(readFileSync(await json.path(), 'utf8')) as Record<string, unknown>[];
    expect(rows.map((row) => row['itemId'])).toEqual(shared.map((item) => item.id));
    expect(rows[0]).toMatchObject({ ref: shared[0]?.ref, kind: shared[0]?.kind });
    expect(new Set(rows.map((row) => row['roleA']))).toEqual(
      new Set(
        shared.map((item) =>
          item.type === 'SUPPORTS' ? 'support' : item.inferred ? 'owner' : 'lead',
        ),
      ),
    );
  }, 180_000);

  it('lists a unit’s items under their themes, with counts and its role on each', async () => {
    await open();
    await openRanking('unit-load');
    await page.locator('gt-hotspots-panel tr[data-row]').first().click();
    const details = page.locator('gt-hotspot-details');
    await details.locator('tbody[data-group]').first().waitFor();
    const held = [...(await itemsOf(FGW)).values()];
    // Themes in the plan's order, then the items under none; each with how many it holds.
    const counts = new Map<string, { order: number; ids: string[] }>();
    for (const item of held) {
      const key = item.themeRef ?? '';
      const group = counts.get(key) ?? { order: item.themeOrder ?? Infinity, ids: [] };
      group.ids.push(item.id);
      counts.set(key, group);
    }
    const expected = [...counts]
      .sort(([, x], [, y]) => x.order - y.order)
      .map(([key, group]) => ({ key, count: group.ids.length, ids: group.ids }));
    expect(expected.length).toBeGreaterThan(5);
    const shown = await details.locator('tbody[data-group]').evaluateAll((groups) =>
      groups.map((group) => ({
        key: group.getAttribute('data-group'),
        count: Number(group.querySelector('[data-group-count]')?.getAttribute('data-group-count')),
        ids: [...group.querySelectorAll('tr[data-item]')].map((row) =>
          row.getAttribute('data-item'),
        ),
      })),
    );
    expect(shown).toEqual(expected);
    // The count on screen, in words.
    const heading = await details.locator('tbody[data-group] th.group').first().textContent();
    expect(heading?.replace(/\s+/g, ' ')).toContain(`${expected[0]?.count} 项`);
    await expect(
      details.locator('[data-details-count]').getAttribute('data-details-count'),
    ).resolves.toBe(String(held.length));
    // 一(一)8 names only 责任单位:市发改委, which leads it by the rule; it supports 一(一)3.
    const role = (ref: string) =>
      details
        .locator(`tr[data-item="${SEED_PLAN}/${ref}"] td[data-column="role"]`)
        .textContent()
        .then((text) => text?.trim());
    await expect(role('一(一)8')).resolves.toBe('推定牵头');
    await expect(role('一(一)3')).resolves.toBe('配合');
    await shot('unit-details');
  }, 180_000);

  it('lists the units on an item with diffuse ownership', async () => {
    await open();
    await openRanking('multi-lead-items');
    const ranking = await api<Ranking>('/hotspots/multi-lead-items', { plan: SEED_PLAN });
    const leads = (ranking.rows[0]?.['leadUnits'] as string[]) ?? [];
    await page.locator('gt-hotspots-panel tr[data-row]').first().click();
    const details = page.locator('gt-hotspot-details');
    await details.locator('[data-details-count]').waitFor();
    const cells = await detailCells();
    expect(cells.filter((row) => row[1] === '牵头').map((row) => row[0])).toEqual(leads);
  }, 180_000);

  it('keeps a lit unit’s items and themes in view, not zoomed onto the unit alone', async () => {
    await open();
    await openRanking('unit-load');
    const before = await canvas<string>('JSON.stringify([cy.zoom(), cy.pan()])');
    await page.locator('gt-hotspots-panel tr[data-row]').first().click();
    // The camera moves once the marks are drawn: wait until it has moved and come to rest.
    await waitForExpression(
      page,
      `(() => { const cy = window.__guatu.cy; const at = JSON.stringify([cy.zoom(), cy.pan()]);
        if (at === ${JSON.stringify(before)} || cy.animated()) return false;
        return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
          done(!cy.animated() && JSON.stringify([cy.zoom(), cy.pan()]) === at)))); })()`,
    );
    const view = await canvas<{
      width: number;
      height: number;
      zoom: number;
      maxZoom: number;
      outside: string[];
      count: number;
    }>(`(() => {
      const unit = cy.$id(${JSON.stringify(FGW)});
      const items = unit.outgoers('edge[type = "LEADS"], edge[type = "SUPPORTS"]').targets();
      const themes = items.outgoers('edge[type = "UNDER"]').targets('[kind = "theme"]');
      const all = unit.union(items).union(themes);
      const outside = all.filter((node) => {
        const at = node.renderedPosition();
        return at.x < 0 || at.y < 0 || at.x > cy.width() || at.y > cy.height();
      }).map((node) => node.id());
      return { width: cy.width(), height: cy.height(), zoom: cy.zoom(), maxZoom: cy.maxZoom(),
               outside, count: all.length };
    })()`);
    expect(view.count).toBeGreaterThan(60);
    expect(view.outside).toEqual([]);
    expect(view.zoom).toBeLessThan(view.maxZoom);
    await shot('unit-in-view');
  }, 180_000);

  it('writes the lit row as its ranking and key, and a fresh page lights it again', async () => {
    await open();
    await openRanking('coordination-pairs');
    const pair = await topPair();
    await page.locator('gt-hotspots-panel tr[data-row]').first().click();
    await page.waitForURL((url) => url.searchParams.get('hot') === 'coordination-pairs');
    await waitForExpression(page, 'window.__guatu.cy.nodes(".marked").length === 41');
    const lit = await markedIds();
    const url = new URL(page.url());
    expect(url.searchParams.get('row')).toBe(`${pair.a}|${pair.b}`);
    expect(url.searchParams.getAll('mark')).toEqual([]);
    // Short and readable: no element ids, the names' separator as typed, no tool (implied).
    expect(url.search).toBe(
      `?hot=coordination-pairs&row=${encodeURIComponent(pair.a)}|${encodeURIComponent(pair.b)}`,
    );
    expect(decodeURIComponent(url.search)).not.toContain('武汉市');

    // A fresh tab at that address: the same row lit, its details open.
    const fresh = await newWatchedPage(browser, problems);
    try {
      await openExplorer(fresh, server, url.search);
      await waitForExpression(fresh, 'window.__guatu.cy.nodes(".marked").length === 41');
      const again = (await fresh.evaluate(
        '(() => window.__guatu.cy.elements(".marked").map((e) => e.id()).sort())()',
      )) as string[];
      expect(again).toEqual(lit);
      const row = fresh.locator('gt-hotspots-panel tr[data-row][aria-selected="true"]');
      await expect(row.getAttribute('data-key')).resolves.toBe(`${pair.a}|${pair.b}`);
      await expect(
        fresh.locator('gt-hotspot-details [data-details-count]').getAttribute('data-details-count'),
      ).resolves.toBe('39');
      // The address stays as it came.
      expect(new URL(fresh.url()).search).toBe(url.search);
      // The names in the other order, as someone might type them: the same pair.
      const typed = `?hot=coordination-pairs&row=${pair.b}|${pair.a}`;
      await openExplorer(fresh, server, typed);
      await waitForExpression(fresh, 'window.__guatu.cy.nodes(".marked").length === 41');
    } finally {
      await fresh.context().close();
    }

    // A reload of the first page, and an old link listing ids, still light.
    await page.reload();
    await page.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
    await waitForExpression(page, 'window.__guatu.cy.nodes(".marked").length === 41');
    expect(await markedIds()).toEqual(lit);
    // An old link listing ids still lights them (one listing all 120-odd of this row was too long
    // for the server to take: the reason rows are named by their key).
    await openExplorer(
      page,
      server,
      `?mark=${encodeURIComponent(FGW)}&mark=${encodeURIComponent(JXJ)}`,
    );
    await waitForExpression(page, 'window.__guatu.cy.nodes(".marked").length === 2');
    expect(await markedIds()).toEqual([FGW, JXJ].sort());
  }, 180_000);
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
