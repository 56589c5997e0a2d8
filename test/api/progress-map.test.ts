// GET /api/progress/map: a plan with known deadlines and records, read on a clock the test sets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressMap } from '../../contract/api/progress-map.ts';
import { connection, getDriver } from '../../graph/neo4j/database.ts';
import { recordIndicatorValue } from '../../graph/progress/indicator-values.ts';
import { recordProgress } from '../../graph/progress/records.ts';
import { removePlansOtherThanSeed, useTestNeo4j } from '../support/neo4j.ts';
import {
  at,
  CZJ,
  FGW,
  item,
  loadWarMapPlan,
  removeWarMapProgress,
  TODAY,
  WAR_MAP_PLAN,
} from '../progress/war-map-plan.ts';
import { get, loadSeed, seedApp, SEED_PLAN } from './support.ts';

useTestNeo4j();
let clock = at(TODAY);
const app = () => seedApp(getDriver(), connection().database, { now: () => clock });

beforeAll(async () => {
  await loadSeed(getDriver(), connection().database);
  await loadWarMapPlan(getDriver(), connection().database);
});
afterAll(async () => {
  await removeWarMapProgress(getDriver(), connection().database);
  await removePlansOtherThanSeed(getDriver());
});

const map = async () => {
  const answer = await get<ProgressMap>(app(), '/api/progress/map', { plan: WAR_MAP_PLAN });
  expect(answer.status).toBe(200);
  return answer.body;
};
const byId = <T extends { id: string }>(rows: readonly T[]) =>
  Object.fromEntries(rows.map((row) => [row.id, row]));

describe('GET /api/progress/map', () => {
  it('gives every item its state on the server’s today', async () => {
    clock = at(TODAY);
    const answer = await map();
    expect(answer).toMatchObject({
      plan: WAR_MAP_PLAN,
      today: TODAY,
      staleDays: 60,
      soonDays: 30,
    });
    // Themes are headings: not on the map.
    expect(answer.items.map((row) => row.id)).toEqual(['1', '2', '3', '4', '5', '6'].map(item));
    const items = byId(answer.items);
    expect(items[item('1')]).toEqual({
      id: item('1'),
      state: 'on-track',
      status: 'in-progress',
      percent: 40,
      dueKind: 'date',
      dueDate: '2026-12-08',
      deadline: '2026年12月8日',
      overdue: false,
      dueSoon: true,
      lastReportedAt: '2026-12-01T04:00:00.000Z',
      stale: false,
    });
    expect(items[item('2')]).toMatchObject({
      state: 'late',
      status: 'in-progress',
      percent: 50,
      overdue: true,
      dueSoon: false,
      stale: true,
    });
    expect(items[item('3')]).toMatchObject({
      state: 'not-started',
      status: null,
      percent: null,
      dueDate: '2026-12-31',
      overdue: false,
      dueSoon: true,
      lastReportedAt: null,
      stale: true,
    });
    expect(items[item('4')]).toMatchObject({
      state: 'paused',
      dueKind: 'ongoing',
      dueDate: null,
      deadline: '长期坚持',
      stale: false,
    });
    expect(items[item('5')]).toMatchObject({
      state: 'late',
      status: 'late',
      dueKind: 'recurring',
      overdue: false,
      dueSoon: false,
    });
    expect(items[item('6')]).toMatchObject({ state: 'done', overdue: false, stale: false });
  });

  it('counts each unit’s late items against all it leads or supports', async () => {
    clock = at(TODAY);
    const units = byId((await map()).units);
    // 市发改委 leads 1, supports 2 and 5: 2 and 5 are late.
    expect(units[FGW]).toEqual({ id: FGW, load: 2, items: 3, late: 2, lateShare: 2 / 3 });
    // 市财政局 supports 1, 2, 4 and 6: 2 is late.
    expect(units[CZJ]).toEqual({ id: CZJ, load: 2, items: 4, late: 1, lateShare: 0.25 });
    expect(units['武汉市/市水务局']).toMatchObject({ items: 1, late: 0, lateShare: 0 });
    expect(Object.keys(units)).toHaveLength(8);
  });

  it('moves with the clock: two days on, the item due tomorrow is late', async () => {
    clock = at('2026-12-10');
    const answer = await map();
    expect(answer.today).toBe('2026-12-10');
    expect(byId(answer.items)[item('1')]).toMatchObject({
      state: 'late',
      overdue: true,
      dueSoon: false,
    });
    expect(byId(answer.units)[FGW]).toMatchObject({ late: 3, lateShare: 1 });
  });

  it('reads afresh after a progress write: the answer is never a kept one', async () => {
    clock = at(TODAY);
    const api = app();
    const first = await get<ProgressMap>(api, '/api/progress/map', { plan: WAR_MAP_PLAN });
    expect(byId(first.body.items)[item('3')]?.state).toBe('not-started');
    await recordProgress(getDriver(), connection().database, {
      itemId: item('3'),
      update: { status: 'in-progress' },
      by: 'local',
      source: 'update',
      now: at(TODAY),
    });
    const second = await get<ProgressMap>(api, '/api/progress/map', { plan: WAR_MAP_PLAN });
    expect(byId(second.body.items)[item('3')]).toMatchObject({ state: 'on-track', stale: false });
  });

  it('asks which plan when several are loaded, and knows the seed has no deadlines', async () => {
    const several = await get<{ error: { code: string } }>(app(), '/api/progress/map');
    expect(several.status).toBe(400);
    expect(several.body.error.code).toBe('plan_required');
    const seed = await get<ProgressMap>(app(), '/api/progress/map', { plan: SEED_PLAN });
    expect(seed.body.items.every((row) => row.dueDate === null && !row.overdue)).toBe(true);
  });
});

describe('the progress rankings in 热点', () => {
  interface Ranking {
    titleZh: string;
    definitionZh: string;
    rows: Record<string, unknown>[];
  }
  const ranking = (api: ReturnType<typeof app>, name: string) =>
    get<Ranking>(api, `/api/hotspots/${name}`, { plan: WAR_MAP_PLAN });

  it('are listed after the others, each with its definition in Chinese', async () => {
    const list = await get<{ name: string; titleZh: string; definitionZh: string }[]>(
      app(),
      '/api/hotspots',
    );
    expect(list.body.map((entry) => entry.name).slice(-4)).toEqual([
      'overdue-by-unit',
      'stalled-items',
      'progress-by-theme',
      'indicators-off-track',
    ]);
    const overdue = list.body.find((entry) => entry.name === 'overdue-by-unit');
    expect(overdue?.titleZh).toBe('逾期事项单位排名:完成时限已过而未完成的事项最多的单位');
    expect(overdue?.definitionZh).toContain('逾期:现行完成时限');
  });

  it('read today from the app’s clock, and are never kept answers', async () => {
    clock = at(TODAY);
    const api = app();
    const first = await ranking(api, 'overdue-by-unit');
    expect(first.status).toBe(200);
    expect(first.body.rows[0]).toMatchObject({ unit: '市住建局', overdue: 1 });
    const fgw = (rows: Record<string, unknown>[]) => rows.find((row) => row['unitId'] === FGW);
    expect(fgw(first.body.rows)).toMatchObject({ overdue: 1, dueSoon: 1 });
    // The same app, two days on: 1 (due 12-08) is overdue too.
    clock = at('2026-12-10');
    const later = await ranking(api, 'overdue-by-unit');
    expect(fgw(later.body.rows)).toMatchObject({ overdue: 2, overdueItems: ['1', '2'] });
    const stalled = await ranking(api, 'stalled-items');
    expect(stalled.body.rows[0]).toMatchObject({ ref: '2', silentDays: 100 });
    clock = at(TODAY);
  });

  it('indicators-off-track follows a value recorded after it was first asked', async () => {
    const api = app();
    const forest = `${SEED_PLAN}/一(一)6`; // 森林覆盖率大于14.5%
    const of = (rows: Record<string, unknown>[]) => rows.find((row) => row['itemId'] === forest);
    const before = await get<Ranking>(api, '/api/hotspots/indicators-off-track', {
      plan: SEED_PLAN,
      limit: 100,
    });
    expect(of(before.body.rows)).toMatchObject({ track: null, value: null });
    await recordIndicatorValue(getDriver(), connection().database, {
      itemId: forest,
      year: 2025,
      value: 14.1,
      by: 'local',
    });
    try {
      const after = await get<Ranking>(api, '/api/hotspots/indicators-off-track', {
        plan: SEED_PLAN,
        limit: 100,
      });
      expect(after.body.rows[0]).toMatchObject({ itemId: forest, value: 14.1, track: 'off-track' });
    } finally {
      const session = getDriver().session({ database: connection().database });
      await session.run('MATCH (v:IndicatorValue {itemId: $forest}) DETACH DELETE v', { forest });
      await session.close();
    }
  });
});
