// A planner's deadline changes: `(:DeadlineChange)-[:ON]->(:Item)`, one dated record per change,
// never written over the item (a reload rewrites item properties) and linked again after a
// reload like progress (relink.ts). The newest change is the deadline in force (item-state.ts).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import { DeadlineChange, DUE_KINDS } from '../../contract/progress.ts';
import { appendRecord, openItemForAppend, type AppendInput } from './append.ts';

/** The deadline as a planner sets it: what was typed and how it reads. */
export interface DeadlineInput {
  deadline: string;
  dueKind: (typeof DUE_KINDS)[number];
  dueDate: string | null;
}

/** A deadline in force: a change's, or the document's own (`changed: false`). */
export const DeadlineInForce = z.object({
  deadline: z.string().nullable(),
  dueKind: z.enum(DUE_KINDS).nullable().catch(null),
  dueDate: z.string().nullable(),
  changed: z.boolean(),
});
export type DeadlineInForce = z.infer<typeof DeadlineInForce>;

const CYPHER = {
  inForce: `
    MATCH (i:Item {id: $itemId})
    OPTIONAL MATCH (d:DeadlineChange)-[:ON]->(i)
    WITH i, d ORDER BY d.at DESC, d.seq DESC LIMIT 1
    RETURN coalesce(d.deadline, i.deadline) AS deadline,
           CASE WHEN d IS NULL THEN i.dueKind ELSE d.dueKind END AS dueKind,
           CASE WHEN d IS NULL THEN i.dueDate ELSE d.dueDate END AS dueDate,
           d IS NOT NULL AS changed`,
  history: `
    MATCH (d:DeadlineChange)-[:ON]->(:Item {id: $itemId})
    RETURN d {.*} AS record ORDER BY d.at DESC, d.seq DESC`,
};

const RecordRow = z.object({ record: z.record(z.string(), z.unknown()) });

function toChange(row: unknown): DeadlineChange {
  const { record } = RecordRow.parse(row);
  // Unknown keys (seq, rewordedFrom) are dropped by the schema.
  return DeadlineChange.parse({
    dueDate: null,
    dueKind: null,
    itemRef: null,
    itemTitle: null,
    ...record,
  });
}

async function inForce(tx: ManagedTransaction, itemId: string): Promise<DeadlineInForce> {
  const row = (await tx.run(CYPHER.inForce, { itemId })).records[0]?.toObject();
  return DeadlineInForce.parse(row);
}

/** An item's deadline changes, newest first. */
export async function deadlineHistory(
  driver: Driver,
  database: string,
  itemId: string,
): Promise<DeadlineChange[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) =>
      (await tx.run(CYPHER.history, { itemId })).records.map((r) => toChange(r.toObject())),
    );
  } finally {
    await session.close();
  }
}

export interface RecordDeadlineInput extends AppendInput {
  due: DeadlineInput;
}

/** Writes one deadline change; returns the deadline in force before it, and the change. */
export async function recordDeadline(
  driver: Driver,
  database: string,
  input: RecordDeadlineInput,
): Promise<{ before: DeadlineInForce; after: DeadlineChange }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(async (tx) => {
      const { stamp } = await openItemForAppend(tx, input);
      const before = await inForce(tx, input.itemId);
      const record: DeadlineChange = {
        ...stamp,
        deadline: input.due.deadline,
        dueKind: input.due.dueKind,
        dueDate: input.due.dueKind === 'date' ? input.due.dueDate : null,
      };
      const after = toChange({ record: await appendRecord(tx, 'DeadlineChange', record) });
      return { before, after };
    });
  } finally {
    await session.close();
  }
}
