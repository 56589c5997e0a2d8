// Progress beside the plan, in Neo4j so planners can query it: one `Progress` node per update,
// `(:Progress)-[:ON]->(:Item)`, never changed once written. The record carries the item's id and
// the plan's, so a reload of the plan (which rebuilds the items' edges) can link it again
// (relink.ts); nothing of a record lives in item properties, which a reload rewrites.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import type { PROGRESS_SOURCES } from '../../contract/progress.ts';
import { ProgressRecord, type ProgressUpdate } from '../../contract/progress.ts';
import { appendRecord, openItemForAppend, type AppendInput } from './append.ts';

export { ProgressError, type ItemUnits } from './append.ts';

const CYPHER = {
  latest: `
    MATCH (p:Progress {itemId: $itemId})
    RETURN p {.*} AS record ORDER BY p.at DESC, p.seq DESC LIMIT 1`,
  history: `
    MATCH (p:Progress {itemId: $itemId})
    RETURN p {.*} AS record ORDER BY p.at DESC, p.seq DESC`,
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

export interface RecordProgressInput extends AppendInput {
  update: ProgressUpdate;
  source: (typeof PROGRESS_SOURCES)[number];
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
  const { stamp } = await openItemForAppend(tx, input);
  const before = await latestProgress(tx, input.itemId);
  const record: ProgressRecord = {
    ...stamp,
    source: input.source,
    status: input.update.status ?? before?.status ?? null,
    note: input.update.note ?? null,
    percent: input.update.percent ?? before?.percent ?? null,
  };
  const after = toRecord({ record: await appendRecord(tx, 'Progress', record) });
  return { before, after };
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
