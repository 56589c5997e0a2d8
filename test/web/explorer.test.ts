// The explorer in a real Chromium against the real API and Neo4j with the seed loaded: the whole
// plan drawn, a bureau found by initials, Chinese and English, its counts equal to the API's, a
// theme's units, a link that restores its view, the language switch, expanding, the source and
// the table view. Screenshots (with GUATU_TEST_SHOTS=1) go to test-artifacts/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { FGW, SEED_PLAN, TASK_1, THEME_1 } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot, waitForExpression } from './browser.ts';
import {
  getApi,
  openExplorer,
  openInApp,
  readCanvas,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';
import { seenCounts } from './seen.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const api = <T>(path: string, query: Record<string, string> = {}) => getApi<T>(server, path, query);

// In the page's app: most tests are of what it shows, not of loading it. The first screen and the
// link that restores a view load the page (openExplorer).
const open = (query = '') => openInApp(page, server, query);
const canvas = <T>(read: string) => readCanvas<T>(page, read);

function selectedInUrl(): string | null {
  return new URL(page.url()).searchParams.get('sel');
}

const shot = (name: string) => artefactShot(page, `explorer-${name}`);

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('the explorer in Chromium', () => {
  it('draws the whole seed plan on the first screen', async () => {
    await openExplorer(page, server);
    const graph = await api<{ elements: { nodes: unknown[]; edges: unknown[] } }>('/plans/graph');
    expect(graph.elements.nodes.length).toBe(255);
    expect(await canvas<number>('cy.nodes().length')).toBe(graph.elements.nodes.length);
    expect(await canvas<number>('cy.edges().length')).toBe(graph.elements.edges.length);
    const count = await page.locator('gt-graph').getAttribute('data-node-count');
    expect(Number(count)).toBe(graph.elements.nodes.length);
    // Laid out in columns: units left of items, items left of themes.
    const [unitX = NaN, itemX = NaN, themeX = NaN] = await canvas<number[]>(
      `['unit', 'task', 'theme'].map((k) => cy.nodes('[kind = "' + k + '"]').map((n) => n.position('x')).reduce((a, b) => a + b, 0) / cy.nodes('[kind = "' + k + '"]').length)`,
    );
    expect(unitX).toBeLessThan(itemX);
    expect(itemX).toBeLessThan(themeX);
    // The whole plan fits in the canvas.
    const fits = await canvas<boolean>(
      '(() => { const b = cy.elements().renderedBoundingBox(); return b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1; })()',
    );
    expect(fits).toBe(true);
    await expect(page.locator('gt-plan-panel h2').textContent()).resolves.toContain('任务分工方案');
    await shot('first-screen');
  });

  for (const query of ['fgw', '发改委', 'Development and Reform']) {
    it(`finds 市发改委 by "${query}" and shows the API's counts`, async () => {
      await open();
      await page.keyboard.press('/');
      await page.keyboard.type(query);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
      await expect(canvas<string[]>('cy.$(":selected").map((n) => n.id())')).resolves.toEqual([
        FGW,
      ]);
      const profile = await api<{
        metrics: { itemsLed: number; itemsSupported: number; themesReached: number; load: number };
      }>('/units/profile', { id: FGW, plan: SEED_PLAN });
      const metric = (key: string) =>
        page.locator(`gt-unit-panel [data-metric="${key}"]`).textContent();
      await page.locator('gt-unit-panel [data-metric="itemsLed"]').waitFor();
      expect(await page.locator('gt-unit-panel [data-unit-name]').textContent()).toContain(
        '市发改委',
      );
      // The leads it owns by the rule (items naming no lead) are counted apart: 一(一)8, fourteen
      // sub-projects of 三(三), 三(七), 三(十一), 三(二十二) and 四(三) (test/queries/seed.test.ts).
      expect((await metric('itemsLed'))?.trim()).toBe(`${profile.metrics.itemsLed}(其中推定 16)`);
      expect(
        Number(
          await page.locator('gt-unit-panel [data-metric="itemsLed"]').getAttribute('data-value'),
        ),
      ).toBe(profile.metrics.itemsLed);
      expect(Number(await metric('itemsSupported'))).toBe(profile.metrics.itemsSupported);
      expect(Number(await metric('themesReached'))).toBe(profile.metrics.themesReached);
      expect(Number(await metric('load'))).toBe(profile.metrics.load);
      // Its neighbourhood is lit, everything else seen dimmed.
      const lit = await canvas<string[]>('cy.$(".highlight").nodes().map((n) => n.id())');
      const items = profile.metrics.itemsLed + profile.metrics.itemsSupported;
      expect(lit.length).toBeGreaterThan(items);
      const rest = await canvas<string[]>('cy.nodes().not(".highlight").map((n) => n.id())');
      expect(rest).toHaveLength(255 - lit.length);
      const seenLit = await seenCounts(page, lit);
      const seenRest = await seenCounts(page, rest);
      expect(seenLit.full).toBeGreaterThan(seenLit.onScreen * 0.9);
      expect(seenRest.dimmed).toBeGreaterThan(seenRest.onScreen * 0.9);
      if (query === 'fgw') await shot('unit-fgw');
    });
  }

  it('walks from a unit to an item, its units and its source line', async () => {
    await open(`?sel=${encodeURIComponent(FGW)}`);
    await page.locator(`gt-unit-panel li[data-item="${TASK_1}"] button`).click();
    await page.waitForURL((url) => url.searchParams.get('sel') === TASK_1);
    const source = await api<{ line: number; lines: { number: number; text: string }[] }>(
      '/source',
      { id: TASK_1, context: '3' },
    );
    const here = page.locator(`gt-item-panel .source [data-line="${source.line}"]`);
    await here.waitFor();
    expect(await here.getAttribute('class')).toBe('here');
    expect(await here.textContent()).toContain('创建东湖综合性国家科学中心');
    await expect(page.locator('gt-item-panel li[data-unit]').count()).resolves.toBeGreaterThan(1);
    expect(
      await page.locator(`gt-item-panel li[data-unit="${FGW}"] .badge`).textContent(),
    ).toContain('牵头');
    // Back goes to the unit: a selection is a step in the browser's history.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
    await page.locator('gt-unit-panel').waitFor();
    await shot('item-source');
  });

  it('lists every unit that reaches a theme, ranked as the API ranks them', async () => {
    await open(`?sel=${encodeURIComponent(THEME_1)}`);
    const reach = await api<{ units: { unit: { id: string }; leads: number; supports: number }[] }>(
      '/themes/reach',
      { id: THEME_1 },
    );
    const rows = page.locator('gt-theme-panel li[data-unit]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(reach.units.length);
    const shown = await rows.evaluateAll((list) => list.map((li) => li.getAttribute('data-unit')));
    expect(shown).toEqual(reach.units.map((u) => u.unit.id));
    expect(Number(await rows.first().locator('[data-leads]').getAttribute('data-leads'))).toBe(
      reach.units[0]?.leads,
    );
    // The theme lights up its tasks and the units on them.
    for (const { unit } of reach.units) {
      expect(
        await canvas<boolean>(
          `cy.getElementById(${JSON.stringify(unit.id)}).hasClass('highlight')`,
        ),
      ).toBe(true);
    }
    await shot('theme');
  });

  it('restores a view from its link, and writes the view back into the link', async () => {
    await openExplorer(
      page,
      server,
      `?sel=${encodeURIComponent(FGW)}&layout=force&lang=en&roles=lead,owner&coll=0`,
    );
    await page.locator('gt-graph[data-layout="force"]').waitFor({ state: 'attached' });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await canvas<number>('cy.edges("[type = \\"SUPPORTS\\"]").length')).toBe(0);
    expect(await canvas<number>('cy.nodes("[?collective]").length')).toBe(0);
    expect(await canvas<string[]>('cy.$(":selected").map((n) => n.id())')).toEqual([FGW]);
    await expect(page.locator('gt-unit-panel [data-unit-name]').textContent()).resolves.toContain(
      'Wuhan Municipal Development and Reform Commission',
    );
    expect(
      await page.locator('gt-filters [data-role="support"]').getAttribute('aria-pressed'),
    ).toBe('false');
    await page.locator('gt-filters [data-role="support"]').click();
    await page.waitForURL((url) => url.searchParams.get('roles') === null);
    expect(await canvas<number>('cy.edges("[type = \\"SUPPORTS\\"]").length')).toBeGreaterThan(0);
    await page.locator('gt-canvas-controls [data-layout="layered"]').click();
    await page.waitForURL((url) => url.searchParams.get('layout') === null);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('sel') === null);
    expect(selectedInUrl()).toBeNull();
    // The canvas follows once the layout it is moving into has settled (drawing steps queue).
    await expect.poll(() => canvas<number>('cy.$(":selected").length')).toBe(0);
  });

  it('switches the interface and the unit names between Chinese and English', async () => {
    await open();
    const label = () => canvas<string>(`cy.getElementById(${JSON.stringify(FGW)}).data('display')`);
    expect(await label()).toBe('市发改委');
    const toggle = page.locator('[data-action="language"]');
    expect((await toggle.textContent())?.trim()).toBe('English');
    await toggle.click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
    expect(await label()).toBe('Development and Reform Commission');
    expect((await toggle.textContent())?.trim()).toBe('中文');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('gt-filters [data-kind="unit"]').textContent()).toContain('Unit');
    await shot('english');
    await toggle.click();
    await page.waitForURL((url) => url.searchParams.get('lang') === null);
    expect(await label()).toBe('市发改委');
  });

  it('expands a unit with a cap and offers the rest as "N more"', async () => {
    await open(`?sel=${encodeURIComponent(FGW)}`);
    const before = await canvas<number>('cy.edges().length');
    await page.locator('gt-node-actions [data-action="expand"]').click();
    const neighbourhood = await api<{ more: { count: number } }>('/neighbourhood', {
      id: FGW,
      limit: '20',
      depth: '1',
      types: 'COORDINATES_WITH,MEMBER_OF,DELEGATED_TO',
    });
    expect(neighbourhood.more.count).toBeGreaterThan(0);
    await waitForExpression(page, `window.__guatu.cy.edges().length > ${before}`);
    expect(
      await canvas<number>('cy.edges("[type = \\"COORDINATES_WITH\\"]").length'),
    ).toBeGreaterThan(0);
    const more = page.locator('gt-node-actions [data-action="more"]');
    expect(await more.textContent()).toContain(String(neighbourhood.more.count));
    await page.locator('gt-node-actions [data-action="collapse"]').click();
    await waitForExpression(page, `window.__guatu.cy.edges().length === ${before}`);
    await page.locator('gt-node-actions [data-action="hide"]').click();
    await waitForExpression(page, 'window.__guatu.cy.nodes().length === 254');
    await page.locator('gt-node-actions [data-action="unhide"]').click();
    await waitForExpression(page, 'window.__guatu.cy.nodes().length === 255');
  });

  it('pans and zooms the canvas from the keyboard', async () => {
    await open();
    const before = await canvas<{ x: number; y: number; zoom: number }>(
      '({ ...cy.pan(), zoom: cy.zoom() })',
    );
    await page.locator('gt-graph .canvas').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('+');
    const after = await canvas<{ x: number; y: number; zoom: number }>(
      '({ ...cy.pan(), zoom: cy.zoom() })',
    );
    expect(after.zoom).toBeCloseTo(before.zoom * 1.25, 5);
    expect(after.x).not.toBe(before.x);
    expect(after.y).not.toBe(before.y);
  });

  it('offers a table of what is on screen, keyboard first', async () => {
    await open('?theme=' + encodeURIComponent(THEME_1));
    const shown = await canvas<number>('cy.nodes().length');
    expect(shown).toBeLessThan(255);
    await page.locator('gt-canvas-controls [data-view="table"]').click();
    const rows = page.locator('gt-table-view tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(shown);
    await rows.first().locator('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('sel') !== null);
    expect(
      await page.locator('aside[role="complementary"]').getAttribute('aria-label'),
    ).toBeTruthy();
    await shot('table');
  });

  it('ran without errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
