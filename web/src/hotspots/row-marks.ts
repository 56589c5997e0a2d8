// The nodes and edges a ranking row lights on the canvas. Pure: the panel lights a row with it
// when clicked, and the app again when an address names the row (`?hot=…&row=…`).
import type { ShownGraph } from '../graph/to-elements.ts';
import type { Row } from './row-key.ts';

const ASSIGNMENTS = new Set(['LEADS', 'SUPPORTS']);
/** Columns that carry ids for the graph, not words for the planner. */
export const ID_COLUMN = /Id$/;

/** The strings a cell holds: the value itself, or the strings of a list. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The ids of a row: those of its `…Id` columns, the units it names (rankings list leads, members
 * and collectives by name), and the edges drawn among them. A row naming units and nothing else
 * stands for their items too: for one unit, every item it leads or supports (what its load is
 * made of); for a coordination pair, the items the two share (what they coordinate on).
 */
export function rowMarks(row: Row, shown: ShownGraph | null): string[] {
  const nodes = new Set<string>();
  for (const [column, value] of Object.entries(row)) {
    if (ID_COLUMN.test(column) && typeof value === 'string' && value !== '') nodes.add(value);
  }
  if (shown === null) return [...nodes];
  const kinds = new Map<string, string>();
  const unitsByName = new Map<string, string>();
  for (const node of shown.nodes) {
    kinds.set(node.id, node.kind);
    if (node.kind === 'unit') unitsByName.set(node.name ?? node.label, node.id);
  }
  for (const [column, value] of Object.entries(row)) {
    if (ID_COLUMN.test(column)) continue;
    for (const text of textsOf(value)) {
      const id = unitsByName.get(text);
      if (id !== undefined) nodes.add(id);
    }
  }
  const units = [...nodes].filter((id) => kinds.get(id) === 'unit');
  const itemsOf = (unit: string) =>
    new Set(
      shown.edges
        .filter((edge) => edge.source === unit && ASSIGNMENTS.has(edge.type))
        .map((edge) => edge.target),
    );
  const [a, b] = units;
  if (units.length === nodes.size && a !== undefined) {
    if (b === undefined) {
      for (const item of itemsOf(a)) nodes.add(item);
    } else if (units.length === 2) {
      const ofA = itemsOf(a);
      for (const item of itemsOf(b)) if (ofA.has(item)) nodes.add(item);
    }
  }
  const edges = shown.edges
    .filter((edge) => nodes.has(edge.source) && nodes.has(edge.target))
    .map((edge) => edge.id);
  return [...nodes, ...edges];
}
