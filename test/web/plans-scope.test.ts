// The 本规划 / 全部规划 / 选定规划 scope's pure parts (web/src/hotspots/plans-scope.ts,
// state/plans-scope.ts): which rankings each scope lists, where a ranking goes when the scope
// changes, the by-plan cells in short titles, the 范围 line, and the scope in the address. No
// database, no browser.
import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../web/src/api/schema.ts';
import {
  perPlanOnly,
  rankingFor,
  rankingsIn,
  scopeWords,
  shortenPlanTitles,
  withTwin,
} from '../../web/src/hotspots/plans-scope.ts';
import { chosenPlanIds } from '../../web/src/state/plans-scope.ts';
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

  const A = '武汉市-f64b89c6';
  const B = '武汉市-0a1b2c3d';
  const C = '武汉市-99887766';

  it('keeps a chosen set as plans=<id>,<id>, in the order chosen, and reads it back', () => {
    const view = { ...DEFAULT_VIEW, allPlans: true, chosenPlans: [B, A] };
    const query = writeView(view);
    expect(new URLSearchParams(query).get('plans')).toBe(`${B},${A}`);
    expect(readView(`?${query}`)).toEqual(view);
    // 全部规划 stays plans=all; a set outside a scope over plans is not written.
    expect(writeView({ ...DEFAULT_VIEW, allPlans: true, chosenPlans: [] })).toBe('plans=all');
    expect(writeView({ ...DEFAULT_VIEW, allPlans: false, chosenPlans: [A, B] })).toBe('');
  });

  it('reads a hand-written set: blanks and repeats dropped, one plan alone is no set', () => {
    const read = (plans: string) => {
      const { allPlans, chosenPlans } = readView(`?${new URLSearchParams({ plans })}`);
      return { allPlans, chosenPlans };
    };
    expect(read(` ${A} ,,${B},${A}`)).toEqual({ allPlans: true, chosenPlans: [A, B] });
    expect(read(`${A},${A}`)).toEqual({ allPlans: false, chosenPlans: [] });
    expect(read(',')).toEqual({ allPlans: false, chosenPlans: [] });
    expect(read('all')).toEqual({ allPlans: true, chosenPlans: [] });
  });

  it('counts the chosen plans still loaded, in the plans list’s order, while two remain', () => {
    const loaded = [{ id: A }, { id: B }, { id: C }];
    const scope = (chosenPlans: string[], allPlans = true) => ({ allPlans, chosenPlans });
    expect(chosenPlanIds(scope([C, A]), loaded)).toEqual([A, C]);
    expect(chosenPlanIds(scope([C, A, '武汉市-gone']), loaded)).toEqual([A, C]);
    // One of the set left: the figures count every plan, as the scope over plans says.
    expect(chosenPlanIds(scope([C, '武汉市-gone']), loaded)).toBeNull();
    expect(chosenPlanIds(scope([]), loaded)).toBeNull();
    expect(chosenPlanIds(scope([A, B], false), loaded)).toBeNull();
  });
});

describe('the 范围 line', () => {
  const covered = [
    {
      id: 'a',
      title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
      jurisdiction: '武汉市',
    },
    { id: 'b', title: '武汉市2023年政府工作报告重点工作任务分工方案', jurisdiction: '武汉市' },
  ];
  it('names one plan, every plan, or the chosen set, in the interface language', () => {
    expect(scopeWords('zh', { plans: covered.slice(0, 1), allPlans: false })).toBe(
      '范围:武汉十四五分工',
    );
    expect(scopeWords('zh', { plans: covered, allPlans: true })).toBe(
      '范围:全部 2 份规划(武汉十四五分工、武汉2023政府工作报告分工)',
    );
    const chosen = { plans: covered, allPlans: false, chosenPlans: true };
    expect(scopeWords('zh', chosen)).toBe(
      '范围:选定 2 份规划(武汉十四五分工、武汉2023政府工作报告分工)',
    );
    expect(scopeWords('en', chosen)).toBe(
      'Covers 2 chosen plans (武汉十四五分工、武汉2023政府工作报告分工)',
    );
  });
});
