// path-between-units — the shortest connection between two units through shared items
//
// Each step goes from a unit to an item it leads or supports, and on to another unit named on that
//   item.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are not stepped through: everyone shares items with 各区人民政府, so a chain through
//   it says nothing about who works with whom.
// The units are named by id, short name or alias. No row: the two are not connected in this plan.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param from => '市发改委'
// :param to => '市文明办'
//
// Columns:
// step: position on the path, from 0 (the first unit)
// kind: unit, or the item's kind (indicator, task, project, requirement)
// name: the unit's short name, or the item's printed reference
// title: the item's title; the unit's full name
// link: how this node joins the previous one (LEADS or SUPPORTS, and the role as printed)
// id: the node's id
MATCH (plan:Plan {id: $planId})
MATCH (origin:Unit {jurisdiction: plan.jurisdiction})
WHERE origin.id = $from OR origin.name = $from OR $from IN origin.aliases
MATCH (destination:Unit {jurisdiction: plan.jurisdiction})
WHERE destination.id = $to OR destination.name = $to OR $to IN destination.aliases
MATCH path = shortestPath((origin)-[:LEADS|SUPPORTS*..12]-(destination))
WHERE all(link IN relationships(path) WHERE link.planId = $planId)
  AND all(node IN nodes(path)
          WHERE node = origin OR node = destination OR NOT coalesce(node.collective, false))
UNWIND range(0, length(path)) AS step
WITH step,
     nodes(path)[step] AS node,
     CASE WHEN step = 0 THEN null ELSE relationships(path)[step - 1] END AS link
RETURN step AS step,
       CASE WHEN node:Unit THEN 'unit' ELSE node.kind END AS kind,
       coalesce(node.name, node.ref) AS name,
       coalesce(node.title, node.fullName) AS title,
       CASE WHEN link IS NULL THEN null ELSE type(link) + ' ' + link.role END AS link,
       node.id AS id
ORDER BY step ASC
