// Health, the plans loaded, and a whole plan as a graph.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Elements } from '../../../contract/api/elements.ts';
import type { Health, PlanGraph, PlanSummary } from '../../../contract/api/plans.ts';
import { ALL_PLANS } from '../../../contract/api/plan-graph-url.ts';
import type { ApiContext } from '../context.ts';
import { toElements, unitMetricsById } from '../elements.ts';
import { HttpError } from '../http-error.ts';
import { unionOfPlanGraphs } from '../plans-union.ts';
import { lookupRows } from '../rows.ts';
import { PlanParam, queryOf } from '../validate.ts';

/**
 * The plan the explorer opens on when the address names none: the first of the plans list. The
 * web app asks for its graph this way at once, beside the list, instead of after it.
 */
async function firstPlan(api: ApiContext, signal: AbortSignal): Promise<PlanSummary> {
  const [first] = await api.plans(signal);
  if (first === undefined) {
    throw new HttpError(404, 'no_plan', 'no plan is loaded yet / 尚未载入任何方案');
  }
  return first;
}

/** One plan's graph as drawn: its units (with their figures in it), items and links. */
async function planElements(
  api: ApiContext,
  planId: string,
  signal: AbortSignal,
): Promise<Elements> {
  const [row] = await lookupRows(api, 'plan-graph', { planId }, signal);
  return row === undefined
    ? { nodes: [], edges: [] }
    : toElements(row.nodes, row.relationships, unitMetricsById(row.metrics));
}

// The date tells two editions of one notice apart on the canvas, where their short titles are one.
const covered = ({ id, title, jurisdiction, date }: PlanSummary) => ({
  id,
  title,
  jurisdiction,
  date,
});

// Health answers quickly or says "down": a load balancer or the web app's banner asks often.
const HEALTH_TIMEOUT_MS = 3_000;

export function plansRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/health', async (c) => {
    try {
      const plans = await lookupRows(api, 'health', {}, c.req.raw.signal, HEALTH_TIMEOUT_MS);
      const up: Health = { neo4j: 'up', plans };
      return c.json(up);
    } catch (error) {
      // Anything but an answer means the graph cannot be read; the reason stays in the log.
      console.error('[api] health:', error instanceof Error ? error.message : error);
      const down: Health = { neo4j: 'down', plans: [] };
      return c.json(down);
    }
  });

  routes.get('/plans', async (c) => {
    const plans: PlanSummary[] = await api.readPlans(c.req.raw.signal);
    return c.json(plans);
  });

  routes.get('/plans/graph', async (c) => {
    const query = queryOf(c, z.object({ plan: PlanParam, plans: z.enum(['all']).optional() }));
    const signal = c.req.raw.signal;
    if (query.plans === 'all') {
      if (query.plan !== undefined) {
        throw new HttpError(
          400,
          'plan_and_plans',
          'ask for one plan (plan=) or every plan (plans=all), not both / 请只指定一个规划(plan=)或全部规划(plans=all)',
        );
      }
      // Plan by plan, each the same named query as one plan's graph: a plan's answer is the
      // single-plan answer exactly, and the union only adds them up.
      const plans = await api.plans(signal);
      const graphs = await Promise.all(plans.map((plan) => planElements(api, plan.id, signal)));
      const answer: PlanGraph = {
        plan: ALL_PLANS,
        elements: unionOfPlanGraphs(graphs),
        plans: plans.map(covered),
        allPlans: true,
      };
      return c.json(answer);
    }
    const plan =
      query.plan === undefined
        ? await firstPlan(api, signal)
        : await api.resolvePlan(query.plan, signal);
    const answer: PlanGraph = { plan: plan.id, elements: await planElements(api, plan.id, signal) };
    return c.json(answer);
  });

  return routes;
}
