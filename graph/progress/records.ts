// Progress beside the plan, in Neo4j so planners can query it: one `Progress` node per update,
// `(:Progress)-[:ON]->(:Item)`, never changed once written. The record carries the item's id and
// the plan's, so a reload of the plan (which rebuilds the items' edges) can link it again
// (relink.ts); nothing of a record lives in item properties, which a reload rewrites.
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import type { PROGRESS_SOURCES } from '../../contract/progress.ts';
import { ProgressRecord, type ProgressUpdate } from '../../contract/progress.ts';

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

const CYPHER = {
  itemUnits: `
    MATCH (i:Item {id: $itemId})
    RETURN i.id AS itemId, i.planId AS planId, i.ref AS ref, i.title AS title,
           [(u:Unit)-[:LEADS|SUPPORTS]->(i) | u.id] AS unitIds`,
  latest: `
    MATCH (p:Progress {itemId: $itemId})
    RETURN p {.*} AS record ORDER BY p.at DESC, p.seq DESC LIMIT 1`,
  history: `
    MATCH (p:Progress {itemId: $itemId})
    RETURN p {.*} AS record ORDER BY p.at DESC, p.seq DESC`,
  create: `
    MATCH (i:Item {id: $record.itemId})
    WITH i, COUNT { (:Progress {itemId: $record.itemId}) } AS before
    CREATE (p:Progress)
    SET p = $record, p.seq = before + 1
    CREATE (p)-[:ON]->(i)
    RETURN p {.*} AS record`,
};

const RecordRow = z.object({ record: z.record(z.string(), z.unknown()) });

/** A Progress node's properties as the contract's record (Neo4j integers as numbers). */
function toRecord(row: unknown): ProgressRecord {
  const { record } = RecordRow.parse(row);
  const plain = Object.fromEntries(
    Object.entries(record).map(([key, value]) => [
      key,
      neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : value,
    ]),
  );
  return ProgressRecord.parse({
    status: null,
    note: null,
    percent: null,
    itemRef: null,
    itemTitle: null,
    ...plain,
  });
}

/** The item and its units; a ProgressError when no item has that id. */
export async function itemUnits(tx: ManagedTransaction, itemId: string): Promise<ItemUnits> {
  const result = await tx.run(CYPHER.itemUnits, { itemId });
  const row = result.records[0]?.toObject();
  if (row === undefined) {
    throw new ProgressError(
      'unknown-item',
      `there is no item ${itemId} / 没有编号为 ${itemId} 的事项`,
    );
  }
  return ItemUnits.parse(row);
}

export async function latestProgress(
  tx: ManagedTransaction,
  itemId: string,
): Promise<ProgressRecord | null> {
  const result = await tx.run(CYPHER.latest, { itemId });
  const row = result.records[0]?.toObject();
  return row === undefined ? null : toRecord(row);
}

/** An item's records, newest first. */
export async function progressHistory(
  driver: Driver,
  database: string,
  itemId: string,
): Promise<ProgressRecord[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const result = await tx.run(CYPHER.history, { itemId });
      return result.records.map((record) => toRecord(record.toObject()));
    });
  } finally {
    await session.close();
  }
}

export interface RecordProgressInput {
  itemId: string;
  update: ProgressUpdate;
  by: string;
  source: (typeof PROGRESS_SOURCES)[number];
  /**
   * Asked inside the transaction, with the item's units, before anything is written: the route
   * passes the account's write rule here, so the check and the write see the same item.
   */
  allowed?: (item: ItemUnits) => void;
  now?: Date;
}

/**
 * Writes one record inside the caller's transaction and returns it with the one it follows (for
 * the audit log's before → after): a ledger import writes all its rows in one transaction.
 * Status, note and percent left out of the update carry over from the latest record: a note
 * alone does not clear a status.
 */
export async function writeProgress(
  tx: ManagedTransaction,
  input: RecordProgressInput,
): Promise<{ before: ProgressRecord | null; after: ProgressRecord }> {
  const item = await itemUnits(tx, input.itemId);
  input.allowed?.(item);
  const before = await latestProgress(tx, input.itemId);
  const record: ProgressRecord = {
    id: randomUUID(),
    itemId: item.itemId,
    planId: item.planId,
    itemRef: item.ref,
    itemTitle: item.title,
    at: (input.now ?? new Date()).toISOString(),
    by: input.by,
    source: input.source,
    status: input.update.status ?? before?.status ?? null,
    note: input.update.note ?? null,
    percent: input.update.percent ?? before?.percent ?? null,
  };
  const result = await tx.run(CYPHER.create, { record });
  const row = result.records[0]?.toObject();
  if (row === undefined) {
    throw new ProgressError('unknown-item', `the item ${input.itemId} went away while writing`);
  }
  return { before, after: toRecord(row) };
}

/** Writes one record in a transaction of its own (see writeProgress). */
export async function recordProgress(
  driver: Driver,
  database: string,
  input: RecordProgressInput,
): Promise<{ before: ProgressRecord | null; after: ProgressRecord }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) => writeProgress(tx, input));
  } finally {
    await session.close();
  }
}
