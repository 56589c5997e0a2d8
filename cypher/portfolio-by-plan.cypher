// portfolio-by-plan — every unit's figures in every plan loaded: the responsibility matrix of units × plans
// zh: 单位 × 规划:每个单位在每份已载入规划中的牵头、配合与工作量
//
// One row per unit and plan that names it. Each row is the unit's row of that plan's unit-load
// ranking (stored at load on the unit's ACTIVE_IN edge to the plan), so a unit's rows add up to
// its portfolio-load row; the explorer's matrix draws one column per plan from them.
// itemsLed: Items the unit leads: marked as lead, or named on an item that has no lead (it then
//   owns it).
// itemsSupported: Items the unit supports: named, but not as lead, on an item that has a lead.
// load: Weighted load: 1 for each item led plus 0.5 for each item supported.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// inferredLeads: Of the items led, those the unit owns by the rule: the item names no lead, so
//   its units lead it.
// Collective units are left out unless includeCollectives is true.
// zh: 每个单位与点名它的每份规划一行。每行即该规划 unit-load 排名中该单位的一行(载入时记在单位与
// zh: 规划之间的 ACTIVE_IN 关系上),因此一个单位各行之和等于它在 portfolio-load 中的一行;
// zh: 浏览器的责任矩阵按规划分列展示这些数字。
// zh: 牵头事项数:被列为牵头单位的事项,加上未列牵头单位、按规则由所列单位牵头的事项。
// zh: 配合事项数:在已有牵头单位的事项上被列出(不是牵头)的事项。
// zh: 工作量:每牵头一项计 1,每配合一项计 0.5。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。
// zh: 集合单位默认不含,除非 includeCollectives 为真。
//
// Parameters:
// :param includeCollectives => false
// Defaults: includeCollectives => false
// includeCollectives: 包含集合单位 / Include collective units
//
// Columns:
// unit: Unit — the unit's short name
//   单位 — 单位简称
// planId: Plan — the plan's id
//   规划 — 规划的编号
// leads: Leads — items the unit leads in the plan
//   牵头 — 它在该规划中牵头的事项数
// inferredLeads: Of which inferred — of the items led, those owned by the rule (no lead named)
//   其中推定牵头 — 牵头事项中按规则推定的(未列牵头单位)
// supports: Supports — items the unit supports in the plan
//   配合 — 它在该规划中配合的事项数
// load: Load — weighted load in the plan (1 per item led + 0.5 per item supported)
//   工作量 — 该规划中的加权工作量(每牵头一项计 1,每配合一项计 0.5)
// collective: Collective — whether the unit stands for several units
//   集合单位 — 该单位是否代表多个单位
// englishName: English name — the unit's name in English, when the dictionary has one
//   英文名称 — 单位的英文名称(词典中有时)
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
//
// Scans the whole graph.
MATCH (unit:Unit)-[active:ACTIVE_IN]->(plan:Plan)
WHERE $includeCollectives OR NOT active.collective
WITH unit, collect([plan.id, active]) AS shares
// A unit's inferred leads in one pass over its leads, grouped by plan: counted plan by plan, the
// work would grow with the square of the plans loaded.
CALL (unit) {
  OPTIONAL MATCH (unit)-[lead:LEADS {inferred: true}]->(:Item)
  WITH lead.planId AS planId, count(lead) AS inferred
  RETURN collect(CASE WHEN planId IS NULL THEN null ELSE [planId, inferred] END) AS inferredByPlan
}
UNWIND shares AS share
WITH unit, share[0] AS planId, share[1] AS active, inferredByPlan
RETURN unit.name AS unit,
       planId AS planId,
       active.itemsLed AS leads,
       coalesce([pair IN inferredByPlan WHERE pair[0] = planId | pair[1]][0], 0) AS inferredLeads,
       active.itemsSupported AS supports,
       active.load AS load,
       active.collective AS collective,
       unit.englishName AS englishName,
       unit.id AS unitId
ORDER BY unitId ASC, load DESC, planId ASC
