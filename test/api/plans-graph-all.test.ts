// The explorer's graph over every plan (全部规划, issue 15): GET /api/plans/graph?plans=all is the
// union of the per-plan graphs — one node per bureau whichever plans name it, each plan's items,
// themes and links side by side, each item with its plan — and says which plans it covers.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Elements } from '../../contract/api/elements.ts';
import { ALL_PLANS } from '../../contract/api/plan-graph-url.ts';
import { PlanGraph } from '../../contract/api/plans.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { workReportText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { FGW, get, loadSeed, SEED_PLAN, seedApp } from './support.ts';

useTestNeo4j();

let app: Hono;
let second = '';
let seedGraph: Elements;
let secondGraph: Elements;
let all: PlanGraph;

async function graphOf(query: Record<string, string>): Promise<PlanGraph> {
  const response = await get<unknown>(app, '/api/plans/graph', query);
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
  return PlanGraph.parse(response.body);
}

const ids = (list: readonly { data: { id: string } }[]) => list.map(({ data }) => data.id);

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  second = (await loadPlanText(driver, workReportText, 'work-report.txt', { database })).planId;
  app = seedApp(driver, database);
  seedGraph = (await graphOf({ plan: SEED_PLAN })).elements;
  secondGraph = (await graphOf({ plan: second })).elements;
  all = await graphOf({ plans: 'all' });
}, 120_000);

afterAll(() => removePlansOtherThanSeed(getDriver()));

describe('GET /api/plans/graph?plans=all', () => {
  it('says it covers every plan loaded', () => {
    expect(all.plan).toBe(ALL_PLANS);
    expect(all.allPlans).toBe(true);
    expect(all.plans?.map((plan) => plan.id).sort()).toEqual([SEED_PLAN, second].sort());
    expect(all.plans?.every((plan) => plan.title !== '')).toBe(true);
  });

  it('has one node per unit of either plan, and the sum of their items and edges', () => {
    const units = (graph: Elements) =>
      graph.nodes.filter(({ data }) => data.kind === 'unit').map(({ data }) => data.id);
    const union = new Set([...units(seedGraph), ...units(secondGraph)]);
    const shared = units(secondGraph).filter((id) => units(seedGraph).includes(id));
    expect(shared.length).toBeGreaterThan(5);
    expect(shared).toContain(FGW);
    expect(units(all.elements).sort()).toEqual([...union].sort());
    // Unit ids are each once, as every node id.
    expect(new Set(ids(all.elements.nodes)).size).toBe(all.elements.nodes.length);

    const items = (graph: Elements) => graph.nodes.filter(({ data }) => data.kind !== 'unit');
    expect(items(all.elements).length).toBe(items(seedGraph).length + items(secondGraph).length);
    expect(all.elements.nodes.length).toBe(
      union.size + items(seedGraph).length + items(secondGraph).length,
    );
    expect(all.elements.edges.length).toBe(seedGraph.edges.length + secondGraph.edges.length);
    expect(new Set(ids(all.elements.edges))).toEqual(
      new Set([...ids(seedGraph.edges), ...ids(secondGraph.edges)]),
    );
  });

  it('carries each item with its plan', () => {
    const planOf = new Map<string, string>();
    for (const { data } of seedGraph.nodes)
      if (data.kind !== 'unit') planOf.set(data.id, SEED_PLAN);
    for (const { data } of secondGraph.nodes) if (data.kind !== 'unit') planOf.set(data.id, second);
    for (const { data } of all.elements.nodes) {
      if (data.kind === 'unit') continue;
      expect(data['planId'], data.id).toBe(planOf.get(data.id));
    }
  });

  it("links a bureau both plans name to items of both, its figures the sum of its plans'", () => {
    const fgw = (graph: Elements) => graph.nodes.find(({ data }) => data.id === FGW)?.data;
    const planOfItem = new Map(
      all.elements.nodes.map(({ data }) => [data.id, data['planId']] as const),
    );
    const linkedPlans = new Set(
      all.elements.edges
        .filter(({ data }) => data.source === FGW && ['LEADS', 'SUPPORTS'].includes(data.type))
        .map(({ data }) => planOfItem.get(data.target)),
    );
    expect(linkedPlans).toEqual(new Set([SEED_PLAN, second]));
    const [one, two, both] = [fgw(seedGraph), fgw(secondGraph), fgw(all.elements)];
    expect(both?.itemsLed).toBe((one?.itemsLed ?? 0) + (two?.itemsLed ?? 0));
    expect(both?.load).toBe((one?.load ?? 0) + (two?.load ?? 0));
    expect(both?.['planCount']).toBe(2);
    // One plan's network figures would be wrong for the whole: left out.
    expect(both?.['betweenness']).toBeUndefined();
  });

  it('leaves the one-plan answer as it was, and refuses plan= with plans=all', async () => {
    const seed = await graphOf({ plan: SEED_PLAN });
    expect(seed.allPlans).toBeUndefined();
    expect(seed.plans).toBeUndefined();
    const both = await get<{ error: { code: string; message: string } }>(app, '/api/plans/graph', {
      plan: SEED_PLAN,
      plans: 'all',
    });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('全部规划');
  });
});
