// A unit's profile: its figures in a plan, its items grouped by theme with role badges, and the
// units it shares items with.
import { Hono } from 'hono';
import { z } from 'zod';
import { toJson, type JsonNode } from '../../queries/to-json.ts';
import type { ApiContext } from '../context.ts';
import { HttpError } from '../http-error.ts';
import {
  assignmentOf,
  itemBrief,
  nodeDetail,
  unitBrief,
  type Assignment,
  type ItemBrief,
  type UnitBrief,
} from '../shapes.ts';
import { NodeId, PlanParam, queryOf } from '../validate.ts';

type ProfileItem = ItemBrief & Assignment;

interface ThemeGroup {
  theme: { id: string; ref: string; title: string };
  items: ProfileItem[];
}

interface ProfileRowItem {
  item: JsonNode;
  theme: JsonNode | null;
  type: string;
  role: string | null;
  inferred: boolean | null;
}

export function unitsRoutes(api: ApiContext): Hono {
  const routes = new Hono();

  routes.get('/units/profile', async (c) => {
    const query = queryOf(c, z.object({ id: NodeId, plan: PlanParam }));
    const signal = c.req.raw.signal;
    const plan = await api.resolvePlan(query.plan, signal);
    const { records } = await api.lookup(
      'unit-profile',
      { unitId: query.id, planId: plan.id },
      signal,
    );
    const row = records[0];
    if (row === undefined) throw new HttpError(404, 'not_found', `no unit with id "${query.id}"`);

    const themes = new Map<string, ThemeGroup>();
    const otherItems: ProfileItem[] = [];
    for (const entry of toJson(row.get('items')) as unknown as ProfileRowItem[]) {
      const item = {
        ...itemBrief(entry.item),
        ...assignmentOf(entry.type, entry.role, entry.inferred),
      };
      if (entry.theme === null) {
        otherItems.push(item);
        continue;
      }
      const theme = itemBrief(entry.theme);
      let group = themes.get(theme.id);
      if (group === undefined) {
        group = { theme: { id: theme.id, ref: theme.ref, title: theme.title }, items: [] };
        themes.set(theme.id, group);
      }
      group.items.push(item);
    }
    const partners = (
      toJson(row.get('partners')) as unknown as { unit: JsonNode; items: number }[]
    ).map((partner): { unit: UnitBrief; items: number } => ({
      unit: unitBrief(partner.unit),
      items: partner.items,
    }));
    const collectives = (toJson(row.get('collectives')) as unknown as JsonNode[]).map(unitBrief);
    return c.json({
      plan: plan.id,
      unit: nodeDetail(toJson(row.get('unit')) as JsonNode),
      metrics: toJson(row.get('metrics')),
      themes: [...themes.values()],
      otherItems,
      partners,
      memberOf: collectives,
    });
  });

  return routes;
}
