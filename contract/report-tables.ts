// A progress report as tables of words and numbers, in the planner's language: the Word, Excel
// and PDF builders all draw these, so the three files always say the same thing. Pure.
import type { ProgressReport, ReportGroup, StatusCounts } from './api/reports.ts';
import { REPORT_WORDS, type ReportLang } from './report-words.ts';

export type TableKey = 'overview' | 'themes' | 'units' | 'overdue' | 'indicators' | 'changes';

export interface ReportTable {
  key: TableKey;
  /** The Excel sheet's name. */
  sheet: string;
  headers: string[];
  rows: (string | number)[][];
}

const COUNT_KEYS: readonly (keyof StatusCounts)[] = [
  'items',
  'done',
  'in-progress',
  'late',
  'not-started',
  'paused',
  'none',
  'overdue',
  'dueSoon',
];

/** YYYY-MM-DD HH:mm of an instant, as the report's reader reads it (the plan's time zone). */
export type Stamp = (at: string) => string;

export function reportTables(
  report: ProgressReport,
  lang: ReportLang,
  stamp: Stamp,
): ReportTable[] {
  const words = REPORT_WORDS[lang];
  const h = words.headers;
  const countHeaders = COUNT_KEYS.map((key) => words.counts[key]);
  const countCells = (counts: StatusCounts) => COUNT_KEYS.map((key) => counts[key]);
  const group = (first: string, rows: readonly ReportGroup[]) => ({
    headers: [h.number, first, ...countHeaders],
    rows: rows.map((row, index) => [
      index + 1,
      row.ref === null ? row.name : `${row.ref} ${row.name}`,
      ...countCells(row.counts),
    ]),
  });
  const join = (names: readonly string[]) => names.join(words.separator);
  return [
    {
      key: 'overview',
      sheet: words.sheets.overview,
      headers: countHeaders,
      rows: [countCells(report.totals)],
    },
    { key: 'themes', sheet: words.sheets.themes, ...group(h.theme, report.themes) },
    { key: 'units', sheet: words.sheets.units, ...group(h.unit, report.units) },
    {
      key: 'overdue',
      sheet: words.sheets.overdue,
      headers: [
        h.number,
        h.ref,
        h.item,
        h.leads,
        h.supports,
        h.deadline,
        h.dueDate,
        h.daysLate,
        h.status,
        h.note,
        h.lastReported,
      ],
      rows: report.overdue.map((item, index) => [
        index + 1,
        item.ref,
        item.title,
        join(item.leads),
        join(item.supports),
        item.deadline ?? '',
        item.dueDate,
        item.daysLate,
        words.status(item.status),
        item.note ?? '',
        item.lastReportedAt === null ? '' : stamp(item.lastReportedAt),
      ]),
    },
    {
      key: 'indicators',
      sheet: words.sheets.indicators,
      headers: [h.number, h.ref, h.item, h.target, h.year, h.value, h.track],
      rows: report.indicators.map((line, index) => [
        index + 1,
        line.ref,
        line.title,
        line.target ?? '',
        line.year ?? '',
        line.value === null ? '' : `${line.value}${line.measure ?? ''}`,
        words.track(line.track),
      ]),
    },
    {
      key: 'changes',
      sheet: words.sheets.changes,
      headers: [h.number, h.at, h.ref, h.item, h.before, h.after, h.percent, h.note, h.by],
      rows: report.changes.map((change, index) => [
        index + 1,
        stamp(change.at),
        change.ref ?? '',
        change.title ?? '',
        words.status(change.before),
        words.status(change.after),
        change.percent === null ? '' : `${change.percent}%`,
        change.note ?? '',
        change.by,
      ]),
    },
  ];
}
