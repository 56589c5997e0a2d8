// How far a task has got: the five statuses a 督办台账 uses, a progress update as a liaison
// sends it, a record as it is kept (every change a new dated record, nothing overwritten), and
// the rules for "overdue" and "due soon" that the map, the rankings and the reports share.
import * as z from 'zod/mini';

export const STATUSES = ['not-started', 'in-progress', 'done', 'late', 'paused'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const STATUS_WORDS: Readonly<Record<Status, { zh: string; en: string }>> = {
  'not-started': { zh: '未启动', en: 'Not started' },
  'in-progress': { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  late: { zh: '滞后', en: 'Late' },
  paused: { zh: '暂缓', en: 'Paused' },
};

// The words ledgers print in their 状态 column, each read as one status. Longer words first, so
// 未完成 is not read as 完成.
const STATUS_TEXT: readonly (readonly [RegExp, Status])[] = [
  [/^(未启动|未开始|尚未启动|未开展)$/u, 'not-started'],
  [/^(未完成|滞后|进度滞后|延期|逾期|逾期未完成|落后)$/u, 'late'],
  [/^(暂缓|暂停|缓办|中止)$/u, 'paused'],
  [/^(已完成|完成|已办结|办结|已落实|已销号|销号)$/u, 'done'],
  [/^(推进中|正在推进|进行中|在建|持续推进|序时推进|按序时推进|正常推进|已启动)$/u, 'in-progress'],
];

/** A ledger's 状态 cell as a status; null when the words are not a status guatu knows. */
export function statusOfText(text: string): Status | null {
  const words = text.replace(/[\s。.、]/gu, '');
  for (const [pattern, status] of STATUS_TEXT) if (pattern.test(words)) return status;
  return null;
}

/** What a liaison sends: at least one of status, note or percent. */
export const ProgressUpdate = z
  .object({
    status: z.optional(Status),
    note: z.optional(z.string().check(z.maxLength(4_000))),
    percent: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
  })
  .check(
    z.refine(
      (update) =>
        update.status !== undefined || update.note !== undefined || update.percent !== undefined,
      {
        message:
          'a progress update needs a status, a note or a percent / 进展需包含状态、说明或完成比例',
      },
    ),
  );
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

/** Where a record came from: a liaison's update, a ledger import, or a planner's edit. */
export const PROGRESS_SOURCES = ['update', 'ledger', 'planner'] as const;

export const ProgressRecord = z.object({
  id: z.string(),
  itemId: z.string(),
  planId: z.string(),
  /** The item's number and title when the record was made: a new edition is matched on them. */
  itemRef: z.nullable(z.string()),
  itemTitle: z.nullable(z.string()),
  /** The item id it was recorded on, when a reload moved it to a renumbered item. */
  movedFrom: z.optional(z.nullable(z.string())),
  /** Set when a reload found no item for it: listed for a planner to attach. */
  unattached: z.optional(z.nullable(z.boolean())),
  /** When it was recorded (ISO 8601, UTC). */
  at: z.string(),
  /** The account that recorded it (`local` in local mode). */
  by: z.string(),
  source: z.enum(PROGRESS_SOURCES),
  status: z.nullable(Status),
  note: z.nullable(z.string()),
  percent: z.nullable(z.number()),
});
export type ProgressRecord = z.infer<typeof ProgressRecord>;

/** An item's deadline as the model keeps it (see graph/model/plan.ts `Due`). */
export interface DueLike {
  dueKind?: string | null;
  dueDate?: string | null;
}

/** Days from `today` to the deadline (negative: past it); null without a dated deadline. */
export function daysToDue(due: DueLike, today: string): number | null {
  if (due.dueKind !== 'date' || !due.dueDate) return null;
  const ms = Date.parse(`${due.dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Number.isNaN(ms) ? null : Math.round(ms / 86_400_000);
}

/**
 * Overdue: the deadline has passed and the item is not done. A paused item counts too: pausing
 * is a reason a planner reads beside it, not a way off the overdue list.
 */
export function isOverdue(due: DueLike, status: Status | null, today: string): boolean {
  const days = daysToDue(due, today);
  return days !== null && days < 0 && status !== 'done';
}

/** Due soon: not done, and the deadline falls within the next `within` days (today included). */
export function isDueSoon(
  due: DueLike,
  status: Status | null,
  today: string,
  within = 30,
): boolean {
  const days = daysToDue(due, today);
  return days !== null && days >= 0 && days <= within && status !== 'done';
}

/** How a deadline reads: a date, a recurrence (每季度) or ongoing (长期坚持). */
export const DUE_KINDS = ['date', 'recurring', 'ongoing'] as const;
export const DueKind = z.enum(DUE_KINDS);

/**
 * A planner's change of an item's deadline: its own dated record, never written over the item
 * (a reload rewrites items), the newest one in force.
 */
export const DeadlineChange = z.object({
  id: z.string(),
  itemId: z.string(),
  planId: z.string(),
  itemRef: z.nullable(z.string()),
  itemTitle: z.nullable(z.string()),
  movedFrom: z.optional(z.nullable(z.string())),
  unattached: z.optional(z.nullable(z.boolean())),
  at: z.string(),
  by: z.string(),
  /** As the planner typed it ("2027年6月底前"), or the ISO date typed. */
  deadline: z.string(),
  dueKind: z.nullable(DueKind),
  dueDate: z.nullable(z.string()),
});
export type DeadlineChange = z.infer<typeof DeadlineChange>;

/**
 * Where an item stands today: the latest record's status (else the document's own status word),
 * the latest note, and the deadline in force (a planner's newest change, else the document's).
 */
export const ItemState = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  status: z.nullable(Status),
  percent: z.nullable(z.number()),
  note: z.nullable(z.string()),
  lastReportedAt: z.nullable(z.string()),
  dueKind: z.nullable(DueKind),
  dueDate: z.nullable(z.string()),
  /** The deadline as printed (or as the planner typed it). */
  deadline: z.nullable(z.string()),
  /** Whether the deadline in force is a planner's change rather than the document's. */
  deadlineChanged: z.boolean(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
});
export type ItemState = z.infer<typeof ItemState>;

/** An indicator's actual value for a year, as recorded (its own record, never overwritten). */
export const IndicatorValue = z.object({
  id: z.string(),
  itemId: z.string(),
  planId: z.string(),
  itemRef: z.nullable(z.string()),
  itemTitle: z.nullable(z.string()),
  at: z.string(),
  by: z.string(),
  year: z.number().check(z.int(), z.minimum(1949), z.maximum(2200)),
  value: z.number(),
  note: z.nullable(z.string()),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** An indicator's target as the graph keeps it (graph/model/plan.ts `Target`). */
export interface TargetLike {
  comparator: string | null;
  value: number | null;
}

/** How far "左右" (about, comparator `~`) reaches: within this share of the target value. */
export const ABOUT_TOLERANCE = 0.1;

export const TRACKS = ['on-track', 'off-track', 'unknown'] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_WORDS: Readonly<Record<Track, { zh: string; en: string }>> = {
  'on-track': { zh: '符合目标', en: 'On track' },
  'off-track': { zh: '偏离目标', en: 'Off track' },
  unknown: { zh: '无法判断', en: 'Cannot tell' },
};

/**
 * A year's actual value against the indicator's target, by the target's comparator: ≥, >, ≤, <
 * and = as written; 左右 (`~`) within ABOUT_TOLERANCE of the target. A target with no number
 * (完成省下达目标, 与经济增长同步) cannot be judged from the value alone: `unknown`.
 */
export function trackOf(target: TargetLike | null, value: number): Track {
  if (target === null || target.value === null || target.comparator === null) return 'unknown';
  const goal = target.value;
  switch (target.comparator) {
    case '>=':
      return value >= goal ? 'on-track' : 'off-track';
    case '>':
      return value > goal ? 'on-track' : 'off-track';
    case '<=':
      return value <= goal ? 'on-track' : 'off-track';
    case '<':
      return value < goal ? 'on-track' : 'off-track';
    case '=':
      return Math.abs(value - goal) < 1e-9 ? 'on-track' : 'off-track';
    case '~':
      return Math.abs(value - goal) <= Math.abs(goal) * ABOUT_TOLERANCE ? 'on-track' : 'off-track';
    default:
      return 'unknown';
  }
}

/** One year of an indicator's trajectory: the newest value recorded for that year. */
export const TrajectoryYear = z.object({
  year: z.number(),
  value: z.number(),
  track: z.enum(TRACKS),
  at: z.string(),
  by: z.string(),
});
export type TrajectoryYear = z.infer<typeof TrajectoryYear>;

/**
 * Values by year, oldest year first, each the newest record of its year (`values` in the order
 * recorded: of two at the same instant the later wins), judged on the target.
 */
export function trajectoryOf(
  target: TargetLike | null,
  values: readonly IndicatorValue[],
): TrajectoryYear[] {
  const newest = new Map<number, IndicatorValue>();
  for (const value of values) {
    const kept = newest.get(value.year);
    if (kept === undefined || value.at >= kept.at) newest.set(value.year, value);
  }
  return [...newest.values()]
    .sort((a, b) => a.year - b.year)
    .map((value) => ({
      year: value.year,
      value: value.value,
      track: trackOf(target, value.value),
      at: value.at,
      by: value.by,
    }));
}
