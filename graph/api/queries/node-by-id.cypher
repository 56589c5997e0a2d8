// node-by-id — one node of the plan graph by its id, with a unit's figures in each plan
//
// Parameters:
// :param id => '武汉市/市发改委'
//
// Columns:
// node: the node (a plan, item, unit or document)
// metrics: for a unit, its ACTIVE_IN figures per plan (each with planId); otherwise empty

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
OPTIONAL MATCH (found)-[activity:ACTIVE_IN]->(:Plan)
WITH found, collect(properties(activity)) AS metrics
RETURN found AS node,
       metrics AS metrics
LIMIT 1
