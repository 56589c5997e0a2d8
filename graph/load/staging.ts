// A plan's next version is written beside the one readers see, in many small transactions, and
// becomes the plan in one switch (graph/load/write-plan.ts). What makes that safe to interrupt
// at any point lives here:
//  - the new version's items carry the label ItemDraft, not Item: every reader reaches a plan's
//    items and their edges through Item (or a kind label), so a draft is invisible until the
//    switch relabels it;
//  - the switch relabels the old version's items ItemRetired, equally invisible, and they are
//    deleted afterwards in batches;
//  - one PlanDraft node per plan is the lease of the load writing it: which process (host, pid)
//    and when it last wrote a batch. A second load of the same plan while the first is alive is
//    refused; one whose owner is gone (killed, crashed, its database restarted) is abandoned and
//    removed by the next load of that plan or the next process that loads anything.
import { hostname } from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import * as z from 'zod';
import { ITEM_LABELS } from './rows.ts';

export const DRAFT_LABEL = 'ItemDraft';
export const RETIRED_LABEL = 'ItemRetired';
export const LEASE_LABEL = 'PlanDraft';

/** A lease whose owner is on another host counts as abandoned after this long without a batch. */
export const LEASE_STALE_MS = 10 * 60_000;

/** Items per delete statement: each takes its ~10 edges along. */
const REMOVE_SLICE = 2_000;

/** This process's loads in progress: a lease of ours naming another load id is a dead attempt. */
const activeLoads = new Set<string>();

export const Lease = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  loadId: z.string(),
  host: z.string(),
  pid: z.number().int(),
  startedAt: z.number(),
  heartbeat: z.number(),
});
export type Lease = z.infer<typeof Lease>;

/** Another load of the same plan is writing it now. */
export class LoadInProgressError extends Error {
  override readonly name = 'LoadInProgressError';
  constructor(
    readonly planId: string,
    readonly lease: Lease,
  ) {
    const since = new Date(lease.startedAt).toISOString();
    super(
      `计划 ${planId} 正由另一个导入写入（${lease.host} 进程 ${lease.pid}，始于 ${since}），请稍后再试 / ` +
        `plan ${planId} is being loaded by another process (${lease.host} pid ${lease.pid}, since ${since}); try again when it has finished`,
    );
  }
}

/** The load lost its lease (another load judged it abandoned and took the plan over). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor(readonly planId: string) {
    super(`plan ${planId}: this load's draft was taken over by another load; nothing was switched`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the load holding a lease can no longer finish it. */
export function abandoned(lease: Lease, now = Date.now()): boolean {
  if (lease.host === hostname()) {
    if (lease.pid === process.pid) return !activeLoads.has(lease.loadId);
    return !processAlive(lease.pid);
  }
  return now - lease.heartbeat > LEASE_STALE_MS;
}

const toNumber = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : Number(value ?? 0));

// Labels are the constants above, never input: Cypher takes no parameter for a label.
const CYPHER = {
  lease: `MATCH (d:${LEASE_LABEL} {id: $planId}) RETURN properties(d) AS lease`,
  leases: `MATCH (d:${LEASE_LABEL}) RETURN properties(d) AS lease`,
  claim: `
    MERGE (d:${LEASE_LABEL} {id: $planId})
    SET d.loadId = $loadId, d.host = $host, d.pid = $pid, d.jurisdiction = $jurisdiction,
        d.startedAt = timestamp(), d.heartbeat = timestamp()`,
  // Read first in every batch's transaction: the batch commits only while the lease is ours. A
  // read, so that batches written side by side do not queue on the lease's lock.
  held: `
    MATCH (d:${LEASE_LABEL} {id: $planId, loadId: $loadId})
    RETURN count(d) AS held`,
  heartbeat: `
    MATCH (d:${LEASE_LABEL} {id: $planId, loadId: $loadId})
    SET d.heartbeat = timestamp()`,
  release: `MATCH (d:${LEASE_LABEL} {id: $planId, loadId: $loadId}) DELETE d`,
  removeDrafts: `
    MATCH (i:${DRAFT_LABEL} {planId: $planId})
    WITH i LIMIT $limit
    DETACH DELETE i
    RETURN count(*) AS removed`,
  retiredPlans: `MATCH (i:${RETIRED_LABEL}) RETURN DISTINCT i.planId AS planId`,
  removeRetired: `
    MATCH (i:${RETIRED_LABEL} {planId: $planId})
    WITH i LIMIT $limit
    DETACH DELETE i
    RETURN count(*) AS removed`,
  orphanDocuments: `
    MATCH (d:Document)
    WHERE NOT ()-[:DELEGATED_TO]->(d)
    DELETE d`,
} as const;

/**
 * Units with nothing left to say, removed by a switch (in its transaction, for its
 * jurisdiction) and by the clean-ups (every jurisdiction, `jurisdiction` null): a unit no plan
 * names, that is no known member of a unit some plan names, and that no load in progress may
 * still need (a draft's edges to it, or a lease in its jurisdiction: a draft creates its units
 * before it writes their edges).
 */
export const ORPHAN_UNITS = `
  MATCH (u:Unit)
  WHERE ($jurisdiction IS NULL OR u.jurisdiction = $jurisdiction)
    AND NOT (u)-[:ACTIVE_IN]->()
    AND NOT EXISTS { (u)-[:MEMBER_OF]->(:Unit)-[:ACTIVE_IN]->() }
    AND NOT EXISTS { (u)-[:LEADS|SUPPORTS]->(:${DRAFT_LABEL}) }
    AND NOT EXISTS { (:${LEASE_LABEL} {jurisdiction: u.jurisdiction}) }
  DETACH DELETE u`;

/** The kind labels an item loses when it is retired (and a draft gains when it is promoted). */
export const KIND_LABELS = Object.values(ITEM_LABELS);

async function leaseOf(driver: Driver, database: string, planId: string): Promise<Lease | null> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(CYPHER.lease, { planId });
    const raw = result.records[0]?.get('lease') as Record<string, unknown> | undefined;
    return raw === undefined ? null : parseLease(raw);
  } finally {
    await session.close();
  }
}

/** A lease as read back: its integers arrive as Neo4j's. */
function parseLease(raw: Record<string, unknown>): Lease {
  const plain = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : value);
  return Lease.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, plain(v)])));
}

/** Runs a delete statement slice by slice, each in its own transaction, until none is left. */
async function drain(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown>,
): Promise<number> {
  let total = 0;
  const session = driver.session({ database });
  try {
    for (;;) {
      const result = await session.executeWrite((tx) =>
        tx.run(cypher, { ...params, limit: neo4j.int(REMOVE_SLICE) }),
      );
      const removed = toNumber(result.records[0]?.get('removed'));
      total += removed;
      if (removed < REMOVE_SLICE) return total;
    }
  } finally {
    await session.close();
  }
}

async function runWrite(
  driver: Driver,
  database: string,
  cypher: string,
  params: Record<string, unknown> = {},
) {
  const session = driver.session({ database });
  try {
    await session.executeWrite((tx) => tx.run(cypher, params));
  } finally {
    await session.close();
  }
}

/** How often a load in progress says it is alive (for leases judged from another host). */
const HEARTBEAT_MS = 30_000;

/** A load's hold on one plan while it writes the plan's next version. */
export interface PlanLease {
  planId: string;
  loadId: string;
  /** Parameters naming the lease, for `held`. */
  params: { planId: string; loadId: string };
  /** The statement each batch runs first: `stillHeld` reads its answer. */
  held: string;
  /** Stamps the lease as alive, at most every HEARTBEAT_MS, in a transaction of its own. */
  beat(): Promise<void>;
  release(): void;
}

/**
 * Takes the plan's lease, first removing what an abandoned load of it left (its draft, an old
 * version not yet deleted). Refuses while another live load holds it.
 */
export async function claimPlan(
  driver: Driver,
  database: string,
  planId: string,
  jurisdiction: string,
  loadId: string,
): Promise<PlanLease> {
  const existing = await leaseOf(driver, database, planId);
  if (existing !== null && !abandoned(existing)) throw new LoadInProgressError(planId, existing);
  activeLoads.add(loadId);
  try {
    const session = driver.session({ database });
    try {
      await session.executeWrite(async (tx) => {
        // Read again under the lease's lock: two loads claiming at once, one wins.
        const locked = await tx.run(
          `MERGE (d:${LEASE_LABEL} {id: $planId}) SET d._lock = true REMOVE d._lock
           RETURN properties(d) AS lease`,
          { planId },
        );
        const raw = locked.records[0]?.get('lease') as Record<string, unknown>;
        if (raw['loadId'] !== undefined) {
          const lease = parseLease(raw);
          if ((existing === null || lease.loadId !== existing.loadId) && !abandoned(lease)) {
            throw new LoadInProgressError(planId, lease);
          }
        }
        await tx.run(CYPHER.claim, {
          planId,
          loadId,
          host: hostname(),
          pid: neo4j.int(process.pid),
          jurisdiction,
        });
      });
    } finally {
      await session.close();
    }
    await drain(driver, database, CYPHER.removeDrafts, { planId });
    await drain(driver, database, CYPHER.removeRetired, { planId });
  } catch (error) {
    activeLoads.delete(loadId);
    throw error;
  }
  let last = Date.now();
  let beating: Promise<void> | null = null;
  const params = { planId, loadId };
  return {
    planId,
    loadId,
    params,
    held: CYPHER.held,
    beat: async () => {
      if (beating === null && Date.now() - last >= HEARTBEAT_MS) {
        last = Date.now();
        beating = runWrite(driver, database, CYPHER.heartbeat, params).finally(() => {
          beating = null;
        });
      }
      await beating;
    },
    release: () => activeLoads.delete(loadId),
  };
}

/** Whether the heartbeat's answer says the lease is still this load's. */
export function stillHeld(result: { records: { get(key: string): unknown }[] }): boolean {
  return toNumber(result.records[0]?.get('held')) === 1;
}

/**
 * After a load failed before its switch: its draft removed, its lease given back, and the units
 * only the draft had created swept. Best effort: what it cannot remove now (the database gone),
 * the next load removes.
 */
export async function abandonDraft(driver: Driver, database: string, lease: PlanLease) {
  try {
    await drain(driver, database, CYPHER.removeDrafts, { planId: lease.planId });
    await runWrite(driver, database, CYPHER.release, lease.params);
    await runWrite(driver, database, ORPHAN_UNITS, { jurisdiction: null });
  } finally {
    lease.release();
  }
}

/** After the switch: the old version's items deleted in slices, then what only they held. */
export async function removeRetired(
  driver: Driver,
  database: string,
  planId: string,
): Promise<number> {
  const removed = await drain(driver, database, CYPHER.removeRetired, { planId });
  await runWrite(driver, database, CYPHER.orphanDocuments);
  return removed;
}

export interface CleanupReport {
  /** Plans whose abandoned draft was removed. */
  drafts: string[];
  /** Plans whose old version, switched away from, was deleted now. */
  retired: string[];
}

/**
 * What loads interrupted by a crash left, removed: every abandoned draft (and its lease), every
 * retired version. Run by each process before its first load, so the next start finishes it.
 */
export async function finishInterruptedLoads(
  driver: Driver,
  database: string,
): Promise<CleanupReport> {
  const report: CleanupReport = { drafts: [], retired: [] };
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  let leases: Lease[];
  let retiredPlans: string[];
  try {
    leases = (await session.run(CYPHER.leases)).records.map((r) =>
      parseLease(r.get('lease') as Record<string, unknown>),
    );
    retiredPlans = (await session.run(CYPHER.retiredPlans)).records.map(
      (r) => r.get('planId') as string,
    );
  } finally {
    await session.close();
  }
  for (const lease of leases) {
    if (!abandoned(lease)) continue;
    await drain(driver, database, CYPHER.removeDrafts, { planId: lease.id });
    await runWrite(driver, database, CYPHER.release, { planId: lease.id, loadId: lease.loadId });
    report.drafts.push(lease.id);
  }
  for (const planId of retiredPlans) {
    await drain(driver, database, CYPHER.removeRetired, { planId });
    report.retired.push(planId);
  }
  if (report.drafts.length + report.retired.length > 0) {
    await runWrite(driver, database, ORPHAN_UNITS, { jurisdiction: null });
    await runWrite(driver, database, CYPHER.orphanDocuments);
  }
  return report;
}
