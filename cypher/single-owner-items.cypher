// single-owner-items — items resting on one unit alone
//
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
// Here exactly one, so nobody shares the work or backs it up.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// A collective unit alone (各区人民政府) counts as one unit and is flagged.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// ref: the item's printed reference
// kind: indicator, task, project or requirement
// item: the item's title
// unit: the one unit named on it
// role: the role word as printed (牵头单位, 责任单位, …)
// inferred: true when the unit owns the item by the rule (no lead named), not by the text
// collective: whether that unit stands for several units
// itemId: the item's id
//
// Scans the whole graph.
MATCH (item:Item {planId: $planId})
// Hinted: without it the planner sometimes scans every item of every plan instead.
USING INDEX item:Item(planId, unitCount)
WHERE item.unitCount = 1
MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(item)
WITH item, unit, assignment
ORDER BY item.sortKey ASC
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       unit.name AS unit,
       assignment.role AS role,
       assignment.inferred AS inferred,
       unit.collective AS collective,
       item.id AS itemId
