// The words of a comparison of editions (版本对比), in Chinese and English: the table's headers,
// how sure each pairing is, what changed, a unit's change of role. The words the server's CSV
// prints too are contract/edition-words.ts, used here as they are, so table and file agree.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';
import { entryEn, entryZh } from './editions-entry.ts';
import type {
  ItemChangeKind,
  MatchCertainty,
  UnitChangeKind,
} from '../../../../contract/api/editions.ts';
import {
  CERTAINTY_RULES,
  CERTAINTY_WORDS,
  CHANGE_WORDS,
  ITEM_COLUMNS,
  KIND_WORDS,
  UNIT_CHANGE_WORDS,
  UNIT_COLUMNS,
  type ItemColumn,
  type UnitColumn,
} from '../../../../contract/edition-words.ts';

export const zh = {
  ...entryZh,
  editionsFrom: '原版本',
  editionsTo: '新版本',
  editionsReview: '待载入文件 {file}',
  editionsSummary:
    '共对应 {matched} 项(未变 {unchanged} 项);新增 {added} 项,删除 {removed} 项,措辞调整 {reworded} 项,编号变更 {renumbered} 项,调整归属 {moved} 项,责任单位变化 {units} 项。',
  editionsLikely: '{likely} 项仅按标题相近对应,请核对。',
  editionsAmbiguous: '{ambiguous} 项有多个可能对应的事项,未自动对应,请核对。',
  editionsNothing: '两个版本的事项和责任单位完全一致。',
  editionsItems: '事项变化',
  editionsUnits: '单位增减',
  editionsCsv: '导出 CSV',
  editionsClose: '关闭',
  editionsOnTable: '表格',
  editionsOnGraph: '图上显示',
  editionsOnGraphHint: '在图上显示新版本:新增、有变化的事项和删除的事项(在原主题下)分别标出',
  editionsSwap: '对调',
  editionsSamePlan: '请选择两个不同的版本。',
  editionsFilterLabel: '按变化筛选',
  editionsAll: '全部',
  editionsSortLabel: '排序',
  editionsSortDocument: '按文件顺序',
  editionsSortChange: '按变化类型',
  editionsSortCertainty: '对应把握低的在前',
  editionsSortNumber: '按编号',
  editionsShown: '显示 {shown} / {total} 项',
  editionsNoRows: '没有符合筛选条件的事项。',
  editionsLikeness: '标题相似度 {percent}',
  editionsDownloaded: '已下载 {file}',
  editionsLegend: '版本对比图例',
  editionsLegendAdded: '新增事项',
  editionsLegendChanged: '有变化的事项(措辞、编号、归属或责任单位)',
  editionsLegendRemoved: '已删除的事项(画在原主题下)',
  editionsLegendUnit: '牵头或配合有增减的单位',
  editionsLegendGained: '新增的牵头、配合',
  editionsLegendLost: '不再承担的牵头、配合',
  editionsGhost: '已删除:{ref} {title}',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  ...entryEn,
  editionsFrom: 'Older edition',
  editionsTo: 'Newer edition',
  editionsReview: 'File to load: {file}',
  editionsSummary:
    '{matched} items paired ({unchanged} unchanged); {added} added, {removed} removed, {reworded} reworded, {renumbered} renumbered, {moved} moved, {units} with units changed.',
  editionsLikely: '{likely} paired on wording alone: check them.',
  editionsAmbiguous: '{ambiguous} might be one of several items and were not paired: check them.',
  editionsNothing: 'The two editions have the same items and units.',
  editionsItems: 'Items changed',
  editionsUnits: 'Units',
  editionsCsv: 'Export CSV',
  editionsClose: 'Close',
  editionsOnTable: 'Table',
  editionsOnGraph: 'On the graph',
  editionsOnGraphHint:
    'Show the newer edition on the graph: added and changed items marked, removed ones drawn under their old theme',
  editionsSwap: 'Swap',
  editionsSamePlan: 'Choose two different editions.',
  editionsFilterLabel: 'Filter by change',
  editionsAll: 'All',
  editionsSortLabel: 'Sort',
  editionsSortDocument: 'Document order',
  editionsSortChange: 'By change',
  editionsSortCertainty: 'Least certain first',
  editionsSortNumber: 'By number',
  editionsShown: 'Showing {shown} of {total}',
  editionsNoRows: 'No item matches the filter.',
  editionsLikeness: 'Title likeness {percent}',
  editionsDownloaded: 'Downloaded {file}',
  editionsLegend: 'Legend: editions compared',
  editionsLegendAdded: 'Item added',
  editionsLegendChanged: 'Item changed (wording, number, theme or units)',
  editionsLegendRemoved: 'Item removed (drawn under its old theme)',
  editionsLegendUnit: 'Unit whose leads or supports changed',
  editionsLegendGained: 'Lead or support gained',
  editionsLegendLost: 'Lead or support lost',
  editionsGhost: 'Removed: {ref} {title}',
};

export type EditionsWord = keyof typeof zh;

const WORDS: Record<Lang, Record<EditionsWord, string>> = { zh, en };

/** A word of this feature, `{name}`s filled in. */
export const editionsWord = featureWords<EditionsWord>(WORDS);

/** A changed items' table header. */
export const itemColumnWord = (lang: Lang, column: ItemColumn): string =>
  ITEM_COLUMNS[column][lang];

/** A units' table header. */
export const unitColumnWord = (lang: Lang, column: UnitColumn): string =>
  UNIT_COLUMNS[column][lang];

/** How sure a pairing is, in a word; `certaintyRule` says the rule behind it (a tooltip). */
export const certaintyWord = (lang: Lang, certainty: MatchCertainty): string =>
  CERTAINTY_WORDS[certainty][lang];

export const certaintyRule = (lang: Lang, certainty: MatchCertainty): string =>
  CERTAINTY_RULES[certainty][lang];

export const changeWord = (lang: Lang, change: ItemChangeKind): string =>
  CHANGE_WORDS[change][lang];

export const unitChangeWord = (lang: Lang, change: UnitChangeKind): string =>
  UNIT_CHANGE_WORDS[change][lang];

/** An item's kind, in a word. */
export const editionKindWord = (lang: Lang, kind: keyof typeof KIND_WORDS): string =>
  KIND_WORDS[kind][lang];
