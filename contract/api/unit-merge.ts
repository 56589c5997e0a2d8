// A planner's decision that two units guatu kept apart are one, and its undoing, over HTTP
// (docs/api.md, "Units merged"). The decision is data in the graph (`UnitMerge`, docs/graph.md):
// every load applies it again, so it survives re-loads.
import * as z from 'zod/mini';

const UnitId = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));

/** POST /api/units/merge: every edge of `from` moves to `into`; `dryRun` counts and writes nothing. */
export const MergePost = z.object({
  from: UnitId,
  into: UnitId,
  note: z.optional(z.string().check(z.maxLength(2_000))),
  dryRun: z.optional(z.boolean()),
});
export type MergePost = z.infer<typeof MergePost>;

/** POST /api/units/split: one merge, by its id or by the unit merged away. */
export const SplitPost = z
  .object({
    merge: z.optional(UnitId),
    from: z.optional(UnitId),
  })
  .check(
    z.refine((body) => (body.merge === undefined) !== (body.from === undefined), {
      message: 'give either merge or from / 请给出合并编号或被合并的单位之一',
    }),
  );
export type SplitPost = z.infer<typeof SplitPost>;

/** What a merge moves (or moved back): edges by kind, the items and plans they reach. */
export const MergeCounts = z.object({
  leads: z.number(),
  supports: z.number(),
  memberships: z.number(),
  /** Distinct items led or supported. */
  items: z.number(),
  /** Plans the unit was named in. */
  plans: z.number(),
});
export type MergeCounts = z.infer<typeof MergeCounts>;

/** One merge as kept in the graph. */
export const UnitMergeView = z.object({
  id: z.string(),
  /** The unit merged away, and its short name as printed. */
  from: z.string(),
  fromName: z.string(),
  /** The unit that carries its edges now. */
  into: z.string(),
  intoName: z.nullable(z.string()),
  /** The account that merged, and when (ISO 8601, UTC). */
  by: z.string(),
  at: z.string(),
  note: z.nullable(z.string()),
});
export type UnitMergeView = z.infer<typeof UnitMergeView>;

/** The answer to a merge (or its dry run) and to a split. */
export const MergeAnswer = z.object({
  merge: UnitMergeView,
  moved: MergeCounts,
  /** True for a dry run: nothing was written. */
  dryRun: z.boolean(),
});
export type MergeAnswer = z.infer<typeof MergeAnswer>;

/** GET /api/units/merges[?unit=]: every merge, or those into one unit; newest first. */
export const MergesAnswer = z.object({ merges: z.array(UnitMergeView) });
export type MergesAnswer = z.infer<typeof MergesAnswer>;
