// The small shapes several routes share, made from nodes read back from Neo4j: a unit, a theme or
// an item in brief, a node with the fields the contract promises for its kind, and an item with
// how a unit stands on it. Pure.
import type { ItemNode, UnitNode } from '../../contract/api/elements.ts';
import type { ProfileItem, ThemeRef, UnitRef } from '../../contract/api/units.ts';
import type { JsonNode } from '../queries/to-json.ts';
import { nodeData, nodeIdOf } from './elements.ts';
import type { AssignedItem } from './rows.ts';

const stringOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function unitBrief(node: JsonNode): UnitRef {
  const p = node.properties;
  return {
    id: nodeIdOf(node),
    name: stringOf(p['name']) ?? '',
    englishName: stringOf(p['englishName']),
    collective: p['collective'] === true,
  };
}

export function themeBrief(node: JsonNode): ThemeRef {
  const p = node.properties;
  return { id: nodeIdOf(node), ref: stringOf(p['ref']) ?? '', title: stringOf(p['title']) ?? '' };
}

/** An item a unit leads or supports, in brief: its ref, title and kind, and the unit's role. */
export function profileItem(assigned: AssignedItem): ProfileItem {
  const p = assigned.item.properties;
  return {
    id: nodeIdOf(assigned.item),
    ref: stringOf(p['ref']) ?? '',
    title: stringOf(p['title']) ?? '',
    kind: stringOf(p['kind']) ?? '',
    edge: assigned.type,
    role: assigned.role,
    inferred: assigned.inferred === true,
  };
}

/** A unit's whole node (GET /api/node's data), with the short name every unit has. */
export function unitNode(node: JsonNode): UnitNode {
  return { ...nodeData(node), name: stringOf(node.properties['name']) ?? '' };
}

/** An item's whole node, with the ref and title every item has. */
export function itemNode(node: JsonNode): ItemNode {
  const p = node.properties;
  return { ...nodeData(node), ref: stringOf(p['ref']) ?? '', title: stringOf(p['title']) ?? '' };
}
