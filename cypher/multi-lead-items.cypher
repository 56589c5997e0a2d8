// multi-lead-items — items with diffuse ownership: three or more leads
// zh: 多头牵头事项:有三个及以上牵头单位的事项
//
// diffuseOwnership: The item has three or more leads, so no one unit clearly answers for it.
// leadCount: Distinct units that lead the item.
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
// zh: 单位数:事项上列出的不同单位;主题则为通过其任务涉及的不同单位。
// zh: 牵头单位数:牵头该事项的不同单位。
// zh: 多头牵头:事项有三个及以上牵头单位,没有哪一个单位能被明确问责。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// Defaults: limit => 50
// planId: 规划 / Plan
// limit: 最多列出 / Rows at most
//
// Columns:
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task, project or requirement
//   类型 — 指标、任务、重大工程或工作要求
// item: Item — the item's title
//   事项 — 事项的标题
// leads: Lead units — distinct units that lead the item
//   牵头单位数 — 牵头该事项的不同单位数
// units: Units — distinct units named on the item
//   单位数 — 事项上列出的不同单位数
// leadUnits: Lead units — the leads, in the order printed
//   牵头单位 — 牵头的单位,按文件顺序
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
//
// Scans the whole graph.
MATCH (item:Item {planId: $planId})
// leadCount >= 3 restates diffuseOwnership so that an index on (planId, leadCount) can serve it;
// hinted, because the planner would otherwise often scan every item of every plan.
USING INDEX item:Item(planId, leadCount)
WHERE item.leadCount >= 3
  AND item.diffuseOwnership
WITH item
ORDER BY item.leadCount DESC, item.sortKey ASC
LIMIT $limit
CALL (item) {
  MATCH (lead:Unit)-[assignment:LEADS]->(item)
  WITH lead, assignment
  ORDER BY assignment.position ASC
  RETURN collect(lead.name) AS leadUnits
}
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       item.leadCount AS leads,
       item.unitCount AS units,
       leadUnits AS leadUnits,
       item.id AS itemId
