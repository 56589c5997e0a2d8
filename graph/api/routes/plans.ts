// Health, the plans loaded, and a whole plan as a graph.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Health, PlanGraph, PlanSummary } from '../../../contract/api/plans.ts';
import type { ApiContext } from '../context.ts';
import { toElements, unitMetricsById } from '../elements.ts';
import { HttpError } from '../http-error.ts';
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
    const query = queryOf(c, z.object({ plan: PlanParam }));
    const plan =
      query.plan === undefined
        ? await firstPlan(api, c.req.raw.signal)
        : await api.resolvePlan(query.plan, c.req.raw.signal);
    const [row] = await lookupRows(api, 'plan-graph', { planId: plan.id }, c.req.raw.signal);
    const answer: PlanGraph = {
      plan: plan.id,
      elements:
        row === undefined
          ? { nodes: [], edges: [] }
          : toElements(row.nodes, row.relationships, unitMetricsById(row.metrics)),
    };
    return c.json(answer);
  });

  return routes;
}
