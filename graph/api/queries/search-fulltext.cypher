// search-fulltext — units and items the full-text indexes find for a Lucene query, in the given plans
//
// Parameters:
// :param query => '科技 创新'
// :param planIds => ['武汉市-f64b89c6']
// :param limit => 20
//
// Columns:
// id: the node's id
// score: the index's relevance score

CALL () {
  CALL db.index.fulltext.queryNodes('unit_search', $query, {limit: $limit}) YIELD node, score
  WHERE EXISTS { (node)-[:ACTIVE_IN]->(plan:Plan) WHERE plan.id IN $planIds }
  RETURN node.id AS id, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('item_search', $query, {limit: $limit}) YIELD node, score
  WHERE node.planId IN $planIds
  RETURN node.id AS id, score
}
RETURN id AS id,
       score AS score
ORDER BY score DESC
LIMIT $limit
