// An indicator's actual values: `(:IndicatorValue {year, value})-[:ON]->(:Item)`, one dated record
// per value reported, never overwritten (a correction is a newer record for the same year). Kept
// apart from Progress records so a value never becomes an item's "latest progress", and linked
// again after a reload like them (relink.ts).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import { IndicatorValue, type TargetLike } from '../../contract/progress.ts';
import { appendRecord, openItemForAppend, type AppendInput } from './append.ts';

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

export interface RecordValueInput extends AppendInput {
  year: number;
  value: number;
  note?: string;
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
      const { item, stamp } = await openItemForAppend(tx, input);
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
        ...stamp,
        year: input.year,
        value: input.value,
        note: input.note ?? null,
      };
      // The year is an integer property, as the named queries compare it.
      const after = toValue({
        record: await appendRecord(tx, 'IndicatorValue', {
          ...record,
          year: neo4j.int(input.year),
        }),
      });
      return { before: earlier.at(-1) ?? null, after };
    });
  } finally {
    await session.close();
  }
}
