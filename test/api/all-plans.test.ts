// The 全部规划 and 选定规划 scopes (issue 15): with the seed and two more notices of the same city
// loaded, every ranking over every plan gives, row by row, the sum of its per-plan twin's rows in
// each plan (with how many plans, and each plan's share heaviest first), and over a chosen set of
// two (plans=) the sum over those two alone; each answer says which plans it covers; and the
// paths tool, asked without a plan, finds routes through the second plan's items (to a bureau
// only the second names, too), which it does not asked for the seed, and asked for a set, routes
// through that set's items only. An unknown plan in a set is refused, named.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathsAnswer } from '../../contract/api/graph.ts';
import type { HotspotAnswer, HotspotInfo } from '../../contract/api/hotspots.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { getQuery } from '../../graph/queries/registry.ts';
import { runQuery } from '../../graph/queries/run.ts';
import { renamedSeed, seedText, workReportText } from '../load/support.ts';
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
/** The 2023 work report division: the third plan, which with the second makes the chosen set. */
let third = '';
let titles: Map<string, string>;
/** Every plan loaded, and the set chosen of them (the seed left out). */
let everyPlan: string[] = [];
let chosen: string[] = [];

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  second = (await loadPlanText(driver, SECOND, 'second.txt', { database })).planId;
  third = (await loadPlanText(driver, workReportText, 'work-report.txt', { database })).planId;
  everyPlan = [SEED_PLAN, second, third];
  chosen = [second, third];
  app = seedApp(driver, database);
  const plans = await get<{ id: string; title: string }[]>(app, '/api/plans');
  titles = new Map(plans.body.map((plan) => [plan.id, plan.title]));
}, 120_000);

afterAll(() => removePlansOtherThanSeed(getDriver()));

type Row = Record<string, unknown>;

async function answer(name: string, plan?: string, plans?: string[]): Promise<HotspotAnswer> {
  const response = await get<HotspotAnswer>(app, `/api/hotspots/${name}`, {
    limit: 500,
    collectives: true,
    ...(plan === undefined ? {} : { plan }),
    ...(plans === undefined ? {} : { plans: plans.join(',') }),
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
async function whole(name: string, plan?: string | string[]): Promise<Row[]> {
  const declared = new Set(getQuery(name).params.map((param) => param.name));
  const params: Record<string, unknown> = { limit: 1_000_000 };
  if (declared.has('includeCollectives')) params['includeCollectives'] = true;
  if (typeof plan === 'string') params['planId'] = plan;
  if (Array.isArray(plan)) params['planIds'] = plan;
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

/** A ranking's rows over `plans` as its per-plan twin's rows summed, and each plan's shares. */
async function sumOver(
  { perPlan, key, figures, share }: Twin,
  plans: readonly string[],
): Promise<{ expected: Map<string, Row>; shares: Map<string, string[]> }> {
  const expected = new Map<string, Row>();
  const shares = new Map<string, string[]>();
  for (const plan of plans) {
    const rows = await whole(perPlan, plan);
    expect(rows.length, `${perPlan} in ${plan}`).toBeGreaterThan(0);
    for (const row of rows) {
      const sum = expected.get(key(row)) ?? { plans: 0 };
      sum['plans'] = Number(sum['plans']) + 1;
      for (const figure of figures) sum[figure] = Number(sum[figure] ?? 0) + Number(row[figure]);
      expected.set(key(row), sum);
      shares.set(key(row), [
        ...(shares.get(key(row)) ?? []),
        `${titles.get(plan) ?? plan} ${Number(row[share])}`,
      ]);
    }
  }
  return { expected, shares };
}

/** The figures of a ranking's rows by key, as sumOver gives them. */
const figuresOf = ({ key, figures }: Twin, rows: readonly Row[]) =>
  new Map(
    rows.map((row) => [
      key(row),
      Object.fromEntries(['plans', ...figures].map((figure) => [figure, row[figure]])),
    ]),
  );

describe('the rankings over every plan', () => {
  it.each(TWINS)('$name equals the sum of $perPlan over the plans, row by row', async (twin) => {
    const { name, figures } = twin;
    const { expected, shares } = await sumOver(twin, everyPlan);
    const all = { rows: await whole(name) };
    expect(figuresOf(twin, all.rows)).toEqual(expected);
    // Rows every plan shares, and (but for members: each district is a member in each) rows
    // of fewer plans.
    const counts = new Set(all.rows.map((row) => Number(row['plans'])));
    expect(Math.max(...counts)).toBe(everyPlan.length);
    if (name !== 'portfolio-member-load') expect(counts).toContain(1);
    // Each plan's share, the heaviest first, as each plan's own ranking gives it.
    for (const row of all.rows) {
      const parts = String(row['byPlan']).split('; ');
      expect(parts.toSorted()).toEqual((shares.get(twin.key(row)) ?? []).toSorted());
      const values = parts.map((part) => Number(part.split(' ').pop()));
      expect(values).toEqual(values.toSorted((a, b) => b - a));
    }
    // Heaviest first.
    const first = figures.at(-1) ?? '';
    const order = all.rows.map((row) => Number(row[first]));
    expect(order).toEqual(order.toSorted((a, b) => b - a));
  });

  it.each(TWINS)(
    '$name over a chosen set of two plans equals the sum of $perPlan over those two, row by row',
    async (twin) => {
      const { name } = twin;
      const { expected, shares } = await sumOver(twin, chosen);
      const rows = await whole(name, chosen);
      expect(figuresOf(twin, rows)).toEqual(expected);
      // Only the chosen plans' shares: the seed, left out, is named nowhere.
      const seedTitle = titles.get(SEED_PLAN) ?? '';
      for (const row of rows) {
        const parts = String(row['byPlan']).split('; ');
        expect(parts.toSorted()).toEqual((shares.get(twin.key(row)) ?? []).toSorted());
        expect(parts.some((part) => part.startsWith(`${seedTitle} `))).toBe(false);
      }
      // The API, asked with plans=, passes the set: its rows are the query's (up to its limit).
      const api = await get<HotspotAnswer>(app, `/api/hotspots/${name}`, {
        limit: 500,
        collectives: true,
        plans: chosen.join(','),
      });
      expect(api.status).toBe(200);
      expect(api.body.rows.length).toBe(Math.min(500, expected.size));
      for (const [key, figures] of figuresOf(twin, api.body.rows)) {
        expect(figures, key).toEqual(expected.get(key));
      }
      expect([api.body.allPlans, api.body.chosenPlans]).toEqual([false, true]);
      expect(api.body.plans.map((plan) => plan.id).toSorted()).toEqual(chosen.toSorted());
    },
  );

  it('gives a member of collectives every collective any plan names it under', async () => {
    const union = new Map<string, Set<string>>();
    for (const plan of everyPlan) {
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
    const loaded = everyPlan.toSorted();
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
    expect([...plansOf(all)]).toEqual(expect.arrayContaining([SEED_PLAN, second]));
    expect(all.allPlans).toBe(true);
    expect(all.plans.map((plan) => plan.id).toSorted()).toEqual(everyPlan.toSorted());

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

  it('with a chosen set, runs through the items of the chosen plans only', async () => {
    const to = await partner();
    const set = await paths({ from: FGW, to, plans: chosen.join(',') });
    expect(set.paths.length).toBeGreaterThan(0);
    const through = plansOf(set);
    expect(through).toContain(second);
    expect(through).not.toContain(SEED_PLAN);
    expect([set.allPlans, set.chosenPlans]).toEqual([false, true]);
    expect(set.plans.map((plan) => plan.id).toSorted()).toEqual(chosen.toSorted());
    // 市数据局 is the second plan's alone: reached in a set with it, not in one without it.
    const withSecond = await paths({ from: FGW, to: SJJ, plans: chosen.join(',') });
    expect(withSecond.paths.length).toBeGreaterThan(0);
    expect(plansOf(withSecond)).toEqual(new Set([second]));
    const without = await paths({ from: FGW, to: SJJ, plans: `${SEED_PLAN},${third}` });
    expect(without.paths).toEqual([]);
  });
});

describe('a chosen set of plans', () => {
  it('gives the matrix over plans the chosen plans’ columns and cells only', async () => {
    interface Matrix {
      plans: { id: string }[];
      cells: { planId: string; unitId: string; load: number }[];
      chosenPlans?: boolean;
    }
    const all = (await get<Matrix>(app, '/api/matrix/plans')).body;
    const set = await get<Matrix>(app, '/api/matrix/plans', { plans: chosen.join(',') });
    expect(set.status).toBe(200);
    expect(set.body.plans.map((plan) => plan.id).toSorted()).toEqual(chosen.toSorted());
    expect(set.body.chosenPlans).toBe(true);
    expect(set.body.cells).toEqual(all.cells.filter((cell) => chosen.includes(cell.planId)));
    expect(set.body.cells.length).toBeGreaterThan(0);
  });

  it('reads plans=all, as the plan graph and the address write it, as every plan', async () => {
    for (const [path, query] of [
      ['/api/hotspots/portfolio-load', { limit: 500 }],
      ['/api/paths', { from: FGW, to: SJJ }],
      ['/api/matrix/plans', {}],
    ] as const) {
      const every = await get<Record<string, unknown>>(app, path, query);
      const all = await get<Record<string, unknown>>(app, path, { ...query, plans: 'all' });
      expect(every.status, path).toBe(200);
      expect([all.status, all.body], path).toEqual([200, every.body]);
    }
  });

  it('refuses an unknown plan by its code, naming it in both languages', async () => {
    const plans = `${second},不存在的规划`;
    for (const [path, query] of [
      ['/api/hotspots/portfolio-load', { plans }],
      ['/api/paths', { from: FGW, to: SJJ, plans }],
      ['/api/matrix/plans', { plans }],
    ] as const) {
      const refused = await get<{ error: { code: string; message: string } }>(app, path, query);
      expect([refused.status, refused.body.error.code], path).toEqual([404, 'unknown_plan']);
      expect(refused.body.error.message, path).toContain('no plan with id "不存在的规划"');
      expect(refused.body.error.message, path).toContain('没有编号为“不存在的规划”的规划');
    }
    const both = await get<{ error: { code: string } }>(app, '/api/hotspots/portfolio-load', {
      plan: SEED_PLAN,
      plans: chosen.join(','),
    });
    expect([both.status, both.body.error.code]).toEqual([400, 'plan_and_plans']);
    const perPlan = await get<{ error: { code: string } }>(app, '/api/hotspots/unit-load', {
      plans: chosen.join(','),
    });
    expect([perPlan.status, perPlan.body.error.code]).toEqual([400, 'plans_not_summed']);
    const empty = await get<{ error: { code: string } }>(app, '/api/paths', {
      from: FGW,
      to: SJJ,
      plans: ',',
    });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'bad_request']);
  });
});
