// neighbourhood — a node's neighbours within $depth hops along the given relationship types, nearest first, the first $limit kept
//
// Nearest first: by distance, then items in document order, then names. A neighbour's `via` is
// the type of the relationship that reaches it on its shortest route. The relationships returned
// are every one of the allowed types among the node and the kept neighbours. Units carry their
// figures in plan $planId ('' for none).
//
// Parameters:
// :param id => '武汉市/市发改委'
// :param depth => 1
// :param types => ['LEADS', 'SUPPORTS']
// :param limit => 50
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// center: the node asked about
// kept: the neighbours kept, nearest first: maps of node, distance and via
// leftOut: the relationship type reaching each neighbour beyond the limit (one entry per neighbour)
// relationships: the relationships among the node and the kept neighbours
// metrics: the figures in plan $planId of the units shown, as maps with unitId

CALL () {
  MATCH (found:Item {id: $id})
  RETURN found
  UNION
  MATCH (found:Unit {id: $id})
  RETURN found
  UNION
  MATCH (found:Plan {id: $id})
  RETURN found
  UNION
  MATCH (found:Document {id: $id})
  RETURN found
}
WITH found AS center
LIMIT 1
CALL (center) {
  MATCH (center)-[hop]-(neighbour)
    WHERE size($types) = 0 OR type(hop) IN $types
  RETURN neighbour, 1 AS distance, type(hop) AS via
  UNION ALL
  MATCH (center)-[first]-(middle)-[second]-(neighbour)
    WHERE $depth >= 2
      AND neighbour <> center
      AND (size($types) = 0 OR (type(first) IN $types AND type(second) IN $types))
  RETURN neighbour, 2 AS distance, type(second) AS via
}
WITH center, neighbour, distance, via
ORDER BY distance
WITH center, neighbour, min(distance) AS distance, head(collect(via)) AS via
ORDER BY distance,
         CASE via WHEN 'LEADS' THEN 0 WHEN 'SUPPORTS' THEN 1 ELSE 2 END,
         coalesce(neighbour.sortKey, 2147483647),
         coalesce(neighbour.name, neighbour.title, neighbour.id)
WITH center,
     [entry IN collect({node: neighbour, distance: distance, via: via}) WHERE entry.node IS NOT NULL] AS found
WITH center,
     found[0..$limit] AS kept,
     [entry IN found[$limit..] | entry.via] AS leftOut
WITH center, kept, leftOut, [center] + [entry IN kept | entry.node] AS shown
CALL (shown) {
  UNWIND shown AS start
  MATCH (start)-[link]->(end)
    WHERE end IN shown
      AND (size($types) = 0 OR type(link) IN $types)
  RETURN collect(DISTINCT link) AS relationships
}
RETURN center AS center,
       kept AS kept,
       leftOut AS leftOut,
       relationships AS relationships,
       [(unit:Unit)-[activity:ACTIVE_IN]->(:Plan {id: $planId}) WHERE unit IN shown | activity {.*, unitId: unit.id}] AS metrics
