// A selection's first frame draws what it lights straight onto the upper canvas layer, above the
// veil, without first making each lit element's texture while the planner waits
// (web/src/graph/direct-frame.ts, drawLitDirectOnce). That frame shows what a frame drawn
// through the textures shows, and the override lasts that one frame.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerHandle } from '../../graph/api/server.ts';
import { FGW } from '../api/support.ts';
import { useTestNeo4j } from '../support/neo4j.ts';
import { waitForExpression } from './browser.ts';
import { openExplorer, readCanvas, startExplorerSession, stopExplorerSession } from './session.ts';

useTestNeo4j();

let server: ServerHandle;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  ({ server, browser, page } = await startExplorerSession(problems));
}, 240_000);

afterAll(() => stopExplorerSession({ server, browser }));

/** Page-side: how many pixels of the upper canvas layer (the lit elements') are inked. */
const UPPER_INKED = `(cy) => {
  const canvas = cy.container().querySelector('canvas[data-id="layer1-drag"]');
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
  return inked;
}`;

/** Page-side: whether the renderer's texture drawing of single elements is overridden now. */
const OVERRIDDEN = `Object.prototype.hasOwnProperty.call(window.__guatu.cy.renderer(), 'drawCachedElement')`;

describe("a selection's first frame", () => {
  it('draws the lit elements straight, as the frames after it draw them through textures', async () => {
    await openExplorer(page, server);
    // The frame after the selection's classes change is recorded as it is drawn.
    await page.evaluate(`(() => {
      const cy = window.__guatu.cy;
      cy.one('class', () => {
        cy.one('render', () => {
          window.__litFrame = { direct: ${OVERRIDDEN}, inked: (${UPPER_INKED})(cy) };
        });
      });
    })()`);
    // A tap on the canvas selects without moving the camera: later frames show the same view.
    const at = await readCanvas<{ x: number; y: number }>(
      page,
      `(() => { const box = cy.container().getBoundingClientRect(); const p = cy.getElementById(${JSON.stringify(FGW)}).renderedPosition(); return { x: box.left + p.x, y: box.top + p.y }; })()`,
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForURL((url) => url.searchParams.get('sel') === FGW);
    await waitForExpression(page, 'window.__litFrame !== undefined');
    const first = (await page.evaluate('window.__litFrame')) as { direct: boolean; inked: number };
    expect(first.direct).toBe(true);
    expect(first.inked).toBeGreaterThan(5_000);
    expect(await page.evaluate(OVERRIDDEN)).toBe(false);

    // The upper layer drawn again, through the lit elements' textures: the same picture.
    const again = (await page.evaluate(`new Promise((resolve) => {
      const cy = window.__guatu.cy;
      cy.one('render', () => resolve({ direct: ${OVERRIDDEN}, inked: (${UPPER_INKED})(cy) }));
      cy.renderer().redrawHint('drag', true);
      cy.renderer().redraw();
    })`)) as { direct: boolean; inked: number };
    expect(again.direct).toBe(false);
    expect(Math.abs(again.inked - first.inked) / first.inked).toBeLessThan(0.05);
    expect(problems).toEqual([]);
  });
});
