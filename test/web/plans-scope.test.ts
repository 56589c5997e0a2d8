// The 本规划 / 全部规划 scope's pure parts (web/src/hotspots/plans-scope.ts, state/plans-scope.ts):
// which rankings each scope lists, where a ranking goes when the scope changes, the by-plan cells
// in short titles, and the scope in the address. No database, no browser.
import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../web/src/api/schema.ts';
import {
  perPlanOnly,
  rankingFor,
  rankingsIn,
  shortenPlanTitles,
  withTwin,
} from '../../web/src/hotspots/plans-scope.ts';
import { DEFAULT_VIEW, readView, writeView } from '../../web/src/state/view.ts';

// As GET /api/hotspots lists them.
const LIST = [
  { name: 'unit-load', allPlans: false },
  { name: 'portfolio-load', allPlans: true, sumOf: 'unit-load' },
  { name: 'multi-lead-items', allPlans: false },
  { name: 'coordination-pairs', allPlans: false },
  { name: 'brokers', allPlans: false },
  { name: 'member-load', allPlans: false },
  { name: 'portfolio-coordination-pairs', allPlans: true, sumOf: 'coordination-pairs' },
  { name: 'portfolio-member-load', allPlans: true, sumOf: 'member-load' },
];
const names = (list: readonly { name: string }[]) => list.map((entry) => entry.name);

describe('the rankings of each scope', () => {
  it('lists the per-plan rankings in 本规划 and their twins in 全部规划, in the API’s order', () => {
    expect(names(rankingsIn(LIST, false))).toEqual([
      'unit-load',
      'multi-lead-items',
      'coordination-pairs',
      'brokers',
      'member-load',
    ]);
    expect(names(rankingsIn(LIST, true))).toEqual([
      'portfolio-load',
      'portfolio-coordination-pairs',
      'portfolio-member-load',
    ]);
    expect(names(withTwin(LIST))).toEqual(['unit-load', 'coordination-pairs', 'member-load']);
    expect(names(perPlanOnly(LIST))).toEqual(['multi-lead-items', 'brokers']);
  });

  it('moves a ranking to its twin, else to the scope’s first, and keeps one the scope lists', () => {
    expect(rankingFor(LIST, 'coordination-pairs', true)).toBe('portfolio-coordination-pairs');
    expect(rankingFor(LIST, 'portfolio-member-load', false)).toBe('member-load');
    expect(rankingFor(LIST, 'brokers', true)).toBe('portfolio-load');
    expect(rankingFor(LIST, 'brokers', false)).toBe('brokers');
    expect(rankingFor(LIST, 'portfolio-load', true)).toBe('portfolio-load');
    expect(rankingFor([], 'unit-load', true)).toBeNull();
  });
});

describe('a by-plan cell', () => {
  const plan = (id: string, title: string): PlanSummary => ({
    id,
    title,
    issuer: null,
    date: null,
    jurisdiction: '武汉市',
    itemCount: null,
    unitCount: null,
    edgeCount: null,
    sourceSha256: null,
  });
  it('names each plan by its short title, the figures as they were', () => {
    const plans = [
      plan('a', '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案'),
      plan('b', '武汉市2023年政府工作报告重点工作任务分工方案'),
    ];
    expect(
      shortenPlanTitles(
        '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案 63.5; 武汉市2023年政府工作报告重点工作任务分工方案 12',
        plans,
      ),
    ).toBe('武汉十四五分工 63.5; 武汉2023政府工作报告分工 12');
    // A plan not loaded any more stays as printed.
    expect(shortenPlanTitles('某某方案 3', plans)).toBe('某某方案 3');
  });
});

describe('the scope in the address', () => {
  it('is left out for the plan on screen and kept as plans=all for every plan', () => {
    expect(writeView({ ...DEFAULT_VIEW, allPlans: false })).toBe('');
    expect(writeView({ ...DEFAULT_VIEW, allPlans: true })).toBe('plans=all');
    expect(readView('?plans=all').allPlans).toBe(true);
    expect(readView('?plans=one').allPlans).toBe(false);
  });
});
