// After a plan is (re)loaded, the records kept beside it — progress updates, a planner's deadline
// changes, an indicator's actual values — are linked to its items again, inside the load's own
// transaction: a reload rebuilds every edge of the plan's items, and a record must never be left
// behind or silently dropped.
//
// A new edition may renumber or reword an item, and an item's id is its number (plan/ref). A
// record follows an item only where the match is certain:
//   1. kept: the item with its id still has the title it was recorded against;
//   2. renumbered: exactly one item of the plan has that title (this wins over the id: when an
//      item is removed, the next one takes its number, and its records must not land on it);
//   3. reworded: the item with its id reads much like the recorded title (character pairs in
//      common, see `similarWording`) — the same task in new words;
//   4. otherwise kept, marked unattached, for a planner to attach by hand (`unattached`).
import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import * as z from 'zod';
import { titleLikeness } from '../../contract/title-likeness.ts';

type Tx = Pick<Transaction | ManagedTransaction, 'run'>;

/** The labels of records kept beside a plan's items, each `(:Label)-[:ON]->(:Item)`. */
export const RECORD_LABELS = ['Progress', 'DeadlineChange', 'IndicatorValue'] as const;
export type RecordLabel = (typeof RECORD_LABELS)[number];

// Labels are constants of this file, never input: Cypher takes no parameter for a label.
const cypherFor = (label: RecordLabel) => ({
  kept: `
    MATCH (p:${label} {planId: $planId})
    MATCH (i:Item {id: p.itemId})
    WHERE p.itemTitle IS NULL OR i.title = p.itemTitle
    MERGE (p)-[:ON]->(i)
    REMOVE p.unattached
    RETURN count(p) AS kept`,
  candidates: `
    MATCH (p:${label} {planId: $planId})
    WHERE NOT EXISTS {
      MATCH (p)-[:ON]->(i:Item)
      WHERE i.id = p.itemId AND (p.itemTitle IS NULL OR i.title = p.itemTitle)
    }
    RETURN p.id AS id, p.itemId AS itemId, p.itemRef AS itemRef, p.itemTitle AS itemTitle,
           COLLECT {
             MATCH (i:Item {planId: $planId})
             WHERE i.title = p.itemTitle
             RETURN i {.id, .ref, .title}
           } AS sameTitle,
           COLLECT {
             MATCH (i:Item {id: p.itemId})
             WHERE i.planId = $planId
             RETURN i {.id, .ref, .title}
           }[0] AS atId`,
  follow: `
    UNWIND $moves AS move
    MATCH (p:${label} {planId: $planId, id: move.id})
    MATCH (i:Item {id: move.to})
    CALL (p) {
      MATCH (p)-[old:ON]->()
      DELETE old
    }
    SET p.movedFrom = CASE WHEN p.itemId <> i.id THEN p.itemId ELSE p.movedFrom END,
        p.rewordedFrom = CASE WHEN move.how = 'reworded' THEN p.itemTitle ELSE p.rewordedFrom END,
        p.itemId = i.id, p.itemRef = i.ref, p.itemTitle = i.title
    REMOVE p.unattached
    MERGE (p)-[:ON]->(i)
    RETURN count(p) AS followed`,
  orphan: `
    MATCH (p:${label} {planId: $planId})
    WHERE p.id IN $ids OR NOT (p)-[:ON]->(:Item)
    CALL (p) {
      MATCH (p)-[old:ON]->()
      DELETE old
    }
    SET p.unattached = true
    RETURN count(p) AS unattached`,
  list: `
    MATCH (p:${label} {planId: $planId, unattached: true})
    RETURN p.id AS id, p.itemId AS itemId, p.itemRef AS itemRef, p.itemTitle AS itemTitle,
           p.at AS at, p.by AS by, p.status AS status, p.note AS note,
           p.deadline AS deadline, p.year AS year, p.value AS value
    ORDER BY p.itemRef, p.at`,
});

const toNumber = (value: unknown): unknown => (neo4j.isInt(value) ? value.toNumber() : value);

const Target = z.object({ id: z.string(), ref: z.string(), title: z.string() });
const Candidate = z.object({
  id: z.string(),
  itemId: z.string(),
  itemRef: z.string().nullable(),
  itemTitle: z.string().nullable(),
  sameTitle: z.array(Target),
  atId: Target.nullable(),
});

/** A record that followed its item to a new number or new words. */
export const FollowedRecord = z.object({
  label: z.enum(RECORD_LABELS),
  id: z.string(),
  how: z.enum(['renumbered', 'reworded']),
  fromRef: z.string().nullable(),
  fromTitle: z.string().nullable(),
  toRef: z.string(),
  toTitle: z.string(),
});
export type FollowedRecord = z.infer<typeof FollowedRecord>;

export const UnattachedRecord = z.object({
  id: z.string(),
  itemId: z.string(),
  itemRef: z.string().nullable(),
  itemTitle: z.string().nullable(),
  at: z.string(),
  by: z.string(),
  status: z.string().nullable(),
  note: z.string().nullable(),
  /** A deadline change's deadline as typed; an indicator value's year and value. */
  deadline: z.string().nullable(),
  year: z.preprocess(toNumber, z.number().nullable()),
  value: z.preprocess(toNumber, z.number().nullable()),
});
export type UnattachedRecord = z.infer<typeof UnattachedRecord>;

/** What a reload did with the records of one label. */
export interface RelinkReport {
  linked: number;
  moved: number;
  unattached: number;
}

/** What a reload did with all of a plan's records: for the load's report and the CLI. */
export interface PlanRelinkReport {
  /** Records on the same item as before, by label. */
  kept: Record<RecordLabel, number>;
  followed: FollowedRecord[];
  unattached: (UnattachedRecord & { label: RecordLabel })[];
}

/**
 * Whether two titles are the same task in other words: at least half their character pairs in
 * common (contract/title-likeness.ts; the planner's attach proposals rank by the same measure).
 */
export function similarWording(a: string, b: string, threshold = 0.5): boolean {
  return titleLikeness(a, b) >= threshold;
}

const count = (value: unknown): number => (neo4j.isInt(value) ? value.toNumber() : Number(value));

type Move = { id: string; to: string; how: FollowedRecord['how'] };

/** Where each record that did not stay put goes: pure, from the candidates the query found. */
export function decide(candidates: readonly z.infer<typeof Candidate>[]): {
  moves: (Move & { from: z.infer<typeof Candidate>; target: z.infer<typeof Target> })[];
  orphans: string[];
} {
  const moves: (Move & { from: z.infer<typeof Candidate>; target: z.infer<typeof Target> })[] = [];
  const orphans: string[] = [];
  for (const candidate of candidates) {
    const [only, ...more] = candidate.sameTitle;
    if (only !== undefined && more.length === 0) {
      moves.push({
        id: candidate.id,
        to: only.id,
        how: 'renumbered',
        from: candidate,
        target: only,
      });
    } else if (
      candidate.atId !== null &&
      candidate.itemTitle !== null &&
      candidate.sameTitle.length === 0 &&
      similarWording(candidate.itemTitle, candidate.atId.title)
    ) {
      moves.push({
        id: candidate.id,
        to: candidate.atId.id,
        how: 'reworded',
        from: candidate,
        target: candidate.atId,
      });
    } else {
      orphans.push(candidate.id);
    }
  }
  return { moves, orphans };
}

async function relinkLabel(
  tx: Tx,
  label: RecordLabel,
  planId: string,
): Promise<{ kept: number; followed: FollowedRecord[]; unattached: number }> {
  const cypher = cypherFor(label);
  const kept = count((await tx.run(cypher.kept, { planId })).records[0]?.get('kept') ?? 0);
  const candidates = (await tx.run(cypher.candidates, { planId })).records.map((record) =>
    Candidate.parse(record.toObject()),
  );
  const { moves, orphans } = decide(candidates);
  if (moves.length > 0) {
    await tx.run(cypher.follow, {
      planId,
      moves: moves.map(({ id, to, how }) => ({ id, to, how })),
    });
  }
  const unattached = count(
    (await tx.run(cypher.orphan, { planId, ids: orphans })).records[0]?.get('unattached') ?? 0,
  );
  const followed = moves.map((move) =>
    FollowedRecord.parse({
      label,
      id: move.id,
      how: move.how,
      fromRef: move.from.itemRef,
      fromTitle: move.from.itemTitle,
      toRef: move.target.ref,
      toTitle: move.target.title,
    }),
  );
  return { kept, followed, unattached };
}

/** Links the plan's progress records to its items again; run inside the load's transaction. */
export async function relinkProgress(tx: Tx, planId: string): Promise<RelinkReport> {
  const { kept, followed, unattached } = await relinkLabel(tx, 'Progress', planId);
  return { linked: kept, moved: followed.length, unattached };
}

/** Links every kind of record of the plan again (see the file's header); in the load's transaction. */
export async function relinkRecords(tx: Tx, planId: string): Promise<PlanRelinkReport> {
  const report: PlanRelinkReport = {
    kept: { Progress: 0, DeadlineChange: 0, IndicatorValue: 0 },
    followed: [],
    unattached: [],
  };
  for (const label of RECORD_LABELS) {
    const { kept, followed } = await relinkLabel(tx, label, planId);
    report.kept[label] = kept;
    report.followed.push(...followed);
    report.unattached.push(
      ...(await unattachedRecords(tx, planId, label)).map((record) => ({ ...record, label })),
    );
  }
  return report;
}

async function unattachedRecords(
  tx: Tx,
  planId: string,
  label: RecordLabel,
): Promise<UnattachedRecord[]> {
  const result = await tx.run(cypherFor(label).list, { planId });
  return result.records.map((record) => UnattachedRecord.parse(record.toObject()));
}

/** Progress records a reload could not place, for a planner to attach. */
export async function unattachedProgress(tx: Tx, planId: string): Promise<UnattachedRecord[]> {
  return unattachedRecords(tx, planId, 'Progress');
}

/** Every record a reload could not place, of every label, for a planner to attach. */
export async function allUnattached(
  tx: Tx,
  planId: string,
): Promise<(UnattachedRecord & { label: RecordLabel })[]> {
  const all: (UnattachedRecord & { label: RecordLabel })[] = [];
  for (const label of RECORD_LABELS) {
    all.push(...(await unattachedRecords(tx, planId, label)).map((r) => ({ ...r, label })));
  }
  return all;
}

const ATTACH = `
  MATCH (p:Progress|DeadlineChange|IndicatorValue {planId: $planId, id: $recordId})
  MATCH (i:Item {planId: $planId, id: $itemId})
  CALL (p) {
    MATCH (p)-[old:ON]->()
    DELETE old
  }
  WITH p, i, p {.itemId, .itemRef, .itemTitle, .unattached} AS before
  SET p.movedFrom = CASE WHEN p.itemId <> i.id THEN p.itemId ELSE p.movedFrom END,
      p.itemId = i.id, p.itemRef = i.ref, p.itemTitle = i.title, p.attachedBy = $by
  REMOVE p.unattached
  MERGE (p)-[:ON]->(i)
  RETURN labels(p)[0] AS label, before, p {.itemId, .itemRef, .itemTitle} AS after`;

export const AttachResult = z.object({
  label: z.enum(RECORD_LABELS),
  before: z.object({
    itemId: z.string(),
    itemRef: z.string().nullable(),
    itemTitle: z.string().nullable(),
    unattached: z.boolean().nullable(),
  }),
  after: z.object({
    itemId: z.string(),
    itemRef: z.string().nullable(),
    itemTitle: z.string().nullable(),
  }),
});
export type AttachResult = z.infer<typeof AttachResult>;

/**
 * A planner attaches a record (of any kind) to an item of its plan by hand; null when the plan
 * has no such record or no such item. Attaching an attached record moves it.
 */
export async function attachRecord(
  tx: Tx,
  input: { planId: string; recordId: string; itemId: string; by: string },
): Promise<AttachResult | null> {
  const row = (await tx.run(ATTACH, input)).records[0]?.toObject();
  return row === undefined ? null : AttachResult.parse(row);
}
