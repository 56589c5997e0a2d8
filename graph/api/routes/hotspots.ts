// The rankings a planner opens first: who carries the most, which items have too many leads,
// which pairs coordinate most, who brokers, which units cluster, who spans themes, and what rests
// on collective units. Each is a query of cypher/, run with the plan and the caller's limit.
import { Hono } from 'hono';
import { z } from 'zod';
import type { HotspotAnswer, HotspotInfo } from '../../../contract/api/hotspots.ts';
import type { QueryDefinition } from '../../queries/header.ts';
import { bindParams } from '../../queries/params.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { PlanSetParam, planOrPlans } from '../plan-set.ts';
import { readRows } from '../read.ts';
import { answerOf } from '../results.ts';
import { OptionalCount, OptionalFlag, PlanParam, queryOf } from '../validate.ts';

/** The hotspot rankings, in the order the explorer lists them. */
export const HOTSPOT_NAMES = [
  'unit-load',
  // Over every plan loaded, not only the plan shown (issue 15): a bureau's whole load.
  'portfolio-load',
  'multi-lead-items',
  'coordination-pairs',
  'brokers',
  'communities',
  'cross-theme-units',
  'collective-exposure',
  'member-load',
  // Their twins over every plan loaded (issue 15): each figure the sum of the per-plan ranking's.
  'portfolio-coordination-pairs',
  'portfolio-member-load',
  // Progress (issue 14): they read the progress records, and today from the app's clock.
  'overdue-by-unit',
  'stalled-items',
  'progress-by-theme',
  'indicators-off-track',
] as const;

/**
 * The rankings over every plan, each with the per-plan ranking whose figures it adds up. The
 * others have no such twin: brokers and communities are places in one plan's network, and the
 * rest read one plan's items or progress.
 */
export const SUM_OF: Readonly<Record<string, string>> = {
  'portfolio-load': 'unit-load',
  'portfolio-coordination-pairs': 'coordination-pairs',
  'portfolio-member-load': 'member-load',
};

/**
 * Rankings that read progress records (Progress, DeadlineChange, IndicatorValue), which change
 * without the plan changing, and today's date: never kept answers.
 */
const PROGRESS_RANKINGS: ReadonlySet<string> = new Set([
  'overdue-by-unit',
  'stalled-items',
  'progress-by-theme',
  'indicators-off-track',
]);

const HotspotQuery = z.object({
  plan: PlanParam,
  // A chosen set (选定规划) for the rankings over plans: only those plans are counted.
  plans: PlanSetParam,
  // Absent: the query's own default (20 for most rankings, 50 for multi-lead-items).
  limit: OptionalCount(1, 500),
  collectives: OptionalFlag,
});

function hotspots(api: ApiContext): QueryDefinition[] {
  return HOTSPOT_NAMES.flatMap((name) =>
    api.queries.filter((definition) => definition.name === name),
  );
}

const declares = (definition: QueryDefinition, name: string) =>
  definition.params.some((param) => param.name === name);

export function hotspotsRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/hotspots', (c) =>
    c.json(
      hotspots(api).map((definition): HotspotInfo => ({
        name: definition.name,
        title: definition.purpose,
        titleZh: definition.purposeZh,
        definition: definition.description,
        definitionZh: definition.descriptionZh,
        allPlans: !declares(definition, 'planId'),
        ...(SUM_OF[definition.name] === undefined ? {} : { sumOf: SUM_OF[definition.name] }),
      })),
    ),
  );

  routes.get('/hotspots/:name', async (c) => {
    const name = c.req.param('name');
    const definition = hotspots(api).find((candidate) => candidate.name === name);
    if (definition === undefined) {
      throw new HttpError(
        404,
        'unknown_hotspot',
        `no ranking called "${name}" (rankings: ${hotspots(api)
          .map((known) => known.name)
          .join(', ')})`,
      );
    }
    const query = queryOf(c, HotspotQuery);
    planOrPlans(query.plan, query.plans);
    const signal = c.req.raw.signal;
    const given: Record<string, unknown> = {};
    // Each answer says which plans its figures cover: the one asked for, a chosen set, or all.
    const overPlans = !declares(definition, 'planId');
    if (query.plans !== undefined && !declares(definition, 'planIds')) {
      throw new HttpError(
        400,
        'plans_not_summed',
        `${name} counts one plan at a time: ask it with plan=, or ask a ranking over plans with plans= / 排名 ${name} 按单份规划计算,请用 plan= 指定规划`,
      );
    }
    const chosen = query.plans === undefined ? undefined : await api.planIds(query.plans, signal);
    const loaded = overPlans ? await api.plans(signal) : [];
    const covered = overPlans
      ? loaded.filter((plan) => chosen === undefined || chosen.includes(plan.id))
      : [await api.resolvePlan(query.plan, signal)];
    if (!overPlans) given['planId'] = covered[0]?.id;
    if (chosen !== undefined) given['planIds'] = chosen;
    if (query.limit !== undefined && declares(definition, 'limit')) given['limit'] = query.limit;
    if (declares(definition, 'today')) given['today'] = api.today();
    if (PROGRESS_RANKINGS.has(definition.name)) c.set('freshAnswer', true);
    if (query.collectives !== undefined && declares(definition, 'includeCollectives')) {
      given['includeCollectives'] = query.collectives;
    }
    const rows = await readRows(api.target(), definition.text, bindParams(definition, given), {
      timeoutMs: api.queryTimeoutMs,
      signal,
      label: definition.name,
      maxRows: api.maxRows,
    });
    const { columns, rows: values, truncated } = answerOf(rows);
    return c.json({
      name: definition.name,
      title: definition.purpose,
      titleZh: definition.purposeZh,
      definition: definition.description,
      definitionZh: definition.descriptionZh,
      ...(SUM_OF[definition.name] === undefined ? {} : { sumOf: SUM_OF[definition.name] }),
      columns,
      meanings: Object.fromEntries(
        definition.columns.map((column) => [column.name, column.meaning]),
      ),
      // Planners read Chinese first: each column's name and meaning in both languages.
      labels: Object.fromEntries(
        definition.columns.map((column) => [column.name, { zh: column.labelZh, en: column.label }]),
      ),
      meaningsZh: Object.fromEntries(
        definition.columns.map((column) => [column.name, column.meaningZh]),
      ),
      rows: values,
      truncated,
      plans: covered.map(({ id, title, jurisdiction }) => ({ id, title, jurisdiction })),
      allPlans: overPlans && chosen === undefined,
      ...(chosen === undefined ? {} : { chosenPlans: true }),
    } satisfies HotspotAnswer);
  });

  return routes;
}
