// The responsibility matrix (责任矩阵) as data: units × themes, each cell the items a unit leads
// and supports under a theme. Built from the plan's elements the explorer already holds — the
// same LEADS/SUPPORTS edges the graph draws and the unit panel counts — filtered by the explorer's
// own filter function (shownGraph), so there is no second way of counting. Pure.
import type { PlanSummary } from '../../../contract/api/plans.ts';
import type { EdgeData, NodeData } from '../api/schema.ts';
import { isAssignment, themeOf, type PlanIndex } from '../graph/plan-index.ts';
import { nodeName, roleOf, shownGraph, type ShownView } from '../graph/to-elements.ts';
import type { Lang } from '../i18n/messages.ts';
import type { MatrixColumns } from '../state/matrix.ts';

export type MatrixRole = 'lead' | 'owner' | 'support';

/** Items outside every theme are grouped by kind, so a row's totals are the unit's whole load. */
export const GROUP_KINDS = ['indicator', 'project', 'requirement', 'task', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export interface MatrixColumn {
  /**
   * A theme's or an item's id, `group:<kind>` for the items outside the themes, or a plan's id
   * (units × plans, plans-matrix.ts).
   */
  key: string;
  /** The node a column stands for (theme or item); null for a group or a plan. */
  node: NodeData | null;
  group: GroupKind | null;
  /** The plan a column stands for in the matrix over plans; null otherwise. */
  plan: PlanSummary | null;
  ref: string;
  title: string;
}

export interface CellItem {
  id: string;
  ref: string;
  title: string;
  kind: string;
  role: MatrixRole;
}

export interface MatrixCell {
  /** Items led, inferred leads included (as every lead count in guatu). */
  leads: number;
  /** The part of `leads` that is a lead by the rule (the item names no lead): 推定牵头. */
  inferredLeads: number;
  supports: number;
  /** In plan order. */
  items: CellItem[];
}

export interface MatrixRow {
  /** The unit's id. */
  id: string;
  name: string;
  leads: number;
  inferredLeads: number;
  supports: number;
  /** 工作量: 1 per item led, 0.5 per item supported — the app's one definition. */
  load: number;
  /** By column key; a column the unit has nothing in is absent. */
  cells: ReadonlyMap<string, MatrixCell>;
}

export interface Matrix {
  /** In the default order: most load first. */
  rows: MatrixRow[];
  /** In plan order: themes, then the groups; items by their theme or group, then as printed. */
  columns: MatrixColumn[];
  /** The largest cell load, which the shading is relative to. */
  maxCellLoad: number;
}

export const cellLoad = (cell: Pick<MatrixCell, 'leads' | 'supports'>): number =>
  cell.leads + cell.supports / 2;

/**
 * What the matrix counts: the plan's nodes and edges under the explorer's filters (roles, kinds,
 * theme, unit categories, collectives, hidden nodes), always over the whole plan — a focused view
 * or an expansion changes what the canvas draws, not who answers for what. The selection is not
 * kept against the filters here (the graph keeps it so a searched-for bureau is seen; a matrix row
 * must not count items the filters leave out).
 */
export function matrixEdges(
  index: PlanIndex,
  planNodeIds: readonly string[],
  view: ShownView,
): EdgeData[] {
  const shown = shownGraph(index, planNodeIds, new Map(), {
    ...view,
    selected: null,
    scope: 'plan',
    expanded: [],
    links: false,
  });
  return shown.edges.filter(isAssignment);
}

/** What of the view the matrix's edges depend on, as one string: equal strings, equal edges. */
export function filterKey(view: ShownView): string {
  return [
    view.kinds.join(','),
    view.roles.join(','),
    view.theme ?? '',
    view.hiddenCategories.join(','),
    String(view.collectives),
    view.hidden.join(','),
  ].join('\n');
}

function groupOf(kind: string): GroupKind {
  return (GROUP_KINDS as readonly string[]).includes(kind) ? (kind as GroupKind) : 'other';
}

/** The column an item falls in: its theme, or its kind's group; itself when columns are items. */
function columnKeyOf(index: PlanIndex, item: NodeData, by: MatrixColumns): string {
  if (by === 'items') return item.id;
  return themeOf(index, item.id) ?? `group:${groupOf(item.kind)}`;
}

const ROLE_ORDER: Record<MatrixRole, number> = { lead: 0, owner: 1, support: 2 };

/** The matrix of these assignment edges (matrixEdges); units with nothing counted are left out. */
export function buildMatrix(
  index: PlanIndex,
  edges: readonly EdgeData[],
  { by, lang, englishPrefix = '' }: { by: MatrixColumns; lang: Lang; englishPrefix?: string },
): Matrix {
  const rows = new Map<string, MatrixRow & { cells: Map<string, MatrixCell> }>();
  const columns = new Map<string, MatrixColumn>();
  for (const edge of edges) {
    const role = roleOf(edge);
    const unit = index.nodes.get(edge.source);
    const item = index.nodes.get(edge.target);
    if (role === null || unit === undefined || item === undefined) continue;
    const key = columnKeyOf(index, item, by);
    if (!columns.has(key)) {
      const group = key.startsWith('group:') ? groupOf(key.slice('group:'.length)) : null;
      const node = group === null ? (index.nodes.get(key) ?? null) : null;
      columns.set(key, {
        key,
        node,
        group,
        plan: null,
        ref: node?.ref ?? '',
        title: node === null ? '' : nodeName(node, lang, englishPrefix),
      });
    }
    let row = rows.get(unit.id);
    if (row === undefined) {
      row = {
        id: unit.id,
        name: nodeName(unit, lang, englishPrefix),
        leads: 0,
        inferredLeads: 0,
        supports: 0,
        load: 0,
        cells: new Map(),
      };
      rows.set(unit.id, row);
    }
    let cell = row.cells.get(key);
    if (cell === undefined) {
      cell = { leads: 0, inferredLeads: 0, supports: 0, items: [] };
      row.cells.set(key, cell);
    }
    const lead = role !== 'support';
    cell.leads += lead ? 1 : 0;
    cell.inferredLeads += role === 'owner' ? 1 : 0;
    cell.supports += lead ? 0 : 1;
    cell.items.push({
      id: item.id,
      ref: item.ref ?? '',
      title: nodeName(item, lang, englishPrefix),
      kind: item.kind,
      role,
    });
    row.leads += lead ? 1 : 0;
    row.inferredLeads += role === 'owner' ? 1 : 0;
    row.supports += lead ? 0 : 1;
  }
  let maxCellLoad = 0;
  const order = (id: string) => index.nodes.get(id)?.sortKey ?? 0;
  for (const row of rows.values()) {
    row.load = cellLoad(row);
    for (const cell of row.cells.values()) {
      maxCellLoad = Math.max(maxCellLoad, cellLoad(cell));
      cell.items.sort(
        (a, b) => order(a.id) - order(b.id) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
      );
    }
  }
  // Document order (sortKey is the place in the whole notice): a theme where it is printed, a
  // group where its first item is — indicators (一) before the themes (二), projects (三) after.
  const rank = new Map<string, number>();
  for (const row of rows.values()) {
    for (const [key, cell] of row.cells) {
      const column = columns.get(key);
      const first =
        column?.group === null && column.node !== null
          ? (column.node.sortKey ?? 0)
          : Math.min(...cell.items.map((item) => order(item.id)));
      rank.set(key, Math.min(rank.get(key) ?? Number.POSITIVE_INFINITY, first));
    }
  }
  return {
    rows: [...rows.values()].sort(byLoad),
    columns: [...columns.values()].sort(
      (a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0) || a.key.localeCompare(b.key),
    ),
    maxCellLoad,
  };
}

/** Most load first; then most items led; then the unit's id, so the order never wavers. */
export function byLoad(a: MatrixRow, b: MatrixRow): number {
  return b.load - a.load || b.leads - a.leads || a.id.localeCompare(b.id);
}
