// theme-reach — every unit connected to a strategic theme, leads before supports
// zh: 主题涉及单位:与某一战略主题相关的全部单位,牵头在前
//
// A unit reaches a theme through the tasks under it (a task’s unnumbered second part included)
//   that it leads or supports.
// The theme is named by its printed reference (二(一)) or its id.
// collective: The unit stands for several units (各区人民政府, …成员单位) and is left out of rankings by
//   default.
// inferredLeads: Of the items led, those the unit owns by the rule: the item names no lead, so
//   its units lead it.
// zh: 集合单位:代表多个单位(各区人民政府、…成员单位),排名中默认不含。
// zh: 其中推定牵头:牵头事项中,因未列牵头单位而按规则由所列单位牵头的事项。
// zh: 单位通过它牵头或配合的、该主题下的任务(含任务的不编号第二部分)涉及该主题。
// zh: 主题用文件所印序号(二(一))或编号指定。
//
// Parameters:
// :param planId => '武汉市-f64b89c6'
// :param theme => '二(一)'
// planId: 规划 / Plan
// theme: 主题 / Theme
//
// Columns:
// themeRef: Theme ref. — the theme's printed reference
//   主题序号 — 主题的序号,如文件所印
// theme: Theme — the theme's title
//   主题 — 主题的标题
// unit: Unit — the unit's short name
//   单位 — 单位简称
// leads: Leads — tasks of the theme the unit leads
//   牵头 — 该主题下它牵头的任务数
// inferredLeads: Of which inferred — of the tasks led, those owned by the rule (no lead named)
//   其中推定牵头 — 牵头任务中按规则推定的(未列牵头单位)
// supports: Supports — tasks of the theme the unit supports
//   配合 — 该主题下它配合的任务数
// collective: Collective — whether the unit stands for several units
//   集合单位 — 该单位是否代表多个单位
// items: Tasks — the tasks, by printed reference
//   任务 — 这些任务的序号
// unitId: Unit id — the unit's id
//   单位编号 — 单位的编号
MATCH (theme:Theme {planId: $planId})
WHERE theme.ref = $theme OR theme.id = $theme
MATCH (unit:Unit)-[assignment:LEADS|SUPPORTS]->(task:Task)-[:UNDER]->{1,2}(theme)
WITH theme, unit, assignment, task
ORDER BY task.sortKey ASC
WITH theme,
     unit,
     count(CASE type(assignment) WHEN 'LEADS' THEN 1 END) AS leads,
     count(CASE WHEN type(assignment) = 'LEADS' AND assignment.inferred THEN 1 END) AS inferredLeads,
     count(CASE type(assignment) WHEN 'SUPPORTS' THEN 1 END) AS supports,
     collect(task.ref) AS items
ORDER BY leads DESC, supports DESC, unit.name ASC
RETURN theme.ref AS themeRef,
       theme.title AS theme,
       unit.name AS unit,
       leads AS leads,
       inferredLeads AS inferredLeads,
       supports AS supports,
       unit.collective AS collective,
       items AS items,
       unit.id AS unitId
