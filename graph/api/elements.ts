// Nodes and relationships read from Neo4j, as the Cytoscape.js elements JSON of the contract
// (contract/api/elements.ts) that the web app draws as it comes. Pure; the driver's values are
// turned into JSON (to-json.ts) before they get here, and a test feeds it plain data.
import {
  isNode,
  isPath,
  isRelationship,
  type Node as DriverNode,
  type Relationship as DriverRelationship,
} from 'neo4j-driver';
import type { ElementKind, Elements, NodeData } from '../../contract/api/elements.ts';
import { toJson, type JsonNode, type JsonRelationship } from '../queries/to-json.ts';
import { NodeJson, RelationshipJson, type UnitFiguresRow } from './rows.ts';

/** A unit's figures in one plan (from its ACTIVE_IN relationship), added to its node's data. */
type UnitMetrics = Readonly<Record<string, unknown>>;

const KIND_BY_LABEL: ReadonlyMap<string, ElementKind> = new Map([
  ['Unit', 'unit'],
  ['Theme', 'theme'],
  ['Task', 'task'],
  ['Indicator', 'indicator'],
  ['Project', 'project'],
  ['Requirement', 'requirement'],
  ['Plan', 'plan'],
  ['Document', 'document'],
]);

// Bulky or internal properties that no drawing needs: the plan's whole source text, an item's
// full text (a paragraph; GET /api/node and /api/source give it), and the search fields derived
// from a unit's names. They would be most of a neighbourhood's bytes.
const LEFT_OUT = new Set(['sourceText', 'text', 'searchText', 'pinyin']);

export function kindOf(labels: readonly string[]): ElementKind {
  for (const label of labels) {
    const kind = KIND_BY_LABEL.get(label);
    if (kind !== undefined) return kind;
  }
  return 'other';
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The node's id in the graph: its `id` property (stable across loads), else Neo4j's elementId. */
export function nodeIdOf(node: JsonNode): string {
  return text(node.properties['id']) ?? node.elementId;
}

function labelOf(node: JsonNode, kind: ElementKind): string {
  const p = node.properties;
  const fallback = text(p['id']) ?? node.labels[0] ?? node.elementId;
  switch (kind) {
    case 'unit':
      return text(p['name']) ?? fallback;
    case 'document':
      return text(p['title']) ?? text(p['number']) ?? fallback;
    default:
      return text(p['title']) ?? text(p['name']) ?? fallback;
  }
}

export function nodeData(node: JsonNode, metrics?: UnitMetrics): NodeData {
  const kind = kindOf(node.labels);
  const data: NodeData = { id: nodeIdOf(node), kind, label: labelOf(node, kind) };
  for (const [key, value] of Object.entries(node.properties)) {
    if (!LEFT_OUT.has(key) && key !== 'id') data[key] = value;
  }
  if (kind === 'unit') {
    const english = text(node.properties['englishName']);
    if (english !== undefined) data['labelEn'] = english;
    if (metrics !== undefined) Object.assign(data, metrics);
  }
  if (kind === 'other') data['labels'] = [...node.labels];
  return data;
}

/**
 * An edge's id from what it joins, so the same relationship read by two requests (a neighbourhood
 * and then its expansion) merges in the drawing instead of doubling. The plan is part of it:
 * COORDINATES_WITH and MEMBER_OF can join the same pair once per plan.
 */
export function edgeIdOf(source: string, type: string, target: string, planId?: string): string {
  return planId === undefined
    ? `${source}|${type}|${target}`
    : `${source}|${type}|${target}|${planId}`;
}

/**
 * The elements for these nodes and relationships. A relationship whose end is not among the nodes
 * is left out (Cytoscape refuses an edge without both ends); callers that want it fetch the end
 * first. Nodes and edges come out once each, in the order first seen.
 */
export function toElements(
  nodes: Iterable<JsonNode>,
  relationships: Iterable<JsonRelationship>,
  metrics: ReadonlyMap<string, UnitMetrics> = new Map(),
): Elements {
  const idByElementId = new Map<string, string>();
  const elements: Elements = { nodes: [], edges: [] };
  const seenNodes = new Set<string>();
  for (const node of nodes) {
    const id = nodeIdOf(node);
    idByElementId.set(node.elementId, id);
    if (seenNodes.has(id)) continue;
    seenNodes.add(id);
    elements.nodes.push({ data: nodeData(node, metrics.get(id)) });
  }
  const seenEdges = new Set<string>();
  for (const relationship of relationships) {
    const source = idByElementId.get(relationship.startNodeElementId);
    const target = idByElementId.get(relationship.endNodeElementId);
    if (source === undefined || target === undefined) continue;
    const planId = text(relationship.properties['planId']);
    const id = edgeIdOf(source, relationship.type, target, planId);
    if (seenEdges.has(id)) continue;
    seenEdges.add(id);
    elements.edges.push({
      data: { ...relationship.properties, id, source, target, type: relationship.type },
    });
  }
  return elements;
}

/**
 * Unit figures as the API's queries return them (ACTIVE_IN properties plus `unitId`), keyed by
 * unit id; the plan id is dropped, since a unit node is not the plan's.
 */
export function unitMetricsById(entries: readonly UnitFiguresRow[]): Map<string, UnitMetrics> {
  const metrics = new Map<string, UnitMetrics>();
  for (const { unitId, ...figures } of entries) {
    const shown: Record<string, unknown> = figures;
    delete shown['planId'];
    metrics.set(unitId, shown);
  }
  return metrics;
}

/** The nodes and relationships found anywhere in some values (lists, maps and paths walked). */
export interface FoundGraph {
  nodes: Map<string, JsonNode>;
  relationships: Map<string, JsonRelationship>;
}

/** Collects the driver's Node, Relationship and Path values held in a row's values. */
export function collectGraph(values: Iterable<unknown>, found?: FoundGraph): FoundGraph {
  const graph = found ?? { nodes: new Map(), relationships: new Map() };
  const addNode = (node: DriverNode) => {
    if (!graph.nodes.has(node.elementId))
      graph.nodes.set(node.elementId, NodeJson.parse(toJson(node)));
  };
  const addRelationship = (relationship: DriverRelationship) => {
    if (!graph.relationships.has(relationship.elementId)) {
      graph.relationships.set(relationship.elementId, RelationshipJson.parse(toJson(relationship)));
    }
  };
  const visit = (value: unknown, depth: number): void => {
    // Nested lists and maps of nodes are walked; deeper than this is data, not a graph.
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (isNode(value)) addNode(value);
    else if (isRelationship(value)) addRelationship(value);
    else if (isPath(value)) {
      addNode(value.start);
      for (const segment of value.segments) {
        addRelationship(segment.relationship);
        addNode(segment.end);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (value.constructor === Object) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  for (const value of values) visit(value, 0);
  return graph;
}

/** Whether a collection found anything worth drawing. */
export function hasGraph(found: FoundGraph): boolean {
  return found.nodes.size > 0 || found.relationships.size > 0;
}
