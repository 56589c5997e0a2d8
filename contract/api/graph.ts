// One node (GET /api/node) and a node's neighbourhood (GET /api/neighbourhood): the explorer's
// click and expand.
import * as z from 'zod/mini';
import { Elements, NodeData } from './elements.ts';
import { CoveredPlan } from './hotspots.ts';
import { UnitFigures } from './units.ts';

export const NodeAnswer = z.object({
  // A unit also has its figures in each plan that names it.
  node: z.extend(NodeData, { metrics: z.optional(z.array(UnitFigures)) }),
});
export type NodeAnswer = z.infer<typeof NodeAnswer>;

export const Neighbourhood = z.object({
  /** The id of the node asked about; its data has distance 0, its neighbours 1 or 2. */
  center: z.string(),
  elements: Elements,
  /** The neighbours left out, by the relationship type that reaches them. */
  more: z.object({ count: z.number(), byType: z.record(z.string(), z.number()) }),
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

/** GET /api/paths: each path as node ids, first to last, and the elements they draw. */
export const PathsAnswer = z.looseObject({
  paths: z.array(z.array(z.string())),
  elements: Elements,
  /** The plans whose items a route may run through: the one asked for, or every plan loaded. */
  plans: z.array(CoveredPlan),
  allPlans: z.boolean(),
  /** Whether the routes run only through a set of plans chosen with `plans=` (选定规划). */
  chosenPlans: z.optional(z.boolean()),
});
export type PathsAnswer = z.infer<typeof PathsAnswer>;
