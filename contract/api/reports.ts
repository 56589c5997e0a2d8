// A progress report for a date range (docs/api.md, "Progress report"): where the plan's items
// stand, by theme and by unit, the overdue items with their units and latest notes, indicators
// against their targets, and the records made in the range. One shape for the JSON answer, the
// .docx, the .xlsx and the browser's PDF, so the four always say the same thing.
import * as z from 'zod/mini';
import { Status, TRACKS } from '../progress.ts';

/** Items by status; `none` counts items with no status reported or printed. */
export const StatusCounts = z.object({
  items: z.number(),
  'not-started': z.number(),
  'in-progress': z.number(),
  done: z.number(),
  late: z.number(),
  paused: z.number(),
  none: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const ReportGroup = z.object({
  id: z.string(),
  /** A theme's number (二(一)); null for a unit. */
  ref: z.nullable(z.string()),
  /** The theme's title or the unit's name. */
  name: z.string(),
  counts: StatusCounts,
});
export type ReportGroup = z.infer<typeof ReportGroup>;

export const OverdueItem = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  theme: z.nullable(z.string()),
  deadline: z.nullable(z.string()),
  dueDate: z.string(),
  daysLate: z.number(),
  status: z.nullable(Status),
  leads: z.array(z.string()),
  supports: z.array(z.string()),
  note: z.nullable(z.string()),
  lastReportedAt: z.nullable(z.string()),
});
export type OverdueItem = z.infer<typeof OverdueItem>;

export const IndicatorLine = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  /** The target as printed (≥ 3.5%, 左右…). */
  target: z.nullable(z.string()),
  measure: z.nullable(z.string()),
  /** The newest year reported by the end of the range, and its value; null when none is. */
  year: z.nullable(z.number()),
  value: z.nullable(z.number()),
  track: z.enum(TRACKS),
});
export type IndicatorLine = z.infer<typeof IndicatorLine>;

export const ReportChange = z.object({
  itemId: z.string(),
  ref: z.nullable(z.string()),
  title: z.nullable(z.string()),
  at: z.string(),
  by: z.string(),
  source: z.string(),
  /** The status before this record (the record before it, else the document's). */
  before: z.nullable(Status),
  after: z.nullable(Status),
  note: z.nullable(z.string()),
  percent: z.nullable(z.number()),
});
export type ReportChange = z.infer<typeof ReportChange>;

export const ProgressReport = z.object({
  plan: z.object({ id: z.string(), title: z.string(), jurisdiction: z.nullable(z.string()) }),
  /** The range, YYYY-MM-DD, both days included. */
  from: z.string(),
  to: z.string(),
  /** The server's today: statuses are as they stand now, overdue is judged on this day. */
  today: z.string(),
  /** The plan's time zone (IANA): the days of the range and the times printed are its. */
  timeZone: z.string(),
  totals: StatusCounts,
  themes: z.array(ReportGroup),
  units: z.array(ReportGroup),
  overdue: z.array(OverdueItem),
  indicators: z.array(IndicatorLine),
  changes: z.array(ReportChange),
  /** Items whose status changed in the range (a record in it set another status). */
  changedItems: z.number(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const REPORT_FORMATS = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number] | 'pdf' | 'json';
