// A task list put into words: the title, the column headers and one row of text per item, in the
// planner's language. Both the Excel and the Word builder draw this one table, so the two files
// always say the same thing. Pure.
import { STATUS_WORDS } from '../../../contract/progress.ts';
import type { TaskList, TaskListItem, UnitNames } from './rows.ts';
import { TASK_LIST_WORDS, type TaskListLang, type TaskListWords } from './words.ts';

export type ColumnKey = keyof TaskListWords['headers'];

export interface TaskListColumn {
  key: ColumnKey;
  header: string;
  /** Width in characters of a CJK text (Excel's unit, roughly); Word shares the page by it. */
  width: number;
  /** Short cells read best centred. */
  centred: boolean;
}

export interface TaskListTable {
  annex: string;
  /** "市发改委任务清单". */
  title: string;
  /** "《武汉市…任务分工方案》". */
  from: string;
  /** The unit's short name, for the sheet's name. */
  unitName: string;
  columns: TaskListColumn[];
  rows: string[][];
}

const LAYOUT: readonly { key: ColumnKey; width: number; centred: boolean }[] = [
  { key: 'number', width: 6, centred: true },
  { key: 'ref', width: 12, centred: true },
  { key: 'item', width: 34, centred: false },
  { key: 'theme', width: 20, centred: false },
  { key: 'role', width: 9, centred: true },
  { key: 'leads', width: 22, centred: false },
  { key: 'supports', width: 26, centred: false },
  { key: 'due', width: 13, centred: true },
  { key: 'dueDate', width: 12, centred: true },
  // Overdue before status: read back as a table, the later status column is the one kept.
  { key: 'overdue', width: 9, centred: true },
  { key: 'status', width: 9, centred: true },
  { key: 'note', width: 34, centred: false },
];

function unitName(lang: TaskListLang, unit: UnitNames): string {
  return lang === 'en' ? (unit.englishName ?? unit.name) : unit.name;
}

/** What the theme column says: the theme, a sub-project's project, else the part of the notice. */
function themeOf(item: TaskListItem, words: TaskListWords): string {
  if (item.theme !== null) return item.theme;
  if (item.project !== null) return item.project;
  switch (item.kind) {
    case 'indicator':
      if (item.binding === null) return words.sections.indicators;
      return item.binding ? words.sections.bindingIndicators : words.sections.expectedIndicators;
    case 'project':
      return words.sections.projects;
    case 'requirement':
      return words.sections.requirements;
    default:
      return '';
  }
}

function roleOf(item: TaskListItem, words: TaskListWords): string {
  if (item.edge === 'SUPPORTS') return words.roles.support;
  return item.inferred === true ? words.roles.inferredLead : words.roles.lead;
}

/**
 * The deadline where the notice gives one. In Chinese the words as printed (2023年底); in English
 * the date they stand for, or the recurrence, and the printed words when they fit no form.
 */
function dueOf(lang: TaskListLang, item: TaskListItem, words: TaskListWords): string {
  if (lang === 'zh' && item.deadline !== null) return item.deadline;
  if (item.dueKind === 'date' && item.dueDate !== null) return item.dueDate;
  if (item.dueKind === 'recurring' && item.dueEvery !== null) return words.every[item.dueEvery];
  if (item.dueKind === 'ongoing') return words.ongoing;
  return item.deadline ?? '';
}

export function taskListTable(list: TaskList, lang: TaskListLang): TaskListTable {
  const words = TASK_LIST_WORDS[lang];
  const units = (names: readonly UnitNames[]) =>
    names.map((unit) => unitName(lang, unit)).join(words.unitSeparator);
  const itemCells = (item: TaskListItem, index: number) => ({
    number: String(index + 1),
    ref: item.ref,
    item: item.title,
    theme: themeOf(item, words),
    role: roleOf(item, words),
    leads: units(item.leads),
    supports: units(item.supports),
    due: dueOf(lang, item, words),
  });
  const cells = (listed: TaskList['items'][number], index: number): Record<ColumnKey, string> => {
    const { state } = listed;
    // The deadline in force: a planner's change where there is one, else the document's.
    const item: TaskListItem =
      state?.deadlineChanged === true
        ? {
            ...listed,
            deadline: state.deadline,
            dueKind: state.dueKind,
            dueDate: state.dueDate,
            dueEvery: null,
          }
        : listed;
    return {
      ...itemCells(item, index),
      dueDate: item.dueKind === 'date' ? (item.dueDate ?? '') : '',
      status: state?.status == null ? words.noStatus : STATUS_WORDS[state.status][lang],
      overdue: state?.overdue === true ? words.overdueMark : '',
      note: state?.note ?? '',
    };
  };
  return {
    annex: words.annex,
    title: words.title(unitName(lang, list.unit)),
    from: words.from(list.plan.title),
    unitName: list.unit.name,
    columns: LAYOUT.map((column) => ({ ...column, header: words.headers[column.key] })),
    rows: list.items.map((item, index) => {
      const row = cells(item, index);
      return LAYOUT.map((column) => row[column.key]);
    }),
  };
}
