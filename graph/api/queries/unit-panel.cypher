// unit-panel — one unit in a plan for the explorer's unit panel: its figures, its items with their theme and role, its partners
//
// An item's theme is the one its task sits under (a task's second part reaches it through its
// task); indicators, projects and requirements have none. Partners are the units it shares
// items with (COORDINATES_WITH), most shared first.
//
// The planners' unit-profile (cypher/unit-profile.cypher) answers the same question as a table, one
// row per item; this one returns the nodes themselves, which the panel shows and links.
//
// Parameters:
// :param unitId => '武汉市/市发改委'
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// unit: the unit
// metrics: its ACTIVE_IN figures in the plan, or null when the plan does not name it
// items: one map per item it leads or supports: item, theme (or null), type, role, inferred
// partners: one map per partner unit: unit and items (shared item count)
// collectives: the collective units it is a member of
// plans: one map per plan naming the unit, this one included, heaviest first: plan and figures
// viaCollectives: items it carries only through collectives of the plan, and by collective

MATCH (unit:Unit {id: $unitId})
OPTIONAL MATCH (unit)-[activity:ACTIVE_IN]->(:Plan {id: $planId})
CALL (unit) {
  OPTIONAL MATCH (unit)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  OPTIONAL MATCH (item)-[:UNDER*1..2]->(theme:Theme)
  WITH assignment, item, theme
  ORDER BY item.sortKey
  RETURN collect(CASE WHEN item IS NULL THEN null ELSE {
           item: item,
           theme: theme,
           type: type(assignment),
           role: assignment.role,
           inferred: assignment.inferred
         } END) AS items
}
CALL (unit) {
  OPTIONAL MATCH (unit)-[shared:COORDINATES_WITH {planId: $planId}]-(partner:Unit)
  WITH shared, partner
  ORDER BY shared.items DESC, partner.name
  RETURN collect(CASE WHEN partner IS NULL THEN null ELSE {unit: partner, items: shared.items} END) AS partners
}
CALL (unit) {
  OPTIONAL MATCH (unit)-[:MEMBER_OF]->(collective:Unit)
  RETURN collect(DISTINCT collective) AS collectives
}
// Inferred leads in one pass over the unit's leads, grouped by plan: counted plan by plan, the
// work would grow with the square of the plans loaded.
CALL (unit) {
  OPTIONAL MATCH (unit)-[lead:LEADS {inferred: true}]->(:Item)
  WITH lead.planId AS planId, count(lead) AS inferred
  RETURN collect(CASE WHEN planId IS NULL THEN null ELSE [planId, inferred] END) AS inferredByPlan
}
CALL (unit, inferredByPlan) {
  OPTIONAL MATCH (unit)-[every:ACTIVE_IN]->(other:Plan)
  WITH every, other
  ORDER BY every.load DESC, other.date DESC, other.id
  RETURN collect(CASE WHEN other IS NULL THEN null ELSE {
           plan: other {.id, .title, .jurisdiction, .date},
           itemsLed: every.itemsLed,
           inferredLeads: coalesce(
             [pair IN inferredByPlan WHERE pair[0] = other.id | pair[1]][0], 0),
           itemsSupported: every.itemsSupported,
           load: every.load
         } END) AS plans
}
// As cypher/member-load.cypher counts them: a member of a collective named on an item carries
// it; an item is counted once however many of its collectives are named on it.
CALL (unit) {
  OPTIONAL MATCH (unit)-[membership:MEMBER_OF]->(collective:Unit)
                 -[active:ACTIVE_IN {planId: $planId}]->(:Plan)
  WHERE active.collective
    AND NOT coalesce(unit.collective, false)
    AND (membership.source = 'dictionary' OR membership.planId = $planId)
  OPTIONAL MATCH (collective)-[:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  WHERE NOT EXISTS { (unit)-[:LEADS|SUPPORTS {planId: $planId}]->(item) }
  WITH collective, collect(DISTINCT item) AS items
  ORDER BY size(items) DESC, collective.name
  WITH collect(CASE WHEN collective IS NULL THEN null ELSE {unit: collective, items: size(items)} END) AS byCollective,
       collect(items) AS lists
  RETURN {
           items: size(reduce(seen = [], list IN lists | seen + [item IN list WHERE NOT item IN seen])),
           collectives: byCollective
         } AS viaCollectives
}
RETURN unit AS unit,
       properties(activity) AS metrics,
       items AS items,
       partners AS partners,
       collectives AS collectives,
       plans AS plans,
       viaCollectives AS viaCollectives
