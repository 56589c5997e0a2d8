// The war map's answer (GET /api/progress/map): which colour each item takes, which items have
// gone quiet, and each unit's share of late items. Built from the plan's shape — its items as the
// document gives them and which units answer for which — and the records kept beside the items.
// The shape changes only when the plan is loaded again, so the route keeps it; the records are
// read afresh. Pure; the route reads Neo4j and hands the rows here.
import {
  mapStateOf,
  SOON_DAYS,
  STALE_DAYS,
  type MapItem,
  type MapUnit,
  type ProgressMap,
} from '../../contract/api/progress-map.ts';
import type { ItemState } from '../../contract/progress.ts';
import { standingOf, type DocumentItem, type ItemRecords, type Standing } from './item-state.ts';

/** A unit of the plan with its load and the items it leads or supports (each once). */
export interface UnitItems {
  unitId: string;
  load: number;
  itemIds: readonly string[];
}

/** An item on the map as the document gives it. */
export type ShapeItem = Pick<
  DocumentItem,
  'documentStatus' | 'dueKind' | 'dueDate' | 'deadline'
> & {
  id: string;
};

/**
 * The plan as the war map draws it, whatever its progress: the items on the map in document
 * order, and each unit with the positions of its items among them. Survives a JSON round trip
 * (the route keeps it as JSON), and positions are far smaller than ids: a 10,000-item plan names
 * its units on 100,000 edges.
 */
export interface MapShape {
  items: ShapeItem[];
  units: { id: string; load: number; items: number[] }[];
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

const onMap = <T extends { kind: string }>(items: readonly T[]) =>
  items.filter((item) => item.kind !== 'theme');

/** Each unit with the positions of its items among `ids` (items it names off the map left out). */
function unitPositions(ids: readonly string[], units: readonly UnitItems[]): MapShape['units'] {
  const position = new Map(ids.map((id, at) => [id, at]));
  return units.map((unit) => ({
    id: unit.unitId,
    load: unit.load,
    items: unit.itemIds.flatMap((id) => position.get(id) ?? []),
  }));
}

/** Themes are headings, not work: the map colours and counts the items under them. */
export function mapShapeOf(items: readonly DocumentItem[], units: readonly UnitItems[]): MapShape {
  const shown = onMap(items);
  return {
    items: shown.map(({ itemId, documentStatus, dueKind, dueDate, deadline }) => ({
      id: itemId,
      documentStatus,
      dueKind,
      dueDate,
      deadline,
    })),
    units: unitPositions(
      shown.map((item) => item.itemId),
      units,
    ),
  };
}

export function mapItem(id: string, standing: Standing, today: string): MapItem {
  return {
    id,
    state: mapStateOf(standing),
    status: standing.status,
    percent: standing.percent,
    dueKind: standing.dueKind,
    dueDate: standing.dueDate,
    deadline: standing.deadline,
    overdue: standing.overdue,
    dueSoon: standing.dueSoon,
    lastReportedAt: standing.lastReportedAt,
    stale: isStale(standing, today),
  };
}

function answer(
  planId: string,
  today: string,
  items: MapItem[],
  units: MapShape['units'],
): ProgressMap {
  const mapUnits = units.map((unit): MapUnit => {
    let late = 0;
    for (const at of unit.items) if (items[at]?.state === 'late') late += 1;
    return {
      id: unit.id,
      load: unit.load,
      items: unit.items.length,
      late,
      lateShare: unit.items.length === 0 ? 0 : late / unit.items.length,
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

/** The map from the items' states (item-state.ts itemStates) and the units' items. */
export function warMap(
  planId: string,
  today: string,
  states: readonly ItemState[],
  units: readonly UnitItems[],
): ProgressMap {
  const shown = onMap(states);
  return answer(
    planId,
    today,
    shown.map((state) => mapItem(state.itemId, state, today)),
    unitPositions(
      shown.map((state) => state.itemId),
      units,
    ),
  );
}

/** The same map from the plan's shape and its records: what the route reads on each refresh. */
export function warMapOfShape(
  planId: string,
  today: string,
  shape: MapShape,
  records: ReadonlyMap<string, ItemRecords>,
): ProgressMap {
  const items = shape.items.map((item) =>
    mapItem(item.id, standingOf(item, records.get(item.id), today), today),
  );
  return answer(planId, today, items, shape.units);
}
