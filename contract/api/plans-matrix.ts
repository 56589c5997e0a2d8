// The responsibility matrix over plans (GET /api/matrix/plans): one column per plan loaded, each
// cell a unit's figures in that plan. The figures are the plan's unit-load row for the unit, so a
// row's sums are its portfolio-load row (cypher/portfolio-by-plan.cypher). One schema for the
// rows the server reads back from Neo4j and the answer the page parses.
import * as z from 'zod/mini';
import { optionalFlag, optionalText } from './fields.ts';
import { PlanSummary } from './plans.ts';

/** A unit's figures in one plan: a row of portfolio-by-plan. */
export const UnitPlanCell = z.looseObject({
  unit: z.string(),
  unitId: z.string(),
  englishName: optionalText,
  collective: optionalFlag,
  planId: z.string(),
  leads: z.number(),
  inferredLeads: z.number(),
  supports: z.number(),
  load: z.number(),
});
export type UnitPlanCell = z.infer<typeof UnitPlanCell>;

export const PlansMatrixAnswer = z.looseObject({
  /** Every plan loaded, or the chosen set's, in the plans list's order: the matrix's columns. */
  plans: z.array(PlanSummary),
  /** Whether the columns are a set of plans chosen with `plans=` (选定规划), not every plan. */
  chosenPlans: optionalFlag,
  /** Whether collective units (各区人民政府, …) have rows. */
  collectives: z.boolean(),
  /** One per unit and plan that names it; a unit a plan does not name has no cell there. */
  cells: z.array(UnitPlanCell),
});
export type PlansMatrixAnswer = z.infer<typeof PlansMatrixAnswer>;
