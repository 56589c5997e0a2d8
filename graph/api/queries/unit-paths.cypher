// unit-paths — the shortest connections between two units through the items they answer for
//
// Two units that share an item are two steps apart (unit → item ← unit); otherwise the route
// runs through other units' items. Only assignments of the given plans count.
//
// Parameters:
// :param fromId => '武汉市/市发改委'
// :param toId => '武汉市/市科技局'
// :param planIds => ['武汉市-f64b89c6']
// :param collectives => false
// :param limit => 20
//
// Columns:
// path: one shortest route, unit to unit

MATCH (from:Unit {id: $fromId}), (to:Unit {id: $toId})
MATCH route = allShortestPaths((from)-[:LEADS|SUPPORTS*..8]-(to))
  WHERE all(link IN relationships(route) WHERE link.planId IN $planIds)
    // Units and the plans' items only: a load's draft and the version it retires carry the same
    // planId on their edges (graph/load/staging.ts).
    AND all(step IN nodes(route) WHERE step:Unit OR step:Item)
    AND all(between IN nodes(route)[1..-1] WHERE $collectives OR NOT coalesce(between.collective, false))
RETURN route AS path
LIMIT $limit
