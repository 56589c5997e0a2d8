// An indicator's actual values: `(:IndicatorValue {year, value})-[:ON]->(:Item)`, one dated record
// per value reported, never overwritten (a correction is a newer record for the same year). Kept
// apart from Progress records so a value never becomes an item's "latest progress", and linked
// again after a reload like them (relink.ts).
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import { IndicatorValue, type TargetLike } from '../../contract/progress.ts';
import { itemUnits, type ItemUnits } from './records.ts';

/** Values are recorded on indicators only. */
export class NotAnIndicatorError extends Error {
  override readonly name = 'NotAnIndicatorError';
}

const CYPHER = {
  target: `
    MATCH (i:Item {id: $itemId})
    RETURN i.kind AS kind, i.targetComparator AS comparator, i.targetValue AS value,
           i.targetMeasure AS measure, i.targetText AS text`,
  values: `
    MATCH (v:IndicatorValue)-[:ON]->(:Item {id: $itemId})
    RETURN v {.*} AS record ORDER BY v.at, v.seq`,
  create: `
    MATCH (i:Item {id: $record.itemId})
    WITH i, COUNT { (:IndicatorValue)-[:ON]->(i) } AS before
    CREATE (v:IndicatorValue)
    SET v = $record, v.seq = before + 1
    CREATE (v)-[:ON]->(i)
    RETURN v {.*} AS record`,
};

const toNumber = (value: unknown): unknown => (neo4j.isInt(value) ? value.toNumber() : value);

/** An indicator's target as the graph keeps it, with its words for the panel. */
export const IndicatorTarget = z.object({
  kind: z.string(),
  comparator: z.string().nullable(),
  value: z.preprocess(toNumber, z.number().nullable()),
  measure: z.string().nullable(),
  text: z.string().nullable(),
});
export type IndicatorTarget = z.infer<typeof IndicatorTarget> & TargetLike;

const RecordRow = z.object({ record: z.record(z.string(), z.unknown()) });

function toValue(row: unknown): IndicatorValue {
  const { record } = RecordRow.parse(row);
  const plain = Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toNumber(v)]));
  return IndicatorValue.parse({ itemRef: null, itemTitle: null, note: null, ...plain });
}

/** The item's target (null when it has none), and its values in the order recorded. */
export async function indicatorValues(
  driver: Driver,
  database: string,
  itemId: string,
): Promise<{ target: IndicatorTarget | null; values: IndicatorValue[] }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      const row = (await tx.run(CYPHER.target, { itemId })).records[0]?.toObject();
      const target = row === undefined ? null : IndicatorTarget.parse(row);
      const values = (await tx.run(CYPHER.values, { itemId })).records.map((r) =>
        toValue(r.toObject()),
      );
      return { target: target?.kind === 'indicator' ? target : null, values };
    });
  } finally {
    await session.close();
  }
}

export interface RecordValueInput {
  itemId: string;
  year: number;
  value: number;
  note?: string;
  by: string;
  /** Asked inside the transaction with the item's units, before anything is written. */
  allowed?: (item: ItemUnits) => void;
  now?: Date;
}

/** Writes one actual value; returns the value recorded before for that year (if any) and it. */
export async function recordIndicatorValue(
  driver: Driver,
  database: string,
  input: RecordValueInput,
): Promise<{ before: IndicatorValue | null; after: IndicatorValue }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(async (tx: ManagedTransaction) => {
      const item = await itemUnits(tx, input.itemId);
      input.allowed?.(item);
      const kind = (await tx.run(CYPHER.target, { itemId: input.itemId })).records[0]?.get(
        'kind',
      ) as unknown;
      if (kind !== 'indicator') {
        throw new NotAnIndicatorError(
          `${item.ref ?? input.itemId} is not an indicator / 该事项不是指标`,
        );
      }
      const earlier = (await tx.run(CYPHER.values, { itemId: input.itemId })).records
        .map((r) => toValue(r.toObject()))
        .filter((value) => value.year === input.year);
      const record: IndicatorValue = {
        id: randomUUID(),
        itemId: item.itemId,
        planId: item.planId,
        itemRef: item.ref,
        itemTitle: item.title,
        at: (input.now ?? new Date()).toISOString(),
        by: input.by,
        year: input.year,
        value: input.value,
        note: input.note ?? null,
      };
      const row = (
        await tx.run(CYPHER.create, { record: { ...record, year: neo4j.int(input.year) } })
      ).records[0]?.toObject();
      if (row === undefined) throw new Error(`the item ${input.itemId} went away while writing`);
      return { before: earlier.at(-1) ?? null, after: toValue(row) };
    });
  } finally {
    await session.close();
  }
}
