// How two things connect: unit ↔ unit by the shortest routes through shared items, unit ↔ theme
// by every route through the unit's tasks. Without a plan, unit ↔ unit routes run through the
// items of every plan loaded (the 全部规划 scope), with `plans=` through those of a chosen set
// (选定规划); a theme is one plan's, and so are its routes.
import { Hono } from 'hono';
import { z } from 'zod';
import type { PathsAnswer } from '../../../contract/api/graph.ts';
import type { ApiContext } from '../context.ts';
import { kindOf, nodeIdOf, toElements } from '../elements.ts';
import { HttpError } from '../http-error.ts';
import { PlanSetParam, planOrPlans } from '../plan-set.ts';
import { lookupRows } from '../rows.ts';
import { Count, Flag, NodeId, PlanParam, queryOf } from '../validate.ts';
import { notFound } from './graph.ts';

const PathsQuery = z.object({
  from: NodeId,
  to: NodeId,
  plan: PlanParam,
  plans: PlanSetParam,
  collectives: Flag(false),
  limit: Count(1, 100, 20),
});

export function pathsRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/paths', async (c) => {
    const query = queryOf(c, PathsQuery);
    planOrPlans(query.plan, query.plans);
    const signal = c.req.raw.signal;
    // Checked whatever the ends: an unknown id is refused, not passed over.
    const chosen = query.plans === undefined ? undefined : await api.planIds(query.plans, signal);
    if (query.from === query.to) {
      throw new HttpError(400, 'same_node', 'from and to are the same node; pick two');
    }
    const [from, to] = await Promise.all(
      [query.from, query.to].map(async (id) => {
        const [row] = await lookupRows(api, 'node-by-id', { id }, signal);
        if (row === undefined) throw notFound(id);
        const planId = row.node.properties['planId'];
        return {
          id,
          kind: kindOf(row.node.labels),
          planId: typeof planId === 'string' ? planId : undefined,
          // A unit's plans: those it is active in.
          activeIn: row.metrics.map((figures) => figures.planId),
        };
      }),
    );
    if (from === undefined || to === undefined) throw notFound(query.from);

    let rows;
    let covered: string[];
    if (from.kind === 'unit' && to.kind === 'unit') {
      const planIds = chosen ?? (await api.planIds(query.plan, signal));
      covered = planIds;
      const named = (unit: { activeIn: string[] }) =>
        unit.activeIn.some((planId) => planIds.includes(planId));
      // A unit these plans never name has no route through their items. Asked anyway, Neo4j
      // finds the shortest route through other plans, sees it fail the plans' filter and falls
      // back to trying every route of up to eight steps: minutes, not an empty answer.
      rows =
        !named(from) || !named(to)
          ? []
          : await lookupRows(
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
      covered = theme.planId === undefined ? [] : [theme.planId];
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
    const plans = await api.plans(signal);
    const answer: PathsAnswer = {
      paths: rows.map(({ path }) => path.nodes.map(nodeIdOf)),
      elements: toElements(
        rows.flatMap(({ path }) => path.nodes),
        rows.flatMap(({ path }) => path.relationships),
      ),
      plans: plans
        .filter((plan) => covered.includes(plan.id))
        .map(({ id, title, jurisdiction }) => ({ id, title, jurisdiction })),
      allPlans: query.plan === undefined && chosen === undefined && covered.length > 1,
      // A theme's routes stay in its plan: the set chose nothing there.
      ...(chosen !== undefined && from.kind === 'unit' && to.kind === 'unit'
        ? { chosenPlans: true }
        : {}),
    };
    return c.json(answer);
  });

  return routes;
}
