// Briefing output in a real Chromium against the real API and Neo4j with the seed: the view as
// PNG (inside the briefing frame or plain), SVG and a one-page PDF (downloads read back and
// checked), every file named after the plan's short title and what it shows; presentation mode
// stepping through two saved views (view state and pinned node restored, each slide fitted to
// the screen, a view saved in a small window filling a large one), Esc going back to where the
// planner was; then the views exported to a file and imported into a fresh browser profile.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { FGW } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { ARTIFACTS, artefactShot, waitForExpression } from './browser.ts';
import {
  newWatchedPage,
  openExplorer,
  openInApp,
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

/**
 * How long a step may take: exports and redraws of the whole plan, on a machine shared with
 * other test runs, can take tens of seconds. Generous so a busy machine does not fail a test.
 */
const SLOW_MACHINE_MS = 120_000;

async function newPage(): Promise<Page> {
  const fresh = await newWatchedPage(browser, problems);
  fresh.setDefaultTimeout(SLOW_MACHINE_MS);
  return fresh;
}
// In the page's app where it shows one: these tests are of what it makes, not of loading it (a
// new page loads; the projector's load is its own step below).
const open = (query: string, on = page) => openInApp(on, server, query);
const canvas = <T>(read: string, on = page) => readCanvas<T>(on, read);

const camera = (on = page) => canvas<Camera>('({ zoom: cy.zoom(), pan: cy.pan() })', on);
const position = (id: string) =>
  canvas<{ x: number; y: number }>(`({ ...cy.getElementById(${JSON.stringify(id)}).position() })`);
const selection = (on = page) => canvas<string[]>('cy.$(":selected").map((n) => n.id())', on);
const restores = async (on = page) =>
  Number((await on.locator('gt-app').getAttribute('data-restored')) ?? '0');
const restored = (count: number, on = page) =>
  waitForExpression(
    on,
    `document.querySelector('gt-app').dataset.restored === '${count}'`,
    SLOW_MACHINE_MS,
  );

/** Every file is `<plan's short title>-<what it shows>-<date>.<ext>`. */
const named = (what: string, ext: string) =>
  new RegExp(`^武汉十四五分工-${what}-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`);

/** Nodes whose whole box (label included) is on the canvas. */
const whollyOnScreen = (on = page) =>
  canvas<string[]>(
    `cy.nodes().filter((n) => { const b = n.renderedBoundingBox(); return b.x1 >= 0 && b.y1 >= 0 && b.x2 <= cy.width() && b.y2 <= cy.height(); }).map((n) => n.id())`,
    on,
  );

/** The canvas's size, and the rendered box of these nodes (labels included), in CSS pixels. */
function renderedBox(ids: readonly string[], on = page) {
  return canvas<{ w: number; h: number; x1: number; y1: number; x2: number; y2: number }>(
    `(() => { const ids = new Set(${JSON.stringify(ids)}); const b = cy.nodes().filter((n) => ids.has(n.id())).renderedBoundingBox(); return { w: cy.width(), h: cy.height(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }; })()`,
    on,
  );
}

/**
 * Pixels with ink (neither white nor transparent) in each band of rows [from, to) of a PNG, read
 * in the page; the image is sent and decoded once for all the bands.
 */
function inkInRows(png: Buffer, bands: readonly [number, number][]): Promise<number[]> {
  return page.evaluate(`(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(png.toString('base64'))}), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    return ${JSON.stringify(bands)}.map(([from, to]) => {
      const band = new OffscreenCanvas(bitmap.width, to - from);
      const context = band.getContext('2d');
      context.drawImage(bitmap, 0, -from);
      const data = context.getImageData(0, 0, band.width, band.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 600) ink += 1;
      }
      return ink;
    });
  })()`) as Promise<number[]>;
}

const pngSize = (bytes: Buffer) => ({
  width: bytes.readUInt32BE(16),
  height: bytes.readUInt32BE(20),
});

/** Where a node is on the page, in CSS pixels. */
function onScreenOf(on: Page, id: string): Promise<{ x: number; y: number }> {
  return canvas(
    `(() => { const box = cy.container().getBoundingClientRect(); const p = cy.getElementById(${JSON.stringify(id)}).renderedPosition(); return { x: box.left + p.x, y: box.top + p.y }; })()`,
    on,
  );
}
const onScreen = (id: string) => onScreenOf(page, id);

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
  page.setDefaultTimeout(SLOW_MACHINE_MS);
}, 400_000);

afterAll(() => stopExplorerSession({ server, browser }));

describe('briefing output', { timeout: 4 * SLOW_MACHINE_MS }, () => {
  it('downloads the view as a PNG inside the briefing frame, or plain at twice the canvas’s size', async () => {
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');
    await panel.locator('[data-scope="viewport"]').click();
    await panel.locator('[data-scale="2"]').click();
    expect(await panel.locator('[data-action="frame"]').isChecked()).toBe(true);
    const framed = await download(() => panel.locator('[data-export="png"]').click());
    expect(framed.file.suggestedFilename()).toMatch(named('全图', 'png'));
    expect(framed.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await writeFile(join(ARTIFACTS, 'briefing-framed.png'), framed.bytes);
    await artefactShot(page, 'briefing-panel');

    await panel.locator('[data-action="frame"]').uncheck();
    const plain = await download(() => panel.locator('[data-export="png"]').click());
    expect(plain.file.suggestedFilename()).toMatch(named('全图', 'png'));
    const size = await canvas<{ w: number; h: number }>('({ w: cy.width(), h: cy.height() })');
    expect(pngSize(plain.bytes)).toEqual({ width: size.w * 2, height: size.h * 2 });

    // The frame: a margin around the view, the title above it, legend and source line below.
    const outer = pngSize(framed.bytes);
    const unit = Math.min(24, Math.max(3, (size.w * 2) / 277));
    const margin = Math.round(6 * unit);
    expect(outer.width).toBe(size.w * 2 + 2 * margin);
    expect(outer.height).toBeGreaterThan(size.h * 2 + 2 * margin + Math.round(16 * unit));
    // Above the view's image is the title alone: it has ink; the margin above it has none. And
    // under the view the source line.
    const titleBand = Math.round(16 * unit);
    const footer = Math.round(12 * unit);
    const [aboveTitle, title, source] = await inkInRows(framed.bytes, [
      [0, margin - 1],
      [margin, margin + titleBand],
      [outer.height - margin - footer, outer.height - margin],
    ]);
    expect(aboveTitle).toBe(0);
    expect(title).toBeGreaterThan(500);
    expect(source).toBeGreaterThan(500);
    await panel.locator('[data-action="frame"]').check();
  });

  it('downloads an SVG whose labels are Chinese text with CJK fonts', async () => {
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');
    const { file, bytes } = await download(() => panel.locator('[data-export="svg"]').click());
    expect(file.suggestedFilename()).toMatch(named('全图', 'svg'));
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

  it('downloads a one-page PDF named after the unit chosen', async () => {
    await open(`?tool=views&metric=load&sel=${encodeURIComponent(FGW)}`);
    const panel = page.locator('gt-views-panel');
    const { file, bytes } = await download(() => panel.locator('[data-export="pdf"]').click());
    await writeFile(join(ARTIFACTS, 'briefing.pdf'), bytes);
    expect(file.suggestedFilename()).toMatch(named('市发改委', 'pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = bytes.toString('latin1');
    expect(text.match(/\/Type\s*\/Page(?![s\w])/g)).toHaveLength(1);
    expect(text).toMatch(/\/Count 1\b/);
    // The title, the view, the legend and the footer: four images on the page.
    expect(text.match(/\/Subtype\s*\/Image/g)?.length).toBeGreaterThanOrEqual(4);
    // Compressed: a page to mail, not to download for minutes.
    expect(bytes.length).toBeLessThan(8_000_000);
  });

  it('names the table’s and a ranking’s files after the plan and what they hold', async () => {
    await open(`?scope=focus&sel=${encodeURIComponent(FGW)}`);
    await page.locator('gt-canvas-controls [data-view="table"]').click();
    await page.locator('gt-table-view tbody tr').first().waitFor();
    const csv = await download(() => page.locator('gt-table-view [data-export="csv"]').click());
    expect(csv.file.suggestedFilename()).toMatch(named('市发改委', 'csv'));
    const json = await download(() => page.locator('gt-table-view [data-export="json"]').click());
    expect(json.file.suggestedFilename()).toMatch(named('市发改委', 'json'));

    await open('');
    await page.locator('gt-canvas-controls [data-view="table"]').click();
    await page.locator('gt-table-view tbody tr').first().waitFor();
    const whole = await download(() => page.locator('gt-table-view [data-export="csv"]').click());
    expect(whole.file.suggestedFilename()).toMatch(named('分工表', 'csv'));

    // A ranking names only what it ranks; the download puts the plan in front.
    await open('?tool=hotspots');
    const panel = page.locator('gt-hotspots-panel');
    await panel.locator('select[name="ranking"] option[value="unit-load"]').waitFor({
      state: 'attached',
    });
    await panel.locator('select[name="ranking"]').selectOption('unit-load');
    await panel.locator('table[data-ranking="unit-load"] tbody tr').first().waitFor();
    const ranking = await download(() => panel.locator('[data-export="csv"]').click());
    expect(ranking.file.suggestedFilename()).toMatch(named('单位工作量排名', 'csv'));
  });
});

describe('presentation mode', { timeout: 6 * SLOW_MACHINE_MS }, () => {
  it('steps through two saved views, each fitted to the screen; Esc returns to where the planner was', async () => {
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

    // "Show" puts a view back exactly: view state, camera, pins.
    let count = await restores();
    await panel.locator('[data-saved-view="A 市发改委"] [data-action="show-view"]').click();
    await restored(++count);
    expectCamera(await camera(), a.camera);
    expect(await selection()).toEqual([FGW]);
    expect(await position(FGW)).toEqual(a.fgw);
    // A saved view on screen names the files by its name.
    const png = await download(() => panel.locator('[data-export="png"]').click());
    expect(png.file.suggestedFilename()).toMatch(named('A-市发改委', 'png'));

    // Where the planner is when the presentation begins: view B, then a step of their own.
    await panel.locator('[data-saved-view="B 工作量"] [data-action="show-view"]').click();
    await restored(++count);
    await page.locator('gt-graph .canvas').focus();
    await page.keyboard.press('ArrowLeft');
    const before = { camera: await camera(), url: page.url(), fgw: await position(FGW) };
    expect(before.fgw).toEqual(b.fgw);

    // Step 1: view A, its view state and pins, fitted to the whole window.
    await panel.locator('[data-action="present"]').click();
    await restored(++count);
    const presentation = page.locator('gt-presentation');
    await expect(presentation.locator('[data-counter]').textContent()).resolves.toContain('1 / 2');
    await expect(presentation.locator('[data-caption]').textContent()).resolves.toContain(
      '牵头事项最多的单位',
    );
    expect(await canvas('({ w: cy.width(), h: cy.height() })')).toEqual({ w: 1600, h: 960 });
    expect(await selection()).toEqual([FGW]);
    let url = new URL(page.url()).searchParams;
    expect(url.get('sel')).toBe(FGW);
    expect(url.get('metric')).toBeNull();
    expect(url.get('kinds')).toBeNull();
    expect(await position(FGW)).toEqual(a.fgw);
    // The window is larger than the canvas the view was saved on: the slide shows more, not less.
    expect((await camera()).zoom).toBeGreaterThan(a.camera.zoom);

    // Step 2: view B, with 市发改委 where it was dragged.
    await page.keyboard.press('ArrowRight');
    await restored(++count);
    await expect(presentation.locator('[data-counter]').textContent()).resolves.toContain('2 / 2');
    expect(await selection()).toEqual([]);
    url = new URL(page.url()).searchParams;
    expect(url.get('metric')).toBe('load');
    expect(url.get('kinds')).toBe('unit,theme,task');
    expect(url.get('sel')).toBeNull();
    expect(await position(FGW)).toEqual(b.fgw);
    await artefactShot(page, 'briefing-presentation');
    expect(await canvas<number>('cy.nodes("[kind = \\"indicator\\"]").length')).toBe(0);

    // Back to A: the pin of B is released, 市发改委 back in its column.
    await page.keyboard.press('PageUp');
    await restored(++count);
    expect(await position(FGW)).toEqual(a.fgw);

    // Esc: back to where the planner was, camera, view state and pins.
    await page.keyboard.press('Escape');
    await presentation.waitFor({ state: 'detached' });
    await restored(count + 1);
    expect(await page.locator('gt-app .area.presenting').count()).toBe(0);
    expectCamera(await camera(), before.camera);
    expect(page.url()).toBe(before.url);
    expect(await selection()).toEqual([]);
    expect(await position(FGW)).toEqual(before.fgw);
  });

  it('fits a view saved in a 1280×800 window to a 1920×1080 screen; Esc puts back camera and selection', async () => {
    const small = await newPage();
    await small.setViewportSize({ width: 1280, height: 800 });
    // A page of its own context: no saved views yet.
    await open('?tool=views', small);
    // The middle of the plan, closer: what a planner would put on a slide.
    await small.locator('gt-graph .canvas').focus();
    await small.keyboard.press('+');
    await small.keyboard.press('+');
    const savedOn = await canvas<{ w: number; h: number }>(
      '({ w: cy.width(), h: cy.height() })',
      small,
    );
    const shown = await whollyOnScreen(small);
    expect(shown.length).toBeGreaterThan(20);
    const panel = small.locator('gt-views-panel');
    await panel.locator('input[name="view-name"]').fill('中部');
    await panel.locator('[data-action="save-view"]').click();
    await panel.locator('[data-saved-view="中部"]').waitFor();

    // On the projector: a larger window, and the planner has chosen a unit and moved the camera.
    await small.setViewportSize({ width: 1920, height: 1080 });
    await waitForExpression(small, 'window.__guatu.cy.width() > 1400', SLOW_MACHINE_MS);
    // Chosen on the canvas (a tap, which leaves the camera where it is), wherever it is drawn.
    // `void`: emit answers the collection, which Playwright would copy out of the page whole
    // (Cytoscape and all it reaches: a minute of the renderer's time).
    await canvas(`void cy.getElementById(${JSON.stringify(FGW)}).emit('tap')`, small);
    await small.waitForURL((url) => url.searchParams.get('sel') === FGW);
    await small.locator('gt-graph .canvas').focus();
    await small.keyboard.press('ArrowDown');
    const before = { camera: await camera(small), url: small.url() };

    let count = await restores(small);
    await panel.locator('[data-action="present"]').click();
    await restored(++count, small);
    const box = await renderedBox(shown, small);
    expect({ w: box.w, h: box.h }).toEqual({ w: 1920, h: 1080 });
    // Every node that was on screen when saved is on this screen, whole…
    expect(box.x1).toBeGreaterThanOrEqual(-1);
    expect(box.y1).toBeGreaterThanOrEqual(-1);
    expect(box.x2).toBeLessThanOrEqual(1921);
    expect(box.y2).toBeLessThanOrEqual(1081);
    expect(await whollyOnScreen(small)).toEqual(expect.arrayContaining(shown));
    // …and together they fill it, across its width or its height.
    const fill = Math.max((box.x2 - box.x1) / 1920, (box.y2 - box.y1) / 1080);
    expect(fill).toBeGreaterThan(0.85);
    // Taller than the whole canvas they were saved on: the raw zoom would have kept their size.
    expect(box.y2 - box.y1).toBeGreaterThan(savedOn.h);
    await artefactShot(small, 'briefing-presentation-1920');

    await small.keyboard.press('Escape');
    await small.locator('gt-presentation').waitFor({ state: 'detached' });
    await restored(count + 1, small);
    expectCamera(await camera(small), before.camera);
    expect(await selection(small)).toEqual([FGW]);
    expect(small.url()).toBe(before.url);

    // Opened afresh on the projector the plan is laid out for its wider screen: the slide frames
    // the same nodes wherever the layout put them.
    await openExplorer(small, server, '?tool=views');
    count = await restores(small);
    await panel.locator('[data-action="present"]').click();
    await restored(count + 1, small);
    const again = await renderedBox(shown, small);
    expect(again.x1).toBeGreaterThanOrEqual(-1);
    expect(again.y1).toBeGreaterThanOrEqual(-1);
    expect(again.x2).toBeLessThanOrEqual(1921);
    expect(again.y2).toBeLessThanOrEqual(1081);
    expect(Math.max((again.x2 - again.x1) / 1920, (again.y2 - again.y1) / 1080)).toBeGreaterThan(
      0.85,
    );
    await small.keyboard.press('Escape');
    await small.locator('gt-presentation').waitFor({ state: 'detached' });
    await small.context().close();
  });

  it('presents a view saved before the canvas size was kept by fitting what it lights', async () => {
    const old = {
      name: '旧视图',
      caption: '',
      view: `sel=${encodeURIComponent(FGW)}`,
      camera: { zoom: 3.5, pan: { x: -4000, y: -4000 } },
      pins: {},
    };
    const fresh = await newPage();
    await open('?tool=views', fresh);
    await fresh.evaluate(
      `localStorage.setItem('guatu.savedViews.武汉市-f64b89c6', ${JSON.stringify(JSON.stringify([old]))})`,
    );
    await open('?tool=views', fresh);
    const count = await restores(fresh);
    await fresh.locator('gt-views-panel [data-action="present"]').click();
    await restored(count + 1, fresh);
    const lit = await canvas<string[]>('cy.nodes(".highlight").map((n) => n.id())', fresh);
    expect(lit).toContain(FGW);
    const box = await renderedBox(lit, fresh);
    expect(box.x1).toBeGreaterThanOrEqual(-1);
    expect(box.y1).toBeGreaterThanOrEqual(-1);
    expect(box.x2).toBeLessThanOrEqual(box.w + 1);
    expect(box.y2).toBeLessThanOrEqual(box.h + 1);
    expect(Math.max((box.x2 - box.x1) / box.w, (box.y2 - box.y1) / box.h)).toBeGreaterThan(0.85);
    await fresh.keyboard.press('Escape');
    await fresh.locator('gt-presentation').waitFor({ state: 'detached' });
    await fresh.context().close();
  });

  it('exports the saved views to a file that a fresh browser imports as the same views', async () => {
    await open('?tool=views');
    const panel = page.locator('gt-views-panel');
    await panel.locator('[data-saved-view]').first().waitFor();
    const stored = await page.evaluate(`localStorage.getItem('guatu.savedViews.武汉市-f64b89c6')`);
    const { file, bytes } = await download(() =>
      panel.locator('[data-action="export-views"]').click(),
    );
    expect(file.suggestedFilename()).toMatch(named('汇报视图', 'json'));
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
