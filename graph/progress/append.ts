// Appending a dated record to an item — a progress update (records.ts), a planner's deadline
// change (deadlines.ts), an indicator's actual value (indicator-values.ts): the one write all three
// share. Each record on an item gets the next sequence number, which orders records made in the
// same millisecond (and under a test's fixed clock); so that two writers on one item cannot read
// the same last number, the item is locked before anything about it is read.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import type { RecordLabel } from './relink.ts';

export class ProgressError extends Error {
  override readonly name = 'ProgressError';
  constructor(
    readonly code: 'unknown-item',
    message: string,
  ) {
    super(message);
  }
}

/** The item a record is written on, with the units whose liaisons may write it. */
export const ItemUnits = z.object({
  itemId: z.string(),
  planId: z.string(),
  ref: z.string().nullable(),
  title: z.string().nullable(),
  unitIds: z.array(z.string()),
});
export type ItemUnits = z.infer<typeof ItemUnits>;

/** The fields every record kept beside an item starts with. */
export interface RecordStamp {
  id: string;
  itemId: string;
  planId: string;
  itemRef: string | null;
  itemTitle: string | null;
  at: string;
  by: string;
}

export interface AppendInput {
  itemId: string;
  by: string;
  /**
   * Asked inside the transaction, with the item's units, before anything is written: the route
   * passes the account's write rule here, so the check and the write see the same item.
   */
  allowed?: (item: ItemUnits) => void;
  now?: Date;
}

// Writing a property takes the node's write lock until the transaction ends; removing it again
// leaves the item as it was. A second writer on the item waits here, and once it goes on reads
// what the first committed: the latest record, the last number. Plain Cypher, no APOC.
const LOCK = `
  MATCH (i:Item {id: $itemId})
  SET i._lock = true
  REMOVE i._lock
  RETURN i.id AS itemId, i.planId AS planId, i.ref AS ref, i.title AS title,
         [(u:Unit)-[:LEADS|SUPPORTS]->(i) | u.id] AS unitIds`;

// The highest number on the item, not the count of its records: a record moved here by a
// reload or by hand (relink.ts) keeps the number it had, and a count would repeat it.
// Labels are constants of relink.ts, never input: Cypher takes no parameter for a label.
const appendCypher = (label: RecordLabel) => `
  MATCH (i:Item {id: $record.itemId})
  OPTIONAL MATCH (earlier:${label})-[:ON]->(i)
  WITH i, coalesce(max(earlier.seq), 0) AS last
  CREATE (r:${label})
  SET r = $record, r.seq = last + 1
  CREATE (r)-[:ON]->(i)
  RETURN r {.*} AS record`;

const RecordRow = z.object({ record: z.record(z.string(), z.unknown()) });

/**
 * Locks the item for the rest of the transaction, asks the write rule, and returns the item and
 * the stamp of the record about to be written (dated after the lock, so numbers and dates agree).
 * A ProgressError when no item has that id.
 */
export async function openItemForAppend(
  tx: ManagedTransaction,
  input: AppendInput,
): Promise<{ item: ItemUnits; stamp: RecordStamp }> {
  const row = (await tx.run(LOCK, { itemId: input.itemId })).records[0]?.toObject();
  if (row === undefined) {
    throw new ProgressError(
      'unknown-item',
      `there is no item ${input.itemId} / 没有编号为 ${input.itemId} 的事项`,
    );
  }
  const item = ItemUnits.parse(row);
  input.allowed?.(item);
  const stamp: RecordStamp = {
    id: randomUUID(),
    itemId: item.itemId,
    planId: item.planId,
    itemRef: item.ref,
    itemTitle: item.title,
    at: (input.now ?? new Date()).toISOString(),
    by: input.by,
  };
  return { item, stamp };
}

/** Writes the record on its item (opened with openItemForAppend) and returns its properties. */
export async function appendRecord(
  tx: ManagedTransaction,
  label: RecordLabel,
  record: RecordStamp & Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const row = (await tx.run(appendCypher(label), { record })).records[0]?.toObject();
  if (row === undefined) {
    throw new ProgressError(
      'unknown-item',
      `the item ${record.itemId} went away while writing / 写入时事项 ${record.itemId} 已不存在`,
    );
  }
  return RecordRow.parse(row).record;
}
