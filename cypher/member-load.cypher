// member-load — what collectives hand down: each member unit's items from being named and from its collectives
// zh: 集合分工落到成员:各成员单位(如各区)被点名的事项与经由集合单位承担的事项
//
// 各区人民政府 named on an item means every district carries it. For each unit that belongs to a
// collective the plan names (a district of 各区人民政府, a member of a …成员单位), the items it is
// named on itself, the items it carries only through a collective, and both together; an item
// counted once per unit however many of its collectives are named on it. Members come from the
// unit dictionary and from the plan's own 〈含…〉 qualifiers.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// zh: 事项上点名“各区人民政府”,即每个区都要承担。对规划点名的集合单位的每个成员(各区人民政府下的
// zh: 各区、…成员单位的成员),列出它被直接点名的事项、只经由集合单位承担的事项及两者合计;一项事项
// zh: 对一个单位只计一次,不论点名了它所属的几个集合单位。成员关系来自单位词典和规划自身的〈含…〉说明。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// Defaults: limit => 20
// planId: 规划 / Plan
// limit: 最多列出 / Rows at most
//
// Columns:
// unit: Unit — the member unit's short name
//   单位 — 成员单位简称
// namedItems: Named — items that name the unit itself
//   被点名 — 直接点名该单位的事项数
// viaCollectives: Through collectives — items it carries only as a member of a collective named on them
//   经由集合单位 — 只因所属集合单位被点名而承担的事项数
// items: Items in all — named and through collectives, each item once
//   合计 — 被点名与经由集合单位的事项合计(每项只计一次)
// collectives: Collectives — the collectives of this plan it belongs to
//   所属集合单位 — 它所属的、本规划点名的集合单位
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
//
// Scans the whole graph.
MATCH (collective:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.collective
MATCH (member:Unit)-[membership:MEMBER_OF]->(collective)
WHERE (membership.source = 'dictionary' OR membership.planId = $planId)
  AND NOT coalesce(member.collective, false)
WITH member, collect(DISTINCT collective) AS collectives
CALL (member) {
  OPTIONAL MATCH (member)-[:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  RETURN collect(DISTINCT item) AS named
}
CALL (collectives) {
  UNWIND collectives AS collective
  MATCH (collective)-[:LEADS|SUPPORTS {planId: $planId}]->(item:Item)
  RETURN collect(DISTINCT item) AS carried
}
WITH member, collectives, named, [item IN carried WHERE NOT item IN named] AS onlyCarried
RETURN member.name AS unit,
       size(named) AS namedItems,
       size(onlyCarried) AS viaCollectives,
       size(named) + size(onlyCarried) AS items,
       [collective IN collectives | collective.name] AS collectives,
       member.id AS unitId
ORDER BY items DESC, viaCollectives DESC, unit ASC
LIMIT $limit
