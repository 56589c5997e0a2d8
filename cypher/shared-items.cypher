// shared-items — the items two units share, and the role of each on them
//
// coordinatesWith: Items two units share, whatever their roles.
// The units are named by id, short name or alias (市发改委, 市发展改革委, 武汉市/市发改委).
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param unitA => '市发改委'
// :param unitB => '市经信局'
//
// Columns:
// ref: the item's printed reference
// kind: indicator, task, project or requirement
// item: the item's title
// edgeA: LEADS or SUPPORTS, for the first unit
// edgeB: LEADS or SUPPORTS, for the second unit
// itemId: the item's id
MATCH (plan:Plan {id: $planId})
MATCH (a:Unit {jurisdiction: plan.jurisdiction})
WHERE a.id = $unitA OR a.name = $unitA OR $unitA IN a.aliases
// Both units settled first (a subquery, which the planner keeps in place), so each item of the
// one is checked against the other instead of fanning out to every unit on it.
CALL (plan) {
  MATCH (b:Unit {jurisdiction: plan.jurisdiction})
  WHERE b.id = $unitB OR b.name = $unitB OR $unitB IN b.aliases
  RETURN b
}
MATCH (a)-[first:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
      <-[second:LEADS|SUPPORTS {planId: $planId}]-(b)
WITH item, first, second
ORDER BY item.sortKey ASC
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       type(first) AS edgeA,
       type(second) AS edgeB,
       item.id AS itemId
