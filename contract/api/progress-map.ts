// The war map (作战图, GET /api/progress/map): every item's standing on the server's today, and
// every unit's share of late items. One rule decides an item's colour on the map, here, so the
// canvas, its legend, the timeline and the server's counts cannot disagree.
import * as z from 'zod/mini';
import { Status } from '../progress.ts';

/** How the war map draws an item: its status as the planner reads it at a glance. */
export const MAP_STATES = ['done', 'on-track', 'late', 'not-started', 'paused'] as const;
export const MapState = z.enum(MAP_STATES);
export type MapState = z.infer<typeof MapState>;

/** No progress reported for this many days (or never): 60日未报送进展. */
export const STALE_DAYS = 60;
/** Due within this many days, today included: 30日内到期. */
export const SOON_DAYS = 30;

/**
 * Late wins over everything but done: an item past its deadline reads as late whatever its
 * ledger says (a paused item past due too — isOverdue counts it). An item without a status yet
 * is not started.
 */
export function mapStateOf(item: { status: Status | null; overdue: boolean }): MapState {
  if (item.status === 'done') return 'done';
  if (item.overdue || item.status === 'late') return 'late';
  if (item.status === 'paused') return 'paused';
  if (item.status === 'in-progress') return 'on-track';
  return 'not-started';
}

export const MapItem = z.object({
  id: z.string(),
  state: MapState,
  /** The latest status recorded (or the document's own), null when none. */
  status: z.nullable(Status),
  percent: z.nullable(z.number()),
  /** The effective deadline: a planner's change, else the document's. */
  dueKind: z.nullable(z.string()),
  dueDate: z.nullable(z.string()),
  /** The deadline as printed (or as the planner typed it). */
  deadline: z.nullable(z.string()),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  lastReportedAt: z.nullable(z.string()),
  /** Not done, and no progress reported in STALE_DAYS days (or never). */
  stale: z.boolean(),
});
export type MapItem = z.infer<typeof MapItem>;

export const MapUnit = z.object({
  id: z.string(),
  /** Weighted load in the plan (1 per item led + 0.5 per item supported). */
  load: z.number(),
  /** Items the unit leads or supports. */
  items: z.number(),
  /** Of them, late on the map (overdue, or reported late). */
  late: z.number(),
  /** late / items, 0 when the unit has none. */
  lateShare: z.number(),
});
export type MapUnit = z.infer<typeof MapUnit>;

export const ProgressMap = z.object({
  plan: z.string(),
  /** The server's today (YYYY-MM-DD): the page never uses its own clock for deadlines. */
  today: z.string(),
  staleDays: z.number(),
  soonDays: z.number(),
  items: z.array(MapItem),
  units: z.array(MapUnit),
});
export type ProgressMap = z.infer<typeof ProgressMap>;
