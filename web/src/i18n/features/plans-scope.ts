// The 全部规划 and 选定规划 scopes of the rankings and the paths tool (issue 15): the switch between
// the plan on screen, every plan loaded and a chosen set, and what each scope leaves out, in the
// planner's words.
import { featureWords } from '../feature-words.ts';

const zh = {
  plansScopeLabel: '统计范围',
  plansScopeOne: '本规划',
  plansScopeAll: '全部规划',
  plansScopeOneHint: '只计当前规划',
  plansScopeAllHint: '计入已载入的全部 {count} 份规划',
  plansScopeRankingsAll:
    '这里只列出可以跨规划相加的排名,每个数字都是各规划数字之和。其余排名按单份规划计算,请切换到“本规划”查看:{names}。',
  plansScopeNotSummable: '其中{names}是单位在一份规划协作网络中的位置,不能跨规划相加。',
  plansScopeRankingsOne: '这些排名只计当前规划;{names}另有全部规划合计,见“全部规划”。',
  plansScopePathsAll: '在全部 {count} 份规划中查找:路线可经过任一规划的事项,每个事项注明所属规划。',
  plansScopePathsTheme: '主题属于当前规划:单位与主题之间的路线只经过当前规划的任务。',
  plansScopeItemPlan: '所属规划:{plan}',
  plansScopeSet: '选定规划',
  plansScopeSetHint: '只计勾选的规划(至少两份)',
  plansScopeSetLegend: '计入哪些规划',
  plansScopeSetApply: '应用',
  plansScopeSetTooFew: '请至少勾选两份规划。',
  plansScopeChosen: '范围:选定 {count} 份规划({plans})',
  plansScopePathsChosen:
    '在选定的 {count} 份规划中查找:路线只经过这些规划的事项,每个事项注明所属规划。',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zh, string> = {
  plansScopeLabel: 'Count over',
  plansScopeOne: 'This plan',
  plansScopeAll: 'All plans',
  plansScopeOneHint: 'Only the plan on screen',
  plansScopeAllHint: 'Every one of the {count} plans loaded',
  plansScopeRankingsAll:
    'Only rankings that add up across plans are listed here; each figure is the sum of the plans’ figures. The others count one plan at a time: switch to “This plan” to see them: {names}.',
  plansScopeNotSummable:
    '{names}: a unit’s place in one plan’s network of units, which does not add up across plans.',
  plansScopeRankingsOne:
    'These rankings count the plan on screen only; {names} also come summed over every plan, under “All plans”.',
  plansScopePathsAll:
    'Searching all {count} plans: routes may run through items of any plan, each item with its plan.',
  plansScopePathsTheme:
    'A theme belongs to the plan on screen: routes between a unit and a theme run through that plan’s tasks only.',
  plansScopeItemPlan: 'Plan: {plan}',
  plansScopeSet: 'Chosen plans',
  plansScopeSetHint: 'Only the plans ticked (two or more)',
  plansScopeSetLegend: 'Plans to count',
  plansScopeSetApply: 'Apply',
  plansScopeSetTooFew: 'Tick two or more plans.',
  plansScopeChosen: 'Covers {count} chosen plans ({plans})',
  plansScopePathsChosen:
    'Searching the {count} chosen plans: routes run through their items only, each item with its plan.',
};

export type PlansScopeWord = keyof typeof zh;

/** A word of the feature, `{name}`s filled in. */
export const plansScopeWord = featureWords<PlansScopeWord>({ zh, en });
