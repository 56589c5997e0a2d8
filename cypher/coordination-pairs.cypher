// coordination-pairs — the unit pairs that share the most items
//
// coordinatesWith: Items two units share, whatever their roles.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are left out unless includeCollectives is true. shared-items lists the items
// of one pair.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// :param includeCollectives => false
// Defaults: limit => 20, includeCollectives => false
//
// Columns:
// unitA: one unit of the pair (short name)
// unitB: the other unit
// sharedItems: items the two share, whatever their roles
// unitAId: the first unit's id
// unitBId: the second unit's id
//
// Scans the whole graph.
MATCH (a:Unit)-[pair:COORDINATES_WITH {planId: $planId}]->(b:Unit)
// Without the hint the planner walks every pair of every plan from the units' side.
USING INDEX pair:COORDINATES_WITH(planId)
WHERE $includeCollectives OR NOT (a.collective OR b.collective)
RETURN a.name AS unitA,
       b.name AS unitB,
       pair.items AS sharedItems,
       a.id AS unitAId,
       b.id AS unitBId
ORDER BY sharedItems DESC, unitA ASC, unitB ASC
LIMIT $limit
