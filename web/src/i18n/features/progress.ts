// The words of an item's progress in its panel: status, deadline, history, the update form, a
// planner's deadline change and an indicator's values by year, in Chinese and English. Status
// words come from contract/progress.ts (STATUS_WORDS), the indicator's judgement from TRACK_WORDS:
// the ledger import, the reports and the map use the same.
import {
  STATUS_WORDS,
  TRACK_WORDS,
  type Status,
  type Track,
} from '../../../../contract/progress.ts';

export const zh = {
  progressTitle: '进展',
  progressLoading: '正在读取进展…',
  progressFailed: '进展读取失败：{problem}',
  progressStatus: '状态',
  progressNoStatus: '未报送',
  progressPercent: '完成比例',
  progressDeadline: '完成时限',
  progressNoDeadline: '未定时限',
  progressDueDate: '（{date}）',
  progressDeadlineChanged: '已调整',
  progressOverdue: '已逾期 {days} 天',
  progressDueSoon: '{days} 天后到期',
  progressDueToday: '今日到期',
  progressAsOf: '截至 {today}',
  progressLastReported: '最近报送：{date}',
  progressHistory: '进展记录',
  progressHistoryEmpty: '尚无进展记录',
  progressBy: '{who} · {when}',
  progressMoved: '原记录于 {ref}',
  progressSource_update: '联络员报送',
  progressSource_ledger: '台账导入',
  progressSource_planner: '规划人员录入',
  progressAdd: '报送进展',
  progressNote: '进展情况',
  progressNotePlaceholder: '本期工作进展、存在问题、下步打算',
  progressKeepStatus: '（不变）',
  progressSubmit: '提交',
  progressSaving: '正在提交…',
  progressSaved: '已提交',
  progressEmptyUpdate: '请至少填写状态、进展情况或完成比例',
  progressWriteFailed: '提交失败：{problem}',
  progressDeadlineEdit: '调整完成时限',
  progressDeadlineInput: '新的完成时限',
  progressDeadlinePlaceholder: '如 2027年6月底前、2027-06-30、每季度',
  progressDeadlineSubmit: '保存时限',
  progressDeadlineHistory: '时限调整记录',
  progressDeadlineBy: '{who} 于 {when} 调整为“{deadline}”',
  indicatorTitle: '指标实际值',
  indicatorTarget: '目标：{target}',
  indicatorNoTarget: '未写明目标值',
  indicatorYear: '年份',
  indicatorValue: '实际值',
  indicatorTrack: '对照目标',
  indicatorEmpty: '尚未填报实际值',
  indicatorAdd: '填报实际值',
  indicatorSubmit: '保存',
} as const satisfies Record<string, string>;

export type ProgressWord = keyof typeof zh;

export const en: Record<ProgressWord, string> = {
  progressTitle: 'Progress',
  progressLoading: 'Reading progress…',
  progressFailed: 'Progress could not be read: {problem}',
  progressStatus: 'Status',
  progressNoStatus: 'Not reported',
  progressPercent: 'Done',
  progressDeadline: 'Deadline',
  progressNoDeadline: 'No deadline',
  progressDueDate: ' ({date})',
  progressDeadlineChanged: 'changed',
  progressOverdue: 'Overdue by {days} days',
  progressDueSoon: 'Due in {days} days',
  progressDueToday: 'Due today',
  progressAsOf: 'As of {today}',
  progressLastReported: 'Last reported {date}',
  progressHistory: 'Progress history',
  progressHistoryEmpty: 'No progress reported yet',
  progressBy: '{who} · {when}',
  progressMoved: 'recorded on {ref}',
  progressSource_update: 'liaison',
  progressSource_ledger: 'ledger import',
  progressSource_planner: 'planner',
  progressAdd: 'Report progress',
  progressNote: 'Progress note',
  progressNotePlaceholder: 'Work done, problems, next steps',
  progressKeepStatus: '(unchanged)',
  progressSubmit: 'Submit',
  progressSaving: 'Submitting…',
  progressSaved: 'Submitted',
  progressEmptyUpdate: 'Give at least a status, a note or a percent',
  progressWriteFailed: 'Not saved: {problem}',
  progressDeadlineEdit: 'Change the deadline',
  progressDeadlineInput: 'New deadline',
  progressDeadlinePlaceholder: 'e.g. 2027年6月底前, 2027-06-30, 每季度',
  progressDeadlineSubmit: 'Save deadline',
  progressDeadlineHistory: 'Deadline changes',
  progressDeadlineBy: '{who} set it to “{deadline}” on {when}',
  indicatorTitle: 'Actual values',
  indicatorTarget: 'Target: {target}',
  indicatorNoTarget: 'No target value stated',
  indicatorYear: 'Year',
  indicatorValue: 'Actual',
  indicatorTrack: 'Against target',
  indicatorEmpty: 'No actual value reported yet',
  indicatorAdd: 'Report a value',
  indicatorSubmit: 'Save',
};

/** A word of this feature in the interface language, `{name}` placeholders filled. */
export function progressWord(
  lang: 'zh' | 'en',
  word: ProgressWord,
  values: Record<string, string | number> = {},
): string {
  const text = (lang === 'zh' ? zh : en)[word];
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

export const statusWord = (lang: 'zh' | 'en', status: Status): string => STATUS_WORDS[status][lang];
export const trackWord = (lang: 'zh' | 'en', track: Track): string => TRACK_WORDS[track][lang];
