// A unit's profile: its figures in a plan, its items grouped by theme with role badges, the
// units it shares items with, and its figures in every plan that names it.
import { Hono } from 'hono';
import { z } from 'zod';
import type { ProfileItem, ThemeRef, UnitProfile } from '../../../contract/api/units.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import { lookupRows } from '../rows.ts';
import { profileItem, themeBrief, unitBrief, unitNode } from '../shapes.ts';
import { NodeId, PlanParam, queryOf } from '../validate.ts';

export function unitsRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/units/profile', async (c) => {
    const query = queryOf(c, z.object({ id: NodeId, plan: PlanParam }));
    const signal = c.req.raw.signal;
    const plan = await api.resolvePlan(query.plan, signal);
    const [row] = await lookupRows(
      api,
      'unit-panel',
      { unitId: query.id, planId: plan.id },
      signal,
    );
    if (row === undefined) throw new HttpError(404, 'not_found', `no unit with id "${query.id}"`);

    const themes = new Map<string, { theme: ThemeRef; items: ProfileItem[] }>();
    const otherItems: ProfileItem[] = [];
    for (const entry of row.items) {
      const item = profileItem(entry);
      if (entry.theme === null) {
        otherItems.push(item);
        continue;
      }
      const theme = themeBrief(entry.theme);
      let group = themes.get(theme.id);
      if (group === undefined) {
        group = { theme, items: [] };
        themes.set(theme.id, group);
      }
      group.items.push(item);
    }
    const answer: UnitProfile = {
      plan: plan.id,
      unit: unitNode(row.unit),
      metrics: row.metrics,
      themes: [...themes.values()],
      otherItems,
      partners: row.partners.map((partner) => ({
        unit: unitBrief(partner.unit),
        items: partner.items,
      })),
      memberOf: row.collectives.map(unitBrief),
      plans: row.plans,
      viaCollectives: {
        items: row.viaCollectives.items,
        collectives: row.viaCollectives.collectives.map((entry) => ({
          unit: unitBrief(entry.unit),
          items: entry.items,
        })),
      },
    };
    return c.json(answer);
  });

  return routes;
}
