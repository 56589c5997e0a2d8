// The progress rankings and named queries (cypher/overdue-by-unit, stalled-items,
// progress-by-theme, indicators-off-track, indicator-trajectory) on a plan with known deadlines
// and records (test/progress/war-map-plan.ts) and on the seed with indicator values, exact rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusOfText } from '../../contract/progress.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordDeadline } from '../../graph/progress/deadlines.ts';
import { recordIndicatorValue } from '../../graph/progress/indicator-values.ts';
import { CYPHER_DIR, getQuery } from '../../graph/queries/registry.ts';
import { runQuery } from '../../graph/queries/run.ts';
import { loadSeed, SEED_PLAN } from '../api/support.ts';
import {
  item,
  loadWarMapPlan,
  removeWarMapProgress,
  TODAY,
  WAR_MAP_PLAN,
} from '../progress/war-map-plan.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';

useTestNeo4j();
const driver = () => getDriver();
const database = () => connection().database;

const run = async (name: string, params: Record<string, unknown> = {}) => {
  const today = getQuery(name).params.some((param) => param.name === 'today')
    ? { today: TODAY }
    : {};
  return (await runQuery(driver(), name, { planId: WAR_MAP_PLAN, ...today, ...params })).rows;
};

const GDP = `${SEED_PLAN}/一(二)1`; // 地区生产总值增长年均7%左右: about 7
const FOREST = `${SEED_PLAN}/一(一)6`; // 森林覆盖率大于14.5%: above 14.5
const ENERGY = `${SEED_PLAN}/一(一)2`; // 能源消耗降低完成省下达目标: no number

async function cypher(query: string, params: Record<string, unknown> = {}) {
  const session = driver().session({ database: database() });
  try {
    await session.run(query, params);
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  await loadSeed(driver(), database());
  await loadWarMapPlan(driver(), database());
  const value = (itemId: string, year: number, value: number, day: string) =>
    recordIndicatorValue(driver(), database(), {
      itemId,
      year,
      value,
      by: 'local',
      now: new Date(`${day}T04:00:00Z`),
    });
  await value(FOREST, 2024, 14.2, '2025-02-01');
  await value(FOREST, 2025, 14.8, '2026-02-01');
  await value(GDP, 2024, 6, '2025-02-01');
  await value(GDP, 2025, 6.5, '2026-02-01');
  // A correction: a newer record for the same year.
  await value(GDP, 2025, 6.1, '2026-03-01');
  await value(ENERGY, 2025, 3.1, '2026-02-01');
});

afterAll(async () => {
  await cypher('MATCH (v:IndicatorValue) WHERE v.planId = $plan DETACH DELETE v', {
    plan: SEED_PLAN,
  });
  await removeWarMapProgress(driver(), database());
  await removePlansOtherThanSeed(driver());
});

describe('overdue-by-unit', () => {
  it('ranks units by overdue items, then led, late, due soon', async () => {
    const rows = await run('overdue-by-unit');
    expect(
      rows.map((row) => [row['unit'], row['overdue'], row['overdueLed'], row['late']]),
    ).toEqual([
      ['市住建局', 1, 1, 1],
      ['市发改委', 1, 0, 2],
      ['市财政局', 1, 0, 1],
      ['市应急管理局', 0, 0, 1],
      ['市水务局', 0, 0, 0],
      ['市生态环境局', 0, 0, 0],
      ['市教育局', 0, 0, 0],
      ['市税务局', 0, 0, 0],
    ]);
    expect(rows[1]).toEqual({
      unit: '市发改委',
      overdue: 1,
      overdueLed: 0,
      late: 2,
      dueSoon: 1,
      items: 3,
      lateShare: 2 / 3,
      overdueItems: ['2'],
      unitId: '武汉市/市发改委',
    });
  });

  it('reads a planner’s deadline change before the document’s, and counts a paused item', async () => {
    // 4 is 长期坚持 in the document and paused; a planner gives it a date now past.
    await recordDeadline(driver(), database(), {
      itemId: item('4'),
      due: { deadline: '2026年11月30日', dueKind: 'date', dueDate: '2026-11-30' },
      by: 'local',
      now: new Date('2026-12-02T04:00:00Z'),
    });
    const rows = await run('overdue-by-unit');
    const tax = rows.find((row) => row['unit'] === '市税务局');
    expect(tax).toMatchObject({ overdue: 1, overdueLed: 1, late: 1, overdueItems: ['4'] });
    // The day before its new deadline it is due soon, not overdue.
    const before = await run('overdue-by-unit', { today: '2026-11-30' });
    expect(before.find((row) => row['unit'] === '市税务局')).toMatchObject({
      overdue: 0,
      dueSoon: 1,
    });
    await cypher('MATCH (d:DeadlineChange {planId: $plan}) DETACH DELETE d', {
      plan: WAR_MAP_PLAN,
    });
  });
});

describe('stalled-items', () => {
  it('lists items not done, longest silent first; never reported and no plan date last', async () => {
    const rows = await run('stalled-items');
    expect(rows).toEqual([
      {
        ref: '2',
        kind: 'task',
        item: '推进城镇老旧小区改造',
        leadUnits: ['市住建局'],
        status: 'in-progress',
        lastReported: '2026-09-01',
        silentDays: 97,
        itemId: item('2'),
      },
      expect.objectContaining({ ref: '4', status: 'paused', silentDays: 17 }),
      expect.objectContaining({ ref: '1', status: 'in-progress', silentDays: 6 }),
      expect.objectContaining({ ref: '5', status: 'late', silentDays: 2 }),
      expect.objectContaining({ ref: '3', status: null, lastReported: null, silentDays: null }),
    ]);
  });

  it('counts a never-reported item from the plan’s date of issue (the seed’s 2022-03-03)', async () => {
    const [first] = await run('stalled-items', { planId: SEED_PLAN, limit: 1 });
    // 2022-03-03 → 2026-12-07: 1,740 days (2024 a leap year).
    expect(first).toMatchObject({ ref: '一(一)1', status: null, silentDays: 1740 });
  });
});

describe('progress-by-theme', () => {
  it('counts each theme’s tasks by status and puts the furthest behind first', async () => {
    const rows = await run('progress-by-theme');
    expect(rows).toEqual([
      {
        ref: '一',
        theme: '扩大有效投资',
        tasks: 3,
        done: 0,
        inProgress: 2,
        notStarted: 1,
        paused: 0,
        behind: 1,
        behindShare: 1 / 3,
        themeId: item('一'),
      },
      {
        ref: '二',
        theme: '优化营商环境',
        tasks: 3,
        done: 1,
        inProgress: 0,
        notStarted: 0,
        paused: 1,
        behind: 1,
        behindShare: 1 / 3,
        themeId: item('二'),
      },
    ]);
    // Ten days on, 3 (due 12-31) is still not due; 1 (due 12-08) is now behind.
    const later = await run('progress-by-theme', { today: '2026-12-10' });
    expect(later[0]).toMatchObject({ ref: '一', behind: 2, behindShare: 2 / 3 });
  });
});

describe('indicators', () => {
  it('indicator-trajectory: the newest value of each year, judged on the target', async () => {
    const rows = await run('indicator-trajectory', { planId: SEED_PLAN });
    const of = (itemId: string) =>
      rows
        .filter((row) => row['itemId'] === itemId)
        .map((row) => [row['year'], row['value'], row['track']]);
    expect(of(FOREST)).toEqual([
      [2024, 14.2, 'off-track'],
      [2025, 14.8, 'on-track'],
    ]);
    expect(of(GDP)).toEqual([
      [2024, 6, 'off-track'],
      [2025, 6.1, 'off-track'],
    ]);
    expect(of(ENERGY)).toEqual([[2025, 3.1, 'unknown']]);
    // An indicator with nothing reported: one row, no year.
    expect(of(`${SEED_PLAN}/一(一)1`)).toEqual([[null, null, null]]);
  });

  it('indicators-off-track: off track first, then cannot tell, nothing reported, on track', async () => {
    const rows = await run('indicators-off-track', { planId: SEED_PLAN });
    expect(rows[0]).toMatchObject({
      ref: '一(二)1',
      binding: false,
      target: expect.stringContaining('7%左右'),
      year: 2025,
      value: 6.1,
      track: 'off-track',
      offTrackYears: 2,
      leads: ['市发改委'],
      itemId: GDP,
    });
    expect(rows[1]).toMatchObject({ ref: '一(一)2', track: 'unknown', offTrackYears: 0 });
    expect(rows[2]).toMatchObject({ track: null, year: null, binding: true });
    expect(rows.at(-1)).toMatchObject({ ref: '一(一)6', track: 'on-track', offTrackYears: 1 });
  });
});

describe('the ledger words in the queries', () => {
  it('read each status word as contract/progress.ts statusOfText does', () => {
    for (const name of ['overdue-by-unit', 'stalled-items', 'progress-by-theme']) {
      const text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
      const cases = [...text.matchAll(/WHEN printed =~ '([^']+)' THEN '([a-z-]+)'/g)];
      expect(cases).toHaveLength(5);
      for (const [, words, status] of cases) {
        for (const word of (words ?? '').split('|')) expect(statusOfText(word), word).toBe(status);
      }
    }
  });
});
