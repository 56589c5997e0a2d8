// unit-to-goals — the themes and indicators a unit answers for, and through which items
// zh: 单位对应目标:一个单位负责的主题和指标,及经由哪些事项
//
// A unit reaches a strategic theme through the tasks under it that it leads or supports, and an
// indicator by being named on it. The unit is named by its id, short name or any alias.
// inferredLeads: Of the items led, those the unit owns by the rule: the item names no lead, so
//   its units lead it.
// zh: 其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。
// zh: 单位通过它牵头或配合的、主题下的任务涉及该战略主题,通过在指标上被列出涉及该指标。单位可用编号、简称或任一别名指定。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param unit => '市发改委'
// planId: 规划 / Plan
// unit: 单位 / Unit
//
// Columns:
// unit: Unit — the unit's short name
//   单位 — 单位简称
// goalKind: Goal kind — theme or indicator
//   目标类型 — 主题或指标
// goalRef: Goal ref. — the theme's or indicator's printed reference
//   目标序号 — 主题或指标的序号,如文件所印
// goal: Goal — its title
//   目标 — 主题或指标的标题
// target: Target — the indicator's target as printed; empty for a theme
//   目标值 — 指标的目标值,如文件所印;主题为空
// leads: Leads — items toward this goal the unit leads
//   牵头 — 朝向该目标、它牵头的事项数
// inferredLeads: Of which inferred — of the items led, those owned by the rule (no lead named)
//   其中推定牵头 — 牵头事项中按规则推定的(未列牵头单位)
// supports: Supports — items toward this goal the unit supports
//   配合 — 朝向该目标、它配合的事项数
// items: Items — the items it reaches the goal through, as "ref title"
//   事项 — 它经由的事项,写作“序号 标题”
MATCH (plan:Plan {id: $planId})
MATCH (unit:Unit {jurisdiction: plan.jurisdiction})
WHERE unit.id = $unit OR unit.name = $unit OR $unit IN unit.aliases
MATCH (unit)-[assignment:LEADS|SUPPORTS {planId: $planId}]->(item:Task|Indicator)
OPTIONAL MATCH (item)-[:UNDER]->{1,2}(theme:Theme)
WITH unit, coalesce(theme, item) AS goal, assignment, item
ORDER BY goal.sortKey ASC, item.sortKey ASC
WITH unit,
     goal,
     count(CASE type(assignment) WHEN 'LEADS' THEN 1 END) AS leads,
     count(CASE WHEN type(assignment) = 'LEADS' AND assignment.inferred THEN 1 END) AS inferredLeads,
     count(CASE type(assignment) WHEN 'SUPPORTS' THEN 1 END) AS supports,
     collect(item.ref + ' ' + item.title) AS items
ORDER BY goal.sortKey ASC
RETURN unit.name AS unit,
       goal.kind AS goalKind,
       goal.ref AS goalRef,
       goal.title AS goal,
       goal.targetText AS target,
       leads AS leads,
       inferredLeads AS inferredLeads,
       supports AS supports,
       items AS items
