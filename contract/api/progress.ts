// An item's progress over HTTP (docs/api.md, "Progress"): where it stands on the server's today,
// its dated records newest first, a planner's deadline changes, and for an indicator its actual
// values by year against the target. The writes' bodies are here too, so the browser's form and
// the server read one definition.
import * as z from 'zod/mini';
import {
  DeadlineChange,
  IndicatorValue,
  ItemState,
  ProgressRecord,
  Status,
  TrajectoryYear,
} from '../progress.ts';

/** An indicator's target as the graph keeps it, and its values by year judged against it. */
export const IndicatorTrajectory = z.object({
  target: z.nullable(
    z.object({
      comparator: z.nullable(z.string()),
      value: z.nullable(z.number()),
      measure: z.nullable(z.string()),
      text: z.nullable(z.string()),
    }),
  ),
  years: z.array(TrajectoryYear),
  /** Every value recorded, newest first (corrections included). */
  values: z.array(IndicatorValue),
});
export type IndicatorTrajectory = z.infer<typeof IndicatorTrajectory>;

/** GET /api/progress?plan=&item= */
export const ProgressAnswer = z.object({
  /** The server's date (YYYY-MM-DD): "overdue" and "due soon" are measured from it. */
  today: z.string(),
  item: ItemState,
  history: z.array(ProgressRecord),
  deadlines: z.array(DeadlineChange),
  /** For an indicator; null for any other item. */
  indicator: z.nullable(IndicatorTrajectory),
});
export type ProgressAnswer = z.infer<typeof ProgressAnswer>;

const ItemRef = {
  plan: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  item: z.string().check(z.minLength(1), z.maxLength(500)),
};

/** POST /api/progress: at least one of status, note, percent (contract/progress.ts). */
export const ProgressPost = z.object({
  ...ItemRef,
  status: z.optional(Status),
  note: z.optional(z.string().check(z.maxLength(4_000))),
  percent: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
});
export type ProgressPost = z.infer<typeof ProgressPost>;

/** POST /api/progress/deadline: `due` as a document prints it ("2027年6月底前") or an ISO date. */
export const DeadlinePost = z.object({
  ...ItemRef,
  due: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type DeadlinePost = z.infer<typeof DeadlinePost>;

/** POST /api/progress/indicator: an actual value for a year. */
export const IndicatorPost = z.object({
  ...ItemRef,
  year: z.number().check(z.int(), z.minimum(1949), z.maximum(2200)),
  value: z.number(),
  note: z.optional(z.string().check(z.maxLength(4_000))),
});
export type IndicatorPost = z.infer<typeof IndicatorPost>;

export const RECORD_KINDS = ['progress', 'deadline', 'indicator'] as const;

/** POST /api/progress/attach: a record a reload left unattached, attached by a planner. */
export const AttachPost = z.object({
  plan: ItemRef.plan,
  /** The record's id, of any kind. */
  record: z.string().check(z.minLength(1), z.maxLength(100)),
  item: ItemRef.item,
});
export type AttachPost = z.infer<typeof AttachPost>;

/** A record a reload could not place (GET /api/progress/unattached). */
export const UnattachedView = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  itemId: z.string(),
  itemRef: z.nullable(z.string()),
  itemTitle: z.nullable(z.string()),
  at: z.string(),
  by: z.string(),
  status: z.nullable(z.string()),
  note: z.nullable(z.string()),
  deadline: z.nullable(z.string()),
  year: z.nullable(z.number()),
  value: z.nullable(z.number()),
});
export type UnattachedView = z.infer<typeof UnattachedView>;

export const UnattachedAnswer = z.object({
  plan: z.string(),
  records: z.array(UnattachedView),
});
export type UnattachedAnswer = z.infer<typeof UnattachedAnswer>;

/** POST /api/progress/attach's answer: the record and the item it is on now. */
export const AttachAnswer = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  itemId: z.string(),
  itemRef: z.nullable(z.string()),
  itemTitle: z.nullable(z.string()),
});
export type AttachAnswer = z.infer<typeof AttachAnswer>;
