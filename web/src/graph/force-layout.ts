// The force layout, loaded only when a planner asks for it: fcose is a third of the drawing code
// and the first screen does not need it.
import type { Core, LayoutOptions } from 'cytoscape';

/** fcose options for the explorer; starts from the current (layered) positions, so it is stable. */
export const FORCE_DEFAULTS = {
  name: 'fcose',
  // 'default' quality gives a cleaner picture than 'draft' and is still under a second for a plan.
  quality: 'default',
  // Start from where the nodes are: the same picture for the same plan, and related nodes start near.
  randomize: false,
  animate: true,
  animationDuration: 450,
  fit: true,
  padding: 40,
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

let registered: Promise<void> | null = null;

/** Registers fcose with this Cytoscape once, on first use. */
export function loadForceLayout(cytoscape: (ext: unknown) => void): Promise<void> {
  registered ??= import('cytoscape-fcose').then((module) => {
    cytoscape(module.default);
  });
  return registered;
}

/** Runs the force layout; resolves when it has stopped. */
export function runForceLayout(cy: Core): Promise<void> {
  const layout = cy.layout(FORCE_DEFAULTS as unknown as LayoutOptions);
  const done = layout.promiseOn('layoutstop').then(() => undefined);
  layout.run();
  return done;
}
