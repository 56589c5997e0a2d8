// The camera that shows a box of the graph whole, clear of what lies over the canvas's edges
// (the controls in its top corners, the counts at its bottom): Cytoscape's own fit takes one
// padding for all four sides, and measures every label to find the box.
import type { Position } from 'cytoscape';

/** A box in model coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Pixels kept clear on each side of the canvas. */
export interface Inset {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FittedCamera {
  zoom: number;
  pan: Position;
}

/** The smallest box holding both. */
export function unionBox(a: Box, b: Box): Box {
  return {
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
    x2: Math.max(a.x2, b.x2),
    y2: Math.max(a.y2, b.y2),
  };
}

/** The box of nodes' bodies (centre and size), labels left out; null for none. */
export function bodyBox(
  nodes: Iterable<{ x: number; y: number; width: number; height: number }>,
): Box | null {
  let box: Box | null = null;
  for (const { x, y, width, height } of nodes) {
    const own = { x1: x - width / 2, y1: y - height / 2, x2: x + width / 2, y2: y + height / 2 };
    box = box === null ? own : unionBox(box, own);
  }
  return box;
}

/**
 * Zoom and pan that put `box` whole and centred in the part of a canvas of this size that the
 * inset leaves, as large as the zoom limits allow.
 */
export function fitInside(
  box: Box,
  canvas: { width: number; height: number },
  inset: Inset,
  limits: { min: number; max: number },
): FittedCamera {
  const areaWidth = Math.max(canvas.width - inset.left - inset.right, 1);
  const areaHeight = Math.max(canvas.height - inset.top - inset.bottom, 1);
  const fitted = Math.min(
    areaWidth / Math.max(box.x2 - box.x1, 1),
    areaHeight / Math.max(box.y2 - box.y1, 1),
  );
  const zoom = Math.min(limits.max, Math.max(limits.min, fitted));
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  return {
    zoom,
    pan: {
      x: inset.left + areaWidth / 2 - zoom * centre.x,
      y: inset.top + areaHeight / 2 - zoom * centre.y,
    },
  };
}
