// A theme's reach: the units that answer for its tasks, most leads first.
import { Hono } from 'hono';
import { z } from 'zod';
import { toJson, type JsonNode } from '../../queries/to-json.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { assignmentOf, itemBrief, nodeDetail, unitBrief } from '../shapes.ts';
import { NodeId, queryOf } from '../validate.ts';

interface ReachRow {
  unit: JsonNode;
  leads: number;
  supports: number;
  items: { item: JsonNode; type: string; role: string | null; inferred: boolean | null }[];
}

export function themesRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/themes/reach', async (c) => {
    const { id } = queryOf(c, z.object({ id: NodeId }));
    const { records } = await api.lookup('theme-reach', { themeId: id }, c.req.raw.signal);
    const row = records[0];
    if (row === undefined) throw new HttpError(404, 'not_found', `no theme with id "${id}"`);
    const units = (toJson(row.get('units')) as unknown as ReachRow[]).map((entry) => ({
      unit: unitBrief(entry.unit),
      leads: entry.leads,
      supports: entry.supports,
      items: entry.items.map((assigned) => ({
        ...itemBrief(assigned.item),
        ...assignmentOf(assigned.type, assigned.role, assigned.inferred),
      })),
    }));
    return c.json({ theme: nodeDetail(toJson(row.get('theme')) as JsonNode), units });
  });

  return routes;
}
