// Where every item of a plan stands today: the war map, the timeline, the rankings and the
// reports all start from these rows, so the rules (which status counts, which deadline is in
// force, what is overdue) live here and in contract/progress.ts only.
//
// Read in two parts that change at different speeds: the items as the document gives them (they
// change only when the plan is loaded again, so the war map keeps them, routes/progress-map.ts),
// and what the records kept beside them say (read afresh every time). The records are found from
// their plan's index and grouped by item, not looked for under every item: a plan of 10,000 items
// with progress on a fifth of them is 6,000 records, not 30,000 expansions of items' edges.
import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import * as z from 'zod';
import {
  DUE_KINDS,
  isDueSoon,
  isOverdue,
  type ItemState,
  STATUSES,
  statusOfText,
} from '../../contract/progress.ts';

// The contract's schemas are zod/mini (the browser's size); rows are read with the full zod.
const Status = z.enum(STATUSES);
const DueKind = z.enum(DUE_KINDS);

type Tx = Pick<Transaction | ManagedTransaction, 'run'>;

/** The plan's items, or the ones named, in document order. */
const itemsCypher = (narrowed: boolean) => `
  MATCH (i:Item {planId: $planId})
  ${narrowed ? 'WHERE i.id IN $itemIds' : ''}
  RETURN i.id AS itemId, i.ref AS ref, i.title AS title, i.kind AS kind,
         i.status AS documentStatus, i.dueKind AS dueKind, i.dueDate AS dueDate,
         i.deadline AS deadline
  ORDER BY i.sortKey, i.line`;

// A few items are found by their ids; a whole plan's records by the plan's index. Only records
// on an item count: an unattached one (relink.ts) waits for a planner and says nothing yet.
const recordsOf = (label: 'Progress' | 'DeadlineChange', narrowed: boolean) =>
  narrowed
    ? `MATCH (i:Item {planId: $planId})
       WHERE i.id IN $itemIds
       MATCH (r:${label})-[:ON]->(i)`
    : `MATCH (r:${label} {planId: $planId})-[:ON]->(i:Item {planId: $planId})`;

// The newest record carries the status and percent forward (records.ts), so it alone says where
// the item stands; the note is the newest one written, which a status-only update leaves out
// (collect skips nulls, and keeps the order it is given).
const latestCypher = (narrowed: boolean) => `
  ${recordsOf('Progress', narrowed)}
  WITH i, r
  ORDER BY r.at DESC, r.seq DESC
  RETURN i.id AS itemId,
         collect(r {.status, .percent, .at})[0] AS latest,
         collect(r.note)[0] AS note`;

const changesCypher = (narrowed: boolean) => `
  ${recordsOf('DeadlineChange', narrowed)}
  WITH i, r
  ORDER BY r.at DESC, r.seq DESC
  RETURN i.id AS itemId,
         collect(r {.deadline, .dueKind, .dueDate})[0] AS change`;

/** An item as the document gives it: what its state starts from before anyone reports. */
export const DocumentItem = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  documentStatus: z.string().nullable(),
  // An item whose deadline reads as nothing has no kind; an unknown one is treated the same.
  dueKind: DueKind.nullable().catch(null),
  dueDate: z.string().nullable(),
  deadline: z.string().nullable(),
});
export type DocumentItem = z.infer<typeof DocumentItem>;

const LatestRow = z.object({
  itemId: z.string(),
  latest: z.object({
    status: Status.nullable().catch(null),
    percent: z.preprocess(
      (value) => (neo4j.isInt(value) ? value.toNumber() : value),
      z.number().nullable(),
    ),
    at: z.string(),
  }),
  note: z.string().nullable(),
});

const ChangeRow = z.object({
  itemId: z.string(),
  change: z.object({
    deadline: z.string(),
    dueKind: DueKind.nullable(),
    dueDate: z.string().nullable(),
  }),
});

/** What the records on one item say: its newest progress and note, its newest deadline change. */
export interface ItemRecords {
  latest: z.infer<typeof LatestRow>['latest'] | null;
  note: string | null;
  change: z.infer<typeof ChangeRow>['change'] | null;
}

const NO_RECORDS: ItemRecords = { latest: null, note: null, change: null };

/** Where an item stands, apart from which item it is. */
export type Standing = Omit<ItemState, 'itemId' | 'ref' | 'title' | 'kind'>;

/** The document's item, its records and today's date as where it stands; pure. */
export function standingOf(
  item: Pick<DocumentItem, 'documentStatus' | 'dueKind' | 'dueDate' | 'deadline'>,
  records: ItemRecords | undefined,
  today: string,
): Standing {
  const { latest, note, change } = records ?? NO_RECORDS;
  const status =
    latest?.status ?? (item.documentStatus === null ? null : statusOfText(item.documentStatus));
  const due = change ?? {
    deadline: item.deadline,
    dueKind: item.dueKind,
    dueDate: item.dueKind === 'date' ? item.dueDate : null,
  };
  return {
    status,
    percent: latest?.percent ?? null,
    note,
    lastReportedAt: latest?.at ?? null,
    dueKind: due.dueKind,
    dueDate: due.dueDate,
    deadline: due.deadline,
    deadlineChanged: change !== null,
    overdue: isOverdue(due, status, today),
    dueSoon: isDueSoon(due, status, today),
  };
}

/** The item's state; pure. */
export function stateOf(
  item: DocumentItem,
  records: ItemRecords | undefined,
  today: string,
): ItemState {
  const { itemId, ref, title, kind } = item;
  return { itemId, ref, title, kind, ...standingOf(item, records, today) };
}

/** The plan's items as the document gives them (themes included, in document order). */
export async function documentItems(
  tx: Tx,
  planId: string,
  itemIds?: readonly string[],
): Promise<DocumentItem[]> {
  const result = await tx.run(itemsCypher(itemIds !== undefined), {
    planId,
    itemIds: itemIds ?? null,
  });
  return result.records.map((record) => DocumentItem.parse(record.toObject()));
}

/** What the records say about each item of the plan (or of those named) that has any, by id. */
export async function itemRecords(
  tx: Tx,
  planId: string,
  itemIds?: readonly string[],
): Promise<Map<string, ItemRecords>> {
  const narrowed = itemIds !== undefined;
  const params = { planId, itemIds: itemIds ?? null };
  const byItem = new Map<string, ItemRecords>();
  const of = (itemId: string) => {
    let records = byItem.get(itemId);
    if (records === undefined) byItem.set(itemId, (records = { ...NO_RECORDS }));
    return records;
  };
  for (const record of (await tx.run(latestCypher(narrowed), params)).records) {
    const row = LatestRow.parse(record.toObject());
    Object.assign(of(row.itemId), { latest: row.latest, note: row.note });
  }
  for (const record of (await tx.run(changesCypher(narrowed), params)).records) {
    const row = ChangeRow.parse(record.toObject());
    of(row.itemId).change = row.change;
  }
  return byItem;
}

/**
 * Every item of the plan (themes included, in document order) with its status and the deadline in
 * force on `today` (YYYY-MM-DD, from the app's clock). `itemIds` narrows it to those items.
 */
export async function itemStates(
  tx: Tx,
  planId: string,
  today: string,
  itemIds?: readonly string[],
): Promise<ItemState[]> {
  const items = await documentItems(tx, planId, itemIds);
  const records = await itemRecords(tx, planId, itemIds);
  return items.map((item) => stateOf(item, records.get(item.itemId), today));
}
