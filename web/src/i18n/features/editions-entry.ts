// The few words of the comparison of editions the first screen shows: the header's entry and the
// import review's, and what they say while the comparison comes. Apart from the rest of the
// feature's words (editions.ts, which includes these), so the first load carries only these;
// the view's own code and words are loaded on first use.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';

export const entryZh = {
  editionsButton: '版本对比',
  editionsButtonHint:
    '对比两个版本的方案:新增、删除、措辞调整、编号变更、调整归属的事项,以及各单位牵头、配合的增减',
  editionsTitle: '版本对比',
  editionsLoading: '正在对比…',
  editionsFailed: '对比失败:{problem}',
  editionsReviewButton: '与现有方案对比',
  editionsReviewButtonHint: '载入前看清:与将被替换的方案相比,哪些事项新增、删除或有变化',
  editionsReviewBack: '返回文件内容',
} as const satisfies Record<string, string>;

export const entryEn: Record<keyof typeof entryZh, string> = {
  editionsButton: 'Compare editions',
  editionsButtonHint:
    'Compare two editions of a plan: items added, removed, reworded, renumbered or moved, and each unit’s leads and supports gained and lost',
  editionsTitle: 'Editions compared',
  editionsLoading: 'Comparing…',
  editionsFailed: 'The comparison failed: {problem}',
  editionsReviewButton: 'Compare with the loaded plan',
  editionsReviewButtonHint:
    'Before loading: against the plan it would replace, which items are added, removed or changed',
  editionsReviewBack: 'Back to the document',
};

export type EditionsEntryWord = keyof typeof entryZh;

const WORDS: Record<Lang, Record<EditionsEntryWord, string>> = { zh: entryZh, en: entryEn };

/** A word of the entries, `{name}`s filled in. */
export const editionsEntryWord = featureWords<EditionsEntryWord>(WORDS);
