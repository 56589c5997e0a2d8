// The words of merging units in the unit panel (合并到… / 拆分), in Chinese and English.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';

export const zh = {
  mergeInto: '合并到…',
  mergeTitle: '合并单位',
  mergeHint:
    '若「{from}」与另一单位实为同一单位,可将其合并:它在各规划中的牵头、配合事项都归入该单位,名称作为别名保留;重新载入规划后依然有效,可随时拆分。',
  mergeTarget: '合并到的单位',
  mergePreview: '预览',
  mergeCancel: '取消',
  mergeConfirm: '确认合并',
  mergeNote: '说明(可选)',
  mergeCounting: '正在统计…',
  mergeWorking: '正在合并…',
  mergeWillMove:
    '将把「{from}」合并到「{into}」:移动牵头 {leads} 条、配合 {supports} 条(共 {items} 个事项)、隶属关系 {memberships} 条,涉及 {plans} 个规划。',
  mergeAliases: '「{from}」将作为「{into}」的别名,搜索「{from}」会找到「{into}」。',
  mergeChoose: '请先从列表中选择一个单位。',
  mergedNames: '已合并的名称',
  mergedBy: '{by} 于 {at} 合并',
  split: '拆分',
  splitWorking: '正在拆分…',
  splitDone: '已拆分「{from}」',
  mergeDone: '已将「{from}」合并到「{into}」',
  mergeFailed: '操作失败:{problem}',
  problemSelf: '不能将单位合并到其自身。',
  problemCollective: '集合单位(如各区人民政府)代表多个单位,不能合并。',
  problemCycle: '目标单位已合并到本单位,请先拆分该合并。',
  problemAlready: '该单位已被合并。',
  problemElsewhere: '目标单位已合并到其他单位,请合并到那个单位。',
  problemHasMerges: '已有其他单位合并到本单位,请先拆分它们。',
  problemUnknown: '找不到该单位或合并记录,可能已重新载入,请刷新页面。',
  problemNotAllowed: '当前账号无权合并或拆分单位。',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  mergeInto: 'Merge into…',
  mergeTitle: 'Merge units',
  mergeHint:
    'If “{from}” is the same body as another unit, merge it: its leads and supports in every plan go to that unit and its names stay as aliases; the merge holds after plans are loaded again and can be split at any time.',
  mergeTarget: 'Unit to merge into',
  mergePreview: 'Preview',
  mergeCancel: 'Cancel',
  mergeConfirm: 'Merge',
  mergeNote: 'Note (optional)',
  mergeCounting: 'Counting…',
  mergeWorking: 'Merging…',
  mergeWillMove:
    'Merging “{from}” into “{into}” moves {leads} leads and {supports} supports ({items} items), {memberships} memberships, in {plans} plan(s).',
  mergeAliases: '“{from}” becomes an alias of “{into}”: searching “{from}” finds “{into}”.',
  mergeChoose: 'Choose a unit from the list first.',
  mergedNames: 'Merged names',
  mergedBy: 'merged by {by} on {at}',
  split: 'Split',
  splitWorking: 'Splitting…',
  splitDone: 'Split “{from}” off',
  mergeDone: 'Merged “{from}” into “{into}”',
  mergeFailed: 'Failed: {problem}',
  problemSelf: 'A unit cannot be merged into itself.',
  problemCollective: 'A collective unit stands for several units and cannot be merged.',
  problemCycle: 'The chosen unit is already merged into this one: split that merge first.',
  problemAlready: 'This unit is already merged.',
  problemElsewhere: 'The chosen unit is itself merged into another: merge into that one.',
  problemHasMerges: 'Other units are merged into this one: split them first.',
  problemUnknown: 'The unit or merge is no longer there (reloaded?); refresh the page.',
  problemNotAllowed: 'This account may not merge or split units.',
};

export type UnitMergeWord = keyof typeof zh;

const WORDS: Record<Lang, Record<UnitMergeWord, string>> = { zh, en };

/** The API's error codes a planner may meet here, in words; others keep the API's message. */
const PROBLEMS: Record<string, UnitMergeWord> = {
  unit_merge_self: 'problemSelf',
  unit_merge_collective: 'problemCollective',
  unit_merge_cycle: 'problemCycle',
  unit_already_merged: 'problemAlready',
  unit_merged_elsewhere: 'problemElsewhere',
  unit_has_merges: 'problemHasMerges',
  unknown_unit: 'problemUnknown',
  unknown_merge: 'problemUnknown',
  not_allowed: 'problemNotAllowed',
};

/** A word of this feature, `{name}`s filled in. */
export const mergeWord = featureWords<UnitMergeWord>(WORDS);

/** Why a merge or split failed, in the planner's words: by the API's code, else its message. */
export function mergeProblem(lang: Lang, error: unknown): string {
  const code =
    error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const known = PROBLEMS[code];
  const problem =
    known !== undefined ? mergeWord(lang, known) : error instanceof Error ? error.message : '';
  return mergeWord(lang, 'mergeFailed', { problem });
}
