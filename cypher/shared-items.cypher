// shared-items — the items two units share, and the role of each on them
// zh: 共同事项:两个单位共同承担的事项,及各自的角色
//
// coordinatesWith: Items two units share, whatever their roles.
// The units are named by id, short name or alias (市发改委, 市发展改革委, 武汉市/市发改委).
// zh: 共同事项:两个单位共同承担的事项,不论角色。
// zh: 单位可用编号、简称或别名指定(市发改委、市发展改革委、武汉市/市发改委)。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param unitA => '市发改委'
// :param unitB => '市经信局'
// planId: 规划 / Plan
// unitA: 单位甲 / Unit A
// unitB: 单位乙 / Unit B
//
// Columns:
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task, project or requirement
//   类型 — 指标、任务、重大工程或工作要求
// item: Item — the item's title
//   事项 — 事项的标题
// edgeA: Role of unit A — LEADS or SUPPORTS, for the first unit
//   单位甲角色 — 第一个单位:牵头或配合
// edgeB: Role of unit B — LEADS or SUPPORTS, for the second unit
//   单位乙角色 — 第二个单位:牵头或配合
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
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
