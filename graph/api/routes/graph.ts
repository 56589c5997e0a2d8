// One node, and a node's neighbourhood with a cap: the explorer's click and expand.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Neighbourhood, NodeAnswer } from '../../../contract/api/graph.ts';
import type { ApiContext } from '../context.ts';
import { nodeData, nodeIdOf, toElements, unitMetricsById } from '../elements.ts';
import { HttpError } from '../http-error.ts';
import { lookupRows } from '../rows.ts';
import { Count, NodeId, PlanParam, queryOf } from '../validate.ts';

/** The relationship types of docs/graph.md: the only ones a `types=` filter may name. */
export const RELATIONSHIP_TYPES = [
  'LEADS',
  'SUPPORTS',
  'UNDER',
  'PART_OF',
  'MEMBER_OF',
  'DELEGATED_TO',
  'ACTIVE_IN',
  'COORDINATES_WITH',
] as const;

const TypeList = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? '')
      .split(',')
      .map((part) => part.trim().toUpperCase())
      .filter((part) => part !== ''),
  )
  .pipe(
    z.array(
      z.enum(RELATIONSHIP_TYPES, {
        error: `expected types among ${RELATIONSHIP_TYPES.join(', ')}`,
      }),
    ),
  );

const NeighbourhoodQuery = z.object({
  id: NodeId,
  depth: Count(1, 2, 1),
  types: TypeList,
  limit: Count(1, 500, 50),
  plan: PlanParam,
});

export function notFound(id: string): HttpError {
  return new HttpError(404, 'not_found', `no node with id "${id}"`);
}

export function graphRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/node', async (c) => {
    const { id } = queryOf(c, z.object({ id: NodeId }));
    const [row] = await lookupRows(api, 'node-by-id', { id }, c.req.raw.signal);
    if (row === undefined) throw notFound(id);
    const data = nodeData(row.node);
    const answer: NodeAnswer = {
      node: data.kind === 'unit' ? { ...data, metrics: row.metrics } : data,
    };
    return c.json(answer);
  });

  routes.get('/neighbourhood', async (c) => {
    const query = queryOf(c, NeighbourhoodQuery);
    const signal = c.req.raw.signal;
    const planId = await api.metricsPlan(query.plan, signal);
    const [row] = await lookupRows(
      api,
      'neighbourhood',
      { id: query.id, depth: query.depth, types: query.types, limit: query.limit, planId },
      signal,
    );
    if (row === undefined) throw notFound(query.id);
    const byType: Record<string, number> = {};
    for (const type of row.leftOut) byType[type] = (byType[type] ?? 0) + 1;
    const elements = toElements(
      [row.center, ...row.kept.map((entry) => entry.node)],
      row.relationships,
      unitMetricsById(row.metrics),
    );
    // Distance from the centre, so the drawing can ring the neighbours.
    const distance = new Map(row.kept.map((entry) => [nodeIdOf(entry.node), entry.distance]));
    for (const { data } of elements.nodes) data['distance'] = distance.get(data.id) ?? 0;
    const answer: Neighbourhood = {
      center: elements.nodes[0]?.data.id ?? query.id,
      elements,
      more: { count: row.leftOut.length, byType },
    };
    return c.json(answer);
  });

  return routes;
}
