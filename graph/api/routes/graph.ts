// One node, and a node's neighbourhood with a cap: the explorer's click and expand.
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
import { HttpError } from '../http-error.ts';
import { jsonNode, nodeDetail } from '../shapes.ts';
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
    const { records } = await api.lookup('node-by-id', { id }, c.req.raw.signal);
    const row = records[0];
    if (row === undefined) throw notFound(id);
    const node: Record<string, JsonValue> = { ...nodeDetail(jsonNode(row.get('node'))) };
    if (node['kind'] === 'unit') node['metrics'] = toJson(row.get('metrics'));
    return c.json({ node });
  });

  routes.get('/neighbourhood', async (c) => {
    const query = queryOf(c, NeighbourhoodQuery);
    const signal = c.req.raw.signal;
    const planId = await api.metricsPlan(query.plan, signal);
    const { records } = await api.lookup(
      'neighbourhood',
      { id: query.id, depth: query.depth, types: query.types, limit: query.limit, planId },
      signal,
    );
    const row = records[0];
    if (row === undefined) throw notFound(query.id);
    const kept = toJson(row.get('kept')) as { node: JsonNode; distance: number; via: string }[];
    const leftOut = toJson(row.get('leftOut')) as string[];
    const center = jsonNode(row.get('center'));
    const relationships = toJson(row.get('relationships')) as JsonRelationship[];
    const metrics = unitMetricsById(toJson(row.get('metrics')) as JsonValue[]);
    const byType: Record<string, number> = {};
    for (const type of leftOut) byType[type] = (byType[type] ?? 0) + 1;
    const elements = toElements(
      [center, ...kept.map((entry) => entry.node)],
      relationships,
      metrics,
    );
    // Distance from the centre, so the drawing can ring the neighbours.
    const distance = new Map(kept.map((entry) => [entry.node.properties['id'], entry.distance]));
    for (const { data } of elements.nodes) data['distance'] = distance.get(data.id) ?? 0;
    return c.json({
      center: elements.nodes[0]?.data.id ?? query.id,
      elements,
      more: { count: leftOut.length, byType },
    });
  });

  return routes;
}
