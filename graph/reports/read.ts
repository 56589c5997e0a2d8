// What a progress report reads from Neo4j, in one read transaction: every item's state today
// (graph/progress/item-state.ts), each item's theme and units, the progress records made up to
// the end of the range, and the indicators' targets with their newest values. Rows are checked
// with zod where they enter.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';
import { STATUSES, type ItemState } from '../../contract/progress.ts';
import { itemStates } from '../progress/item-state.ts';

const toNumber = (value: unknown): unknown => (neo4j.isInt(value) ? value.toNumber() : value);

const CYPHER = {
  places: `
    MATCH (i:Item {planId: $planId})
    WHERE i.kind <> 'theme'
    OPTIONAL MATCH (i)-[:UNDER*1..2]->(t:Theme)
    WITH i, head(collect(t)) AS theme
    RETURN i.id AS itemId,
           theme.id AS themeId, theme.ref AS themeRef, theme.title AS themeTitle,
           COLLECT {
             MATCH (u:Unit)-[r:LEADS {planId: $planId}]->(i)
             RETURN u {.id, .name} AS unit ORDER BY r.position, u.name
           } AS leads,
           COLLECT {
             MATCH (u:Unit)-[r:SUPPORTS {planId: $planId}]->(i)
             RETURN u {.id, .name} AS unit ORDER BY r.position, u.name
           } AS supports,
           i.targetText AS targetText, i.targetMeasure AS targetMeasure,
           i.targetComparator AS targetComparator, i.targetValue AS targetValue`,
  records: `
    MATCH (p:Progress {planId: $planId})
    WHERE p.at < $before AND p.year IS NULL
    RETURN p.itemId AS itemId, p.itemRef AS ref, p.itemTitle AS title, p.at AS at, p.by AS by,
           p.source AS source, p.status AS status, p.note AS note, p.percent AS percent
    ORDER BY p.at, p.seq`,
  values: `
    MATCH (v:IndicatorValue {planId: $planId})
    WHERE v.at < $before
    RETURN v.itemId AS itemId, v.year AS year, v.value AS value, v.at AS at
    ORDER BY v.year, v.at, v.seq`,
  documentStatus: `
    MATCH (i:Item {planId: $planId})
    WHERE i.status IS NOT NULL
    RETURN i.id AS itemId, i.status AS status`,
};

const UnitName = z.object({ id: z.string(), name: z.string() });

export const ItemPlace = z.object({
  itemId: z.string(),
  themeId: z.string().nullable(),
  themeRef: z.string().nullable(),
  themeTitle: z.string().nullable(),
  leads: z.array(UnitName),
  supports: z.array(UnitName),
  targetText: z.string().nullable(),
  targetMeasure: z.string().nullable(),
  targetComparator: z.string().nullable(),
  targetValue: z.preprocess(toNumber, z.number().nullable()),
});
export type ItemPlace = z.infer<typeof ItemPlace>;

export const RecordRow = z.object({
  itemId: z.string(),
  ref: z.string().nullable(),
  title: z.string().nullable(),
  at: z.string(),
  by: z.string(),
  source: z.string(),
  status: z.enum(STATUSES).nullable().catch(null),
  note: z.string().nullable(),
  percent: z.preprocess(toNumber, z.number().nullable()),
});
export type RecordRow = z.infer<typeof RecordRow>;

export const ValueRow = z.object({
  itemId: z.string(),
  year: z.preprocess(toNumber, z.number()),
  value: z.preprocess(toNumber, z.number()),
  at: z.string(),
});
export type ValueRow = z.infer<typeof ValueRow>;

export interface ReportReading {
  states: ItemState[];
  places: ItemPlace[];
  /** Records made before the end of the range, oldest first. */
  records: RecordRow[];
  values: ValueRow[];
  /** The documents' own status words, by item id. */
  documentStatus: Map<string, string>;
}

/** Everything a report of `planId` needs; `before` is the instant just after the range's end. */
export async function readReport(
  tx: ManagedTransaction,
  planId: string,
  today: string,
  before: string,
): Promise<ReportReading> {
  const run = async <T extends z.ZodType>(cypher: string, schema: T): Promise<z.infer<T>[]> =>
    (await tx.run(cypher, { planId, before })).records.map((record) =>
      schema.parse(record.toObject()),
    );
  const states = await itemStates(tx, planId, today);
  const places = await run(CYPHER.places, ItemPlace);
  const records = await run(CYPHER.records, RecordRow);
  const values = await run(CYPHER.values, ValueRow);
  const statuses = await run(
    CYPHER.documentStatus,
    z.object({ itemId: z.string(), status: z.string() }),
  );
  return {
    states,
    places,
    records,
    values,
    documentStatus: new Map(statuses.map((row) => [row.itemId, row.status])),
  };
}
