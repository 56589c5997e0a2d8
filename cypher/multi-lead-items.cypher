// multi-lead-items — items with diffuse ownership: three or more leads
//
// diffuseOwnership: The item has three or more leads, so no one unit clearly answers for it.
// leadCount: Distinct units that lead the item.
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// Defaults: limit => 50
//
// Columns:
// ref: the item's printed reference
// kind: indicator, task, project or requirement
// item: the item's title
// leads: distinct units that lead the item
// units: distinct units named on the item
// leadUnits: the leads, in the order printed
// itemId: the item's id
//
// Scans the whole graph.
MATCH (item:Item {planId: $planId})
// leadCount >= 3 restates diffuseOwnership so that an index on (planId, leadCount) can serve it;
// hinted, because the planner would otherwise often scan every item of every plan.
USING INDEX item:Item(planId, leadCount)
WHERE item.leadCount >= 3
  AND item.diffuseOwnership
WITH item
ORDER BY item.leadCount DESC, item.sortKey ASC
LIMIT $limit
CALL (item) {
  MATCH (lead:Unit)-[assignment:LEADS]->(item)
  WITH lead, assignment
  ORDER BY assignment.position ASC
  RETURN collect(lead.name) AS leadUnits
}
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       item.leadCount AS leads,
       item.unitCount AS units,
       leadUnits AS leadUnits,
       item.id AS itemId
