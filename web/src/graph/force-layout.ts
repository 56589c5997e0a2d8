// The force layout, loaded only when a planner asks for it: fcose is a third of the drawing code
// and the first screen does not need it.
import type { Core, LayoutOptions, Position } from 'cytoscape';
import { separateBoxes } from './separate-boxes.ts';

/**
 * fcose options for the explorer; starts from the current (layered) positions, so it is stable.
 * It runs without drawing: the themes' boxes are then kept apart and the camera fitted to where
 * everything ends, and only then do the nodes glide there (FORCE_GLIDE).
 */
export const FORCE_DEFAULTS = {
  name: 'fcose',
  // 'default' quality gives a cleaner picture than 'draft' and is still under a second for a plan.
  quality: 'default',
  // Start from where the nodes are: the same picture for the same plan, and related nodes start near.
  randomize: false,
  animate: false,
  // The controller fits the camera, clear of the controls over the canvas.
  fit: false,
  // Room for Chinese labels under each node.
  nodeSeparation: 90,
  nodeRepulsion: 9000,
  idealEdgeLength: 90,
  edgeElasticity: 0.4,
  gravity: 0.3,
  gravityRange: 3.8,
  numIter: 2500,
  packComponents: true,
  nodeDimensionsIncludeLabels: true,
} as const;

/** How the nodes move from where they were to where fcose put them. */
export const FORCE_GLIDE = {
  duration: 450,
  easing: 'ease-in-out-cubic',
  /** Least space between two themes' boxes, in model pixels. */
  themeGap: 24,
} as const;

let registered: Promise<void> | null = null;

/** Registers fcose with this Cytoscape once, on first use. */
export function loadForceLayout(cytoscape: (ext: unknown) => void): Promise<void> {
  registered ??= import('cytoscape-fcose').then((module) => {
    cytoscape(module.default);
  });
  return registered;
}

/**
 * Runs the force layout to its end and moves the themes' boxes apart where fcose left two
 * overlapping. The nodes are left where they end; resolves with where each was before.
 */
export async function runForceLayout(cy: Core): Promise<Map<string, Position>> {
  const before = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }] as const));
  const layout = cy.layout(FORCE_DEFAULTS as unknown as LayoutOptions);
  const done = layout.promiseOn('layoutstop');
  layout.run();
  await done;
  const themes = cy.nodes('[kind = "theme"]');
  const apart = separateBoxes(
    themes.map((node) => ({
      id: node.id(),
      ...node.position(),
      width: node.outerWidth(),
      height: node.outerHeight(),
    })),
    FORCE_GLIDE.themeGap,
  );
  cy.batch(() => {
    themes.forEach((node) => {
      const at = apart.get(node.id());
      if (at !== undefined) node.position(at);
    });
  });
  return before;
}
