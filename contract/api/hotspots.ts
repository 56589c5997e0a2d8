// The rankings (GET /api/hotspots, /api/hotspots/:name). Ranking rows are any JSON: each ranking
// has its own columns, named in `columns` and explained in `meanings`.
import * as z from 'zod/mini';
import { optionalText } from './fields.ts';

/** A plan a figure covers: its id, and what its short title is made from. */
export const CoveredPlan = z.looseObject({
  id: z.string(),
  title: z.string(),
  jurisdiction: z.nullable(z.string()),
});
export type CoveredPlan = z.infer<typeof CoveredPlan>;

export const HotspotInfo = z.looseObject({
  name: z.string(),
  title: z.string(),
  titleZh: optionalText,
  definition: optionalText,
  definitionZh: optionalText,
  /** Whether the ranking counts every plan loaded rather than the one asked for. */
  allPlans: z.optional(z.boolean()),
  /** For a ranking over every plan: the per-plan ranking whose figures it adds up. */
  sumOf: optionalText,
});
export type HotspotInfo = z.infer<typeof HotspotInfo>;
export const HotspotList = z.array(HotspotInfo);

export const HotspotAnswer = z.looseObject({
  ...HotspotInfo.shape,
  columns: z.array(z.string()),
  meanings: z.optional(z.record(z.string(), z.string())),
  labels: z.optional(z.record(z.string(), z.object({ zh: z.string(), en: z.string() }))),
  meaningsZh: z.optional(z.record(z.string(), z.string())),
  rows: z.array(z.record(z.string(), z.unknown())),
  truncated: z.boolean(),
  /**
   * The plans the figures cover: the one asked for, the chosen set (`plans=`), or every plan
   * loaded (portfolio-load).
   */
  plans: z.array(CoveredPlan),
  /** Whether the ranking counts every plan loaded rather than one or a chosen set. */
  allPlans: z.boolean(),
  /** Whether the figures count only a set of plans chosen with `plans=` (选定规划). */
  chosenPlans: z.optional(z.boolean()),
});
export type HotspotAnswer = z.infer<typeof HotspotAnswer>;
