// Briefing output in a real Chromium against the real API and Neo4j with the seed: the view as
// PNG, SVG and a one-page PDF (downloads read back and checked), and presentation mode stepping
// through two saved views, each restored exactly (view state, camera, pinned node), then the
// views exported to a file and imported into a fresh browser profile.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { FGW } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { ARTIFACTS, waitForExpression } from './browser.ts';
import {
  newWatchedPage,
  openExplorer,
  readCanvas,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

const newPage = () => newWatchedPage(browser, problems);
const open = (query: string, on = page) => openExplorer(on, server, query);
const canvas = <T>(read: string, on = page) => readCanvas<T>(on, read);

const camera = () => canvas<Camera>('({ zoom: cy.zoom(), pan: cy.pan() })');
const position = (id: string) =>
  canvas<{ x: number; y: number }>(`({ ...cy.getElementById(${JSON.stringify(id)}).position() })`);
const selection = () => canvas<string[]>('cy.$(":selected").map((n) => n.id())');
const restores = async () =>
  Number((await page.locator('gt-app').getAttribute('data-restored')) ?? '0');

/** Where a node is on the page, in CSS pixels. */
function onScreen(id: string): Promise<{ x: number; y: number }> {
  return canvas(
    `(() => { const box = cy.container().getBoundingClientRect(); const p = cy.getElementById(${JSON.stringify(id)}).renderedPosition(); return { x: box.left + p.x, y: box.top + p.y }; })()`,
  );
}

async function download(action: () => Promise<void>): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await file.path();
  return { file, bytes: await readFile(path) };
}

function expectCamera(actual: Camera, expected: Camera): void {
  expect(actual.zoom).toBeCloseTo(expected.zoom, 9);
  expect(actual.pan.x).toBeCloseTo(expected.pan.x, 6);
  expect(actual.pan.y).toBeCloseTo(expected.pan.y, 6);
}

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('briefing output', () => {
  it('downloads the current view as a PNG at twice the canvas’s size', async () => {
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');
    await panel.locator('[data-scope="viewport"]').click();
    await panel.locator('[data-scale="2"]').click();
    const { file, bytes } = await download(() => panel.locator('[data-export="png"]').click());
    expect(file.suggestedFilename()).toMatch(/^武汉市-f64b89c6-\d{4}-\d{2}-\d{2}\.png$/);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await page.screenshot({ path: join(ARTIFACTS, 'briefing-panel.png') });
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const size = await canvas<{ w: number; h: number }>('({ w: cy.width(), h: cy.height() })');
    expect(width).toBe(size.w * 2);
    expect(height).toBe(size.h * 2);
  });

  it('downloads an SVG whose labels are Chinese text with CJK fonts', async () => {
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');
    const { file, bytes } = await download(() => panel.locator('[data-export="svg"]').click());
    expect(file.suggestedFilename()).toMatch(/\.svg$/);
    const svg = bytes.toString('utf8');
    const parsed = await page.evaluate(
      `(() => { const doc = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml'); const texts = [...doc.querySelectorAll('text')]; return { root: doc.documentElement.localName, error: doc.querySelector('parsererror') !== null, labels: texts.map((t) => t.textContent), fonts: [...new Set(texts.map((t) => t.getAttribute('font-family')))], title: doc.querySelector('title')?.textContent ?? null }; })()`,
    );
    const { root, error, labels, fonts, title } = parsed as {
      root: string;
      error: boolean;
      labels: string[];
      fonts: string[];
      title: string | null;
    };
    expect(error).toBe(false);
    expect(root).toBe('svg');
    expect(labels).toContain('市发改委');
    expect(labels).toContain('市经信局');
    expect(fonts).toEqual([
      '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif',
    ]);
    expect(title).toContain('任务分工方案');
  });

  it('downloads a one-page PDF', async () => {
    await open('?tool=views&metric=load');
    const panel = page.locator('gt-views-panel');
    const { file, bytes } = await download(() => panel.locator('[data-export="pdf"]').click());
    await writeFile(join(ARTIFACTS, 'briefing.pdf'), bytes);
    expect(file.suggestedFilename()).toMatch(/^武汉市-f64b89c6-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(1);
    expect(text).toMatch(/\/Count 1\b/);
    // The title, the view, the legend and the footer: four images on the page.
    expect(text.match(/\/Subtype\s*\/Image/g)?.length).toBeGreaterThanOrEqual(4);
    // Compressed: a page to mail, not to download for minutes.
    expect(bytes.length).toBeLessThan(8_000_000);
  });
});

describe('presentation mode', () => {
  it('steps through two saved views and restores each exactly, then leaves on Esc', async () => {
    await open('?tool=views');
    await page.evaluate('localStorage.clear()');
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');

    // View A: 市发改委 chosen on the canvas, the camera zoomed and moved from the keyboard.
    const at = await onScreen(FGW);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
    await page.locator('gt-graph .canvas').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await panel.locator('input[name="view-name"]').fill('A 市发改委');
    await panel.locator('textarea[name="view-caption"]').fill('牵头事项最多的单位');
    await panel.locator('[data-action="save-view"]').click();
    const a = {
      camera: await camera(),
      selection: await selection(),
      url: new URL(page.url()).searchParams,
      fgw: await position(FGW),
    };
    expect(a.selection).toEqual([FGW]);
    expect(a.camera.zoom).not.toBeCloseTo(1, 3);

    // View B: another filter and the heat metric, 市发改委 dragged to a place of its own.
    await open('?tool=views&metric=load&kinds=unit,theme,task');
    await panel.locator('[data-saved-view]').first().waitFor();
    await panel.locator('[data-action="pin-mode"]').check();
    const column = await position(FGW);
    const from = await onScreen(FGW);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 90, from.y + 60, { steps: 8 });
    await page.mouse.up();
    await page.locator('gt-graph .canvas').focus();
    await page.keyboard.press('-');
    await panel.locator('input[name="view-name"]').fill('B 工作量');
    await panel.locator('[data-action="save-view"]').click();
    const b = {
      camera: await camera(),
      selection: await selection(),
      url: new URL(page.url()).searchParams,
      fgw: await position(FGW),
    };
    expect(b.url.get('metric')).toBe('load');
    expect(b.selection).toEqual([]);
    // Dragged 90 screen pixels right and 60 down, at the zoom of the time.
    const zoomWhenDragged = b.camera.zoom / 0.8;
    expect(b.fgw.x - column.x).toBeCloseTo(90 / zoomWhenDragged, 0);
    expect(b.fgw.y - column.y).toBeCloseTo(60 / zoomWhenDragged, 0);
    expect(await panel.locator('[data-saved-view]').count()).toBe(2);
    const savedPins = await page.evaluate(
      `JSON.parse(localStorage.getItem('guatu.savedViews.武汉市-f64b89c6'))[1].pins`,
    );
    expect(savedPins).toEqual({ [FGW]: b.fgw });

    // Step 1: view A, exactly.
    const before = await restores();
    await panel.locator('[data-action="present"]').click();
    await waitForExpression(
      page,
      `document.querySelector('gt-app').dataset.restored === '${before + 1}'`,
    );
    const presentation = page.locator('gt-presentation');
    await expect(presentation.locator('[data-counter]').textContent()).resolves.toContain('1 / 2');
    await expect(presentation.locator('[data-caption]').textContent()).resolves.toContain(
      '牵头事项最多的单位',
    );
    expectCamera(await camera(), a.camera);
    expect(await selection()).toEqual([FGW]);
    let url = new URL(page.url()).searchParams;
    expect(url.get('sel')).toBe(FGW);
    expect(url.get('metric')).toBeNull();
    expect(url.get('kinds')).toBeNull();
    expect(await position(FGW)).toEqual(a.fgw);

    // Step 2: view B, with 市发改委 where it was dragged.
    await page.keyboard.press('ArrowRight');
    await waitForExpression(
      page,
      `document.querySelector('gt-app').dataset.restored === '${before + 2}'`,
    );
    await expect(presentation.locator('[data-counter]').textContent()).resolves.toContain('2 / 2');
    expectCamera(await camera(), b.camera);
    expect(await selection()).toEqual([]);
    url = new URL(page.url()).searchParams;
    expect(url.get('metric')).toBe('load');
    expect(url.get('kinds')).toBe('unit,theme,task');
    expect(url.get('sel')).toBeNull();
    expect(await position(FGW)).toEqual(b.fgw);
    await page.screenshot({ path: join(ARTIFACTS, 'briefing-presentation.png') });
    expect(await canvas<number>('cy.nodes("[kind = \\"indicator\\"]").length')).toBe(0);

    // Back to A: the pin of B is released, 市发改委 back in its column.
    await page.keyboard.press('PageUp');
    await waitForExpression(
      page,
      `document.querySelector('gt-app').dataset.restored === '${before + 3}'`,
    );
    expectCamera(await camera(), a.camera);
    expect(await position(FGW)).toEqual(a.fgw);

    await page.keyboard.press('Escape');
    await presentation.waitFor({ state: 'detached' });
    expect(await page.locator('gt-app .area.presenting').count()).toBe(0);
    // Esc left the presentation only: the selection of the view shown stays.
    expect(new URL(page.url()).searchParams.get('sel')).toBe(FGW);
  });

  it('exports the saved views to a file that a fresh browser imports as the same views', async () => {
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');
    await panel.locator('[data-saved-view]').first().waitFor();
    const stored = await page.evaluate(`localStorage.getItem('guatu.savedViews.武汉市-f64b89c6')`);
    const { file, bytes } = await download(() =>
      panel.locator('[data-action="export-views"]').click(),
    );
    expect(file.suggestedFilename()).toMatch(/\.views\.json$/);
    const exported = JSON.parse(bytes.toString('utf8')) as { views: { name: string }[] };
    expect(exported.views.map((v) => v.name)).toEqual(['A 市发改委', 'B 工作量']);
    expect(exported.views).toEqual(JSON.parse(String(stored)));

    const fresh = await newPage();
    await open('?tool=views', fresh);
    expect(await fresh.evaluate('localStorage.length')).toBe(0);
    const input = fresh.locator('gt-views-panel input[data-action="import-views"]');
    // A damaged file is refused, naming the field.
    const damaged = JSON.parse(bytes.toString('utf8')) as {
      views: { camera: { zoom: unknown } }[];
    };
    if (damaged.views[1] !== undefined) damaged.views[1].camera.zoom = 'far';
    await input.setInputFiles({
      name: 'damaged.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(damaged)),
    });
    await expect(fresh.locator('gt-views-panel [role="alert"]').textContent()).resolves.toContain(
      'views.1.camera.zoom',
    );
    await input.setInputFiles(await file.path());
    await fresh.locator('gt-views-panel [data-saved-view]').nth(1).waitFor();
    const imported = await fresh.evaluate(
      `localStorage.getItem('guatu.savedViews.武汉市-f64b89c6')`,
    );
    expect(JSON.parse(String(imported))).toEqual(exported.views);
    await fresh.context().close();
  });

  it('reported no page errors', () => {
    expect(problems).toEqual([]);
  });
});
