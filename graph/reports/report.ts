// A plan's progress report for a range of days: read in one transaction, put together by
// build.ts, and named as every file guatu hands out (contract/short-title.ts).
import neo4j, { type Driver } from 'neo4j-driver';
import type { ProgressReport } from '../../contract/api/reports.ts';
import { buildReport } from './build.ts';
import { readReport } from './read.ts';

// The plan's time zone, as the API's today (graph/api/context.ts): a record made at 23:30 in
// Wuhan belongs to that day there, not to the next day in UTC.
const TIME_ZONE = process.env['GUATU_TIME_ZONE'] ?? 'Asia/Shanghai';
const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day an instant falls on in the plan's time zone (YYYY-MM-DD). */
export const dayOf = (at: string): string => DAY.format(new Date(at));

/** An instant as a reader of the report reads it: day and time in the plan's time zone. */
export const stampOf = (at: string): string => {
  const date = new Date(at);
  return `${DAY.format(date)} ${TIME.format(date)}`;
};

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface ReportRequest {
  plan: ProgressReport['plan'];
  from: string;
  to: string;
  today: string;
}

export async function progressReport(
  driver: Driver,
  database: string,
  request: ReportRequest,
): Promise<ProgressReport> {
  // Two days past the range's end covers every time zone; build.ts keeps the range's days only.
  const before = `${addDays(request.to, 2)}T00:00:00.000Z`;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const reading = await session.executeRead((tx) =>
      readReport(tx, request.plan.id, request.today, before),
    );
    return buildReport({ ...request, timeZone: TIME_ZONE, dayOf }, reading);
  } finally {
    await session.close();
  }
}

export { reportFileName } from '../../contract/report-words.ts';
