// The war map's answer (GET /api/progress/map), from the items' states (item-state.ts) and the
// units' loads: which colour each item takes, which items have gone quiet, and each unit's share
// of late items. Pure; the route reads Neo4j and hands the rows here.
import {
  mapStateOf,
  SOON_DAYS,
  STALE_DAYS,
  type MapItem,
  type MapUnit,
  type ProgressMap,
} from '../../contract/api/progress-map.ts';
import type { ItemState } from '../../contract/progress.ts';

/** A unit of the plan with its load and the items it leads or supports. */
export interface UnitItems {
  unitId: string;
  load: number;
  itemIds: readonly string[];
}

/** The date `days` before an ISO date (YYYY-MM-DD). */
export function daysBefore(today: string, days: number): string {
  const ms = Date.parse(`${today}T00:00:00Z`) - days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Gone quiet: not done, and nothing reported since the day STALE_DAYS before today (a report
 * exactly that many days ago still counts). Never reported is quiet too: a planner chasing
 * bureaus before the 调度会 wants those first. The report's date is its UTC date.
 */
export function isStale(state: Pick<ItemState, 'status' | 'lastReportedAt'>, today: string) {
  if (state.status === 'done') return false;
  if (state.lastReportedAt === null) return true;
  return state.lastReportedAt.slice(0, 10) < daysBefore(today, STALE_DAYS);
}

export function mapItem(state: ItemState, today: string): MapItem {
  return {
    id: state.itemId,
    state: mapStateOf(state),
    status: state.status,
    percent: state.percent,
    dueKind: state.dueKind,
    dueDate: state.dueDate,
    deadline: state.deadline,
    overdue: state.overdue,
    dueSoon: state.dueSoon,
    lastReportedAt: state.lastReportedAt,
    stale: isStale(state, today),
  };
}

/** Themes are headings, not work: the map colours and counts the items under them. */
export function warMap(
  planId: string,
  today: string,
  states: readonly ItemState[],
  units: readonly UnitItems[],
): ProgressMap {
  const items = states.filter((state) => state.kind !== 'theme').map((s) => mapItem(s, today));
  const byId = new Map(items.map((item) => [item.id, item]));
  const mapUnits = units.map((unit): MapUnit => {
    const mine = unit.itemIds.filter((id) => byId.has(id));
    const late = mine.filter((id) => byId.get(id)?.state === 'late').length;
    return {
      id: unit.unitId,
      load: unit.load,
      items: mine.length,
      late,
      lateShare: mine.length === 0 ? 0 : late / mine.length,
    };
  });
  return {
    plan: planId,
    today,
    staleDays: STALE_DAYS,
    soonDays: SOON_DAYS,
    items,
    units: mapUnits,
  };
}
