// Shared by the loader's tests: the seed and renamed copies of it (each its own plan, so test
// files running side by side never write the same plan), and a dump of everything a plan owns.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { parsePlan } from '../../graph/parse/parse-plan.ts';
import type { PlanModel } from '../../graph/model/plan.ts';

export const seedPath = fileURLToPath(
  new URL('../../seeds/wuhan-14th-fyp-task-division.txt', import.meta.url),
);
export const seedText = readFileSync(seedPath, 'utf8');

/** The seed under another title: same items and units, another plan id. */
export function renamedSeed(tag: string, text: string = seedText): string {
  return text.replaceAll('任务分工方案', `任务分工方案(${tag})`);
}

/**
 * A second notice of the city for the tests of several plans: the seed's first 90 lines as a 2023
 * 政府工作报告 division (its own title, date and plan id), naming many of the seed's bureaus.
 */
export const workReportText = seedText
  .split('\n')
  .slice(0, 90)
  .join('\n')
  .replaceAll('国民经济和社会发展第十四个五年规划和', '2023年政府工作报告')
  .replaceAll('2035年远景目标纲要任务分工方案', '重点工作任务分工方案')
  .replace('2022年3月3日', '2023年2月20日');

export function parsed(text: string): PlanModel {
  const model = parsePlan(text);
  const errors = model.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) throw new Error(`test document does not parse: ${JSON.stringify(errors)}`);
  return model;
}

/** A stable text for any value read back from Neo4j: object keys sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

export interface PlanDump {
  nodes: string[];
  relationships: string[];
}

/**
 * Every node the plan owns or uses (its Plan, items, units, documents) with labels and all
 * properties, and every relationship it owns (its planId) or relies on (dictionary memberships
 * into its units), each as one sorted line. Property types are part of the dump: an INTEGER
 * turning into a FLOAT is a change.
 */
export async function dumpPlan(
  driver: Driver,
  database: string,
  planId: string,
): Promise<PlanDump> {
  const session = driver.session({ database });
  try {
    const nodes = await session.run(
      `MATCH (plan:Plan {id: $planId})
       CALL (plan) {
         RETURN plan AS n
         UNION
         MATCH (n:Item {planId: $planId}) RETURN n
         UNION
         MATCH (n:Unit)-[:ACTIVE_IN]->(plan) RETURN n
         UNION
         MATCH (n:Unit)-[:MEMBER_OF]->(:Unit)-[:ACTIVE_IN]->(plan) RETURN n
         UNION
         MATCH (:Item {planId: $planId})-[:DELEGATED_TO]->(n:Document) RETURN n
       }
       RETURN labels(n) AS labels, properties(n) AS props,
              [key IN keys(n) | [key, valueType(n[key])]] AS types`,
      { planId },
    );
    const relationships = await session.run(
      `MATCH (a)-[r]->(b)
       WHERE r.planId = $planId
          OR (r:MEMBER_OF AND r.source = 'dictionary' AND EXISTS { (b)-[:ACTIVE_IN]->(:Plan {id: $planId}) })
       RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props,
              [key IN keys(r) | [key, valueType(r[key])]] AS types`,
      { planId },
    );
    const line = (record: { toObject(): Record<string, unknown> }) => {
      const object = record.toObject();
      const labels = object.labels;
      if (Array.isArray(labels)) labels.sort();
      const types = object.types as [string, string][];
      types.sort(([a], [b]) => (a < b ? -1 : 1));
      return canonical(object);
    };
    return {
      nodes: nodes.records.map(line).sort(),
      relationships: relationships.records.map(line).sort(),
    };
  } finally {
    await session.close();
  }
}
