// After a plan is written, and before its transaction commits: does the database hold, for this
// plan, exactly as many nodes of each label and relationships of each type as the model says?
// A MATCH that found nothing (an edge to a unit that was never written) drops rows silently;
// this is where that becomes an error, and the transaction is rolled back.
import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
import { DRAFT_LABEL } from './staging.ts';
import { ITEM_LABELS, RELATIONSHIP_TYPES, type PlanCounts, type RelationshipType } from './rows.ts';

/** The database did not end up with what was written; the transaction was rolled back. */
export class LoadVerificationError extends Error {
  override readonly name = 'LoadVerificationError';
  constructor(
    readonly planId: string,
    readonly expected: PlanCounts,
    readonly actual: PlanCounts,
    readonly differences: string[],
  ) {
    super(
      `Plan ${planId}: counts after writing differ from the model (rolled back): ${differences.join('; ')}`,
    );
  }
}

// The item label is a constant of this module (Item, or a draft's ItemDraft), never input.
const itemRelationships = (label: string) => `
    MATCH (i:${label} {planId: $planId})
    RETURN
      sum(COUNT { (i)<-[r:LEADS]-(:Unit) WHERE r.planId = $planId }) AS LEADS,
      sum(COUNT { (i)<-[r:SUPPORTS]-(:Unit) WHERE r.planId = $planId }) AS SUPPORTS,
      sum(COUNT { (i)-[r:UNDER]->() WHERE r.planId = $planId }) AS UNDER,
      sum(COUNT { (i)-[r:PART_OF]->() WHERE r.planId = $planId }) AS PART_OF,
      sum(COUNT { (i)-[r:DELEGATED_TO]->(:Document) WHERE r.planId = $planId }) AS DELEGATED_TO`;

const COUNT_QUERIES = {
  countItems: `
    MATCH (i:Item {planId: $planId})
    UNWIND labels(i) AS label
    RETURN label, count(*) AS n`,
  // A draft's items carry their kind as a property only.
  countDraftItems: `
    MATCH (i:${DRAFT_LABEL} {planId: $planId})
    RETURN i.kind AS kind, count(*) AS n`,
  // From each item outwards: LEADS and SUPPORTS have no planId index on purpose (see
  // schema.ts), so no planner can choose to seek one per item.
  countItemRelationships: itemRelationships('Item'),
  countDraftRelationships: itemRelationships(DRAFT_LABEL),
  // The switch writes the items' PART_OF to the plan itself; the draft, the rest.
  countPartOfPlan: `
    MATCH (:Plan {id: $planId})<-[r:PART_OF {planId: $planId}]-(:Item)
    RETURN count(r) AS n`,
  countPlanRest: `
    MATCH (plan:Plan {id: $planId})
    RETURN
      count(plan) AS plans,
      COUNT { (:Unit)-[:ACTIVE_IN {planId: $planId}]->(plan) } AS ACTIVE_IN,
      COUNT { ()-[:COORDINATES_WITH {planId: $planId}]->() } AS COORDINATES_WITH,
      COUNT { ()-[:MEMBER_OF {planId: $planId}]->() }
        + COUNT { (:Unit)-[:MEMBER_OF {source: 'dictionary'}]->(:Unit)-[:ACTIVE_IN]->(plan) }
        AS MEMBER_OF,
      COUNT { MATCH (:Item {planId: $planId})-[:DELEGATED_TO]->(d:Document) RETURN DISTINCT d } AS documents`,
  countUnits: `
    MATCH (plan:Plan {id: $planId})
    CALL (plan) {
      MATCH (u:Unit)-[:ACTIVE_IN]->(plan) RETURN u
      UNION
      MATCH (u:Unit)-[:MEMBER_OF {source: 'dictionary'}]->(:Unit)-[:ACTIVE_IN]->(plan) RETURN u
      UNION
      MATCH (u:Unit)-[:MEMBER_OF {planId: plan.id}]->(:Unit) RETURN u
    }
    RETURN count(u) AS n`,
} as const;

type Runner = Pick<Transaction | ManagedTransaction, 'run'>;

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value ?? 0);
}

const ITEM_LINKS = ['LEADS', 'SUPPORTS', 'UNDER', 'PART_OF', 'DELEGATED_TO'] as const;
type ItemLinks = Record<(typeof ITEM_LINKS)[number], number>;

/**
 * The relationships a draft's items hold (graph/load/staging.ts), counted before the switch: the
 * switch promotes the items without touching their edges, so it need not count a million edges
 * again inside its transaction. PART_OF here is the items' to one another only.
 */
export interface DraftCounts {
  /** Items by kind. */
  kinds: Record<string, number>;
  links: ItemLinks;
}

export async function countDraft(tx: Runner, planId: string): Promise<DraftCounts> {
  const kinds: Record<string, number> = {};
  for (const record of (await tx.run(COUNT_QUERIES.countDraftItems, { planId })).records) {
    kinds[record.get('kind') as string] = toNumber(record.get('n'));
  }
  return { kinds, links: await itemLinks(tx, COUNT_QUERIES.countDraftRelationships, planId) };
}

async function itemLinks(tx: Runner, cypher: string, planId: string): Promise<ItemLinks> {
  const row = (await tx.run(cypher, { planId })).records[0];
  const links = {} as ItemLinks;
  for (const type of ITEM_LINKS) links[type] = toNumber(row?.get(type));
  return links;
}

/**
 * What the database holds for a plan, counted the same way `expectedCounts` counts the model.
 * Given the draft's counts (inside a switch), its items' edges are taken from them and only the
 * PART_OF written by the switch is counted.
 */
export async function countPlan(
  tx: Runner,
  planId: string,
  draft?: DraftCounts,
): Promise<PlanCounts> {
  const labels: Record<string, number> = { Plan: 0, Item: 0 };
  for (const label of Object.values(ITEM_LABELS)) labels[label] = 0;
  const items = await tx.run(COUNT_QUERIES.countItems, { planId });
  for (const record of items.records)
    labels[record.get('label') as string] = toNumber(record.get('n'));

  const relationships = Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, 0])) as Record<
    RelationshipType,
    number
  >;
  const links =
    draft === undefined
      ? await itemLinks(tx, COUNT_QUERIES.countItemRelationships, planId)
      : {
          ...draft.links,
          PART_OF:
            draft.links.PART_OF +
            toNumber(
              (await tx.run(COUNT_QUERIES.countPartOfPlan, { planId })).records[0]?.get('n'),
            ),
        };
  for (const type of ITEM_LINKS) relationships[type] = links[type];
  const rest = (await tx.run(COUNT_QUERIES.countPlanRest, { planId })).records[0];
  labels.Plan = toNumber(rest?.get('plans'));
  labels.Document = toNumber(rest?.get('documents'));
  for (const type of ['ACTIVE_IN', 'COORDINATES_WITH', 'MEMBER_OF'] as const) {
    relationships[type] = toNumber(rest?.get(type));
  }
  labels.Unit = toNumber((await tx.run(COUNT_QUERIES.countUnits, { planId })).records[0]?.get('n'));
  return { labels, relationships };
}

/**
 * The counts a plan would have with this draft and everything else as expected: what
 * `compareCounts` checks a draft by before the switch. PART_OF is left as expected (the draft
 * holds only the items' links to one another; the switch's check counts the rest).
 */
export function draftAsCounts(expected: PlanCounts, draft: DraftCounts): PlanCounts {
  const labels: Record<string, number> = { ...expected.labels, Item: 0 };
  for (const [kind, label] of Object.entries(ITEM_LABELS)) {
    const n = draft.kinds[kind] ?? 0;
    labels[label] = n;
    labels['Item'] = (labels['Item'] ?? 0) + n;
  }
  return {
    labels,
    relationships: {
      ...expected.relationships,
      ...draft.links,
      PART_OF: expected.relationships.PART_OF,
    },
  };
}

/** One line per label or type whose count differs; empty when all agree. */
export function compareCounts(expected: PlanCounts, actual: PlanCounts): string[] {
  const found: string[] = [];
  for (const [label, n] of Object.entries(expected.labels)) {
    const got = actual.labels[label] ?? 0;
    if (got !== n) found.push(`:${label} expected ${n}, found ${got}`);
  }
  for (const type of RELATIONSHIP_TYPES) {
    if (actual.relationships[type] !== expected.relationships[type]) {
      found.push(
        `:${type} expected ${expected.relationships[type]}, found ${actual.relationships[type]}`,
      );
    }
  }
  return found;
}
