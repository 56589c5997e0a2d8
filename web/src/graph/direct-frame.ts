// Cytoscape's canvas renderer draws each element into a texture of its own and then copies the
// texture onto the canvas: worth it while a planner pans and zooms an unchanged picture, about
// twice the work when every element is drawn for the first time or restyled at once (the first
// draw of a plan, a selection that fades everything else). For the next frame only, elements are
// drawn straight onto the canvas; the textures fill on later frames, when nothing waits for them.
// This reaches into the renderer (Cytoscape has no option for it): if the renderer is not the
// canvas one as expected (WebGL, another version), nothing is changed and Cytoscape draws as usual.
import type { Core } from 'cytoscape';

interface CanvasRenderer {
  webgl?: boolean;
  drawLayeredElements: (context: unknown, elements: unknown, ...rest: unknown[]) => void;
  drawElements: (context: unknown, elements: unknown) => void;
}

function canvasRenderer(cy: Core): CanvasRenderer | null {
  const renderer: unknown = (cy as unknown as { renderer?: () => unknown }).renderer?.();
  if (typeof renderer !== 'object' || renderer === null) return null;
  const candidate = renderer as Partial<CanvasRenderer>;
  if (candidate.webgl === true) return null;
  if (typeof candidate.drawLayeredElements !== 'function') return null;
  if (typeof candidate.drawElements !== 'function') return null;
  return candidate as CanvasRenderer;
}

/** The next frame Cytoscape draws skips the element textures (see above). */
export function drawDirectOnce(cy: Core): void {
  const renderer = canvasRenderer(cy);
  // An own property shadows the prototype's method; deleting it gives the method back.
  if (renderer === null || Object.hasOwn(renderer, 'drawLayeredElements')) return;
  renderer.drawLayeredElements = (context, elements) => renderer.drawElements(context, elements);
  cy.one('render', () => {
    delete (renderer as Partial<CanvasRenderer>).drawLayeredElements;
  });
}
