// What a planner sees of the canvas's nodes: Cytoscape's canvas layers composited as the browser
// shows them (each layer at its CSS opacity, over the canvas's background), read at each node's
// centre. A node's strength is how far its pixel stands from the background, as a share of how
// far its own fill does: 1 drawn fully, about 0 not seen (a line of something lit crossing it may
// read strong: tests count shares of nodes, not every one). Tests of dimming read this rather
// than Cytoscape's classes, so they hold whichever way the dimming is drawn.
import type { Page } from 'playwright-core';

/**
 * Page-side: `(cy, ids) => Promise<Record<id, strength>>`, for the nodes whose centre is on the
 * canvas.
 */
const STRENGTHS = `async (cy, ids) => {
  // Read once the camera rests and Cytoscape has drawn what was last asked of it.
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  while (cy.animated()) await frame();
  await frame();
  await frame();
  const container = cy.container();
  const layers = [...container.querySelectorAll('canvas')]
    .filter((canvas) => canvas.width > 0 && getComputedStyle(canvas).display !== 'none')
    .sort((a, b) => Number(getComputedStyle(a).zIndex) - Number(getComputedStyle(b).zIndex));
  const first = layers[0];
  const ratio = first.width / first.getBoundingClientRect().width;
  const seen = new OffscreenCanvas(first.width, first.height);
  const context = seen.getContext('2d');
  let host = container;
  let background = 'rgba(0, 0, 0, 0)';
  while (host && /rgba\\(0, 0, 0, 0\\)|transparent/.test(background)) {
    background = getComputedStyle(host).backgroundColor;
    host = host.parentElement || (host.getRootNode() && host.getRootNode().host);
  }
  context.fillStyle = background;
  context.fillRect(0, 0, seen.width, seen.height);
  for (const layer of layers) {
    context.globalAlpha = Number(getComputedStyle(layer).opacity);
    context.drawImage(layer, 0, 0);
  }
  context.globalAlpha = 1;
  const pixels = context.getImageData(0, 0, seen.width, seen.height).data;
  const bg = background.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const far = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
  const out = {};
  for (const id of ids) {
    const node = cy.getElementById(id);
    if (node.empty()) continue;
    const at = node.renderedPosition();
    const x = Math.round(at.x * ratio);
    const y = Math.round(at.y * ratio);
    if (x < 0 || y < 0 || x >= seen.width || y >= seen.height) continue;
    // A label drawn across the node's middle (a theme's) covers its centre: read such a node
    // also just inside its left edge, where only its fill is.
    const fill = node.pstyle('background-color').value;
    const points = [[x, y]];
    const centred =
      node.pstyle('text-valign').value === 'center' && node.pstyle('text-halign').value === 'center';
    if (centred) {
      const body = node.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      const border = node.pstyle('border-width').pfValue * cy.zoom();
      points.push([Math.round((body.x1 + border + 2) * ratio), y]);
    }
    let strongest = 0;
    for (const [px, py] of points) {
      const i = (py * seen.width + px) * 4;
      strongest = Math.max(strongest, far([pixels[i], pixels[i + 1], pixels[i + 2]], bg));
    }
    out[id] = strongest / Math.max(1, far(fill, bg));
  }
  return out;
}`;

/** How strongly each of these nodes shows on screen (see above); nodes off the canvas left out. */
export function seenStrengths(page: Page, ids: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate(`(${STRENGTHS})(window.__guatu.cy, ${JSON.stringify(ids)})`) as Promise<
    Record<string, number>
  >;
}

/** A node seen at this strength or more is drawn fully; at `DIMMED` or less it stepped back. */
export const FULL = 0.7;
export const DIMMED = 0.3;

/** How many of `ids` are seen fully and how many dimmed, of those on screen. */
export async function seenCounts(
  page: Page,
  ids: readonly string[],
): Promise<{ onScreen: number; full: number; dimmed: number }> {
  const strengths = Object.values(await seenStrengths(page, ids));
  return {
    onScreen: strengths.length,
    full: strengths.filter((s) => s >= FULL).length,
    dimmed: strengths.filter((s) => s <= DIMMED).length,
  };
}
