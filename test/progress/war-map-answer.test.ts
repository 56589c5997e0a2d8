// The war map read the fast way (records found by their plan's index, the plan's shape kept while
// the plans are unchanged) gives the same answer as it was read before (war-map-before.ts), on
// plans with records of every kind, on several days; and itemStates, which the reports, the task
// list, the ledger and the item panel read, gives the same states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_STATES, type ProgressMap } from '../../contract/api/progress-map.ts';
import { loadPlanText } from '../../graph/load/load-plan.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { itemStates } from '../../graph/progress/item-state.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { syntheticNotice } from '../../bench/synthetic-notice.ts';
import { get, loadSeed, seedApp, SEED_PLAN } from '../api/support.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import { itemStatesBefore, warMapBefore } from './war-map-before.ts';
import { at, item, loadWarMapPlan, TODAY, WAR_MAP_PLAN, WAR_MAP_TEXT } from './war-map-plan.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;
let synthetic = '';

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver().session({ database: database() });
  try {
    return (await session.run(query, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

// Records of every kind on a synthetic plan, chosen by the item's place k: one to four progress
// records (the newest of every status in turn, one the rules do not know; notes on some, percent on some; two
// on the same instant told apart by their number), deadline changes of every kind (some twice),
// and records left unattached, which say nothing until a planner attaches them.
const RECORDS = `
  MATCH (item:Item {planId: $planId})
  WHERE NOT item:Theme
  WITH item ORDER BY item.sortKey, item.line
  WITH collect(item) AS items
  UNWIND range(0, size(items) - 1) AS k
  WITH items[k] AS item, k
  WHERE k % 7 <> 6
  UNWIND range(1, 1 + k % 4) AS n
  CREATE (p:Progress {id: randomUUID(), itemId: item.id, planId: $planId, itemRef: item.ref,
    itemTitle: item.title, by: 'test', source: 'update', seq: n,
    at: CASE WHEN n = 4 THEN '2026-06-01T00:00:00.000Z'
             ELSE '2026-0' + toString(n + 3) + '-01T00:00:00.000Z' END,
    status: ['in-progress', 'late', 'paused', 'done', 'not-started', 'bogus'][
      CASE WHEN n = 1 + k % 4 THEN k % 6 ELSE (k + n) % 6 END]})
  SET p.note = CASE WHEN (k + n) % 2 = 0 THEN '第' + toString(n) + '次报送' END,
      p.percent = CASE WHEN n % 2 = 1 THEN n * 25 END
  FOREACH (_ IN CASE WHEN k % 5 = 0 AND n = 1 THEN [] ELSE [1] END |
    CREATE (p)-[:ON]->(item))
  WITH DISTINCT item, k
  WHERE k % 2 = 0
  UNWIND range(1, 1 + k % 2 + k % 3) AS n
  CREATE (d:DeadlineChange {id: randomUUID(), itemId: item.id, planId: $planId,
    itemRef: item.ref, itemTitle: item.title, by: 'test', seq: n,
    at: '2026-0' + toString(n) + '-15T00:00:00.000Z',
    deadline: ['2026年底前', '每季度', '长期坚持'][(k + n) % 3],
    dueKind: ['date', 'recurring', 'ongoing'][(k + n) % 3]})
  SET d.dueDate = CASE WHEN (k + n) % 3 = 0
                       THEN '2026-' + ['03', '07', '11', '12'][k % 4] + '-15' END
  CREATE (d)-[:ON]->(item)
  RETURN count(*) AS written`;

const DAYS = ['2026-01-01', '2026-07-01', TODAY, '2026-12-16', '2027-02-01'];

async function before(planId: string, today: string) {
  const session = driver().session({ database: database() });
  try {
    return await session.executeRead(async (tx) => ({
      map: await warMapBefore(tx, planId, today),
      states: await itemStatesBefore(tx, planId, today),
    }));
  } finally {
    await session.close();
  }
}

async function states(planId: string, today: string, itemIds?: string[]) {
  const session = driver().session({ database: database() });
  try {
    return await session.executeRead((tx) => itemStates(tx, planId, today, itemIds));
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  await loadSeed(driver(), database());
  await loadWarMapPlan(driver(), database());
  const notice = syntheticNotice({ items: 120, unitsPerItem: 3, seed: 7, sentences: 1 });
  synthetic = (
    await loadPlanText(driver(), notice.text, 'synthetic-120.txt', { database: database() })
  ).planId;
  await cypher(RECORDS, { planId: synthetic });
  // The seed with a few records too: two on one item, a status-only one after a note.
  for (const [day, update] of [
    ['2026-05-01', { status: 'in-progress', note: '已启动' }],
    ['2026-06-01', { percent: 60 }],
  ] as const) {
    await recordProgress(driver(), database(), {
      itemId: `${SEED_PLAN}/二(一)1`,
      update,
      by: 'local',
      source: 'update',
      now: at(day),
    });
  }
});
afterAll(async () => {
  await cypher('MATCH (r:Progress|DeadlineChange) WHERE r.planId <> $war DETACH DELETE r', {
    war: WAR_MAP_PLAN,
  });
  await removePlansOtherThanSeed(driver());
});

describe('the war map, read fast', () => {
  it('has records of every kind to read on the synthetic plan', async () => {
    const [counts] = await cypher(
      `MATCH (r:Progress|DeadlineChange {planId: $planId})
       RETURN count(r) AS records, count(DISTINCT r.status) AS statuses`,
      { planId: synthetic },
    );
    expect(Number(counts?.['records'])).toBeGreaterThan(100);
    expect(Number(counts?.['statuses'])).toBe(6);
  });

  it('answers as before on every plan and every day, kept shape or not', async () => {
    let clock = at(TODAY);
    const app = seedApp(driver(), database(), { now: () => clock });
    for (const planId of [synthetic, WAR_MAP_PLAN, SEED_PLAN]) {
      const seen = new Set<string>();
      for (const day of DAYS) {
        clock = at(day);
        const answer = await get<ProgressMap>(app, '/api/progress/map', { plan: planId });
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual((await before(planId, day)).map);
        for (const row of answer.body.items) seen.add(row.state);
      }
      // Not vacuous: over the days, the plans with records show items in every state.
      if (planId !== SEED_PLAN) expect([...seen].sort()).toEqual([...MAP_STATES].sort());
    }
  });

  it('gives itemStates as before, for a whole plan and for a few items', async () => {
    for (const planId of [synthetic, WAR_MAP_PLAN]) {
      const old = (await before(planId, TODAY)).states;
      expect(await states(planId, TODAY)).toEqual(old);
      const some = old.filter((_, at) => at % 7 === 0).map((state) => state.itemId);
      expect(await states(planId, TODAY, some)).toEqual(
        old.filter((state) => some.includes(state.itemId)),
      );
    }
  });

  it('draws a new edition of the plan once it is loaded, in the same app', async () => {
    const app = seedApp(driver(), database(), { now: () => at(TODAY) });
    const ids = async () =>
      (await get<ProgressMap>(app, '/api/progress/map', { plan: WAR_MAP_PLAN })).body.items.map(
        (row) => row.id,
      );
    expect(await ids()).not.toContain(item('7'));
    const edition = `${WAR_MAP_TEXT}7\t建设城市数字公共基础设施\t市数据局\t市发改委\t2027年6月30日\n`;
    await loadPlanText(driver(), edition, 'war-map.txt', { database: database(), force: true });
    try {
      // The app reads the list of plans afresh within a second.
      await expect.poll(ids).toContain(item('7'));
      const answer = await get<ProgressMap>(app, '/api/progress/map', { plan: WAR_MAP_PLAN });
      expect(answer.body).toEqual((await before(WAR_MAP_PLAN, TODAY)).map);
    } finally {
      await loadWarMapPlan(driver(), database());
    }
  });
});
