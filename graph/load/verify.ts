// After a plan is written, and before its transaction commits: does the database hold, for this
// plan, exactly as many nodes of each label and relationships of each type as the model says?
// A MATCH that found nothing (an edge to a unit that was never written) drops rows silently;
// this is where that becomes an error, and the transaction is rolled back.
import neo4j, { type ManagedTransaction, type Transaction } from 'neo4j-driver';
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

const COUNT_QUERIES = {
  countItems: `
    MATCH (i:Item {planId: $planId})
    UNWIND labels(i) AS label
    RETURN label, count(*) AS n`,
  // From each item outwards: LEADS and SUPPORTS have no planId index on purpose (see
  // schema.ts), so no planner can choose to seek one per item.
  countItemRelationships: `
    MATCH (i:Item {planId: $planId})
    RETURN
      sum(COUNT { (i)<-[r:LEADS]-(:Unit) WHERE r.planId = $planId }) AS LEADS,
      sum(COUNT { (i)<-[r:SUPPORTS]-(:Unit) WHERE r.planId = $planId }) AS SUPPORTS,
      sum(COUNT { (i)-[r:UNDER]->(:Item) WHERE r.planId = $planId }) AS UNDER,
      sum(COUNT { (i)-[r:PART_OF]->() WHERE r.planId = $planId }) AS PART_OF,
      sum(COUNT { (i)-[r:DELEGATED_TO]->(:Document) WHERE r.planId = $planId }) AS DELEGATED_TO`,
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

/** What the database holds for a plan, counted the same way `expectedCounts` counts the model. */
export async function countPlan(tx: Runner, planId: string): Promise<PlanCounts> {
  const labels: Record<string, number> = { Plan: 0, Item: 0 };
  for (const label of Object.values(ITEM_LABELS)) labels[label] = 0;
  const items = await tx.run(COUNT_QUERIES.countItems, { planId });
  for (const record of items.records)
    labels[record.get('label') as string] = toNumber(record.get('n'));

  const relationships = Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, 0])) as Record<
    RelationshipType,
    number
  >;
  const itemLinks = (await tx.run(COUNT_QUERIES.countItemRelationships, { planId })).records[0];
  for (const type of ['LEADS', 'SUPPORTS', 'UNDER', 'PART_OF', 'DELEGATED_TO'] as const) {
    relationships[type] = toNumber(itemLinks?.get(type));
  }
  const rest = (await tx.run(COUNT_QUERIES.countPlanRest, { planId })).records[0];
  labels.Plan = toNumber(rest?.get('plans'));
  labels.Document = toNumber(rest?.get('documents'));
  for (const type of ['ACTIVE_IN', 'COORDINATES_WITH', 'MEMBER_OF'] as const) {
    relationships[type] = toNumber(rest?.get(type));
  }
  labels.Unit = toNumber((await tx.run(COUNT_QUERIES.countUnits, { planId })).records[0]?.get('n'));
  return { labels, relationships };
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
