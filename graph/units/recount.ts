// The figures a merge or a split changes, counted again from the edges as they now are, with the
// loader's definitions (graph/analyse/metrics.ts, docs/graph.md "Metrics"): a unit's items led,
// supported, themes reached and load in a plan; the COORDINATES_WITH pairs it is in; an item's
// unitCount, leadCount and diffuseOwnership. Items are counted once per unit (an item both led and
// supported after a merge counts as led). Betweenness and community are network measures of the
// whole plan and are left as loaded; so are a theme's counts.
import type { ManagedTransaction, Transaction } from 'neo4j-driver';

export type Runner = Pick<Transaction | ManagedTransaction, 'run'>;

const CYPHER = {
  activity: `
    UNWIND $plans AS planId
    MATCH (u:Unit {id: $unit})-[act:ACTIVE_IN]->(:Plan {id: planId})
    WITH act,
         COLLECT { MATCH (u)-[:LEADS {planId: planId}]->(i:Item) RETURN DISTINCT i.id } AS led,
         COLLECT { MATCH (u)-[:SUPPORTS {planId: planId}]->(i:Item) RETURN DISTINCT i.id } AS supported,
         COUNT {
           MATCH (u)-[:LEADS|SUPPORTS {planId: planId}]->(:Item)-[:UNDER*1..4]->(theme:Theme)
           RETURN DISTINCT theme
         } AS themes
    WITH act, led, [id IN supported WHERE NOT id IN led] AS supportedOnly, themes
    SET act.itemsLed = size(led),
        act.itemsSupported = size(supportedOnly),
        act.themesReached = themes,
        act.load = toFloat(size(led)) + 0.5 * size(supportedOnly)`,
  dropPairs: `
    UNWIND $plans AS planId
    UNWIND $units AS unitId
    MATCH (:Unit {id: unitId})-[pair:COORDINATES_WITH {planId: planId}]-(:Unit)
    DELETE pair`,
  // A pair of two recounted units is written once, from the smaller id.
  pairs: `
    UNWIND $plans AS planId
    UNWIND $units AS unitId
    MATCH (u:Unit {id: unitId})-[:LEADS|SUPPORTS {planId: planId}]->(item:Item)
          <-[:LEADS|SUPPORTS {planId: planId}]-(other:Unit)
    WHERE other <> u AND NOT (other.id IN $units AND other.id < u.id)
    WITH planId, u, other, count(DISTINCT item) AS items
    WITH planId, items,
         CASE WHEN u.id < other.id THEN u ELSE other END AS a,
         CASE WHEN u.id < other.id THEN other ELSE u END AS b
    CREATE (a)-[:COORDINATES_WITH {planId: planId, items: items, derived: true}]->(b)`,
  items: `
    UNWIND $items AS itemId
    MATCH (item:Item {id: itemId})
    WITH item,
         COUNT { MATCH (u:Unit)-[:LEADS|SUPPORTS {planId: item.planId}]->(item) RETURN DISTINCT u } AS units,
         COUNT { MATCH (u:Unit)-[:LEADS {planId: item.planId}]->(item) RETURN DISTINCT u } AS leads
    SET item.unitCount = units,
        item.leadCount = leads,
        item.diffuseOwnership = leads >= 3`,
} as const;

/** A unit's ACTIVE_IN figures in these plans, counted again. */
export async function recountActivity(
  tx: Runner,
  unit: string,
  plans: readonly string[],
): Promise<void> {
  if (plans.length > 0) await tx.run(CYPHER.activity, { unit, plans });
}

/** Every COORDINATES_WITH pair of these units in these plans, derived again. */
export async function recountPairs(
  tx: Runner,
  units: readonly string[],
  plans: readonly string[],
): Promise<void> {
  if (plans.length === 0 || units.length === 0) return;
  await tx.run(CYPHER.dropPairs, { units, plans });
  await tx.run(CYPHER.pairs, { units, plans });
}

/** The unit counts of these items, counted again. */
export async function recountItems(tx: Runner, items: readonly string[]): Promise<void> {
  if (items.length > 0) await tx.run(CYPHER.items, { items });
}
