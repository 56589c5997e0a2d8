// Lookups over the elements the app holds (the whole plan and whatever was expanded): by id,
// by end, and a node's place in the outline. Pure; built once per answer, read by the mapping,
// the layout and the panels.
import type { EdgeData, Elements, NodeData } from '../api/schema.ts';

export interface PlanIndex {
  nodes: ReadonlyMap<string, NodeData>;
  edges: ReadonlyMap<string, EdgeData>;
  /** Edge ids by the node at either end. */
  incident: ReadonlyMap<string, readonly string[]>;
}

/** Unit → item relationships: who answers for what. */
export const ASSIGNMENT_TYPES: ReadonlySet<string> = new Set(['LEADS', 'SUPPORTS']);

export function isAssignment(edge: EdgeData): boolean {
  return ASSIGNMENT_TYPES.has(edge.type);
}

/** One index over several answers; a node or edge seen twice keeps its first data, filled in. */
export function indexElements(...answers: readonly Elements[]): PlanIndex {
  const nodes = new Map<string, NodeData>();
  const edges = new Map<string, EdgeData>();
  const incident = new Map<string, string[]>();
  const link = (nodeId: string, edgeId: string) => {
    const list = incident.get(nodeId);
    if (list === undefined) incident.set(nodeId, [edgeId]);
    else list.push(edgeId);
  };
  for (const answer of answers) {
    for (const { data } of answer.nodes) {
      const known = nodes.get(data.id);
      nodes.set(data.id, known === undefined ? data : { ...data, ...known });
    }
    for (const { data } of answer.edges) {
      if (edges.has(data.id)) continue;
      edges.set(data.id, data);
      link(data.source, data.id);
      if (data.target !== data.source) link(data.target, data.id);
    }
  }
  return { nodes, edges, incident };
}

/** The edges at a node, in the order they were first seen. */
export function edgesAt(index: PlanIndex, id: string): EdgeData[] {
  const out: EdgeData[] = [];
  for (const edgeId of index.incident.get(id) ?? []) {
    const edge = index.edges.get(edgeId);
    if (edge !== undefined) out.push(edge);
  }
  return out;
}

/**
 * The theme an item sits under, following `parentId` (a task's second part → its task → the
 * theme); null for indicators, projects and requirements, which have none.
 */
export function themeOf(index: PlanIndex, id: string): string | null {
  let current = index.nodes.get(id);
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    if (current.kind === 'theme') return current.id;
    const parent = current.parentId;
    current = parent === null || parent === undefined ? undefined : index.nodes.get(parent);
  }
  return null;
}

export interface Assignment {
  unit: NodeData;
  edge: EdgeData;
}

/** An item's units, leads first then supports, each in the order printed. */
export function assignmentsOf(index: PlanIndex, itemId: string): Assignment[] {
  const out: Assignment[] = [];
  for (const edge of edgesAt(index, itemId)) {
    if (!isAssignment(edge) || edge.target !== itemId) continue;
    const unit = index.nodes.get(edge.source);
    if (unit !== undefined) out.push({ unit, edge });
  }
  const rank = (a: Assignment) => (a.edge.type === 'LEADS' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || (a.edge.position ?? 0) - (b.edge.position ?? 0));
}

/** Relationships of the outline: a task under its theme, a sub-item part of its project. */
const OUTLINE_TYPES: ReadonlySet<string> = new Set(['UNDER', 'PART_OF']);

/**
 * What a selection lights up, node and edge ids: the chain of responsibility through it. A unit
 * reaches its items and, above them, the themes and projects they serve; an item reaches its
 * units, what it serves and its own sub-items; a theme or project reaches everything under it
 * and the units on those. Any other link at the node (coordination, membership) is included.
 */
export function reachOf(index: PlanIndex, id: string): Set<string> {
  const reach = new Set<string>([id]);
  const node = index.nodes.get(id);
  if (node === undefined) return reach;
  const take = (edge: EdgeData, other: string) => {
    reach.add(edge.id);
    reach.add(other);
  };
  // The outline is shallow (second part → task → theme); the depth bound guards against cycles.
  const up = (from: string, depth: number) => {
    for (const edge of edgesAt(index, from)) {
      if (!OUTLINE_TYPES.has(edge.type) || edge.source !== from || depth > 4) continue;
      take(edge, edge.target);
      up(edge.target, depth + 1);
    }
  };
  const down = (from: string, depth: number, found: string[]) => {
    for (const edge of edgesAt(index, from)) {
      if (!OUTLINE_TYPES.has(edge.type) || edge.target !== from || depth > 4) continue;
      take(edge, edge.source);
      found.push(edge.source);
      down(edge.source, depth + 1, found);
    }
  };
  for (const edge of edgesAt(index, id)) take(edge, edge.source === id ? edge.target : edge.source);
  if (node.kind === 'unit') {
    for (const edge of edgesAt(index, id)) {
      if (isAssignment(edge) && edge.source === id) up(edge.target, 0);
    }
    return reach;
  }
  const items = [id];
  down(id, 0, items);
  up(id, 0);
  for (const item of items) {
    for (const edge of edgesAt(index, item)) {
      if (isAssignment(edge) && edge.target === item) take(edge, edge.source);
    }
  }
  return reach;
}
