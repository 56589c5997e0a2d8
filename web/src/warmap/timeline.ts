// The timeline's grid, worked out without a browser: items by the month of their deadline
// (columns, oldest first), with the deadlines no month holds — recurring (每季度), ongoing (长期),
// none — in columns of their own after them; rows by theme or by lead unit. Pure.
import type { MapItem, MapState } from '../../../contract/api/progress-map.ts';
import type { NodeData } from '../api/schema.ts';
import { assignmentsOf, themeOf, type PlanIndex } from '../graph/plan-index.ts';
import type { TimelineGroup, WarFilter } from '../state/warmap.ts';
import { keptByFilters } from './war-map.ts';

export type TimelineColumn =
  | { key: string; kind: 'month'; year: number; month: number }
  | { key: 'recurring' | 'ongoing' | 'undated'; kind: 'recurring' | 'ongoing' | 'undated' };

export interface TimelineCard {
  id: string;
  ref: string;
  title: string;
  state: MapState;
  /** The deadline as printed, else its date. */
  deadline: string;
  dueDate: string | null;
  overdue: boolean;
}

export interface TimelineRow {
  /** The theme's or unit's id; `none` for items outside the themes or with no lead. */
  key: string;
  node: NodeData | null;
  /** Cards by column key. */
  cells: ReadonlyMap<string, readonly TimelineCard[]>;
  count: number;
}

export interface TimelineGrid {
  columns: TimelineColumn[];
  rows: TimelineRow[];
  /** Cards in the grid (an item with two leads counts once). */
  items: number;
}

const UNDATED_KINDS = ['recurring', 'ongoing', 'undated'] as const;
const MONTH = /^\d{4}-\d{2}$/;

/** The column an item's deadline falls in. */
export function columnOf(item: Pick<MapItem, 'dueKind' | 'dueDate'>): string {
  if (item.dueKind === 'date' && item.dueDate !== null) return item.dueDate.slice(0, 7);
  if (item.dueKind === 'recurring') return 'recurring';
  if (item.dueKind === 'ongoing') return 'ongoing';
  return 'undated';
}

/** The rows an item belongs to: its theme, or each unit that leads it. */
function rowKeys(index: PlanIndex, id: string, group: TimelineGroup): string[] {
  if (group === 'theme') return [themeOf(index, id) ?? 'none'];
  const leads = assignmentsOf(index, id)
    .filter(({ edge }) => edge.type === 'LEADS')
    .map(({ unit }) => unit.id);
  return leads.length === 0 ? ['none'] : [...new Set(leads)];
}

export function timelineGrid(
  items: readonly MapItem[],
  index: PlanIndex,
  group: TimelineGroup,
  filters: readonly WarFilter[],
  /** Only these items (those the view shows); every item of the map when absent. */
  shown?: ReadonlySet<string>,
): TimelineGrid {
  const cells = new Map<string, Map<string, TimelineCard[]>>();
  const months = new Set<string>();
  const others = new Set<string>();
  let count = 0;
  for (const item of items) {
    const node = index.nodes.get(item.id);
    if (node === undefined || (shown !== undefined && !shown.has(item.id))) continue;
    if (!keptByFilters(item, filters)) continue;
    count += 1;
    const column = columnOf(item);
    if (MONTH.test(column)) months.add(column);
    else others.add(column);
    const card: TimelineCard = {
      id: item.id,
      ref: node.ref ?? '',
      title: node.title ?? node.label,
      state: item.state,
      deadline: item.deadline ?? item.dueDate ?? '',
      dueDate: item.dueDate,
      overdue: item.overdue,
    };
    for (const key of rowKeys(index, item.id, group)) {
      const row = cells.get(key) ?? new Map<string, TimelineCard[]>();
      cells.set(key, row);
      const cell = row.get(column) ?? [];
      row.set(column, cell);
      cell.push(card);
    }
  }
  const columns: TimelineColumn[] = [
    ...[...months].sort().map((key): TimelineColumn => ({
      key,
      kind: 'month',
      year: Number(key.slice(0, 4)),
      month: Number(key.slice(5, 7)),
    })),
    ...UNDATED_KINDS.filter((kind) => others.has(kind)).map((kind): TimelineColumn => ({
      key: kind,
      kind,
    })),
  ];
  const sortKey = (id: string) => index.nodes.get(id)?.sortKey ?? 0;
  const rows = [...cells].map(([key, row]): TimelineRow => {
    for (const cell of row.values()) {
      cell.sort(
        (a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || sortKey(a.id) - sortKey(b.id),
      );
    }
    const size = [...row.values()].reduce((sum, cell) => sum + cell.length, 0);
    return { key, node: index.nodes.get(key) ?? null, cells: row, count: size };
  });
  // Themes in the document's order; units with the most items first; the rest last.
  rows.sort((a, b) => {
    if (a.node === null || b.node === null) return a.node === null ? 1 : -1;
    if (group === 'theme') return (a.node.sortKey ?? 0) - (b.node.sortKey ?? 0);
    return b.count - a.count || (a.node.name ?? '').localeCompare(b.node.name ?? '', 'zh');
  });
  return { columns, rows, items: count };
}
