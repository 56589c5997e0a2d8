// portfolio-member-load — what collectives hand down over every plan loaded: each member unit's items from being named and from its collectives
// zh: 全部规划集合分工落到成员:计入所有已载入规划,各成员单位被点名的事项与经由集合单位承担的事项
//
// A district carries what 各区人民政府 is named on in every notice, not only in one. For each
// plan, the figures member-load gives a member of that plan's collectives (the items it is named
// on itself, those it carries only through a collective, and both, each item once); added up
// over the plans, so the sum over plans of member-load equals this ranking's figures. An item
// belongs to one plan, so the sum still counts each item once. byPlan says which notice hands
// the member the most.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// planIds counts only the plans listed (a chosen set, 选定规划); null counts every plan loaded.
// zh: 各区要承担每份文件中点名“各区人民政府”的事项,而不只是一份。对每份规划,按 member-load
// zh: 计算该规划集合单位的每个成员(直接点名的事项、只经由集合单位承担的事项及合计,每项只计一次),
// zh: 再按各份规划相加,因此各规划 member-load 之和等于本排名的数字。事项只属于一份规划,相加后
// zh: 每项仍只计一次。byPlan 列出哪份文件交给该成员的事项最多。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: planIds 只计所列规划(选定规划);为 null 时计入全部已载入规划。
//
// Parameters:
// :param limit => 10
// :param planIds => ['武汉市-f64b89c6']
// Defaults: limit => 20, planIds => null
// limit: 最多列出 / Rows at most
// planIds: 只计这些规划(null 为全部) / Only these plans (null: every plan)
//
// Columns:
// unit: Unit — the member unit's short name
//   单位 — 成员单位简称
// namedItems: Named — items that name the unit itself, over all plans
//   被点名 — 各规划中直接点名该单位的事项数之和
// viaCollectives: Through collectives — items it carries only as a member of a collective named on them, over all plans
//   经由集合单位 — 各规划中只因所属集合单位被点名而承担的事项数之和
// items: Items in all — named and through collectives, over all plans
//   合计 — 各规划中被点名与经由集合单位的事项合计之和
// plans: Plans — how many of the loaded plans name a collective it belongs to
//   规划数 — 已载入的规划中点名其所属集合单位的份数
// byPlan: By plan — each plan's items for the member, the most first
//   分规划 — 各规划中该成员的事项合计,由多到少
// collectives: Collectives — the collectives it belongs to that any plan names
//   所属集合单位 — 它所属的、任一规划点名的集合单位
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
//
// Scans the whole graph.
MATCH (collective:Unit)-[active:ACTIVE_IN]->(:Plan)
WHERE active.collective
  AND ($planIds IS NULL OR active.planId IN $planIds)
// member-load's figures, plan by plan, but each unit's items read once for every plan: read plan
// by plan, a unit's items of every plan were read again for each plan, and the work grew with
// the square of the plans loaded.
WITH collective, collect(active.planId) AS namedIn
MATCH (collective)-[assigned:LEADS|SUPPORTS]->(item:Item)
WHERE assigned.planId IN namedIn
WITH collective, assigned.planId AS planId, collect(DISTINCT item) AS items
MATCH (member:Unit)-[membership:MEMBER_OF]->(collective)
WHERE (membership.source = 'dictionary' OR membership.planId = planId)
  AND NOT coalesce(member.collective, false)
WITH member, planId, collect(DISTINCT collective) AS collectives, collect(items) AS lists
WITH member,
     collect({
       planId: planId,
       collectives: collectives,
       carried: reduce(carried = [], items IN lists |
         carried + [item IN items WHERE NOT item IN carried])
     }) AS shares
CALL (member) {
  OPTIONAL MATCH (member)-[assigned:LEADS|SUPPORTS]->(item:Item)
  WITH assigned.planId AS planId, collect(DISTINCT item) AS items
  RETURN collect({planId: planId, items: items}) AS namedByPlan
}
UNWIND shares AS share
WITH member,
     share,
     coalesce([entry IN namedByPlan WHERE entry.planId = share.planId][0].items, []) AS namedList
WITH member,
     share.planId AS planId,
     share.collectives AS collectives,
     size(namedList) AS named,
     size([item IN share.carried WHERE NOT item IN namedList]) AS onlyCarried
MATCH (plan:Plan {id: planId})
WITH member, plan, collectives, named, onlyCarried
ORDER BY named + onlyCarried DESC, plan.date DESC, plan.id ASC
WITH member,
     count(plan) AS plans,
     sum(named) AS namedItems,
     sum(onlyCarried) AS viaCollectives,
     collect(plan.title + ' ' + toString(named + onlyCarried)) AS perPlan,
     collect(collectives) AS collectiveLists
ORDER BY namedItems + viaCollectives DESC, viaCollectives DESC, member.name ASC
LIMIT $limit
RETURN member.name AS unit,
       namedItems AS namedItems,
       viaCollectives AS viaCollectives,
       namedItems + viaCollectives AS items,
       plans AS plans,
       reduce(text = '', part IN perPlan |
         text + CASE WHEN text = '' THEN '' ELSE '; ' END + part) AS byPlan,
       COLLECT {
         UNWIND collectiveLists AS collectives
         UNWIND collectives AS collective
         WITH DISTINCT collective.name AS name
         RETURN name
         ORDER BY name
       } AS collectives,
       member.id AS unitId
ORDER BY items DESC, viaCollectives DESC, unit ASC
