// The parts of Cytoscape's canvas renderer that guatu reaches into (graph/direct-frame.ts,
// graph/veil.ts): Cytoscape has no option for drawing a frame without its textures or for
// drawing some elements above a dimmed plan. Checked before use: if the renderer is not the
// canvas one as expected (WebGL, another version), null, and the callers leave Cytoscape be.
import type { Core } from 'cytoscape';

/** One of Cytoscape's elements as its renderer holds it (only what is used here). */
export interface RendererElement {
  id(): string;
}

/** The z-sorted elements of the last frame: `drag` are drawn on the upper canvas layer. */
export type SortedElements = RendererElement[] & {
  drag: RendererElement[];
  nondrag: RendererElement[];
};

export interface CanvasRenderer {
  webgl?: boolean;
  data: {
    canvases: HTMLCanvasElement[];
    contexts: CanvasRenderingContext2D[];
    /** Per canvas layer: whether the next frame draws it. */
    canvasNeedsRedraw: boolean[];
  };
  /** The canvases' size in device pixels. */
  canvasWidth: number;
  canvasHeight: number;
  render: (options?: { forcedContext?: unknown }) => void;
  /** Index of the canvas layer the plan is drawn on, and of the one above it. */
  NODE: number;
  DRAG: number;
  drawLayeredElements: (context: unknown, elements: unknown, ...rest: unknown[]) => void;
  drawElements: (context: unknown, elements: unknown) => void;
  drawCachedElements: (
    context: unknown,
    elements: unknown,
    pixelRatio: number,
    extent: unknown,
  ) => void;
  drawCachedElement: (
    context: unknown,
    element: RendererElement,
    pixelRatio: number,
    extent: unknown,
  ) => void;
  getCachedZSortedEles: () => SortedElements;
  redrawHint: (group: 'eles' | 'drag', on: boolean) => void;
  redraw: () => void;
}

const METHODS = [
  'drawLayeredElements',
  'drawElements',
  'drawCachedElements',
  'drawCachedElement',
  'getCachedZSortedEles',
  'redrawHint',
  'redraw',
  'render',
] as const;

export function canvasRenderer(cy: Core): CanvasRenderer | null {
  const renderer: unknown = (cy as unknown as { renderer?: () => unknown }).renderer?.();
  if (typeof renderer !== 'object' || renderer === null) return null;
  const candidate = renderer as Partial<CanvasRenderer> & Record<string, unknown>;
  if (candidate.webgl === true) return null;
  if (METHODS.some((name) => typeof candidate[name] !== 'function')) return null;
  if (typeof candidate.NODE !== 'number' || typeof candidate.DRAG !== 'number') return null;
  const canvases = candidate.data?.canvases;
  if (!Array.isArray(canvases) || !(canvases[candidate.NODE] instanceof HTMLCanvasElement)) {
    return null;
  }
  if (!Array.isArray(candidate.data?.canvasNeedsRedraw)) return null;
  return candidate as CanvasRenderer;
}
