// Where every item of a plan stands today, in one read: the war map, the timeline, the rankings
// and the reports all start from these rows, so the rules (which status counts, which deadline is
// in force, what is overdue) live here and in contract/progress.ts only.
import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import * as z from 'zod';
import {
  DUE_KINDS,
  isDueSoon,
  isOverdue,
  ItemState,
  STATUSES,
  statusOfText,
} from '../../contract/progress.ts';

// The contract's schemas are zod/mini (the browser's size); rows are read with the full zod.
const Status = z.enum(STATUSES);
const DueKind = z.enum(DUE_KINDS);

type Tx = Pick<Transaction | ManagedTransaction, 'run'>;

// The newest record carries the status and percent forward (records.ts), so it alone says where
// the item stands; the note is the newest one written, which a status-only update leaves out.
const CYPHER = `
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

const Latest = z.object({
  status: Status.nullable().catch(null),
  percent: z.preprocess(
    (value) => (neo4j.isInt(value) ? value.toNumber() : value),
    z.number().nullable(),
  ),
  at: z.string(),
});

const Change = z.object({
  deadline: z.string(),
  dueKind: DueKind.nullable(),
  dueDate: z.string().nullable(),
});

/** One row as the query returns it. */
export const ItemStateRow = z.object({
  itemId: z.string(),
  ref: z.string(),
  title: z.string(),
  kind: z.string(),
  documentStatus: z.string().nullable(),
  // An item whose deadline reads as nothing has no kind; an unknown one is treated the same.
  dueKind: DueKind.nullable().catch(null),
  dueDate: z.string().nullable(),
  deadline: z.string().nullable(),
  latest: Latest.nullable(),
  note: z.string().nullable(),
  change: Change.nullable(),
});
export type ItemStateRow = z.infer<typeof ItemStateRow>;

/** A row and today's date as the item's state; pure. */
export function stateOfRow(row: ItemStateRow, today: string): ItemState {
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
  const cypher =
    itemIds === undefined ? CYPHER : CYPHER.replace('WITH i,', 'WHERE i.id IN $itemIds\n  WITH i,');
  const result = await tx.run(cypher, { planId, itemIds: itemIds ?? null });
  return result.records.map((record) => stateOfRow(ItemStateRow.parse(record.toObject()), today));
}
