// A theme's reach: the units that answer for its tasks, most leads first.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ThemeReach } from '../../../contract/api/units.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { lookupRows } from '../rows.ts';
import { itemNode, profileItem, unitBrief } from '../shapes.ts';
import { NodeId, queryOf } from '../validate.ts';

export function themesRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/themes/reach', async (c) => {
    const { id } = queryOf(c, z.object({ id: NodeId }));
    const [row] = await lookupRows(api, 'theme-panel', { themeId: id }, c.req.raw.signal);
    if (row === undefined) throw new HttpError(404, 'not_found', `no theme with id "${id}"`);
    const answer: ThemeReach = {
      theme: itemNode(row.theme),
      units: row.units.map((entry) => ({
        unit: unitBrief(entry.unit),
        leads: entry.leads,
        supports: entry.supports,
        items: entry.items.map(profileItem),
      })),
    };
    return c.json(answer);
  });

  return routes;
}
