// How two things connect: unit ↔ unit by the shortest routes through shared items, unit ↔ theme
// by every route through the unit's tasks.
import { Hono } from 'hono';
import { z } from 'zod';
import type { PathsAnswer } from '../../../contract/api/graph.ts';
import type { ApiContext } from '../context.ts';
import { kindOf, nodeIdOf, toElements } from '../elements.ts';
import { HttpError } from '../http-error.ts';
import { lookupRows } from '../rows.ts';
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
        const [row] = await lookupRows(api, 'node-by-id', { id }, signal);
        if (row === undefined) throw notFound(id);
        return { id, kind: kindOf(row.node.labels) };
      }),
    );
    if (from === undefined || to === undefined) throw notFound(query.from);

    let rows;
    if (from.kind === 'unit' && to.kind === 'unit') {
      const planIds = await api.planIds(query.plan, signal);
      rows = await lookupRows(
        api,
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
      rows = await lookupRows(
        api,
        'unit-theme-routes',
        { unitId: unit.id, themeId: theme.id },
        signal,
      );
    } else {
      throw new HttpError(
        400,
        'unsupported_path',
        `paths join two units, or a unit and a theme; got a ${from.kind} and a ${to.kind}`,
      );
    }
    const answer: PathsAnswer = {
      paths: rows.map(({ path }) => path.nodes.map(nodeIdOf)),
      elements: toElements(
        rows.flatMap(({ path }) => path.nodes),
        rows.flatMap(({ path }) => path.relationships),
      ),
    };
    return c.json(answer);
  });

  return routes;
}
