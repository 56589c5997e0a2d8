// The words of a comparison of editions (版本对比), in Chinese and English: the table's headers,
// how sure each pairing is, what changed, a unit's change of role. The words the server's CSV
// prints too are contract/edition-words.ts, used here as they are, so table and file agree.
import type { Lang } from '../messages.ts';
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
  UNIT_CHANGE_WORDS,
  UNIT_COLUMNS,
  type ItemColumn,
  type UnitColumn,
} from '../../../../contract/edition-words.ts';

export const zh = {
  editionsButton: '版本对比',
  editionsButtonHint:
    '对比两个版本的方案:新增、删除、措辞调整、编号变更、调整归属的事项,以及各单位牵头、配合的增减',
  editionsTitle: '版本对比',
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
  editionsLoading: '正在对比…',
  editionsFailed: '对比失败:{problem}',
  editionsClose: '关闭',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  editionsButton: 'Compare editions',
  editionsButtonHint:
    'Compare two editions of a plan: items added, removed, reworded, renumbered or moved, and each unit’s leads and supports gained and lost',
  editionsTitle: 'Editions compared',
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
  editionsLoading: 'Comparing…',
  editionsFailed: 'The comparison failed: {problem}',
  editionsClose: 'Close',
};

export type EditionsWord = keyof typeof zh;

const WORDS: Record<Lang, Record<EditionsWord, string>> = { zh, en };

/** A word of this feature, `{name}`s filled in. */
export function editionsWord(
  lang: Lang,
  key: EditionsWord,
  params: Record<string, string | number> = {},
): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

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
