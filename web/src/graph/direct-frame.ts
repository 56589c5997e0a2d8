// Cytoscape's canvas renderer draws each element into a texture of its own and then copies the
// texture onto the canvas: worth it while a planner pans and zooms an unchanged picture, about
// twice the work when every element is drawn for the first time or restyled at once (the first
// draw of a plan, a selection that lights most of it). For the next frame only, elements are
// drawn straight onto the canvas; the textures fill on later frames, when nothing waits for them.
// This reaches into the renderer (Cytoscape has no option for it): if the renderer is not the
// canvas one as expected (WebGL, another version), nothing is changed and Cytoscape draws as usual.
import type { Core } from 'cytoscape';
import { canvasRenderer, type CanvasRenderer } from './canvas-renderer.ts';

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
