// A selection dims the plan with one veil instead of restyling it: the canvas layer the plan is
// drawn on steps back (its CSS opacity, which the browser composites without drawing anything
// again), and the lit elements are drawn once more, at full strength, on Cytoscape's upper canvas
// layer above it. Selecting a unit then restyles only what it lights, not the thousand-odd other
// elements a `faded` class would have to restyle and draw anew; and while the camera and the plan
// stay as they are, the plan's layer is not drawn again at all: under the veil, the lit elements'
// new looks there would not show.
// Exported pictures (PNG, SVG) are drawn in one pass: there the elements that are not lit are
// drawn at the veil's strength, then the lit ones above them, as on screen.
// This reaches into Cytoscape's canvas renderer (graph/canvas-renderer.ts); where that is not
// the renderer (WebGL), `attachVeil` gives null and the caller fades elements by class instead.
import type { Core } from 'cytoscape';
import {
  canvasRenderer,
  type CanvasRenderer,
  type RendererElement,
  type SortedElements,
} from './canvas-renderer.ts';

/** How strongly what is not lit still shows under the veil (its opacity). */
export const VEIL_STRENGTH = 0.1;

export interface Veil {
  /**
   * Runs `change`, which sets what is lit (`show`) and restyles only the lit elements (their
   * classes, the selection): their changes are drawn on the upper layer only.
   */
  lighting(change: () => void): void;
  /** Dims everything but these element ids, which are drawn above the veil; null lifts it. */
  show(lit: ReadonlySet<string> | null): void;
}

/** The elements of `sorted` that are lit, in drawing order. */
function litOf(sorted: readonly RendererElement[], lit: ReadonlySet<string>): RendererElement[] {
  const out: RendererElement[] = [];
  for (const element of sorted) if (lit.has(element.id())) out.push(element);
  return out;
}

/**
 * Element events after which the plan's layer no longer shows the plan as it is. Not `select`:
 * the node a planner taps is selected by Cytoscape itself, then lit (drawn above the veil).
 */
const PLAN_CHANGES = 'add remove position data class';

export function attachVeil(cy: Core): Veil | null {
  const renderer: CanvasRenderer | null = canvasRenderer(cy);
  if (renderer === null) return null;
  const planLayer = renderer.NODE;
  const planCanvas = renderer.data.canvases[planLayer];
  const upperContext = renderer.data.contexts[renderer.DRAG];
  if (planCanvas === undefined || upperContext === undefined) return null;
  // The prototype's methods: own properties set below shadow them.
  const prototype = Object.getPrototypeOf(renderer) as Partial<CanvasRenderer>;
  const { drawCachedElements, drawElements, render } = prototype;
  if (drawCachedElements === undefined || drawElements === undefined || render === undefined) {
    return null;
  }
  let lit: ReadonlySet<string> | null = null;
  // The last frame's z-sorted elements and those of them lit: sorted again only when either
  // changes, not on every frame of a pan.
  let litSorted: {
    from: SortedElements;
    lit: ReadonlySet<string>;
    elements: RendererElement[];
  } | null = null;
  const litInOrder = (sorted: SortedElements, now: ReadonlySet<string>) => {
    if (litSorted?.from !== sorted || litSorted.lit !== now) {
      litSorted = { from: sorted, lit: now, elements: litOf(sorted, now) };
    }
    return litSorted.elements;
  };

  // Whether the plan's layer shows the plan as it is, and from where it was drawn.
  let lighting = false;
  let planCurrent = false;
  let drawnFrom = '';
  const viewKey = () => {
    const pan = cy.pan();
    return `${cy.zoom()}|${pan.x}|${pan.y}|${renderer.canvasWidth}|${renderer.canvasHeight}`;
  };
  cy.on(PLAN_CHANGES, () => {
    if (!lighting) planCurrent = false;
  });
  // A press on a node restyles it (Cytoscape's :active overlay), and Cytoscape would draw the
  // whole plan again for it, then again for the selection the tap makes: the plan's layer is
  // left as it is for the press; the selection comes in the frame after.
  let pressed = false;
  cy.on('activate unactivate', () => {
    pressed = true;
  });
  renderer.render = (options) => {
    const onScreen = options?.forcedContext === undefined;
    const needs = renderer.data.canvasNeedsRedraw;
    if (onScreen && (lit !== null || pressed) && planCurrent && drawnFrom === viewKey()) {
      // What changed since is only the lit elements' looks (drawn above the veil) or a press.
      needs[planLayer] = false;
    }
    pressed = false;
    const drawsPlan = onScreen && needs[planLayer] === true;
    const from = viewKey();
    render.call(renderer, options);
    if (drawsPlan) {
      planCurrent = true;
      drawnFrom = from;
    }
  };

  // The upper layer is drawn after the plan's in every frame that draws the plan (Cytoscape
  // redraws both on any change): the veil and the lit elements go there, before what a planner
  // drags in pinning mode.
  renderer.drawCachedElements = (context, elements, pixelRatio, extent) => {
    const sorted = renderer.getCachedZSortedEles();
    if (context === upperContext && elements === sorted.drag) {
      // Set in the same frame as the lit elements are drawn, so the two show together.
      planCanvas.style.opacity = lit === null ? '' : String(VEIL_STRENGTH);
      if (lit !== null) {
        for (const element of litInOrder(sorted, lit)) {
          renderer.drawCachedElement(context, element, pixelRatio, extent);
        }
      }
    }
    drawCachedElements.call(renderer, context, elements, pixelRatio, extent);
  };

  // cy.png() and cytoscape-svg draw every element, z-sorted, into one context of their own.
  renderer.drawElements = (context, elements) => {
    const sorted = renderer.getCachedZSortedEles();
    if (lit === null || elements !== sorted) {
      drawElements.call(renderer, context, elements);
      return;
    }
    const now = lit;
    const canvas = context as CanvasRenderingContext2D;
    const alpha = canvas.globalAlpha;
    canvas.globalAlpha = alpha * VEIL_STRENGTH;
    drawElements.call(
      renderer,
      context,
      sorted.filter((element) => !now.has(element.id())),
    );
    canvas.globalAlpha = alpha;
    drawElements.call(renderer, context, litInOrder(sorted, now));
  };

  return {
    lighting(change) {
      lighting = true;
      try {
        change();
      } finally {
        lighting = false;
      }
    },
    show(next) {
      const wanted = next === null || next.size === 0 ? null : next;
      if (wanted === lit) return;
      // Lifted, the plan's layer shows again as it is now.
      if (wanted === null) planCurrent = false;
      lit = wanted;
      renderer.redrawHint('drag', true);
      if (wanted === null) renderer.redrawHint('eles', true);
      renderer.redraw();
    },
  };
}
