// collective-exposure — items that rest on 各区人民政府, 相关区人民政府 and other collectives
//
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// An item naming one depends on units the plan does not name; restsOnCollectives is true when no
//   named, single unit is on the item at all.
// The most exposed come first: fewest named units, then in plan order.
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 100
// Defaults: limit => 100
//
// Columns:
// ref: the item's printed reference
// kind: indicator, task or project
// item: the item's title
// collectives: the collective units named on it
// collectiveRole: LEADS when a collective leads it, else SUPPORTS
// namedUnits: distinct non-collective units on the item
// restsOnCollectives: true when only collectives are named
// itemId: the item's id
//
// Scans the whole graph.
MATCH (collective:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.collective
// A subquery, so the walk starts from the few collectives whatever the planner's statistics say
// (from the relationship index it would read every assignment of the plan).
CALL (collective) {
  MATCH (collective)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  RETURN item, type(assignment) AS role
}
WITH item, collect(collective.name) AS collectives, collect(role) AS roles
WITH item,
     collectives,
     CASE WHEN 'LEADS' IN roles THEN 'LEADS' ELSE 'SUPPORTS' END AS collectiveRole,
     item.unitCount - size(collectives) AS namedUnits
ORDER BY namedUnits ASC, item.sortKey ASC
LIMIT $limit
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       collectives AS collectives,
       collectiveRole AS collectiveRole,
       namedUnits AS namedUnits,
       namedUnits = 0 AS restsOnCollectives,
       item.id AS itemId
