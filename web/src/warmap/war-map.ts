// The war map on the canvas, worked out without a browser: what each node carries for the
// stylesheet (its state, a unit's late share, whether the filters leave it out), the legend's
// counts, and which items the progress filters keep. Pure; the canvas, the legend and the
// timeline all read these, so they cannot disagree.
import {
  MAP_STATES,
  type MapItem,
  type MapState,
  type ProgressMap,
} from '../../../contract/api/progress-map.ts';
import type { WarFilter } from '../state/warmap.ts';

/** The data a node carries on the war map (graph/stylesheet.ts reads `war…` fields). */
export interface WarNodeData {
  /** An item's state. */
  war?: MapState;
  /** A unit's share of late items, 0–100 (its pie wedge). */
  warLate?: number;
  /** Left out by the progress filters: stepped back. */
  warOut?: boolean;
}

/** The data fields applyWarmap sets, to clear them all when the war map is switched off. */
export const WAR_FIELDS = ['war', 'warLate', 'warOut'] as const;

const FILTERS: Record<WarFilter, (item: MapItem) => boolean> = {
  overdue: (item) => item.overdue,
  soon: (item) => item.dueSoon,
  stale: (item) => item.stale,
};

/** Whether an item meets any of the filters; every item does when none is chosen. */
export function keptByFilters(item: MapItem, filters: readonly WarFilter[]): boolean {
  return filters.length === 0 || filters.some((filter) => FILTERS[filter](item));
}

/**
 * Every item's and unit's war-map data by node id. With filters, items they leave out are
 * stepped back, and so is a unit none of whose kept items it answers for (`itemsOfUnit`).
 */
export function warNodeData(
  map: ProgressMap,
  filters: readonly WarFilter[],
  itemsOfUnit: (unitId: string) => readonly string[] = () => [],
): Map<string, WarNodeData> {
  const data = new Map<string, WarNodeData>();
  const kept = new Set<string>();
  for (const item of map.items) {
    const keep = keptByFilters(item, filters);
    if (keep) kept.add(item.id);
    data.set(item.id, keep ? { war: item.state } : { war: item.state, warOut: true });
  }
  for (const unit of map.units) {
    const late = Math.round(unit.lateShare * 1000) / 10;
    const out = filters.length > 0 && !itemsOfUnit(unit.id).some((id) => kept.has(id));
    data.set(unit.id, out ? { warLate: late, warOut: true } : { warLate: late });
  }
  return data;
}

/** How many of the items shown are in each state (all items when `shown` is not given). */
export function warCounts(
  map: ProgressMap,
  shown?: ReadonlySet<string>,
  filters: readonly WarFilter[] = [],
): Record<MapState, number> {
  const counts = Object.fromEntries(MAP_STATES.map((state) => [state, 0])) as Record<
    MapState,
    number
  >;
  for (const item of map.items) {
    if (shown !== undefined && !shown.has(item.id)) continue;
    if (!keptByFilters(item, filters)) continue;
    counts[item.state] += 1;
  }
  return counts;
}
