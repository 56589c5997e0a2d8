// The first screen asks for the plan's graph at once, beside the plans list, not after it: the
// list is held back by the test until the graph has been asked for, so an app that waited for it
// would never ask (and the test would fail); the plan is then drawn with no error logged.
// The graph is asked for before anything else the app asks (its script asks while it is still
// defining its components); no empty canvas is made or drawn while it is on its way; the first
// frame, drawn without Cytoscape's element textures, shows what later frames drawn through
// them show, and the textures are used again after it.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { SEED_PLAN } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { waitForExpression } from './browser.ts';
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
});
