// search-fulltext — units and items the full-text indexes find for a Lucene query, in the given plans
//
// Parameters:
// :param query => '"示范区"'
// :param planIds => ['武汉市-f64b89c6']
// :param limit => 20
//
// Columns:
// id: the node's id
// kind: unit, or the item's kind
// score: the index's relevance score (comparable within one index only)
// text: an item's text, for the snippet around the words; null for a unit

CALL () {
  CALL db.index.fulltext.queryNodes('unit_search', $query, {limit: $limit}) YIELD node, score
  WHERE EXISTS { (node)-[:ACTIVE_IN]->(plan:Plan) WHERE plan.id IN $planIds }
  RETURN node.id AS id, 'unit' AS kind, score, null AS text
  UNION ALL
  // The index also holds a load's draft and the version it replaces (each item at most twice
  // more): the hits are asked for three times over, and the plan's items kept.
  CALL db.index.fulltext.queryNodes('item_search', $query, {limit: $limit * 3}) YIELD node, score
  WHERE node:Item AND node.planId IN $planIds
  RETURN node.id AS id, node.kind AS kind, score, node.text AS text
  ORDER BY score DESC
  LIMIT $limit
}
RETURN id AS id,
       kind AS kind,
       score AS score,
       text AS text
ORDER BY score DESC
