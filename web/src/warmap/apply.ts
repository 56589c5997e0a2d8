// Puts the war map's data on the canvas's nodes, or takes it off. The only war-map code that
// touches Cytoscape: what each node carries is worked out in war-map.ts, and how it looks is
// the stylesheet's. Run after every redraw, as heat styling is: new nodes come without it.
import type { Core } from 'cytoscape';
import { WAR_FIELDS, type WarNodeData } from './war-map.ts';

export function applyWarmap(cy: Core | null, data: ReadonlyMap<string, WarNodeData> | null): void {
  if (cy === null) return;
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const wanted = data?.get(node.id());
      const current = node.data() as Record<string, unknown>;
      // Only nodes whose data changes are touched: a change restyles the node.
      const same = WAR_FIELDS.every(
        (field) => current[field] === (wanted === undefined ? undefined : wanted[field]),
      );
      if (same) return;
      node.removeData(WAR_FIELDS.join(' '));
      if (wanted !== undefined) node.data(wanted);
    });
  });
}
