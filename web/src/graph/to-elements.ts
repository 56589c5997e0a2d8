// From what the API answered and what the planner asked to see, to what Cytoscape draws. Pure:
// the same view of the same answers gives the same elements, tested without a browser.
import type { EdgeData, NodeData } from '../api/schema.ts';
import type { Lang } from '../i18n/messages.ts';
import { FILTER_KINDS, ROLES, type ViewState } from '../state/view.ts';
import { edgesAt, isAssignment, themeOf, type PlanIndex } from './plan-index.ts';
import { PLAN_FRAME, planFrameId, type DrawnPlan } from './plan-frame.ts';

export interface ShownGraph {
  nodes: NodeData[];
  edges: EdgeData[];
}

/** The part of the view that decides what is shown (not how). */
export type ShownView = Pick<
  ViewState,
  | 'selected'
  | 'scope'
  | 'kinds'
  | 'roles'
  | 'theme'
  | 'hiddenCategories'
  | 'collectives'
  | 'expanded'
  | 'hidden'
  | 'links'
>;

/** Which role a relationship stands for: a named lead, an owner by the rule, or support. */
export function roleOfType(
  type: string,
  inferred: boolean | null | undefined,
): 'lead' | 'owner' | 'support' | null {
  if (type === 'LEADS') return inferred === true ? 'owner' : 'lead';
  if (type === 'SUPPORTS') return 'support';
  return null;
}

export function roleOf(edge: EdgeData): 'lead' | 'owner' | 'support' | null {
  return roleOfType(edge.type, edge.inferred);
}

export function categoryOf(node: NodeData): string {
  return node.collective === true ? 'collective' : (node.category ?? 'unknown');
}

/**
 * The nodes and edges the view shows. `base` is the whole plan; `expansions` the neighbourhoods
 * fetched for expanded nodes (by node id). The selection is always shown, whatever the filters
 * say: a planner who searched for a bureau must see it.
 */
export function shownGraph(
  index: PlanIndex,
  baseNodeIds: readonly string[],
  expansions: ReadonlyMap<string, ShownGraph>,
  view: ShownView,
): ShownGraph {
  const selected = view.selected !== null && index.nodes.has(view.selected) ? view.selected : null;
  const expanded = view.expanded
    .map(({ id }) => ({ id, graph: expansions.get(id) }))
    .filter((e): e is { id: string; graph: ShownGraph } => e.graph !== undefined);
  const focus = view.scope === 'focus' && (selected !== null || expanded.length > 0);

  // Candidates, before filters: the whole plan, or the selection, its plan neighbours and the
  // expansions.
  const candidates = new Set<string>();
  const starEdges = new Set<string>();
  if (focus) {
    for (const root of [selected, ...expanded.map((e) => e.id)]) {
      if (root === null) continue;
      candidates.add(root);
      for (const edge of edgesAt(index, root)) {
        candidates.add(edge.source);
        candidates.add(edge.target);
        starEdges.add(edge.id);
      }
    }
  } else {
    for (const id of baseNodeIds) candidates.add(id);
  }
  for (const { graph } of expanded) {
    for (const node of graph.nodes) candidates.add(node.id);
    for (const edge of graph.edges) starEdges.add(edge.id);
  }

  const hidden = new Set(view.hidden);
  const kinds = new Set<string>(view.kinds);
  const roles = new Set<string>(view.roles);
  const hiddenCategories = new Set(view.hiddenCategories);
  const filterable = new Set<string>(FILTER_KINDS);
  const themeFilter = view.theme;

  const keepNode = (node: NodeData): boolean => {
    if (node.id === selected) return true;
    if (hidden.has(node.id)) return false;
    if (filterable.has(node.kind) && !kinds.has(node.kind)) return false;
    if (node.kind === 'unit') {
      if (node.collective === true && !view.collectives) return false;
      if (hiddenCategories.has(categoryOf(node))) return false;
      return true;
    }
    if (themeFilter !== null && filterable.has(node.kind)) {
      return node.kind === 'theme'
        ? node.id === themeFilter
        : themeOf(index, node.id) === themeFilter;
    }
    return true;
  };
  const keepEdge = (edge: EdgeData): boolean => {
    const role = roleOf(edge);
    return role === null || roles.has(role);
  };

  const nodes = new Map<string, NodeData>();
  for (const id of candidates) {
    const node = index.nodes.get(id);
    if (node !== undefined && keepNode(node)) nodes.set(id, node);
  }

  const edges: EdgeData[] = [];
  const linked = new Set<string>();
  const drawAll = !focus || view.links;
  for (const edge of index.edges.values()) {
    if (!drawAll && !starEdges.has(edge.id)) continue;
    if (!nodes.has(edge.source) || !nodes.has(edge.target) || !keepEdge(edge)) continue;
    edges.push(edge);
    if (isAssignment(edge)) linked.add(edge.source);
  }

  // A role or theme filter that leaves a unit nothing to answer for leaves it out too; without
  // one, every unit of the plan stays, linked or not.
  const narrowed = themeFilter !== null || roles.size < ROLES.length;
  if (narrowed && !focus) {
    for (const [id, node] of nodes) {
      if (node.kind === 'unit' && !linked.has(id) && id !== selected) nodes.delete(id);
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: edges.filter((edge) => nodes.has(edge.source) && nodes.has(edge.target)),
  };
}

/**
 * The leading words most English unit names share ("Wuhan Municipal"), which say nothing on a
 * canvas where every unit is the city's: dropped from graph labels, kept in the panel.
 */
export function commonEnglishPrefix(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const words = name.split(/\s+/);
    if (words.length > 2) {
      const key = `${words[0]} ${words[1]} `;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let best = '';
  let bestCount = 0;
  for (const [prefix, count] of counts) {
    if (count > bestCount || (count === bestCount && prefix < best)) {
      best = prefix;
      bestCount = count;
    }
  }
  return bestCount >= Math.max(2, names.length * 0.4) ? best : '';
}

/** A label cut to `max` characters (by code point), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function unitLabel(node: NodeData, lang: Lang, englishPrefix = ''): string {
  if (lang === 'zh') return node.name ?? node.label;
  const english = node.labelEn ?? node.englishName;
  if (english === null || english === undefined || english === '') return node.name ?? node.label;
  return englishPrefix !== '' && english.startsWith(englishPrefix)
    ? english.slice(englishPrefix.length)
    : english;
}

/** What a node is called in lists and panels, in the planner's language. */
export function nodeName(node: NodeData, lang: Lang, englishPrefix = ''): string {
  return node.kind === 'unit' ? unitLabel(node, lang, englishPrefix) : (node.title ?? node.label);
}

/** Label lengths on the canvas, in characters; the panel shows the whole text. */
export const LABEL_CHARS = { theme: 24, item: 13, other: 16 } as const;

function drawnLabel(node: NodeData, lang: Lang, englishPrefix: string): string {
  switch (node.kind) {
    case 'unit':
      // English names are cut on the canvas by the stylesheet (ellipsis), at the label's width.
      return unitLabel(node, lang, englishPrefix);
    case 'theme':
      // The reference on its own line: the title then wraps at most once inside the box.
      return `${node.ref ?? ''}\n${clip(node.title ?? node.label, LABEL_CHARS.theme)}`.trim();
    case 'task':
    case 'indicator':
    case 'project':
    case 'requirement':
      return clip(node.title ?? node.label, LABEL_CHARS.item);
    default:
      return clip(node.label, LABEL_CHARS.other);
  }
}

/** Node size on the canvas: units by their load, items by how many units answer for them. */
export function nodeSize(node: NodeData): number {
  if (node.kind === 'unit') return Math.round(16 + 6 * Math.sqrt(Math.max(0, node.load ?? 0)));
  if (node.kind === 'theme') return 40;
  return Math.round(10 + 2 * Math.sqrt(Math.max(0, node.unitCount ?? 0)));
}

/**
 * How many units keep their names on the whole-plan view, the busiest first: with the themes,
 * the labels a room reads off a projector. The rest are drawn once the planner zooms in.
 */
export const MAJOR_UNITS = 15;

/** Whose label is drawn at any zoom (major), and whose only once it is legible (minor). */
export type Prominence = 'major' | 'minor';

/** The themes and the MAJOR_UNITS units with the highest load (ties by id; none without load). */
export function majorNodes(nodes: readonly NodeData[]): Set<string> {
  const units = nodes
    .filter((node) => node.kind === 'unit' && (node.load ?? 0) > 0)
    .sort((a, b) => (b.load ?? 0) - (a.load ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAJOR_UNITS);
  const themes = nodes.filter((node) => node.kind === 'theme');
  return new Set([...themes, ...units].map((node) => node.id));
}

export interface DrawnNodeData extends Record<string, unknown> {
  id: string;
  kind: string;
  /** The text drawn on the canvas. */
  display: string;
  size: number;
  category: string;
  collective: boolean;
  prominence: Prominence;
}

export interface DrawnEdgeData extends Record<string, unknown> {
  id: string;
  source: string;
  target: string;
  type: string;
  inferred: boolean;
}

export interface CyNode {
  group: 'nodes';
  data: DrawnNodeData;
  position?: { x: number; y: number };
  classes: string;
}

export interface CyEdge {
  group: 'edges';
  data: DrawnEdgeData;
  classes: string;
}

export interface DrawOptions {
  lang: Lang;
  englishPrefix: string;
  /** Positions from a preset layout; nodes without one are placed by the force layout. */
  positions?: ReadonlyMap<string, { x: number; y: number }>;
  /** Adds the class that moves labels beside nodes (columns) instead of under them. */
  layered: boolean;
  /**
   * With two or more plans drawn (全部规划), in the layered layout: each plan's items and themes
   * framed by a node of their plan (Cytoscape's compound node), which names it; units stay
   * outside every frame.
   */
  plans?: readonly DrawnPlan[];
}

/** The plan frames with at least one node shown in them, and each shown item's frame. */
function planFrames(
  shown: ShownGraph,
  plans: readonly DrawnPlan[] | undefined,
): { frames: DrawnPlan[]; frameOf: Map<string, string> } {
  const frameOf = new Map<string, string>();
  if (plans === undefined || plans.length < 2) return { frames: [], frameOf };
  const known = new Set(plans.map((plan) => plan.id));
  for (const node of shown.nodes) {
    const plan = node['planId'];
    if (node.kind !== 'unit' && typeof plan === 'string' && known.has(plan)) {
      frameOf.set(node.id, plan);
    }
  }
  const used = new Set(frameOf.values());
  return { frames: plans.filter((plan) => used.has(plan.id)), frameOf };
}

// Chinese wraps between any two characters; English only between words.
function classesOf(display: string, layered: boolean): string {
  const classes = [];
  if (layered) classes.push('layered');
  if (/^[\p{Script=Latin}\p{P}\p{N}\s]+$/u.test(display)) classes.push('latin');
  return classes.join(' ');
}

/** Cytoscape's elements JSON for what is shown; the stylesheet keys on these fields. */
export function toElements(shown: ShownGraph, options: DrawOptions): (CyNode | CyEdge)[] {
  const out: (CyNode | CyEdge)[] = [];
  const major = majorNodes(shown.nodes);
  // The force layout moves nodes one by one and glides them, which a frame (its position its
  // children's) would fight: there the plans are told apart by their items' links alone.
  const { frames, frameOf } = planFrames(shown, options.layered ? options.plans : undefined);
  // Frames first: Cytoscape adds a child only beside or after its parent.
  for (const frame of frames) {
    out.push({
      group: 'nodes',
      data: {
        id: planFrameId(frame.id),
        kind: PLAN_FRAME,
        planId: frame.id,
        display: frame.name,
        size: 0,
        category: PLAN_FRAME,
        collective: false,
        prominence: 'major',
      },
      classes: '',
    });
  }
  for (const node of shown.nodes) {
    const display = drawnLabel(node, options.lang, options.englishPrefix);
    const drawn: CyNode = {
      group: 'nodes',
      data: {
        ...node,
        display,
        size: nodeSize(node),
        category: categoryOf(node),
        collective: node.collective === true,
        prominence: major.has(node.id) ? 'major' : 'minor',
      },
      classes: classesOf(display, options.layered),
    };
    const frame = frameOf.get(node.id);
    if (frame !== undefined) drawn.data['parent'] = planFrameId(frame);
    const position = options.positions?.get(node.id);
    if (position !== undefined) drawn.position = { x: position.x, y: position.y };
    out.push(drawn);
  }
  for (const edge of shown.edges) {
    out.push({
      group: 'edges',
      data: { ...edge, inferred: edge.inferred === true },
      classes: '',
    });
  }
  return out;
}
