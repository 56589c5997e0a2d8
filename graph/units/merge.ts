// One unit across documents, by a planner's decision: unit A merged into unit B, kept as data
// (`(:UnitMerge)`, docs/graph.md) and applied again after every load, and undone by a split.
//
// Applying a merge moves every LEADS, SUPPORTS and MEMBER_OF of A onto B, each moved edge marked
// `mergedFrom` (A's id) and `asPrinted` (A's name); an edge B already has (same type, plan and
// source) is not doubled: A's is folded into it, its properties kept in the edge's `absorbed`
// list. A's ACTIVE_IN figures are kept on the record per plan, B's are counted again, pairs and
// item counts derived again (recount.ts). A's names become B's aliases and search text; A's node
// goes, its properties kept on the record. A split writes all of it back from those marks.
// Everything runs in the caller's transaction: a failure leaves the graph as it was.
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import type { MergeCounts, UnitMergeView } from '../../contract/api/unit-merge.ts';
import { recountActivity, recountItems, recountPairs, type Runner } from './recount.ts';
import {
  decodeByPlan,
  decodeProperties,
  encodeByPlan,
  encodeProperties,
  type Properties,
} from './stored.ts';

export type MergeProblem =
  | 'unknown_unit'
  | 'unit_merge_self'
  | 'unit_merge_collective'
  | 'unit_merge_jurisdiction'
  | 'unit_merge_cycle'
  | 'unit_already_merged'
  | 'unit_merged_elsewhere'
  | 'unit_has_merges'
  | 'unknown_merge';

/** A merge or split refused; nothing was written. The message is English / Chinese. */
export class UnitMergeError extends Error {
  override readonly name = 'UnitMergeError';
  constructor(
    readonly code: MergeProblem,
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

/** The edges that move, as Cypher spells them: types are literals, never parameters. */
const EDGE_KINDS = [
  { type: 'LEADS', outgoing: true },
  { type: 'SUPPORTS', outgoing: true },
  { type: 'MEMBER_OF', outgoing: true },
  { type: 'MEMBER_OF', outgoing: false },
] as const;
type EdgeKind = (typeof EDGE_KINDS)[number];

const pattern = (kind: EdgeKind, unit: string, edge: string) =>
  kind.outgoing
    ? `(${unit})-[${edge}:${kind.type}]->(other)`
    : `(${unit})<-[${edge}:${kind.type}]-(other)`;

const kindOf = (type: string, outgoing: boolean): EdgeKind => {
  const kind = EDGE_KINDS.find((k) => k.type === type && k.outgoing === outgoing);
  if (kind === undefined) throw new Error(`no merge rule for ${type} (outgoing ${outgoing})`);
  return kind;
};

const CYPHER = {
  lock: `
    MATCH (u:Unit) WHERE u.id IN $ids
    SET u._lock = true
    REMOVE u._lock`,
  unit: 'MATCH (u:Unit {id: $id}) RETURN properties(u) AS props',
  mergeFrom: 'MATCH (m:UnitMerge {from: $from}) RETURN m.id AS id, m.into AS into LIMIT 1',
  mergesInto: 'MATCH (m:UnitMerge {into: $into}) RETURN count(m) AS n',
  cycle: 'MATCH (m:UnitMerge {from: $into, into: $from}) RETURN count(m) AS n',
  create: `
    CREATE (m:UnitMerge {
      id: $id, jurisdiction: $jurisdiction, from: $from, into: $into, fromName: $fromName,
      by: $by, at: $at, aliasesAdded: [], searchTextAdded: []
    })
    SET m.note = $note`,
  record: 'MATCH (m:UnitMerge {id: $id}) RETURN properties(m) AS props',
  recordByFrom: 'MATCH (m:UnitMerge {from: $from}) RETURN properties(m) AS props',
  ofJurisdiction: `
    MATCH (m:UnitMerge {jurisdiction: $jurisdiction})
    RETURN properties(m) AS props
    ORDER BY m.at, m.id`,
  list: `
    MATCH (m:UnitMerge)
    WHERE $unit IS NULL OR m.into = $unit OR m.from = $unit
    OPTIONAL MATCH (into:Unit {id: m.into})
    RETURN properties(m) AS props, into.name AS intoName
    ORDER BY m.at DESC, m.id`,
  // A's edges, each with the edge of B it would duplicate (same type, direction, plan and
  // source), if any. B's edges moved in from another unit are not folded into: a split of that
  // other merge takes them away again.
  edgesOf: `
    MATCH (a:Unit {id: $from})-[r:LEADS|SUPPORTS|MEMBER_OF]-(other)
    MATCH (b:Unit {id: $into})
    WITH a, b, r, other, startNode(r) = a AS outgoing
    RETURN elementId(r) AS edge, type(r) AS type, outgoing, other.id AS other,
           properties(r) AS props,
           [(b)-[s]-(other)
             WHERE type(s) = type(r) AND (startNode(s) = b) = outgoing
               AND s.mergedFrom IS NULL
               AND coalesce(s.planId, '') = coalesce(r.planId, '')
               AND coalesce(s.source, '') = coalesce(r.source, '')
             | elementId(s)][0] AS same`,
  fold: `
    UNWIND $rows AS row
    MATCH ()-[s]->() WHERE elementId(s) = row.same
    SET s.absorbed = CASE
      WHEN row.entry IN coalesce(s.absorbed, []) THEN s.absorbed
      ELSE coalesce(s.absorbed, []) + row.entry
    END
    WITH row
    MATCH ()-[r]->() WHERE elementId(r) = row.edge
    DELETE r`,
  activityOf: `
    MATCH (:Unit {id: $from})-[r:ACTIVE_IN]->(plan:Plan)
    RETURN plan.id AS plan, properties(r) AS props`,
  dropActivity: 'MATCH (:Unit {id: $from})-[r:ACTIVE_IN]->() DELETE r',
  // B named in a plan only through A: an ACTIVE_IN of its own, marked as the merge's.
  intoActivity: `
    MATCH (b:Unit {id: $into})
    UNWIND $plans AS planId
    MATCH (plan:Plan {id: planId})
    WHERE NOT (b)-[:ACTIVE_IN]->(plan)
    CREATE (b)-[:ACTIVE_IN {
      planId: planId, collective: coalesce(b.collective, false), mergedFrom: $from
    }]->(plan)`,
  dropPairs: 'MATCH (:Unit {id: $from})-[r:COORDINATES_WITH]-() DELETE r',
  remember: `
    MATCH (m:UnitMerge {id: $id})
    SET m.fromUnit = coalesce($fromUnit, m.fromUnit),
        m.activity = $activity,
        m.aliasesAdded = $aliasesAdded,
        m.searchTextAdded = $searchTextAdded`,
  names: `
    MATCH (b:Unit {id: $into})
    SET b.aliases = $aliases, b.searchText = $searchText`,
  dropUnit: 'MATCH (a:Unit {id: $from}) DETACH DELETE a',
  // Split: A back, from what the record kept.
  recreate: 'MERGE (a:Unit {id: $from}) SET a = $props',
  foldedInto: `
    MATCH (b:Unit {id: $into})-[s]-(other)
    WHERE s.absorbed IS NOT NULL
    RETURN elementId(s) AS edge, type(s) AS type, startNode(s) = b AS outgoing,
           other.id AS other, s.absorbed AS absorbed`,
  keepFolded: `
    MATCH ()-[s]->() WHERE elementId(s) = $edge
    SET s.absorbed = CASE WHEN size($left) = 0 THEN null ELSE $left END`,
  restoreActivity: `
    MATCH (a:Unit {id: $from})
    UNWIND $rows AS row
    MATCH (plan:Plan {id: row.plan})
    WHERE EXISTS { (a)-[:LEADS|SUPPORTS {planId: row.plan}]->(:Item) }
      AND NOT (a)-[:ACTIVE_IN]->(plan)
    CREATE (a)-[r:ACTIVE_IN]->(plan)
    SET r = row.props`,
  // B's ACTIVE_IN that a merge made goes when B has nothing left in the plan.
  leftoverActivity: `
    MATCH (b:Unit {id: $into})-[r:ACTIVE_IN]->(plan:Plan)
    WHERE plan.id IN $plans AND r.mergedFrom IS NOT NULL
      AND NOT EXISTS { (b)-[:LEADS|SUPPORTS {planId: plan.id}]->(:Item) }
    DELETE r`,
  dropRecord: 'MATCH (m:UnitMerge {id: $id}) DELETE m',
} as const;

/** Each edge kind moved from A to B, or back. */
function moveCypher(kind: EdgeKind, back: boolean): string {
  if (!back) {
    return `
      UNWIND $rows AS row
      MATCH ${pattern(kind, 'a:Unit {id: $from}', 'r')}
      WHERE elementId(r) = row.edge
      MATCH (b:Unit {id: $into})
      CREATE ${pattern(kind, 'b', 'moved')}
      SET moved = properties(r), moved.mergedFrom = $from, moved.asPrinted = $fromName
      DELETE r`;
  }
  return `
    MATCH ${pattern(kind, 'b:Unit {id: $into}', 'r')}
    WHERE r.mergedFrom = $from
    MATCH (a:Unit {id: $from})
    CREATE ${pattern(kind, 'a', 'back')}
    SET back = properties(r), back.mergedFrom = null, back.asPrinted = null
    WITH r, other
    DELETE r
    RETURN other.id AS other`;
}

function restoreCypher(kind: EdgeKind): string {
  return `
    MATCH (a:Unit {id: $from})
    UNWIND $rows AS row
    OPTIONAL MATCH (item:Item {id: row.other})
    OPTIONAL MATCH (unit:Unit {id: row.other})
    WITH a, row, coalesce(item, unit) AS other
    WHERE other IS NOT NULL
    CREATE ${pattern(kind, 'a', 'back')}
    SET back = row.props`;
}

const Props = z.record(z.string(), z.unknown());
const EdgeRow = z.object({
  edge: z.string(),
  type: z.string(),
  outgoing: z.boolean(),
  other: z.string(),
  props: Props,
  same: z.string().nullable(),
});
const FoldedRow = z.object({
  edge: z.string(),
  type: z.string(),
  outgoing: z.boolean(),
  other: z.string(),
  absorbed: z.array(z.string()),
});
const FoldedEntry = z.object({ from: z.string(), props: z.string() });

const MergeRecord = z.object({
  id: z.string(),
  jurisdiction: z.string(),
  from: z.string(),
  into: z.string(),
  fromName: z.string(),
  by: z.string(),
  at: z.string(),
  note: z.string().nullish(),
  fromUnit: z.string().nullish(),
  activity: z.string().nullish(),
  aliasesAdded: z.array(z.string()).default([]),
  searchTextAdded: z.array(z.string()).default([]),
});
type MergeRecord = z.infer<typeof MergeRecord>;

const UnitProps = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    name: z.string(),
    fullName: z.string().nullish(),
    aliases: z.array(z.string()).nullish(),
    collective: z.boolean().nullish(),
    searchText: z.string().nullish(),
  })
  .passthrough();
type UnitProps = z.infer<typeof UnitProps>;

const toNumber = (value: unknown) => (neo4j.isInt(value) ? value.toNumber() : Number(value ?? 0));

async function unitOf(tx: Runner, id: string): Promise<UnitProps | null> {
  const record = (await tx.run(CYPHER.unit, { id })).records[0];
  return record === undefined ? null : UnitProps.parse(record.get('props'));
}

async function recordOf(
  tx: Runner,
  query: string,
  params: Properties,
): Promise<MergeRecord | null> {
  const record = (await tx.run(query, params)).records[0];
  return record === undefined ? null : MergeRecord.parse(record.get('props'));
}

function viewOf(record: MergeRecord, intoName: string | null): UnitMergeView {
  return {
    id: record.id,
    from: record.from,
    fromName: record.fromName,
    into: record.into,
    intoName,
    by: record.by,
    at: record.at,
    note: record.note ?? null,
  };
}

const ZERO: MergeCounts = { leads: 0, supports: 0, memberships: 0, items: 0, plans: 0 };

/** A's names that B's name and aliases do not hold yet: short name, full name, aliases. */
function namesOf(unit: UnitProps): string[] {
  return [unit.name, unit.fullName ?? '', ...(unit.aliases ?? [])].filter((name) => name !== '');
}

const linesOf = (text: string | null | undefined) =>
  (text ?? '').split('\n').filter((line) => line !== '');

/** B's aliases and search text with A's names added; what was added, with what earlier applies added. */
async function addNames(
  tx: Runner,
  record: MergeRecord,
  from: UnitProps,
  into: UnitProps,
): Promise<{ aliasesAdded: string[]; searchTextAdded: string[] }> {
  const own = new Set([into.name, ...(into.aliases ?? [])]);
  const aliases = [...(into.aliases ?? [])];
  for (const name of namesOf(from)) {
    if (own.has(name)) continue;
    own.add(name);
    aliases.push(name);
  }
  const lines = linesOf(into.searchText);
  const known = new Set(lines);
  for (const line of linesOf(from.searchText)) {
    if (known.has(line)) continue;
    known.add(line);
    lines.push(line);
  }
  const searchText = lines.join('\n');
  // Unchanged (a load that rewrote neither unit): no write, so no lock on a unit many plans share.
  if (aliases.length !== (into.aliases ?? []).length || searchText !== (into.searchText ?? '')) {
    await tx.run(CYPHER.names, { into: into.id, aliases, searchText });
  }
  const before = new Set(into.aliases ?? []);
  const beforeLines = new Set(linesOf(into.searchText));
  return {
    aliasesAdded: [
      ...new Set([...record.aliasesAdded, ...aliases.filter((name) => !before.has(name))]),
    ],
    searchTextAdded: [
      ...new Set([...record.searchTextAdded, ...lines.filter((line) => !beforeLines.has(line))]),
    ],
  };
}

/**
 * Applies one kept merge: moves what A has now onto B (nothing, after a load that did not name A)
 * and sees that B carries A's names. Counts what moved.
 */
async function applyRecord(tx: Runner, record: MergeRecord): Promise<MergeCounts> {
  const into = await unitOf(tx, record.into);
  // B gone (no plan names it or anything merged into it any more): A stays as it was loaded.
  if (into === null) return ZERO;
  const present = await unitOf(tx, record.from);
  const from =
    present ?? (record.fromUnit ? UnitProps.parse(decodeProperties(record.fromUnit)) : null);
  if (from === null) return ZERO;
  const names = await addNames(tx, record, from, into);
  const counts = { ...ZERO };
  let activity = decodeByPlan(record.activity);
  if (present !== null) {
    // The name as the document printed it this time, should the dictionary have renamed it.
    const params = { from: record.from, into: record.into, fromName: present.name };
    const rows = (await tx.run(CYPHER.edgesOf, params)).records.map((r) =>
      EdgeRow.parse(r.toObject()),
    );
    const items = new Set<string>();
    for (const row of rows) {
      if (row.type === 'LEADS') counts.leads += 1;
      else if (row.type === 'SUPPORTS') counts.supports += 1;
      else counts.memberships += 1;
      if (row.type !== 'MEMBER_OF') items.add(row.other);
    }
    counts.items = items.size;
    for (const kind of EDGE_KINDS) {
      const ofKind = rows.filter((row) => row.type === kind.type && row.outgoing === kind.outgoing);
      const moved = ofKind.filter((row) => row.same === null).map((row) => ({ edge: row.edge }));
      if (moved.length > 0) await tx.run(moveCypher(kind, false), { ...params, rows: moved });
    }
    const folded = rows
      .filter((row) => row.same !== null)
      .map((row) => ({
        edge: row.edge,
        same: row.same,
        entry: JSON.stringify({ from: record.from, props: encodeProperties(row.props) }),
      }));
    if (folded.length > 0) await tx.run(CYPHER.fold, { rows: folded });

    const active = (await tx.run(CYPHER.activityOf, params)).records.map(
      (r) => [z.string().parse(r.get('plan')), Props.parse(r.get('props'))] as const,
    );
    activity = new Map([...activity, ...active]);
    const plans = active.map(([plan]) => plan);
    counts.plans = plans.length;
    await tx.run(CYPHER.dropActivity, params);
    await tx.run(CYPHER.intoActivity, { ...params, plans });
    await tx.run(CYPHER.dropPairs, params);
    await recountActivity(tx, record.into, plans);
    await recountPairs(tx, [record.into], plans);
    await recountItems(tx, [...items]);
  }
  await tx.run(CYPHER.remember, {
    id: record.id,
    fromUnit: present === null ? null : encodeProperties(present),
    activity: encodeByPlan(activity),
    ...names,
  });
  if (present !== null) await tx.run(CYPHER.dropUnit, { from: record.from });
  return counts;
}

export interface MergeInput {
  from: string;
  into: string;
  /** The account merging (`local` in local mode). */
  by: string;
  /** ISO 8601, from the app's clock. */
  at: string;
  note?: string | undefined;
}

const unknownUnit = (id: string) =>
  new UnitMergeError('unknown_unit', 404, `there is no unit ${id} / 没有此单位`);

/** Refuses a merge the graph cannot take, before anything is written. */
async function checkMerge(tx: Runner, input: MergeInput): Promise<[UnitProps, UnitProps]> {
  const { from, into } = input;
  if (from === into) {
    throw new UnitMergeError(
      'unit_merge_self',
      422,
      `a unit cannot be merged into itself (${from}) / 不能将单位合并到其自身`,
    );
  }
  if (toNumber((await tx.run(CYPHER.cycle, { from, into })).records[0]?.get('n')) > 0) {
    throw new UnitMergeError(
      'unit_merge_cycle',
      409,
      `${into} is already merged into ${from}: split that merge first / ${into} 已合并到 ${from},请先拆分该合并`,
    );
  }
  const [a, b] = await Promise.all([unitOf(tx, from), unitOf(tx, into)]);
  if (a === null) {
    const earlier = (await tx.run(CYPHER.mergeFrom, { from })).records[0];
    if (earlier !== undefined) {
      throw new UnitMergeError(
        'unit_already_merged',
        409,
        `${from} is already merged into ${String(earlier.get('into'))} / 该单位已合并到 ${String(earlier.get('into'))}`,
      );
    }
    throw unknownUnit(from);
  }
  if (b === null) {
    const earlier = (await tx.run(CYPHER.mergeFrom, { from: into })).records[0];
    if (earlier !== undefined) {
      throw new UnitMergeError(
        'unit_merged_elsewhere',
        409,
        `${into} is itself merged into ${String(earlier.get('into'))}: merge into that unit / 目标单位已合并到 ${String(earlier.get('into'))},请合并到该单位`,
      );
    }
    throw unknownUnit(into);
  }
  if (a.jurisdiction !== b.jurisdiction) {
    throw new UnitMergeError(
      'unit_merge_jurisdiction',
      422,
      `${from} and ${into} belong to different jurisdictions / 两个单位属于不同的行政区域`,
    );
  }
  if (a.collective === true || b.collective === true) {
    throw new UnitMergeError(
      'unit_merge_collective',
      422,
      `${b.collective === true ? into : from} stands for several units (a collective) and cannot be merged / 集合单位(如各区人民政府)代表多个单位,不能合并`,
    );
  }
  if (toNumber((await tx.run(CYPHER.mergesInto, { into: from })).records[0]?.get('n')) > 0) {
    throw new UnitMergeError(
      'unit_has_merges',
      409,
      `other units are merged into ${from}: split them first, or merge them into ${into} directly / 已有其他单位合并到该单位,请先拆分,或将它们直接合并到目标单位`,
    );
  }
  return [a, b];
}

/** Merges A into B and keeps the decision; throws UnitMergeError (nothing written) when refused. */
export async function mergeUnits(
  tx: Runner,
  input: MergeInput,
): Promise<{ merge: UnitMergeView; moved: MergeCounts }> {
  // Both units locked first: two merges of the same units at once wait for each other.
  await tx.run(CYPHER.lock, { ids: [input.from, input.into] });
  const [from, into] = await checkMerge(tx, input);
  const id = randomUUID();
  await tx.run(CYPHER.create, {
    id,
    jurisdiction: from.jurisdiction,
    from: input.from,
    into: input.into,
    fromName: from.name,
    by: input.by,
    at: input.at,
    note: input.note ?? null,
  });
  const record = await recordOf(tx, CYPHER.record, { id });
  if (record === null) throw new Error(`the merge ${id} was not written`);
  const moved = await applyRecord(tx, record);
  return { merge: viewOf(record, into.name), moved };
}

/**
 * Applies every merge of a jurisdiction again, in the order they were made: called by the loader
 * in its own transaction after a plan is written (graph/load/write-plan.ts).
 */
export async function applyMerges(tx: Runner, jurisdiction: string): Promise<number> {
  const records = (await tx.run(CYPHER.ofJurisdiction, { jurisdiction })).records.map((r) =>
    MergeRecord.parse(r.get('props')),
  );
  for (const record of records) await applyRecord(tx, record);
  return records.length;
}

/** Undoes one merge: A back with its own edges, figures and names; the record removed. */
export async function splitMerge(
  tx: Runner,
  which: { merge?: string | undefined; from?: string | undefined },
): Promise<{ merge: UnitMergeView; moved: MergeCounts }> {
  const record =
    which.merge !== undefined
      ? await recordOf(tx, CYPHER.record, { id: which.merge })
      : await recordOf(tx, CYPHER.recordByFrom, { from: which.from ?? '' });
  if (record === null) {
    throw new UnitMergeError(
      'unknown_merge',
      404,
      `there is no such merge (${which.merge ?? which.from ?? ''}) / 没有此合并记录`,
    );
  }
  const { from, into } = record;
  await tx.run(CYPHER.lock, { ids: [from, into] });
  const counts = { ...ZERO };
  const intoUnit = await unitOf(tx, into);
  const fromProps = record.fromUnit ? decodeProperties(record.fromUnit) : null;
  const activity = decodeByPlan(record.activity);
  const plans = [...activity.keys()];
  if (intoUnit !== null && fromProps !== null) {
    await tx.run(CYPHER.recreate, { from, props: fromProps });
    const items = new Set<string>();
    for (const kind of EDGE_KINDS) {
      const back = await tx.run(moveCypher(kind, true), { from, into });
      for (const row of back.records) {
        if (kind.type === 'LEADS') counts.leads += 1;
        else if (kind.type === 'SUPPORTS') counts.supports += 1;
        else counts.memberships += 1;
        if (kind.type !== 'MEMBER_OF') items.add(z.string().parse(row.get('other')));
      }
    }
    const folded = (await tx.run(CYPHER.foldedInto, { into })).records.map((r) =>
      FoldedRow.parse(r.toObject()),
    );
    for (const row of folded) {
      const entries = row.absorbed.map((text) => ({
        text,
        entry: FoldedEntry.parse(JSON.parse(text)),
      }));
      const mine = entries.filter(({ entry }) => entry.from === from);
      if (mine.length === 0) continue;
      const kind = kindOf(row.type, row.outgoing);
      const rows = mine.map(({ entry }) => ({
        other: row.other,
        props: decodeProperties(entry.props),
      }));
      await tx.run(restoreCypher(kind), { from, rows });
      await tx.run(CYPHER.keepFolded, {
        edge: row.edge,
        left: entries.filter(({ entry }) => entry.from !== from).map(({ text }) => text),
      });
      if (kind.type === 'LEADS') counts.leads += mine.length;
      else if (kind.type === 'SUPPORTS') counts.supports += mine.length;
      else counts.memberships += mine.length;
      if (kind.type !== 'MEMBER_OF') items.add(row.other);
    }
    counts.items = items.size;
    await tx.run(CYPHER.restoreActivity, {
      from,
      rows: [...activity].map(([plan, props]) => ({ plan, props })),
    });
    await tx.run(CYPHER.leftoverActivity, { into, plans });
    counts.plans = plans.length;
    await recountActivity(tx, into, plans);
    await recountPairs(tx, [from, into], plans);
    await recountItems(tx, [...items]);
    // B's names without A's; then those of the merges into B that stay, in case they shared one.
    await tx.run(CYPHER.names, {
      into,
      aliases: (intoUnit.aliases ?? []).filter((name) => !record.aliasesAdded.includes(name)),
      searchText: linesOf(intoUnit.searchText)
        .filter((line) => !record.searchTextAdded.includes(line))
        .join('\n'),
    });
  }
  await tx.run(CYPHER.dropRecord, { id: record.id });
  if (intoUnit !== null) {
    const others = (
      await tx.run(CYPHER.ofJurisdiction, { jurisdiction: record.jurisdiction })
    ).records
      .map((r) => MergeRecord.parse(r.get('props')))
      .filter((other) => other.into === into);
    for (const other of others) await applyRecord(tx, other);
  }
  return { merge: viewOf(record, intoUnit?.name ?? null), moved: counts };
}

/** The merges kept, newest first; with `unit`, those into or from it. */
export async function listMerges(tx: Runner, unit: string | null): Promise<UnitMergeView[]> {
  const result = await tx.run(CYPHER.list, { unit });
  return result.records.map((r) =>
    viewOf(MergeRecord.parse(r.get('props')), z.string().nullable().parse(r.get('intoName'))),
  );
}
