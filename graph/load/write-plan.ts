// Writes one prepared plan in ONE explicit write transaction: the previous version of the plan
// out, the new one in, orphans swept, counts verified, then commit. Whatever fails on the way —
// bad rows, a dropped connection, a killed server, a verification mismatch — rolls the whole
// transaction back, so readers only ever see the old version or the new one.
import neo4j, { type Driver } from 'neo4j-driver';
import { relinkRecords, type PlanRelinkReport } from '../progress/relink.ts';
import { applyMerges } from '../units/merge.ts';
import { isConnectionLoss, LoadFailedError } from './failure.ts';
import { compareCounts, countPlan, LoadVerificationError } from './verify.ts';
import {
  activityRows,
  assignmentRows,
  batches,
  coordinationRows,
  delegationRows,
  documentRows,
  expectedCounts,
  ITEM_LABELS,
  itemRows,
  RELATIONSHIP_TYPES,
  structureRows,
  type PlanCounts,
  type PreparedPlan,
} from './rows.ts';
import type { ItemKind } from '../model/plan.ts';

export const DEFAULT_BATCH_SIZE = 10_000;
/** Long enough for a million edges on a laptop; the server's default (30 s) is meant for queries. */
export const DEFAULT_LOAD_TIMEOUT_MS = 30 * 60_000;

export interface WriteOptions {
  database: string;
  /** Rows per UNWIND. */
  batchSize?: number;
  timeoutMs?: number;
  /** Tests only: throw after this many batches have run, as a crash between batches would. */
  failAfterBatches?: number;
  /** Called after each batch (and awaited), e.g. for a progress line. */
  onBatch?: (step: string, rows: number) => void | Promise<void>;
}

export interface WriteReport {
  /** Whether a previous version of the plan was replaced. */
  replaced: boolean;
  /** The counts read back from the database, equal to the expected ones. */
  counts: PlanCounts;
  batches: number;
  /**
   * Where the time went: removing the old version, writing, linking the records kept beside the
   * plan again, sweeping orphans, verifying, committing.
   */
  phasesMs: {
    delete: number;
    write: number;
    relink: number;
    sweep: number;
    verify: number;
    commit: number;
  };
  /**
   * The progress, deadline changes and indicator values kept beside the plan: how many stayed on
   * their item, which followed a renumbered or reworded item, which are kept unattached.
   */
  records: PlanRelinkReport;
  /** Relationships written for the plan (all types). */
  relationships: number;
  durationMs: number;
}

/** The failure `failAfterBatches` provokes. */
export class InjectedLoadFailure extends Error {
  override readonly name = 'InjectedLoadFailure';
}

// Relationship types and labels below are literals: Cypher takes no parameter for them. Edge
// properties are spelled out in CREATE rather than `SET r = row.props`: setting a map after a
// MATCH makes the planner add an Eager step that holds the whole batch twice.
// An item that is still in the plan keeps its node: deleting a node and creating one with the
// same id in one transaction makes every later index seek on Item.id slow (tens of times
// slower per row), so a replace updates in place. The kind label is reset in case it changed.
const ITEM_UPSERT: Record<ItemKind, string> = Object.fromEntries(
  Object.entries(ITEM_LABELS).map(([kind, label]) => {
    const others = Object.values(ITEM_LABELS).filter((other) => other !== label);
    return [
      kind,
      `UNWIND $rows AS row
       MERGE (i:Item {id: row.id})
       SET i = row.props
       REMOVE i:${others.join(':')}
       SET i:${label}`,
    ];
  }),
) as Record<ItemKind, string>;

const CYPHER = {
  previousSource: 'MATCH (p:Plan {id: $planId}) RETURN p.sourceSha256 AS sha256',
  previousItems: 'MATCH (i:Item {planId: $planId}) RETURN i.id AS id',
  // Everything attached to the old version's items: edges, structure, delegations.
  detachItems: `
    UNWIND $rows AS id
    MATCH (:Item {id: id})-[r]-()
    DELETE r`,
  deleteItems: `
    UNWIND $rows AS id
    MATCH (i:Item {id: id})
    DETACH DELETE i`,
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
  dictionaryUnits: 'UNWIND $rows AS row MERGE (u:Unit {id: row.id}) SET u = row.props',
  // A unit the dictionary does not know keeps the printing it was first loaded with: another
  // plan printing it differently must not rewrite a shared node.
  otherUnits: 'UNWIND $rows AS row MERGE (u:Unit {id: row.id}) ON CREATE SET u = row.props',
  documents: 'UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d = row.props',
  under: `
    UNWIND $rows AS row
    MATCH (child:Item {id: row.from})
    MATCH (parent:Item {id: row.to})
    CREATE (child)-[:UNDER {planId: $planId}]->(parent)`,
  partOfItem: `
    UNWIND $rows AS row
    MATCH (child:Item {id: row.from})
    MATCH (parent:Item {id: row.to})
    CREATE (child)-[:PART_OF {planId: $planId}]->(parent)`,
  partOfPlan: `
    MATCH (plan:Plan {id: $planId})
    UNWIND $rows AS row
    MATCH (child:Item {id: row.from})
    CREATE (child)-[:PART_OF {planId: $planId}]->(plan)`,
  delegatedTo: `
    UNWIND $rows AS row
    MATCH (item:Item {id: row.from})
    MATCH (document:Document {id: row.to})
    CREATE (item)-[:DELEGATED_TO {planId: $planId}]->(document)`,
  LEADS: `
    UNWIND $rows AS row
    MATCH (u:Unit {id: row.unit})
    MATCH (i:Item {id: row.item})
    CREATE (u)-[:LEADS {
      planId: $planId, role: row.props.role, inferred: row.props.inferred, position: row.props.position
    }]->(i)`,
  SUPPORTS: `
    UNWIND $rows AS row
    MATCH (u:Unit {id: row.unit})
    MATCH (i:Item {id: row.item})
    CREATE (u)-[:SUPPORTS {
      planId: $planId, role: row.props.role, inferred: row.props.inferred, position: row.props.position
    }]->(i)`,
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
  coordination: `
    UNWIND $rows AS row
    MATCH (a:Unit {id: row.a})
    MATCH (b:Unit {id: row.b})
    CREATE (a)-[:COORDINATES_WITH {planId: $planId, items: row.props.items, derived: true}]->(b)`,
  // A unit no plan names any more, and that is no known member of a unit some plan names, has
  // nothing left to say; nor has a document nothing is delegated to.
  orphanUnits: `
    MATCH (u:Unit {jurisdiction: $jurisdiction})
    WHERE NOT (u)-[:ACTIVE_IN]->()
      AND NOT EXISTS { (u)-[:MEMBER_OF]->(:Unit)-[:ACTIVE_IN]->() }
    DETACH DELETE u`,
  orphanDocuments: `
    MATCH (d:Document)
    WHERE NOT ()-[:DELEGATED_TO]->(d)
    DELETE d`,
} as const;

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
 * Writes (or replaces) one plan atomically; see the file's header. Memory is bounded by the
 * batch, except on a replace, which also holds the previous version's item ids.
 */
export async function writePlan(
  driver: Driver,
  prepared: PreparedPlan,
  options: WriteOptions,
): Promise<WriteReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const { planId, jurisdiction } = prepared;
  const expected = expectedCounts(prepared);
  let batchCount = 0;

  const session = driver.session({
    database: options.database,
    defaultAccessMode: neo4j.session.WRITE,
  });
  const tx = session.beginTransaction({
    timeout: options.timeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS,
    metadata: { app: 'guatu-loader', planId },
  });

  const afterBatch = async (step: string, rows: number) => {
    batchCount += 1;
    await options.onBatch?.(step, rows);
    if (options.failAfterBatches !== undefined && batchCount >= options.failAfterBatches) {
      throw new InjectedLoadFailure(`failure injected after ${batchCount} batches (${step})`);
    }
  };
  const run = async (step: string, cypher: string, rows: Iterable<unknown>, size = batchSize) => {
    for (const batch of batches(rows, Math.floor(size))) {
      const length = batch.length;
      await tx.run(cypher, { planId, rows: batch });
      // The driver keeps every result of an open transaction, its parameters included, until
      // the transaction ends: emptying the batch lets its rows be collected now.
      batch.length = 0;
      await afterBatch(step, length);
    }
  };
  // Deleting in bounded slices keeps each statement's memory small even for a huge old version.
  const drain = async (step: string, cypher: string) => {
    for (;;) {
      const result = await tx.run(cypher, { planId, limit: neo4j.int(batchSize) });
      const deleted = toNumber(result.records[0]?.get('deleted'));
      await afterBatch(step, deleted);
      if (deleted < batchSize) return;
    }
  };

  let committing = false;
  const phasesMs = { delete: 0, write: 0, relink: 0, sweep: 0, verify: 0, commit: 0 };
  let mark = performance.now();
  const phase = (name: keyof typeof phasesMs) => {
    const now = performance.now();
    phasesMs[name] = now - mark;
    mark = now;
  };
  try {
    const previous = await tx.run(CYPHER.previousSource, { planId });
    const replaced = previous.records.length > 0;
    if (replaced) {
      const previousIds = (await tx.run(CYPHER.previousItems, { planId })).records.map(
        (record) => record.get('id') as string,
      );
      const current = new Set(prepared.model.items.map((item) => item.id));
      // About ten edges per item: slices of a tenth of a batch keep each statement near one batch.
      await run('delete edges', CYPHER.detachItems, previousIds, Math.max(1, batchSize / 10));
      await run(
        'delete items',
        CYPHER.deleteItems,
        previousIds.filter((id) => !current.has(id)),
      );
      await drain('delete activity', CYPHER.deleteActivity);
      await drain('delete coordination', CYPHER.deleteCoordination);
      await drain('delete memberships', CYPHER.deleteDocumentMembers);
    }

    phase('delete');
    await tx.run(CYPHER.plan, { planId, props: prepared.plan });
    await run(
      'units',
      CYPHER.dictionaryUnits,
      prepared.units.filter((unit) => unit.inDictionary),
    );
    await run(
      'units',
      CYPHER.otherUnits,
      prepared.units.filter((unit) => !unit.inDictionary),
    );
    for (const kind of Object.keys(ITEM_LABELS) as ItemKind[]) {
      await run(`items (${kind})`, ITEM_UPSERT[kind], itemRows(prepared, kind));
    }
    await run('documents', CYPHER.documents, documentRows(prepared));
    await run('UNDER', CYPHER.under, structureRows(prepared, 'UNDER'));
    await run('PART_OF', CYPHER.partOfItem, structureRows(prepared, 'PART_OF_ITEM'));
    await run('PART_OF', CYPHER.partOfPlan, structureRows(prepared, 'PART_OF_PLAN'));
    await run('DELEGATED_TO', CYPHER.delegatedTo, delegationRows(prepared));
    await run('LEADS', CYPHER.LEADS, assignmentRows(prepared, 'LEADS'));
    await run('SUPPORTS', CYPHER.SUPPORTS, assignmentRows(prepared, 'SUPPORTS'));
    await run('ACTIVE_IN', CYPHER.activity, activityRows(prepared));
    await run('MEMBER_OF', CYPHER.staleDictionaryMembers, prepared.dictionaryMembers);
    await run('MEMBER_OF', CYPHER.dictionaryMembers, prepared.dictionaryMembers);
    await run('MEMBER_OF', CYPHER.documentMembers, prepared.documentMembers);
    await run('COORDINATES_WITH', CYPHER.coordination, coordinationRows(prepared));
    phase('write');
    // The reload took every edge of the items, the records' ON edges too; in this transaction, so
    // a load that fails leaves the records as they were.
    const records = await relinkRecords(tx, planId);
    phase('relink');
    await tx.run(CYPHER.orphanUnits, { jurisdiction });
    await tx.run(CYPHER.orphanDocuments);
    phase('sweep');

    const actual = await countPlan(tx, planId);
    const found = compareCounts(expected, actual);
    if (found.length > 0) throw new LoadVerificationError(planId, expected, actual, found);
    phase('verify');
    // The units planners merged (graph/units/merge.ts) are merged again in this transaction, so
    // readers never see a merged-away unit come back, and a failed merge rolls the load back.
    // After the verification, which compares the database with the document as printed.
    await applyMerges(tx, jurisdiction);

    committing = true;
    await tx.commit();
    phase('commit');
    let relationships = 0;
    for (const type of RELATIONSHIP_TYPES) relationships += actual.relationships[type];
    return {
      replaced,
      counts: actual,
      batches: batchCount,
      phasesMs,
      records,
      relationships,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    // A dead connection cannot roll back, but the server drops the open transaction anyway.
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    // Lost while committing, the commit may have gone through before the connection did.
    if (committing && isConnectionLoss(error)) {
      throw new LoadFailedError('commit-unknown', { cause: error });
    }
    throw error;
  } finally {
    await session.close();
  }
}
