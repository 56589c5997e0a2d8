// A progress report put together from what read.ts found: counts by status for the plan, each
// theme and each unit; the overdue items with their units and latest notes; indicators against
// their targets; the records made in the range. Pure, so the counts are tested without Neo4j.
import type {
  IndicatorLine,
  OverdueItem,
  ProgressReport,
  ReportChange,
  ReportGroup,
  StatusCounts,
} from '../../contract/api/reports.ts';
import {
  daysToDue,
  statusOfText,
  trackOf,
  type ItemState,
  type Status,
} from '../../contract/progress.ts';
import type { ItemPlace, ReportReading } from './read.ts';

/** The kinds a report counts as tasks: indicators have their own section, themes group them. */
const COUNTED = new Set(['task', 'project', 'requirement']);

export function emptyCounts(): StatusCounts {
  return {
    items: 0,
    'not-started': 0,
    'in-progress': 0,
    done: 0,
    late: 0,
    paused: 0,
    none: 0,
    overdue: 0,
    dueSoon: 0,
  };
}

function count(counts: StatusCounts, state: ItemState): void {
  counts.items += 1;
  counts[state.status ?? 'none'] += 1;
  if (state.overdue) counts.overdue += 1;
  if (state.dueSoon) counts.dueSoon += 1;
}

/** The groups with the most overdue work first, then the busiest. */
function ranked(groups: Map<string, ReportGroup>): ReportGroup[] {
  return [...groups.values()].sort(
    (a, b) => b.counts.overdue - a.counts.overdue || b.counts.items - a.counts.items,
  );
}

function addTo(
  groups: Map<string, ReportGroup>,
  key: { id: string; ref: string | null; name: string },
  state: ItemState,
): void {
  let group = groups.get(key.id);
  if (group === undefined) {
    group = { ...key, counts: emptyCounts() };
    groups.set(key.id, group);
  }
  count(group.counts, state);
}

export interface ReportInput {
  plan: ProgressReport['plan'];
  from: string;
  to: string;
  today: string;
  timeZone: string;
  /** The day (YYYY-MM-DD, the plan's time zone) a record's instant falls on. */
  dayOf: (at: string) => string;
}

export function buildReport(input: ReportInput, reading: ReportReading): ProgressReport {
  const places = new Map<string, ItemPlace>(reading.places.map((place) => [place.itemId, place]));
  const totals = emptyCounts();
  const themes = new Map<string, ReportGroup>();
  const units = new Map<string, ReportGroup>();
  const overdue: OverdueItem[] = [];
  const indicators: IndicatorLine[] = [];

  // The newest value reported for each indicator by the end of the range: the newest year, and
  // of that year the record made last (read.ts orders them).
  const newest = new Map<string, { year: number; value: number }>();
  for (const row of reading.values) {
    if (input.dayOf(row.at) <= input.to)
      newest.set(row.itemId, { year: row.year, value: row.value });
  }

  for (const state of reading.states) {
    const place = places.get(state.itemId);
    if (state.kind === 'indicator') {
      const value = newest.get(state.itemId) ?? null;
      const target =
        place === undefined
          ? null
          : { comparator: place.targetComparator, value: place.targetValue };
      indicators.push({
        itemId: state.itemId,
        ref: state.ref,
        title: state.title,
        target: place?.targetText ?? null,
        measure: place?.targetMeasure ?? null,
        year: value?.year ?? null,
        value: value?.value ?? null,
        track: value === null ? 'unknown' : trackOf(target, value.value),
      });
      continue;
    }
    if (!COUNTED.has(state.kind)) continue;
    count(totals, state);
    if (place?.themeId != null) {
      addTo(
        themes,
        { id: place.themeId, ref: place.themeRef, name: place.themeTitle ?? place.themeId },
        state,
      );
    }
    // A unit that both leads and supports an item counts it once.
    const seen = new Set<string>();
    for (const unit of [...(place?.leads ?? []), ...(place?.supports ?? [])]) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      addTo(units, { id: unit.id, ref: null, name: unit.name }, state);
    }
    if (state.overdue && state.dueDate !== null) {
      overdue.push({
        itemId: state.itemId,
        ref: state.ref,
        title: state.title,
        theme: place?.themeTitle ?? null,
        deadline: state.deadline,
        dueDate: state.dueDate,
        daysLate: -(daysToDue({ dueKind: 'date', dueDate: state.dueDate }, input.today) ?? 0),
        status: state.status,
        leads: (place?.leads ?? []).map((unit) => unit.name),
        supports: (place?.supports ?? []).map((unit) => unit.name),
        note: state.note,
        lastReportedAt: state.lastReportedAt,
      });
    }
  }
  overdue.sort((a, b) => b.daysLate - a.daysLate || a.ref.localeCompare(b.ref, 'zh'));

  // Each record in the range with the status it followed: the item's record before it, else the
  // status its document printed.
  const last = new Map<string, Status | null>();
  const changes: ReportChange[] = [];
  const changedItems = new Set<string>();
  for (const record of reading.records) {
    const printed = reading.documentStatus.get(record.itemId);
    const before = last.has(record.itemId)
      ? (last.get(record.itemId) ?? null)
      : printed === undefined
        ? null
        : statusOfText(printed);
    last.set(record.itemId, record.status);
    const day = input.dayOf(record.at);
    if (day < input.from || day > input.to) continue;
    changes.push({
      itemId: record.itemId,
      ref: record.ref,
      title: record.title,
      at: record.at,
      by: record.by,
      source: record.source,
      before,
      after: record.status,
      note: record.note,
      percent: record.percent,
    });
    if (record.status !== before) changedItems.add(record.itemId);
  }

  return {
    plan: input.plan,
    from: input.from,
    to: input.to,
    today: input.today,
    timeZone: input.timeZone,
    totals,
    // Themes in the notice's order; units with the most overdue work first.
    themes: [...themes.values()],
    units: ranked(units),
    overdue,
    indicators,
    changes,
    changedItems: changedItems.size,
  };
}
