// Big scenes (issue 15): a scene of thousands of nodes is drawn with less detail while the planner
// moves the camera — Cytoscape's renderer leaves the edges out and moves the last full frame as
// one picture — and a plan of ordinary size, the seed, keeps every frame drawn in full. The scene
// is the benchmark's synthetic one (bench/web-scene-graph.ts: units, themes, tasks, LEADS and
// SUPPORTS, as the explorer lays out several plans), handed to the canvas as the app hands it a
// plan; the switches are read from Cytoscape's renderer itself. The renderer is chosen for the
// first scene a canvas draws: asked for auto (`?renderer=auto`), WebGL for a big one where the
// browser has WebGL2 (headless Chromium has it in software, SwiftShader) and the canvas for the
// seed; asked for either, that one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { sceneElements } from '../../bench/web-scene-graph.ts';
import { BIG_SCENE_NODES } from '../../web/src/graph/scene-detail.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { openExplorer, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

/** A scene just over the threshold: big enough to count, small enough to draw in seconds. */
const SCENE = { nodes: BIG_SCENE_NODES + 500, edges: 2 * (BIG_SCENE_NODES + 500) };

const GRAPH = `document.querySelector('gt-app').shadowRoot.querySelector('gt-graph')`;

/** What the canvas draws with now: its node count and Cytoscape's level-of-detail switches. */
const DETAIL = `(() => {
  const cy = window.__guatu.cy;
  const r = cy.renderer();
  return { nodes: cy.nodes().length, hideEdgesOnViewport: r.hideEdgesOnViewport, textureOnViewport: r.textureOnViewport };
})()`;

interface Detail {
  nodes: number;
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
}

const detail = async () => (await page.evaluate(DETAIL)) as Detail;

/** Gives the canvas these elements, as gt-app gives it a plan, and waits until they are drawn. */
async function showOnCanvas(elements: string): Promise<void> {
  await page.evaluate(`(async () => {
    const graph = ${GRAPH};
    graph.elements = ${elements};
    await graph.updateComplete;
    await graph.pin({});
  })()`);
}

describe('a big scene', () => {
  it('is drawn with less detail while the camera moves, and the seed in full', async () => {
    await openExplorer(page, server);
    const seed = await detail();
    expect(seed.nodes).toBeGreaterThan(100);
    expect(seed.nodes).toBeLessThan(BIG_SCENE_NODES);
    expect(seed).toMatchObject({ hideEdgesOnViewport: false, textureOnViewport: false });

    // The seed's elements are kept to be given back afterwards, as a planner goes back to a plan.
    await page.evaluate(`window.__seedElements = ${GRAPH}.elements`);
    const scene = sceneElements(SCENE);
    await page.evaluate((elements) => {
      Object.assign(globalThis, { __sceneElements: elements });
    }, scene);
    await showOnCanvas('window.__sceneElements');
    const big = await detail();
    expect(big.nodes).toBe(scene.filter((element) => element.group === 'nodes').length);
    expect(big).toMatchObject({ hideEdgesOnViewport: true, textureOnViewport: true });

    await showOnCanvas('window.__seedElements');
    expect(await detail()).toEqual(seed);
    expect(problems).toEqual([]);
  });
});

/**
 * Page-side: a canvas component of its own, given these elements as its first scene with this
 * renderer choice; what it drew with. Removed after: the app's own canvas is left as it was.
 */
const FRESH_CANVAS = `async ([elements, choice]) => {
  const graph = document.createElement('gt-graph');
  graph.style.cssText = 'position: fixed; left: 0; top: 0; width: 800px; height: 600px';
  graph.renderer = choice;
  graph.elements = elements;
  document.body.append(graph);
  await graph.updateComplete;
  await graph.pin({});
  const cy = window.__guatu.cy;
  const drawn = { renderer: graph.dataset.renderer, webgl: cy.renderer().webgl === true, nodes: cy.nodes().length };
  graph.remove();
  return drawn;
}`;

interface Drawn {
  renderer: string;
  webgl: boolean;
  nodes: number;
}

async function drawnFirst(elements: string, choice: string): Promise<Drawn> {
  return (await page.evaluate(
    `(${FRESH_CANVAS})([${elements}, ${JSON.stringify(choice)}])`,
  )) as Drawn;
}

describe('the renderer', () => {
  it('on auto, is WebGL for a big first scene where the browser has WebGL2', async () => {
    const hasWebgl2 = await page.evaluate(
      `document.createElement('canvas').getContext('webgl2') !== null`,
    );
    // Headless Chromium draws WebGL2 in software here: the choice is really made.
    expect(hasWebgl2).toBe(true);
    const nodes = sceneElements(SCENE).filter((element) => element.group === 'nodes').length;
    expect(await drawnFirst('window.__sceneElements', 'auto')).toEqual({
      renderer: 'webgl',
      webgl: true,
      nodes,
    });
    expect(await drawnFirst('window.__sceneElements', 'canvas')).toEqual({
      renderer: 'canvas',
      webgl: false,
      nodes,
    });
    const seed = (await page.evaluate('window.__seedElements.length')) as number;
    expect(seed).toBeGreaterThan(100);
    const seedNodes = (await page.evaluate(
      `window.__seedElements.filter((element) => element.group === 'nodes').length`,
    )) as number;
    expect(await drawnFirst('window.__seedElements', 'auto')).toEqual({
      renderer: 'canvas',
      webgl: false,
      nodes: seedNodes,
    });
    expect(await drawnFirst('window.__seedElements', 'webgl')).toMatchObject({
      renderer: 'webgl',
      webgl: true,
    });
    expect(problems).toEqual([]);
  }, 180_000);
});
