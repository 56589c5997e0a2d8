// plan-graph — a whole plan for drawing: its units, items and the relationships among them
//
// The Plan node itself is left out (every item would hang off it), and with it the PART_OF
// links to it; sub-projects keep their PART_OF link to their project.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// nodes: the plan's items and the units active in it
// relationships: LEADS, SUPPORTS, UNDER and PART_OF among them
// metrics: each unit's figures in the plan, as maps with unitId

MATCH (plan:Plan {id: $planId})
CALL (plan) {
  MATCH (item:Item {planId: plan.id})
  RETURN collect(item) AS items
}
CALL (plan) {
  MATCH (unit:Unit)-[activity:ACTIVE_IN]->(plan)
  RETURN collect(unit) AS units,
         collect(activity {.*, unitId: unit.id}) AS metrics
}
CALL (plan) {
  MATCH (:Unit)-[link:LEADS|SUPPORTS {planId: plan.id}]->(:Item)
  RETURN collect(link) AS assignments
}
CALL (plan) {
  MATCH (:Item)-[link:UNDER|PART_OF {planId: plan.id}]->(:Item)
  RETURN collect(link) AS structure
}
RETURN units + items AS nodes,
       assignments + structure AS relationships,
       metrics AS metrics
