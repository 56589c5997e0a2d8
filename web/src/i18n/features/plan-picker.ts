// The header's plan picker: which of the loaded plans the explorer shows.
import { featureWords } from '../feature-words.ts';

const zh = {
  planPickerLabel: '当前规划',
  planPickerHint: '已载入 {count} 个规划:选择要查看的一个(图谱、面板、排行和路径都随之切换)',
  planPickerOption: '{title}({details})',
  planPickerItems: '{count} 项',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zh, string> = {
  planPickerLabel: 'Plan',
  planPickerHint:
    '{count} plans are loaded: choose the one to explore (the graph, panels, rankings and paths follow)',
  planPickerOption: '{title} ({details})',
  planPickerItems: '{count} items',
};

export type PlanPickerWord = keyof typeof zh;

/** A word of the feature, `{name}`s filled in. */
export const planPickerWord = featureWords<PlanPickerWord>({ zh, en });
