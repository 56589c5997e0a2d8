// The war map decided without a browser or a database: each item's state, which items have gone
// quiet, what each node carries on the canvas, the legend's counts, the filters, and the
// timeline's grid.
import { describe, expect, it } from 'vitest';
import { mapStateOf, type MapItem, type ProgressMap } from '../../contract/api/progress-map.ts';
import type { ItemState } from '../../contract/progress.ts';
import { daysBefore, isStale, warMap } from '../../graph/progress/war-map.ts';
import { indexElements } from '../../web/src/graph/plan-index.ts';
import { columnOf, timelineGrid } from '../../web/src/warmap/timeline.ts';
import { keptByFilters, warCounts, warNodeData } from '../../web/src/warmap/war-map.ts';
import {
  FGW,
  JXJ,
  plan,
  TASK_A1,
  TASK_A2,
  TASK_A2_PART,
  TASK_B1,
  THEME_A,
  THEME_B,
} from './fixture.ts';

const TODAY = '2026-12-07';

const state = (itemId: string, patch: Partial<ItemState> = {}): ItemState => ({
  itemId,
  ref: itemId,
  title: itemId,
  kind: 'task',
  status: null,
  percent: null,
  note: null,
  lastReportedAt: null,
  dueKind: null,
  dueDate: null,
  deadline: null,
  deadlineChanged: false,
  overdue: false,
  dueSoon: false,
  ...patch,
});

describe('an item on the map', () => {
  it('is late when overdue or reported late, whatever else it says, unless done', () => {
    expect(mapStateOf({ status: 'done', overdue: true })).toBe('done');
    expect(mapStateOf({ status: 'paused', overdue: true })).toBe('late');
    expect(mapStateOf({ status: 'in-progress', overdue: true })).toBe('late');
    expect(mapStateOf({ status: 'late', overdue: false })).toBe('late');
    expect(mapStateOf({ status: 'paused', overdue: false })).toBe('paused');
    expect(mapStateOf({ status: 'in-progress', overdue: false })).toBe('on-track');
    expect(mapStateOf({ status: 'not-started', overdue: false })).toBe('not-started');
    expect(mapStateOf({ status: null, overdue: false })).toBe('not-started');
  });

  it('has gone quiet after 60 days without a report, or with none; never when done', () => {
    expect(daysBefore(TODAY, 60)).toBe('2026-10-08');
    const at = (day: string) => ({
      status: 'in-progress' as const,
      lastReportedAt: `${day}T02:00:00Z`,
    });
    expect(isStale(at('2026-10-08'), TODAY)).toBe(false);
    expect(isStale(at('2026-10-07'), TODAY)).toBe(true);
    expect(isStale({ status: null, lastReportedAt: null }, TODAY)).toBe(true);
    expect(isStale({ status: 'done', lastReportedAt: null }, TODAY)).toBe(false);
  });

  it('leaves themes off the map and counts each unit’s late items once', () => {
    const answer = warMap(
      'p',
      TODAY,
      [
        state('theme', { kind: 'theme' }),
        state('a', { status: 'late' }),
        state('b', { status: 'in-progress' }),
      ],
      [
        { unitId: 'u', load: 1.5, itemIds: ['a', 'b'] },
        { unitId: 'v', load: 0, itemIds: [] },
      ],
    );
    expect(answer.items.map((item) => [item.id, item.state])).toEqual([
      ['a', 'late'],
      ['b', 'on-track'],
    ]);
    expect(answer.units).toEqual([
      { id: 'u', load: 1.5, items: 2, late: 1, lateShare: 0.5 },
      { id: 'v', load: 0, items: 0, late: 0, lateShare: 0 },
    ]);
  });
});

const mapItem = (id: string, patch: Partial<MapItem>): MapItem => ({
  id,
  state: 'not-started',
  status: null,
  percent: null,
  dueKind: null,
  dueDate: null,
  deadline: null,
  overdue: false,
  dueSoon: false,
  lastReportedAt: null,
  stale: false,
  ...patch,
});

const MAP: ProgressMap = {
  plan: 'p',
  today: TODAY,
  staleDays: 60,
  soonDays: 30,
  items: [
    mapItem(TASK_A1, { state: 'late', overdue: true, dueKind: 'date', dueDate: '2026-11-30', deadline: '2026年11月底' }),
    mapItem(TASK_A2, { state: 'on-track', dueSoon: true, dueKind: 'date', dueDate: '2026-12-20', deadline: '2026年12月20日' }),
    mapItem(TASK_B1, { state: 'paused', stale: true, dueKind: 'recurring', deadline: '每季度' }),
  ],
  units: [
    { id: FGW, load: 10, items: 1, late: 1, lateShare: 1 },
    { id: JXJ, load: 4, items: 3, late: 1, lateShare: 1 / 3 },
  ],
}; // prettier-ignore

describe('the canvas’s war-map data', () => {
  it('gives items their state and units their late share in percent', () => {
    const data = warNodeData(MAP, []);
    expect(data.get(TASK_A1)).toEqual({ war: 'late' });
    expect(data.get(JXJ)).toEqual({ warLate: 33.3 });
    expect(data.get(FGW)).toEqual({ warLate: 100 });
  });

  it('steps back the items no chosen filter keeps, and units with none of the rest', () => {
    const itemsOf = (unit: string) => (unit === FGW ? [TASK_A1] : [TASK_A2]);
    const data = warNodeData(MAP, ['overdue'], itemsOf);
    expect(data.get(TASK_A1)).toEqual({ war: 'late' });
    expect(data.get(TASK_A2)).toEqual({ war: 'on-track', warOut: true });
    expect(data.get(JXJ)?.warOut).toBe(true);
    expect(data.get(FGW)?.warOut).toBeUndefined();
    // Any chosen filter keeps an item.
    expect(keptByFilters(MAP.items[2] as MapItem, ['overdue', 'stale'])).toBe(true);
    expect(keptByFilters(MAP.items[2] as MapItem, ['soon'])).toBe(false);
  });

  it('counts the items shown in each state', () => {
    expect(warCounts(MAP)).toEqual({
      done: 0,
      'on-track': 1,
      late: 1,
      'not-started': 0,
      paused: 1,
    });
    expect(warCounts(MAP, new Set([TASK_A1]))).toMatchObject({ late: 1, 'on-track': 0, paused: 0 });
    expect(warCounts(MAP, undefined, ['soon'])).toMatchObject({ late: 0, 'on-track': 1 });
  });
});

describe('the timeline', () => {
  const index = indexElements(plan);

  it('puts dated items in their month, the rest in columns of their own after them', () => {
    expect(columnOf({ dueKind: 'date', dueDate: '2026-11-30' })).toBe('2026-11');
    expect(columnOf({ dueKind: 'recurring', dueDate: null })).toBe('recurring');
    expect(columnOf({ dueKind: 'ongoing', dueDate: null })).toBe('ongoing');
    expect(columnOf({ dueKind: null, dueDate: null })).toBe('undated');
    const grid = timelineGrid(MAP.items, index, 'theme', []);
    expect(grid.columns.map((column) => column.key)).toEqual(['2026-11', '2026-12', 'recurring']);
    // 长期 after 每季度, whatever the order met; never taken for a month.
    const ongoing = mapItem(TASK_A2_PART, { dueKind: 'ongoing', deadline: '长期坚持' });
    const withOngoing = timelineGrid([ongoing, ...MAP.items], index, 'theme', []);
    expect(withOngoing.columns.map((column) => column.key)).toEqual([
      '2026-11',
      '2026-12',
      'recurring',
      'ongoing',
    ]);
    expect(grid.rows.map((row) => [row.key, row.count])).toEqual([
      [THEME_A, 2],
      [THEME_B, 1],
    ]);
    expect(grid.rows[0]?.cells.get('2026-11')?.map((card) => [card.id, card.state])).toEqual([
      [TASK_A1, 'late'],
    ]);
  });

  it('groups by lead unit, most items first, and takes the filters', () => {
    const grid = timelineGrid(MAP.items, index, 'unit', []);
    // 二(一)1 is led by 发改, 二(一)2 by 经信, 二(二)1 by 科技 (owner by the rule).
    expect(grid.rows.map((row) => row.key).sort()).toEqual([FGW, JXJ, '市/科技'].sort());
    const overdue = timelineGrid(MAP.items, index, 'unit', ['overdue']);
    expect(overdue.items).toBe(1);
    expect(overdue.rows.map((row) => row.key)).toEqual([FGW]);
    // Only the items the view shows.
    expect(timelineGrid(MAP.items, index, 'theme', [], new Set([TASK_B1])).items).toBe(1);
  });
});
