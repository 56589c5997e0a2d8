// The small JSON shapes several routes share: a unit or an item in brief, read from the driver's
// nodes. Pure.
import type { JsonNode, JsonValue } from '../queries/to-json.ts';
import { toJson } from '../queries/to-json.ts';
import { nodeData, type NodeData } from './elements.ts';

const stringOf = (value: JsonValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

/** A node read from the driver, as the JSON node to-json.ts makes. */
export function jsonNode(value: unknown): JsonNode {
  return toJson(value) as JsonNode;
}

export interface UnitBrief {
  id: string;
  name: string;
  englishName: string | null;
  collective: boolean;
}

export function unitBrief(node: JsonNode): UnitBrief {
  const p = node.properties;
  return {
    id: stringOf(p['id']) ?? node.elementId,
    name: stringOf(p['name']) ?? '',
    englishName: stringOf(p['englishName']),
    collective: p['collective'] === true,
  };
}

export interface ItemBrief {
  id: string;
  ref: string;
  title: string;
  kind: string;
}

export function itemBrief(node: JsonNode): ItemBrief {
  const p = node.properties;
  return {
    id: stringOf(p['id']) ?? node.elementId,
    ref: stringOf(p['ref']) ?? '',
    title: stringOf(p['title']) ?? '',
    kind: stringOf(p['kind']) ?? '',
  };
}

/** A whole node for `GET /api/node` and profiles: id, kind, label and its properties. */
export function nodeDetail(node: JsonNode): NodeData {
  return nodeData(node);
}

/** How a unit stands on an item: the edge type, the role word as printed, and whether inferred. */
export interface Assignment {
  edge: 'LEADS' | 'SUPPORTS';
  role: string | null;
  inferred: boolean;
}

export function assignmentOf(type: unknown, role: unknown, inferred: unknown): Assignment {
  return {
    edge: type === 'LEADS' ? 'LEADS' : 'SUPPORTS',
    role: typeof role === 'string' ? role : null,
    inferred: inferred === true,
  };
}
