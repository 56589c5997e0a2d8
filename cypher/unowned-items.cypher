// unowned-items — items no single unit answers for: no lead, only collectives, or delegated
//
// no-lead: the item names no unit at all (and, for a major project, neither do its sub-items).
// collective-only: every lead is a collective unit.
// delegated: the project is handed to another notice (按照《…》分工组织实施).
// leadCount: Distinct units that lead the item.
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Themes and work requirements are structure, not assignments, and are left out.
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
//
// Columns:
// reason: no-lead, collective-only or delegated
// ref: the item's printed reference
// kind: indicator, task or project
// item: the item's title
// detail: the collective leads, or the notice the project is delegated to
// itemId: the item's id
//
// Scans the whole graph.
CALL () {
  MATCH (item:Item {planId: $planId})-[:DELEGATED_TO]->(document:Document)
  RETURN item, 'delegated' AS reason, coalesce(document.number + ' ', '') + document.title AS detail
  UNION
  MATCH (item:Item {planId: $planId})
  USING INDEX item:Item(planId, leadCount)
  WHERE item.leadCount = 0
    AND item.kind IN ['indicator', 'task', 'project']
    AND item.delegatedTo IS NULL
  // A subquery, not EXISTS: the planner then checks sub-items only for the few items left.
  CALL (item) {
    OPTIONAL MATCH (part:Project)-[:PART_OF]->(item)
    WHERE part.unitCount > 0
    RETURN count(part) AS namedParts
  }
  WITH item
  WHERE namedParts = 0
  RETURN item, 'no-lead' AS reason, '' AS detail
  UNION
  MATCH (collective:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
  WHERE active.collective
  CALL (collective) {
    MATCH (collective)-[:LEADS {planId: $planId}]->(item:Item)
    RETURN item
  }
  WITH DISTINCT item
  WHERE NOT EXISTS { (named:Unit)-[:LEADS]->(item) WHERE NOT named.collective }
  MATCH (lead:Unit)-[assignment:LEADS]->(item)
  WITH item, lead, assignment
  ORDER BY assignment.position ASC
  WITH item, collect(lead.name) AS leads
  RETURN item,
         'collective-only' AS reason,
         reduce(text = '', name IN leads |
                text + CASE text WHEN '' THEN '' ELSE '、' END + name) AS detail
}
WITH item, reason, detail
ORDER BY item.sortKey ASC
RETURN reason AS reason,
       item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       detail AS detail,
       item.id AS itemId
