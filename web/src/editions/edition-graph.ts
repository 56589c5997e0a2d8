// A comparison of editions on the graph: the newer edition as the view shows it, its added items
// and its changed ones marked, the removed items drawn back as ghosts under the theme they sat in
// (the newer edition's pair of it), and the units whose leads or supports changed ringed, with
// the roles they lost drawn as ghost lines. Pure: answers in, Cytoscape's elements out, tested
// without a browser. How the classes look is editions/stylesheet.ts.
import type { EditionComparison, EditionItem, ItemChange } from '../../../contract/api/editions.ts';
import type { EdgeData, NodeData } from '../api/schema.ts';
import { LAYERED_DEFAULTS, layeredPositions } from '../graph/layered-layout.ts';
import {
  nodeSize,
  toElements,
  type CyEdge,
  type CyNode,
  type ShownGraph,
} from '../graph/to-elements.ts';
import type { Lang } from '../i18n/messages.ts';

/** A ghost's id: never an id of the graph's, whose ids are `<plan>/<number>` and `<place>/<unit>`. */
export const GHOST_PREFIX = 'ed-ghost:';

export type EditionMark = 'added' | 'changed' | 'removed';

/** Before a marked item's label, so the state reads without colour. */
export const MARK_SIGNS: Readonly<Record<EditionMark, string>> = {
  added: '＋',
  changed: '～',
  removed: '－',
};

export interface MarkedGraph {
  /** The shown graph with the ghosts and their lines added. */
  shown: ShownGraph;
  /** Each marked node or edge and its classes. */
  classes: Map<string, string[]>;
  /** Items' marks, for their labels. */
  marks: Map<string, EditionMark>;
  /** The changed row behind each marked item (ghosts and newer items alike). */
  rows: Map<string, ItemChange>;
}

const ROLE_TYPE = { lead: 'LEADS', support: 'SUPPORTS' } as const;

const roleOf = (change: string) => (change.startsWith('lead') ? ROLE_TYPE.lead : ROLE_TYPE.support);

function add(classes: Map<string, string[]>, id: string, name: string): void {
  const list = classes.get(id);
  if (list === undefined) classes.set(id, [name]);
  else if (!list.includes(name)) list.push(name);
}

/**
 * Where a removed item's old parent is now: its pair in the newer edition (a changed row's, or an
 * unchanged item of the same number and title), its own ghost when it was removed too, or an item
 * of the same title, or of the same number; null when none is shown. Indexed once per marking: a
 * revision of a large plan removes hundreds of items.
 */
function parentFinder(
  comparison: EditionComparison,
  shown: ReadonlyMap<string, NodeData>,
): (parent: NonNullable<EditionItem['parent']>) => string | null {
  const key = (ref: string | null | undefined, title: string | null | undefined) =>
    `${ref ?? ''}\u0000${title ?? ''}`;
  const olderNow = new Map<string, string>();
  for (const row of comparison.items) {
    if (row.from === null) continue;
    const now =
      row.to === null
        ? `${GHOST_PREFIX}${row.from.id}`
        : shown.has(row.to.id)
          ? row.to.id
          : undefined;
    const at = key(row.from.ref, row.from.title);
    if (now !== undefined && !olderNow.has(at)) olderNow.set(at, now);
  }
  const byRefAndTitle = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const byRef = new Map<string, string>();
  for (const node of shown.values()) {
    if (node.kind === 'unit') continue;
    const first = (map: Map<string, string>, at: string) => {
      if (!map.has(at)) map.set(at, node.id);
    };
    first(byRefAndTitle, key(node.ref, node.title));
    if (node.title != null) first(byTitle, node.title);
    if (node.ref != null) first(byRef, node.ref);
  }
  return (parent) =>
    olderNow.get(key(parent.ref, parent.title)) ??
    byRefAndTitle.get(key(parent.ref, parent.title)) ??
    byTitle.get(parent.title) ??
    byRef.get(parent.ref) ??
    null;
}

/** Marks the newer edition's shown graph with what the comparison found (see the file's header). */
export function markEditions(shown: ShownGraph, comparison: EditionComparison): MarkedGraph {
  const nodes = new Map(shown.nodes.map((node) => [node.id, node]));
  const edgeKey = (source: string, type: string, target: string) => `${source}|${type}|${target}`;
  const edgesByKey = new Map(
    shown.edges.map((edge) => [edgeKey(edge.source, edge.type, edge.target), edge]),
  );
  const classes = new Map<string, string[]>();
  const marks = new Map<string, EditionMark>();
  const rows = new Map<string, ItemChange>();
  const ghosts: NodeData[] = [];
  const ghostEdges: EdgeData[] = [];
  const parentNow = parentFinder(comparison, nodes);

  const lostLine = (unitId: string, type: string, target: string) => {
    if (!nodes.has(unitId)) return;
    const id = `${GHOST_PREFIX}${edgeKey(unitId, type, target)}`;
    ghostEdges.push({ id, source: unitId, target, type, inferred: false });
    add(classes, id, 'ed-removed');
  };

  for (const row of comparison.items) {
    const after = row.to;
    if (after !== null) {
      if (!nodes.has(after.id)) continue;
      const mark: EditionMark = row.changes.includes('added') ? 'added' : 'changed';
      add(classes, after.id, `ed-${mark}`);
      marks.set(after.id, mark);
      rows.set(after.id, row);
      for (const unit of row.units) {
        if (!nodes.has(unit.unitId)) continue;
        add(classes, unit.unitId, 'ed-unit');
        const type = roleOf(unit.change);
        if (unit.change.endsWith('-gained')) {
          const edge = edgesByKey.get(edgeKey(unit.unitId, type, after.id));
          if (edge !== undefined) add(classes, edge.id, 'ed-added');
        } else {
          lostLine(unit.unitId, type, after.id);
        }
      }
      continue;
    }
    const before = row.from;
    if (before === null) continue;
    const id = `${GHOST_PREFIX}${before.id}`;
    const parentId = before.parent === null ? null : parentNow(before.parent);
    // Its theme filtered out of the view: the ghost is left out with the theme's items.
    if (before.parent !== null && parentId === null) continue;
    ghosts.push({
      id,
      kind: before.kind,
      label: before.title,
      title: before.title,
      ref: before.ref,
      parentId,
      unitCount: row.units.length,
    });
    add(classes, id, 'ed-removed');
    marks.set(id, 'removed');
    rows.set(id, row);
    for (const unit of row.units) {
      if (!nodes.has(unit.unitId)) continue;
      add(classes, unit.unitId, 'ed-unit');
      lostLine(unit.unitId, roleOf(unit.change), id);
    }
  }

  // Ghosts go last among what they sit under (their old neighbours may be gone or renumbered),
  // in the older edition's order; a removed theme after the last theme.
  const shownAndGhosts = new Map([...nodes, ...ghosts.map((ghost) => [ghost.id, ghost] as const)]);
  const lastKey = new Map<string, number>();
  for (const node of shown.nodes) {
    const key = `${node.kind}|${node.parentId ?? ''}`;
    lastKey.set(key, Math.max(lastKey.get(key) ?? 0, node.sortKey ?? 0));
  }
  ghosts.forEach((ghost, order) => {
    const key = `${ghost.kind}|${ghost.parentId ?? ''}`;
    const parent = ghost.parentId === null ? undefined : shownAndGhosts.get(ghost.parentId ?? '');
    const after = Math.max(lastKey.get(key) ?? 0, parent?.sortKey ?? 0);
    ghost.sortKey = after + (order + 1) / (ghosts.length + 1);
    lastKey.set(key, Math.max(lastKey.get(key) ?? 0, ghost.sortKey));
  });
  // The outline line that ties a ghost to its parent, as UNDER ties an item to its theme.
  for (const ghost of ghosts) {
    if (ghost.parentId === null || ghost.parentId === undefined) continue;
    if (!shownAndGhosts.has(ghost.parentId)) continue;
    const id = `${GHOST_PREFIX}${edgeKey(ghost.id, 'UNDER', ghost.parentId)}`;
    ghostEdges.push({ id, source: ghost.id, target: ghost.parentId, type: 'UNDER' });
    add(classes, id, 'ed-removed');
  }
  return {
    shown: { nodes: [...shown.nodes, ...ghosts], edges: [...shown.edges, ...ghostEdges] },
    classes,
    marks,
    rows,
  };
}

export interface EditionDrawOptions {
  lang: Lang;
  englishPrefix: string;
  layout: 'layered' | 'force';
  /** Width over height of the screen area the graph is fitted to. */
  aspect: number;
}

/** Cytoscape's elements for the marked graph: laid out as the explorer lays out a plan. */
export function editionElements(
  marked: MarkedGraph,
  options: EditionDrawOptions,
): (CyNode | CyEdge)[] {
  const layered = options.layout === 'layered';
  const { nodes, edges } = marked.shown;
  const positions = layered
    ? layeredPositions(nodes, edges, nodeSize, { ...LAYERED_DEFAULTS, aspect: options.aspect })
    : undefined;
  const elements = toElements(marked.shown, {
    lang: options.lang,
    englishPrefix: options.englishPrefix,
    positions,
    layered,
  });
  return elements.map((element) => {
    const extra = marked.classes.get(element.data.id);
    const mark = marked.marks.get(element.data.id);
    if (extra === undefined && mark === undefined) return element;
    const classes = [element.classes, ...(extra ?? [])].filter((name) => name !== '').join(' ');
    if (element.group === 'edges' || mark === undefined) return { ...element, classes };
    const display = `${MARK_SIGNS[mark]}${element.data.display}`;
    return { ...element, classes, data: { ...element.data, display, edition: mark } };
  });
}
