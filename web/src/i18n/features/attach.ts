// The words of the attach screen (待关联进展), in Chinese and English: records a new edition of
// the notice left without an item, listed for a planner to attach by hand.
import type { UnattachedView } from '../../../../contract/api/progress.ts';
import type { Lang } from '../messages.ts';

export const zh = {
  attachBadge: '待关联进展 {n}',
  attachBadgeHint: '新版文件载入后有 {n} 条进展记录找不到原事项,请逐条关联',
  attachTitle: '待关联进展记录',
  attachHint:
    '载入新版文件后,以下记录原来所在的事项已找不到(删除、重新编号或改写过多)。记录都还在,请为每条选择新版中的事项。',
  attachLoading: '正在读取待关联记录…',
  attachFailed: '读取失败:{problem}',
  attachNone: '所有进展记录都已关联到事项。',
  attachCount: '共 {n} 条',
  attachWas: '原事项',
  attachWasUnknown: '(未记录原事项)',
  attachWhen: '{who} · {when}',
  attachStatusIs: '状态:{status}',
  attachNote: '进展情况',
  attachDeadline: '完成时限改为“{deadline}”',
  attachValue: '{year} 年实际值 {value}',
  attachProposals: '标题相近的事项',
  attachNoProposal: '没有标题相近的事项,请在下面查找。',
  attachLikeness: '相似 {percent}%',
  attachSearch: '查找事项',
  attachSearchPlaceholder: '输入事项序号或标题中的词',
  attachSearchHint: '上下方向键选择,回车确定',
  attachSearchEmpty: '没有找到匹配的事项',
  attachTarget: '将关联到:{item}',
  attachNoTarget: '请先选择一个事项',
  attachButton: '关联',
  attachAttaching: '正在关联…',
  attachDone: '已关联到 {item},记录见该事项的进展历史。',
  attachWriteFailed: '未能关联:{problem}',
  attachClose: '关闭',
  attachKind_progress: '进展',
  attachKind_deadline: '完成时限调整',
  attachKind_indicator: '指标实际值',
} as const satisfies Record<string, string>;

export type AttachWord = keyof typeof zh;

export const en: Record<AttachWord, string> = {
  attachBadge: 'Unattached progress {n}',
  attachBadgeHint:
    'The new edition left {n} progress records without their item: attach each by hand',
  attachTitle: 'Unattached progress records',
  attachHint:
    'After the new edition was loaded, the item each of these records was on could not be found (removed, renumbered or reworded too far). Nothing is lost: choose the item of the new edition for each.',
  attachLoading: 'Reading the unattached records…',
  attachFailed: 'Could not read them: {problem}',
  attachNone: 'Every progress record is on an item.',
  attachCount: '{n} records',
  attachWas: 'Was on',
  attachWasUnknown: '(item not recorded)',
  attachWhen: '{who} · {when}',
  attachStatusIs: 'Status: {status}',
  attachNote: 'Progress note',
  attachDeadline: 'Deadline changed to “{deadline}”',
  attachValue: 'Actual value for {year}: {value}',
  attachProposals: 'Items with a similar title',
  attachNoProposal: 'No item has a similar title: search below.',
  attachLikeness: '{percent}% alike',
  attachSearch: 'Find an item',
  attachSearchPlaceholder: 'Type the item’s number or words of its title',
  attachSearchHint: 'Arrow keys to move, Enter to choose',
  attachSearchEmpty: 'No item found',
  attachTarget: 'Attach to: {item}',
  attachNoTarget: 'Choose an item first',
  attachButton: 'Attach',
  attachAttaching: 'Attaching…',
  attachDone: 'Attached to {item}: the record is in that item’s progress history.',
  attachWriteFailed: 'Not attached: {problem}',
  attachClose: 'Close',
  attachKind_progress: 'Progress',
  attachKind_deadline: 'Deadline change',
  attachKind_indicator: 'Indicator value',
};

const WORDS: Record<Lang, Record<AttachWord, string>> = { zh, en };

/** A word of this feature in the interface language, `{name}` placeholders filled. */
export function attachWord(
  lang: Lang,
  word: AttachWord,
  values: Record<string, string | number> = {},
): string {
  return WORDS[lang][word].replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** What kind of record it is, in words. */
export const recordKindWord = (lang: Lang, kind: UnattachedView['kind']): string =>
  attachWord(lang, `attachKind_${kind}`);
