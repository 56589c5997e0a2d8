// Health, the plans loaded, and a whole plan as a graph.
import { Hono } from 'hono';
import { z } from 'zod';
import {
  toJson,
  type JsonNode,
  type JsonRelationship,
  type JsonValue,
} from '../../queries/to-json.ts';
import type { ApiContext } from '../context.ts';
import { toElements, unitMetricsById } from '../elements.ts';
import { PlanParam, queryOf } from '../validate.ts';

// Health answers quickly or says "down": a load balancer or the web app's banner asks often.
const HEALTH_TIMEOUT_MS = 3_000;

export function plansRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/health', async (c) => {
    try {
      const { records } = await api.lookup('health', {}, c.req.raw.signal, HEALTH_TIMEOUT_MS);
      const plans = records.map((record) => ({
        id: String(record.get('id')),
        title: String(record.get('title')),
      }));
      return c.json({ neo4j: 'up', plans });
    } catch (error) {
      // Anything but an answer means the graph cannot be read; the reason stays in the log.
      console.error('[api] health:', error instanceof Error ? error.message : error);
      return c.json({ neo4j: 'down', plans: [] });
    }
  });

  routes.get('/plans', async (c) => c.json(await api.readPlans(c.req.raw.signal)));

  routes.get('/plans/graph', async (c) => {
    const query = queryOf(c, z.object({ plan: PlanParam }));
    const plan = await api.resolvePlan(query.plan, c.req.raw.signal);
    const { records } = await api.lookup('plan-graph', { planId: plan.id }, c.req.raw.signal);
    const row = records[0];
    if (row === undefined) return c.json({ plan: plan.id, elements: { nodes: [], edges: [] } });
    const nodes = (row.get('nodes') as unknown[]).map((node) => toJson(node) as JsonNode);
    const relationships = (row.get('relationships') as unknown[]).map(
      (relationship) => toJson(relationship) as JsonRelationship,
    );
    const metrics = unitMetricsById(toJson(row.get('metrics')) as JsonValue[]);
    return c.json({ plan: plan.id, elements: toElements(nodes, relationships, metrics) });
  });

  return routes;
}
