// collective-exposure — items that rest on 各区人民政府, 相关区人民政府 and other collectives
// zh: 依赖集合单位的事项:点名各区人民政府、相关区人民政府等集合单位的事项
//
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// An item naming one depends on units the plan does not name; restsOnCollectives is true when no
//   named, single unit is on the item at all.
// The most exposed come first: fewest named units, then in plan order.
// unitCount: Distinct units named on the item; for a theme, distinct units reaching it through its
//   tasks.
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 单位数:事项上列出的不同单位;主题则为通过其任务涉及的不同单位。
// zh: 点名集合单位的事项,依赖于规划没有具体列名的单位;restsOnCollectives 为真表示事项上没有任何具名的单个单位。
// zh: 具名单位最少的排在前面,其次按规划顺序。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 100
// Defaults: limit => 100
// planId: 规划 / Plan
// limit: 最多列出 / Rows at most
//
// Columns:
// ref: Ref. — the item's printed reference
//   序号 — 事项的序号,如文件所印
// kind: Kind — indicator, task or project
//   类型 — 指标、任务或重大工程
// item: Item — the item's title
//   事项 — 事项的标题
// collectives: Collectives — the collective units named on it
//   集合单位 — 事项上点名的集合单位
// collectiveRole: Collective role — LEADS when a collective leads it, else SUPPORTS
//   集合单位角色 — 集合单位牵头时为牵头,否则为配合
// namedUnits: Named units — distinct non-collective units on the item
//   具名单位数 — 事项上不同的非集合单位数
// restsOnCollectives: Only collectives — true when only collectives are named
//   仅有集合单位 — 只点名了集合单位时为是
// itemId: Item id — the item's id
//   事项编号 — 事项的编号
//
// Scans the whole graph.
MATCH (collective:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.collective
// A subquery, so the walk starts from the few collectives whatever the planner's statistics say
// (from the relationship index it would read every assignment of the plan).
CALL (collective) {
  MATCH (collective)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  RETURN item, type(assignment) AS role
}
WITH item, collect(collective.name) AS collectives, collect(role) AS roles
WITH item,
     collectives,
     CASE WHEN 'LEADS' IN roles THEN 'LEADS' ELSE 'SUPPORTS' END AS collectiveRole,
     item.unitCount - size(collectives) AS namedUnits
ORDER BY namedUnits ASC, item.sortKey ASC
LIMIT $limit
RETURN item.ref AS ref,
       item.kind AS kind,
       item.title AS item,
       collectives AS collectives,
       collectiveRole AS collectiveRole,
       namedUnits AS namedUnits,
       namedUnits = 0 AS restsOnCollectives,
       item.id AS itemId
