// Health, the plans loaded, and a whole plan as a graph.
import * as z from 'zod/mini';
import { Elements } from './elements.ts';
import { CoveredPlan } from './hotspots.ts';

/** GET /api/health: 200 even when Neo4j is down, so the page can say so. */
export const Health = z.object({
  neo4j: z.enum(['up', 'down']),
  plans: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type Health = z.infer<typeof Health>;

/**
 * A plan loaded, with its counts: a row of graph/api/queries/plan-summaries.cypher as it comes.
 * A plan's header fields it did not print are null.
 */
export const PlanSummary = z.looseObject({
  id: z.string(),
  title: z.string(),
  issuer: z.nullable(z.string()),
  date: z.nullable(z.string()),
  jurisdiction: z.string(),
  itemCount: z.nullable(z.number()),
  unitCount: z.nullable(z.number()),
  edgeCount: z.nullable(z.number()),
  /** Changes when the plan is replaced: what kept answers depend on. */
  sourceSha256: z.nullable(z.string()),
});
export type PlanSummary = z.infer<typeof PlanSummary>;
export const PlanList = z.array(PlanSummary);

/**
 * GET /api/plans/graph: one plan's graph (`plan` its id), or with `plans=all` the union of every
 * loaded plan's (`plan` is then ALL_PLANS): one node per unit, whichever plans name it, each item
 * with its `planId`. `plans` lists the plans drawn, in the plans list's order.
 */
export const PlanGraph = z.object({
  plan: z.string(),
  elements: Elements,
  plans: z.optional(z.array(CoveredPlan)),
  allPlans: z.optional(z.boolean()),
});
export type PlanGraph = z.infer<typeof PlanGraph>;
