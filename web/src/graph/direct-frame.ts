// Cytoscape's canvas renderer draws each element into a texture of its own and then copies the
// texture onto the canvas: worth it while a planner pans and zooms an unchanged picture, about
// twice the work when every element is drawn for the first time or restyled at once (the first
// draw of a plan, a selection that lights most of it). For the next frame only, elements are
// drawn straight onto the canvas; the textures fill on later frames, when nothing waits for them.
// This reaches into the renderer (Cytoscape has no option for it): if the renderer is not the
// canvas one as expected (WebGL, another version), nothing is changed and Cytoscape draws as usual.
import type { Core } from 'cytoscape';
import { canvasRenderer, type CanvasRenderer, type RendererElement } from './canvas-renderer.ts';

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

/** Cytoscape's drawing of one element without its textures (not in canvas-renderer.ts). */
type DirectDrawing = CanvasRenderer & {
  drawElement?: (context: unknown, element: RendererElement) => void;
};

/**
 * In the next frame, the elements drawn on the upper layer (those a selection lights, above the
 * veil: graph/veil.ts) are drawn without their textures. A new selection restyles them: each
 * texture would be made anew while the planner waits for that one frame; on later frames (a
 * pan) they fill. The plan's own layer, if drawn in that frame, keeps its textures.
 */
export function drawLitDirectOnce(cy: Core): void {
  const renderer = canvasRenderer(cy) as DirectDrawing | null;
  if (renderer === null || Object.hasOwn(renderer, 'drawCachedElement')) return;
  const { drawElement, drawCachedElement } = renderer;
  const upper = renderer.data.contexts[renderer.DRAG];
  if (drawElement === undefined || upper === undefined) return;
  // Cytoscape passes more than the four arguments canvas-renderer.ts names: passed on as given.
  const cached = drawCachedElement as (...args: unknown[]) => void;
  renderer.drawCachedElement = (context, element, ...rest: unknown[]) => {
    if (context === upper) drawElement.call(renderer, context, element);
    else cached.call(renderer, context, element, ...rest);
  };
  cy.one('render', () => {
    delete (renderer as Partial<CanvasRenderer>).drawCachedElement;
  });
}

/** The renderer's caches of element and label textures (Cytoscape's names for them). */
const TEXTURE_CACHES = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache'] as const;

interface TextureCache {
  invalidateElements: (elements: unknown) => void;
}

function isTextureCache(value: unknown): value is TextureCache {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<TextureCache>).invalidateElements === 'function' &&
    !Object.hasOwn(value, 'invalidateElements')
  );
}

/**
 * Until a new canvas has drawn its first frame it holds no textures, yet every element styled
 * for that frame is checked against each of the four texture caches (its texture keys worked
 * out) for textures to throw away. Those checks are left out until the first frame is drawn.
 */
export function skipTextureChecksUntilDrawn(cy: Core): void {
  const renderer = canvasRenderer(cy);
  if (renderer === null) return;
  const data = renderer.data as unknown as Record<string, unknown>;
  const caches = TEXTURE_CACHES.map((name) => data[name]).filter(isTextureCache);
  if (caches.length !== TEXTURE_CACHES.length) return;
  for (const cache of caches) cache.invalidateElements = () => {};
  cy.one('render', () => {
    for (const cache of caches) delete (cache as Partial<TextureCache>).invalidateElements;
  });
}
