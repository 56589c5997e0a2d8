// The first screen asks for the plan's graph at once, beside the plans list, not after it: the
// list is held back by the test until the graph has been asked for, so an app that waited for it
// would never ask (and the test would fail); the plan is then drawn with no error logged.
// The graph is asked for before anything else the app asks (its script asks while it is still
// defining its components); no empty canvas is made or drawn while it is on its way; the first
// frame, drawn without Cytoscape's element textures, shows what later frames drawn through
// them show, and the textures are used again after it. A selection dims the plan under one veil:
// only what it lights is restyled, and a planner sees those at full strength over a plan that
// stepped back, on screen and in an exported picture; lifting it shows the plan as before. The
// app's script and the plan's graph come gzip-compressed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { FGW, SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { waitForExpression, WEB_DIST } from './browser.ts';
import {
  newWatchedPage,
  openExplorer,
  readCanvas,
  startExplorerSession,
  stopExplorerSession,
} from './session.ts';
import { seenCounts, FULL, DIMMED } from './seen.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** How long the plans list is held at most: far longer than asking for the graph takes. */
const HOLD_MS = 20_000;

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

/** Page-side: how many pixels of the node layer Cytoscape inked (not transparent). */
const INKED = `(cy) => {
  const canvas = cy.container().querySelector('canvas[data-id="layer2-node"]');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
  return inked;
}`;

/**
 * Run before the app's scripts: when the canvas controller publishes its Cytoscape (the hook the
 * tests read), its first frame is recorded — whether it was drawn straight (the renderer's own
 * override in place) and how much it inked.
 */
const FIRST_FRAME_PROBE = `(() => {
  let hook;
  Object.defineProperty(window, '__guatu', {
    configurable: true,
    get: () => hook,
    set: (value) => {
      hook = value;
      const cy = value && value.cy;
      if (!cy || window.__firstFrame) return;
      cy.one('render', () => {
        window.__firstFrame = {
          nodes: cy.nodes().length,
          direct: Object.prototype.hasOwnProperty.call(cy.renderer(), 'drawLayeredElements'),
          inked: (${INKED})(cy),
        };
      });
    },
  });
})()`;

describe('the first screen', () => {
  it('asks for the graph while the plans list is still on its way', async () => {
    const asked: string[] = [];
    let graphAsked: () => void = () => {};
    const graph = new Promise<void>((resolve) => {
      graphAsked = resolve;
    });
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/'))
        asked.push(new URL(request.url()).pathname + new URL(request.url()).search);
      if (path === '/api/plans/graph') graphAsked();
    });
    let heldUntilGraph: boolean | null = null;
    await page.route('**/api/plans', async (route: Route) => {
      const held = await Promise.race([
        graph.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), HOLD_MS)),
      ]);
      heldUntilGraph ??= held;
      await route.continue();
    });
    try {
      await openExplorer(page, server);
    } finally {
      await page.unroute('**/api/plans');
    }
    expect(heldUntilGraph).toBe(true);
    // Asked without a plan: the API answers with the first of the list, the one drawn.
    expect(asked).toContain('/api/plans/graph');
    expect(await readCanvas<number>(page, 'cy.nodes().length')).toBeGreaterThan(0);
    expect(
      await readCanvas<boolean>(
        page,
        `cy.nodes().every((n) => n.data('planId') === undefined || n.data('planId') === ${JSON.stringify(SEED_PLAN)})`,
      ),
    ).toBe(true);
    expect(problems).toEqual([]);
  });

  it('asks for a unit in the address with its plan while the plans list is on its way', async () => {
    const held = await newWatchedPage(browser, problems);
    let profile: () => void = () => {};
    const profileAsked = new Promise<void>((resolve) => {
      profile = resolve;
    });
    const profiles: URL[] = [];
    held.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/units/profile') {
        profiles.push(url);
        profile();
      }
    });
    // The list waits for the panel's request: the plan it names comes from the address or the
    // graph, never from the list (a panel asking with no plan is refused when several are loaded).
    await held.route('**/api/plans', async (route: Route) => {
      await Promise.race([profileAsked, new Promise((resolve) => setTimeout(resolve, HOLD_MS))]);
      await route.continue();
    });
    try {
      await held.goto(`${server.url}/?sel=${encodeURIComponent(FGW)}`);
      await profileAsked;
      expect(profiles[0]?.searchParams.get('plan')).toBe(SEED_PLAN);
      expect(profiles[0]?.searchParams.get('id')).toBe(FGW);
    } finally {
      await held.context().close();
    }
  });

  it('asks for the graph before anything else, and makes no canvas until it has it', async () => {
    const held = await newWatchedPage(browser, problems);
    const asked: string[] = [];
    held.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await held.route('**/api/plans/graph', async (route: Route) => {
      await released;
      await route.continue();
    });
    try {
      await held.goto(`${server.url}/`);
      // The app is up (its header and search are drawn) while the graph is held back.
      await held.locator('gt-search').waitFor({ state: 'attached' });
      await waitForExpression(held, `Boolean(customElements.get('gt-graph'))`);
      expect(asked[0]).toBe('/api/plans/graph');
      expect(await held.evaluate('typeof window.__guatu')).toBe('undefined');
      expect(await held.locator('gt-graph canvas').count()).toBe(0);
      release();
      await held.locator('gt-graph[data-drawn="true"]').waitFor({ state: 'attached' });
      expect(await held.locator('gt-graph canvas').count()).toBeGreaterThan(0);
      expect(asked.filter((path) => path === '/api/plans/graph')).toHaveLength(1);
    } finally {
      release();
      await held.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('draws the first frame straight onto the canvas, as the textured frames after it draw it', async () => {
    const probed = await newWatchedPage(browser, problems);
    await probed.addInitScript(FIRST_FRAME_PROBE);
    try {
      await openExplorer(probed, server);
      await waitForExpression(probed, 'window.__firstFrame !== undefined');
      const first = (await probed.evaluate('window.__firstFrame')) as {
        nodes: number;
        direct: boolean;
        inked: number;
      };
      expect(first.nodes).toBeGreaterThan(100);
      expect(first.direct).toBe(true);
      // The override lasts one frame: panning and zooming draw through the textures again.
      expect(
        await probed.evaluate(
          `Object.prototype.hasOwnProperty.call(window.__guatu.cy.renderer(), 'drawLayeredElements')`,
        ),
      ).toBe(false);
      // A frame drawn through the textures (every layer asked anew) inks the same picture.
      const again = (await probed.evaluate(`new Promise((resolve) => {
        const cy = window.__guatu.cy;
        cy.one('render', () => resolve((${INKED})(cy)));
        cy.forceRender();
      })`)) as number;
      expect(first.inked).toBeGreaterThan(10_000);
      expect(Math.abs(again - first.inked) / first.inked).toBeLessThan(0.05);
    } finally {
      await probed.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('receives the script and the plan gzip-compressed, the same bytes once unpacked', async () => {
    const fresh = await newWatchedPage(browser, problems);
    try {
      const script = fresh.waitForResponse((r) => /\/assets\/index-[^/]+\.js$/.test(r.url()));
      const graph = fresh.waitForResponse((r) => new URL(r.url()).pathname === '/api/plans/graph');
      await openExplorer(fresh, server);
      const [scriptResponse, graphResponse] = await Promise.all([script, graph]);
      expect((await scriptResponse.allHeaders())['content-encoding']).toBe('gzip');
      const file = join(WEB_DIST, new URL(scriptResponse.url()).pathname);
      expect((await scriptResponse.body()).equals(await readFile(file))).toBe(true);
      expect((await graphResponse.allHeaders())['content-encoding']).toBe('gzip');
      const plain = await fetch(`${server.url}/api/plans/graph`, {
        headers: { 'Accept-Encoding': 'identity' },
      });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect((await graphResponse.body()).toString()).toBe(await plain.text());
    } finally {
      await fresh.context().close();
    }
    expect(problems).toEqual([]);
  });

  it('dims the plan under one veil for a selection, restyling only what it lights', async () => {
    await openExplorer(page, server);
    const nodes = await readCanvas<string[]>(page, 'cy.nodes().map((n) => n.id())');
    const total = await readCanvas<number>(page, 'cy.elements().length');
    const plain = await seenCounts(page, nodes);
    expect(plain.onScreen).toBeGreaterThan(200);
    expect(plain.full).toBeGreaterThan(plain.onScreen * 0.9);
    // Every element whose classes the selection changes (Cytoscape restyles those).
    await page.evaluate(`(() => {
      window.__restyled = new Set();
      window.__guatu.cy.on('class', (event) => window.__restyled.add(event.target.id()));
    })()`);
    const at = await readCanvas<{ x: number; y: number }>(
      page,
      `(() => { const box = cy.container().getBoundingClientRect(); const p = cy.getElementById(${JSON.stringify(FGW)}).renderedPosition(); return { x: box.left + p.x, y: box.top + p.y }; })()`,
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
    await waitForExpression(
      page,
      `window.__guatu.cy.getElementById(${JSON.stringify(FGW)}).hasClass('highlight')`,
    );
    await nextFrames(page);
    const lit = await readCanvas<string[]>(page, 'cy.$(".highlight").map((e) => e.id())');
    const restyled = (await page.evaluate('[...window.__restyled]')) as string[];
    expect(lit.length).toBeGreaterThan(100);
    expect(restyled.toSorted()).toEqual(lit.toSorted());
    expect(restyled.length).toBeLessThan(total / 3);

    const litNodes = new Set(
      await readCanvas<string[]>(page, 'cy.$(".highlight").nodes().map((n) => n.id())'),
    );
    const shown = await seenCounts(page, [...litNodes]);
    const rest = await seenCounts(
      page,
      nodes.filter((id) => !litNodes.has(id)),
    );
    expect(shown.onScreen).toBeGreaterThan(50);
    expect(shown.full).toBeGreaterThan(shown.onScreen * 0.9);
    expect(rest.onScreen).toBeGreaterThan(100);
    expect(rest.dimmed).toBeGreaterThan(rest.onScreen * 0.9);

    // An exported picture of the view shows the same: the rest drawn faintly, the lit in full.
    const alphas = (await page.evaluate(`(async () => {
      const cy = window.__guatu.cy;
      const blob = await cy.png({ output: 'blob-promise', full: false, scale: 1 });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, 0, 0);
      const ratio = bitmap.width / cy.width();
      const alpha = (node) => {
        const p = node.renderedPosition();
        return context.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data[3] / 255;
      };
      const inView = (node) => { const p = node.renderedPosition(); return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height(); };
      return {
        lit: cy.nodes('.highlight').filter(inView).map(alpha),
        rest: cy.nodes().not('.highlight').filter(inView).map(alpha),
      };
    })()`)) as { lit: number[]; rest: number[] };
    expect(alphas.lit.filter((a) => a >= FULL).length).toBeGreaterThan(alphas.lit.length * 0.9);
    expect(alphas.rest.filter((a) => a <= DIMMED).length).toBeGreaterThan(alphas.rest.length * 0.9);

    // Lifted: only the lit are restyled back, and the plan is seen as before.
    await page.evaluate('window.__restyled.clear()');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('sel') === null);
    await waitForExpression(page, `window.__guatu.cy.$('.highlight').length === 0`);
    await nextFrames(page);
    expect(((await page.evaluate('[...window.__restyled]')) as string[]).toSorted()).toEqual(
      lit.toSorted(),
    );
    const after = await seenCounts(page, nodes);
    expect(after.full).toBeGreaterThan(after.onScreen * 0.9);
    expect(problems).toEqual([]);
  });
});

/** Two frames: Cytoscape draws in the first after a change, the browser shows it by the second. */
function nextFrames(on: Page): Promise<unknown> {
  return on.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
}
