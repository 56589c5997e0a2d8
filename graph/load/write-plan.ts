// Writes one prepared plan in two stages, so that readers only ever see the old version or the
// new one, and a crash at any point leaves the old one whole (graph/load/staging.ts says how):
//  1. the draft: the new version's items (as ItemDraft) and their edges, in many small
//     transactions, each committing only while this load holds the plan's lease;
//  2. the switch, one transaction: the old items retired, the draft promoted to Item, the plan's
//     own edges (units active in it, coordination, memberships) written, the records kept beside
//     it relinked, counts verified against the model, merges applied, then commit.
// Then the retired version is deleted in slices. Whatever fails before the commit removes the
// draft (or leaves it for the next load to remove): the plan readers see is unchanged.
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { relinkRecords, type PlanRelinkReport } from '../progress/relink.ts';
import { applyMerges } from '../units/merge.ts';
import { isConnectionLoss, LoadFailedError } from './failure.ts';
import {
  abandonDraft,
  claimPlan,
  DRAFT_LABEL,
  KIND_LABELS,
  LEASE_LABEL,
  LeaseLostError,
  ORPHAN_UNITS,
  removeRetired,
  RETIRED_LABEL,
  stillHeld,
} from './staging.ts';
import {
  compareCounts,
  countDraft,
  draftAsCounts,
  countPlan,
  LoadVerificationError,
} from './verify.ts';
import {
  activityRows,
  batches,
  coordinationRows,
  delegationRows,
  documentRows,
  draftItemRows,
  draftRowWeight,
  expectedCounts,
  ITEM_LABELS,
  RELATIONSHIP_TYPES,
  structureRows,
  type PlanCounts,
  type PreparedPlan,
  weightedBatches,
} from './rows.ts';
import type { ItemKind } from '../model/plan.ts';

export const DEFAULT_BATCH_SIZE = 10_000;
/** Draft batches written side by side (the machine's cores are Neo4j's while Node waits). */
export const DRAFT_WRITERS = 2;
/** Long enough for a million edges on a laptop; the server's default (30 s) is meant for queries. */
export const DEFAULT_LOAD_TIMEOUT_MS = 30 * 60_000;

export interface WriteOptions {
  database: string;
  /** Rows per statement (an item with its edges counts as one row each). */
  batchSize?: number;
  /** Draft batches written at once, each in a session of its own (default DRAFT_WRITERS). */
  writers?: number;
  timeoutMs?: number;
  /** Tests only: throw after this many batches have run, as a crash in the last one would. */
  failAfterBatches?: number;
  /**
   * Called after each batch has run, inside its transaction before it commits (and awaited),
   * e.g. for a progress line. The switch's steps count as batches too.
   */
  onBatch?: (step: string, rows: number) => void | Promise<void>;
}

export interface WriteReport {
  /** Whether a previous version of the plan was replaced. */
  replaced: boolean;
  /** The counts read back from the database, equal to the expected ones. */
  counts: PlanCounts;
  batches: number;
  /**
   * Where the time went: taking the plan's lease (and removing what an abandoned load left),
   * writing the draft, the switch's writes, verifying, committing, deleting the old version.
   */
  phasesMs: {
    claim: number;
    draft: number;
    switch: number;
    verify: number;
    commit: number;
    retire: number;
  };
  /**
   * The progress, deadline changes and indicator values kept beside the plan: how many stayed on
   * their item, which followed a renumbered or reworded item, which are kept unattached.
   */
  records: PlanRelinkReport;
  /** Relationships written for the plan (all types). */
  relationships: number;
  /**
   * Whether the old version's items, retired by the switch, were deleted; false when that was cut
   * short (they are invisible, and the next load deletes them).
   */
  oldVersionRemoved: boolean;
  durationMs: number;
}

/** The failure `failAfterBatches` provokes. */
export class InjectedLoadFailure extends Error {
  override readonly name = 'InjectedLoadFailure';
}

// Relationship types and labels below are literals: Cypher takes no parameter for them. Edge
// properties are spelled out in CREATE rather than `SET r = row.props`: setting a map after a
// MATCH makes the planner add an Eager step that holds the whole batch twice.
const CYPHER = {
  previousSource: 'MATCH (p:Plan {id: $planId}) RETURN p.sourceSha256 AS sha256',
  // The draft: units and documents the new version names exist from here on (new ones with the
  // properties they are first printed with), but what a plan says of them (their figures in it,
  // the dictionary's names) is written by the switch.
  draftUnits: 'UNWIND $rows AS row MERGE (u:Unit {id: row.id}) ON CREATE SET u = row.props',
  draftDocuments: 'UNWIND $rows AS row MERGE (d:Document {id: row.id}) ON CREATE SET d = row.props',
  // An item and the units it names, in one statement: the edges need no seek for the item.
  // The unit is found by its element id and checked by its id (an id Neo4j reused for another
  // node must not get the edge); a unit not found drops its edge, which the verification sees.
  draftItems: `
    UNWIND $rows AS row
    CREATE (i:${DRAFT_LABEL})
    SET i = row.props
    WITH i, row
    CALL (i, row) {
      UNWIND row.leads AS a
      MATCH (u) WHERE elementId(u) = a.node AND u.id = a.unit
      CREATE (u)-[:LEADS {planId: $planId, role: a.role, inferred: a.inferred, position: a.position}]->(i)
    }
    CALL (i, row) {
      UNWIND row.supports AS a
      MATCH (u) WHERE elementId(u) = a.node AND u.id = a.unit
      CREATE (u)-[:SUPPORTS {planId: $planId, role: a.role, inferred: a.inferred, position: a.position}]->(i)
    }`,
  under: `
    UNWIND $rows AS row
    MATCH (child:${DRAFT_LABEL} {id: row.from})
    MATCH (parent:${DRAFT_LABEL} {id: row.to})
    CREATE (child)-[:UNDER {planId: $planId}]->(parent)`,
  partOfItem: `
    UNWIND $rows AS row
    MATCH (child:${DRAFT_LABEL} {id: row.from})
    MATCH (parent:${DRAFT_LABEL} {id: row.to})
    CREATE (child)-[:PART_OF {planId: $planId}]->(parent)`,
  delegatedTo: `
    UNWIND $rows AS row
    MATCH (item:${DRAFT_LABEL} {id: row.from})
    MATCH (document:Document {id: row.to})
    CREATE (item)-[:DELEGATED_TO {planId: $planId}]->(document)`,

  // The switch. The records kept beside the old items let go of them (relinked below).
  detachRecords: `
    MATCH (:Item {planId: $planId})<-[r:ON]-()
    DELETE r`,
  // The old items stop being items; their edges go with them when they are deleted.
  retire: `
    MATCH (i:Item {planId: $planId})
    SET i:${RETIRED_LABEL}
    REMOVE i:Item:${KIND_LABELS.join(':')}`,
  deleteActivity: `
    MATCH (:Plan {id: $planId})<-[r:ACTIVE_IN]-()
    WITH r LIMIT $limit
    DELETE r
    RETURN count(*) AS deleted`,
  deleteCoordination: `
    MATCH ()-[r:COORDINATES_WITH {planId: $planId}]->()
    WITH r LIMIT $limit
    DELETE r
    RETURN count(*) AS deleted`,
  deleteDocumentMembers: `
    MATCH ()-[r:MEMBER_OF {planId: $planId}]->()
    WITH r LIMIT $limit
    DELETE r
    RETURN count(*) AS deleted`,
  plan: 'MERGE (p:Plan {id: $planId}) SET p = $props',
  dictionaryUnits: 'UNWIND $rows AS row MATCH (u:Unit {id: row.id}) SET u = row.props',
  documents: 'UNWIND $rows AS row MATCH (d:Document {id: row.id}) SET d = row.props',
  partOfPlan: `
    MATCH (plan:Plan {id: $planId})
    UNWIND $rows AS row
    MATCH (child:Item {id: row.from})
    CREATE (child)-[:PART_OF {planId: $planId}]->(plan)`,
  // The dictionary's memberships are shared by every plan naming the collective: kept in step
  // with the dictionary, never duplicated.
  staleDictionaryMembers: `
    UNWIND $rows AS row
    MATCH (c:Unit {id: row.collective})<-[r:MEMBER_OF {source: 'dictionary'}]-(m:Unit)
    WHERE NOT m.id IN row.members
    DELETE r`,
  dictionaryMembers: `
    UNWIND $rows AS row
    MATCH (c:Unit {id: row.collective})
    UNWIND row.members AS memberId
    MATCH (m:Unit {id: memberId})
    MERGE (m)-[:MEMBER_OF {source: 'dictionary'}]->(c)`,
  documentMembers: `
    UNWIND $rows AS row
    MATCH (m:Unit {id: row.member})
    MATCH (c:Unit {id: row.collective})
    CREATE (m)-[:MEMBER_OF {source: 'document', planId: $planId}]->(c)`,
  activity: `
    MATCH (plan:Plan {id: $planId})
    UNWIND $rows AS row
    MATCH (u:Unit {id: row.unit})
    CREATE (u)-[r:ACTIVE_IN]->(plan)
    SET r = row.props`,
  // Pairs grow with the square of the units: found by element id, as the draft's units are.
  coordination: `
    UNWIND $rows AS row
    MATCH (a) WHERE elementId(a) = row.aNode AND a.id = row.a
    MATCH (b) WHERE elementId(b) = row.bNode AND b.id = row.b
    CREATE (a)-[:COORDINATES_WITH {planId: $planId, items: row.props.items, derived: true}]->(b)`,
  endLease: `MATCH (d:${LEASE_LABEL} {id: $planId, loadId: $loadId}) DELETE d`,
} as const;

/** The kind label each draft gains when promoted, by the item's `kind` property. */
const PROMOTE: Record<ItemKind, string> = Object.fromEntries(
  Object.entries(ITEM_LABELS).map(([kind, label]) => [
    kind,
    `MATCH (i:${DRAFT_LABEL} {planId: $planId})
     WHERE i.kind = '${kind}'
     SET i:Item:${label}
     REMOVE i:${DRAFT_LABEL}`,
  ]),
) as Record<ItemKind, string>;

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value ?? 0);
}

/** The source checksum of the plan as loaded, or null when the database does not hold it. */
export async function loadedSource(
  driver: Driver,
  database: string,
  planId: string,
): Promise<string | null> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(CYPHER.previousSource, { planId }));
    const sha = result.records[0]?.get('sha256') as unknown;
    return result.records.length === 0 ? null : typeof sha === 'string' ? sha : '';
  } finally {
    await session.close();
  }
}

/**
 * Writes (or replaces) one plan; see the file's header. Memory is bounded by the batch: each
 * batch is a transaction of its own, and the switch moves labels, not rows.
 */
export async function writePlan(
  driver: Driver,
  prepared: PreparedPlan,
  options: WriteOptions,
): Promise<WriteReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const timeout = options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
  const { planId, jurisdiction } = prepared;
  const expected = expectedCounts(prepared);
  const { database } = options;
  let batchCount = 0;
  const phasesMs = { claim: 0, draft: 0, switch: 0, verify: 0, commit: 0, retire: 0 };
  let mark = performance.now();
  const phase = (name: keyof typeof phasesMs) => {
    const now = performance.now();
    phasesMs[name] += now - mark;
    mark = now;
  };
  const metadata = { app: 'guatu-loader', planId };

  // Called inside the batch's transaction, before it commits: a failure there (injected by a
  // test, or a dropped connection) rolls that batch back with the rest of the draft.
  const afterBatch = async (step: string, rows: number) => {
    batchCount += 1;
    await options.onBatch?.(step, rows);
    if (options.failAfterBatches !== undefined && batchCount >= options.failAfterBatches) {
      throw new InjectedLoadFailure(`failure injected after ${batchCount} batches (${step})`);
    }
  };

  const lease = await claimPlan(driver, database, planId, jurisdiction, randomUUID());
  phase('claim');
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const writerSessions = Array.from({ length: Math.max(1, options.writers ?? DRAFT_WRITERS) }, () =>
    driver.session({ database, defaultAccessMode: neo4j.session.WRITE }),
  );
  let switched = false;
  let committing = false;
  try {
    // Each batch its own transaction, committed only while the lease is still this load's.
    const draftBatch = async (writer: Session, step: string, cypher: string, batch: unknown[]) => {
      await lease.beat();
      const tx = writer.beginTransaction({ timeout, metadata });
      try {
        if (!stillHeld(await tx.run(lease.held, lease.params))) throw new LeaseLostError(planId);
        await tx.run(cypher, { planId, rows: batch });
        await afterBatch(step, batch.length);
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
      }
    };
    // Batches side by side: Neo4j runs each transaction on a core of its own, and a unit's edges
    // written by two at once take no lock on the unit that would make them queue.
    const draft = async (step: string, cypher: string, parts: Iterable<unknown[]>) => {
      const iterator = parts[Symbol.iterator]();
      const failures: unknown[] = [];
      await Promise.all(
        writerSessions.map(async (writer) => {
          while (failures.length === 0) {
            const next = iterator.next();
            if (next.done === true) return;
            await draftBatch(writer, step, cypher, next.value).catch((error: unknown) => {
              failures.push(error);
            });
          }
        }),
      );
      if (failures.length > 0) throw firstCause(failures);
    };
    await draft('units', CYPHER.draftUnits, batches(prepared.units, batchSize));
    await draft('documents', CYPHER.draftDocuments, batches(documentRows(prepared), batchSize));
    const nodeOf = await unitNodes(
      session,
      prepared.units.map((unit) => unit.id),
    );
    await draft(
      'items',
      CYPHER.draftItems,
      weightedBatches(draftItemRows(prepared, nodeOf), batchSize, draftRowWeight),
    );
    await draft('UNDER', CYPHER.under, batches(structureRows(prepared, 'UNDER'), batchSize));
    await draft(
      'PART_OF',
      CYPHER.partOfItem,
      batches(structureRows(prepared, 'PART_OF_ITEM'), batchSize),
    );
    await draft('DELEGATED_TO', CYPHER.delegatedTo, batches(delegationRows(prepared), batchSize));
    phase('draft');
    // The draft's million edges counted here, outside the switch; a draft that is short of the
    // model fails now, before the plan is touched.
    const drafted = await session.executeRead((read) => countDraft(read, planId));
    const asDrafted = draftAsCounts(expected, drafted);
    const draftFound = compareCounts(expected, asDrafted);
    if (draftFound.length > 0) {
      throw new LoadVerificationError(planId, expected, asDrafted, draftFound);
    }
    phase('verify');

    const tx = session.beginTransaction({ timeout, metadata });
    try {
      const run = async (step: string, cypher: string, rows: Iterable<unknown>) => {
        for (const batch of batches(rows, batchSize)) {
          const length = batch.length;
          await tx.run(cypher, { planId, rows: batch });
          // The driver keeps every result of an open transaction, its parameters included,
          // until the transaction ends: emptying the batch lets its rows be collected now.
          batch.length = 0;
          await afterBatch(step, length);
        }
      };
      // Deleting in bounded slices keeps each statement's memory small.
      const drainIn = async (step: string, cypher: string) => {
        for (;;) {
          const result = await tx.run(cypher, { planId, limit: neo4j.int(batchSize) });
          const deleted = toNumber(result.records[0]?.get('deleted'));
          await afterBatch(step, deleted);
          if (deleted < batchSize) return;
        }
      };
      if (!stillHeld(await tx.run(lease.held, lease.params))) throw new LeaseLostError(planId);
      const replaced = (await tx.run(CYPHER.previousSource, { planId })).records.length > 0;
      if (replaced) {
        await tx.run(CYPHER.detachRecords, { planId });
        await tx.run(CYPHER.retire, { planId });
        await afterBatch('retire', 1);
        await drainIn('delete activity', CYPHER.deleteActivity);
        await drainIn('delete coordination', CYPHER.deleteCoordination);
        await drainIn('delete memberships', CYPHER.deleteDocumentMembers);
      }
      await tx.run(CYPHER.plan, { planId, props: prepared.plan });
      await run(
        'units',
        CYPHER.dictionaryUnits,
        prepared.units.filter((unit) => unit.inDictionary),
      );
      await run('documents', CYPHER.documents, documentRows(prepared));
      for (const kind of Object.keys(ITEM_LABELS) as ItemKind[]) {
        await tx.run(PROMOTE[kind], { planId });
      }
      await afterBatch('promote', 1);
      await run('PART_OF', CYPHER.partOfPlan, structureRows(prepared, 'PART_OF_PLAN'));
      await run('ACTIVE_IN', CYPHER.activity, activityRows(prepared));
      await run('MEMBER_OF', CYPHER.staleDictionaryMembers, prepared.dictionaryMembers);
      await run('MEMBER_OF', CYPHER.dictionaryMembers, prepared.dictionaryMembers);
      await run('MEMBER_OF', CYPHER.documentMembers, prepared.documentMembers);
      await run(
        'COORDINATES_WITH',
        CYPHER.coordination,
        map(coordinationRows(prepared), (row) => ({
          ...row,
          aNode: nodeOf.get(row.a) ?? '',
          bNode: nodeOf.get(row.b) ?? '',
        })),
      );
      // The records' ON edges were let go above; in this transaction, so a load that fails
      // leaves the records as they were.
      const records = await relinkRecords(tx, planId);
      await tx.run(CYPHER.endLease, lease.params);
      await tx.run(ORPHAN_UNITS, { jurisdiction });
      phase('switch');

      const actual = await countPlan(tx, planId, drafted);
      const found = compareCounts(expected, actual);
      if (found.length > 0) throw new LoadVerificationError(planId, expected, actual, found);
      phase('verify');
      // The units planners merged (graph/units/merge.ts) are merged again in this transaction,
      // so readers never see a merged-away unit come back, and a failed merge rolls the load
      // back. After the verification, which compares the database with the document as printed.
      await applyMerges(tx, jurisdiction);

      committing = true;
      await tx.commit();
      switched = true;
      phase('commit');
      lease.release();
      // Readers see the new version now; the old one is deleted out of their sight. If this is
      // cut short (the database gone meanwhile), the load has still succeeded: the next load
      // removes the rest (staging.ts, finishInterruptedLoads).
      const oldVersionRemoved = await removeRetired(driver, database, planId).then(
        () => true,
        () => false,
      );
      phase('retire');
      let relationships = 0;
      for (const type of RELATIONSHIP_TYPES) relationships += actual.relationships[type];
      return {
        replaced,
        counts: actual,
        batches: batchCount,
        phasesMs,
        records,
        relationships,
        oldVersionRemoved,
        durationMs: performance.now() - started,
      };
    } finally {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
    }
  } catch (error) {
    // Lost while committing, the commit may have gone through before the connection did.
    if (committing && !switched && isConnectionLoss(error)) {
      lease.release();
      throw new LoadFailedError('commit-unknown', { cause: error });
    }
    if (!switched) await abandonDraft(driver, database, lease).catch(() => {});
    throw error;
  } finally {
    await Promise.all([session, ...writerSessions].map((open) => open.close()));
  }
}

/**
 * Of the errors writers side by side met, the one that says what happened: a lost connection
 * over what it caused in the other writer (a request the server then ignored).
 */
function firstCause(failures: readonly unknown[]): unknown {
  const ignored = (error: unknown) =>
    error instanceof Error && /^Ignored either because of an error or RESET/.test(error.message);
  return (
    failures.find(isConnectionLoss) ?? failures.find((error) => !ignored(error)) ?? failures[0]
  );
}

function* map<T, U>(rows: Iterable<T>, change: (row: T) => U): Generator<U> {
  for (const row of rows) yield change(row);
}

/** Each unit's element id, read once: the draft's edges find their unit by it. */
async function unitNodes(session: Session, ids: string[]): Promise<Map<string, string>> {
  const result = await session.executeRead((tx) =>
    tx.run('UNWIND $ids AS id MATCH (u:Unit {id: id}) RETURN id, elementId(u) AS node', { ids }),
  );
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('node') as string]));
}
