// How two things connect: unit ↔ unit by the shortest routes through shared items, unit ↔ theme
// by every route through the unit's tasks.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Path } from 'neo4j-driver';
import type { ApiContext } from '../context.ts';
import { collectGraph, kindOf, nodeIdOf, toElements } from '../elements.ts';
import { HttpError } from '../http-error.ts';
import { jsonNode } from '../shapes.ts';
import { Count, Flag, NodeId, PlanParam, queryOf } from '../validate.ts';
import { notFound } from './graph.ts';

const PathsQuery = z.object({
  from: NodeId,
  to: NodeId,
  plan: PlanParam,
  collectives: Flag(false),
  limit: Count(1, 100, 20),
});

export function pathsRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/paths', async (c) => {
    const query = queryOf(c, PathsQuery);
    const signal = c.req.raw.signal;
    if (query.from === query.to) {
      throw new HttpError(400, 'same_node', 'from and to are the same node; pick two');
    }
    const [from, to] = await Promise.all(
      [query.from, query.to].map(async (id) => {
        const { records } = await api.lookup('node-by-id', { id }, signal);
        const node = records[0]?.get('node');
        if (node === undefined) throw notFound(id);
        return { id, kind: kindOf(jsonNode(node).labels) };
      }),
    );
    if (from === undefined || to === undefined) throw notFound(query.from);

    let rows;
    if (from.kind === 'unit' && to.kind === 'unit') {
      const planIds = await api.planIds(query.plan, signal);
      rows = await api.lookup(
        'unit-paths',
        {
          fromId: from.id,
          toId: to.id,
          planIds,
          collectives: query.collectives,
          limit: query.limit,
        },
        signal,
      );
    } else if (
      (from.kind === 'unit' && to.kind === 'theme') ||
      (from.kind === 'theme' && to.kind === 'unit')
    ) {
      const [unit, theme] = from.kind === 'unit' ? [from, to] : [to, from];
      rows = await api.lookup('unit-theme-routes', { unitId: unit.id, themeId: theme.id }, signal);
    } else {
      throw new HttpError(
        400,
        'unsupported_path',
        `paths join two units, or a unit and a theme; got a ${from.kind} and a ${to.kind}`,
      );
    }
    const found = collectGraph(rows.records.map((record) => record.get('path')));
    const paths = rows.records.map((record) => {
      const path = record.get('path') as Path;
      return [path.start, ...path.segments.map((segment) => segment.end)].map((node) =>
        nodeIdOf(jsonNode(node)),
      );
    });
    return c.json({
      paths,
      elements: toElements(found.nodes.values(), found.relationships.values()),
    });
  });

  return routes;
}
