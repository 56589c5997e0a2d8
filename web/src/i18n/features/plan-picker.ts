// The header's plan picker: which of the loaded plans the explorer shows, or all of them at once
// (全部规划), and what says that a feature needs one.
import { featureWords } from '../feature-words.ts';

const zh = {
  planPickerLabel: '当前规划',
  planPickerHint: '已载入 {count} 个规划:选择要查看的一个(图谱、面板、排行和路径都随之切换)',
  planPickerOption: '{title}({details})',
  planPickerItems: '{count} 项',
  planPickerAll: '全部规划({count} 份,同一张图)',
  allPlansTitle: '全部规划:{count} 份规划同图',
  allPlansSubtitle: '各规划的事项在各自的框内,同一单位只画一次,连着它在每份规划中的事项',
  onePlanNeeded: '{what}一次只看一个规划。请选择一个:',
  onePlanWarmap: '挂图作战和时间轴',
  onePlanRankings: '本规划的排行和路径',
  onePlanBackToAll: '改看全部规划的排行和路径',
  reportNeedsPlan: '进展通报针对一个规划:请先在“当前规划”中选择一个规划',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zh, string> = {
  planPickerLabel: 'Plan',
  planPickerHint:
    '{count} plans are loaded: choose the one to explore (the graph, panels, rankings and paths follow)',
  planPickerOption: '{title} ({details})',
  planPickerItems: '{count} items',
  planPickerAll: 'All plans ({count}, on one graph)',
  allPlansTitle: 'All plans: {count} plans on one graph',
  allPlansSubtitle:
    "Each plan's items sit in its own frame; a unit is drawn once, linked to its items in every plan",
  onePlanNeeded: '{what} looks at one plan at a time. Choose one:',
  onePlanWarmap: 'The war map and the timeline',
  onePlanRankings: "This plan's rankings and paths",
  onePlanBackToAll: 'See the rankings and paths over all plans',
  reportNeedsPlan: 'A progress report covers one plan: choose one under Plan first',
};

export type PlanPickerWord = keyof typeof zh;

/** A word of the feature, `{name}`s filled in. */
export const planPickerWord = featureWords<PlanPickerWord>({ zh, en });
