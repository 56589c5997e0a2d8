// unowned-items — items no single unit answers for: no lead, only collectives, or delegated
// zh: 无人负责的事项:没有牵头单位、只有集合单位牵头,或按其他文件分工
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
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 单位数:事项上列出的不同单位;主题则为通过其任务涉及的不同单位。
// zh: 牵头单位数:牵头该事项的不同单位。
// zh: no-lead(未列牵头单位):事项没有列出任何单位(重大工程的子项也没有)。
// zh: collective-only(仅由集合单位牵头):所有牵头单位都是集合单位。
// zh: delegated(按其他文件分工):工程交由另一份文件分工(按照《…》分工组织实施)。
// zh: 主题和工作要求是结构而不是分工,不在其中。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// planId: 规划 / Plan
//
// Columns:
// reason: Reason — no-lead, collective-only or delegated
//   原因 — 未列牵头单位、仅由集合单位牵头,或按其他文件分工
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task or project
//   类型 — 指标、任务或重大工程
// item: Item — the item's title
//   事项 — 事项的标题
// detail: Detail — the collective leads, or the notice the project is delegated to
//   说明 — 牵头的集合单位,或工程转由其分工的文件
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
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
