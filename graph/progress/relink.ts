// After a plan is (re)loaded, its progress records are linked to its items again, inside the
// load's own transaction: a reload rebuilds every edge of the plan's items, and a record must
// never be left behind or silently dropped.
//
// A new edition may renumber or reword an item. A record whose item id is gone follows the item
// when the match is certain — exactly one item of the plan has the old item's title — and is
// otherwise kept, marked unattached, for a planner to attach by hand (listed by `unattached`).
import type { Transaction, ManagedTransaction } from 'neo4j-driver';
import * as z from 'zod';

type Tx = Pick<Transaction | ManagedTransaction, 'run'>;

const CYPHER = {
  // Records whose item is still there: link them (MERGE: a plan loaded again keeps one edge).
  relink: `
    MATCH (p:Progress {planId: $planId})
    MATCH (i:Item {id: p.itemId})
    MERGE (p)-[:ON]->(i)
    REMOVE p.unattached
    RETURN count(p) AS linked`,
  // Records whose item id is gone, matched by the title they were recorded against.
  follow: `
    MATCH (p:Progress {planId: $planId})
    WHERE NOT EXISTS { MATCH (:Item {id: p.itemId}) } AND p.itemTitle IS NOT NULL
    WITH p, COLLECT { MATCH (i:Item {planId: $planId}) WHERE i.title = p.itemTitle RETURN i } AS matches
    WHERE size(matches) = 1
    WITH p, matches[0] AS item
    SET p.movedFrom = p.itemId, p.itemId = item.id, p.itemRef = item.ref
    REMOVE p.unattached
    MERGE (p)-[:ON]->(item)
    RETURN count(p) AS moved`,
  orphan: `
    MATCH (p:Progress {planId: $planId})
    WHERE NOT (p)-[:ON]->(:Item)
    SET p.unattached = true
    RETURN count(p) AS unattached`,
  list: `
    MATCH (p:Progress {planId: $planId, unattached: true})
    RETURN p.id AS id, p.itemId AS itemId, p.itemRef AS itemRef, p.itemTitle AS itemTitle,
           p.at AS at, p.by AS by, p.status AS status, p.note AS note
    ORDER BY p.itemRef, p.at`,
};

export interface RelinkReport {
  linked: number;
  moved: number;
  unattached: number;
}

const count = (value: unknown): number =>
  typeof value === 'number'
    ? value
    : z.object({ toNumber: z.function() }).safeParse(value).success
      ? (value as { toNumber(): number }).toNumber()
      : 0;

/** Links the plan's records to its items again; run inside the load's transaction. */
export async function relinkProgress(tx: Tx, planId: string): Promise<RelinkReport> {
  const first = async (cypher: string, column: string) =>
    count((await tx.run(cypher, { planId })).records[0]?.get(column));
  const linked = await first(CYPHER.relink, 'linked');
  const moved = await first(CYPHER.follow, 'moved');
  const unattached = await first(CYPHER.orphan, 'unattached');
  return { linked, moved, unattached };
}

export const UnattachedRecord = z.object({
  id: z.string(),
  itemId: z.string(),
  itemRef: z.string().nullable(),
  itemTitle: z.string().nullable(),
  at: z.string(),
  by: z.string(),
  status: z.string().nullable(),
  note: z.string().nullable(),
});
export type UnattachedRecord = z.infer<typeof UnattachedRecord>;

/** Records a reload could not place, for a planner to attach. */
export async function unattachedProgress(tx: Tx, planId: string): Promise<UnattachedRecord[]> {
  const result = await tx.run(CYPHER.list, { planId });
  return result.records.map((record) => UnattachedRecord.parse(record.toObject()));
}
