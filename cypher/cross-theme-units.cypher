// cross-theme-units — units spanning the most strategic themes
// zh: 跨主题单位:涉及战略主题最多的单位
//
// themesReached: Distinct strategic themes the unit reaches through the tasks it leads or
//   supports.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are left out unless includeCollectives is true. unit-to-goals lists the
// themes of one unit.
// inferredLeads: Of the items led, those the unit owns by the rule: the item names no lead, so
//   its units lead it.
// zh: 牵头事项数:被列为牵头单位的事项,加上未列牵头单位、按规则由所列单位牵头的事项。
// zh: 配合事项数:在已有牵头单位的事项上被列出(不是牵头)的事项。
// zh: 涉及主题数:通过牵头或配合的任务所涉及的不同战略主题。
// zh: 工作量:每牵头一项计 1,每配合一项计 0.5。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。
// zh: 集合单位默认不含,除非 includeCollectives 为真。某一单位涉及的主题见 unit-to-goals 查询。
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
// unit: Unit — the unit's short name
//   单位 — 单位简称
// themesReached: Themes reached — distinct themes reached through the tasks it leads or supports
//   涉及主题 — 通过牵头或配合的任务涉及的不同主题数
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
WHERE ($includeCollectives OR NOT active.collective)
  AND active.themesReached > 0
// Ranked and cut first: inferred leads are counted for the rows shown only (see unit-load).
WITH unit, active
ORDER BY active.themesReached DESC, active.load DESC, unit.name ASC
LIMIT $limit
RETURN unit.name AS unit,
       active.themesReached AS themesReached,
       active.itemsLed AS leads,
       COUNT {
         (unit)-[:LEADS {planId: $planId, inferred: true}]->(:Item)
       } AS inferredLeads,
       active.itemsSupported AS supports,
       unit.id AS unitId
ORDER BY themesReached DESC, active.load DESC, unit ASC
