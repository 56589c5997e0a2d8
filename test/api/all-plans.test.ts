// The 全部规划 scope (issue 15): with the seed and a second notice of the same city loaded, every
// ranking over every plan gives, row by row, the sum of its per-plan twin's rows in each plan
// (with how many plans, and each plan's share heaviest first); each answer says which plans it
// covers; and the paths tool, asked without a plan, finds routes through the second plan's
// items (to a bureau only the second names, too), which it does not asked for the seed.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathsAnswer } from '../../contract/api/graph.ts';
import type { HotspotAnswer, HotspotInfo } from '../../contract/api/hotspots.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { getQuery } from '../../graph/queries/registry.ts';
import { runQuery } from '../../graph/queries/run.ts';
import { renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { FGW, get, loadSeed, SEED_PLAN, seedApp } from './support.ts';

useTestNeo4j();

// The seed's indicators and first themes under a title of its own: a second notice naming many
// of the seed's bureaus and collectives, and not all of them, and one bureau the seed never
// names (市数据局 where the seed has 市科技局).
const SECOND = renamedSeed(
  '全部规划二',
  seedText.split('\n').slice(0, 120).join('\n').replaceAll('市科技局', '市数据局'),
);
const SJJ = '武汉市/市数据局';

let app: Hono;
let second = '';
let titles: Map<string, string>;

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  second = (await loadPlanText(driver, SECOND, 'second.txt', { database })).planId;
  app = seedApp(driver, database);
  const plans = await get<{ id: string; title: string }[]>(app, '/api/plans');
  titles = new Map(plans.body.map((plan) => [plan.id, plan.title]));
}, 120_000);

afterAll(() => removePlansOtherThanSeed(getDriver()));

type Row = Record<string, unknown>;

async function answer(name: string, plan?: string): Promise<HotspotAnswer> {
  const response = await get<HotspotAnswer>(app, `/api/hotspots/${name}`, {
    limit: 500,
    collectives: true,
    ...(plan === undefined ? {} : { plan }),
  });
  expect(response.status, name).toBe(200);
  expect(response.body.truncated).toBe(false);
  // Fewer rows than the limit: the whole ranking, not its head.
  expect(response.body.rows.length, name).toBeLessThan(500);
  return response.body;
}

/**
 * A whole ranking, however long: the registry's query as the API runs it, with a limit above any
 * row count (the API caps it at 500, and the seed alone has more pairs than that).
 */
async function whole(name: string, plan?: string): Promise<Row[]> {
  const declared = new Set(getQuery(name).params.map((param) => param.name));
  const params: Record<string, unknown> = { limit: 1_000_000 };
  if (declared.has('includeCollectives')) params['includeCollectives'] = true;
  if (plan !== undefined) params['planId'] = plan;
  const result = await runQuery(getDriver(), name, params, { database: connection().database });
  expect(result.truncated).toBe(false);
  return result.rows;
}

interface Twin {
  name: string;
  perPlan: string;
  /** A row's key: the unit, or the pair of units. */
  key: (row: Row) => string;
  figures: readonly string[];
  /** The figure each plan's share in byPlan gives. */
  share: string;
}

const TWINS: readonly Twin[] = [
  {
    name: 'portfolio-load',
    perPlan: 'unit-load',
    key: (row) => String(row['unitId']),
    figures: ['leads', 'inferredLeads', 'supports', 'load'],
    share: 'load',
  },
  {
    name: 'portfolio-coordination-pairs',
    perPlan: 'coordination-pairs',
    key: (row) => `${String(row['unitAId'])}|${String(row['unitBId'])}`,
    figures: ['sharedItems'],
    share: 'sharedItems',
  },
  {
    name: 'portfolio-member-load',
    perPlan: 'member-load',
    key: (row) => String(row['unitId']),
    figures: ['namedItems', 'viaCollectives', 'items'],
    share: 'items',
  },
];

describe('the rankings over every plan', () => {
  it.each(TWINS)(
    '$name equals the sum of $perPlan over the plans, row by row',
    async ({ name, perPlan, key, figures, share }) => {
      const expected = new Map<string, Row>();
      const shares = new Map<string, { title: string; value: number }[]>();
      for (const plan of [SEED_PLAN, second]) {
        const rows = await whole(perPlan, plan);
        expect(rows.length, `${perPlan} in ${plan}`).toBeGreaterThan(0);
        for (const row of rows) {
          const sum = expected.get(key(row)) ?? { plans: 0 };
          sum['plans'] = Number(sum['plans']) + 1;
          for (const figure of figures)
            sum[figure] = Number(sum[figure] ?? 0) + Number(row[figure]);
          expected.set(key(row), sum);
          shares.set(key(row), [
            ...(shares.get(key(row)) ?? []),
            { title: titles.get(plan) ?? plan, value: Number(row[share]) },
          ]);
        }
      }
      const all = { rows: await whole(name) };
      const got = new Map(
        all.rows.map((row) => [
          key(row),
          Object.fromEntries(['plans', ...figures].map((figure) => [figure, row[figure]])),
        ]),
      );
      expect(got).toEqual(expected);
      // Rows the two plans share, and (but for members: each district is a member in both) rows
      // of one plan alone.
      const counts = new Set(all.rows.map((row) => row['plans']));
      expect(counts).toEqual(new Set(name === 'portfolio-member-load' ? [2] : [1, 2]));
      // Each plan's share, the heaviest first, as each plan's own ranking gives it.
      for (const row of all.rows) {
        const parts = String(row['byPlan']).split('; ');
        const own = shares.get(key(row)) ?? [];
        expect(parts.toSorted()).toEqual(
          own.map((part) => `${part.title} ${part.value}`).toSorted(),
        );
        const values = parts.map((part) => Number(part.split(' ').pop()));
        expect(values).toEqual(values.toSorted((a, b) => b - a));
      }
      // Heaviest first.
      const first = figures.at(-1) ?? '';
      const order = all.rows.map((row) => Number(row[first]));
      expect(order).toEqual(order.toSorted((a, b) => b - a));
    },
  );

  it('gives a member of collectives every collective any plan names it under', async () => {
    const union = new Map<string, Set<string>>();
    for (const plan of [SEED_PLAN, second]) {
      for (const row of await whole('member-load', plan)) {
        const names = union.get(String(row['unitId'])) ?? new Set<string>();
        for (const name of row['collectives'] as string[]) names.add(name);
        union.set(String(row['unitId']), names);
      }
    }
    const rows = await whole('portfolio-member-load');
    expect(rows.length).toBe(union.size);
    for (const row of rows) {
      expect(row['collectives']).toEqual([...(union.get(String(row['unitId'])) ?? [])].toSorted());
    }
  });

  it('leaves collective units out of the pairs unless asked, as the per-plan ranking does', async () => {
    const without = await get<HotspotAnswer>(app, '/api/hotspots/portfolio-coordination-pairs', {
      limit: 500,
    });
    const perPlan = await get<HotspotAnswer>(app, '/api/hotspots/coordination-pairs', {
      limit: 500,
      plan: SEED_PLAN,
    });
    const collective = (await answer('unit-load', SEED_PLAN)).rows
      .filter((row) => row['collective'] === true)
      .map((row) => String(row['unit']));
    expect(collective).toContain('各区人民政府');
    const named = (rows: Row[]) =>
      rows.flatMap((row) => [String(row['unitA']), String(row['unitB'])]);
    expect(named(without.body.rows).filter((unit) => collective.includes(unit))).toEqual([]);
    expect(named(perPlan.body.rows).filter((unit) => collective.includes(unit))).toEqual([]);
    expect(named(await whole('portfolio-coordination-pairs'))).toContain('各区人民政府');
  });

  it('says which plans each ranking covers, and which per-plan ranking each adds up', async () => {
    const loaded = [SEED_PLAN, second].toSorted();
    for (const { name, perPlan } of TWINS) {
      const all = (await get<HotspotAnswer>(app, `/api/hotspots/${name}`, { limit: 5 })).body;
      expect(all.allPlans, name).toBe(true);
      expect(all.plans.map((plan) => plan.id).toSorted(), name).toEqual(loaded);
      expect(all['sumOf'], name).toBe(perPlan);
      const one = await answer(perPlan, second);
      expect([one.allPlans, one.plans.map((plan) => plan.id)], perPlan).toEqual([false, [second]]);
    }
    const listed = (await get<HotspotInfo[]>(app, '/api/hotspots')).body;
    const twins = listed.filter((entry) => entry.allPlans === true);
    expect(twins.map((entry) => [entry.name, entry.sumOf])).toEqual(
      TWINS.map(({ name, perPlan }) => [name, perPlan]),
    );
    expect(listed.filter((entry) => entry.allPlans !== false)).toEqual(twins);
    const titled = new Map(listed.map((entry) => [entry.name, entry.titleZh]));
    expect(titled.get('portfolio-coordination-pairs')).toBe(
      '全部规划协同单位对:计入所有已载入规划,共同承担事项最多的两个单位',
    );
    expect(titled.get('portfolio-member-load')).toBe(
      '全部规划集合分工落到成员:计入所有已载入规划,各成员单位被点名的事项与经由集合单位承担的事项',
    );
  });
});

describe('the paths tool over every plan', () => {
  /** A unit that shares items with 市发改委 in the second plan. */
  async function partner(): Promise<string> {
    const pairs = (await answer('coordination-pairs', second)).rows;
    const pair = pairs.find((row) => row['unitAId'] === FGW || row['unitBId'] === FGW);
    if (pair === undefined) throw new Error('市发改委 shares no item in the second plan');
    return String(pair['unitAId'] === FGW ? pair['unitBId'] : pair['unitAId']);
  }

  const paths = async (query: Record<string, string | number>) => {
    const response = await get<PathsAnswer>(app, '/api/paths', { limit: 100, ...query });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** The plans of the items the routes run through. */
  const plansOf = (found: PathsAnswer) => {
    const nodes = new Map(found.elements.nodes.map((node) => [node.data.id, node.data]));
    return new Set(
      found.paths.flatMap((path) =>
        path
          .map((id) => nodes.get(id))
          .filter((node) => node?.kind !== 'unit')
          .map((node) => String(node?.['planId'])),
      ),
    );
  };

  it('without a plan, runs through the items of every plan, and says so', async () => {
    const to = await partner();
    const all = await paths({ from: FGW, to });
    expect(all.paths.length).toBeGreaterThan(0);
    expect(plansOf(all)).toEqual(new Set([SEED_PLAN, second]));
    expect(all.allPlans).toBe(true);
    expect(all.plans.map((plan) => plan.id).toSorted()).toEqual([SEED_PLAN, second].toSorted());

    const seed = await paths({ from: FGW, to, plan: SEED_PLAN });
    expect(seed.paths.length).toBeGreaterThan(0);
    expect(plansOf(seed)).toEqual(new Set([SEED_PLAN]));
    expect([seed.allPlans, seed.plans.map((plan) => plan.id)]).toEqual([false, [SEED_PLAN]]);
    // Both plans' shortest routes are two steps: every one of the seed's is among all's.
    const routes = (found: PathsAnswer) => new Set(found.paths.map((path) => path.join('>')));
    for (const route of routes(seed)) expect(routes(all).has(route)).toBe(true);
    expect(routes(all).size).toBeGreaterThan(routes(seed).size);
  });

  it('reaches a bureau only the second plan names, which the seed alone does not', async () => {
    const all = await paths({ from: FGW, to: SJJ });
    expect(all.paths.length).toBeGreaterThan(0);
    expect(plansOf(all)).toEqual(new Set([second]));
    expect((await paths({ from: FGW, to: SJJ, plan: SEED_PLAN })).paths).toEqual([]);
    // The unit fields find it in the search over every plan, not in the seed's.
    const search = async (plan?: string) =>
      (
        await get<{ id: string }[]>(app, '/api/search', {
          q: '市数据局',
          kind: 'unit',
          ...(plan === undefined ? {} : { plan }),
        })
      ).body.map((hit) => hit.id);
    expect(await search()).toContain(SJJ);
    expect(await search(SEED_PLAN)).not.toContain(SJJ);
  });

  it('gives a theme’s routes within the theme’s plan, whatever the scope', async () => {
    const theme = `${second}/二(一)`;
    const found = await paths({ from: FGW, to: theme });
    expect(found.paths.length).toBeGreaterThan(0);
    expect(plansOf(found)).toEqual(new Set([second]));
    expect([found.allPlans, found.plans.map((plan) => plan.id)]).toEqual([false, [second]]);
  });
});
