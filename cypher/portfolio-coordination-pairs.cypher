// portfolio-coordination-pairs — the unit pairs that share the most items over every plan loaded
// zh: 全部规划协同单位对:计入所有已载入规划,共同承担事项最多的两个单位
//
// Two bureaus that share items in several notices coordinate on all of them. Each plan's count
// is the one coordination-pairs ranks (stored at load on the pair's COORDINATES_WITH edge of that
// plan), added up over the plans in which the two share items, so the sum over plans of
// coordination-pairs equals this ranking's figures. byPlan says which notice gives the pair the
// most.
// coordinatesWith: Items two units share, whatever their roles.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// Collective units are left out unless includeCollectives is true. planIds counts only the plans
// listed (a chosen set, 选定规划); null counts every plan loaded.
// zh: 两个部门在几份文件中都有共同事项,就要在所有这些事项上协同。每份规划的数字与
// zh: coordination-pairs 排名相同(载入时记在这一对单位该规划的 COORDINATES_WITH 关系上),这里按
// zh: 两者有共同事项的各份规划相加,因此各规划 coordination-pairs 之和等于本排名的数字。byPlan
// zh: 列出哪份文件给这一对单位的共同事项最多。
// zh: 共同事项:两个单位共同承担的事项,不论角色。
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
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
// unitA: Unit A — one unit of the pair (short name)
//   单位甲 — 一对单位中的一个(简称)
// unitB: Unit B — the other unit
//   单位乙 — 另一个单位
// sharedItems: Shared items — items the two share over all plans, whatever their roles
//   共同事项 — 各规划中两者共同承担的事项数之和,不论角色
// plans: Plans — how many of the loaded plans have the two share items
//   规划数 — 已载入的规划中两者有共同事项的份数
// byPlan: By plan — each plan's shared items for the pair, the most first
//   分规划 — 各规划中两者的共同事项数,由多到少
// unitAId: Unit A id — the first unit's id
//   单位甲编号 — 第一个单位的编号
// unitBId: Unit B id — the second unit's id
//   单位乙编号 — 第二个单位的编号
//
// Scans the whole graph.
MATCH (a:Unit)-[pair:COORDINATES_WITH]->(b:Unit)
// One edge per pair and plan, always from the smaller id to the larger: a pair is the same two
// nodes in every plan, so grouping by them adds its plans up.
WHERE $includeCollectives OR NOT (a.collective OR b.collective)
// The chosen plans' edges are kept after grouping, not matched: a filter on the edge in the MATCH
// turns Neo4j to pairing every two units and looking for an edge between them, eight times the
// work at 25 plans. A CASE, not an OR: with every plan counted, no edge's plan is read.
WITH a,
     b,
     [part IN collect(pair)
       WHERE CASE WHEN $planIds IS NULL THEN true ELSE part.planId IN $planIds END] AS perPlan
WITH a,
     b,
     perPlan,
     size(perPlan) AS plans,
     reduce(total = 0, part IN perPlan | total + part.items) AS sharedItems
WHERE plans > 0
WITH a, b, perPlan, plans, sharedItems
ORDER BY sharedItems DESC, a.name ASC, b.name ASC
LIMIT $limit
// Plans named for the rows shown only.
CALL (perPlan) {
  UNWIND perPlan AS part
  MATCH (plan:Plan {id: part.planId})
  WITH part, plan
  ORDER BY part.items DESC, plan.date DESC, plan.id ASC
  RETURN collect(plan.title + ' ' + toString(part.items)) AS parts
}
RETURN a.name AS unitA,
       b.name AS unitB,
       sharedItems AS sharedItems,
       plans AS plans,
       reduce(text = '', part IN parts |
         text + CASE WHEN text = '' THEN '' ELSE '; ' END + part) AS byPlan,
       a.id AS unitAId,
       b.id AS unitBId
ORDER BY sharedItems DESC, unitA ASC, unitB ASC
