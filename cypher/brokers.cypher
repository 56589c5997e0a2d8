// brokers — units ranked by betweenness in the co-assignment network: the go-betweens
// zh: 居间单位:在单位协作网络中居间程度最高、沟通各方的单位
//
// betweenness: How often the unit lies on the shortest chains of co-assignment between two other
//   units (0–1); collective units are left out.
// Two units are linked when they share an item; the more items they share, the shorter the link.
// community: The cluster of units that work together most (Louvain communities of the
//   co-assignment network); empty for collective units.
// coordinatesWith: Items two units share, whatever their roles.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// inferredLeads: Of the items led, those the unit owns by the rule: the item names no lead, so
//   its units lead it.
// zh: 牵头事项数:被列为牵头单位的事项,加上未列牵头单位、按规则由所列单位牵头的事项。
// zh: 配合事项数:在已有牵头单位的事项上被列出(不是牵头)的事项。
// zh: 工作量:每牵头一项计 1,每配合一项计 0.5。
// zh: 居间度:在单位协作网络中,单位位于另外两个单位之间最短联系上的程度(0–1);不含集合单位。
// zh: 协作群组:经常共同承担事项的单位聚成的群组(Louvain 社区划分);集合单位为空。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 共同事项:两个单位共同承担的事项,不论角色。
// zh: 其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。
// zh: 两个单位共同承担一项事项即相连;共同事项越多,联系越近。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param limit => 10
// Defaults: limit => 20
// planId: 规划 / Plan
// limit: 最多列出 / Rows at most
//
// Columns:
// unit: Unit — the unit's short name
//   单位 — 单位简称
// betweenness: Betweenness — normalised betweenness centrality, 0–1
//   居间度 — 标准化的介数中心性,0–1
// community: Community — the cluster of units it works with most (see communities)
//   协作群组 — 它最常合作的单位所在的群组(见协作群组查询)
// partners: Partners — distinct units it shares at least one item with
//   协作单位数 — 与它至少共同承担一项事项的不同单位(不含集合单位)
// leads: Leads — items it leads
//   牵头 — 它牵头的事项数
// inferredLeads: Of which inferred — of the items led, those owned by the rule (no lead named)
//   其中推定牵头 — 牵头事项中按规则推定的(未列牵头单位)
// supports: Supports — items it supports
//   配合 — 它配合的事项数
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN {planId: $planId}]->(:Plan)
WHERE active.betweenness IS NOT NULL
WITH unit, active
ORDER BY active.betweenness DESC, active.load DESC, unit.name ASC
LIMIT $limit
RETURN unit.name AS unit,
       active.betweenness AS betweenness,
       active.community AS community,
       COUNT {
         (unit)-[:COORDINATES_WITH {planId: $planId}]-(partner:Unit)
         WHERE NOT partner.collective
       } AS partners,
       active.itemsLed AS leads,
       COUNT {
         (unit)-[:LEADS {planId: $planId, inferred: true}]->(:Item)
       } AS inferredLeads,
       active.itemsSupported AS supports,
       unit.id AS unitId
