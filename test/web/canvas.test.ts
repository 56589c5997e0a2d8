// The whole plan on a projector's 1920×1080, in a real Chromium against the seed: the labels a
// room must read (every theme, the busiest units) are drawn large enough, the rest wait until
// the planner zooms in, no two drawn labels pile up, and the themes' boxes neither overlap one
// another nor hide under the controls laid over the canvas, in the layered and force layouts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { MAJOR_UNITS } from '../../web/src/graph/to-elements.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { artefactShot } from './browser.ts';
import { getApi, readCanvas, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

/** The smallest label a room reads off a projected 1920×1080 screen, in screen pixels. */
const LEGIBLE_PX = 12;

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Label {
  id: string;
  text: string;
  /** The label's height on screen: its font size times the zoom. */
  px: number;
  box: Rect;
}

/** Generous waits: a busy test machine can take many seconds to draw; no assertion is timed. */
const WAIT_MS = 120_000;
const TEST_MS = 300_000;

const canvas = <T>(read: string) => readCanvas<T>(page, read);

/**
 * Opens the app and waits until the plan is on the canvas — once: loading and drawing the whole
 * plan is most of a test's cost, and what each test reads (the fitted plan, the labels, the
 * themes' boxes) is the same after the previous one, which zooms back out to the fit ('0').
 */
async function open(): Promise<void> {
  if (page.url().startsWith(server.url)) return;
  await page.goto(`${server.url}/`, { timeout: WAIT_MS });
  await page
    .locator('gt-graph[data-drawn="true"]')
    .waitFor({ state: 'attached', timeout: WAIT_MS });
}

const intersects = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Every pair of boxes that intersect, by id, for a readable failure. */
function overlapping(boxes: readonly { id: string; box: Rect }[]): string[][] {
  const pairs: string[][] = [];
  boxes.forEach((a, i) => {
    for (const b of boxes.slice(i + 1)) if (intersects(a.box, b.box)) pairs.push([a.id, b.id]);
  });
  return pairs;
}

/** The labels drawn now (a node whose label is empty draws none), with their screen boxes. */
function drawnLabels(): Promise<Label[]> {
  return canvas<Label[]>(`cy.nodes().filter((n) => n.style('label') !== '').map((n) => {
    const b = n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    return { id: n.id(), text: n.style('label'), px: n.numericStyle('font-size') * cy.zoom(), box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } };
  })`);
}

/** The themes' boxes as drawn, in page coordinates (the canvas's offset added). */
function themeBoxes(): Promise<{ id: string; box: Rect }[]> {
  return canvas(`(() => {
    const at = cy.container().getBoundingClientRect();
    return cy.nodes('[kind = "theme"]').map((n) => {
      const b = n.renderedBoundingBox();
      return { id: n.id(), box: { x1: at.left + b.x1, y1: at.top + b.y1, x2: at.left + b.x2, y2: at.top + b.y2 } };
    });
  })()`);
}

/** What gt-app lays over the canvas (and the legend under it), in page coordinates. */
async function overlays(): Promise<{ id: string; box: Rect }[]> {
  const out: { id: string; box: Rect }[] = [];
  for (const selector of ['gt-canvas-controls', 'gt-node-actions', '.counts', 'gt-legend']) {
    const found = page.locator(selector);
    for (let i = 0; i < (await found.count()); i++) {
      const box = await found.nth(i).boundingBox();
      if (box === null || box.width === 0 || box.height === 0) continue;
      out.push({
        id: `${selector}#${i}`,
        box: { x1: box.x, y1: box.y, x2: box.x + box.width, y2: box.y + box.height },
      });
    }
  }
  return out;
}

async function expectThemesClear(layout: string): Promise<void> {
  const themes = await themeBoxes();
  expect(themes).toHaveLength(15);
  expect(overlapping(themes), `${layout}: themes over themes`).toEqual([]);
  const over = await overlays();
  // The canvas controls at least: the test means nothing if it finds none.
  expect(over.map((o) => o.id)).toContain('gt-canvas-controls#0');
  const hidden = themes.flatMap((theme) =>
    over.filter((o) => intersects(theme.box, o.box)).map((o) => [theme.id, o.id]),
  );
  expect(hidden, `${layout}: themes under the controls`).toEqual([]);
  // And every theme is on the canvas, not pushed off it.
  const area = await page.locator('gt-graph').boundingBox();
  if (area === null) throw new Error('no canvas');
  for (const { box } of themes) {
    expect(box.x1).toBeGreaterThanOrEqual(area.x);
    expect(box.y1).toBeGreaterThanOrEqual(area.y);
    expect(box.x2).toBeLessThanOrEqual(area.x + area.width);
    expect(box.y2).toBeLessThanOrEqual(area.y + area.height);
  }
}

beforeAll(async () => {
  let unused: Page;
  ({ server, browser, page: unused } = await startExplorerSession(problems));
  // The session's page is the planner's 1600×960 window; this file's is a projector's.
  await unused.context().close();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('the whole plan on a 1920×1080 projector', () => {
  it(
    'draws every theme’s and the busiest units’ labels large enough to read, and no others',
    async () => {
      await open();
      const graph = await getApi<{
        elements: { nodes: { data: { id: string; kind: string; load?: number } }[] };
      }>(server, '/plans/graph');
      const units = graph.elements.nodes.map((n) => n.data).filter((n) => n.kind === 'unit');
      const busiest = units
        .toSorted((a, b) => (b.load ?? 0) - (a.load ?? 0))
        .slice(0, MAJOR_UNITS)
        .map((u) => u.id);
      const themes = graph.elements.nodes
        .filter((n) => n.data.kind === 'theme')
        .map((n) => n.data.id);
      expect(themes).toHaveLength(15);
      expect(busiest).toContain('武汉市/市发改委');

      const labels = await drawnLabels();
      const byId = new Map(labels.map((label) => [label.id, label]));
      for (const id of [...themes, ...busiest]) {
        const label = byId.get(id);
        expect(label, `${id} has no label drawn`).toBeDefined();
        expect(label?.px, `${id}'s label is too small`).toBeGreaterThanOrEqual(LEGIBLE_PX);
      }
      // Drawn labels are all legible, and none lies over another.
      for (const label of labels) expect(label.px, label.id).toBeGreaterThanOrEqual(LEGIBLE_PX);
      expect(overlapping(labels)).toEqual([]);
      await artefactShot(page, 'canvas-1920-whole-plan');
    },
    TEST_MS,
  );

  it(
    'leaves minor labels out until the planner zooms in, then draws them',
    async () => {
      await open();
      const minor = await canvas<{ id: string; label: string; display: string }[]>(
        `cy.nodes('[prominence = "minor"]').map((n) => ({ id: n.id(), label: n.style('label'), display: n.data('display') }))`,
      );
      // Items and the less busy units: most of the plan.
      expect(minor.length).toBeGreaterThan(200);
      expect(minor.filter((n) => n.label !== '').map((n) => n.id)).toEqual([]);

      // `void`: the setter answers Cytoscape itself, which Playwright would copy out of the page
      // whole (tens of seconds of the renderer's time).
      await canvas(
        `void cy.zoom({ level: cy.zoom() * 3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })`,
      );
      const zoomed = await canvas<{ id: string; label: string; display: string; px: number }[]>(
        `cy.nodes('[prominence = "minor"]').map((n) => ({ id: n.id(), label: n.style('label'), display: n.data('display'), px: n.numericStyle('font-size') * cy.zoom() }))`,
      );
      expect(zoomed.filter((n) => n.label !== n.display).map((n) => n.id)).toEqual([]);
      for (const node of zoomed) expect(node.px, node.id).toBeGreaterThanOrEqual(LEGIBLE_PX);
      await artefactShot(page, 'canvas-1920-zoomed-in');

      // Back out (the keyboard's 0 fits the plan again): the minor labels leave with the zoom.
      await page.locator('gt-graph .canvas').focus();
      await page.keyboard.press('0');
      await expect
        .poll(
          () =>
            canvas<number>(
              `cy.nodes('[prominence = "minor"]').filter((n) => n.style('label') !== '').length`,
            ),
          { timeout: WAIT_MS },
        )
        .toBe(0);
      // The fit is animated: the next test reads the camera it ends on.
      await expect.poll(() => canvas<boolean>('cy.animated()'), { timeout: WAIT_MS }).toBe(false);
    },
    TEST_MS,
  );

  it(
    'keeps the themes’ boxes apart and clear of the controls, laid out in columns',
    async () => {
      await open();
      await expectThemesClear('layered');
    },
    TEST_MS,
  );

  it(
    'keeps the themes’ boxes apart and clear of the controls under the force layout',
    async () => {
      await open();
      await page.locator('gt-canvas-controls [data-layout="force"]').click();
      await page
        .locator('gt-graph[data-layout="force"]')
        .waitFor({ state: 'attached', timeout: WAIT_MS });
      await expectThemesClear('force');
      await artefactShot(page, 'canvas-1920-force');
    },
    TEST_MS,
  );

  it('logs no errors', () => {
    expect(problems).toEqual([]);
  });
});
