// What a slide shows, whatever the screen. A saved view's camera (zoom, pan) was taken on the
// planner's window; applied raw on a projector's 1920×1080 it would show the same pixels in a
// corner of a larger screen, or cut the view off on a smaller one. So a view also keeps the
// canvas's size and the nodes on screen, and a presentation fits the box of the graph that was
// on screen to the whole screen.
import type { Core, Position } from 'cytoscape';
import type { SavedView } from './saved-views.ts';

/** A box in the graph's own (model) coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Camera {
  zoom: number;
  pan: Position;
}

/** What a view keeps of the screen it was saved on. */
export interface ViewFrame {
  canvas: Size;
  visible: string[];
}

/** What a slide is fitted to: a box as it is, or the box of some nodes, or what the view lights. */
export type SlideTarget = { box: Box } | { nodes: string[] } | { lit: true };

/** The box of the graph a camera shows on a canvas of this size. */
export function boundsFromCamera(camera: Camera, canvas: Size): Box {
  const { zoom, pan } = camera;
  return {
    x1: -pan.x / zoom,
    y1: -pan.y / zoom,
    x2: (canvas.width - pan.x) / zoom,
    y2: (canvas.height - pan.y) / zoom,
  };
}

/** The camera that shows this box whole and centred on a canvas of this size. */
export function fitCamera(
  box: Box,
  canvas: Size,
  padding = 0,
  limits: { min: number; max: number } = { min: 0, max: Infinity },
): Camera {
  const width = Math.max(box.x2 - box.x1, 1);
  const height = Math.max(box.y2 - box.y1, 1);
  const fitted = Math.min(
    Math.max(canvas.width - 2 * padding, 1) / width,
    Math.max(canvas.height - 2 * padding, 1) / height,
  );
  const zoom = Math.min(limits.max, Math.max(limits.min, fitted));
  const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  return {
    zoom,
    pan: { x: canvas.width / 2 - zoom * centre.x, y: canvas.height / 2 - zoom * centre.y },
  };
}

const inside = (at: Position, box: Box) =>
  at.x >= box.x1 && at.x <= box.x2 && at.y >= box.y1 && at.y <= box.y2;

/**
 * What to fit a saved view to, given where its nodes are drawn now. The box that was on screen,
 * while the nodes then on screen are still inside it; when the layout has moved them (the
 * layered layout wraps its columns to the window it is drawn in, so a views file opened on
 * another machine is laid out afresh), those nodes wherever they are. A view saved before the
 * canvas size was kept has no box: the nodes its selection and marks light, or all of them.
 */
export function slideTarget(
  saved: SavedView,
  drawn: Readonly<Record<string, Position>>,
): SlideTarget {
  const box = saved.canvas === undefined ? null : boundsFromCamera(saved.camera, saved.canvas);
  const present = (saved.visible ?? []).filter((id) => Object.hasOwn(drawn, id));
  if (box !== null && present.every((id) => inside(drawn[id] as Position, box))) return { box };
  if (present.length > 0) return { nodes: present };
  return { lit: true };
}

/** The canvas's size and the nodes whose centres are on screen, to save with a view. */
export function frameOf(cy: Core): ViewFrame {
  const extent = cy.extent();
  const visible = cy
    .nodes()
    .filter((node) => inside(node.position(), extent))
    .map((node) => node.id());
  return { canvas: { width: cy.width(), height: cy.height() }, visible };
}

/**
 * The box a slide shows on this canvas, and the margin to keep around it: none around the box
 * the planner framed, the canvas's usual one around nodes (their labels included).
 */
export function slideBox(
  cy: Core,
  saved: SavedView,
  padding: number,
): { box: Box; padding: number } {
  const drawn: Record<string, Position> = {};
  cy.nodes().forEach((node) => {
    drawn[node.id()] = node.position();
  });
  const target = slideTarget(saved, drawn);
  if ('box' in target) return { box: target.box, padding: 0 };
  const wanted = 'nodes' in target ? new Set(target.nodes) : null;
  let elements =
    wanted === null
      ? cy.elements('.highlight, .marked')
      : cy.nodes().filter((node) => wanted.has(node.id()));
  if (elements.empty()) elements = cy.elements();
  const { x1, y1, x2, y2 } = elements.boundingBox();
  return { box: { x1, y1, x2, y2 }, padding };
}
