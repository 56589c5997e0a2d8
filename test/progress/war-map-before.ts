// The war map's answer as it was read before it was made fast (three subqueries per item, every
// unit's item ids shipped), kept verbatim as the reference the fast one must equal: the API test
// compares the two on a plan with records, and `npm run bench:warmap -- --before` times both side
// by side. Reads the rows and applies the rules of that time, through today's pure warMap.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import {
  mapStateOf,
  SOON_DAYS,
  STALE_DAYS,
  type MapItem,
  type MapUnit,
  type ProgressMap,
} from '../../contract/api/progress-map.ts';
import {
  DUE_KINDS,
  isDueSoon,
  isOverdue,
  ItemState,
  STATUSES,
  statusOfText,
} from '../../contract/progress.ts';
import { isStale } from '../../graph/progress/war-map.ts';

const Status = z.enum(STATUSES);
const DueKind = z.enum(DUE_KINDS);

const STATES = `
  MATCH (i:Item {planId: $planId})
  WITH i,
       COLLECT {
         MATCH (p:Progress)-[:ON]->(i)
         RETURN p {.status, .percent, .at} AS latest
         ORDER BY p.at DESC, p.seq DESC
         LIMIT 1
       } AS latest,
       COLLECT {
         MATCH (p:Progress)-[:ON]->(i)
         WHERE p.note IS NOT NULL
         RETURN p.note AS note
         ORDER BY p.at DESC, p.seq DESC
         LIMIT 1
       } AS notes,
       COLLECT {
         MATCH (d:DeadlineChange)-[:ON]->(i)
         RETURN d {.deadline, .dueKind, .dueDate} AS change
         ORDER BY d.at DESC, d.seq DESC
         LIMIT 1
       } AS changes
  RETURN i.id AS itemId, i.ref AS ref, i.title AS title, i.kind AS kind,
         i.status AS documentStatus, i.dueKind AS dueKind, i.dueDate AS dueDate,
         i.deadline AS deadline, latest[0] AS latest, notes[0] AS note, changes[0] AS change
  ORDER BY i.sortKey, i.line`;

const UNITS = `
  MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
  RETURN unit.id AS unitId,
         active.load AS load,
         COLLECT {
           MATCH (unit)-[:LEADS|SUPPORTS]->(item:Item {planId: $planId})
           RETURN DISTINCT item.id
         } AS itemIds
  ORDER BY unitId`;

const Row = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  documentStatus: z.string().nullable(),
  dueKind: DueKind.nullable().catch(null),
  dueDate: z.string().nullable(),
  deadline: z.string().nullable(),
  latest: z
    .object({
      status: Status.nullable().catch(null),
      percent: z.preprocess(
        (value) => (neo4j.isInt(value) ? value.toNumber() : value),
        z.number().nullable(),
      ),
      at: z.string(),
    })
    .nullable(),
  note: z.string().nullable(),
  change: z
    .object({ deadline: z.string(), dueKind: DueKind.nullable(), dueDate: z.string().nullable() })
    .nullable(),
});
type Row = z.infer<typeof Row>;

const UnitRow = z.object({ unitId: z.string(), load: z.number(), itemIds: z.array(z.string()) });

function stateOfRow(row: Row, today: string): ItemState {
  const status =
    row.latest?.status ?? (row.documentStatus === null ? null : statusOfText(row.documentStatus));
  const due = row.change ?? {
    deadline: row.deadline,
    dueKind: row.dueKind,
    dueDate: row.dueKind === 'date' ? row.dueDate : null,
  };
  return ItemState.parse({
    itemId: row.itemId,
    ref: row.ref,
    title: row.title,
    kind: row.kind,
    status,
    percent: row.latest?.percent ?? null,
    note: row.note,
    lastReportedAt: row.latest?.at ?? null,
    dueKind: due.dueKind,
    dueDate: due.dueDate,
    deadline: due.deadline,
    deadlineChanged: row.change !== null,
    overdue: isOverdue(due, status, today),
    dueSoon: isDueSoon(due, status, today),
  });
}

/** Every item of the plan with its state, as itemStates read them before. */
export async function itemStatesBefore(
  tx: ManagedTransaction,
  planId: string,
  today: string,
): Promise<ItemState[]> {
  const result = await tx.run(STATES, { planId });
  return result.records.map((record) => stateOfRow(Row.parse(record.toObject()), today));
}

/** GET /api/progress/map's answer as it was read before. */
export async function warMapBefore(
  tx: ManagedTransaction,
  planId: string,
  today: string,
): Promise<ProgressMap> {
  const states = await itemStatesBefore(tx, planId, today);
  const units = (await tx.run(UNITS, { planId })).records.map((r) => UnitRow.parse(r.toObject()));
  const items = states
    .filter((state) => state.kind !== 'theme')
    .map((state): MapItem => ({
      id: state.itemId,
      state: mapStateOf(state),
      status: state.status,
      percent: state.percent,
      dueKind: state.dueKind,
      dueDate: state.dueDate,
      deadline: state.deadline,
      overdue: state.overdue,
      dueSoon: state.dueSoon,
      lastReportedAt: state.lastReportedAt,
      stale: isStale(state, today),
    }));
  const byId = new Map(items.map((item) => [item.id, item]));
  const mapUnits = units.map((unit): MapUnit => {
    const mine = unit.itemIds.filter((id) => byId.has(id));
    const late = mine.filter((id) => byId.get(id)?.state === 'late').length;
    return {
      id: unit.unitId,
      load: unit.load,
      items: mine.length,
      late,
      lateShare: mine.length === 0 ? 0 : late / mine.length,
    };
  });
  return {
    plan: planId,
    today,
    staleDays: STALE_DAYS,
    soonDays: SOON_DAYS,
    items,
    units: mapUnits,
  };
}
