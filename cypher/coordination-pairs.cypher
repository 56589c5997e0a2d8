// coordination-pairs — the unit pairs that share the most items
// zh: 协同单位对:共同承担事项最多的两个单位
//
// coordinatesWith: Items two units share, whatever their roles.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are left out unless includeCollectives is true. shared-items lists the items
// of one pair.
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 共同事项:两个单位共同承担的事项,不论角色。
// zh: 集合单位默认不含,除非 includeCollectives 为真。某一对单位的共同事项见 shared-items 查询。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// :param includeCollectives => false
// Defaults: limit => 20, includeCollectives => false
// planId: 规划 / Plan
// limit: 最多列出 / Rows at most
// includeCollectives: 包含集合单位 / Include collective units
//
// Columns:
// unitA: Unit A — one unit of the pair (short name)
//   单位甲 — 一对单位中的一个(简称)
// unitB: Unit B — the other unit
//   单位乙 — 另一个单位
// sharedItems: Shared items — items the two share, whatever their roles
//   共同事项 — 两者共同承担的事项数,不论角色
// unitAId: Unit A id — the first unit's id
//   单位甲编号 — 第一个单位的编号
// unitBId: Unit B id — the second unit's id
//   单位乙编号 — 第二个单位的编号
//
// Scans the whole graph.
MATCH (a:Unit)-[pair:COORDINATES_WITH {planId: $planId}]->(b:Unit)
// Without the hint the planner walks every pair of every plan from the units' side.
USING INDEX pair:COORDINATES_WITH(planId)
WHERE $includeCollectives OR NOT (a.collective OR b.collective)
RETURN a.name AS unitA,
       b.name AS unitB,
       pair.items AS sharedItems,
       a.id AS unitAId,
       b.id AS unitBId
ORDER BY sharedItems DESC, unitA ASC, unitB ASC
LIMIT $limit
