// portfolio-load — units ranked by their load over every plan loaded: who carries most, counting everything
// zh: 全部规划工作量排名:计入所有已载入规划,谁承担的事项最多
//
// A bureau answers to many notices at once; its overload is only real when they are counted
// together. Each plan's figures are the ones unit-load ranks (stored at load on the unit's
// ACTIVE_IN edge to the plan), added up over the plans that name the unit, so the sum over plans
// of unit-load equals this ranking's figures. byPlan says which notice gives the unit the most.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// inferredLeads: Of the items led, those the unit owns by the rule: the item names no lead, so
//   its units lead it.
// Collective units are left out unless includeCollectives is true. planIds counts only the plans
// listed (a chosen set, 选定规划); null counts every plan loaded.
// zh: 一个部门同时承担多份文件的分工,只有合并计算才能看出是否超负荷。每份规划的数字与 unit-load
// zh: 排名相同(载入时记在单位与规划之间的 ACTIVE_IN 关系上),这里按点名该单位的各份规划相加,
// zh: 因此各规划 unit-load 之和等于本排名的数字。byPlan 列出哪份文件给该单位的工作最多。
// zh: 牵头事项数:被列为牵头单位的事项,加上未列牵头单位、按规则由所列单位牵头的事项。
// zh: 配合事项数:在已有牵头单位的事项上被列出(不是牵头)的事项。
// zh: 工作量:每牵头一项计 1,每配合一项计 0.5。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。
// zh: 集合单位默认不含,除非 includeCollectives 为真。planIds 只计所列规划(选定规划);为 null 时计入
// zh: 全部已载入规划。
//
// Parameters:
// :param limit => 10
// :param includeCollectives => false
// :param planIds => ['武汉市-f64b89c6']
// Defaults: limit => 20, includeCollectives => false, planIds => null
// limit: 最多列出 / Rows at most
// includeCollectives: 包含集合单位 / Include collective units
// planIds: 只计这些规划(null 为全部) / Only these plans (null: every plan)
//
// Columns:
// unit: Unit — the unit's short name
//   单位 — 单位简称
// plans: Plans — how many of the loaded plans name the unit
//   规划数 — 已载入的规划中点名该单位的份数
// leads: Leads — items the unit leads, over all plans
//   牵头 — 各规划中它牵头的事项数之和
// inferredLeads: Of which inferred — of the items led, those owned by the rule (no lead named)
//   其中推定牵头 — 牵头事项中按规则推定的(未列牵头单位)
// supports: Supports — items the unit supports, over all plans
//   配合 — 各规划中它配合的事项数之和
// load: Load — weighted load over all plans (1 per item led + 0.5 per item supported)
//   工作量 — 各规划加权工作量之和(每牵头一项计 1,每配合一项计 0.5)
// byPlan: By plan — each plan's load for the unit, the heaviest first
//   分规划 — 各规划中该单位的工作量,由多到少
// collective: Collective — whether the unit stands for several units
//   集合单位 — 该单位是否代表多个单位
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN]->(plan:Plan)
// A CASE, not an OR: with every plan counted, no plan's id is read at all.
WHERE ($includeCollectives OR NOT active.collective)
  AND CASE WHEN $planIds IS NULL THEN true ELSE plan.id IN $planIds END
WITH unit, active, plan
ORDER BY active.load DESC, plan.date DESC, plan.id ASC
WITH unit,
     count(plan) AS plans,
     sum(active.itemsLed) AS leads,
     sum(active.itemsSupported) AS supports,
     sum(active.load) AS load,
     collect(plan.title + ' ' + CASE
       WHEN active.load = floor(active.load) THEN toString(toInteger(active.load))
       ELSE toString(active.load)
     END) AS perPlan
ORDER BY load DESC, leads DESC, unit.name ASC
LIMIT $limit
// Counted for the rows shown, in one pass over the unit's leads of every plan: counted plan by
// plan, the work grew with the square of the plans loaded.
CALL (unit) {
  OPTIONAL MATCH (unit)-[lead:LEADS {inferred: true}]->(:Item)
  WHERE CASE WHEN $planIds IS NULL THEN true ELSE lead.planId IN $planIds END
  RETURN count(lead) AS inferredLeads
}
RETURN unit.name AS unit,
       plans AS plans,
       leads AS leads,
       inferredLeads AS inferredLeads,
       supports AS supports,
       load AS load,
       reduce(text = '', part IN perPlan |
         text + CASE WHEN text = '' THEN '' ELSE '; ' END + part) AS byPlan,
       unit.collective AS collective,
       unit.id AS unitId
ORDER BY load DESC, leads DESC, unit ASC
