// The war map: GET /api/progress/map?plan= — every item's state on the server's today and every
// unit's share of late items (contract/api/progress-map.ts). Read on every refresh of the war map,
// while progress changes by the minute, so the answer itself is never kept. What is kept is the
// plan's shape (war-map.ts MapShape: the items as the document gives them, which units answer for
// which), among the API's answers under the plans' version like any graph answer: it changes only
// when a plan is loaded, and that changes the version, which every process reads from Neo4j
// (ApiContext.answersVersion). Each request then reads only the records, found by the plan's
// index and grouped by item (item-state.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { ProgressMap } from '../../../contract/api/progress-map.ts';
import { documentItems, itemRecords } from '../../progress/item-state.ts';
import {
  mapShapeOf,
  warMapOfShape,
  type MapShape,
  type UnitItems,
} from '../../progress/war-map.ts';
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

type ReadTx = Parameters<typeof documentItems>[0];

async function readShape(tx: ReadTx, planId: string): Promise<MapShape> {
  const items = await documentItems(tx, planId);
  const result = await tx.run(UNITS, { planId });
  const units: UnitItems[] = result.records.map((record) => UnitRow.parse(record.toObject()));
  return mapShapeOf(items, units);
}

export function progressMapRoutes(api: ApiContext): Hono {
  const routes = new Hono();
  // The kept JSON parsed, per plan: the cache hands back the same string until the shape is read
  // again, and parsing a 10,000-item plan's shape on every refresh would cost more than the rest.
  const parsed = new Map<string, { json: string; shape: MapShape }>();
  const shapeOf = (planId: string, json: string): MapShape => {
    const known = parsed.get(planId);
    if (known?.json === json) return known.shape;
    // Written by this module below, under the same version: no other shape to check.
    const shape = JSON.parse(json) as MapShape;
    parsed.set(planId, { json, shape });
    return shape;
  };

  routes.get('/progress/map', async (c) => {
    const query = queryOf(c, z.object({ plan: PlanParam }));
    const signal = c.req.raw.signal;
    const plan = await api.resolvePlan(query.plan, signal);
    const today = api.today();
    const version = await api.answersVersion(signal);
    const key = `progress-map-shape?plan=${plan.id}`;
    const kept = api.keptAnswer(version, key);
    const answer = await withReadSession(
      api.target(),
      { timeoutMs: api.queryTimeoutMs, signal, label: 'progress-map' },
      (session) =>
        session.executeRead(
          async (tx): Promise<ProgressMap> => {
            let shape = kept === undefined ? undefined : shapeOf(plan.id, kept);
            if (shape === undefined) {
              shape = await readShape(tx, plan.id);
              const json = JSON.stringify(shape);
              api.keepAnswer(version, key, json);
              parsed.set(plan.id, { json, shape });
            }
            return warMapOfShape(plan.id, today, shape, await itemRecords(tx, plan.id));
          },
          { timeout: api.queryTimeoutMs },
        ),
    );
    return c.json(answer);
  });

  return routes;
}
