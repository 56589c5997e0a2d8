// The words of a 督办台账 import (the import dialog's ledger mode), in Chinese and English.
import { featureWords } from '../feature-words.ts';
import type { Lang } from '../messages.ts';
import type { LedgerMatchView, LedgerUnmatchedView } from '../../../../contract/api/ledger.ts';

export const zh = {
  ledgerButton: '导入台账',
  ledgerButtonHint: '导入督办台账(Excel 等),按编号和标题匹配到当前方案的事项,审阅后写入进展',
  ledgerTitle: '导入督办台账',
  ledgerChoose: '选择督办台账文件',
  ledgerDropHint: '台账的“状态”“进展情况”列将按编号和标题匹配到当前方案的事项。',
  ledgerReading: '正在读取 {name}…',
  ledgerSummary:
    '共 {rows} 行:匹配 {matched} 行(其中 {changed} 项状态将变化),未匹配 {unmatched} 行。',
  ledgerAgainst: '匹配方案:{plan}',
  ledgerMatched: '已匹配',
  ledgerUnmatched: '未匹配(不写入)',
  ledgerRow: '行',
  ledgerRef: '编号',
  ledgerItem: '台账事项',
  ledgerPlanItem: '方案事项',
  ledgerHow: '匹配依据',
  ledgerBefore: '原状态',
  ledgerAfter: '新状态',
  ledgerNote: '进展情况',
  ledgerWhy: '原因',
  ledgerNoStatus: '未报送',
  ledgerUnknownStatus: '“{words}”无法识别为状态,仅记录进展',
  'how-ref-and-title': '编号、标题一致',
  'how-title': '标题一致',
  'how-ref-similar-title': '编号一致,标题相近({percent}%)',
  'why-no-item': '方案中没有对应的事项',
  'why-several-items': '有多个事项可能对应,无法确定',
  'why-title-differs': '同编号事项的标题差异过大',
  'why-duplicate': '与前面的行对应同一事项',
  'why-nothing-to-record': '没有可记录的状态或进展',
  ledgerNothingWritten: '审阅中:尚未写入任何记录。',
  ledgerConfirm: '确认写入 {n} 条进展',
  ledgerWriting: '正在写入…',
  ledgerWritten: '已写入 {n} 条进展记录。',
  ledgerCancel: '取消',
  ledgerFailed: '台账导入失败:',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  ledgerButton: 'Import ledger',
  ledgerButtonHint:
    'Import a progress ledger (Excel …): rows matched to this plan’s items by number and title, reviewed before anything is written',
  ledgerTitle: 'Import a progress ledger',
  ledgerChoose: 'Choose a ledger file',
  ledgerDropHint:
    'Its status and progress columns are matched to this plan’s items by number and title.',
  ledgerReading: 'Reading {name}…',
  ledgerSummary: '{rows} rows: {matched} matched ({changed} change status), {unmatched} unmatched.',
  ledgerAgainst: 'Matched against: {plan}',
  ledgerMatched: 'Matched',
  ledgerUnmatched: 'Unmatched (not written)',
  ledgerRow: 'Row',
  ledgerRef: 'Ref.',
  ledgerItem: 'Ledger row',
  ledgerPlanItem: 'Plan item',
  ledgerHow: 'Matched by',
  ledgerBefore: 'Before',
  ledgerAfter: 'After',
  ledgerNote: 'Progress',
  ledgerWhy: 'Why',
  ledgerNoStatus: 'No status',
  ledgerUnknownStatus: '“{words}” is not a status: only the note is recorded',
  'how-ref-and-title': 'Number and title',
  'how-title': 'Title',
  'how-ref-similar-title': 'Number, similar title ({percent}%)',
  'why-no-item': 'No item of the plan matches',
  'why-several-items': 'Several items could match; none is chosen',
  'why-title-differs': 'The item of that number has a different title',
  'why-duplicate': 'An earlier row matched the same item',
  'why-nothing-to-record': 'No status or progress to record',
  ledgerNothingWritten: 'Review: nothing is written yet.',
  ledgerConfirm: 'Write {n} updates',
  ledgerWriting: 'Writing…',
  ledgerWritten: '{n} progress records written.',
  ledgerCancel: 'Cancel',
  ledgerFailed: 'The ledger import failed: ',
};

export type LedgerWord = keyof typeof zh;

const WORDS: Record<Lang, Record<LedgerWord, string>> = { zh, en };

export const ledgerWord = featureWords<LedgerWord>(WORDS);

/** How a row found its item, in words, with the similarity where it was not exact. */
export function howWords(lang: Lang, match: LedgerMatchView): string {
  return ledgerWord(lang, `how-${match.how}`, {
    percent: String(Math.round(match.similarity * 100)),
  });
}

export function whyWords(lang: Lang, miss: LedgerUnmatchedView): string {
  return ledgerWord(lang, `why-${miss.reason}`);
}
