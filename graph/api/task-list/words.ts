// The words of a unit's 任务清单 as the file prints them, in Chinese and English. The file is built
// on the server, which cannot import the web app's words, so the role words are copied here from
// the one vocabulary (web/src/i18n/features/roles.ts: 牵头 / 推定牵头 / 配合, 牵头单位 / 配合单位);
// test/api/task-list.test.ts fails when the two drift apart.
import { z } from 'zod';

export const TaskListLang = z.enum(['zh', 'en']);
export type TaskListLang = z.infer<typeof TaskListLang>;

export interface TaskListWords {
  annex: string;
  /** The document's title line: the unit's task list. */
  title: (unit: string) => string;
  /** The plan the list is taken from, under the title (Excel puts both in its title row). */
  from: (planTitle: string) => string;
  headers: {
    number: string;
    ref: string;
    item: string;
    theme: string;
    role: string;
    leads: string;
    supports: string;
    due: string;
    dueDate: string;
    status: string;
    overdue: string;
    note: string;
  };
  /** What the overdue column says of an overdue item (blank otherwise). */
  overdueMark: string;
  /** The status column of an item no one has reported on and whose document prints none. */
  noStatus: string;
  roles: { lead: string; inferredLead: string; support: string };
  /** What stands in the theme column for an item that sits under no theme. */
  sections: {
    bindingIndicators: string;
    expectedIndicators: string;
    indicators: string;
    projects: string;
    requirements: string;
  };
  every: Record<'day' | 'week' | 'month' | 'quarter' | 'half-year' | 'year', string>;
  ongoing: string;
  /** Joins the co-units of one cell. */
  unitSeparator: string;
}

// 到期时间 and 逾期状态 rather than 到期日 and 是否逾期: words the parser knows as a deadline and a
// status column, so a list a liaison fills in reads back as a table (and as a ledger): a table
// with more than two headers it does not know is no task table to it.
export const TASK_LIST_WORDS: Record<TaskListLang, TaskListWords> = {
  zh: {
    annex: '附件',
    title: (unit) => `${unit}任务清单`,
    from: (planTitle) => `《${planTitle}》`,
    headers: {
      number: '序号',
      ref: '编号',
      item: '任务',
      theme: '所属主题',
      role: '角色',
      leads: '牵头单位',
      supports: '配合单位',
      due: '完成时限',
      dueDate: '到期时间',
      status: '状态',
      overdue: '逾期状态',
      note: '最新进展',
    },
    overdueMark: '已逾期',
    noStatus: '未报送',
    roles: { lead: '牵头', inferredLead: '推定牵头', support: '配合' },
    sections: {
      bindingIndicators: '约束性指标',
      expectedIndicators: '预期性指标',
      indicators: '主要指标',
      projects: '重大工程',
      requirements: '工作要求',
    },
    every: {
      day: '每日',
      week: '每周',
      month: '每月',
      quarter: '每季度',
      'half-year': '每半年',
      year: '每年',
    },
    ongoing: '长期坚持',
    unitSeparator: '、',
  },
  en: {
    annex: 'Annex',
    title: (unit) => `Task list: ${unit}`,
    from: (planTitle) => `From: ${planTitle}`,
    headers: {
      number: 'No.',
      ref: 'Ref.',
      item: 'Item',
      theme: 'Theme',
      role: 'Role',
      leads: 'Lead units',
      supports: 'Supporting units',
      due: 'Deadline',
      dueDate: 'Due date',
      status: 'Status',
      overdue: 'Overdue',
      note: 'Latest note',
    },
    overdueMark: 'Overdue',
    noStatus: 'No status',
    roles: { lead: 'Lead', inferredLead: 'Inferred lead', support: 'Support' },
    sections: {
      bindingIndicators: 'Binding indicators',
      expectedIndicators: 'Expected indicators',
      indicators: 'Indicators',
      projects: 'Major projects',
      requirements: 'Work requirements',
    },
    every: {
      day: 'Daily',
      week: 'Weekly',
      month: 'Monthly',
      quarter: 'Quarterly',
      'half-year': 'Half-yearly',
      year: 'Yearly',
    },
    ongoing: 'Ongoing',
    unitSeparator: ', ',
  },
};
