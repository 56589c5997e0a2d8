// The ranking over every plan loaded (cypher/portfolio-load.cypher, issue 15): with the seed and a
// second notice of the same city loaded, each unit's figures are the sums of its figures in each
// plan's own ranking, and its row says which plans it covers. And collectives broken down
// (cypher/member-load.cypher): what 各区人民政府 and its kind hand down to each member.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HotspotAnswer } from '../../contract/api/hotspots.ts';
import type { UnitProfile } from '../../contract/api/units.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { renamedSeed, seedText } from '../load/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { FGW, get, loadSeed, SEED_PLAN, seedApp } from './support.ts';

useTestNeo4j();

// The indicators and first themes of the seed, under a title of its own: a second notice naming
// many of the seed's bureaus, and not all of them.
const SECOND = renamedSeed('全部规划', seedText.split('\n').slice(0, 120).join('\n'));

let app: Hono;
let second = '';

beforeAll(async () => {
  const driver = getDriver();
  const { database } = connection();
  await loadSeed(driver, database);
  await removePlansOtherThanSeed(driver);
  second = (await loadPlanText(driver, SECOND, 'second.txt', { database })).planId;
  app = seedApp(driver, database);
}, 120_000);

afterAll(() => removePlansOtherThanSeed(getDriver()));

type Row = Record<string, unknown>;

async function ranking(name: string, query: Record<string, string | number | boolean>) {
  const answer = await get<HotspotAnswer>(app, `/api/hotspots/${name}`, {
    limit: 500,
    collectives: true,
    ...query,
  });
  expect(answer.status).toBe(200);
  expect(answer.body.truncated).toBe(false);
  return answer.body.rows;
}

const FIGURES = ['leads', 'inferredLeads', 'supports', 'load'] as const;

describe('GET /api/hotspots/portfolio-load', () => {
  it('adds up each plan’s own ranking, unit by unit, and counts the plans', async () => {
    const perPlan = [
      await ranking('unit-load', { plan: SEED_PLAN }),
      await ranking('unit-load', { plan: second }),
    ];
    const expected = new Map<string, Row>();
    for (const rows of perPlan) {
      for (const row of rows) {
        const id = String(row['unitId']);
        const sum = expected.get(id) ?? {
          plans: 0,
          leads: 0,
          inferredLeads: 0,
          supports: 0,
          load: 0,
        };
        sum['plans'] = Number(sum['plans']) + 1;
        for (const figure of FIGURES) sum[figure] = Number(sum[figure]) + Number(row[figure]);
        expected.set(id, sum);
      }
    }
    const portfolio = await ranking('portfolio-load', {});
    const got = new Map(
      portfolio.map((row) => [
        String(row['unitId']),
        Object.fromEntries(['plans', ...FIGURES].map((key) => [key, row[key]])),
      ]),
    );
    expect(got).toEqual(expected);
    // Both plans name some units, and one names others alone.
    const counts = new Set(portfolio.map((row) => row['plans']));
    expect(counts).toEqual(new Set([1, 2]));
    // Heaviest first.
    const loads = portfolio.map((row) => Number(row['load']));
    expect(loads).toEqual([...loads].sort((a, b) => b - a));
  });

  it('says, for a unit in both plans, each plan’s share, the heaviest first', async () => {
    const portfolio = await ranking('portfolio-load', {});
    const fgw = portfolio.find((row) => row['unit'] === '市发改委');
    const [inSeed] = (await ranking('unit-load', { plan: SEED_PLAN })).filter(
      (row) => row['unit'] === '市发改委',
    );
    const [inSecond] = (await ranking('unit-load', { plan: second })).filter(
      (row) => row['unit'] === '市发改委',
    );
    expect(fgw?.['plans']).toBe(2);
    const parts = String(fgw?.['byPlan']).split('; ');
    expect(parts).toHaveLength(2);
    // The seed gives it more than its first themes do.
    const share = (part: string | undefined) => Number(part?.split(' ').pop());
    expect(parts[0]).toMatch(/^武汉市国民经济.*任务分工方案 /);
    expect(share(parts[0])).toBe(inSeed?.['load']);
    expect(parts[1]).toContain('全部规划');
    expect(share(parts[1])).toBe(inSecond?.['load']);
  });

  it('says which plans each ranking’s figures cover', async () => {
    const scope = async (name: string, query: Record<string, string>) => {
      const answer = await get<HotspotAnswer>(app, `/api/hotspots/${name}`, query);
      expect(answer.status).toBe(200);
      return { allPlans: answer.body.allPlans, plans: answer.body.plans.map((plan) => plan.id) };
    };
    expect(await scope('portfolio-load', {})).toEqual({
      allPlans: true,
      plans: expect.arrayContaining([SEED_PLAN, second]) as unknown,
    });
    expect((await scope('portfolio-load', {})).plans).toHaveLength(2);
    expect(await scope('unit-load', { plan: second })).toEqual({
      allPlans: false,
      plans: [second],
    });
  });

  it('leaves collective units out unless asked, as the other rankings do', async () => {
    const without = await ranking('portfolio-load', { collectives: false });
    expect(without.some((row) => row['collective'] === true)).toBe(false);
    const withThem = await ranking('portfolio-load', {});
    expect(withThem.some((row) => row['collective'] === true)).toBe(true);
  });

  it('is listed among the rankings, with its words in Chinese and English', async () => {
    const listed = await get<{ name: string; titleZh: string }[]>(app, '/api/hotspots');
    const entry = listed.body.find((ranking) => ranking.name === 'portfolio-load');
    expect(entry?.titleZh).toBe('全部规划工作量排名:计入所有已载入规划,谁承担的事项最多');
  });
});

describe('GET /api/hotspots/member-load', () => {
  it('gives each member of a named collective the items it carries through it, counted once', async () => {
    const { database } = connection();
    const driver = getDriver();
    // The plan's assignments and memberships as stored, counted here in TypeScript: a second
    // reckoning of what the query counts in Cypher.
    const { records: assigned } = await driver.executeQuery(
      `MATCH (unit:Unit)-[:LEADS|SUPPORTS {planId: $plan}]->(item:Item)
       RETURN unit.id AS unit, item.id AS item, coalesce(unit.collective, false) AS collective`,
      { plan: SEED_PLAN },
      { database },
    );
    const { records: memberships } = await driver.executeQuery(
      `MATCH (member:Unit)-[m:MEMBER_OF]->(collective:Unit)
       WHERE m.source = 'dictionary' OR m.planId = $plan
       RETURN member.id AS member, coalesce(member.collective, false) AS memberIsCollective,
              collective.id AS collective`,
      { plan: SEED_PLAN },
      { database },
    );
    const itemsOf = new Map<string, Set<string>>();
    const collectiveNamed = new Set<string>();
    for (const record of assigned) {
      const unit = String(record.get('unit'));
      const items = itemsOf.get(unit) ?? new Set<string>();
      items.add(String(record.get('item')));
      itemsOf.set(unit, items);
      if (record.get('collective') === true) collectiveNamed.add(unit);
    }
    const expected = new Map<string, { namedItems: number; viaCollectives: number }>();
    const carriedBy = new Map<string, Set<string>>();
    for (const record of memberships) {
      const collective = String(record.get('collective'));
      if (!collectiveNamed.has(collective) || record.get('memberIsCollective') === true) continue;
      const member = String(record.get('member'));
      const carried = carriedBy.get(member) ?? new Set<string>();
      for (const item of itemsOf.get(collective) ?? []) carried.add(item);
      carriedBy.set(member, carried);
    }
    for (const [member, carried] of carriedBy) {
      const named = itemsOf.get(member) ?? new Set<string>();
      const only = [...carried].filter((item) => !named.has(item)).length;
      expected.set(member, { namedItems: named.size, viaCollectives: only });
    }
    expect(expected.size).toBeGreaterThan(10);

    const rows = await ranking('member-load', { plan: SEED_PLAN });
    const got = new Map(
      rows.map((row) => [
        String(row['unitId']),
        { namedItems: row['namedItems'], viaCollectives: row['viaCollectives'] },
      ]),
    );
    expect(got).toEqual(expected);
    for (const row of rows) {
      expect(row['items']).toBe(Number(row['namedItems']) + Number(row['viaCollectives']));
    }
    // A district of 各区人民政府 carries the items naming it.
    const district = rows.find((row) => (row['collectives'] as string[]).includes('各区人民政府'));
    expect(district?.['viaCollectives']).toBeGreaterThan(50);
  });

  it('gives each member’s unit profile the same count, by collective', async () => {
    const rows = await ranking('member-load', { plan: SEED_PLAN });
    for (const row of rows) {
      const profile = await get<UnitProfile>(app, '/api/units/profile', {
        id: String(row['unitId']),
        plan: SEED_PLAN,
      });
      const { items, collectives } = profile.body.viaCollectives;
      expect(items).toBe(row['viaCollectives']);
      expect(collectives.map((entry) => entry.unit.name).toSorted()).toEqual(
        (row['collectives'] as string[]).toSorted(),
      );
      // Each collective's share is at most the whole, and together they reach it.
      const shares = collectives.map((entry) => entry.items);
      expect(Math.max(...shares)).toBeLessThanOrEqual(items);
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeGreaterThanOrEqual(items);
    }
    // A unit named only by itself has none.
    const fgw = await get<UnitProfile>(app, '/api/units/profile', { id: FGW, plan: SEED_PLAN });
    expect(fgw.body.viaCollectives).toEqual({ items: 0, collectives: [] });
  });
});
