// The words a progress report prints, in Chinese and English: a 督办通报's headings, the tables'
// headers, and the status and track words from the one vocabulary (contract/progress.ts). Here
// because both sides print a report: the server its .docx and .xlsx (graph/reports/), the browser
// its PDF (web/src/reports/). The dialog's own words are web/src/i18n/features/reports.ts.
import type { OverdueItem, ProgressReport, StatusCounts } from './api/reports.ts';
import { STATUS_WORDS, TRACK_WORDS, type Status, type Track } from './progress.ts';
import { planShortTitle } from './short-title.ts';

export type ReportLang = 'zh' | 'en';

export interface ReportWords {
  title: string;
  range: (from: string, to: string) => string;
  plan: (title: string) => string;
  sections: { overview: string; groups: string; overdue: string; next: string };
  byTheme: string;
  byUnit: string;
  indicators: string;
  changes: string;
  figure: string;
  overview: (report: ProgressReport) => string;
  noOverdue: string;
  /** One overdue item as a paragraph of 三、逾期事项: units, deadline, days late, latest note. */
  overdueLine: (item: OverdueItem, index: number) => string;
  nextSteps: (report: ProgressReport) => string[];
  counts: Record<keyof StatusCounts, string>;
  headers: {
    number: string;
    ref: string;
    item: string;
    theme: string;
    unit: string;
    deadline: string;
    dueDate: string;
    daysLate: string;
    status: string;
    leads: string;
    supports: string;
    note: string;
    lastReported: string;
    target: string;
    year: string;
    value: string;
    track: string;
    at: string;
    by: string;
    before: string;
    after: string;
    percent: string;
  };
  status: (status: Status | null) => string;
  track: (track: Track) => string;
  sheets: {
    overview: string;
    themes: string;
    units: string;
    overdue: string;
    indicators: string;
    changes: string;
  };
  separator: string;
}

const share = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${Math.round((part / whole) * 1000) / 10}%`;

export const REPORT_WORDS: Record<ReportLang, ReportWords> = {
  zh: {
    title: '工作进展情况通报',
    range: (from, to) => `（${from}至${to}）`,
    plan: (title) => `《${title}》`,
    sections: {
      overview: '一、总体情况',
      groups: '二、分主题、分单位推进情况',
      overdue: '三、逾期事项',
      next: '四、下一步工作',
    },
    byTheme: '（一）分主题',
    byUnit: '（二）分单位',
    indicators: '（三）主要指标',
    changes: '（四）本期进展',
    figure: '作战图',
    overview: (r) => {
      const t = r.totals;
      return (
        `截至${r.today}，纳入督办的事项共${t.items}项，其中已完成${t.done}项（${share(t.done, t.items)}），` +
        `推进中${t['in-progress']}项，滞后${t.late}项，未启动${t['not-started']}项，暂缓${t.paused}项，` +
        `未报送状态${t.none}项；已逾期${t.overdue}项，30日内到期${t.dueSoon}项。` +
        `本期（${r.from}至${r.to}）共报送进展${r.changes.length}条，${r.changedItems}项事项状态发生变化。`
      );
    },
    noOverdue: '本期无逾期事项。',
    overdueLine: (item, index) =>
      `${index + 1}. ${item.title}（${item.ref}）。牵头单位：${item.leads.join('、') || '—'}` +
      `${item.supports.length > 0 ? `；配合单位：${item.supports.join('、')}` : ''}` +
      `。完成时限：${item.deadline ?? item.dueDate}，已逾期${item.daysLate}天，状态：${
        item.status === null ? '未报送' : STATUS_WORDS[item.status].zh
      }。最新进展：${item.note ?? '未报送'}`,
    nextSteps: (r) => [
      r.overdue.length > 0
        ? `请${[...new Set(r.overdue.flatMap((item) => item.leads))].slice(0, 8).join('、')}等牵头单位对${r.overdue.length}项逾期事项逐项说明原因，明确整改时限，加快推进。`
        : '各牵头单位继续按时序推进，确保按期完成。',
      r.totals.dueSoon > 0
        ? `${r.totals.dueSoon}项事项将于30日内到期，请相关单位提前谋划，确保按期完成。`
        : '请各单位提前谋划下阶段工作，防止出现逾期。',
      '请各单位联络员按时在系统中报送进展情况，做到挂图作战、对账销号。',
    ],
    counts: {
      items: '事项数',
      'not-started': '未启动',
      'in-progress': '推进中',
      done: '已完成',
      late: '滞后',
      paused: '暂缓',
      none: '未报送',
      overdue: '已逾期',
      dueSoon: '30日内到期',
    },
    headers: {
      number: '序号',
      ref: '编号',
      item: '事项',
      theme: '所属主题',
      unit: '单位',
      deadline: '完成时限',
      dueDate: '到期日',
      daysLate: '逾期天数',
      status: '状态',
      leads: '牵头单位',
      supports: '配合单位',
      note: '最新进展',
      lastReported: '最近报送',
      target: '目标',
      year: '年度',
      value: '实际值',
      track: '判断',
      at: '报送时间',
      by: '报送人',
      before: '原状态',
      after: '新状态',
      percent: '完成比例',
    },
    status: (status) => (status === null ? '未报送' : STATUS_WORDS[status].zh),
    track: (track) => TRACK_WORDS[track].zh,
    sheets: {
      overview: '总体情况',
      themes: '分主题',
      units: '分单位',
      overdue: '逾期事项',
      indicators: '主要指标',
      changes: '本期进展',
    },
    separator: '、',
  },
  en: {
    title: 'Progress report',
    range: (from, to) => `(${from} to ${to})`,
    plan: (title) => title,
    sections: {
      overview: '1. Overview',
      groups: '2. By theme and by unit',
      overdue: '3. Overdue items',
      next: '4. Next steps',
    },
    byTheme: '2.1 By theme',
    byUnit: '2.2 By unit',
    indicators: '2.3 Indicators',
    changes: '2.4 Progress in the period',
    figure: 'War map',
    overview: (r) => {
      const t = r.totals;
      return (
        `As of ${r.today}, ${t.items} items are tracked: ${t.done} done (${share(t.done, t.items)}), ` +
        `${t['in-progress']} in progress, ${t.late} late, ${t['not-started']} not started, ${t.paused} paused, ` +
        `${t.none} with no status; ${t.overdue} overdue, ${t.dueSoon} due within 30 days. ` +
        `${r.changes.length} updates were reported from ${r.from} to ${r.to}; ${r.changedItems} items changed status.`
      );
    },
    noOverdue: 'No item is overdue.',
    overdueLine: (item, index) =>
      `${index + 1}. ${item.title} (${item.ref}). Lead: ${item.leads.join(', ') || '—'}` +
      `${item.supports.length > 0 ? `; supporting: ${item.supports.join(', ')}` : ''}` +
      `. Due ${item.dueDate}, ${item.daysLate} days late, ${
        item.status === null ? 'no status' : STATUS_WORDS[item.status].en.toLowerCase()
      }. Latest note: ${item.note ?? 'none reported'}`,
    nextSteps: (r) => [
      r.overdue.length > 0
        ? `Lead units of the ${r.overdue.length} overdue items to explain each delay and set a date to finish.`
        : 'Lead units to keep to their schedules.',
      r.totals.dueSoon > 0
        ? `${r.totals.dueSoon} items fall due within 30 days: their units to plan ahead.`
        : 'Units to plan the next period ahead.',
      'Liaisons to report progress in guatu on time.',
    ],
    counts: {
      items: 'Items',
      'not-started': 'Not started',
      'in-progress': 'In progress',
      done: 'Done',
      late: 'Late',
      paused: 'Paused',
      none: 'No status',
      overdue: 'Overdue',
      dueSoon: 'Due in 30 days',
    },
    headers: {
      number: 'No.',
      ref: 'Ref.',
      item: 'Item',
      theme: 'Theme',
      unit: 'Unit',
      deadline: 'Deadline',
      dueDate: 'Due date',
      daysLate: 'Days late',
      status: 'Status',
      leads: 'Lead units',
      supports: 'Supporting units',
      note: 'Latest note',
      lastReported: 'Last reported',
      target: 'Target',
      year: 'Year',
      value: 'Actual',
      track: 'Track',
      at: 'Reported at',
      by: 'By',
      before: 'Before',
      after: 'After',
      percent: 'Percent',
    },
    status: (status) => (status === null ? 'No status' : STATUS_WORDS[status].en),
    track: (track) => TRACK_WORDS[track].en,
    sheets: {
      overview: 'Overview',
      themes: 'By theme',
      units: 'By unit',
      overdue: 'Overdue',
      indicators: 'Indicators',
      changes: 'Updates',
    },
    separator: ', ',
  },
};

/** 武汉十四五分工-进展通报-2026-11-01至2026-12-07.docx: the same name from the server and the browser. */
export function reportFileName(
  report: Pick<ProgressReport, 'plan' | 'from' | 'to'>,
  lang: ReportLang,
  format: string,
): string {
  const short = planShortTitle(report.plan).replace(/[\\/:*?"<>|\s]+/g, '-');
  return lang === 'zh'
    ? `${short}-进展通报-${report.from}至${report.to}.${format}`
    : `${short}-progress-report-${report.from}-to-${report.to}.${format}`;
}
