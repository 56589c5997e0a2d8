// The war map: GET /api/progress/map?plan= — every item's state on the server's today and every
// unit's share of late items (contract/api/progress-map.ts). Not a kept answer (kept-answers.ts
// lists the routes it keeps, and this is not one): progress changes without the plan changing,
// and "today" moves at midnight, so a key on the plans' version would serve yesterday's map.
// One read of two short queries per request is cheap beside drawing the plan.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ProgressMap } from '../../../contract/api/progress-map.ts';
import { itemStates } from '../../progress/item-state.ts';
import { warMap, type UnitItems } from '../../progress/war-map.ts';
import type { ApiContext } from '../context.ts';
import { withReadSession } from '../read.ts';
import { PlanParam, queryOf } from '../validate.ts';

// An item a unit both leads and supports counts once.
const UNITS = `
  MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
  RETURN unit.id AS unitId,
         active.load AS load,
         COLLECT {
           MATCH (unit)-[:LEADS|SUPPORTS]->(item:Item {planId: $planId})
           RETURN DISTINCT item.id
         } AS itemIds
  ORDER BY unitId`;

// load is a FLOAT on ACTIVE_IN (docs/graph.md): no Neo4j integer reaches the schema.
const UnitRow = z.object({
  unitId: z.string(),
  load: z.number(),
  itemIds: z.array(z.string()),
});

export function progressMapRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/progress/map', async (c) => {
    const query = queryOf(c, z.object({ plan: PlanParam }));
    const signal = c.req.raw.signal;
    const plan = await api.resolvePlan(query.plan, signal);
    const today = api.today();
    const answer = await withReadSession(
      api.target(),
      { timeoutMs: api.queryTimeoutMs, signal, label: 'progress-map' },
      (session) =>
        session.executeRead(
          async (tx): Promise<ProgressMap> => {
            const states = await itemStates(tx, plan.id, today);
            const result = await tx.run(UNITS, { planId: plan.id });
            const units: UnitItems[] = result.records.map((record) =>
              UnitRow.parse(record.toObject()),
            );
            return warMap(plan.id, today, states, units);
          },
          { timeout: api.queryTimeoutMs },
        ),
    );
    return c.json(answer);
  });

  return routes;
}
